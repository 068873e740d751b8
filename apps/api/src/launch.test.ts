/** `npm start` checks the API's settings before it builds or starts anything. */
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");

describe("npm start", () => {
  it("refuses a token shorter than 16 characters at once, saying so, before building anything", () => {
    const started = performance.now();
    const run = spawnSync(process.execPath, ["scripts/start.mjs"], {
      cwd: root,
      env: { ...process.env, ATLAS_INGEST_TOKEN: "short", ATLAS_API_PORT: "0", ATLAS_WEB_PORT: "0" },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("ATLAS_INGEST_TOKEN: must be at least 16 characters");
    expect(run.stdout).not.toContain("building");
    expect(performance.now() - started).toBeLessThan(30_000);
  });
});
