// `pnpm --filter @atlas/web test`: builds the app when there is no build or the sources are newer
// than it, then runs the Playwright suite against the built app (which starts its own API and
// `next start` on test ports). Extra arguments go to Playwright.
import { spawnSync } from "node:child_process";
import { bin, ensureBuild, WEB_ROOT } from "./ensure-build.mjs";

ensureBuild();
const run = spawnSync(bin("playwright"), ["test", ...process.argv.slice(2)], {
  cwd: WEB_ROOT,
  env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  stdio: "inherit",
});
process.exit(run.status ?? 1);
