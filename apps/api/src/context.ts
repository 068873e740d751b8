/** Request context: the database (owned by this process) and, for writes, the caller's token. */
import type { Database, Db, OnIngestProgress } from "@atlas/data";

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
}

/** The real logic; tests and the in-process CLI call it directly. */
export function createContextInner(opts: {
  database: Database;
  token?: string | null;
  inProcess?: boolean;
  onIngestProgress?: OnIngestProgress | null;
}): ContextInner {
  return {
    db: opts.database.db,
    database: opts.database,
    token: opts.token ?? null,
    inProcess: opts.inProcess ?? false,
    onIngestProgress: opts.onIngestProgress ?? null,
  };
}

export type Context = ContextInner;
