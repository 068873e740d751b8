/**
 * Runs raw SQL the same way on PGlite and postgres.js, which wrap result rows differently.
 *
 * `rows` and `row` take SQL typed with its row (`sql<Row>`) whose tables and columns are schema
 * references (`${actors}`, `${actors.name}`), with `Row` built from the schema's own column types
 * (`$inferSelect`) where a column is passed through: renaming a column then fails `tsc`. Reads the
 * query builder can express use it instead.
 */
import type { SQL } from "drizzle-orm";
import type { Db } from "../db/client.js";

export async function rows<T>(db: Db, query: SQL<T>): Promise<T[]> {
  const result = (await db.execute(query)) as unknown;
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}

export async function row<T>(db: Db, query: SQL<T>): Promise<T | null> {
  return (await rows(db, query))[0] ?? null;
}
