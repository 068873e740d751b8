/** The CLI's environment, read once and validated; a bad value is a usage error naming the variable. */
import { z } from "zod";
import { UsageError } from "./errors.js";

const Env = z.object({
  ATLAS_API_URL: z
    .url({ protocol: /^https?$/, error: "must be an http(s) URL such as http://127.0.0.1:4000" })
    .default("http://127.0.0.1:4000")
    .transform((u) => u.replace(/\/+$/, "")),
  // Checked here only so a typo is reported by the CLI; @atlas/data reads and validates them again.
  ATLAS_DATA_DIR: z.string().min(1).optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// connection URL")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  // Your reviewer token (atlas reviewers add NAME prints it): writes are in the history under your name.
  ATLAS_TOKEN: z
    .string()
    .optional()
    .transform((v) => (v?.trim() ? v.trim() : undefined)),
  // The first admin's shared token; when unset, .data/ingest-token at the repository root.
  ATLAS_INGEST_TOKEN: z
    .string()
    .optional()
    .transform((v) => (v?.trim() ? v.trim() : undefined)),
  // https://no-color.org: present and non-empty turns colour off.
  NO_COLOR: z
    .string()
    .optional()
    .transform((v) => v !== undefined && v !== ""),
});
export type CliEnv = z.infer<typeof Env>;

export function readCliEnv(env: NodeJS.ProcessEnv = process.env): CliEnv {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UsageError(`${issue?.path.join(".") ?? "environment"}: ${issue?.message ?? "invalid"}`);
  }
  return parsed.data;
}
