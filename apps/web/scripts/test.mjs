// `pnpm --filter @atlas/web test`: the unit tests of the pure code (vitest, src/lib/*.test.ts, in
// seconds, no build), then — whatever they found — the browser suite: builds the app when there is
// no build or the sources are newer than it, and runs Playwright against the built app (which
// starts its own API and `next start` on test ports). Extra arguments go to Playwright.
// `pnpm --filter @atlas/web test:unit` runs only the unit tests.
import { spawnSync } from "node:child_process";
import { bin, ensureBuild, WEB_ROOT } from "./ensure-build.mjs";

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const unit = spawnSync(bin("vitest"), ["run"], { cwd: WEB_ROOT, env, stdio: "inherit" });
ensureBuild();
const browser = spawnSync(bin("playwright"), ["test", ...process.argv.slice(2)], {
  cwd: WEB_ROOT,
  env,
  stdio: "inherit",
});
process.exit(unit.status === 0 && browser.status === 0 ? 0 : 1);
