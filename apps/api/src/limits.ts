/**
 * What keeps the API answering under load: a bounded wait for the database instead of an
 * unbounded queue, one expensive request at a time per client, and size limits on requests.
 */
import { MAX_DOCUMENT_BYTES, MAX_IMPORT_BYTES } from "@atlas/schema";

/** A tRPC batch holds at most this many calls. */
export const MAX_BATCH = 10;
/** A request body, other than a document for ingest, may be at most this large. */
export const MAX_BODY_BYTES = 1024 * 1024;
/** A document for ingest as JSON: MAX_DOCUMENT_BYTES as base64, and room for its metadata. */
export const MAX_INGEST_BODY_BYTES = Math.ceil((MAX_DOCUMENT_BYTES * 4) / 3) + MAX_BODY_BYTES;
/** A file to import as JSON: MAX_IMPORT_BYTES as base64, and room for its name and format. The largest body of all. */
export const MAX_IMPORT_BODY_BYTES = Math.ceil((MAX_IMPORT_BYTES * 4) / 3) + MAX_BODY_BYTES;

/** The wait was too long, or the queue is full: answer 503 and ask the client to come back. */
export class BusyError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(
      `The atlas is answering more requests than it can right now; try again in ${retryAfterSeconds} second${retryAfterSeconds === 1 ? "" : "s"}.`,
    );
    this.name = "BusyError";
  }
}

export interface AdmissionOptions {
  /** Requests that may use the database at once. */
  active: number;
  /** How long a request may wait for its turn before it is answered 503. */
  maxWaitMs: number;
  /** How many may wait; beyond this a request is answered 503 at once. */
  maxWaiting: number;
}

/** A line at most this many times `active` long is a reader's page arriving at once, not overload. */
const SHORT_LINE = 2;

interface Waiter {
  admit(): void;
  timer: NodeJS.Timeout;
}

/**
 * Admission to the database: at most `active` requests at a time, the rest wait in order. The
 * goal is an answer within `maxWaitMs`, a 200 or a 503: a queue that cannot be served in that
 * time would only make every answer late. So a waiting request is refused (503 + Retry-After)
 * once it could no longer be answered in time: after `maxWaitMs` less a usual request's time
 * (a moving average of recent ones), but never sooner than half of `maxWaitMs`. Refusing sooner,
 * at once, was tried: a client that asks again at once (a load tester; a script) then gets
 * thousands of refusals a second, and the server's own thread, busy writing them, answered
 * /health in seconds. The first `active` in line are not refused while the line is short: they
 * start as soon as the requests running finish (each bounded by the statement timeout), so such
 * a line is not overload — one reader's page, whose few calls arrive together on a slow or
 * just-started server, is served. In a long line they are refused like the rest: kept, they
 * waited for slow requests on a busy machine and answered in two seconds.
 */
export class Admission {
  private running = 0;
  private readonly waiting: Waiter[] = [];
  /** How long a request takes once admitted: a moving average of the recent ones, in ms. */
  private serviceMs = 0;

  constructor(private readonly options: AdmissionOptions) {}

  get load(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.length };
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    await this.enter();
    const started = performance.now();
    try {
      return await work();
    } finally {
      const took = performance.now() - started;
      this.serviceMs = this.serviceMs === 0 ? took : this.serviceMs + (took - this.serviceMs) * 0.2;
      this.leave();
    }
  }

  private enter(): Promise<void> {
    const { active, maxWaitMs, maxWaiting } = this.options;
    if (this.running < active && this.waiting.length === 0) {
      this.running++;
      return Promise.resolve();
    }
    if (this.waiting.length >= maxWaiting) return Promise.reject(new BusyError(1));
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        admit: () => {
          clearTimeout(waiter.timer);
          this.running++;
          resolve();
        },
        timer: setTimeout(
          () => {
            const at = this.waiting.indexOf(waiter);
            // Already admitted (its timer raced its turn); or next in line with few behind: it waits
            // for a running request, not behind a queue.
            // (Under a storm the head of the line is refused too, or its answer comes late.)
            if (at < 0 || (at < active && this.waiting.length <= SHORT_LINE * active)) return;
            this.waiting.splice(at, 1);
            reject(new BusyError(1));
          },
          Math.max(maxWaitMs - this.serviceMs, maxWaitMs / 2),
        ),
      };
      this.waiting.push(waiter);
    });
  }

  private leave() {
    this.running--;
    const next = this.waiting.shift();
    if (next) next.admit();
  }
}

/** A client already has an expensive request running: answer 429 and ask it to wait for it. */
export class TooManyError extends Error {
  constructor(what: string) {
    super(
      `${what[0]?.toUpperCase()}${what.slice(1)} is already running for this client: wait for it to finish, then try again.`,
    );
    this.name = "TooManyError";
  }
}

/**
 * One expensive request (an export, an ingest) at a time per client and kind, so a single client
 * cannot queue a hundred of them; other clients are not held back.
 */
export class PerClient {
  private readonly running = new Set<string>();

  async run<T>(client: string, what: string, work: () => Promise<T>): Promise<T> {
    const key = `${client}\u0000${what}`;
    if (this.running.has(key)) throw new TooManyError(what);
    this.running.add(key);
    try {
      return await work();
    } finally {
      this.running.delete(key);
    }
  }
}
