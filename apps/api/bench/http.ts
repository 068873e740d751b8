/**
 * Benchmark (prints figures; not a test). For each engine (PGlite; PostgreSQL when DATABASE_URL
 * is set): autocannon on loopback against actor byId, the events timeline and search — maximum
 * req/s at 50 connections and p50/p99 at a fixed 300 req/s — then the same queries through the
 * query layer in-process, and what HTTP + tRPC add. Last, a 60 s soak at 200 connections: errors,
 * and the server's memory before, during and after.
 *
 *   tsx --conditions=@atlas/source bench/http.ts [--quick]
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { actorById, eventsTimeline, openDatabase, search } from "@atlas/data";
import { temporaryDatabase } from "@atlas/data/testing";
import autocannon from "autocannon";

const quick = process.argv.includes("--quick");
const SECONDS = quick ? 5 : 10;
const SOAK_SECONDS = quick ? 15 : 60;
const appDir = join(dirname(fileURLToPath(import.meta.url)), "..");

const ENDPOINTS = [
  {
    name: "actor byId",
    path: `/trpc/actors.byId?input=${encodeURIComponent(JSON.stringify({ id: "kataib-hezbollah" }))}`,
  },
  {
    name: "events timeline",
    path: `/trpc/events.timeline?input=${encodeURIComponent(JSON.stringify({ from: "2019", to: "2021" }))}`,
  },
  { name: "search", path: `/trpc/search.query?input=${encodeURIComponent(JSON.stringify({ q: "Khazali" }))}` },
] as const;

const rssMb = (pid: number) => {
  const line = readFileSync(`/proc/${pid}/status`, "utf8")
    .split("\n")
    .find((l) => l.startsWith("VmRSS:"));
  return Number(line?.replace(/\D+/g, "") ?? 0) / 1024;
};

interface Server {
  child: ChildProcess;
  url: string;
  stop(): Promise<void>;
}

/** The real server as one node process (tsx as a loader), so its pid is the server's. */
function startServer(env: Record<string, string>): Promise<Server> {
  const child = spawn(process.execPath, ["--conditions=@atlas/source", "--import", "tsx", "src/main.ts", "--seed"], {
    cwd: appDir,
    env: { ...process.env, ATLAS_API_PORT: "0", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  return new Promise((resolve, reject) => {
    const onData = (d: Buffer) => {
      output += String(d);
      const match = /API on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match) {
        resolve({
          child,
          url: match[1] as string,
          stop: () =>
            new Promise((done) => {
              child.on("exit", () => done());
              child.kill("SIGTERM");
            }),
        });
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.on("exit", (code) => reject(new Error(`server exited (${code}):\n${output}`)));
  });
}

const cannon = (opts: autocannon.Options) =>
  new Promise<autocannon.Result>((resolve, reject) => {
    autocannon(opts, (err, result) => (err ? reject(err) : resolve(result)));
  });

const percentile = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
};
const f1 = (n: number) => n.toFixed(1);
const pad = (s: string, n: number) => s.padEnd(n);

async function benchEngine(
  name: string,
  env: Record<string, string>,
  openInProcess: () => ReturnType<typeof openDatabase>,
) {
  const server = await startServer(env);
  const rows: string[] = [];
  const p50s: Record<string, number> = {};
  for (const endpoint of ENDPOINTS) {
    const url = `${server.url}${endpoint.path}`;
    await cannon({ url, connections: 10, duration: 2 }); // warm-up
    const max = await cannon({ url, connections: 50, duration: SECONDS });
    const fixed = await cannon({ url, connections: 50, duration: SECONDS, overallRate: 300 });
    p50s[endpoint.name] = fixed.latency.p50;
    const errors = max.errors + max.non2xx + fixed.errors + fixed.non2xx;
    rows.push(
      `  ${pad(endpoint.name, 16)} ${f1(max.requests.average).padStart(8)} req/s   p50 ${f1(fixed.latency.p50).padStart(5)} ms   p99 ${f1(fixed.latency.p99).padStart(5)} ms   errors ${errors}`,
    );
  }
  await server.stop();

  // The same queries, in-process through the query layer, one at a time.
  const database = await openInProcess();
  const inProcess: Record<string, () => Promise<unknown>> = {
    "actor byId": () => actorById(database.db, "kataib-hezbollah"),
    "events timeline": () => eventsTimeline(database.db, { from: "2019", to: "2021" }),
    search: () => search(database.db, { q: "Khazali" }),
  };
  const overhead: string[] = [];
  for (const [key, fn] of Object.entries(inProcess)) {
    for (let i = 0; i < 20; i++) await fn();
    const times: number[] = [];
    for (let i = 0; i < 200; i++) {
      const t0 = performance.now();
      await fn();
      times.push(performance.now() - t0);
    }
    const p50 = percentile(times, 50);
    overhead.push(
      `  ${pad(key, 16)} in-process p50 ${f1(p50).padStart(5)} ms   over HTTP at 300 req/s p50 ${f1(p50s[key] ?? 0).padStart(5)} ms   HTTP + tRPC add ${f1((p50s[key] ?? 0) - p50).padStart(5)} ms`,
    );
  }
  await database.close();
  console.log(
    `${name}: max req/s at 50 connections; latency at a fixed 300 req/s (targets: p99 ≤ 15 ms actor, ≤ 30 ms search)`,
  );
  console.log(rows.join("\n"));
  console.log(overhead.join("\n"));
  console.log("  (target: HTTP + tRPC add ≤ 1 ms)\n");
}

const dir = mkdtempSync(join(tmpdir(), "atlas-bench-api-"));
try {
  await benchEngine("PGlite", { DATABASE_URL: "", ATLAS_DATA_DIR: join(dir, "pglite") }, () =>
    openDatabase({ dataDir: join(dir, "pglite"), url: null }),
  );

  if (process.env.DATABASE_URL) {
    const temporary = await temporaryDatabase(process.env.DATABASE_URL);
    try {
      await benchEngine("PostgreSQL", { DATABASE_URL: temporary.url }, () => openDatabase({ url: temporary.url }));
    } finally {
      await temporary.drop();
    }
  } else {
    console.log("PostgreSQL: skipped — set DATABASE_URL (bash scripts/pg.sh start prints one).\n");
  }

  // Soak: 200 connections for a minute, all three endpoints, on the default engine.
  const server = await startServer({ DATABASE_URL: "", ATLAS_DATA_DIR: join(dir, "pglite") });
  const pid = server.child.pid as number;
  await cannon({ url: `${server.url}${ENDPOINTS[0].path}`, connections: 10, duration: 2 });
  const before = rssMb(pid);
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, rssMb(pid));
  }, 500);
  const soak = await cannon({
    url: server.url,
    connections: 200,
    duration: SOAK_SECONDS,
    requests: ENDPOINTS.map((e) => ({ method: "GET" as const, path: e.path })),
  });
  clearInterval(sampler);
  await new Promise((r) => setTimeout(r, 10_000));
  const after = rssMb(pid);
  await server.stop();
  console.log(`soak: ${SOAK_SECONDS} s at 200 connections on PGlite, three endpoints in turn`);
  console.log(
    `  ${soak.requests.total.toLocaleString("en")} requests, ${f1(soak.requests.average)} req/s, p99 ${f1(soak.latency.p99)} ms, errors ${soak.errors}, timeouts ${soak.timeouts}, non-2xx ${soak.non2xx}`,
  );
  console.log(
    `  server memory (RSS): ${f1(before)} MB before, ${f1(peak)} MB peak, ${f1(after)} MB 10 s after (${f1(((after - before) / before) * 100)}% from the start)`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
