/**
 * A fresh embedded database starts from a snapshot of an empty, migrated one. Creating a PGlite
 * data directory runs initdb, which costs several times more than the migrations themselves; the
 * snapshot is built once (initdb + every migration) under .data/cache and each new database
 * starts from it: a data directory is copied from the snapshot's directory (a native file copy),
 * an in-memory database unpacks the snapshot's tarball. Its name carries a hash of PGlite's
 * version and of every migration file, so a new migration or a PGlite upgrade builds a new one;
 * migrations still run after the copy (one query when the snapshot is current).
 *
 * A new database that is to hold the curated dataset (the CLI's and the API's, on first start)
 * starts from a second snapshot, the migrated one seeded, named also by the hash of its rows
 * (`curatedSeed` in seed.ts): seeding costs twice what copying and opening does. Snapshots are
 * built in a scratch directory and renamed into place, so concurrent processes never see half of
 * one; those of older files are removed when a newer one is built.
 */
import { createHash } from "node:crypto";
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { drizzle } from "drizzle-orm/pglite";
import { migrate } from "drizzle-orm/pglite/migrator";
import { PACKAGE_DIR } from "../paths.js";
import type { Db } from "./db-type.js";
import * as schema from "./schema/index.js";

/** Every PGlite this package opens loads the same extensions; the snapshot is made with them. */
export const PGLITE_EXTENSIONS = { pg_trgm };
export const MIGRATIONS_DIR = join(PACKAGE_DIR, "drizzle");
export const SNAPSHOT_CACHE_DIR = join(PACKAGE_DIR, "..", "..", ".data", "cache");

/** When the newest migration was made (drizzle's journal): a database that recorded it is current. */
function newestMigrationMillis(): number {
  const journal = JSON.parse(readFileSync(join(MIGRATIONS_DIR, "meta", "_journal.json"), "utf8")) as {
    entries: { when: number }[];
  };
  return Math.max(...journal.entries.map((e) => e.when));
}

/**
 * Applies every migration to a PGlite database (a no-op for those already applied). A database
 * that already recorded the newest migration is left alone after one query: drizzle's migrator
 * would read and hash every file and run two DDL statements to find nothing to do (a tenth of
 * the terminal's start on the embedded database). Drizzle applies a migration when the newest
 * recorded is older than it, so this skips exactly when drizzle would apply nothing.
 */
export async function migratePgliteClient(client: PGlite): Promise<void> {
  try {
    const { rows } = await client.query<{ newest: string | null }>(
      "select max(created_at)::text as newest from drizzle.__drizzle_migrations",
    );
    if (Number(rows[0]?.newest ?? 0) >= newestMigrationMillis()) return;
  } catch {
    // No migrations table yet: a database no migration has touched.
  }
  await migrate(drizzle({ client, casing: "snake_case" }), { migrationsFolder: MIGRATIONS_DIR });
}

function snapshotKey(): string {
  const hash = createHash("sha256");
  const pgliteMain = createRequire(import.meta.url).resolve("@electric-sql/pglite");
  const pglitePackage = JSON.parse(readFileSync(join(dirname(pgliteMain), "..", "package.json"), "utf8")) as {
    version: string;
  };
  hash.update(`pglite ${pglitePackage.version}\nextensions ${Object.keys(PGLITE_EXTENSIONS).join(",")}\n`);
  for (const file of readdirSync(MIGRATIONS_DIR)
    .filter((f) => f.endsWith(".sql"))
    .sort())
    hash.update(file).update(readFileSync(join(MIGRATIONS_DIR, file)));
  hash.update(readFileSync(join(MIGRATIONS_DIR, "meta", "_journal.json")));
  return hash.digest("hex").slice(0, 16);
}

interface Snapshot {
  /** The data directory, or undefined when the cache could not be written. */
  dir?: string;
  /** The same directory as a PGlite tarball, for databases that live in memory. */
  tarball: () => Blob;
}

/**
 * Rows a new embedded database starts with (the curated dataset: `curatedSeed` in seed.ts),
 * written once into a snapshot named by `key`, which names exactly what `write` writes (a hash of
 * the rows), so a snapshot is never stale: other rows, another key, another snapshot.
 */
export interface DatabaseSeed {
  key: string;
  /** Writes the rows into a migrated, empty database. */
  write(db: Db): Promise<unknown>;
  /** Runs on each database started from the snapshot: stamps what is its own (when it was seeded). */
  started(db: Db): Promise<unknown>;
}

interface Recipe {
  /** The snapshot's name in the cache; one of its kind, `prefix`, is kept beside the newest. */
  name: string;
  prefix: string;
  /** A PGlite on a new data directory at `dataDir`, or in memory when the cache is unwritable. */
  open(dataDir?: string): Promise<PGlite>;
  fill(client: PGlite): Promise<void>;
}

const building = new Map<string, Promise<Snapshot>>();
// Older snapshots of a kind go when a new one is built, an hour after they were made (so no
// process still running older code is copying one).
const PRUNE_AFTER_MS = 60 * 60 * 1000;

/** Removes snapshots of the same kind as `keep` (which no longer match the files) made over an hour ago. */
function prune(cacheDir: string, prefix: string, keep: string) {
  for (const entry of readdirSync(cacheDir)) {
    if (!entry.startsWith(prefix) || entry === keep || entry === `${keep}.tar`) continue;
    const path = join(cacheDir, entry);
    try {
      if (Date.now() - statSync(path).mtimeMs > PRUNE_AFTER_MS) rmSync(path, { recursive: true, force: true });
    } catch {
      // Gone already (another process pruned it).
    }
  }
}

/** Builds a snapshot in a scratch directory, moved into the cache when complete. */
async function build(cacheDir: string, recipe: Recipe): Promise<Snapshot> {
  const dir = join(cacheDir, recipe.name);
  const scratch = `${dir}.${process.pid}.partial`;
  let client: PGlite;
  try {
    mkdirSync(cacheDir, { recursive: true });
    rmSync(scratch, { recursive: true, force: true });
    client = await recipe.open(scratch);
  } catch {
    // A cache that cannot be written: build in memory, for this database only.
    client = await recipe.open();
    try {
      await recipe.fill(client);
      const blob = await client.dumpDataDir("none");
      return { tarball: () => blob };
    } finally {
      await client.close();
    }
  }
  let blob: Blob;
  try {
    await recipe.fill(client);
    // Uncompressed: gzip makes it 8× smaller but slower to unpack, and unpacking is the point.
    blob = await client.dumpDataDir("none");
  } catch (e) {
    await client.close();
    rmSync(scratch, { recursive: true, force: true });
    throw e;
  }
  await client.close();
  writeFileSync(`${scratch}.tar`, Buffer.from(await blob.arrayBuffer()));
  renameSync(`${scratch}.tar`, `${dir}.tar`);
  try {
    renameSync(scratch, dir);
  } catch {
    // Another process finished first: its directory is the same snapshot.
    rmSync(scratch, { recursive: true, force: true });
  }
  prune(cacheDir, recipe.prefix, recipe.name);
  return { dir, tarball: () => blob };
}

/**
 * A snapshot read from the cache, else built once and kept there (atomically, so concurrent
 * processes never see half a snapshot).
 */
async function cached(cacheDir: string, recipe: Recipe): Promise<Snapshot> {
  const dir = join(cacheDir, recipe.name);
  if (existsSync(dir) && existsSync(`${dir}.tar`))
    return { dir, tarball: () => new Blob([readFileSync(`${dir}.tar`)]) };
  let pending = building.get(dir);
  if (!pending) {
    pending = build(cacheDir, recipe).finally(() => building.delete(dir));
    building.set(dir, pending);
  }
  return pending;
}

/** The migrated empty database: initdb + every migration. */
const migratedSnapshot = (cacheDir: string) =>
  cached(cacheDir, {
    name: `pglite-migrated-${snapshotKey()}`,
    prefix: "pglite-migrated-",
    open: (dataDir) =>
      dataDir
        ? PGlite.create(dataDir, { extensions: PGLITE_EXTENSIONS })
        : PGlite.create({ extensions: PGLITE_EXTENSIONS }),
    fill: migratePgliteClient,
  });

/** The migrated database holding `seed`'s rows, made from the migrated snapshot. */
const seededSnapshot = (cacheDir: string, seed: DatabaseSeed) =>
  cached(cacheDir, {
    name: `pglite-seeded-${snapshotKey()}-${seed.key.slice(0, 16)}`,
    prefix: "pglite-seeded-",
    open: async (dataDir) => {
      const base = await migratedSnapshot(cacheDir);
      if (dataDir && base.dir) {
        cpSync(base.dir, dataDir, { recursive: true });
        return PGlite.create(dataDir, { extensions: PGLITE_EXTENSIONS });
      }
      if (dataDir) return PGlite.create(dataDir, { extensions: PGLITE_EXTENSIONS, loadDataDir: base.tarball() });
      return PGlite.create({ extensions: PGLITE_EXTENSIONS, loadDataDir: base.tarball() });
    },
    fill: async (client) => {
      await seed.write(drizzle({ client, schema, casing: "snake_case" }) as unknown as Db);
    },
  });

const snapshotOf = (cacheDir: string, seed?: DatabaseSeed) =>
  seed ? seededSnapshot(cacheDir, seed) : migratedSnapshot(cacheDir);

/**
 * Starts a new PGlite data directory (one PostgreSQL has not initialised) from the snapshot:
 * migrated, and holding `seed`'s rows when given. Returns the options to open it with: none when the
 * directory was copied, the tarball to unpack when the snapshot has no directory.
 */
export async function startFromSnapshot(
  pgdata: string,
  { seed, cacheDir = SNAPSHOT_CACHE_DIR }: { seed?: DatabaseSeed; cacheDir?: string } = {},
): Promise<{ loadDataDir?: Blob }> {
  const snapshot = await snapshotOf(cacheDir, seed);
  if (!snapshot.dir) return { loadDataDir: snapshot.tarball() };
  cpSync(snapshot.dir, pgdata, { recursive: true });
  return {};
}

/** The snapshot (migrated, and holding `seed`'s rows when given) as a tarball, to open an in-memory database from. */
export async function snapshotTarball({
  seed,
  cacheDir = SNAPSHOT_CACHE_DIR,
}: {
  seed?: DatabaseSeed;
  cacheDir?: string;
} = {}): Promise<Blob> {
  return (await snapshotOf(cacheDir, seed)).tarball();
}
