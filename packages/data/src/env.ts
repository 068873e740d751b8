/** The data package's environment, read once and validated. */
import { join } from "node:path";
import { z } from "zod";
import { PACKAGE_DIR } from "./paths.js";

const Env = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// connection URL")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  ATLAS_DATA_DIR: z.string().min(1).optional(),
  ATLAS_SEED: z
    .enum(["curated", "none"], "must be curated (the five curated documents) or none (an empty atlas)")
    .optional()
    .or(z.literal("").transform(() => undefined)),
});

export function readEnv(env: NodeJS.ProcessEnv = process.env) {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid environment: ${problems}`);
  }
  return {
    databaseUrl: parsed.data.DATABASE_URL,
    /** The embedded database's directory: ATLAS_DATA_DIR, or .data/pglite at the repository root. */
    dataDir: parsed.data.ATLAS_DATA_DIR ?? join(PACKAGE_DIR, "..", "..", ".data", "pglite"),
    /** ATLAS_SEED: `none` keeps the atlas without the curated corpus; unset follows the database. */
    seed: parsed.data.ATLAS_SEED,
  };
}
