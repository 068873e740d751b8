/**
 * One way to open the database. No DATABASE_URL: embedded PGlite persisted in a data directory
 * (one owning process, enforced by a lock file). DATABASE_URL=postgres://…: a PostgreSQL server
 * through postgres.js. Same schema, same migrations, same queries on both. Migrations are applied
 * on open; a new embedded database starts from the migrated snapshot, or from the seeded one when
 * it is to hold a dataset (see snapshot.ts).
 */
import { chmodSync, existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { readEnv } from "../env.js";
import type { Db, Schema } from "./db-type.js";
import { acquireLock } from "./lock.js";
import { backfillPassages, removeAbandonedIngests } from "./maintenance.js";
import { PgliteThread, StatementTimeoutError } from "./pglite-thread.js";
import { makePrivate } from "./private.js";
import * as schema from "./schema/index.js";
import {
  type DatabaseSeed,
  MIGRATIONS_DIR,
  migratePgliteClient,
  PGLITE_EXTENSIONS,
  snapshotTarball,
  startFromSnapshot,
} from "./snapshot.js";

export type { Db, Schema };
export { type DatabaseSeed, MIGRATIONS_DIR };
export type Engine = "pglite" | "postgres";

export type CopyValue = string | number | boolean | null;
export interface CopyTable {
  table: string;
  columns: string[];
  rows: Iterable<CopyValue[]>;
}

export interface Database {
  db: Db;
  engine: Engine;
  /** Where the data lives: a directory, "memory", or the server URL without its password. */
  location: string;
  /**
   * PostgreSQL only: streams rows into tables with COPY, the fastest way in, all in one
   * transaction. Values are text, numbers, booleans or null; arrays and JSON must already be
   * written as PostgreSQL text literals.
   */
  copy?: (tables: CopyTable[]) => Promise<void>;
  close(): Promise<void>;
}

const copyEscape = (v: CopyValue) =>
  v === null
    ? "\\N"
    : String(v).replace(/[\\\t\n\r]/g, (c) => ({ "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" })[c] as string);

export interface OpenOptions {
  /** A PostgreSQL URL. Defaults to DATABASE_URL; null forces PGlite. */
  url?: string | null;
  /** PGlite data directory. Defaults to ATLAS_DATA_DIR or .data/pglite at the repository root. */
  dataDir?: string;
  /** In-memory PGlite (tests): no directory, no lock. */
  memory?: boolean;
  /** Apply migrations on open (default true). */
  migrate?: boolean;
  /**
   * A new embedded database (a directory PostgreSQL has not initialised, or memory) starts
   * holding these rows, from a snapshot; called only then (building a dataset takes a second).
   * An existing database, or PostgreSQL, is not touched: seed it as before (seedDatabase finds
   * the rows current and skips). What it throws, openDatabase throws (as the cause).
   */
  seed?: () => DatabaseSeed;
  /**
   * PGlite in a data directory: run the engine on a worker thread (the API server does), so a
   * slow statement never stops this thread's event loop. In-memory PGlite always runs in-process.
   */
  thread?: boolean;
  /**
   * Stop any statement outside a transaction that runs longer than this. PostgreSQL: its
   * statement_timeout. PGlite on a thread: the thread is ended and reopened (PGlite cannot cancel
   * a statement). Not enforced on PGlite in-process.
   */
  statementTimeoutMs?: number;
  /**
   * PGlite in a data directory: called on close, once the engine has shut down and before this
   * process lets go of the directory, so what it sees there is what the next owner will find.
   */
  onShutdown?: () => void;
}

/**
 * A statement stopped for running past `statementTimeoutMs`: PostgreSQL's query_canceled
 * (57014), or the embedded engine's thread ended for it. Looks through wrapping errors (drizzle's).
 */
export function isStatementTimeout(e: unknown): boolean {
  for (let cause = e, depth = 0; cause instanceof Error && depth < 5; cause = cause.cause, depth++) {
    if (cause instanceof StatementTimeoutError || (cause as { code?: unknown }).code === "57014") return true;
  }
  return false;
}

const redact = (url: string) => url.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@");
// Arbitrary constant: serializes migrations when several processes open one PostgreSQL database.
const MIGRATION_LOCK = 7_261_803;

export async function openDatabase(options: OpenOptions = {}): Promise<Database> {
  const env = readEnv();
  const url = options.url === undefined ? env.databaseUrl : (options.url ?? undefined);
  const shouldMigrate = options.migrate ?? true;

  if (url && !options.memory) {
    // Custom plans: the planner sees each query's real values (how common a search word is),
    // which matters more here than the planning time saved by generic plans. No JIT: the atlas's
    // queries run in milliseconds, and compiling one whose cost the planner overrates (a search's
    // ranking of every actor) took 1.5 s of a 1.9 s answer.
    const connect = (statementTimeoutMs: number | undefined, max: number) =>
      postgres(url, {
        max,
        onnotice: () => {},
        connection: {
          plan_cache_mode: "force_custom_plan",
          jit: "off",
          ...(statementTimeoutMs ? { statement_timeout: statementTimeoutMs } : {}),
        },
      });
    // Migrations and upkeep run without the statement timeout (an index over many rows takes
    // its time), on a connection of their own when the served ones have one.
    const setup = connect(undefined, options.statementTimeoutMs ? 1 : 10);
    try {
      const setupDb = drizzlePostgres({ client: setup, schema, casing: "snake_case" }) as unknown as Db;
      if (shouldMigrate) {
        await setup`select pg_advisory_lock(${MIGRATION_LOCK})`;
        try {
          await migratePostgres(drizzlePostgres({ client: setup, casing: "snake_case" }), {
            migrationsFolder: MIGRATIONS_DIR,
          });
        } finally {
          await setup`select pg_advisory_unlock(${MIGRATION_LOCK})`;
        }
      } else {
        await setupDb.execute(sql`select 1`);
      }
      await backfillPassages(setupDb);
      await removeAbandonedIngests(setupDb, { all: false });
    } catch (e) {
      await setup.end({ timeout: 1 });
      throw new Error(`Could not open PostgreSQL at ${redact(url)}: ${(e as Error).message}`);
    }
    let client = setup;
    if (options.statementTimeoutMs) {
      await setup.end({ timeout: 5 });
      client = connect(options.statementTimeoutMs, 10);
    }
    const db = drizzlePostgres({ client, schema, casing: "snake_case" }) as unknown as Db;
    const copy = async (tables: CopyTable[]) => {
      await client.begin(async (tx) => {
        for (const { table, columns, rows } of tables) {
          const quoted = columns.map((c) => `"${c}"`).join(", ");
          const writable = await tx.unsafe(`copy "${table}" (${quoted}) from stdin`).writable();
          await pipeline(
            Readable.from(
              (function* () {
                for (const row of rows) yield `${row.map(copyEscape).join("\t")}\n`;
              })(),
            ),
            writable,
          );
        }
      });
    };
    return { db, engine: "postgres", location: redact(url), copy, close: () => client.end({ timeout: 5 }) };
  }

  let release = () => {};
  let client: PGlite | PgliteThread;
  let location = "memory";
  // A new database that will be migrated starts from the migrated snapshot, skipping initdb; one
  // to be seeded, from the seeded snapshot.
  const newSeed = shouldMigrate ? options.seed : undefined;
  let seed: DatabaseSeed | undefined;
  let seeded = false;
  if (options.memory) {
    seed = newSeed?.();
    client = await PGlite.create({
      extensions: PGLITE_EXTENSIONS,
      ...(shouldMigrate ? { loadDataDir: await snapshotTarball({ seed }) } : {}),
    });
    seeded = seed !== undefined;
  } else {
    const dataDir = options.dataDir ?? env.dataDir;
    // Only this user may read the database: the directory is 700 and its files 600 (PGlite
    // creates some world-writable). The lock file sits beside PostgreSQL's own files, in pgdata/.
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    chmodSync(dataDir, 0o700);
    release = acquireLock(dataDir);
    location = dataDir;
    const pgdata = join(dataDir, "pgdata");
    try {
      const fresh = shouldMigrate && !existsSync(join(pgdata, "PG_VERSION"));
      seed = fresh ? newSeed?.() : undefined;
      const start = fresh ? await startFromSnapshot(pgdata, { seed }) : {};
      // (A thread given only the tarball runs initdb: that database is not seeded.)
      seeded = seed !== undefined && !(options.thread && start.loadDataDir);
      // The thread opens the directory as it finds it: when the snapshot could only be given as a
      // tarball (an unwritable cache), it runs initdb instead.
      client = options.thread
        ? await PgliteThread.open(pgdata)
        : await PGlite.create(pgdata, { extensions: PGLITE_EXTENSIONS, ...start });
      makePrivate(dataDir);
    } catch (e) {
      release();
      throw new Error(`Could not open the embedded database at ${dataDir}: ${(e as Error).message}`, { cause: e });
    }
  }
  // drizzle calls `query` and `transaction`, which the thread answers as PGlite does.
  const pglite = client as PGlite;
  const db = drizzlePglite({ client: pglite, schema, casing: "snake_case" }) as unknown as Db;
  try {
    if (shouldMigrate) await migratePgliteClient(pglite);
    if (seeded) await seed?.started(db);
    await backfillPassages(db);
    await removeAbandonedIngests(db, { all: true });
  } catch (e) {
    await client.close().finally(release);
    throw e;
  }
  // Served statements only: migrations and upkeep above run without it.
  if (client instanceof PgliteThread && options.statementTimeoutMs)
    client.statementTimeoutMs = options.statementTimeoutMs;
  return {
    db,
    engine: "pglite",
    location,
    close: async () => {
      try {
        await client.close();
        if (location !== "memory") options.onShutdown?.();
      } finally {
        release();
      }
    },
  };
}
