/**
 * The embedded path: no API answered, so this process opens the database itself (PGlite in
 * ATLAS_DATA_DIR, or PostgreSQL at DATABASE_URL) and calls the API's router in-process. A PGlite
 * directory has one owner; when another process holds it the CLI says so and what to do.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createCaller, createContextInner } from "@atlas/api/in-process";
import {
  AnnotationError,
  curatedStart,
  type Database,
  DatabaseLockedError,
  type OnImportProgress,
  type OnIngestProgress,
  openDatabase,
  readEnv,
  registerSharedToken,
  seedDatabase,
  seedFromFiles,
  seedModeOf,
  tables,
} from "@atlas/data";
import type { Dataset } from "@atlas/schema";
import { type Atlas, atlasFrom, type Log, type Procedures, type Via } from "./data.js";
import { dataPackageFingerprint } from "./data-files.js";
import { DataError } from "./errors.js";
import type { IngestToken } from "./token.js";

const STAMP = "cli-seed-check.json";

/**
 * Seeds when the database does not hold the curated dataset, unless the atlas is kept empty
 * (ATLAS_SEED=none, or a database created so). seedFromFiles validates every
 * annotation and hashes the result (about a second) before it can tell; a stamp beside a PGlite
 * database remembers that no file of @atlas/data changed since the database was found to hold
 * that hash, so later runs start in milliseconds. `dataset`: the curated dataset, already validated.
 */
async function ensureSeeded(database: Database, log: Log, dataset?: Dataset): Promise<boolean> {
  if ((await seedModeOf(database)) === "none") return false;
  const stampPath = database.engine === "pglite" ? join(database.location, STAMP) : null;
  const rows = await database.db.select().from(tables.meta);
  const held = rows.find((r) => r.key === "dataset_hash")?.value;
  const fingerprint = stampPath ? dataPackageFingerprint() : "";
  if (stampPath && held && existsSync(stampPath)) {
    try {
      const stamp = JSON.parse(readFileSync(stampPath, "utf8")) as { fingerprint?: string; hash?: string };
      if (stamp.fingerprint === fingerprint && stamp.hash === held) return false;
    } catch {
      // An unreadable stamp only costs the full check below.
    }
  }
  if (!held) log("seeding the embedded database with the curated dataset…", "progress");
  const report = dataset ? await seedDatabase(database, dataset) : await seedFromFiles(database);
  if (!report.skipped) log(`seeded the curated dataset in ${Math.round(report.ms)} ms`, "progress");
  if (stampPath) {
    try {
      writeFileSync(stampPath, JSON.stringify({ fingerprint, hash: report.hash }));
    } catch {
      // A read-only directory only means the next run checks again.
    }
  }
  return !report.skipped;
}

export async function openEmbedded({
  apiUrl,
  log,
  token,
  onShutdown,
}: {
  apiUrl: string;
  log: Log;
  token: () => (IngestToken & { shared: boolean }) | null;
  /** On close, after PGlite shut down and before the directory is let go (see openDatabase). */
  onShutdown?: () => void;
}): Promise<Atlas> {
  const env = readEnv();
  if (!env.databaseUrl && !existsSync(join(env.dataDir, "pgdata", "PG_VERSION"))) {
    log(`creating the embedded database at ${env.dataDir}…`, "progress");
  }
  // A new embedded database that gets the curated dataset starts from a snapshot holding it.
  const start = env.seed === "none" ? undefined : curatedStart();
  let database: Database;
  try {
    database = await openDatabase({ seed: start?.seed, onShutdown });
  } catch (e) {
    const cause = e instanceof Error && e.cause instanceof AnnotationError ? e.cause : e;
    if (cause instanceof AnnotationError)
      throw new DataError(`The curated dataset does not validate: ${cause.message}`);
    if (e instanceof DatabaseLockedError) {
      throw new DataError(
        `No API answered at ${apiUrl}, and the embedded database at ${e.dataDir} is in use by process ` +
          `${e.holder.pid} (${e.holder.command}). Only one process may open it. To proceed: start the API ` +
          "(pnpm start) or set ATLAS_API_URL to the address of the API that owns it; or set ATLAS_DATA_DIR " +
          "to another directory; or set DATABASE_URL to use PostgreSQL.",
      );
    }
    throw new DataError((e as Error).message);
  }
  let seeded: boolean;
  try {
    // A database started from the seeded snapshot was seeded now, though there is nothing left to write.
    const dataset = start?.built();
    seeded = (await ensureSeeded(database, log, dataset)) || dataset !== undefined;
  } catch (e) {
    await database.close();
    if (e instanceof AnnotationError) throw new DataError(`The curated dataset does not validate: ${e.message}`);
    throw new DataError(`Could not seed the embedded database: ${(e as Error).message}`);
  }
  log(`using the embedded database (${database.engine}) at ${database.location}`);
  // Writes name their reviewer here too: ATLAS_TOKEN, or the shared token (the first admin's,
  // registered as the API registers it). Without either, only the first admin can be made.
  const found = token();
  if (found?.shared) await registerSharedToken(database.db, found.token);
  return callerAtlas(
    database,
    { kind: "embedded", engine: database.engine, location: database.location, seeded },
    found,
  );
}

/**
 * The Atlas over a database this process owns: the API's router called in-process (createCaller),
 * so what the CLI shows is what the API answers. Writes go under the reviewer `found` belongs to.
 * The review's tests use it on a test database.
 */
export function callerAtlas(
  database: Database,
  via: Extract<Via, { kind: "embedded" }>,
  found: (IngestToken & { shared: boolean }) | null,
): Atlas {
  // The context is made once; an ingest in progress points it at that call's listener.
  let listener: OnIngestProgress | null = null;
  let importListener: OnImportProgress | null = null;
  const caller = createCaller(
    createContextInner({
      database,
      token: found?.token ?? null,
      inProcess: true,
      onIngestProgress: (p) => listener?.(p),
      onImportProgress: (p) => importListener?.(p),
    }),
  );
  const procedures: Procedures = {
    actors: caller.actors,
    relations: caller.relations,
    events: caller.events,
    claims: caller.claims,
    sources: caller.sources,
    search: caller.search,
    export: caller.export,
    ingest: {
      add: async (input, onProgress) => {
        listener = onProgress ?? null;
        try {
          return await caller.ingest.add(input);
        } finally {
          listener = null;
        }
      },
      importFile: async (input, onProgress) => {
        importListener = onProgress ?? null;
        try {
          return await caller.ingest.importFile(input);
        } finally {
          importListener = null;
        }
      },
      documents: () => caller.ingest.documents({}),
      suggestions: (input) => caller.ingest.suggestions(input),
    },
    review: caller.review,
    workbench: {
      records: caller.records,
      reviewers: {
        me: () => caller.reviewers.me({}),
        list: () => caller.reviewers.list({}),
        add: (i) => caller.reviewers.add(i),
        revoke: (i) => caller.reviewers.revoke(i),
      },
    },
  };
  return atlasFrom(
    procedures,
    via,
    () => database.close(),
    () => found,
  );
}
