/**
 * Does a filter name something that exists? A list filtered by an id that matches nothing is
 * either a real "none" (the actor took part in no event) or a typo (no such actor); callers ask
 * only when a filtered page came back empty, so a normal request pays nothing for the check.
 */
import { eq } from "drizzle-orm";
import type { Db } from "../db/client.js";
import * as t from "../db/schema/index.js";

/** The key column of each kind of record a filter can name. */
const KEYS = {
  actor: [t.actors, t.actors.id],
  event: [t.events, t.events.id],
  place: [t.places, t.places.id],
  source: [t.sources, t.sources.id],
  claim: [t.claims, t.claims.id],
} as const;
export type RecordKind = keyof typeof KEYS;

/** A filter: the input field, the kind of record it names and the id given (undefined: not set). */
export type Reference = [field: string, kind: RecordKind, id: string | undefined];

/** The first reference whose id names no record, or null when all exist. */
export async function unknownReference(db: Db, references: Reference[]): Promise<Reference | null> {
  for (const reference of references) {
    const [, kind, id] = reference;
    if (id === undefined) continue;
    const [table, key] = KEYS[kind];
    const found = await db.select({ id: key }).from(table).where(eq(key, id)).limit(1);
    if (found.length === 0) return reference;
  }
  return null;
}
