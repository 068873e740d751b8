/**
 * Benchmark (prints figures; not a test): the search storm and reads during large ingests, on
 * each engine (PGlite; PostgreSQL when DATABASE_URL is set), against the real server process.
 *
 * 1. Three large documents (2, 8 and 15 MB of realistic text: the corpus's sentences shuffled)
 *    are ingested over HTTP, one after another, while a reader asks varied questions (search,
 *    profiles, the timeline) ten times a second: the readers' latency during the ingests, beside
 *    the same reader's latency with nothing else running, before the ingests and after them.
 * 2. The storm: 30 s of varied searches (words drawn from the corpus, so nearly every one misses
 *    the cache) at 200 connections, while /health is asked every 100 ms. Reported: answers by
 *    status, time-outs (no answer within 10 s), latency p50/p99 of all answers and of the 200s,
 *    and /health's worst latency.
 *
 *   tsx --conditions=@atlas/source bench/storm.ts [--quick] [--engine=pglite|postgresql] [--sizes=2,8,15] [--trace]
 *   (--quick: 0.5, 1 and 2 MB; a 10 s storm. --engine: one engine only. --sizes: the documents, in MB.
 *   --trace: each read over 100 ms during the ingests, and when in which ingest it was asked.)
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { Agent, request } from "node:http";
import { loadavg, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { corpusSentences, seededRandom, syntheticDocument, temporaryDatabase } from "@atlas/data/testing";
import autocannon from "autocannon";

const quick = process.argv.includes("--quick");
const option = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const SIZES = option("sizes")?.split(",").map(Number) ?? (quick ? [0.5, 1, 2] : [2, 8, 15]);
const ENGINE = option("engine");
if (SIZES.some((mb) => !(mb > 0)) || (ENGINE && ENGINE !== "pglite" && ENGINE !== "postgresql")) {
  console.error("usage: storm.ts [--quick] [--engine=pglite|postgresql] [--sizes=2,8,15] [--trace]");
  process.exit(2);
}
const TRACE = process.argv.includes("--trace");
const STORM_SECONDS = quick ? 10 : 30;
const CONNECTIONS = 200;
const TOKEN = "storm-bench-token-0123456789";
const appDir = join(dirname(fileURLToPath(import.meta.url)), "..");

interface Server {
  child: ChildProcess;
  url: string;
  /** The end of what the server printed: its errors, when a request fails. */
  logTail(): string;
  stop(): Promise<void>;
}

function startServer(env: Record<string, string>): Promise<Server> {
  const child = spawn(process.execPath, ["--conditions=@atlas/source", "--import", "tsx", "src/main.ts", "--seed"], {
    cwd: appDir,
    env: { ...process.env, ATLAS_API_PORT: "0", ATLAS_INGEST_TOKEN: TOKEN, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  return new Promise((resolve, reject) => {
    const onData = (d: Buffer) => {
      output += String(d);
      const match = /API on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (output.length > 100_000) output = output.slice(-50_000);
      if (match) {
        resolve({
          child,
          url: match[1] as string,
          logTail: () => output.slice(-4000),
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

const percentile = (xs: number[], p: number) => {
  if (xs.length === 0) return Number.NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
};
/** The machine's load average (1 and 5 minutes) when a figure was taken: it is shared, and the figures depend on it. */
const load = () =>
  `load ${loadavg()
    .slice(0, 2)
    .map((l) => l.toFixed(2))
    .join(", ")}`;
const ms = (n: number) => (Number.isNaN(n) ? "–" : n >= 1000 ? `${(n / 1000).toFixed(2)} s` : `${n.toFixed(0)} ms`);

/** One GET; resolves with its status and latency (0 status: no answer within `timeout`). */
function timedGet(agent: Agent, url: string, timeout = 10_000): Promise<{ status: number; ms: number }> {
  const started = performance.now();
  return new Promise((resolve) => {
    const req = request(url, { agent, timeout }, (res) => {
      res.resume();
      res.on("end", () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - started }));
    });
    req.on("timeout", () => req.destroy(new Error("timeout")));
    req.on("error", () => resolve({ status: 0, ms: performance.now() - started }));
    req.end();
  });
}

/** Varied questions from the corpus's own words: one to three of them, so few repeat. */
const words = [
  ...new Set(
    corpusSentences()
      .flatMap((s) => s.split(/[^A-Za-z-]+/))
      .filter((w) => w.length > 3),
  ),
];
const next = seededRandom(2026);
const pick = () => words[Math.floor(next() * words.length)] as string;
const question = () =>
  Array.from({ length: 1 + Math.floor(next() * 3) }, pick)
    .join(" ")
    .slice(0, 100);
const searchPath = () => `/api/search?q=${encodeURIComponent(question())}`;
const READS: [string, () => string][] = [
  ["search", searchPath],
  ["profile", () => "/api/actors/kataib-hezbollah"],
  ["timeline", () => "/api/events?from=2019&to=2021"],
  [
    "source search",
    () => `/trpc/search.query?input=${encodeURIComponent(JSON.stringify({ q: question(), types: ["source"] }))}`,
  ],
];

/** Asks each question in turn, one every `everyMs`, until stopped; the latencies, also by question. */
function prober(url: string, everyMs: number, questions: [string, () => string][]) {
  const agent = new Agent({ keepAlive: true, maxSockets: 8 });
  const latencies: number[] = [];
  const byQuestion = new Map<string, number[]>(questions.map(([label]) => [label, []]));
  /** The reads over 100 ms: when each was asked (performance.now()), for --trace. */
  const slow: { at: number; ms: number; label: string }[] = [];
  let failures = 0;
  let i = 0;
  const pending: Promise<void>[] = [];
  const timer = setInterval(() => {
    const [label, path] = questions[i++ % questions.length] as [string, () => string];
    const at = performance.now();
    pending.push(
      timedGet(agent, `${url}${path()}`).then(({ status, ms }) => {
        if (ms > 100) slow.push({ at, ms, label });
        latencies.push(ms);
        byQuestion.get(label)?.push(ms);
        if (status !== 200) failures++;
      }),
    );
  }, everyMs);
  return async () => {
    clearInterval(timer);
    await Promise.all(pending);
    agent.destroy();
    return { latencies, byQuestion, failures, slow };
  };
}

type Reads = Awaited<ReturnType<ReturnType<typeof prober>>>;
const byQuestion = (r: Reads) =>
  [...r.byQuestion].map(([label, xs]) => `${label} p99 ${ms(percentile(xs, 99))}`).join(", ");

/** The readers' questions with nothing else running: how long a read takes on this data. */
const READS_ALONE_SECONDS = 10;
async function readsAlone(url: string, seconds = READS_ALONE_SECONDS): Promise<Reads> {
  const stop = prober(url, 100, READS);
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  return stop();
}

/** /health every 100 ms on a worker thread; stopping it gives back the latencies. */
function healthThread(url: string) {
  const worker = new Worker(
    `const { parentPort, workerData } = require("node:worker_threads");
     const { Agent, request } = require("node:http");
     const agent = new Agent({ keepAlive: true });
     const latencies = []; let failures = 0; let pending = 0; let stopping = false;
     const finish = () => parentPort.postMessage({ latencies, failures });
     const timer = setInterval(() => {
       const started = performance.now(); pending++;
       const req = request(workerData.url, { agent, timeout: 10000 }, (res) => {
         res.resume();
         res.on("end", () => { latencies.push(performance.now() - started); if (res.statusCode !== 200) failures++; if (--pending === 0 && stopping) finish(); });
       });
       req.on("timeout", () => req.destroy(new Error("timeout")));
       req.on("error", () => { latencies.push(performance.now() - started); failures++; if (--pending === 0 && stopping) finish(); });
       req.end();
     }, 100);
     parentPort.on("message", () => { clearInterval(timer); stopping = true; if (pending === 0) finish(); });`,
    { eval: true, workerData: { url } },
  );
  return () =>
    new Promise<{ latencies: number[]; failures: number }>((resolve) => {
      worker.once("message", (m: { latencies: number[]; failures: number }) => {
        void worker.terminate();
        resolve(m);
      });
      worker.postMessage("stop");
    });
}

async function ingest(url: string, megabytes: number) {
  const text = syntheticDocument(megabytes, 1000 + megabytes, `A synthetic compilation of ${megabytes} MB`);
  const started = performance.now();
  // node:http, not fetch: fetch gives up on an answer after 5 minutes, and on a busy machine a
  // 15 MB ingest takes longer than that.
  const payload = JSON.stringify({ text, published: "2021-06-01", fileName: `synthetic-${megabytes}mb.txt` });
  const { status, body } = await new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request(
      `${url}/api/ingest`,
      {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "content-length": Buffer.byteLength(payload),
          authorization: `Bearer ${TOKEN}`,
        },
        timeout: 30 * 60_000,
      },
      (res) => {
        let data = "";
        res.setEncoding("utf8");
        res.on("data", (d: string) => {
          data += d;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: data }));
        res.on("error", reject);
      },
    );
    req.on("timeout", () => req.destroy(new Error(`ingest of ${megabytes} MB gave no answer in 30 minutes`)));
    req.on("error", reject);
    req.end(payload);
  });
  const answer = JSON.parse(body) as { characters?: number; error?: { message: string } };
  if (status < 200 || status >= 300)
    throw new Error(`ingest of ${megabytes} MB failed (${status}): ${answer.error?.message}`);
  return { seconds: (performance.now() - started) / 1000, characters: answer.characters ?? 0 };
}

async function benchEngine(name: string, env: Record<string, string>) {
  const server = await startServer(env);
  try {
    // 1. Reads while large documents are ingested, and the same reads with nothing else running,
    // before the documents and after them: what the ingest itself costs a reader.
    // (The first seconds after the server starts load its modules and the spare analysis thread.)
    await readsAlone(server.url, 3);
    const before = await readsAlone(server.url);
    const stopReads = prober(server.url, 100, READS);
    const ingests: string[] = [];
    const spans: { mb: number; from: number; to: number }[] = [];
    for (const mb of SIZES) {
      const started = performance.now();
      try {
        const { seconds, characters } = await ingest(server.url, mb);
        spans.push({ mb, from: started, to: performance.now() });
        ingests.push(`${mb} MB (${(characters / 1e6).toFixed(1)} M characters) in ${seconds.toFixed(1)} s`);
      } catch (e) {
        // A refusal (a 4xx) is a figure too: the storm still runs over what was ingested.
        if (!/failed \(4\d\d\)/.test((e as Error).message)) throw e;
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        ingests.push(
          `${mb} MB REFUSED after ${seconds} s (${(e as Error).message.replace(/^ingest of [\d.]+ MB /, "")})`,
        );
      }
    }
    const reads = await stopReads();
    console.log(`${name}: ingested ${ingests.join(", ")}`);
    console.log(
      `  reads meanwhile (search, profile, timeline; 10/s): ${reads.latencies.length} answered, p50 ${ms(percentile(reads.latencies, 50))}, p99 ${ms(percentile(reads.latencies, 99))}, max ${ms(Math.max(...reads.latencies))}, not 200: ${reads.failures}  (target p99 < 100 ms; ${load()})`,
    );
    console.log(`    by question: ${byQuestion(reads)}`);
    if (TRACE) {
      // Where in each ingest the slow reads fell (the analysis runs first, the writes last).
      for (const r of reads.slow) {
        const span = spans.find((x) => r.at >= x.from && r.at <= x.to);
        const where = span
          ? `${span.mb} MB ingest at ${((r.at - span.from) / 1000).toFixed(1)} s of ${((span.to - span.from) / 1000).toFixed(1)} s`
          : "between ingests";
        console.log(`    slow read: ${r.label} ${ms(r.ms)}, ${where}`);
      }
    }
    const after = await readsAlone(server.url);
    for (const [when, alone] of [
      ["before the ingests", before],
      ["after them", after],
    ] as const) {
      console.log(
        `  the same reads alone, ${when} (${READS_ALONE_SECONDS} s): p50 ${ms(percentile(alone.latencies, 50))}, p99 ${ms(percentile(alone.latencies, 99))}; ${byQuestion(alone)}`,
      );
    }

    // 2. The storm, with /health asked every 100 ms throughout, from a thread of its own: this
    // one is busy with the storm's 200 connections, and would be slow to notice the answers.
    const stopHealth = healthThread(`${server.url}/health`);
    const statuses = new Map<number, number>();
    const all: number[] = [];
    const ok: number[] = [];
    const storm = await new Promise<autocannon.Result>((resolve, reject) => {
      const instance = autocannon(
        {
          url: server.url,
          connections: CONNECTIONS,
          duration: STORM_SECONDS,
          timeout: 10,
          requests: [{ method: "GET", setupRequest: (req) => ({ ...req, path: searchPath() }) }],
        },
        (err, result) => (err ? reject(err) : resolve(result)),
      );
      instance.on("response", (_client, status, _bytes, responseTime) => {
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        all.push(responseTime);
        if (status === 200) ok.push(responseTime);
      });
    });
    const health = await stopHealth();
    const byStatus = [...statuses.entries()]
      .sort(([a], [b]) => a - b)
      .map(([s, n]) => `${n} × ${s}`)
      .join(", ");
    console.log(
      `  storm: ${STORM_SECONDS} s of varied searches at ${CONNECTIONS} connections: ${all.length} answers (${byStatus}), time-outs ${storm.timeouts}, errors ${storm.errors - storm.timeouts}  (${load()})`,
    );
    console.log(
      `    latency, all answers: p50 ${ms(percentile(all, 50))}, p99 ${ms(percentile(all, 99))}; answers 200: p50 ${ms(percentile(ok, 50))}, p99 ${ms(percentile(ok, 99))}  (target: 0 time-outs, p99 ≤ 1 s)`,
    );
    console.log(
      `    /health every 100 ms: ${health.latencies.length} asked, p99 ${ms(percentile(health.latencies, 99))}, worst ${ms(Math.max(...health.latencies))}, failed ${health.failures}  (target: within 100 ms throughout)\n`,
    );
  } catch (e) {
    console.error(`${name}: the bench stopped: ${(e as Error).message}\nThe server's last words:\n${server.logTail()}`);
    throw e;
  } finally {
    await server.stop();
  }
}

const dir = mkdtempSync(join(tmpdir(), "atlas-bench-storm-"));
try {
  if (ENGINE !== "postgresql") await benchEngine("PGlite", { DATABASE_URL: "", ATLAS_DATA_DIR: join(dir, "pglite") });
  if (ENGINE !== "pglite" && process.env.DATABASE_URL) {
    const temporary = await temporaryDatabase(process.env.DATABASE_URL);
    try {
      await benchEngine("PostgreSQL", { DATABASE_URL: temporary.url });
    } finally {
      await temporary.drop();
    }
  } else if (ENGINE !== "pglite") {
    console.log("PostgreSQL: skipped — set DATABASE_URL (bash scripts/pg.sh start prints one).\n");
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
