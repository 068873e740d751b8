// `npm run bench`: every benchmark, one after another, printing figures (they are measurements,
// not pass/fail tests). Starts a throwaway PostgreSQL when DATABASE_URL is not set and the server
// binaries are installed. `npm run bench -- --quick` shortens the long runs (1,000 documents
// instead of 100,000; 2,000 synthetic events to export and import instead of 10,000; a 15 s soak instead of 60 s;
// 0.5–2 MB ingests and a 10 s storm instead of 2–15 MB and 30 s).
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { ensureInstalled, ROOT, run } from "./lib.mjs";

const quick = process.argv.includes("--quick");
await ensureInstalled();

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
let stopPostgres = null;
if (!env.DATABASE_URL && existsSync("/usr/lib/postgresql")) {
  const pgEnv = { ...process.env, PG_ROOT: join(ROOT, ".data", "postgres-bench"), PG_PORT: "54331" };
  const started = spawnSync("bash", [join(ROOT, "scripts", "pg.sh"), "start"], { encoding: "utf8", env: pgEnv });
  if (started.status === 0) {
    env.DATABASE_URL = started.stdout.trim();
    stopPostgres = () => spawnSync("bash", [join(ROOT, "scripts", "pg.sh"), "stop"], { env: pgEnv });
  }
}

const tsx = (pkg) => join(ROOT, pkg, "node_modules", ".bin", "tsx");
const benches = [
  [
    "database: seed, bulk load and search at scale",
    tsx("packages/data"),
    ["--conditions=@atlas/source", "bench/scale.ts", quick ? "1000" : "100000"],
    "packages/data",
  ],
  [
    "search: ranking quality on forty analyst queries",
    tsx("packages/data"),
    ["--conditions=@atlas/source", "bench/search-quality.ts"],
    "packages/data",
  ],
  [
    "ingest: suggestion pipeline throughput",
    tsx("packages/data"),
    ["--conditions=@atlas/source", "bench/ingest.ts", ...(quick ? ["--quick"] : [])],
    "packages/data",
  ],
  [
    "ingest: suggestion quality (leave one document out, and the development set)",
    tsx("packages/data"),
    ["--conditions=@atlas/source", "bench/suggest-quality.ts"],
    "packages/data",
  ],
  [
    "ingest: suggestion speed (10,000 known actors, a 10,000-word article)",
    tsx("packages/data"),
    ["--conditions=@atlas/source", "bench/suggest-speed.ts"],
    "packages/data",
  ],
  [
    "export: every format, the seeded atlas and 10,000 synthetic events",
    tsx("packages/data"),
    ["--conditions=@atlas/source", "bench/export.ts", quick ? "2000" : "10000"],
    "packages/data",
  ],
  [
    "import: JSON and STIX, the seeded atlas and 10,000 synthetic events",
    tsx("packages/data"),
    ["--conditions=@atlas/source", "bench/import.ts", quick ? "2000" : "10000"],
    "packages/data",
  ],
  [
    "API: HTTP + tRPC under load",
    tsx("apps/api"),
    ["--conditions=@atlas/source", "bench/http.ts", ...(quick ? ["--quick"] : [])],
    "apps/api",
  ],
  [
    "API: search storm and reads during large ingests",
    tsx("apps/api"),
    ["--conditions=@atlas/source", "bench/storm.ts", ...(quick ? ["--quick"] : [])],
    "apps/api",
  ],
  ["terminal UI: start-up", process.execPath, ["bench/startup.mjs"], "apps/cli"],
  ["web: analyst tasks, steps to the answer", process.execPath, ["bench/tasks.mjs"], "apps/web"],
  ["web: the relation graph at 500 actors / 2,000 relations", tsx("apps/web"), ["bench/graph.ts"], "apps/web"],
  ["web: Lighthouse", process.execPath, ["bench/lighthouse.mjs"], "apps/web"],
];

let failures = 0;
for (const [title, cmd, args, dir] of benches) {
  const script = args.find((a) => a.startsWith("bench/"));
  if (!existsSync(join(ROOT, dir, script))) continue;
  console.log(`\n━━ ${title} ${"━".repeat(Math.max(0, 70 - title.length))}`);
  const code = await run(cmd, args, { cwd: join(ROOT, dir), env });
  if (code !== 0) {
    failures++;
    console.log(`(${title}: the benchmark itself failed, exit ${code})`);
  }
}
stopPostgres?.();
process.exit(failures ? 1 : 0);
