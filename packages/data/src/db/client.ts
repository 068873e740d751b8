/**
 * One way to open the database. No DATABASE_URL: embedded PGlite persisted in a data directory
 * (one owning process, enforced by a lock file). DATABASE_URL=postgres://…: a PostgreSQL server
 * through postgres.js. Same schema, same migrations, same queries on both. Migrations are applied
 * on open.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { sql } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { readEnv } from "../env.js";
import { PACKAGE_DIR } from "../paths.js";
import { acquireLock } from "./lock.js";
import * as schema from "./schema/index.js";

export const MIGRATIONS_DIR = join(PACKAGE_DIR, "drizzle");

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
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
    // which matters more here than the planning time saved by generic plans.
    const client = postgres(url, { max: 10, onnotice: () => {}, connection: { plan_cache_mode: "force_custom_plan" } });
    const db = drizzlePostgres({ client, schema, casing: "snake_case" }) as unknown as Db;
    try {
      if (shouldMigrate) {
        await client`select pg_advisory_lock(${MIGRATION_LOCK})`;
        try {
          await migratePostgres(drizzlePostgres({ client, casing: "snake_case" }), {
            migrationsFolder: MIGRATIONS_DIR,
          });
        } finally {
          await client`select pg_advisory_unlock(${MIGRATION_LOCK})`;
        }
      } else {
        await db.execute(sql`select 1`);
      }
    } catch (e) {
      await client.end({ timeout: 1 });
      throw new Error(`Could not open PostgreSQL at ${redact(url)}: ${(e as Error).message}`);
    }
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
  let client: PGlite;
  let location = "memory";
  if (options.memory) {
    client = await PGlite.create({ extensions: { pg_trgm } });
  } else {
    const dataDir = options.dataDir ?? env.dataDir;
    // The lock file sits beside PostgreSQL's own files, which live in pgdata/.
    mkdirSync(dataDir, { recursive: true });
    release = acquireLock(dataDir);
    location = dataDir;
    try {
      client = await PGlite.create(join(dataDir, "pgdata"), { extensions: { pg_trgm } });
    } catch (e) {
      release();
      throw new Error(`Could not open the embedded database at ${dataDir}: ${(e as Error).message}`);
    }
  }
  const db = drizzlePglite({ client, schema, casing: "snake_case" }) as unknown as Db;
  if (shouldMigrate)
    await migratePglite(drizzlePglite({ client, casing: "snake_case" }), { migrationsFolder: MIGRATIONS_DIR });
  return {
    db,
    engine: "pglite",
    location,
    close: async () => {
      try {
        await client.close();
      } finally {
        release();
      }
    },
  };
}
