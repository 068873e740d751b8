// Builds the web app when there is no production build or its sources are newer than it.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const WEB_ROOT = fileURLToPath(new URL("..", import.meta.url));
export const bin = (name) => join(WEB_ROOT, "node_modules", ".bin", name);

// Unit tests (*.test.ts) are not part of the build: editing one does not rebuild the app.
function newest(path) {
  if (!existsSync(path) || /\.test\.tsx?$/.test(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((f) => newest(join(path, f))));
}

const INPUTS = [
  "src",
  "next.config.ts",
  "postcss.config.mjs",
  "package.json",
  "tsconfig.json",
  "build",
  "../../packages/schema/src",
  // The review model the review pages import (@atlas/data/review), and the types it reads.
  "../../packages/data/src/review",
  "../../packages/data/src/ingest/types.ts",
];

export function ensureBuild() {
  const buildId = join(WEB_ROOT, ".next", "BUILD_ID");
  const built = existsSync(buildId) ? statSync(buildId).mtimeMs : 0;
  if (built !== 0 && Math.max(...INPUTS.map((p) => newest(join(WEB_ROOT, p)))) <= built) return;
  console.log(
    built === 0 ? "web: no build yet — running next build" : "web: sources changed since the last build — rebuilding",
  );
  const build = spawnSync(bin("next"), ["build"], {
    cwd: WEB_ROOT,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    stdio: "inherit",
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
