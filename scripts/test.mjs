// `npm test`: everything a fresh machine needs to run the whole suite — the workspace, and, when
// run as root on Debian, chromium, tmux and postgresql from apt — then lint, typecheck and every
// package's tests on PGlite and PostgreSQL. Ends with one line: "N passed, N failed".
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join, relative } from "node:path";
import { ensureInstalled, has, hasApt, isRoot, ROOT, runPnpm } from "./lib.mjs";

const reportDir = join(ROOT, ".reports");
rmSync(reportDir, { recursive: true, force: true });
mkdirSync(reportDir, { recursive: true });

await ensureInstalled();

// ---- system prerequisites -------------------------------------------------------------------
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const missing = [
  !existsSync(chromium) && "chromium",
  !has("tmux", ["-V"]) && "tmux",
  !process.env.DATABASE_URL && !existsSync("/usr/lib/postgresql") && "postgresql",
].filter(Boolean);
if (missing.length && isRoot() && hasApt()) {
  console.log(`› installing ${missing.join(", ")} from apt…`);
  spawnSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
  spawnSync("apt-get", ["install", "-y", "-qq", ...missing], {
    stdio: "inherit",
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
} else if (missing.length) {
  console.warn(
    `! missing: ${missing.join(", ")} — install them (Debian: sudo apt-get install ${missing.join(" ")}); the suites that need them will fail.`,
  );
}

// ---- PostgreSQL: DATABASE_URL, or a throwaway server when the binaries are here ------------------
const env = { ...process.env, ATLAS_REPORT_DIR: reportDir, CHROMIUM_PATH: chromium, NEXT_TELEMETRY_DISABLED: "1" };
let stopPostgres = null;
if (!env.DATABASE_URL && existsSync("/usr/lib/postgresql")) {
  const pgEnv = { ...process.env, PG_ROOT: join(ROOT, ".data", "postgres-test"), PG_PORT: "54330" };
  const started = spawnSync("bash", [join(ROOT, "scripts", "pg.sh"), "start"], { encoding: "utf8", env: pgEnv });
  if (started.status === 0) {
    env.DATABASE_URL = started.stdout.trim();
    stopPostgres = () => spawnSync("bash", [join(ROOT, "scripts", "pg.sh"), "stop"], { env: pgEnv });
    console.log(`› started a throwaway PostgreSQL for the tests: ${env.DATABASE_URL.replace(/:[^:@/]*@/, ":***@")}`);
  } else {
    console.warn(`! could not start PostgreSQL:\n${started.stderr}`);
  }
}
console.log(
  env.DATABASE_URL
    ? "› database tests run on PGlite and PostgreSQL"
    : "! DATABASE_URL is not set: database tests run on PGlite only",
);

// ---- checks and tests ------------------------------------------------------------------------
const checks = [];
const lint = await runPnpm(["exec", "biome", "check", "."], { env });
checks.push({ name: "lint (biome)", ok: lint === 0 });
const turbo = await runPnpm(
  ["exec", "turbo", "run", "typecheck", "test", "--continue", "--concurrency=1", "--output-logs=full"],
  { env },
);
stopPostgres?.();

// ---- summary ---------------------------------------------------------------------------------
let passed = 0;
let failed = 0;
const rows = [];
// Which tests failed (and which passed only on a retry), named, so a CI log's last lines say it;
// and, printed above the names, why each failed.
const named = [];
const reasons = [];
/**
 * The first lines of why a test failed, under its name: the part of a CI log that reaches us may be
 * only its last lines, and a name alone does not say what went wrong.
 */
function why(message) {
  if (!message) return [];
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping terminal colour codes is the point
  const plain = String(message).replace(/\u001B\[[0-9;]*m/g, "");
  // The message (a screen capture can be a dozen lines), not the stack.
  const lines = plain
    .split("\n")
    .filter((l) => l.trim() !== "" && !/^\s*at /.test(l))
    .slice(0, 12);
  return lines.map((l) => `      ${l.length > 160 ? `${l.slice(0, 157)}...` : l}`);
}
/** Playwright's JSON: suites nest suites and specs; a spec's tests carry their outcome. */
function playwrightOutcomes(suites, path = []) {
  for (const suite of suites ?? []) {
    const here = suite.title ? [...path, suite.title] : path;
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        if (test.status === "unexpected" || test.status === "flaky") {
          named.push(
            `  ${test.status === "flaky" ? "flaky (passed on retry)" : "FAILED"}: ${[...here, spec.title].join(" › ")}`,
          );
          const firstError = (test.results ?? []).flatMap((r) => r.errors ?? (r.error ? [r.error] : []))[0];
          reasons.push(named.at(-1), ...why(firstError?.message));
        }
      }
    }
    playwrightOutcomes(suite.suites, here);
  }
}
for (const file of readdirSync(reportDir)
  .filter((f) => f.endsWith(".json"))
  .sort()) {
  const report = JSON.parse(readFileSync(join(reportDir, file), "utf8"));
  let p = 0;
  let f = 0;
  if (report.stats && "expected" in report.stats) {
    p = report.stats.expected + (report.stats.flaky ?? 0);
    f = report.stats.unexpected;
    playwrightOutcomes(report.suites);
  } else {
    // Vitest: failed tests, plus any test file that failed without a failing test (it did not load).
    p = report.numPassedTests ?? 0;
    const brokenFiles = (report.testResults ?? []).filter(
      (r) => r.status === "failed" && !(r.assertionResults ?? []).some((a) => a.status === "failed"),
    ).length;
    f = (report.numFailedTests ?? 0) + brokenFiles;
    for (const result of report.testResults ?? []) {
      const where = relative(ROOT, result.name ?? "");
      const failures = (result.assertionResults ?? []).filter((a) => a.status === "failed");
      for (const a of failures) {
        named.push(`  FAILED: ${where} › ${a.fullName ?? a.title}`);
        reasons.push(named.at(-1), ...why(a.failureMessages?.[0]));
      }
      if (result.status === "failed" && failures.length === 0) {
        named.push(`  FAILED to load: ${where}`);
        reasons.push(named.at(-1), ...why(result.message));
      }
    }
  }
  passed += p;
  failed += f;
  rows.push(
    `  ${file.replace(/\.json$/, "").padEnd(18)} ${String(p).padStart(5)} passed ${String(f).padStart(4)} failed`,
  );
}
for (const check of checks) {
  if (check.ok) passed++;
  else failed++;
  rows.push(`  ${check.name.padEnd(18)} ${check.ok ? "passed" : "FAILED"}`);
}
if (turbo !== 0 && failed === 0) {
  failed++;
  rows.push("  turbo              FAILED (a typecheck or a test run failed before reporting; see above)");
}
console.log(`\nTest summary (reports in .reports/):\n${rows.join("\n")}\n`);
if (reasons.length) console.log(`Why:\n${reasons.join("\n")}\n`);
if (named.length) console.log(`${named.join("\n")}\n`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
