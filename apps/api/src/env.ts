/** The API server's environment, read once and validated; a bad value stops start-up with its name. */
import { z } from "zod";

const Env = z.object({
  ATLAS_API_HOST: z.string().min(1).default("127.0.0.1"),
  ATLAS_API_PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  ATLAS_WEB_ORIGINS: z
    .string()
    .default("http://127.0.0.1:3000,http://localhost:3000")
    .transform((s) =>
      s
        .split(",")
        .map((o) => o.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.url("each origin must be a URL such as http://127.0.0.1:3000"))),
  ATLAS_INGEST_TOKEN: z
    .string()
    .min(16, "must be at least 16 characters (or unset it: npm start then makes one in .data/ingest-token)")
    .optional(),
  ATLAS_STATEMENT_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .min(100, "must be at least 100 (milliseconds)")
    .default(5000)
    .describe("A read statement that runs longer is stopped, and its request answered 503."),
});
export type ApiEnv = z.infer<typeof Env>;

export function readApiEnv(env: NodeJS.ProcessEnv = process.env): ApiEnv {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    throw new Error(
      `Invalid environment: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`,
    );
  }
  return parsed.data;
}
