/** Request context: the database (owned by this process), the caller, and the server's limits. */
import type { Database, Db, OnImportProgress, OnIngestProgress } from "@atlas/data";
import type { Admission, PerClient } from "./limits.js";

export interface ContextInner {
  db: Db;
  database: Database;
  /** The bearer token the request carried, if any: a reviewer's, which writes require. */
  token: string | null;
  /**
   * The caller runs in the process that owns the database (the CLI on the embedded database):
   * it may create the first admin, since whoever can open the database files can change them.
   */
  inProcess: boolean;
  /** Progress of `ingest.add`, for an in-process caller (the CLI) to render; null over HTTP. */
  onIngestProgress: OnIngestProgress | null;
  /** Who is asking (the remote address over HTTP), for per-client limits. */
  client: string;
  /** The server's admission to the database and per-client limits; null in-process (no HTTP load). */
  admission: Admission | null;
  perClient: PerClient | null;
  /** Run an ingest's analysis on a worker thread (the server does; in-process callers need not). */
  threads: boolean;
  /** Progress of `ingest.importFile` (records read, matched, new), likewise. */
  onImportProgress: OnImportProgress | null;
}

/** The real logic; tests and the in-process CLI call it directly. */
export function createContextInner(opts: {
  database: Database;
  token?: string | null;
  inProcess?: boolean;
  onIngestProgress?: OnIngestProgress | null;
  client?: string;
  admission?: Admission | null;
  perClient?: PerClient | null;
  threads?: boolean;
  onImportProgress?: OnImportProgress | null;
}): ContextInner {
  return {
    db: opts.database.db,
    database: opts.database,
    token: opts.token ?? null,
    inProcess: opts.inProcess ?? false,
    onIngestProgress: opts.onIngestProgress ?? null,
    client: opts.client ?? "local",
    admission: opts.admission ?? null,
    perClient: opts.perClient ?? null,
    threads: opts.threads ?? false,
    onImportProgress: opts.onImportProgress ?? null,
  };
}

export type Context = ContextInner;
