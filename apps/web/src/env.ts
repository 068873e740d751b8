/** The web app's environment, read once and validated; a bad value names the variable and the fix. */
import "server-only";
import { z } from "zod";

const Env = z.object({
  ATLAS_API_URL: z
    .url({ message: "must be the API's base URL, such as http://127.0.0.1:4000" })
    .default("http://127.0.0.1:4000")
    .transform((url) => url.replace(/\/+$/, "")),
  // The API's write token (ingest, review). Server-side only: server actions send it as a bearer
  // token; it is never rendered or sent to the browser. Without it the review pages are read-only.
  ATLAS_INGEST_TOKEN: z
    .string()
    .trim()
    .min(16, { message: "must be the same token the API has (at least 16 characters), or unset" })
    .optional(),
});
export type WebEnv = z.infer<typeof Env>;

function read(): WebEnv {
  const parsed = Env.safeParse({
    ATLAS_API_URL: process.env.ATLAS_API_URL || undefined,
    ATLAS_INGEST_TOKEN: process.env.ATLAS_INGEST_TOKEN || undefined,
  });
  if (!parsed.success) {
    throw new Error(
      `Invalid environment: ${parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}`,
    );
  }
  return parsed.data;
}

export const env = read();
