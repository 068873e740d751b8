/**
 * The write token for the API (ingest and review need `Authorization: Bearer <token>`):
 * ATLAS_INGEST_TOKEN, or else the file `npm start` creates once at the repository root,
 * `.data/ingest-token` (mode 600), which the API and the web server read too.
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
