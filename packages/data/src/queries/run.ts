/** Runs raw SQL the same way on PGlite and postgres.js, which wrap result rows differently. */
import type { SQL } from "drizzle-orm";
import type { Db } from "../db/client.js";

export async function all<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown;
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}

export async function one<T>(db: Db, query: SQL): Promise<T | null> {
  return (await all<T>(db, query))[0] ?? null;
}
