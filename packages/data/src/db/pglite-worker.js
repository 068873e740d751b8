// @ts-check
/**
 * The embedded database's own thread. PGlite runs PostgreSQL (WebAssembly) on the thread that
 * calls it; here that is this worker, so a slow query never stops the API's event loop. The main
 * thread (pglite-thread.ts) sends one statement at a time and keeps the queue, so it knows how
 * long each one runs. Plain JavaScript: a worker must load without a TypeScript loader (tests,
 * bundles).
 */
import { parentPort, workerData } from "node:worker_threads";
import { PGlite, types } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";

const port = /** @type {import("node:worker_threads").MessagePort} */ (parentPort);

// Dates and times stay strings, as drizzle asks of PGlite in-process.
const RAW = [types.TIMESTAMP, types.TIMESTAMPTZ, types.INTERVAL, types.DATE, 1231, 1115, 1185, 1187, 1182];
/** @type {Record<number, (value: string) => string>} */
const parsers = Object.fromEntries(RAW.map((oid) => [oid, (/** @type {string} */ value) => value]));

const FIELDS = ["code", "detail", "hint", "constraint", "table", "column", "schema", "severity"];
/** An error as plain data (it crosses threads), keeping PostgreSQL's fields. */
const describe = (/** @type {unknown} */ e) => {
  const error = /** @type {Record<string, unknown>} */ (e instanceof Error ? e : { message: String(e) });
  return Object.fromEntries([["message", String(error.message)], ...FIELDS.map((f) => [f, error[f]])]);
};

/** @type {PGlite} */
let db;
try {
  db = await PGlite.create(workerData.dataDir, { extensions: { pg_trgm } });
} catch (e) {
  port.postMessage({ type: "failed", error: describe(e) });
  process.exit(1);
}

/** The one open transaction: PGlite's connection is its until it ends. */
/** @type {{ id: number, tx: import("@electric-sql/pglite").Transaction, end: (commit: boolean) => void, done: Promise<void> } | null} */
let open = null;
const ROLLBACK = Symbol("rollback");

/**
 * @param {{ id: number, type: "query", sql: string, params: unknown[], rowMode: "array" | "object", tx: number | null }
 *   | { id: number, type: "begin" } | { id: number, type: "end", tx: number, commit: boolean } | { id: number, type: "close" }} m
 */
async function handle(m) {
  switch (m.type) {
    case "query": {
      const target = m.tx !== null && open?.id === m.tx ? open.tx : db;
      const r = await target.query(m.sql, m.params, { rowMode: m.rowMode, parsers });
      return { rows: r.rows, affectedRows: r.affectedRows, fields: r.fields };
    }
    case "begin": {
      const id = m.id;
      /** @type {(commit: boolean) => void} */
      let end = () => {};
      const ended = new Promise((resolve, reject) => {
        end = (commit) => (commit ? resolve(undefined) : reject(ROLLBACK));
      });
      /** @type {(value?: unknown) => void} */
      let started = () => {};
      const inside = new Promise((resolve) => {
        started = resolve;
      });
      const done = db
        .transaction(async (tx) => {
          open = { id, tx, end, done: Promise.resolve() };
          started();
          await ended;
        })
        .catch((e) => {
          if (e !== ROLLBACK) throw e;
        })
        .finally(() => {
          open = null;
        });
      // A BEGIN that fails settles `done` before the callback runs.
      await Promise.race([inside, done]);
      if (open) open.done = done;
      return id;
    }
    case "end": {
      if (!open || open.id !== m.tx) throw new Error(`No open transaction ${m.tx}.`);
      const { done, end } = open;
      end(m.commit);
      await done;
      return null;
    }
    case "close":
      await db.close();
      return null;
  }
}

port.on("message", (m) => {
  handle(m).then(
    (result) => {
      port.postMessage({ type: "reply", id: m.id, ok: true, result });
      if (m.type === "close") port.close();
    },
    (e) => port.postMessage({ type: "reply", id: m.id, ok: false, error: describe(e) }),
  );
});
port.postMessage({ type: "ready" });
