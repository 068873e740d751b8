/**
 * Test helper: the engines a database test runs on. PGlite (in memory) always; PostgreSQL too
 * when DATABASE_URL is set, each call in a database of its own that is dropped afterwards.
 */
import { randomBytes } from "node:crypto";
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
