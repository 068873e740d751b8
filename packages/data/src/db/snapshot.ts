/**
 * A fresh embedded database starts from a snapshot of an empty, migrated one. Creating a PGlite
 * data directory runs initdb, which costs several times more than the migrations themselves; the
 * snapshot is built once (initdb + every migration) under .data/cache and each new database
 * starts from it: a data directory is copied from the snapshot's directory (a native file copy),
 * an in-memory database unpacks the snapshot's tarball. Its name carries a hash of PGlite's
 * version and of every migration file, so a new migration or a PGlite upgrade builds a new one;
 * migrations still run after the copy (a no-op when the snapshot is current).
 */
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { drizzle } from "drizzle-orm/pglite";
import { migrate } from "drizzle-orm/pglite/migrator";
import { PACKAGE_DIR } from "../paths.js";

/** Every PGlite this package opens loads the same extensions; the snapshot is made with them. */
export const PGLITE_EXTENSIONS = { pg_trgm };
export const MIGRATIONS_DIR = join(PACKAGE_DIR, "drizzle");
export const SNAPSHOT_CACHE_DIR = join(PACKAGE_DIR, "..", "..", ".data", "cache");

/** Applies every migration to a PGlite database (a no-op for those already applied). */
export const migratePgliteClient = (client: PGlite) =>
  migrate(drizzle({ client, casing: "snake_case" }), { migrationsFolder: MIGRATIONS_DIR });

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
  /** The migrated data directory, or undefined when the cache could not be written. */
  dir?: string;
  /** The same directory as a PGlite tarball, for databases that live in memory. */
  tarball: () => Blob;
}

let building: Promise<Snapshot> | undefined;

/** initdb + every migration in a scratch directory, moved into the cache when complete. */
async function build(cacheDir: string, name: string): Promise<Snapshot> {
  const dir = join(cacheDir, name);
  const scratch = `${dir}.${process.pid}.partial`;
  let client: PGlite;
  try {
    mkdirSync(cacheDir, { recursive: true });
    rmSync(scratch, { recursive: true, force: true });
    client = await PGlite.create(scratch, { extensions: PGLITE_EXTENSIONS });
  } catch {
    // A cache that cannot be written: build in memory, for this database only.
    client = await PGlite.create({ extensions: PGLITE_EXTENSIONS });
    await migratePgliteClient(client);
    const blob = await client.dumpDataDir("none");
    await client.close();
    return { tarball: () => blob };
  }
  await migratePgliteClient(client);
  // Uncompressed: gzip makes it 8× smaller but slower to unpack, and unpacking is the point.
  const blob = await client.dumpDataDir("none");
  await client.close();
  writeFileSync(`${scratch}.tar`, Buffer.from(await blob.arrayBuffer()));
  renameSync(`${scratch}.tar`, `${dir}.tar`);
  try {
    renameSync(scratch, dir);
  } catch {
    // Another process finished first: its directory is the same snapshot.
    rmSync(scratch, { recursive: true, force: true });
  }
  return { dir, tarball: () => blob };
}

/**
 * The migrated empty database: read from the cache, else built once and kept there (atomically,
 * so concurrent processes never see half a snapshot).
 */
async function migratedSnapshot(cacheDir: string): Promise<Snapshot> {
  const name = `pglite-migrated-${snapshotKey()}`;
  const dir = join(cacheDir, name);
  if (existsSync(dir) && existsSync(`${dir}.tar`))
    return { dir, tarball: () => new Blob([readFileSync(`${dir}.tar`)]) };
  building ??= build(cacheDir, name).finally(() => {
    building = undefined;
  });
  return building;
}

/**
 * Starts a new PGlite data directory (one PostgreSQL has not initialised) from the snapshot.
 * Returns the options to open it with: none when the directory was copied, the tarball to
 * unpack when the snapshot has no directory.
 */
export async function startFromSnapshot(
  pgdata: string,
  cacheDir = SNAPSHOT_CACHE_DIR,
): Promise<{ loadDataDir?: Blob }> {
  const snapshot = await migratedSnapshot(cacheDir);
  if (!snapshot.dir) return { loadDataDir: snapshot.tarball() };
  cpSync(snapshot.dir, pgdata, { recursive: true });
  return {};
}

/** The migrated snapshot as a tarball, to open an in-memory database from. */
export async function snapshotTarball(cacheDir = SNAPSHOT_CACHE_DIR): Promise<Blob> {
  return (await migratedSnapshot(cacheDir)).tarball();
}
