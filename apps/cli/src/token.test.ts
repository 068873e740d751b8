/** Where the write token comes from: ATLAS_INGEST_TOKEN first, then .data/ingest-token at the repository root. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { readIngestToken, repoRoot } from "./token.js";

let root: string | null = null;
afterEach(() => {
  if (root) rmSync(root, { recursive: true, force: true });
  root = null;
});

describe("the ingest token", () => {
  it("finds the repository root above the CLI package", () => {
    expect(join(repoRoot() ?? "", "apps", "cli", "src", "token.ts")).toBe(
      new URL("token.ts", import.meta.url).pathname,
    );
  });

  it("takes ATLAS_INGEST_TOKEN over the file, the file when it is unset, and nothing when neither is there", () => {
    root = mkdtempSync(join(tmpdir(), "atlas-cli-token-"));
    expect(readIngestToken(undefined, root)).toBeNull();
    mkdirSync(join(root, ".data"));
    writeFileSync(join(root, ".data", "ingest-token"), "from-the-file-0123456789\n", { mode: 0o600 });
    expect(readIngestToken(undefined, root)).toEqual({
      token: "from-the-file-0123456789",
      from: join(root, ".data", "ingest-token"),
    });
    expect(readIngestToken("from-the-env-0123456789", root)).toEqual({
      token: "from-the-env-0123456789",
      from: "ATLAS_INGEST_TOKEN",
    });
  });
});
