// The eight analyst tasks (tests/analyst-tasks.spec.ts), run against a production build, and the
// steps each took: page loads and clicks. A benchmark, not a test: it prints figures (fewer is
// better). Starts its own seeded API and web server on ports 4131 and 3131.
//
//   node bench/tasks.mjs
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { bin, ensureBuild, WEB_ROOT } from "../scripts/ensure-build.mjs";

ensureBuild();
const dir = mkdtempSync(join(tmpdir(), "atlas-tasks-"));
const report = join(dir, "tasks.jsonl");
const run = spawnSync(bin("playwright"), ["test", "tests/analyst-tasks.spec.ts", "--workers=1", "--reporter=dot"], {
  cwd: WEB_ROOT,
  env: {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    ATLAS_TEST_API_PORT: "4131",
    ATLAS_TEST_WEB_PORT: "3131",
    ATLAS_TASKS_REPORT: report,
    ATLAS_REPORT_DIR: "",
  },
  encoding: "utf8",
});
let rows = [];
try {
  rows = readFileSync(report, "utf8")
    .trim()
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line));
} catch {}
rmSync(dir, { recursive: true, force: true });
const width = Math.max(...rows.map((r) => r.question.length), 8);
console.log("analyst tasks in Chromium (desktop), steps to the answer:");
console.log(`  ${"task".padEnd(width)}  page loads  clicks`);
for (const r of rows)
  console.log(`  ${r.question.padEnd(width)}  ${String(r.loads).padStart(10)}  ${String(r.clicks).padStart(6)}`);
const sum = (k) => rows.reduce((n, r) => n + r[k], 0);
console.log(`  ${"total".padEnd(width)}  ${String(sum("loads")).padStart(10)}  ${String(sum("clicks")).padStart(6)}`);
if (run.status !== 0 || rows.length !== 8) {
  console.log(`  (${8 - rows.length} of 8 tasks did not reach their answer)\n${run.stdout}${run.stderr}`);
  process.exit(1);
}
