/**
 * Drafts: each record as the annotation files give it, merged by id across files. A list field
 * (evidence, aliases, participants…) is the union of what every file adds; a single-valued field
 * is kept from the first file that gives it, and another file giving a different value is a
 * problem naming both files. Quotes are resolved into evidence spans here, against the file's
 * source.
 */
import type {
  Actor,
  Alias,
  Claim,
  Event,
  Evidence,
  FatalityReport,
  Participant,
  Place,
  Relation,
  SizeReport,
  Source,
  Time,
} from "@atlas/schema";
import { toTime } from "../corpus/load.js";
import type { Problem } from "./errors.js";
import type {
  ActorInput,
  CatalogueFile,
  ClaimInput,
  EventInput,
  PlaceInput,
  QuoteInput,
  RelationInput,
  TimeInput,
} from "./format.js";
import { resolveQuote } from "./quotes.js";

export type Collection = "actors" | "places" | "relations" | "events" | "claims";

export const SINGULAR: Record<Collection, string> = {
  actors: "actor",
  places: "place",
  relations: "relation",
  events: "event",
  claims: "claim",
};

/** One record merged from its files: single-valued fields `S`, list fields `L`. */
export interface Draft<S extends object, L extends object> {
  collection: Collection;
  id: string;
  files: Set<string>;
  scalars: Partial<S>;
  /** The file that gave each single-valued field. */
  givenIn: Partial<Record<keyof S, string>>;
  lists: L;
}

export type ActorDraft = Draft<
  Pick<Actor, "name" | "kind" | "description">,
  { aliases: Alias[]; sizes: SizeReport[]; evidence: Evidence[] }
>;
export type PlaceDraft = Draft<
  Pick<Place, "name" | "kind" | "withinId" | "coordinates">,
  { aliases: string[]; evidence: Evidence[] }
>;
export type RelationDraft = Draft<
  Pick<Relation, "fromId" | "type" | "toId" | "role" | "time" | "former" | "note">,
  { evidence: Evidence[] }
>;
export type EventDraft = Draft<
  Pick<Event, "kind" | "title" | "summary" | "time" | "placeId" | "placeNote" | "partOfId">,
  { participants: Participant[]; responseToIds: string[]; fatalities: FatalityReport[]; evidence: Evidence[] }
>;
export type ClaimDraft = Draft<
  Pick<
    Claim,
    | "claimantId"
    | "onBehalfOfId"
    | "viaId"
    | "stance"
    | "statement"
    | "mode"
    | "said"
    | "setting"
    | "note"
    | "credibility"
  >,
  {
    aboutActorIds: string[];
    aboutEventIds: string[];
    supportsIds: string[];
    contradictsIds: string[];
    evidence: Evidence[];
    attribution: Evidence[];
  }
>;

export interface Drafts {
  actors: Map<string, ActorDraft>;
  places: Map<string, PlaceDraft>;
  relations: Map<string, RelationDraft>;
  events: Map<string, EventDraft>;
  claims: Map<string, ClaimDraft>;
}

export interface Context {
  problems: Problem[];
  sources: Map<string, Source>;
  drafts: Drafts;
}

export const newDrafts = (): Drafts => ({
  actors: new Map(),
  places: new Map(),
  relations: new Map(),
  events: new Map(),
  claims: new Map(),
});

const equal = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function draftFor<S extends object, L extends object>(
  drafts: Map<string, Draft<S, L>>,
  collection: Collection,
  id: string,
  file: string,
  emptyLists: () => L,
): Draft<S, L> {
  let d = drafts.get(id);
  if (!d) {
    d = { collection, id, files: new Set(), scalars: {}, givenIn: {}, lists: emptyLists() };
    drafts.set(id, d);
  }
  d.files.add(file);
  return d;
}

/** Keeps each given field, or refuses a value that differs from another file's. */
function setScalars<S extends object, L extends object>(
  ctx: Context,
  d: Draft<S, L>,
  file: string,
  fields: { [K in keyof S]: S[K] | undefined },
) {
  for (const field in fields) {
    const value = fields[field];
    if (value === undefined) continue;
    const prior = d.scalars[field];
    if (prior === undefined) {
      d.scalars[field] = value;
      d.givenIn[field] = file;
    } else if (!equal(prior, value)) {
      ctx.problems.push({
        file,
        record: d.id,
        field,
        message: `${SINGULAR[d.collection]} "${d.id}" has ${field} ${JSON.stringify(value)} here but ${JSON.stringify(prior)} in ${d.givenIn[field]}; define it in one place`,
      });
    }
  }
}

/** Resolves the quotes of one record against the file's source. */
function evidenceOf(
  ctx: Context,
  file: string,
  sourceId: string | null,
  record: string,
  field: string,
  quotes: QuoteInput[],
): Evidence[] {
  if (quotes.length === 0) return [];
  if (sourceId === null) {
    ctx.problems.push({
      file,
      record,
      field,
      message: "the catalogue holds no evidence; cite the words in the document file that tells it",
    });
    return [];
  }
  const source = ctx.sources.get(sourceId);
  if (!source) return [];
  const spans: Evidence[] = [];
  for (const q of quotes) {
    const r = resolveQuote(source, typeof q === "string" ? { quote: q } : q);
    if (r.ok) spans.push(r.span);
    else ctx.problems.push({ file, record, field, message: r.error });
  }
  return spans;
}

function time<T extends null | undefined>(
  ctx: Context,
  file: string,
  record: string,
  field: string,
  t: TimeInput | T,
): Time | T | undefined {
  if (t === undefined || t === null) return t;
  try {
    return toTime(t);
  } catch (e) {
    ctx.problems.push({ file, record, field, message: (e as Error).message });
    return undefined;
  }
}

function addActor(ctx: Context, file: string, sourceId: string | null, a: ActorInput) {
  const d = draftFor(ctx.drafts.actors, "actors", a.id, file, () => ({ aliases: [], sizes: [], evidence: [] }));
  setScalars(ctx, d, file, { name: a.name, kind: a.kind, description: a.description });
  d.lists.aliases.push(
    ...a.aliases.map((alias): Alias => {
      if (typeof alias === "string") return { name: alias, kind: "spelling", sourceIds: [] };
      const scoped = alias.scope === "document" && sourceId ? [sourceId] : [];
      return { name: alias.name, kind: alias.kind, sourceIds: [...(alias.sourceIds ?? []), ...scoped] };
    }),
  );
  d.lists.sizes.push(
    ...a.sizes.map((size) => ({
      ...size,
      time: time(ctx, file, a.id, "sizes.time", size.time) ?? null,
      evidence: evidenceOf(ctx, file, sourceId, a.id, "sizes.evidence", size.evidence),
    })),
  );
  d.lists.evidence.push(...evidenceOf(ctx, file, sourceId, a.id, "evidence", a.evidence));
}

function addPlace(ctx: Context, file: string, sourceId: string | null, p: PlaceInput) {
  const d = draftFor(ctx.drafts.places, "places", p.id, file, () => ({ aliases: [], evidence: [] }));
  setScalars(ctx, d, file, { name: p.name, kind: p.kind, withinId: p.withinId, coordinates: p.coordinates });
  d.lists.aliases.push(...p.aliases);
  d.lists.evidence.push(...evidenceOf(ctx, file, sourceId, p.id, "evidence", p.evidence));
}

export const relationId = (r: Pick<RelationInput, "fromId" | "type" | "toId">) => `${r.fromId}.${r.type}.${r.toId}`;

function addRelation(ctx: Context, file: string, sourceId: string | null, r: RelationInput) {
  const id = r.id ?? relationId(r);
  const d = draftFor(ctx.drafts.relations, "relations", id, file, () => ({ evidence: [] }));
  setScalars(ctx, d, file, {
    fromId: r.fromId,
    type: r.type,
    toId: r.toId,
    role: r.role,
    time: time(ctx, file, id, "time", r.time),
    former: r.former,
    note: r.note,
  });
  d.lists.evidence.push(...evidenceOf(ctx, file, sourceId, id, "evidence", r.evidence));
}

function addEvent(ctx: Context, file: string, sourceId: string | null, e: EventInput) {
  const d = draftFor(ctx.drafts.events, "events", e.id, file, () => ({
    participants: [],
    responseToIds: [],
    fatalities: [],
    evidence: [],
  }));
  setScalars(ctx, d, file, {
    kind: e.kind,
    title: e.title,
    summary: e.summary,
    time: time(ctx, file, e.id, "time", e.time),
    placeId: e.placeId,
    placeNote: e.placeNote,
    partOfId: e.partOfId,
  });
  d.lists.participants.push(...e.participants);
  d.lists.responseToIds.push(...e.responseToIds);
  d.lists.fatalities.push(
    ...e.fatalities.map((f) => ({
      ...f,
      evidence: evidenceOf(ctx, file, sourceId, e.id, "fatalities.evidence", f.evidence),
    })),
  );
  d.lists.evidence.push(...evidenceOf(ctx, file, sourceId, e.id, "evidence", e.evidence));
}

function addClaim(ctx: Context, file: string, sourceId: string | null, c: ClaimInput) {
  const d = draftFor(ctx.drafts.claims, "claims", c.id, file, () => ({
    aboutActorIds: [],
    aboutEventIds: [],
    supportsIds: [],
    contradictsIds: [],
    evidence: [],
    attribution: [],
  }));
  setScalars(ctx, d, file, {
    claimantId: c.claimantId,
    onBehalfOfId: c.onBehalfOfId,
    viaId: c.viaId,
    stance: c.stance,
    statement: c.statement,
    mode: c.mode,
    said: time(ctx, file, c.id, "said", c.said),
    setting: c.setting,
    note: c.note,
    credibility: c.credibility,
  });
  d.lists.aboutActorIds.push(...c.about.actorIds);
  d.lists.aboutEventIds.push(...c.about.eventIds);
  d.lists.supportsIds.push(...c.supportsIds);
  d.lists.contradictsIds.push(...c.contradictsIds);
  d.lists.evidence.push(...evidenceOf(ctx, file, sourceId, c.id, "evidence", c.evidence));
  d.lists.attribution.push(...evidenceOf(ctx, file, sourceId, c.id, "attribution", c.attribution));
}

/** Merges one file's records into the drafts; `sourceId` is null for the catalogue. */
export function addRecords(ctx: Context, file: string, sourceId: string | null, data: CatalogueFile) {
  for (const a of data.actors) addActor(ctx, file, sourceId, a);
  for (const p of data.places) addPlace(ctx, file, sourceId, p);
  for (const r of data.relations) addRelation(ctx, file, sourceId, r);
  for (const e of data.events) addEvent(ctx, file, sourceId, e);
  for (const c of data.claims) addClaim(ctx, file, sourceId, c);
}
