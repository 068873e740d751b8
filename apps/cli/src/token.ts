/**
 * The token writes are sent with (`Authorization: Bearer <token>`), which names the reviewer in
 * the history: ATLAS_TOKEN (your own, from `atlas reviewers add NAME`), or else the shared token
 * of the first admin — ATLAS_INGEST_TOKEN, or the file `npm start` creates once at the repository
 * root, `.data/ingest-token` (mode 600), which the API reads too.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export interface IngestToken {
  token: string;
  /** Where it came from, to say so when the API refuses it. */
  from: string;
}

/** The repository root: the nearest directory above this file with pnpm-workspace.yaml (source or bundle alike). */
export function repoRoot(start = dirname(fileURLToPath(import.meta.url))): string | null {
  let dir = start;
  for (;;) {
    if (existsSync(join(dir, "pnpm-workspace.yaml"))) return dir;
    const up = dirname(dir);
    if (up === dir) return null;
    dir = up;
  }
}

export const tokenFile = (root: string) => join(root, ".data", "ingest-token");

/** The token to write with: ATLAS_TOKEN, else the shared one. `shared` says it is the first admin's. */
export function readToken(
  env: { ATLAS_TOKEN?: string | undefined; ATLAS_INGEST_TOKEN?: string | undefined },
  root: string | null = repoRoot(),
): (IngestToken & { shared: boolean }) | null {
  if (env.ATLAS_TOKEN) return { token: env.ATLAS_TOKEN, from: "ATLAS_TOKEN", shared: false };
  const shared = readIngestToken(env.ATLAS_INGEST_TOKEN, root);
  return shared ? { ...shared, shared: true } : null;
}

export function readIngestToken(envToken: string | undefined, root: string | null = repoRoot()): IngestToken | null {
  if (envToken) return { token: envToken, from: "ATLAS_INGEST_TOKEN" };
  if (!root) return null;
  const file = tokenFile(root);
  try {
    const token = readFileSync(file, "utf8").trim();
    return token ? { token, from: file } : null;
  } catch {
    // No file (npm start has never run here) or unreadable: no token; the API says if it needs one.
    return null;
  }
}
