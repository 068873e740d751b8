/**
 * Every record in @atlas/schema's shape, read from the curated tables: one record (its state
 * before and after a change), or all of them (the dataset export). One place knows how rows
 * become records, so the history, the export and the YAML written back agree.
 */
import {
  type Actor,
  type Claim,
  type Event,
  type Evidence,
  type Mention,
  type Place,
  type Relation,
  type Segment,
  type Source,
  WebUrl,
} from "@atlas/schema";
import { and, asc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { byRoleThenActor } from "../canonical.js";
import type { Db } from "../db/client.js";
import * as t from "../db/schema/index.js";
import type { Subject } from "../db/schema/sources.js";

/** The state of a source as the workbench changes it: its grade (its text never changes). */
export interface SourceState {
  id: string;
  reliability: NonNullable<Source["reliability"]> | null;
}

type EvidenceRow = typeof t.evidence.$inferSelect;
export const spanOf = (e: EvidenceRow): Evidence => ({
  sourceId: e.sourceId,
  start: e.start,
  end: e.end,
  quote: e.quote,
  ...(e.prefix === null ? {} : { prefix: e.prefix }),
  ...(e.suffix === null ? {} : { suffix: e.suffix }),
});

function groupBy<T, K>(items: T[], key: (t: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

const sorted = (ids: string[]) => [...ids].sort();

/** `column in ids`, or no condition for every row. */
const among = (column: PgColumn, ids: string[] | undefined): SQL | undefined =>
  ids === undefined ? undefined : inArray(column, ids.length ? ids : [""]);

/** Evidence spans by subject id, in text order. */
async function spansOf(db: Db, type: Subject, ids: string[] | undefined): Promise<Map<string, Evidence[]>> {
  const rows = await db
    .select()
    .from(t.evidence)
    .where(and(eq(t.evidence.subjectType, type), among(t.evidence.subjectId, ids)))
    .orderBy(asc(t.evidence.sourceId), asc(t.evidence.start), asc(t.evidence.end));
  return new Map([...groupBy(rows, (r) => r.subjectId)].map(([k, v]) => [k, v.map(spanOf)]));
}

export async function readActors(db: Db, ids?: string[]): Promise<Actor[]> {
  const [actors, aliases, sizes, evidence] = await Promise.all([
    db.select().from(t.actors).where(among(t.actors.id, ids)).orderBy(asc(t.actors.id)),
    db.select().from(t.aliases).where(among(t.aliases.actorId, ids)),
    db
      .select()
      .from(t.actorSizes)
      .where(among(t.actorSizes.actorId, ids))
      .orderBy(asc(t.actorSizes.actorId), asc(t.actorSizes.ord)),
    spansOf(db, "actor", ids),
  ]);
  const sizeEvidence = await spansOf(
    db,
    "size",
    ids === undefined ? undefined : sizes.map((z) => `${z.actorId}#${z.ord}`),
  );
  const als = groupBy(aliases, (a) => a.actorId);
  const szs = groupBy(sizes, (z) => z.actorId);
  return actors.map((a) => ({
    id: a.id,
    name: a.name,
    kind: a.kind as Actor["kind"],
    aliases: (als.get(a.id) ?? [])
      .sort((x, y) => x.name.localeCompare(y.name))
      .map((x) => ({
        name: x.name,
        kind: x.kind as Actor["aliases"][number]["kind"],
        sourceIds: x.sourceIds,
        ...(x.outside ? { outside: x.outside } : {}),
        ...(x.mergedFrom ? { mergedFrom: x.mergedFrom } : {}),
      })),
    description: a.description,
    evidence: evidence.get(a.id) ?? [],
    sizes: (szs.get(a.id) ?? []).map((z) => ({
      low: z.low,
      high: z.high,
      expression: z.expression,
      time: z.time,
      reportedById: z.reportedById,
      evidence: sizeEvidence.get(`${a.id}#${z.ord}`) ?? [],
    })),
  }));
}

export async function readPlaces(db: Db, ids?: string[]): Promise<Place[]> {
  const [places, evidence] = await Promise.all([
    db.select().from(t.places).where(among(t.places.id, ids)).orderBy(asc(t.places.id)),
    spansOf(db, "place", ids),
  ]);
  return places.map((p) => ({
    id: p.id,
    name: p.name,
    aliases: p.aliases,
    kind: p.kind as Place["kind"],
    withinId: p.withinId,
    coordinates:
      p.lat !== null && p.lon !== null && p.coordinatesSource
        ? { lat: p.lat, lon: p.lon, source: p.coordinatesSource, approximate: p.coordinatesApproximate ?? false }
        : null,
    evidence: evidence.get(p.id) ?? [],
  }));
}

export async function readRelations(db: Db, ids?: string[]): Promise<Relation[]> {
  const [relations, evidence] = await Promise.all([
    db.select().from(t.relations).where(among(t.relations.id, ids)).orderBy(asc(t.relations.id)),
    spansOf(db, "relation", ids),
  ]);
  return relations.map((r) => ({
    id: r.id,
    fromId: r.fromId,
    type: r.type as Relation["type"],
    toId: r.toId,
    role: r.role,
    time: r.time,
    former: r.former,
    note: r.note,
    evidence: evidence.get(r.id) ?? [],
  }));
}

export async function readEvents(db: Db, ids?: string[]): Promise<Event[]> {
  const [events, participants, fatalities, responses, evidence] = await Promise.all([
    db.select().from(t.events).where(among(t.events.id, ids)).orderBy(asc(t.events.id)),
    db.select().from(t.participants).where(among(t.participants.eventId, ids)),
    db
      .select()
      .from(t.fatalities)
      .where(among(t.fatalities.eventId, ids))
      .orderBy(asc(t.fatalities.eventId), asc(t.fatalities.ord)),
    db.select().from(t.eventResponses).where(among(t.eventResponses.eventId, ids)),
    spansOf(db, "event", ids),
  ]);
  const fatalityEvidence = await spansOf(
    db,
    "fatality",
    ids === undefined ? undefined : fatalities.map((f) => `${f.eventId}#${f.ord}`),
  );
  const parts = groupBy(participants, (p) => p.eventId);
  const fats = groupBy(fatalities, (f) => f.eventId);
  const resp = groupBy(responses, (r) => r.eventId);
  return events.map((e) => ({
    id: e.id,
    kind: e.kind as Event["kind"],
    title: e.title,
    summary: e.summary,
    time: e.time,
    placeId: e.placeId,
    placeNote: e.placeNote,
    participants: (parts.get(e.id) ?? [])
      .sort(byRoleThenActor)
      .map((p) => ({ actorId: p.actorId, role: p.role as Event["participants"][number]["role"], note: p.note })),
    fatalities: (fats.get(e.id) ?? []).map((f) => ({
      low: f.low,
      high: f.high,
      who: f.who,
      ...(f.expression ? { expression: f.expression } : {}),
      reportedById: f.reportedById,
      claimId: f.claimId,
      evidence: fatalityEvidence.get(`${e.id}#${f.ord}`) ?? [],
    })),
    partOfId: e.partOfId,
    responseToIds: sorted((resp.get(e.id) ?? []).map((r) => r.responseToId)),
    evidence: evidence.get(e.id) ?? [],
  }));
}

export async function readClaims(db: Db, ids?: string[]): Promise<Claim[]> {
  const [claims, about, aboutEvents, links, evidence, attribution] = await Promise.all([
    db.select().from(t.claims).where(among(t.claims.id, ids)).orderBy(asc(t.claims.id)),
    db.select().from(t.claimActors).where(among(t.claimActors.claimId, ids)),
    db.select().from(t.claimEvents).where(among(t.claimEvents.claimId, ids)),
    db.select().from(t.claimLinks).where(among(t.claimLinks.claimId, ids)),
    spansOf(db, "claim", ids),
    spansOf(db, "attribution", ids),
  ]);
  const ab = groupBy(about, (c) => c.claimId);
  const abEv = groupBy(aboutEvents, (c) => c.claimId);
  const lk = groupBy(links, (l) => `${l.claimId}:${l.type}`);
  return claims.map((c) => ({
    id: c.id,
    claimantId: c.claimantId,
    onBehalfOfId: c.onBehalfOfId,
    viaId: c.viaId,
    stance: c.stance as Claim["stance"],
    statement: c.statement,
    mode: c.mode as Claim["mode"],
    about: {
      actorIds: sorted((ab.get(c.id) ?? []).map((x) => x.actorId)),
      eventIds: sorted((abEv.get(c.id) ?? []).map((x) => x.eventId)),
    },
    said: c.said,
    setting: c.setting,
    evidence: evidence.get(c.id) ?? [],
    attribution: attribution.get(c.id) ?? [],
    supportsIds: sorted((lk.get(`${c.id}:supports`) ?? []).map((l) => l.otherId)),
    contradictsIds: sorted((lk.get(`${c.id}:contradicts`) ?? []).map((l) => l.otherId)),
    note: c.note,
    credibility: c.credibility ?? null,
  }));
}

/** A mention's id: `<sourceId>@<start>` (two mentions never start at one place). */
export const mentionId = (m: Pick<Mention, "sourceId" | "start">) => `${m.sourceId}@${m.start}`;

export function parseMentionId(id: string): { sourceId: string; start: number } | null {
  const m = /^(.+)@(\d+)$/.exec(id);
  return m ? { sourceId: m[1] as string, start: Number(m[2]) } : null;
}

export async function readMentions(db: Db, ids?: string[]): Promise<Mention[]> {
  const keys = ids?.map(parseMentionId).filter((k) => k !== null);
  const where =
    keys === undefined
      ? undefined
      : keys.length === 0
        ? sql`false`
        : sql`(${t.mentions.sourceId}, ${t.mentions.start}) in (${sql.join(
            keys.map((k) => sql`(${k.sourceId}, ${k.start})`),
            sql`, `,
          )})`;
  const rows = await db.select().from(t.mentions).where(where).orderBy(asc(t.mentions.sourceId), asc(t.mentions.start));
  return rows.map((m) => ({
    sourceId: m.sourceId,
    start: m.start,
    end: m.end,
    quote: m.quote,
    actorId: m.actorId,
    alias: m.alias,
  }));
}

/** Every mention of an actor. */
export async function readMentionsOf(db: Db, actorId: string): Promise<Mention[]> {
  const rows = await db
    .select({ sourceId: t.mentions.sourceId, start: t.mentions.start })
    .from(t.mentions)
    .where(eq(t.mentions.actorId, actorId));
  return readMentions(db, rows.map(mentionId));
}

export async function readSources(db: Db, ids?: string[]): Promise<Source[]> {
  const [sources, segments] = await Promise.all([
    db.select().from(t.sources).where(among(t.sources.id, ids)).orderBy(asc(t.sources.id)),
    db
      .select()
      .from(t.segments)
      .where(among(t.segments.sourceId, ids))
      .orderBy(asc(t.segments.sourceId), asc(t.segments.start)),
  ]);
  const segs = groupBy(segments, (s) => s.sourceId);
  return sources.map((s) => ({
    id: s.id,
    file: s.file,
    title: s.title,
    titleBasis: s.titleBasis as Source["titleBasis"],
    subtitle: s.subtitle,
    publisher: s.publisher,
    publisherBasis: s.publisherBasis as Source["publisherBasis"],
    authors: s.authors,
    authorsBasis: s.authorsBasis as Source["authorsBasis"],
    published: s.published,
    genre: s.genre as Source["genre"],
    dateline: s.dateline,
    language: s.language,
    // Only http(s) is accepted now; an address stored by an older version that is not is left out.
    url: WebUrl.safeParse(s.url).success ? s.url : null,
    text: s.text,
    hash: s.hash,
    segments: (segs.get(s.id) ?? []).map(({ start, end, role, article }) => ({
      start,
      end,
      role: role as Segment["role"],
      article,
    })),
    notes: s.notes,
    ...(s.pages ? { pages: s.pages } : {}),
    reliability: s.reliability ?? null,
  }));
}

export async function readSourceStates(db: Db, ids: string[]): Promise<SourceState[]> {
  const rows = await db
    .select({ id: t.sources.id, reliability: t.sources.reliability })
    .from(t.sources)
    .where(among(t.sources.id, ids));
  return rows.map((r) => ({ id: r.id, reliability: r.reliability ?? null }));
}
