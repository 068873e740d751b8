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
  Place,
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
  placeRow,
  relationRow,
  sizeRows,
} from "../seed/rows.js";

export type IngestRecord =
  | { type: "mention"; mention: Mention }
  /** A place an import brought (the curated places are rewritten by every seed). */
  | { type: "place"; place: Place }
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
  | { type: "relation-evidence"; relationId: string; evidence: Evidence[] }
  /**
   * A reference between two records that arrived apart (an import writes each record once what
   * it cannot exist without is in the atlas, and the links between records once both ends are).
   */
  | { type: "link"; link: Link };

/**
 * The references a link can be, named by the field of the record that holds it: an event's
 * participant, the actor who reported a death toll or the claim that is its report, the event it
 * is part of or answers; a claim's speaker's principal and channel, what it is about, the claims
 * it supports or contradicts.
 */
export type LinkField =
  | "participants"
  | "fatalityReportedBy"
  | "fatalityClaim"
  | "partOfId"
  | "responseToIds"
  | "onBehalfOfId"
  | "viaId"
  | "aboutActorIds"
  | "aboutEventIds"
  | "supportsIds"
  | "contradictsIds";

export interface Link {
  field: LinkField;
  /** The record holding the reference (an event or a claim). */
  fromId: string;
  /** The record referred to. */
  toId: string;
  /** A participant's role and note. */
  role?: string;
  note?: string | null;
  /** A death toll's first evidence span: which of the event's reports the link is about. */
  span?: Evidence;
}

export const recordIdOf = (r: IngestRecord): string => {
  switch (r.type) {
    case "mention":
      return `${r.mention.sourceId}@${r.mention.start}`;
    case "place":
      return r.place.id;
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
    case "link":
      return `${r.link.fromId}>${r.link.field}>${r.link.toId}`;
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

/** The ids of what the atlas stores: a record with such an id only adds its evidence. */
type Stored = {
  actors: Set<string>;
  events: Set<string>;
  places: Set<string>;
  claims: Set<string>;
  relations: Set<string>;
};

/**
 * What is stored, and what will be once the batch is written: records may refer to others of the
 * same batch (an event part of a later one, a claim about an event, claims that contradict each other).
 */
async function storedAndWill(db: Db, records: IngestRecord[]): Promise<{ stored: Stored; will: WillHave }> {
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
  const will: WillHave = {
    actors: new Set(actors),
    events: new Set(events),
    places: new Set(places),
    claims: new Set(claims),
  };
  for (const r of records) {
    if (r.type === "actor") will.actors.add(r.actor.id);
    else if (r.type === "event") will.events.add(r.event.id);
    else if (r.type === "place") will.places.add(r.place.id);
  }
  for (const r of records) {
    if (r.type === "claim" && will.actors.has(r.claim.claimantId)) will.claims.add(r.claim.id);
  }
  return { stored: { actors, events, places, claims, relations }, will };
}

/** The rows a batch of records writes, table by table, gathered record by record and written at once. */
class Batch {
  readonly rows = {
    places: [] as (typeof t.places.$inferInsert)[],
    actors: [] as (typeof t.actors.$inferInsert)[],
    aliases: [] as (typeof t.aliases.$inferInsert)[],
    actorSizes: [] as (typeof t.actorSizes.$inferInsert)[],
    events: [] as (typeof t.events.$inferInsert)[],
    participants: [] as (typeof t.participants.$inferInsert)[],
    fatalities: [] as (typeof t.fatalities.$inferInsert)[],
    eventResponses: [] as (typeof t.eventResponses.$inferInsert)[],
    relations: [] as (typeof t.relations.$inferInsert)[],
    claimLinks: [] as (typeof t.claimLinks.$inferInsert)[],
    claims: [] as (typeof t.claims.$inferInsert)[],
    claimActors: [] as (typeof t.claimActors.$inferInsert)[],
    claimEvents: [] as (typeof t.claimEvents.$inferInsert)[],
    evidence: [] as (typeof t.evidence.$inferInsert)[],
    mentions: [] as (typeof t.mentions.$inferInsert)[],
  };
  private readonly touchedActors = new Set<string>();
  private readonly links: Link[] = [];
  /** The next free position among an event's death tolls. */
  private readonly nextOrd = new Map<string, number>();

  constructor(
    private readonly db: Db,
    private readonly stored: Stored,
    private readonly will: WillHave,
    /** The aliases stored, as actor id and name. */
    private readonly aliasKeys: Set<string>,
  ) {}

  /** Gathers a record's rows; the reason it cannot be written, when it cannot. */
  async add(r: IngestRecord): Promise<string | null> {
    const { rows, stored, will } = this;
    switch (r.type) {
      case "mention":
        if (!will.actors.has(r.mention.actorId)) return `actor "${r.mention.actorId}" no longer exists`;
        rows.mentions.push(r.mention);
        return null;
      case "place": {
        const p = r.place;
        if (!stored.places.has(p.id)) {
          stored.places.add(p.id);
          rows.places.push(placeRow(p));
        }
        rows.evidence.push(...evidenceRows("place", p.id, p.evidence));
        return null;
      }
      case "actor":
        this.actor(r.actor, r.mentions);
        return null;
      case "alias":
        if (!will.actors.has(r.actorId)) return `actor "${r.actorId}" no longer exists`;
        if (r.alias) this.alias(r.actorId, r.alias);
        rows.evidence.push(...evidenceRows("actor", r.actorId, r.evidence));
        this.mentions(r.mentions);
        return null;
      case "event":
        this.event(r.event);
        return null;
      case "event-evidence":
        if (!will.events.has(r.eventId)) return `event "${r.eventId}" no longer exists`;
        await this.eventEvidence(r);
        return null;
      case "relation": {
        const x = r.relation;
        if (!will.actors.has(x.fromId) || !will.actors.has(x.toId))
          return `actor "${will.actors.has(x.fromId) ? x.toId : x.fromId}" no longer exists`;
        if (!stored.relations.has(x.id)) {
          stored.relations.add(x.id);
          rows.relations.push(relationRow(x));
        }
        rows.evidence.push(...evidenceRows("relation", x.id, x.evidence));
        return null;
      }
      case "relation-evidence":
        if (!stored.relations.has(r.relationId)) return `relation "${r.relationId}" no longer exists`;
        rows.evidence.push(...evidenceRows("relation", r.relationId, r.evidence));
        return null;
      case "claim":
        if (!will.actors.has(r.claim.claimantId)) return `claimant "${r.claim.claimantId}" no longer exists`;
        this.claim(r.claim);
        return null;
      case "link": {
        const missing = linkEnds(r.link).find(([collection, id]) => !will[collection].has(id));
        if (missing) return `${missing[0].slice(0, -1)} "${missing[1]}" no longer exists`;
        this.links.push(r.link);
        return null;
      }
    }
  }

  private mentions(list: Mention[]) {
    this.rows.mentions.push(...list.filter((m) => this.will.actors.has(m.actorId)));
  }

  private alias(actorId: string, alias: Alias) {
    const key = `${actorId}\u0000${alias.name}`;
    if (this.aliasKeys.has(key)) return;
    this.aliasKeys.add(key);
    this.rows.aliases.push(aliasRow(actorId, alias));
    this.touchedActors.add(actorId);
  }

  private actor(a: Actor, mentions: Mention[]) {
    const { rows, stored } = this;
    if (!stored.actors.has(a.id)) {
      stored.actors.add(a.id);
      rows.actors.push({ ...actorRow(a), aliasesText: "" });
      const sizes = sizeRows(a);
      rows.actorSizes.push(...sizes.sizes);
      rows.evidence.push(...sizes.evidence);
    }
    for (const alias of a.aliases) this.alias(a.id, alias);
    this.touchedActors.add(a.id);
    rows.evidence.push(...evidenceRows("actor", a.id, a.evidence));
    this.mentions(mentions);
  }

  private event(e: Event) {
    const { rows, stored, will } = this;
    if (!stored.events.has(e.id)) {
      stored.events.add(e.id);
      rows.events.push({
        ...eventRow(e),
        placeId: e.placeId && will.places.has(e.placeId) ? e.placeId : null,
        partOfId: e.partOfId && will.events.has(e.partOfId) ? e.partOfId : null,
      });
      for (const p of e.participants) {
        if (will.actors.has(p.actorId))
          rows.participants.push({ eventId: e.id, actorId: p.actorId, role: p.role, note: p.note });
      }
      for (const responseToId of e.responseToIds) {
        if (will.events.has(responseToId)) rows.eventResponses.push({ eventId: e.id, responseToId });
      }
      const f = fatalityRows(e.id, e.fatalities);
      rows.fatalities.push(...f.fatalities);
      rows.evidence.push(...f.evidence);
      this.nextOrd.set(e.id, e.fatalities.length);
    }
    rows.evidence.push(...evidenceRows("event", e.id, e.evidence));
  }

  /** Another account of an event: its words, who it says took part, its death toll after the others. */
  private async eventEvidence(r: Extract<IngestRecord, { type: "event-evidence" }>) {
    const { rows, will } = this;
    rows.evidence.push(...evidenceRows("event", r.eventId, r.evidence));
    for (const p of r.participants ?? []) {
      if (will.actors.has(p.actorId))
        rows.participants.push({ eventId: r.eventId, actorId: p.actorId, role: p.role, note: p.note });
    }
    if (r.fatalities?.length) {
      const from = await this.ordFrom(r.eventId);
      const f = fatalityRows(r.eventId, r.fatalities, from);
      rows.fatalities.push(...f.fatalities);
      rows.evidence.push(...f.evidence);
      this.nextOrd.set(r.eventId, from + r.fatalities.length);
    }
  }

  private async ordFrom(eventId: string) {
    let n = this.nextOrd.get(eventId);
    if (n === undefined) {
      const [row] = await this.db
        .select({ n: sql<number>`coalesce(max(${t.fatalities.ord}) + 1, 0)::int` })
        .from(t.fatalities)
        .where(sql`${t.fatalities.eventId} = ${eventId}`);
      n = row?.n ?? 0;
    }
    return n;
  }

  private claim(c: Claim) {
    const { rows, stored, will } = this;
    if (!stored.claims.has(c.id)) {
      stored.claims.add(c.id);
      rows.claims.push({
        ...claimRow(c),
        onBehalfOfId: c.onBehalfOfId && will.actors.has(c.onBehalfOfId) ? c.onBehalfOfId : null,
        viaId: c.viaId && will.actors.has(c.viaId) ? c.viaId : null,
      });
      for (const actorId of c.about.actorIds)
        if (will.actors.has(actorId)) rows.claimActors.push({ claimId: c.id, actorId });
      for (const eventId of c.about.eventIds)
        if (will.events.has(eventId)) rows.claimEvents.push({ claimId: c.id, eventId });
      // Contradiction is symmetric: stored both ways, whichever claim arrives first.
      for (const link of claimLinkRows(c).filter((l) => will.claims.has(l.otherId))) {
        rows.claimLinks.push(link);
        if (link.type === "contradicts")
          rows.claimLinks.push({ claimId: link.otherId, type: "contradicts", otherId: c.id });
      }
    }
    rows.evidence.push(...evidenceRows("claim", c.id, c.evidence), ...evidenceRows("attribution", c.id, c.attribution));
  }

  /** Writes the gathered rows, table by table in an order that keeps every reference valid, then the links. */
  async write() {
    const { db, rows } = this;
    await insertAll(db, t.places, rows.places);
    await insertAll(db, t.actors, rows.actors);
    await insertAll(db, t.aliases, rows.aliases);
    await insertAll(db, t.actorSizes, rows.actorSizes);
    await insertAll(db, t.events, rows.events);
    await insertAll(db, t.participants, rows.participants);
    await insertAll(db, t.fatalities, rows.fatalities);
    await insertAll(db, t.eventResponses, rows.eventResponses);
    await insertAll(db, t.relations, rows.relations);
    await insertAll(db, t.claims, rows.claims);
    await insertAll(db, t.claimActors, rows.claimActors);
    await insertAll(db, t.claimEvents, rows.claimEvents);
    await insertAll(db, t.claimLinks, rows.claimLinks);
    await insertAll(db, t.evidence, rows.evidence);
    await insertAll(db, t.mentions, rows.mentions);
    for (const link of this.links) await writeLink(db, link);
    if (this.touchedActors.size > 0) {
      // Search finds an actor by any alias: keep the joined alias text in step.
      await db
        .update(t.actors)
        .set({
          aliasesText: sql`coalesce((select string_agg(al.name, ' · ' order by al.name) from aliases al where al.actor_id = ${t.actors.id}), '')`,
        })
        .where(inArray(t.actors.id, [...this.touchedActors]));
    }
  }
}

/** Writes records into the curated tables, in order; returns what was applied and what was not. */
export async function applyRecords(db: Db, records: IngestRecord[]): Promise<ApplyReport> {
  if (records.length === 0) return { applied: 0, skipped: [] };
  const { stored, will } = await storedAndWill(db, records);
  const aliasKeys = new Set(
    (await db.select({ actorId: t.aliases.actorId, name: t.aliases.name }).from(t.aliases)).map(
      (a) => `${a.actorId}\u0000${a.name}`,
    ),
  );
  const batch = new Batch(db, stored, will, aliasKeys);
  const report: ApplyReport = { applied: 0, skipped: [] };
  for (const r of records) {
    const reason = await batch.add(r);
    if (reason) report.skipped.push({ recordId: recordIdOf(r), type: r.type, reason });
    else report.applied++;
  }
  await batch.write();
  return report;
}

/** The collections a link's two ends belong to, with their ids. */
function linkEnds(link: Link): [keyof WillHave, string][] {
  const from: keyof WillHave =
    link.field.startsWith("fatality") || ["participants", "partOfId", "responseToIds"].includes(link.field)
      ? "events"
      : "claims";
  const to: Record<LinkField, keyof WillHave> = {
    participants: "actors",
    fatalityReportedBy: "actors",
    fatalityClaim: "claims",
    partOfId: "events",
    responseToIds: "events",
    onBehalfOfId: "actors",
    viaId: "actors",
    aboutActorIds: "actors",
    aboutEventIds: "events",
    supportsIds: "claims",
    contradictsIds: "claims",
  };
  return [
    [from, link.fromId],
    [to[link.field], link.toId],
  ];
}

type WillHave = { actors: Set<string>; events: Set<string>; places: Set<string>; claims: Set<string> };

/** Writes one link; a reference the record already has is left as it is (never overwritten). */
async function writeLink(db: Db, l: Link): Promise<void> {
  const fatality = (column: "reported_by_id" | "claim_id") => {
    const span = l.span as Evidence;
    return sql`update fatalities f set ${sql.raw(column)} = ${l.toId}
      where f.event_id = ${l.fromId} and f.${sql.raw(column)} is null and exists (
        select 1 from evidence e where e.subject_type = 'fatality' and e.subject_id = f.event_id || '#' || f.ord
          and e.source_id = ${span.sourceId} and e.start = ${span.start} and e."end" = ${span.end})`;
  };
  switch (l.field) {
    case "participants":
      await insertAll(db, t.participants, [
        { eventId: l.fromId, actorId: l.toId, role: l.role as string, note: l.note ?? null },
      ]);
      return;
    case "fatalityReportedBy":
      await db.execute(fatality("reported_by_id"));
      return;
    case "fatalityClaim":
      await db.execute(fatality("claim_id"));
      return;
    case "partOfId":
      await db.execute(sql`update events set part_of_id = ${l.toId} where id = ${l.fromId} and part_of_id is null`);
      return;
    case "responseToIds":
      await insertAll(db, t.eventResponses, [{ eventId: l.fromId, responseToId: l.toId }]);
      return;
    case "onBehalfOfId":
      await db.execute(
        sql`update claims set on_behalf_of_id = ${l.toId} where id = ${l.fromId} and on_behalf_of_id is null`,
      );
      return;
    case "viaId":
      await db.execute(sql`update claims set via_id = ${l.toId} where id = ${l.fromId} and via_id is null`);
      return;
    case "aboutActorIds":
      await insertAll(db, t.claimActors, [{ claimId: l.fromId, actorId: l.toId }]);
      return;
    case "aboutEventIds":
      await insertAll(db, t.claimEvents, [{ claimId: l.fromId, eventId: l.toId }]);
      return;
    case "supportsIds":
      await insertAll(db, t.claimLinks, [{ claimId: l.fromId, type: "supports", otherId: l.toId }]);
      return;
    case "contradictsIds":
      await insertAll(db, t.claimLinks, [
        { claimId: l.fromId, type: "contradicts", otherId: l.toId },
        { claimId: l.toId, type: "contradicts", otherId: l.fromId },
      ]);
      return;
  }
}

/** The first document a record's evidence is in: where its ledger entry belongs. */
export function sourceOfRecord(r: IngestRecord): string | null {
  const first = (spans: Evidence[]) => spans[0]?.sourceId ?? null;
  switch (r.type) {
    case "mention":
      return r.mention.sourceId;
    case "place":
      return first(r.place.evidence);
    case "actor":
      return first(r.actor.evidence);
    case "alias":
    case "event-evidence":
    case "relation-evidence":
      return first(r.evidence);
    case "event":
      return first(r.event.evidence);
    case "claim":
      return first(r.claim.evidence);
    case "relation":
      return first(r.relation.evidence);
    case "link":
      return r.link.span?.sourceId ?? null;
  }
}

export interface LedgerEntry {
  record: IngestRecord;
  /** The document the record's evidence is in (the ledger entry goes when the document does); null for none. */
  sourceId: string | null;
  /** The suggestion a reviewer accepted; null for what an import brought in directly. */
  suggestionId?: string | null;
  importId?: string | null;
}

/** Keeps records in the ledger, in order, so every seed writes them back. */
export async function keepInLedger(db: Db, entries: LedgerEntry[]): Promise<void> {
  for (let i = 0; i < entries.length; i += CHUNK) {
    await db.insert(t.ingestRecords).values(
      entries.slice(i, i + CHUNK).map((e) => ({
        suggestionId: e.suggestionId ?? null,
        importId: e.importId ?? null,
        sourceId: e.sourceId,
        type: e.record.type,
        recordId: recordIdOf(e.record),
        record: e.record,
      })),
    );
  }
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

export type Target = { type: "actor" | "event" | "claim" | "relation"; id: string };

/** The records each accepted record writes to: an alias changes its actor, a link the record holding it. */
export function targetsOf(r: IngestRecord): Target[] {
  switch (r.type) {
    case "actor":
      return [{ type: "actor", id: r.actor.id }];
    case "alias":
      return [{ type: "actor", id: r.actorId }];
    case "event":
      return [{ type: "event", id: r.event.id }];
    case "event-evidence":
      return [{ type: "event", id: r.eventId }];
    case "claim":
      return [{ type: "claim", id: r.claim.id }];
    case "relation":
      return [{ type: "relation", id: r.relation.id }];
    case "relation-evidence":
      return [{ type: "relation", id: r.relationId }];
    case "link": {
      const holder: Target["type"] = CLAIM_LINKS.has(r.link.field) ? "claim" : "event";
      // A contradiction is written on both claims.
      return r.link.field === "contradictsIds"
        ? [
            { type: "claim", id: r.link.fromId },
            { type: "claim", id: r.link.toId },
          ]
        : [{ type: holder, id: r.link.fromId }];
    }
    // Mentions are logged with the suggestion; places are the gazetteer's, not records with a history.
    case "mention":
    case "place":
      return [];
  }
}

const CLAIM_LINKS = new Set<LinkField>([
  "onBehalfOfId",
  "viaId",
  "aboutActorIds",
  "aboutEventIds",
  "supportsIds",
  "contradictsIds",
]);
