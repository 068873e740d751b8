// Shared by start.mjs, test.mjs and bench.mjs: find or fetch pnpm, install the workspace, run commands.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
/** The pnpm the workspace pins, read from package.json's packageManager ("pnpm@10.34.9"). */
export const PNPM_VERSION = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"))
  .packageManager.replace(/^pnpm@/, "")
  .replace(/\+.*$/, "");
const PNPM_MAJOR = `${PNPM_VERSION.split(".")[0]}.`;

const has = (cmd, args = ["--version"]) => spawnSync(cmd, args, { stdio: "ignore" }).status === 0;

/** pnpm as [command, ...prefixArgs]: the installed one when its major is the pinned one's, else npx fetches the pinned one. */
export function pnpm() {
  const version = spawnSync("pnpm", ["--version"], { encoding: "utf8" });
  if (version.status === 0 && version.stdout.trim().startsWith(PNPM_MAJOR)) return ["pnpm"];
  if (!has("npx")) throw new Error("Neither pnpm nor npx is available: install Node.js 20+ with npm.");
  return ["npx", "-y", `pnpm@${PNPM_VERSION}`];
}

export function run(cmd, args, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: ROOT, stdio: "inherit", ...options });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

export async function runPnpm(args, options) {
  const [cmd, ...prefix] = pnpm();
  return run(cmd, [...prefix, ...args], options);
}

/** Installs the workspace when node_modules is missing or older than the lockfile. */
export async function ensureInstalled() {
  const marker = join(ROOT, "node_modules", ".modules.yaml");
  const lock = join(ROOT, "pnpm-lock.yaml");
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return;
  console.log("› installing the workspace (pnpm install --frozen-lockfile)…");
  const code = await runPnpm(["install", "--frozen-lockfile"]);
  if (code !== 0) {
    console.error("pnpm install failed; see the messages above.");
    process.exit(code);
  }
}

/**
 * How the API process is launched (by start.mjs, and by the test that stops it during start-up):
 * node itself with tsx's loader, so signals reach the API. tsx's own launcher kills a child that
 * does not answer a signal within 30 ms, which a start-up busy seeding cannot, and its lock file
 * would be left behind.
 */
export const API_LAUNCH = { cwd: join(ROOT, "apps", "api"), node: ["--conditions=@atlas/source", "--import", "tsx"] };

export const isRoot = () => typeof process.getuid === "function" && process.getuid() === 0;
export const hasApt = () => has("apt-get", ["--version"]);
export { has };
