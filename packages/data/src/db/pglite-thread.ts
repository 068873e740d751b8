/**
 * PGlite on a worker thread (pglite-worker.js), with the same `query` and `transaction` that
 * drizzle calls on PGlite in-process. The API serves from it, so its event loop stays free while
 * the embedded engine works: health checks, cached answers and refusals answer at once.
 *
 * Statements go to the worker one at a time, in order, from a queue kept here; while a
 * transaction is open only its own statements go (PGlite has one connection). That makes two
 * things possible that PGlite cannot do itself:
 * - a statement timeout: a statement outside a transaction that runs longer than
 *   `statementTimeoutMs` is stopped by ending the worker, and a new one opens the same data (as
 *   after a crash: PostgreSQL's recovery makes it clean). Transactions are writes of bounded
 *   size and are never cut short.
 * - knowing how much work is waiting (`waiting`), for back-pressure.
 */
import { Worker } from "node:worker_threads";

export interface ThreadResult {
  rows: unknown[];
  affectedRows?: number;
  fields: { name: string; dataTypeID: number }[];
}

interface QueryOptions {
  rowMode?: "array" | "object";
}

/** A statement that ran past the statement timeout and was stopped. */
export class StatementTimeoutError extends Error {
  constructor(readonly ms: number) {
    super(`The database stopped a statement that ran longer than ${ms} ms.`);
    this.name = "StatementTimeoutError";
  }
}

type Message =
  | { type: "query"; sql: string; params: unknown[]; rowMode: "array" | "object"; tx: number | null }
  | { type: "begin" }
  | { type: "end"; tx: number; commit: boolean }
  | { type: "close" };

interface Job {
  message: Message;
  resolve(value: unknown): void;
  reject(error: Error): void;
}

interface WorkerError {
  message: string;
  [field: string]: unknown;
}

/** A worker's error as an Error again, with PostgreSQL's fields (code, detail, constraint…). */
const revive = (data: WorkerError) => Object.assign(new Error(data.message), data);

const WORKER = new URL("./pglite-worker.js", import.meta.url);

export class PgliteThread {
  /** The worker that answers statements, once it has opened the database. */
  private worker: Worker | null = null;
  /** The newest worker, ready or still opening. */
  private spawned: Worker | null = null;
  private ready: Promise<void> | null = null;
  private readonly queue: Job[] = [];
  /** Reads outside a transaction: they go before other waiting statements (see `send`). */
  private readonly reads: Job[] = [];
  /** Statements of the open transaction: they go before anything else. */
  private readonly txQueue: Job[] = [];
  private txId: number | null = null;
  private running: { job: Job; id: number; timer: NodeJS.Timeout | null } | null = null;
  private nextId = 1;
  private closed = false;
  private broken: Error | null = null;

  /** Statements outside a transaction running longer than this are stopped (null: never). */
  statementTimeoutMs: number | null = null;

  private constructor(private readonly dataDir: string) {}

  static async open(dataDir: string): Promise<PgliteThread> {
    const thread = new PgliteThread(dataDir);
    await thread.start();
    return thread;
  }

  /** Statements waiting for the engine (not counting the one it is running). */
  get waiting(): number {
    return this.reads.length + this.queue.length + this.txQueue.length;
  }

  private start(): Promise<void> {
    const worker = new Worker(WORKER, { workerData: { dataDir: this.dataDir } });
    this.spawned = worker;
    this.ready = new Promise<void>((resolve, reject) => {
      worker.on("message", (m: { type: string; id?: number; ok?: boolean; result?: unknown; error?: WorkerError }) => {
        if (m.type === "ready") {
          this.worker = worker;
          resolve();
          this.pump();
        } else if (m.type === "failed") reject(new Error(`Could not open the embedded database: ${m.error?.message}`));
        else if (m.type === "reply") this.settle(m.id as number, m.ok === true, m.result, m.error);
      });
      worker.on("error", (e) => {
        reject(e);
        this.lost(worker, e);
      });
      worker.on("exit", (code) => {
        const e = new Error(`The embedded database's thread stopped (exit code ${code}).`);
        reject(e);
        this.lost(worker, e);
      });
    });
    return this.ready;
  }

  /** The worker ended: fail what it was running, and open a new one for what is queued. */
  private lost(worker: Worker, error: Error) {
    if (this.spawned !== worker) return;
    const wasServing = this.worker === worker;
    this.spawned = null;
    this.worker = null;
    const running = this.running;
    this.running = null;
    if (running?.timer) clearTimeout(running.timer);
    // A transaction dies with its worker (PostgreSQL rolls it back on recovery).
    if (this.txId !== null) {
      this.txId = null;
      for (const job of this.txQueue.splice(0)) job.reject(error);
    }
    running?.job.reject(error);
    if (this.closed) return;
    if (!wasServing) {
      // It never opened the database: do not retry forever.
      this.broken = new Error(`The embedded database could not be reopened: ${error.message} Restart the process.`);
      for (const job of [...this.reads.splice(0), ...this.queue.splice(0)]) job.reject(this.broken);
      return;
    }
    this.start().catch(() => {});
  }

  private settle(id: number, ok: boolean, result: unknown, error: WorkerError | undefined) {
    const running = this.running;
    if (!running || running.id !== id) return;
    if (running.timer) clearTimeout(running.timer);
    this.running = null;
    const { message } = running.job;
    if (ok && message.type === "begin") this.txId = result as number;
    if (message.type === "end") this.txId = null;
    if (ok) running.job.resolve(result);
    else running.job.reject(revive(error ?? { message: "unknown error" }));
    this.pump();
  }

  private pump() {
    if (this.running || !this.worker) return;
    const job = this.txId !== null ? this.txQueue.shift() : (this.reads.shift() ?? this.queue.shift());
    if (!job) return;
    const id = this.nextId++;
    const worker = this.worker;
    const limit = job.message.type === "query" && job.message.tx === null ? this.statementTimeoutMs : null;
    const timer =
      limit === null
        ? null
        : setTimeout(() => {
            this.running = null;
            job.reject(new StatementTimeoutError(limit));
            this.lost(worker, new StatementTimeoutError(limit));
            void worker.terminate();
          }, limit);
    this.running = { job, id, timer };
    worker.postMessage({ ...job.message, id });
  }

  private send(message: Message, inTransaction = false): Promise<unknown> {
    if (this.closed) return Promise.reject(new Error("The embedded database is closed."));
    if (this.broken) return Promise.reject(this.broken);
    return new Promise((resolve, reject) => {
      // A read waiting behind a writer's stream of short statements (a large ingest) goes first:
      // the writer's next statement waits a moment instead of every reader waiting for all of them.
      const read = !inTransaction && message.type === "query" && /^\s*(select|with)\b/i.test(message.sql);
      (inTransaction ? this.txQueue : read ? this.reads : this.queue).push({ message, resolve, reject });
      this.pump();
    });
  }

  query(sql: string, params: unknown[] = [], options: QueryOptions = {}): Promise<ThreadResult> {
    return this.send({
      type: "query",
      sql,
      params,
      rowMode: options.rowMode ?? "object",
      tx: null,
    }) as Promise<ThreadResult>;
  }

  /** Runs `fn` in a transaction: committed when it resolves, rolled back when it throws. */
  async transaction<T>(
    fn: (tx: {
      query: (sql: string, params?: unknown[], options?: QueryOptions) => Promise<ThreadResult>;
    }) => Promise<T>,
  ): Promise<T> {
    const tx = (await this.send({ type: "begin" })) as number;
    const inside = {
      query: (sql: string, params: unknown[] = [], options: QueryOptions = {}) =>
        this.send(
          { type: "query", sql, params, rowMode: options.rowMode ?? "object", tx },
          true,
        ) as Promise<ThreadResult>,
    };
    let result: T;
    try {
      result = await fn(inside);
    } catch (e) {
      await this.send({ type: "end", tx, commit: false }, true).catch(() => {});
      throw e;
    }
    await this.send({ type: "end", tx, commit: true }, true);
    return result;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await this.ready?.catch(() => {});
    const worker = this.spawned;
    if (worker) {
      const exited = new Promise((resolve) => worker.once("exit", resolve));
      await this.send({ type: "close" }).catch(() => {});
      this.closed = true;
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
      await worker.terminate();
    }
    this.closed = true;
  }
}
