// Starts the Militia Atlas API for the web tests (or the benchmark) on ATLAS_API_PORT, seeded,
// in a fresh temporary data directory that is removed when the API stops. Always the embedded
// database: DATABASE_URL is ignored, so a test run never touches a real one. With
// --review-fixture, the database first gets the document of tests/fixtures/review-kinds.ts.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const apiDir = fileURLToPath(new URL("../../api", import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), "atlas-web-test-"));
const { DATABASE_URL: _ignored, ...env } = process.env;
const TSX = ["--conditions=@atlas/source", "--import", "tsx"];

if (process.argv.includes("--review-fixture")) {
  const fixture = fileURLToPath(new URL("../tests/fixtures/review-kinds.ts", import.meta.url));
  const prepared = spawnSync(process.execPath, [...TSX, fixture, dataDir], { cwd: apiDir, env, stdio: "inherit" });
  if (prepared.status !== 0) {
    rmSync(dataDir, { recursive: true, force: true });
    process.exit(prepared.status ?? 1);
  }
}

const child = spawn(process.execPath, [...TSX, "src/main.ts", "--seed"], {
  cwd: apiDir,
  env: { ...env, ATLAS_DATA_DIR: dataDir },
  stdio: "inherit",
});

const stop = () => {
  if (child.exitCode === null) child.kill("SIGTERM");
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
child.on("exit", (code, signal) => {
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(code ?? (signal ? 0 : 1));
});
