/** Request context: the database (owned by this process) and, for writes, the caller's token. */
import type { Database, Db, OnImportProgress, OnIngestProgress } from "@atlas/data";

export interface ContextInner {
  db: Db;
  database: Database;
  /** The bearer token the request carried, if any; writes compare it with ATLAS_INGEST_TOKEN. */
  token: string | null;
  ingestToken: string | null;
  /** Progress of `ingest.add`, for an in-process caller (the CLI) to render; null over HTTP. */
  onIngestProgress: OnIngestProgress | null;
  /** Progress of `ingest.importFile` (records read, matched, new), likewise. */
  onImportProgress: OnImportProgress | null;
}

/** The real logic; tests and the in-process CLI call it directly. */
export function createContextInner(opts: {
  database: Database;
  token?: string | null;
  ingestToken?: string | null;
  onIngestProgress?: OnIngestProgress | null;
  onImportProgress?: OnImportProgress | null;
}): ContextInner {
  return {
    db: opts.database.db,
    database: opts.database,
    token: opts.token ?? null,
    ingestToken: opts.ingestToken ?? null,
    onIngestProgress: opts.onIngestProgress ?? null,
    onImportProgress: opts.onImportProgress ?? null,
  };
}

export type Context = ContextInner;
