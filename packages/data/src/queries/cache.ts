/**
 * A read-through cache of query results. The atlas is read-mostly: data changes only when it is
 * seeded or a document is ingested, and every such write records a new data version in `meta`.
 * A write in this process clears the cache at once; a write by another process (several API
 * servers on one PostgreSQL) is noticed within VERSION_CHECK_MS, when the version is re-read.
 * Concurrent identical requests share one query. Results are shared: callers must not mutate them.
 * ATLAS_QUERY_CACHE=off disables it (to measure cold queries).
 */
import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { meta } from "../db/schema/meta.js";

const VERSION_CHECK_MS = 1000;
const MAX_ENTRIES = 500;

interface State {
  version: string | null;
  checkedAt: number;
  /** The version check in flight: every caller waits for it, so none looks up a stale entry. */
  checking: Promise<void> | null;
  entries: Map<string, Promise<unknown>>;
}

const states = new WeakMap<Db, State>();
const enabled = () => process.env.ATLAS_QUERY_CACHE !== "off";

async function readVersion(db: Db): Promise<string | null> {
  const rows = await db.select({ value: meta.value }).from(meta).where(eq(meta.key, "data_version"));
  return rows[0]?.value ?? null;
}

/** Records that the data changed (call inside the writing transaction), and clears this process's cache. */
export async function bumpDataVersion(db: Db, tx: Pick<Db, "execute"> = db): Promise<void> {
  const version = randomUUID();
  await tx.execute(
    sql`insert into meta (key, value) values ('data_version', ${version}) on conflict (key) do update set value = excluded.value`,
  );
  const state = states.get(db);
  if (state) {
    state.entries.clear();
    state.checkedAt = 0;
  }
}

/** Wraps a query function so equal calls on the same database share one result until the data changes. */
export function cached<A extends unknown[], R>(
  name: string,
  fn: (db: Db, ...args: A) => Promise<R>,
): (db: Db, ...args: A) => Promise<R> {
  return async (db: Db, ...args: A): Promise<R> => {
    if (!enabled()) return fn(db, ...args);
    let state = states.get(db);
    if (!state) {
      state = { version: null, checkedAt: 0, checking: null, entries: new Map() };
      states.set(db, state);
    }
    if (!state.checking && Date.now() - state.checkedAt > VERSION_CHECK_MS) {
      const current = state;
      current.checkedAt = Date.now();
      current.checking = readVersion(db)
        .then((version) => {
          if (version !== current.version) {
            current.entries.clear();
            current.version = version;
          }
        })
        // A failed check keeps what is cached; the next call checks again.
        .catch(() => {
          current.checkedAt = 0;
        })
        .finally(() => {
          current.checking = null;
        });
    }
    // Callers resume after the check one by one: the first stores its query before the next looks.
    if (state.checking) await state.checking;
    const key = `${name}\u0000${JSON.stringify(args)}`;
    let hit = state.entries.get(key) as Promise<R> | undefined;
    if (hit) {
      // Keep recently used entries at the end, so the oldest are dropped first.
      state.entries.delete(key);
      state.entries.set(key, hit);
      return hit;
    }
    hit = fn(db, ...args);
    const entries = state.entries;
    entries.set(key, hit);
    hit.catch(() => entries.delete(key));
    if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
    return hit;
  };
}
