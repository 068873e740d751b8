/**
 * Test helper: the engines a database test runs on. PGlite (in memory) always; PostgreSQL too
 * when DATABASE_URL is set, each call in a database of its own that is dropped afterwards.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import postgres from "postgres";
import { type Database, openDatabase } from "../db/client.js";

export interface EngineCase {
  name: "pglite" | "postgres";
  open(): Promise<Database & { drop(): Promise<void> }>;
}

/** A fresh, empty database on the PostgreSQL server at `url`, and a way to drop it. */
export async function temporaryDatabase(url: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `atlas_test_${randomBytes(6).toString("hex")}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  return {
    url: target.toString(),
    drop: async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

export function engineCases(): EngineCase[] {
  const cases: EngineCase[] = [
    {
      name: "pglite",
      async open() {
        const database = await openDatabase({ memory: true, url: null });
        return { ...database, drop: () => database.close() };
      },
    },
  ];
  const url = process.env.DATABASE_URL;
  if (url) {
    cases.push({
      name: "postgres",
      async open() {
        const temporary = await temporaryDatabase(url);
        const database = await openDatabase({ url: temporary.url });
        return {
          ...database,
          drop: async () => {
            await database.close();
            await temporary.drop();
          },
        };
      },
    });
  }
  return cases;
}

export interface PersistentCase {
  name: "pglite" | "postgres";
  /** A database that outlives its connection: open it, close it, open it again (a restart). */
  create(): Promise<{ open(): Promise<Database>; drop(): Promise<void> }>;
}

/** Like engineCases, but on disk (PGlite in a temporary directory), so a test can restart. */
export function persistentCases(): PersistentCase[] {
  const cases: PersistentCase[] = [
    {
      name: "pglite",
      async create() {
        const dir = mkdtempSync(join(tmpdir(), "atlas-restart-"));
        return {
          open: () => openDatabase({ dataDir: dir, url: null }),
          drop: async () => rmSync(dir, { recursive: true, force: true }),
        };
      },
    },
  ];
  const url = process.env.DATABASE_URL;
  if (url) {
    cases.push({
      name: "postgres",
      async create() {
        const temporary = await temporaryDatabase(url);
        return { open: () => openDatabase({ url: temporary.url }), drop: () => temporary.drop() };
      },
    });
  }
  return cases;
}

/** A dataset without what the database stamps on it (its revision, each record's updatedAt), to compare with files. */
export function unstamped<T extends object>(dataset: T): T {
  const { revision: _, ...rest } = JSON.parse(
    JSON.stringify(dataset, (key, value) => (key === "updatedAt" ? undefined : value)),
  ) as T & { revision?: number };
  return rest as T;
}
