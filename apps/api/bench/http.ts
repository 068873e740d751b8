/**
 * Benchmark (prints figures; not a test). For each engine (PGlite; PostgreSQL when DATABASE_URL
 * is set), against actor byId, the events timeline and search:
 *   - maximum req/s at 50 connections (autocannon, closed loop);
 *   - latency at a fixed 300 req/s, open loop: requests leave at evenly spaced times whatever the
 *     server does, and each latency counts from when its request was due, so queueing shows;
 *   - what HTTP + tRPC add: the same query cold (query cache off) in-process and over HTTP at a
 *     gentle rate, one at a time, p50 against p50.
 * Last, a 60 s soak at 200 connections: errors, and the server's memory after a warm-up at the
 * same load, at its peak, and after the soak.
 *
 *   tsx --conditions=@atlas/source bench/http.ts [--quick]
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { Agent, request } from "node:http";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { actorById, eventsTimeline, openDatabase, search } from "@atlas/data";
import { temporaryDatabase } from "@atlas/data/testing";
import autocannon from "autocannon";

const quick = process.argv.includes("--quick");
const SECONDS = quick ? 5 : 10;
const SOAK_SECONDS = quick ? 15 : 60;
const RATE = 300;
const SOAK_RATE = 1000;
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

/** One GET on a keep-alive agent; resolves when the whole body has arrived, with its status. */
function get(agent: Agent, url: URL): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
    });
    req.on("error", reject);
    req.end();
  });
}

/** Open loop at `rate` req/s for `seconds`: latency from each request's due time to its last byte. */
async function openLoop(url: string, rate: number, seconds: number) {
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  const target = new URL(url);
  const total = rate * seconds;
  const latencies: number[] = [];
  let errors = 0;
  const start = performance.now() + 50;
  const pending: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    pending.push(
      get(agent, target).then(
        (status) => {
          if (status !== 200) errors++;
          latencies.push(performance.now() - due);
        },
        () => {
          errors++;
        },
      ),
    );
  }
  await Promise.all(pending);
  agent.destroy();
  return { p50: percentile(latencies, 50), p99: percentile(latencies, 99), errors };
}

/** Requests one at a time (no queueing): the p50 of a single round trip. */
async function sequential(url: string, n: number) {
  const agent = new Agent({ keepAlive: true });
  const target = new URL(url);
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await get(agent, target);
    times.push(performance.now() - t0);
  }
  agent.destroy();
  return percentile(times.slice(10), 50);
}

async function benchEngine(
  name: string,
  env: Record<string, string>,
  openInProcess: () => ReturnType<typeof openDatabase>,
) {
  // Production configuration: query cache on.
  const server = await startServer(env);
  const rows: string[] = [];
  const cachedOverHttp: Record<string, number> = {};
  for (const endpoint of ENDPOINTS) {
    const url = `${server.url}${endpoint.path}`;
    await cannon({ url, connections: 10, duration: 2 }); // warm-up
    const max = await cannon({ url, connections: 50, duration: SECONDS });
    const fixed = await openLoop(url, RATE, SECONDS);
    const errors = max.errors + max.non2xx + fixed.errors;
    rows.push(
      `  ${pad(endpoint.name, 16)} ${f1(max.requests.average).padStart(8)} req/s   at ${RATE} req/s: p50 ${f1(fixed.p50).padStart(5)} ms  p99 ${f1(fixed.p99).padStart(5)} ms   errors ${errors}`,
    );
    // A cached result, one request at a time: no query time, only HTTP, tRPC and serialization.
    cachedOverHttp[endpoint.name] = await sequential(url, 210);
  }
  await server.stop();

  // What HTTP + tRPC add: cold queries, one at a time, in-process and over HTTP.
  const cold = { ATLAS_QUERY_CACHE: "off" };
  const coldServer = await startServer({ ...env, ...cold });
  const overHttp: Record<string, number> = {};
  for (const endpoint of ENDPOINTS)
    overHttp[endpoint.name] = await sequential(`${coldServer.url}${endpoint.path}`, 110);
  await coldServer.stop();
  const database = await openInProcess();
  const inProcess: Record<string, () => Promise<unknown>> = {
    "actor byId": () => actorById(database.db, "kataib-hezbollah"),
    "events timeline": () => eventsTimeline(database.db, { from: "2019", to: "2021" }),
    search: () => search(database.db, { q: "Khazali" }),
  };
  const p50Of = async (fn: () => Promise<unknown>) => {
    const times: number[] = [];
    for (let i = 0; i < 110; i++) {
      const t0 = performance.now();
      await fn();
      times.push(performance.now() - t0);
    }
    return percentile(times.slice(10), 50);
  };
  const overhead: string[] = [];
  for (const [key, fn] of Object.entries(inProcess)) {
    const cachedInProcess = await p50Of(fn);
    process.env.ATLAS_QUERY_CACHE = "off";
    const coldInProcess = await p50Of(fn);
    delete process.env.ATLAS_QUERY_CACHE;
    const cold = overHttp[key] ?? 0;
    const warm = cachedOverHttp[key] ?? 0;
    overhead.push(
      `  ${pad(key, 16)} cached: in-process ${f1(cachedInProcess).padStart(4)} ms, over HTTP ${f1(warm).padStart(4)} ms → add ${f1(warm - cachedInProcess).padStart(4)} ms` +
        `   cold: in-process ${f1(coldInProcess).padStart(5)} ms, over HTTP ${f1(cold).padStart(5)} ms → add ${f1(cold - coldInProcess).padStart(4)} ms`,
    );
  }
  await database.close();

  console.log(`${name} (query cache on): max req/s at 50 connections; open-loop latency at ${RATE} req/s`);
  console.log("  (targets at 300 req/s: p99 ≤ 15 ms actor, ≤ 30 ms search)");
  console.log(rows.join("\n"));
  console.log(`${name}, one request at a time, p50 (target: HTTP + tRPC add ≤ 1 ms):`);
  console.log(`${overhead.join("\n")}\n`);
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

  // Soak: 200 connections for a minute at a sustained rate the server can serve (below each
  // endpoint's maximum above), all three endpoints in turn, on the default engine. Memory is
  // compared with its level after a warm-up at the same load, so growth during the soak shows.
  const server = await startServer({ DATABASE_URL: "", ATLAS_DATA_DIR: join(dir, "pglite") });
  const pid = server.child.pid as number;
  const requests = ENDPOINTS.map((e) => ({ method: "GET" as const, path: e.path }));
  const idle = rssMb(pid);
  await cannon({ url: server.url, connections: 200, duration: 10, overallRate: SOAK_RATE, requests });
  const warm = rssMb(pid);
  let peak = warm;
  const sampler = setInterval(() => {
    peak = Math.max(peak, rssMb(pid));
  }, 500);
  const soak = await cannon({
    url: server.url,
    connections: 200,
    duration: SOAK_SECONDS,
    overallRate: SOAK_RATE,
    requests,
  });
  clearInterval(sampler);
  await new Promise((r) => setTimeout(r, 10_000));
  const after = rssMb(pid);
  // Saturation, for the record: 200 connections sending as fast as they can. Node accepts new
  // connections late when its one thread is saturated, so the first requests of late connections wait.
  const flood = await cannon({ url: server.url, connections: 200, duration: 15, requests });
  await server.stop();
  console.log(
    `soak: ${SOAK_SECONDS} s at 200 connections, ${SOAK_RATE} req/s in all, on PGlite, three endpoints in turn`,
  );
  console.log(
    `  ${soak.requests.total.toLocaleString("en")} requests, ${f1(soak.requests.average)} req/s, p50 ${f1(soak.latency.p50)} ms, p99 ${f1(soak.latency.p99)} ms, errors ${soak.errors}, timeouts ${soak.timeouts}, non-2xx ${soak.non2xx}`,
  );
  console.log(
    `  server memory (RSS): ${f1(idle)} MB idle, ${f1(warm)} MB after a 10 s warm-up at the same load, ${f1(peak)} MB peak, ${f1(after)} MB 10 s after the soak (${f1(((after - warm) / warm) * 100)}% from the warm level)`,
  );
  console.log(
    `saturation: 200 connections as fast as they go for 15 s: ${f1(flood.requests.average)} req/s, p50 ${f1(flood.latency.p50)} ms, p99 ${f1(flood.latency.p99)} ms, max ${f1(flood.latency.max)} ms, errors ${flood.errors}, timeouts ${flood.timeouts}`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
