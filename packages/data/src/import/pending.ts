/**
 * What an import holds back, and writing it once it may be written. A record waits when it
 * cannot exist without an actor that is still a suggestion (a relation's end, a claim's speaker);
 * a link waits when a record at either end is not in the atlas yet (an event's participant who
 * is in review, a claim about an event in review). Every accepted or rejected suggestion of an
 * import settles it: what all it needs is now decided is written — records first, since links may
 * point at them — in the reviewer's transaction; what needs a rejected record is dropped, and the
 * import's warnings say so.
 */
import type { Claim, Evidence, Relation } from "@atlas/schema";
import { and, arrayOverlaps, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../db/client.js";
import * as t from "../db/schema/index.js";
import { freeId } from "../ingest/checks.js";
import {
  applyRecords,
  type IngestRecord,
  keepInLedger,
  type Link,
  type LinkField,
  recordIdOf,
} from "../ingest/records.js";
import type { RefCollection } from "./refs.js";

/** A record of the import, named by its collection and the id the file gives it: `actor:kataib-hezbollah`. */
export type Key = string;
export const keyOf = (collection: RefCollection | "relation", id: string): Key => `${collection}:${id}`;

export type PendingItem =
  /** A relation with an end still in review (its key here; the record keeps the file's id there). */
  | { kind: "relation"; importedId: string; record: Relation; fromKey: Key | null; toKey: Key | null }
  /** A claim whose speaker is still in review. */
  | { kind: "claim"; importedId: string; record: Claim; claimantKey: Key }
  | {
      kind: "link";
      field: LinkField;
      from: Key;
      to: Key;
      /** The document the holding record's evidence is in. */
      sourceId: string;
      role?: string;
      note?: string | null;
      span?: Evidence;
    };

/** Where an item stands once the records it needs are decided: ready, waiting, or dropped (and why). */
function standing(needs: string[], ids: Map<Key, string | null>): "ready" | "waiting" | { dropped: Key } {
  for (const key of needs) {
    if (!ids.has(key)) return "waiting";
    if (ids.get(key) === null) return { dropped: key };
  }
  return "ready";
}

async function idsOf(db: Db, importId: string, keys: Key[]): Promise<Map<Key, string | null>> {
  const map = new Map<Key, string | null>();
  if (keys.length === 0) return map;
  const rows = await db
    .select({ collection: t.importIds.collection, importedId: t.importIds.importedId, atlasId: t.importIds.atlasId })
    .from(t.importIds)
    .where(
      and(
        eq(t.importIds.importId, importId),
        inArray(sql<string>`${t.importIds.collection} || ':' || ${t.importIds.importedId}`, keys),
      ),
    );
  for (const r of rows) map.set(keyOf(r.collection as RefCollection, r.importedId), r.atlasId);
  return map;
}

/** Records what the import's records became (an atlas id, or null for rejected). */
export async function noteIds(db: Db, importId: string, entries: { key: Key; atlasId: string | null }[]) {
  for (let i = 0; i < entries.length; i += 500) {
    await db
      .insert(t.importIds)
      .values(
        entries.slice(i, i + 500).map(({ key, atlasId }) => {
          const at = key.indexOf(":");
          return { importId, collection: key.slice(0, at), importedId: key.slice(at + 1), atlasId };
        }),
      )
      .onConflictDoUpdate({
        target: [t.importIds.importId, t.importIds.collection, t.importIds.importedId],
        set: { atlasId: sql`excluded.atlas_id` },
      });
  }
}

export interface Settled {
  written: number;
  dropped: string[];
}

const COLLECTION = { actor: "actor", event: "event", statement: "claim", relation: "relation" } as const;

/**
 * A reviewer decided an import's suggestion: record what its record became (the atlas id it
 * created or was added to; null when rejected), and write what was waiting for it.
 */
export async function decided(
  db: Db,
  importId: string,
  suggestion: { kind: keyof typeof COLLECTION; externalId: string },
  atlasId: string | null,
): Promise<Settled> {
  const key = keyOf(COLLECTION[suggestion.kind], suggestion.externalId);
  await noteIds(db, importId, [{ key, atlasId }]);
  return settleImport(db, importId, [key]);
}

/**
 * Writes what the import held back and may now be written, now that these records are decided;
 * drops what needs a rejected one. Records first: written, they may settle more.
 */
export async function settleImport(db: Db, importId: string, keys: Key[]): Promise<Settled> {
  const result: Settled = { written: 0, dropped: [] };
  let changed = [...new Set(keys)];
  while (changed.length > 0) {
    const rows = await db
      .select()
      .from(t.importPending)
      .where(and(eq(t.importPending.importId, importId), arrayOverlaps(t.importPending.needs, changed)));
    if (rows.length === 0) break;
    const ids = await idsOf(db, importId, [...new Set(rows.flatMap((r) => r.needs))]);
    const ready: typeof rows = [];
    const gone: number[] = [];
    for (const row of rows) {
      const s = standing(row.needs, ids);
      if (s === "ready") ready.push(row);
      else if (s !== "waiting") {
        gone.push(row.seq);
        result.dropped.push(describeDropped(row.item, s.dropped));
      }
    }
    // Only the references that waited are the file's ids; the rest are the atlas's already.
    const atlasId = (key: Key | null, id: string) => (key ? (ids.get(key) as string) : id);
    const entries: { record: IngestRecord; sourceId: string }[] = [];
    const noted: { key: Key; atlasId: string }[] = [];
    for (const { item } of ready) {
      if (item.kind === "relation") {
        const r = item.record;
        const [fromId, toId] = [atlasId(item.fromKey, r.fromId), atlasId(item.toKey, r.toId)];
        // Its actor decided, the tie may be one the atlas holds: then it is more evidence for it.
        const [same] = await db
          .select({ id: t.relations.id })
          .from(t.relations)
          .where(and(eq(t.relations.fromId, fromId), eq(t.relations.type, r.type), eq(t.relations.toId, toId)));
        const record: IngestRecord = same
          ? { type: "relation-evidence", relationId: same.id, evidence: r.evidence }
          : { type: "relation", relation: { ...r, id: await freeId(db, t.relations, r.id), fromId, toId } };
        entries.push({ record, sourceId: sourceOf(r.evidence) });
        noted.push({ key: keyOf("relation", item.importedId), atlasId: recordIdOf(record) });
      } else if (item.kind === "claim") {
        const c = item.record;
        const claimantId = atlasId(item.claimantKey, c.claimantId);
        // The same speaker's same statement is the claim the atlas holds: the words are more evidence for it.
        const [same] = await db
          .select({ id: t.claims.id })
          .from(t.claims)
          .where(and(eq(t.claims.claimantId, claimantId), eq(t.claims.statement, c.statement)));
        const claim = { ...c, id: same?.id ?? (await freeId(db, t.claims, c.id)), claimantId };
        entries.push({ record: { type: "claim", claim }, sourceId: sourceOf(c.evidence) });
        noted.push({ key: keyOf("claim", item.importedId), atlasId: claim.id });
      } else {
        const link: Link = {
          field: item.field,
          fromId: ids.get(item.from) as string,
          toId: ids.get(item.to) as string,
          ...(item.role ? { role: item.role, note: item.note ?? null } : {}),
          ...(item.span ? { span: item.span } : {}),
        };
        entries.push({ record: { type: "link", link }, sourceId: item.sourceId });
      }
    }
    // Records before links (a claim written now may be a link's end): applied in that order.
    entries.sort((a, b) => Number(a.record.type === "link") - Number(b.record.type === "link"));
    await applyRecords(
      db,
      entries.map((e) => e.record),
    );
    await keepInLedger(
      db,
      entries.map((e) => ({ ...e, importId })),
    );
    await noteIds(db, importId, noted);
    const done = [...ready.map((r) => r.seq), ...gone];
    if (done.length > 0) await db.delete(t.importPending).where(inArray(t.importPending.seq, done));
    result.written += ready.length;
    changed = noted.map((n) => n.key);
  }
  if (result.dropped.length > 0) {
    await db
      .update(t.imports)
      .set({ warnings: sql`${t.imports.warnings} || ${JSON.stringify(result.dropped)}::jsonb` })
      .where(eq(t.imports.id, importId));
  }
  return result;
}

const sourceOf = (evidence: Evidence[]) => (evidence[0] as Evidence).sourceId;

function describeDropped(item: PendingItem, rejected: Key): string {
  const what =
    item.kind === "link" ? `The link ${item.from} → ${item.to} (${item.field})` : `The ${item.kind} ${item.importedId}`;
  return `${what} was not brought in: it needs ${rejected}, whose suggestion was rejected.`;
}
