/**
 * Accepted records and the curated tables. Every record a reviewer accepts is kept in the
 * ledger (`ingest_records`, in @atlas/schema's shapes) and written into the tables the product
 * reads (actors, mentions, events, claims, evidence…). The seed deletes and rewrites those
 * tables, then calls `reapplyIngestRecords`, so accepted records survive a re-seed.
 *
 * Writes never overwrite: when a curated record with the same id exists (an actor the
 * curators have since added), it keeps its fields and gains the ingested evidence. A record
 * whose actor has disappeared from the curated data is skipped and reported, and stays in
 * the ledger, so it comes back if the actor does.
 */
import type {
  Actor,
  Alias,
  Claim,
  Event,
  Evidence,
  FatalityReport,
  Mention,
  Participant,
  Relation,
} from "@atlas/schema";
import { asc, inArray, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Db } from "../db/client.js";
import * as t from "../db/schema/index.js";
import {
  actorRow,
  aliasRow,
  claimLinkRows,
  claimRow,
  eventRow,
  evidenceRows,
  fatalityRows,
  relationRow,
} from "../seed/rows.js";

export type IngestRecord =
  | { type: "mention"; mention: Mention }
  | { type: "actor"; actor: Actor; mentions: Mention[] }
  | { type: "alias"; actorId: string; alias: Alias | null; evidence: Evidence[]; mentions: Mention[] }
  | { type: "event"; event: Event }
  /**
   * Another document's account of an event the atlas holds: its words, and what it alone says
   * (its death toll, who it says took part), kept as that source reports them.
   */
  | {
      type: "event-evidence";
      eventId: string;
      evidence: Evidence[];
      fatalities?: FatalityReport[];
      participants?: Participant[];
    }
  | { type: "claim"; claim: Claim }
  | { type: "relation"; relation: Relation }
  | { type: "relation-evidence"; relationId: string; evidence: Evidence[] };

export const recordIdOf = (r: IngestRecord): string => {
  switch (r.type) {
    case "mention":
      return `${r.mention.sourceId}@${r.mention.start}`;
    case "actor":
      return r.actor.id;
    case "alias":
      return r.actorId;
    case "event":
      return r.event.id;
    case "event-evidence":
      return r.eventId;
    case "claim":
      return r.claim.id;
    case "relation":
      return r.relation.id;
    case "relation-evidence":
      return r.relationId;
  }
};

export interface ApplyReport {
  applied: number;
  skipped: { recordId: string; type: IngestRecord["type"]; reason: string }[];
}

const CHUNK = 500;

async function insertAll(db: Db, table: PgTable, rows: object[]) {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await db
      .insert(table)
      .values(rows.slice(i, i + CHUNK) as never)
      .onConflictDoNothing();
  }
}

/** Writes records into the curated tables, in order; returns what was applied and what was not. */
export async function applyRecords(db: Db, records: IngestRecord[]): Promise<ApplyReport> {
  if (records.length === 0) return { applied: 0, skipped: [] };
  const ids = async (
    table: typeof t.actors | typeof t.events | typeof t.places | typeof t.claims | typeof t.relations,
  ) => new Set((await db.select({ id: table.id }).from(table)).map((r) => r.id));
  const [actors, events, places, claims, relations] = await Promise.all([
    ids(t.actors),
    ids(t.events),
    ids(t.places),
    ids(t.claims),
    ids(t.relations),
  ]);
  /** The next free position among an event's death tolls. */
  const nextOrd = new Map<string, number>();
  const ordFrom = async (eventId: string) => {
    let n = nextOrd.get(eventId);
    if (n === undefined) {
      const [row] = await db
        .select({ n: sql<number>`coalesce(max(${t.fatalities.ord}) + 1, 0)::int` })
        .from(t.fatalities)
        .where(sql`${t.fatalities.eventId} = ${eventId}`);
      n = row?.n ?? 0;
    }
    return n;
  };
  const aliasKeys = new Set(
    (await db.select({ actorId: t.aliases.actorId, name: t.aliases.name }).from(t.aliases)).map(
      (a) => `${a.actorId}\u0000${a.name}`,
    ),
  );

  const rows = {
    actors: [] as (typeof t.actors.$inferInsert)[],
    aliases: [] as (typeof t.aliases.$inferInsert)[],
    events: [] as (typeof t.events.$inferInsert)[],
    participants: [] as (typeof t.participants.$inferInsert)[],
    fatalities: [] as (typeof t.fatalities.$inferInsert)[],
    relations: [] as (typeof t.relations.$inferInsert)[],
    claimLinks: [] as (typeof t.claimLinks.$inferInsert)[],
    claims: [] as (typeof t.claims.$inferInsert)[],
    claimActors: [] as (typeof t.claimActors.$inferInsert)[],
    claimEvents: [] as (typeof t.claimEvents.$inferInsert)[],
    evidence: [] as (typeof t.evidence.$inferInsert)[],
    mentions: [] as (typeof t.mentions.$inferInsert)[],
  };
  const touchedActors = new Set<string>();
  const report: ApplyReport = { applied: 0, skipped: [] };
  const skip = (r: IngestRecord, reason: string) =>
    report.skipped.push({ recordId: recordIdOf(r), type: r.type, reason });
  const mentionRows = (list: Mention[]) => rows.mentions.push(...list.filter((m) => actors.has(m.actorId)));
  const addAlias = (actorId: string, alias: Alias) => {
    const key = `${actorId}\u0000${alias.name}`;
    if (aliasKeys.has(key)) return;
    aliasKeys.add(key);
    rows.aliases.push(aliasRow(actorId, alias));
    touchedActors.add(actorId);
  };

  for (const r of records) {
    switch (r.type) {
      case "mention":
        if (!actors.has(r.mention.actorId)) {
          skip(r, `actor "${r.mention.actorId}" no longer exists`);
          continue;
        }
        rows.mentions.push(r.mention);
        break;
      case "actor": {
        const a = r.actor;
        if (!actors.has(a.id)) {
          actors.add(a.id);
          rows.actors.push({ ...actorRow(a), aliasesText: "" });
        }
        for (const alias of a.aliases) addAlias(a.id, alias);
        touchedActors.add(a.id);
        rows.evidence.push(...evidenceRows("actor", a.id, a.evidence));
        mentionRows(r.mentions);
        break;
      }
      case "alias":
        if (!actors.has(r.actorId)) {
          skip(r, `actor "${r.actorId}" no longer exists`);
          continue;
        }
        if (r.alias) addAlias(r.actorId, r.alias);
        rows.evidence.push(...evidenceRows("actor", r.actorId, r.evidence));
        mentionRows(r.mentions);
        break;
      case "event": {
        const e = r.event;
        if (!events.has(e.id)) {
          events.add(e.id);
          rows.events.push({
            ...eventRow(e),
            placeId: e.placeId && places.has(e.placeId) ? e.placeId : null,
            partOfId: e.partOfId && events.has(e.partOfId) ? e.partOfId : null,
          });
          for (const p of e.participants) {
            if (actors.has(p.actorId))
              rows.participants.push({ eventId: e.id, actorId: p.actorId, role: p.role, note: p.note });
          }
          const f = fatalityRows(e.id, e.fatalities);
          rows.fatalities.push(...f.fatalities);
          rows.evidence.push(...f.evidence);
          nextOrd.set(e.id, e.fatalities.length);
        }
        rows.evidence.push(...evidenceRows("event", e.id, e.evidence));
        break;
      }
      case "event-evidence": {
        if (!events.has(r.eventId)) {
          skip(r, `event "${r.eventId}" no longer exists`);
          continue;
        }
        rows.evidence.push(...evidenceRows("event", r.eventId, r.evidence));
        for (const p of r.participants ?? []) {
          if (actors.has(p.actorId))
            rows.participants.push({ eventId: r.eventId, actorId: p.actorId, role: p.role, note: p.note });
        }
        if (r.fatalities?.length) {
          const from = await ordFrom(r.eventId);
          const f = fatalityRows(r.eventId, r.fatalities, from);
          rows.fatalities.push(...f.fatalities);
          rows.evidence.push(...f.evidence);
          nextOrd.set(r.eventId, from + r.fatalities.length);
        }
        break;
      }
      case "relation": {
        const x = r.relation;
        if (!actors.has(x.fromId) || !actors.has(x.toId)) {
          skip(r, `actor "${actors.has(x.fromId) ? x.toId : x.fromId}" no longer exists`);
          continue;
        }
        if (!relations.has(x.id)) {
          relations.add(x.id);
          rows.relations.push(relationRow(x));
        }
        rows.evidence.push(...evidenceRows("relation", x.id, x.evidence));
        break;
      }
      case "relation-evidence":
        if (!relations.has(r.relationId)) {
          skip(r, `relation "${r.relationId}" no longer exists`);
          continue;
        }
        rows.evidence.push(...evidenceRows("relation", r.relationId, r.evidence));
        break;
      case "claim": {
        const c = r.claim;
        if (!actors.has(c.claimantId)) {
          skip(r, `claimant "${c.claimantId}" no longer exists`);
          continue;
        }
        if (!claims.has(c.id)) {
          claims.add(c.id);
          rows.claims.push({
            ...claimRow(c),
            onBehalfOfId: c.onBehalfOfId && actors.has(c.onBehalfOfId) ? c.onBehalfOfId : null,
            viaId: c.viaId && actors.has(c.viaId) ? c.viaId : null,
          });
          for (const actorId of c.about.actorIds)
            if (actors.has(actorId)) rows.claimActors.push({ claimId: c.id, actorId });
          for (const eventId of c.about.eventIds)
            if (events.has(eventId)) rows.claimEvents.push({ claimId: c.id, eventId });
          rows.claimLinks.push(...claimLinkRows(c).filter((l) => claims.has(l.otherId)));
        }
        rows.evidence.push(
          ...evidenceRows("claim", c.id, c.evidence),
          ...evidenceRows("attribution", c.id, c.attribution),
        );
        break;
      }
    }
    report.applied++;
  }

  await insertAll(db, t.actors, rows.actors);
  await insertAll(db, t.aliases, rows.aliases);
  await insertAll(db, t.events, rows.events);
  await insertAll(db, t.participants, rows.participants);
  await insertAll(db, t.fatalities, rows.fatalities);
  await insertAll(db, t.relations, rows.relations);
  await insertAll(db, t.claims, rows.claims);
  await insertAll(db, t.claimActors, rows.claimActors);
  await insertAll(db, t.claimEvents, rows.claimEvents);
  await insertAll(db, t.claimLinks, rows.claimLinks);
  await insertAll(db, t.evidence, rows.evidence);
  await insertAll(db, t.mentions, rows.mentions);
  if (touchedActors.size > 0) {
    // Search finds an actor by any alias: keep the joined alias text in step.
    await db
      .update(t.actors)
      .set({
        aliasesText: sql`coalesce((select string_agg(al.name, ' · ' order by al.name) from aliases al where al.actor_id = ${t.actors.id}), '')`,
      })
      .where(inArray(t.actors.id, [...touchedActors]));
  }
  return report;
}

/** After a seed: writes every accepted record back into the freshly rewritten curated tables. */
export async function reapplyIngestRecords(db: Db): Promise<ApplyReport> {
  const ledger = await db
    .select({ record: t.ingestRecords.record })
    .from(t.ingestRecords)
    .orderBy(asc(t.ingestRecords.seq));
  return applyRecords(
    db,
    ledger.map((r) => r.record as IngestRecord),
  );
}
