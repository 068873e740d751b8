/**
 * Writes one record's whole state into the curated tables, or removes it (state null). A record
 * owns its row and its child rows (an actor its aliases and evidence, an event its participants,
 * death tolls and responses, a claim its about-links, its own links and its spans); those are
 * replaced, and nothing another record owns is touched. The main row is updated in place, so
 * other records' links to it stay. Used by every workbench write and by the seed's replay.
 */
import type { Actor, Claim, Event, Mention, Relation } from "@atlas/schema";
import { and, eq, inArray, like, sql } from "drizzle-orm";
import type { Db } from "../db/client.js";
import * as t from "../db/schema/index.js";
import type { Subject } from "../db/schema/sources.js";
import {
  actorRow,
  aliasRow,
  claimLinkRows,
  claimRow,
  eventRow,
  evidenceRows,
  fatalityRows,
  relationRow,
  sizeRows,
} from "../seed/rows.js";
import type { RecordOf, RecordType } from "./model.js";
import { parseMentionId } from "./records.js";

const dropSpans = (db: Db, type: Subject, id: string) =>
  db.delete(t.evidence).where(and(eq(t.evidence.subjectType, type), eq(t.evidence.subjectId, id)));

async function insert<T extends object>(db: Db, table: Parameters<Db["insert"]>[0], rows: T[]) {
  if (rows.length > 0) await db.insert(table).values(rows as never);
}

/** Spans of a record's numbered parts (`<id>#<n>`: an event's death tolls, an actor's sizes). */
const dropPartSpans = (db: Db, type: Subject, id: string) =>
  db
    .delete(t.evidence)
    .where(and(eq(t.evidence.subjectType, type), like(t.evidence.subjectId, `${id.replace(/[%_\\]/g, "\\$&")}#%`)));

async function putActor(db: Db, id: string, a: Actor | null) {
  await dropSpans(db, "actor", id);
  await dropPartSpans(db, "size", id);
  await db.delete(t.aliases).where(eq(t.aliases.actorId, id));
  await db.delete(t.actorSizes).where(eq(t.actorSizes.actorId, id));
  if (!a) {
    await db.delete(t.actors).where(eq(t.actors.id, id));
    return;
  }
  const row = actorRow(a);
  await db.insert(t.actors).values(row).onConflictDoUpdate({ target: t.actors.id, set: row });
  await insert(
    db,
    t.aliases,
    a.aliases.map((x) => aliasRow(id, x)),
  );
  await insert(db, t.evidence, evidenceRows("actor", id, a.evidence));
  const sizes = sizeRows({ id, sizes: a.sizes });
  await insert(db, t.actorSizes, sizes.sizes);
  await insert(db, t.evidence, sizes.evidence);
}

async function putRelation(db: Db, id: string, r: Relation | null) {
  await dropSpans(db, "relation", id);
  if (!r) {
    await db.delete(t.relations).where(eq(t.relations.id, id));
    return;
  }
  const row = relationRow(r);
  await db.insert(t.relations).values(row).onConflictDoUpdate({ target: t.relations.id, set: row });
  await insert(db, t.evidence, evidenceRows("relation", id, r.evidence));
}

async function putEvent(db: Db, id: string, e: Event | null) {
  await dropSpans(db, "event", id);
  await dropPartSpans(db, "fatality", id);
  await db.delete(t.participants).where(eq(t.participants.eventId, id));
  await db.delete(t.fatalities).where(eq(t.fatalities.eventId, id));
  await db.delete(t.eventResponses).where(eq(t.eventResponses.eventId, id));
  if (!e) {
    await db.delete(t.events).where(eq(t.events.id, id));
    return;
  }
  const row = eventRow(e);
  await db.insert(t.events).values(row).onConflictDoUpdate({ target: t.events.id, set: row });
  await insert(
    db,
    t.participants,
    e.participants.map((p) => ({ eventId: id, actorId: p.actorId, role: p.role, note: p.note })),
  );
  const f = fatalityRows(id, e.fatalities);
  await insert(db, t.fatalities, f.fatalities);
  await insert(
    db,
    t.eventResponses,
    e.responseToIds.map((responseToId) => ({ eventId: id, responseToId })),
  );
  await insert(db, t.evidence, [...evidenceRows("event", id, e.evidence), ...f.evidence]);
}

async function putClaim(db: Db, id: string, c: Claim | null) {
  await dropSpans(db, "claim", id);
  await dropSpans(db, "attribution", id);
  await db.delete(t.claimActors).where(eq(t.claimActors.claimId, id));
  await db.delete(t.claimEvents).where(eq(t.claimEvents.claimId, id));
  await db.delete(t.claimLinks).where(eq(t.claimLinks.claimId, id));
  if (!c) {
    await db.delete(t.claims).where(eq(t.claims.id, id));
    return;
  }
  const row = claimRow(c);
  await db.insert(t.claims).values(row).onConflictDoUpdate({ target: t.claims.id, set: row });
  await insert(
    db,
    t.claimActors,
    c.about.actorIds.map((actorId) => ({ claimId: id, actorId })),
  );
  await insert(
    db,
    t.claimEvents,
    c.about.eventIds.map((eventId) => ({ claimId: id, eventId })),
  );
  await insert(db, t.claimLinks, claimLinkRows(c));
  await insert(db, t.evidence, [
    ...evidenceRows("claim", id, c.evidence),
    ...evidenceRows("attribution", id, c.attribution),
  ]);
}

async function putMention(db: Db, id: string, m: Mention | null) {
  const key = parseMentionId(id);
  if (!key) throw new Error(`"${id}" is not a mention id (<source>@<start>)`);
  await db.delete(t.mentions).where(and(eq(t.mentions.sourceId, key.sourceId), eq(t.mentions.start, key.start)));
  if (m) await db.insert(t.mentions).values(m);
}

async function putSource(db: Db, id: string, s: RecordOf["source"] | null) {
  // A source is never removed by the workbench; its state is its grade.
  await db
    .update(t.sources)
    .set({ reliability: s?.reliability ?? null })
    .where(eq(t.sources.id, id));
}

/** Writes a record's state (null: removes it). The caller has validated it. */
export async function putRecord<K extends RecordType>(db: Db, type: K, id: string, state: RecordOf[K] | null) {
  switch (type) {
    case "actor":
      return putActor(db, id, state as Actor | null);
    case "relation":
      return putRelation(db, id, state as Relation | null);
    case "event":
      return putEvent(db, id, state as Event | null);
    case "claim":
      return putClaim(db, id, state as Claim | null);
    case "mention":
      return putMention(db, id, state as Mention | null);
    case "source":
      return putSource(db, id, state as RecordOf["source"] | null);
  }
}

/** Keeps every actor's searchable alias text in step after aliases moved. */
export async function refreshAliasText(db: Db, actorIds: string[]) {
  if (actorIds.length === 0) return;
  await db
    .update(t.actors)
    .set({
      aliasesText: sql`coalesce((select string_agg(al.name, ' · ' order by al.name) from aliases al where al.actor_id = ${t.actors.id}), '')`,
    })
    .where(inArray(t.actors.id, actorIds));
}
