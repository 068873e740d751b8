/**
 * Building blocks shared by the queries: evidence with its sources, claim summaries, event
 * summaries. Every table and column is a reference to the Drizzle schema (db/schema), so a
 * renamed or removed column fails `tsc` here instead of at run time.
 */
import { and, eq, inArray, type SQL, sql } from "drizzle-orm";
import { type AnyPgColumn, alias } from "drizzle-orm/pg-core";
import type { Db } from "../db/client.js";
import { actors, claimLinks, claims, events, evidence, participants, places, sources } from "../db/schema/index.js";
import type { Subject } from "../db/schema/sources.js";
import type { ActorRef, ClaimSummary, EventSummary, Quote, SourceRef } from "./types.js";

/** The columns of `sources` (or an alias of it) a source reference is built from. */
interface SourceRefColumns {
  id: AnyPgColumn;
  title: AnyPgColumn;
  publisher: AnyPgColumn;
  published: AnyPgColumn;
}
/** The columns of `actors` (or an alias of it) an actor reference is built from. */
interface ActorRefColumns {
  id: AnyPgColumn;
  name: AnyPgColumn;
  kind: AnyPgColumn;
}

/** A source as quotes and lists refer to it (its publication date without the reasoning). */
export const sourceRefSql = (s: SourceRefColumns) =>
  sql<SourceRef>`json_build_object('id', ${s.id}, 'title', ${s.title}, 'publisher', ${s.publisher}, 'published', ${s.published} - 'note')`;

export const actorRefSql = (a: ActorRefColumns) =>
  sql<ActorRef>`json_build_object('id', ${a.id}, 'name', ${a.name}, 'kind', ${a.kind})`;

/** An actor reference, or null when the left-joined actor `a` is absent. */
export const optionalActorRefSql = (a: ActorRefColumns) =>
  sql<ActorRef | null>`case when ${a.id} is null then null else ${actorRefSql(a)} end`;

/** Evidence of many records at once, grouped by record id, each quote with its source. */
export async function quotesFor(db: Db, subject: Subject, ids: string[]): Promise<Map<string, Quote[]>> {
  const map = new Map<string, Quote[]>();
  if (ids.length === 0) return map;
  const e = alias(evidence, "e");
  const s = alias(sources, "s");
  const rows = await db
    .select({
      subjectId: e.subjectId,
      sourceId: e.sourceId,
      start: e.start,
      end: e.end,
      quote: e.quote,
      prefix: e.prefix,
      suffix: e.suffix,
      source: sourceRefSql(s),
    })
    .from(e)
    .innerJoin(s, eq(s.id, e.sourceId))
    .where(and(eq(e.subjectType, subject), inArray(e.subjectId, ids)))
    .orderBy(sql`${s.publishedEarliest} nulls last`, e.sourceId, e.start);
  for (const { subjectId, ...quote } of rows) map.set(subjectId, [...(map.get(subjectId) ?? []), quote]);
  return map;
}

/** The claim that a `claimSummaries` condition or order refers to: `claims` as `c`. */
export const summaryClaim = alias(claims, "c");
const c = summaryClaim;
const claimant = alias(actors, "claimant");
const obo = alias(actors, "obo");
const via = alias(actors, "via");
const link = alias(claimLinks, "l");
const claimSource = alias(sources, "s");
const claimEvidence = alias(evidence, "ev");

/** Claim summaries for the claims matching a condition on `summaryClaim`. */
export async function claimSummaries(
  db: Db,
  where: SQL,
  order: SQL = sql`${c.id}`,
  limit?: number,
): Promise<ClaimSummary[]> {
  const query = db
    .select({
      id: c.id,
      stance: c.stance,
      statement: c.statement,
      mode: c.mode,
      said: c.said,
      setting: c.setting,
      note: c.note,
      claimant: actorRefSql(claimant),
      onBehalfOf: optionalActorRefSql(obo),
      via: optionalActorRefSql(via),
      contradictsCount: sql<number>`(select count(*)::int from ${claimLinks} ${link} where ${link.claimId} = ${c.id} and ${link.type} = 'contradicts')`,
      supportsCount: sql<number>`(select count(*)::int from ${claimLinks} ${link} where ${link.claimId} = ${c.id} and ${link.type} = 'supports')`,
      credibility: c.credibility,
      sources: sql<
        ClaimSummary["sources"]
      >`coalesce((select json_agg(json_build_object('id', ${claimSource.id}, 'title', ${claimSource.title}, 'reliability', ${claimSource.reliability}) order by ${claimSource.id})
                    from ${sources} ${claimSource} where ${claimSource.id} in (select ${claimEvidence.sourceId} from ${evidence} ${claimEvidence}
                                                  where ${claimEvidence.subjectType} = 'claim' and ${claimEvidence.subjectId} = ${c.id})), '[]')`,
    })
    .from(c)
    .innerJoin(claimant, eq(claimant.id, c.claimantId))
    .leftJoin(obo, eq(obo.id, c.onBehalfOfId))
    .leftJoin(via, eq(via.id, c.viaId))
    .where(where)
    .orderBy(order)
    .$dynamic();
  const rows = await (limit === undefined ? query : query.limit(limit));
  const quotes = await quotesFor(
    db,
    "claim",
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({ ...r, evidence: quotes.get(r.id) ?? [] }));
}

/** The event that an `eventSummaries` condition or order refers to: `events` as `e`. */
export const summaryEvent = alias(events, "e");
const e = summaryEvent;
const place = alias(places, "p");
const participant = alias(participants, "pa");
const participantActor = alias(actors, "a");
const eventEvidence = alias(evidence, "ev");

/**
 * Event summaries (participants, place, reporting sources) for events matching a condition on
 * `summaryEvent`; `sortKey` adds that column (a sort key for a cursor) first.
 */
export async function eventSummaries(db: Db, where: SQL, order?: SQL, limit?: number): Promise<EventSummary[]>;
export async function eventSummaries(
  db: Db,
  where: SQL,
  order: SQL,
  limit: number,
  sortKey: SQL<string>,
): Promise<(EventSummary & { sortKey: string })[]>;
export async function eventSummaries(
  db: Db,
  where: SQL,
  order: SQL = sql`${e.timeEarliest} nulls first, ${e.id}`,
  limit?: number,
  sortKey?: SQL<string>,
): Promise<EventSummary[]> {
  const fields = {
    id: e.id,
    kind: e.kind,
    title: e.title,
    summary: e.summary,
    time: e.time,
    earliest: sql<string | null>`${e.timeEarliest}::text`,
    latest: sql<string | null>`${e.timeLatest}::text`,
    place: sql<
      EventSummary["place"]
    >`case when ${place.id} is null then null else json_build_object('id', ${place.id}, 'name', ${place.name}) end`,
    placeNote: e.placeNote,
    participants: sql<
      EventSummary["participants"]
    >`coalesce((select json_agg(json_build_object('actor', ${actorRefSql(participantActor)}, 'role', ${participant.role}) order by ${participant.role}, ${participantActor.name})
                    from ${participants} ${participant} join ${actors} ${participantActor} on ${participantActor.id} = ${participant.actorId} where ${participant.eventId} = ${e.id}), '[]')`,
    sourceIds: sql<
      string[]
    >`coalesce((select json_agg(distinct ${eventEvidence.sourceId}) from ${evidence} ${eventEvidence}
                    where ${eventEvidence.subjectType} = 'event' and ${eventEvidence.subjectId} = ${e.id}), '[]')`,
  };
  const query = db
    .select(sortKey ? { sortKey, ...fields } : fields)
    .from(e)
    .leftJoin(place, eq(place.id, e.placeId))
    .where(where)
    .orderBy(order)
    .$dynamic();
  return limit === undefined ? query : query.limit(limit);
}

export type { SourceRef };
