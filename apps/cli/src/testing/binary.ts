/** Running the real `atlas` binary in tests: as a child process, in a pipe, with no TTY. */
import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const BIN = fileURLToPath(new URL("../../bin/atlas.js", import.meta.url));

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

export const tempDir = (name: string) => mkdtempSync(join(tmpdir(), `atlas-cli-${name}-`));

/** A port nothing listens on: where "no API answers". */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address === "string") throw new Error("no port");
  return address.port;
}

/** The environment for a child: embedded PGlite in `dataDir`, the API at `apiUrl`, no colour. */
export function childEnv(vars: { dataDir: string; apiUrl: string } & Record<string, string>): NodeJS.ProcessEnv {
  const { dataDir, apiUrl, ...rest } = vars;
  const env: NodeJS.ProcessEnv = { ...process.env, ATLAS_DATA_DIR: dataDir, ATLAS_API_URL: apiUrl, ...rest };
  // Tests use the embedded database, never a PostgreSQL server the environment may point at.
  delete env.DATABASE_URL;
  delete env.FORCE_COLOR;
  return env;
}

export function atlas(args: string[], env: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => {
      stdout += d.toString();
    });
    child.stderr.on("data", (d: Buffer) => {
      stderr += d.toString();
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}
