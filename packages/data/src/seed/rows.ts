/** Database rows for schema records: one mapping, used by the seed and by ingested records alike. */
import {
  type Actor,
  type Alias,
  type Claim,
  type Event,
  type Evidence,
  type FatalityReport,
  type Place,
  type Relation,
  type Source,
  timeBounds,
} from "@atlas/schema";
import type * as t from "../db/schema/index.js";
import type { Subject } from "../db/schema/sources.js";
import { nameInitials, nameKey } from "../names/search-keys.js";
import { foldName } from "../text/fold.js";

export const bounds = (time: { edtf: string } | null) => (time ? timeBounds(time) : { earliest: null, latest: null });

/** Where a source came from: the curated corpus, ingest, or an import. */
export type SourceOrigin = "corpus" | "ingest" | "import";

export const sourceRow = (s: Source, origin: SourceOrigin): typeof t.sources.$inferInsert => {
  const b = bounds(s.published);
  return {
    id: s.id,
    file: s.file,
    title: s.title,
    titleBasis: s.titleBasis,
    subtitle: s.subtitle,
    publisher: s.publisher,
    publisherBasis: s.publisherBasis,
    authors: s.authors,
    authorsBasis: s.authorsBasis,
    published: s.published,
    publishedEarliest: b.earliest,
    publishedLatest: b.latest,
    genre: s.genre,
    dateline: s.dateline,
    language: s.language,
    url: s.url,
    text: s.text,
    hash: s.hash,
    notes: s.notes,
    pages: s.pages ?? null,
    origin,
    reliability: s.reliability ?? null,
  };
};

export const evidenceRows = (
  subjectType: Subject,
  subjectId: string,
  spans: Evidence[],
): (typeof t.evidence.$inferInsert)[] =>
  spans.map((e) => ({
    subjectType,
    subjectId,
    sourceId: e.sourceId,
    start: e.start,
    end: e.end,
    quote: e.quote,
    prefix: e.prefix ?? null,
    suffix: e.suffix ?? null,
  }));

export const actorRow = (
  a: Pick<Actor, "id" | "name" | "kind" | "description" | "aliases">,
): typeof t.actors.$inferInsert => ({
  id: a.id,
  name: a.name,
  nameFolded: foldName(a.name),
  nameKey: nameKey(a.name),
  initials: nameInitials(a.name),
  kind: a.kind,
  description: a.description,
  aliasesText: a.aliases.map((x) => x.name).join(" · "),
});

/** An actor's size as each source reports it: the rows and their evidence (subject `<actorId>#<ord>`). */
export const sizeRows = (a: Pick<Actor, "id" | "sizes">) => ({
  sizes: (a.sizes ?? []).map((size, ord): typeof t.actorSizes.$inferInsert => ({
    actorId: a.id,
    ord,
    low: size.low,
    high: size.high,
    expression: size.expression,
    time: size.time,
    reportedById: size.reportedById,
  })),
  evidence: (a.sizes ?? []).flatMap((size, ord) => evidenceRows("size", `${a.id}#${ord}`, size.evidence)),
});

export const aliasRow = (actorId: string, x: Alias): typeof t.aliases.$inferInsert => ({
  actorId,
  name: x.name,
  nameFolded: foldName(x.name),
  nameKey: nameKey(x.name),
  initials: nameInitials(x.name),
  kind: x.kind,
  sourceIds: x.sourceIds,
  outside: x.outside ?? null,
  mergedFrom: x.mergedFrom ?? null,
});

export const placeRow = (p: Place): typeof t.places.$inferInsert => ({
  id: p.id,
  name: p.name,
  kind: p.kind,
  aliases: p.aliases,
  withinId: p.withinId,
  lat: p.coordinates?.lat ?? null,
  lon: p.coordinates?.lon ?? null,
  coordinatesSource: p.coordinates?.source ?? null,
  coordinatesApproximate: p.coordinates?.approximate ?? null,
});

export const eventRow = (e: Event): typeof t.events.$inferInsert => {
  const b = bounds(e.time);
  return {
    id: e.id,
    kind: e.kind,
    title: e.title,
    summary: e.summary,
    time: e.time,
    timeEdtf: e.time.edtf,
    timePrecision: e.time.precision,
    timeEarliest: b.earliest,
    timeLatest: b.latest,
    placeId: e.placeId,
    placeNote: e.placeNote,
    partOfId: e.partOfId,
    quotesText: e.evidence.map((q) => q.quote).join(" … "),
  };
};

export const claimRow = (c: Claim): typeof t.claims.$inferInsert => {
  const b = bounds(c.said);
  return {
    id: c.id,
    claimantId: c.claimantId,
    onBehalfOfId: c.onBehalfOfId,
    viaId: c.viaId,
    stance: c.stance,
    statement: c.statement,
    mode: c.mode,
    said: c.said,
    saidEarliest: b.earliest,
    saidLatest: b.latest,
    setting: c.setting,
    note: c.note,
    credibility: c.credibility ?? null,
    quotesText: c.evidence.map((e) => e.quote).join(" … "),
  };
};

export const relationRow = (r: Relation): typeof t.relations.$inferInsert => {
  const b = bounds(r.time);
  return {
    id: r.id,
    fromId: r.fromId,
    type: r.type,
    toId: r.toId,
    role: r.role,
    time: r.time,
    timeEarliest: b.earliest,
    timeLatest: b.latest,
    former: r.former,
    note: r.note,
  };
};

/** An event's death tolls from `ord` on, and their evidence (subject `<eventId>#<ord>`). */
export const fatalityRows = (eventId: string, reports: FatalityReport[], from = 0) => ({
  fatalities: reports.map((f, i) => ({
    eventId,
    ord: from + i,
    low: f.low,
    high: f.high,
    who: f.who,
    expression: f.expression ?? null,
    reportedById: f.reportedById,
    claimId: f.claimId,
  })) satisfies (typeof t.fatalities.$inferInsert)[],
  evidence: reports.flatMap((f, i) => evidenceRows("fatality", `${eventId}#${from + i}`, f.evidence)),
});

/** A claim's links: supports (directed) and contradicts (as written; readers treat it as symmetric). */
export const claimLinkRows = (c: Pick<Claim, "id" | "supportsIds" | "contradictsIds">) => [
  ...c.supportsIds.map((otherId) => ({ claimId: c.id, type: "supports" as const, otherId })),
  ...c.contradictsIds.map((otherId) => ({ claimId: c.id, type: "contradicts" as const, otherId })),
];
