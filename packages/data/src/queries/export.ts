/**
 * Reads the whole database back as a Dataset in the @atlas/schema shape: what `export --format
 * json` writes and what the other export formats are built from.
 */
import { DATASET_VERSION, type Dataset, type Evidence, type Segment, WebUrl } from "@atlas/schema";
import { asc } from "drizzle-orm";
import { byRoleThenActor } from "../canonical.js";
import type { Db } from "../db/client.js";
import * as t from "../db/schema/index.js";
import { cached } from "./cache.js";

type Row = typeof t.evidence.$inferSelect;
const span = (e: Row): Evidence => ({
  sourceId: e.sourceId,
  start: e.start,
  end: e.end,
  quote: e.quote,
  ...(e.prefix === null ? {} : { prefix: e.prefix }),
  ...(e.suffix === null ? {} : { suffix: e.suffix }),
});

function groupBy<T, K>(items: T[], key: (t: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const item of items) map.set(key(item), [...(map.get(key(item)) ?? []), item]);
  return map;
}

/** The whole dataset, read once per data version (see cache.ts): callers must not mutate it. */
export const exportDataset = cached("exportDataset", readDataset);

async function readDataset(db: Db): Promise<Dataset> {
  const [
    sources,
    segments,
    actors,
    aliases,
    sizes,
    places,
    relations,
    events,
    participants,
    fatalities,
    responses,
    claims,
    claimActors,
    claimEvents,
    links,
    evidence,
    mentions,
  ] = await Promise.all([
    db.select().from(t.sources).orderBy(asc(t.sources.id)),
    db.select().from(t.segments).orderBy(asc(t.segments.sourceId), asc(t.segments.start)),
    db.select().from(t.actors).orderBy(asc(t.actors.id)),
    db.select().from(t.aliases),
    db.select().from(t.actorSizes).orderBy(asc(t.actorSizes.actorId), asc(t.actorSizes.ord)),
    db.select().from(t.places).orderBy(asc(t.places.id)),
    db.select().from(t.relations).orderBy(asc(t.relations.id)),
    db.select().from(t.events).orderBy(asc(t.events.id)),
    db.select().from(t.participants),
    db.select().from(t.fatalities).orderBy(asc(t.fatalities.eventId), asc(t.fatalities.ord)),
    db.select().from(t.eventResponses),
    db.select().from(t.claims).orderBy(asc(t.claims.id)),
    db.select().from(t.claimActors),
    db.select().from(t.claimEvents),
    db.select().from(t.claimLinks),
    db.select().from(t.evidence).orderBy(asc(t.evidence.sourceId), asc(t.evidence.start), asc(t.evidence.end)),
    db.select().from(t.mentions).orderBy(asc(t.mentions.sourceId), asc(t.mentions.start)),
  ]);
  const ev = groupBy(evidence, (e) => `${e.subjectType}:${e.subjectId}`);
  const spans = (type: string, id: string) => (ev.get(`${type}:${id}`) ?? []).map(span);
  const segs = groupBy(segments, (s) => s.sourceId);
  const als = groupBy(aliases, (a) => a.actorId);
  const szs = groupBy(sizes, (z) => z.actorId);
  const parts = groupBy(participants, (p) => p.eventId);
  const fats = groupBy(fatalities, (f) => f.eventId);
  const resp = groupBy(responses, (r) => r.eventId);
  const about = groupBy(claimActors, (c) => c.claimId);
  const aboutEv = groupBy(claimEvents, (c) => c.claimId);
  const lk = groupBy(links, (l) => `${l.claimId}:${l.type}`);
  const sorted = (ids: string[]) => [...ids].sort();

  return {
    version: DATASET_VERSION,
    sources: sources.map((s) => ({
      id: s.id,
      file: s.file,
      title: s.title,
      titleBasis: s.titleBasis as Dataset["sources"][number]["titleBasis"],
      subtitle: s.subtitle,
      publisher: s.publisher,
      publisherBasis: s.publisherBasis as Dataset["sources"][number]["publisherBasis"],
      authors: s.authors,
      authorsBasis: s.authorsBasis as Dataset["sources"][number]["authorsBasis"],
      published: s.published,
      genre: s.genre as Dataset["sources"][number]["genre"],
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
    })),
    actors: actors.map((a) => ({
      id: a.id,
      name: a.name,
      kind: a.kind as Dataset["actors"][number]["kind"],
      aliases: (als.get(a.id) ?? [])
        .sort((x, y) => x.name.localeCompare(y.name))
        .map((x) => ({
          name: x.name,
          kind: x.kind as never,
          sourceIds: x.sourceIds,
          ...(x.outside ? { outside: x.outside } : {}),
        })),
      description: a.description,
      evidence: spans("actor", a.id),
      sizes: (szs.get(a.id) ?? []).map((z) => ({
        low: z.low,
        high: z.high,
        expression: z.expression,
        time: z.time,
        reportedById: z.reportedById,
        evidence: spans("size", `${a.id}#${z.ord}`),
      })),
    })),
    places: places.map((p) => ({
      id: p.id,
      name: p.name,
      aliases: p.aliases,
      kind: p.kind as never,
      withinId: p.withinId,
      coordinates:
        p.lat !== null && p.lon !== null && p.coordinatesSource
          ? { lat: p.lat, lon: p.lon, source: p.coordinatesSource, approximate: p.coordinatesApproximate ?? false }
          : null,
      evidence: spans("place", p.id),
    })),
    relations: relations.map((r) => ({
      id: r.id,
      fromId: r.fromId,
      type: r.type as never,
      toId: r.toId,
      role: r.role,
      time: r.time,
      former: r.former,
      note: r.note,
      evidence: spans("relation", r.id),
    })),
    events: events.map((e) => ({
      id: e.id,
      kind: e.kind as never,
      title: e.title,
      summary: e.summary,
      time: e.time,
      placeId: e.placeId,
      placeNote: e.placeNote,
      participants: (parts.get(e.id) ?? [])
        .sort(byRoleThenActor)
        .map((p) => ({ actorId: p.actorId, role: p.role as never, note: p.note })),
      fatalities: (fats.get(e.id) ?? []).map((f) => ({
        low: f.low,
        high: f.high,
        who: f.who,
        ...(f.expression ? { expression: f.expression } : {}),
        reportedById: f.reportedById,
        claimId: f.claimId,
        evidence: spans("fatality", `${e.id}#${f.ord}`),
      })),
      partOfId: e.partOfId,
      responseToIds: sorted((resp.get(e.id) ?? []).map((r) => r.responseToId)),
      evidence: spans("event", e.id),
    })),
    claims: claims.map((c) => ({
      id: c.id,
      claimantId: c.claimantId,
      onBehalfOfId: c.onBehalfOfId,
      viaId: c.viaId,
      stance: c.stance as never,
      statement: c.statement,
      mode: c.mode as never,
      about: {
        actorIds: sorted((about.get(c.id) ?? []).map((x) => x.actorId)),
        eventIds: sorted((aboutEv.get(c.id) ?? []).map((x) => x.eventId)),
      },
      said: c.said,
      setting: c.setting,
      evidence: spans("claim", c.id),
      attribution: spans("attribution", c.id),
      supportsIds: sorted((lk.get(`${c.id}:supports`) ?? []).map((l) => l.otherId)),
      contradictsIds: sorted((lk.get(`${c.id}:contradicts`) ?? []).map((l) => l.otherId)),
      note: c.note,
    })),
    mentions: mentions.map((m) => ({
      sourceId: m.sourceId,
      start: m.start,
      end: m.end,
      quote: m.quote,
      actorId: m.actorId,
      alias: m.alias,
    })),
  };
}
