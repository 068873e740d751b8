/** The web app's environment, read once and validated; a bad value names the variable and the fix. */
import "server-only";
import { z } from "zod";

const Env = z.object({
  ATLAS_API_URL: z
    .url({ message: "must be the API's base URL, such as http://127.0.0.1:4000" })
    .default("http://127.0.0.1:4000")
    .transform((url) => url.replace(/\/+$/, "")),
});
export type WebEnv = z.infer<typeof Env>;

function read(): WebEnv {
  const parsed = Env.safeParse({
    ATLAS_API_URL: process.env.ATLAS_API_URL || undefined,
  });
  if (!parsed.success) {
    throw new Error(
      `Invalid environment: ${parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}`,
    );
  }
  return parsed.data;
}

export const env = read();
