/**
 * Builds the dataset from the corpus and the curated annotations.
 *
 * A record may appear in several files under one id: the catalogue defines what documents
 * share (an actor's name and kind, an event's date), each document adds its evidence and what
 * it alone tells. Merging unions lists (evidence, aliases, participants, links) and accepts a
 * single-valued field from one file, or from several only when they agree; a disagreement is
 * refused with both files named. Nothing is written anywhere: this is pure validation.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import {
  type Actor,
  type Alias,
  type Claim,
  DATASET_VERSION,
  Dataset,
  describeIssues,
  describeTime,
  type Event,
  type Evidence,
  type Place,
  precisionOf,
  type Relation,
  type Source,
} from "@atlas/schema";
import { parse } from "yaml";
import type { z } from "zod";
import { byRoleThenActor, sortedIds } from "../canonical.js";
import { loadSources, SOURCES_FILE, toTime } from "../corpus/load.js";
import { findMentions } from "../mentions/find.js";
import { ANNOTATIONS_DIR, CORPUS_DIR, PACKAGE_DIR } from "../paths.js";
import { AnnotationError, type Problem } from "./errors.js";
import {
  type ActorInput,
  CatalogueFile,
  type ClaimInput,
  DocumentFile,
  type EventInput,
  OutsideAliasesFile,
  type PlaceInput,
  type QuoteInput,
  type RelationInput,
  type TimeInput,
} from "./format.js";
import { resolveQuote } from "./quotes.js";

type Collection = "actors" | "places" | "relations" | "events" | "claims";
type Scalar = Record<string, unknown>;

interface Draft {
  id: string;
  files: Set<string>;
  scalars: Map<string, { value: unknown; file: string }>;
  lists: Map<string, unknown[]>;
}

interface Context {
  problems: Problem[];
  sources: Map<string, Source>;
  drafts: Record<Collection, Map<string, Draft>>;
}

const equal = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const SINGULAR: Record<Collection, string> = {
  actors: "actor",
  places: "place",
  relations: "relation",
  events: "event",
  claims: "claim",
};

function draftFor(ctx: Context, collection: Collection, id: string, file: string): Draft {
  let d = ctx.drafts[collection].get(id);
  if (!d) {
    d = { id, files: new Set(), scalars: new Map(), lists: new Map() };
    ctx.drafts[collection].set(id, d);
  }
  d.files.add(file);
  return d;
}

function setScalars(ctx: Context, collection: Collection, d: Draft, file: string, fields: Scalar) {
  for (const [field, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    const prior = d.scalars.get(field);
    if (prior && !equal(prior.value, value)) {
      ctx.problems.push({
        file,
        record: d.id,
        field,
        message: `${SINGULAR[collection]} "${d.id}" has ${field} ${JSON.stringify(value)} here but ${JSON.stringify(prior.value)} in ${prior.file}; define it in one place`,
      });
      continue;
    }
    if (!prior) d.scalars.set(field, { value, file });
  }
}

function addList(d: Draft, field: string, items: unknown[]) {
  d.lists.set(field, [...(d.lists.get(field) ?? []), ...items]);
}

/** Resolves the quotes of one record against the file's source. */
function evidenceOf(
  ctx: Context,
  file: string,
  sourceId: string | null,
  record: string,
  field: string,
  quotes: QuoteInput[],
) {
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

function time(ctx: Context, file: string, record: string, field: string, t: TimeInput | null | undefined) {
  if (t === undefined || t === null) return t;
  try {
    return toTime(t);
  } catch (e) {
    ctx.problems.push({ file, record, field, message: (e as Error).message });
    return undefined;
  }
}

function addActor(ctx: Context, file: string, sourceId: string | null, a: ActorInput) {
  const d = draftFor(ctx, "actors", a.id, file);
  setScalars(ctx, "actors", d, file, { name: a.name, kind: a.kind, description: a.description });
  addList(
    d,
    "aliases",
    a.aliases.map((alias) => {
      if (typeof alias === "string") return { name: alias, kind: "spelling", sourceIds: [] };
      const scoped = alias.scope === "document" && sourceId ? [sourceId] : [];
      return { name: alias.name, kind: alias.kind, sourceIds: [...(alias.sourceIds ?? []), ...scoped] };
    }),
  );
  addList(
    d,
    "sizes",
    a.sizes.map((size) => ({
      ...size,
      time: time(ctx, file, a.id, "sizes.time", size.time) ?? null,
      evidence: evidenceOf(ctx, file, sourceId, a.id, "sizes.evidence", size.evidence),
    })),
  );
  addList(d, "evidence", evidenceOf(ctx, file, sourceId, a.id, "evidence", a.evidence));
}

function addPlace(ctx: Context, file: string, sourceId: string | null, p: PlaceInput) {
  const d = draftFor(ctx, "places", p.id, file);
  setScalars(ctx, "places", d, file, { name: p.name, kind: p.kind, withinId: p.withinId, coordinates: p.coordinates });
  addList(d, "aliases", p.aliases);
  addList(d, "evidence", evidenceOf(ctx, file, sourceId, p.id, "evidence", p.evidence));
}

export const relationId = (r: Pick<RelationInput, "fromId" | "type" | "toId">) => `${r.fromId}.${r.type}.${r.toId}`;

function addRelation(ctx: Context, file: string, sourceId: string | null, r: RelationInput) {
  const id = r.id ?? relationId(r);
  const d = draftFor(ctx, "relations", id, file);
  setScalars(ctx, "relations", d, file, {
    fromId: r.fromId,
    type: r.type,
    toId: r.toId,
    role: r.role,
    time: time(ctx, file, id, "time", r.time),
    former: r.former,
    note: r.note,
  });
  addList(d, "evidence", evidenceOf(ctx, file, sourceId, id, "evidence", r.evidence));
}

function addEvent(ctx: Context, file: string, sourceId: string | null, e: EventInput) {
  const d = draftFor(ctx, "events", e.id, file);
  setScalars(ctx, "events", d, file, {
    kind: e.kind,
    title: e.title,
    summary: e.summary,
    time: time(ctx, file, e.id, "time", e.time),
    placeId: e.placeId,
    placeNote: e.placeNote,
    partOfId: e.partOfId,
  });
  addList(d, "participants", e.participants);
  addList(d, "responseToIds", e.responseToIds);
  addList(
    d,
    "fatalities",
    e.fatalities.map((f) => ({
      ...f,
      evidence: evidenceOf(ctx, file, sourceId, e.id, "fatalities.evidence", f.evidence),
    })),
  );
  addList(d, "evidence", evidenceOf(ctx, file, sourceId, e.id, "evidence", e.evidence));
}

function addClaim(ctx: Context, file: string, sourceId: string | null, c: ClaimInput) {
  const d = draftFor(ctx, "claims", c.id, file);
  setScalars(ctx, "claims", d, file, {
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
  addList(d, "about.actorIds", c.about.actorIds);
  addList(d, "about.eventIds", c.about.eventIds);
  addList(d, "supportsIds", c.supportsIds);
  addList(d, "contradictsIds", c.contradictsIds);
  addList(d, "evidence", evidenceOf(ctx, file, sourceId, c.id, "evidence", c.evidence));
  addList(d, "attribution", evidenceOf(ctx, file, sourceId, c.id, "attribution", c.attribution));
}

// ---- finishing drafts into records ---------------------------------------------------------

const uniq = <T>(items: T[], key: (t: T) => string = (t) => JSON.stringify(t)) => {
  const seen = new Map<string, T>();
  for (const item of items) if (!seen.has(key(item))) seen.set(key(item), item);
  return [...seen.values()];
};
const spansKey = (e: Evidence) => `${e.sourceId}:${e.start}:${e.end}`;
const spanOrder = (a: Evidence, b: Evidence) => a.sourceId.localeCompare(b.sourceId) || a.start - b.start;

type Finished = Scalar & { list: <T>(field: string) => T[] };

function finish(ctx: Context, collection: Collection, d: Draft, required: string[], defaults: Scalar): Finished {
  const record: Scalar = { id: d.id, ...defaults };
  for (const [field, { value }] of d.scalars) record[field] = value;
  for (const field of required) {
    if (record[field] === undefined) {
      ctx.problems.push({
        file: [...d.files].join(", "),
        record: d.id,
        field,
        message: `${SINGULAR[collection]} "${d.id}" has no ${field}; give it in the catalogue or in one document file`,
      });
    }
  }
  const list = <T>(field: string) => (d.lists.get(field) ?? []) as T[];
  if (d.lists.has("evidence")) record.evidence = uniq(list<Evidence>("evidence"), spansKey).sort(spanOrder);
  return Object.assign(record, { list });
}

function mergeAliases(ctx: Context, d: Draft, name: string | undefined): Alias[] {
  const byName = new Map<string, Alias>();
  const everywhere = new Set<string>();
  for (const a of (d.lists.get("aliases") ?? []) as Alias[]) {
    const key = a.name.toLowerCase();
    if (name && key === name.toLowerCase()) continue;
    const prior = byName.get(key);
    if (a.sourceIds.length === 0) everywhere.add(key);
    if (!prior) {
      byName.set(key, { ...a, sourceIds: [...a.sourceIds] });
      continue;
    }
    if (prior.kind !== a.kind) {
      if (prior.kind === "spelling") prior.kind = a.kind;
      else if (a.kind !== "spelling") {
        ctx.problems.push({
          file: [...d.files].join(", "),
          record: d.id,
          field: "aliases",
          message: `alias "${a.name}" is called both ${prior.kind} and ${a.kind}`,
        });
      }
    }
    prior.sourceIds = uniq([...prior.sourceIds, ...a.sourceIds], String);
  }
  for (const key of everywhere) (byName.get(key) as Alias).sourceIds = [];
  return [...byName.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Documents kept apart from the curated ones (the development set): their own corpus directory
 * and document files, merged by id with the curated records like any other document file, so
 * they can cite any curated actor, place or event and add their own evidence and aliases.
 */
export interface DocumentSet<D extends DocumentFile = DocumentFile> {
  corpusDir: string;
  /** Holds `sources.yaml` problems under this name (relative to the package). */
  sourcesLabel: string;
  documentsDir: string;
  /** The set's own shared definitions (actors, places, events several of its documents tell), like the curated catalogue. */
  catalogueDir?: string | undefined;
  /** The schema of one document file: DocumentFile, or a wider one whose extra sections `check` reads. */
  schema: z.ZodType<D>;
  /** Only these of the set's documents (the curated ones are all kept). */
  only?: string[] | undefined;
  /** Checks a document's extra sections against its source; its problems are reported with the rest. */
  check?: (document: { file: string; data: D; source: Source }) => Problem[];
}

export interface BuildOptions<D extends DocumentFile = DocumentFile> {
  corpusDir?: string;
  annotationsDir?: string;
  /**
   * Check only these documents: keep the records their files touch (catalogue definitions
   * included) and drop the rest, so one document can be validated while others are in progress.
   */
  only?: string[];
  /** More documents to build into the same dataset. */
  extra?: DocumentSet<D>;
}

export interface Built<D extends DocumentFile = DocumentFile> {
  dataset: Dataset;
  /** For each record id, the annotation files that contribute to it. */
  files: Record<Collection, Map<string, string[]>>;
  /** The extra set's document files as parsed, in file order (empty without `extra`). */
  extraDocuments: { file: string; data: D }[];
}

/**
 * When undated claims were said, as far as the documents tell. The document's own voice speaks
 * when the document is published: a claim of its author (the `author-<source>` actor, or a person
 * named among the source's authors) gets the source's publication date. Anyone else's words were
 * said by then: they get an open interval ending at publication ("March 2021 or earlier"). Both
 * are marked inferred, with a note; a date the annotation gives is never replaced.
 */
function dateUndatedClaims(claims: Claim[], actors: Actor[], sources: Map<string, Source>) {
  const actorById = new Map(actors.map((a) => [a.id, a]));
  for (const claim of claims) {
    if (claim.said) continue;
    const sourceIds = new Set(claim.evidence.map((e) => e.sourceId));
    const source = sourceIds.size === 1 ? sources.get([...sourceIds][0] as string) : undefined;
    const claimant = actorById.get(claim.claimantId);
    if (!source?.published || !claimant) continue;
    const published = describeTime(source.published);
    const isVoice = claimant.id === `author-${source.id}` || source.authors.includes(claimant.name);
    if (isVoice) {
      const { edtf, precision, part } = source.published;
      claim.said = {
        edtf,
        precision,
        basis: "inferred",
        ...(part ? { part } : {}),
        note: `The document's own words, said when it was published (${published}); see the source's publication date for how that is known.`,
      };
    } else {
      const edtf = `../${source.published.edtf.split("/").at(-1)}`;
      claim.said = {
        edtf,
        precision: precisionOf(edtf),
        basis: "inferred",
        note: `The document does not say when; said by the time it was published (${published}).`,
      };
    }
  }
}

/** A name the documents use themselves (an outside attestation may widen a document's own name). */
export const isDocumentName = (a: Alias) => !a.outside || a.sourceIds.length > 0;

/**
 * Names attested outside the documents (outside/aliases.yaml): each is added to its actor with
 * `outside` saying where it comes from. A name the documents already use everywhere adds nothing;
 * one a document uses only in its own sense ("Washington") is widened to every new document.
 * An unknown actor is refused.
 */
function addOutsideAliases(ctx: Context, path: string, actors: Actor[], label: (p: string) => string) {
  if (!existsSync(path)) return;
  const raw = readYaml(path, ctx.problems, label(path));
  if (raw === undefined) return;
  const parsed = OutsideAliasesFile.safeParse(raw ?? []);
  if (!parsed.success) {
    for (const message of describeIssues(parsed.error)) ctx.problems.push({ file: label(path), message });
    return;
  }
  const byId = new Map(actors.map((a) => [a.id, a]));
  for (const entry of parsed.data) {
    const actor = byId.get(entry.actorId);
    if (!actor) {
      ctx.problems.push({ file: label(path), record: entry.actorId, message: `"${entry.actorId}" is not an actor id` });
      continue;
    }
    for (const x of entry.aliases) {
      const key = x.name.toLowerCase();
      const outside = { source: x.source, url: x.url };
      const same = actor.aliases.find((a) => a.name.toLowerCase() === key);
      // A name one document uses in its own sense ("Washington" there) that references attest
      // generally: the document keeps its name, and new documents may match it anywhere.
      if (same && same.sourceIds.length > 0 && !same.outside && same.kind === x.kind) {
        same.outside = outside;
        continue;
      }
      // The documents already use it everywhere (a development-set document may): nothing to add.
      if (key === actor.name.toLowerCase() || same) continue;
      actor.aliases.push({ name: x.name, kind: x.kind, sourceIds: [], outside });
    }
    actor.aliases.sort((a, b) => a.name.localeCompare(b.name));
  }
}

function readYaml(path: string, problems: Problem[], label: string): unknown {
  try {
    return parse(readFileSync(path, "utf8"));
  } catch (e) {
    problems.push({ file: label, message: `is not valid YAML: ${(e as Error).message.split("\n")[0]}` });
    return undefined;
  }
}

/** Loads, merges and validates everything; throws AnnotationError listing every problem. */
export function buildDataset<D extends DocumentFile = DocumentFile>({
  corpusDir = CORPUS_DIR,
  annotationsDir = ANNOTATIONS_DIR,
  only,
  extra,
}: BuildOptions<D> = {}): Built<D> {
  const curatedSources = loadSources(corpusDir).filter((s) => !only || only.includes(s.id));
  const extraSources = extra
    ? loadSources(extra.corpusDir, extra.sourcesLabel).filter((s) => !extra.only || extra.only.includes(s.id))
    : [];
  const sources = [...curatedSources, ...extraSources];
  const ctx: Context = {
    problems: [],
    sources: new Map(sources.map((s) => [s.id, s])),
    drafts: { actors: new Map(), places: new Map(), relations: new Map(), events: new Map(), claims: new Map() },
  };
  const curatedIds = new Set(curatedSources.map((s) => s.id));
  for (const s of extraSources) {
    if (curatedIds.has(s.id)) {
      ctx.problems.push({
        file: extra?.sourcesLabel ?? SOURCES_FILE,
        record: s.id,
        message: `source id "${s.id}" is already a curated source; give it another id`,
      });
    }
  }
  const label = (path: string) => relative(PACKAGE_DIR, path) || path;
  const add = (file: string, sourceId: string | null, data: CatalogueFile) => {
    for (const a of data.actors) addActor(ctx, file, sourceId, a);
    for (const p of data.places) addPlace(ctx, file, sourceId, p);
    for (const r of data.relations) addRelation(ctx, file, sourceId, r);
    for (const e of data.events) addEvent(ctx, file, sourceId, e);
    for (const c of data.claims) addClaim(ctx, file, sourceId, c);
  };
  const yamlIn = (dir: string) => {
    try {
      return readdirSync(dir)
        .filter((f) => f.endsWith(".yaml"))
        .sort()
        .map((f) => join(dir, f));
    } catch {
      return [];
    }
  };

  const addCatalogue = (dir: string) => {
    for (const path of yamlIn(dir)) {
      const raw = readYaml(path, ctx.problems, label(path));
      if (raw === undefined) continue;
      const parsed = CatalogueFile.safeParse(raw ?? {});
      if (!parsed.success) {
        for (const message of describeIssues(parsed.error)) ctx.problems.push({ file: label(path), message });
        continue;
      }
      add(label(path), null, parsed.data);
    }
  };
  addCatalogue(join(annotationsDir, "catalogue"));
  if (extra?.catalogueDir) addCatalogue(extra.catalogueDir);
  const annotated = new Set<string>();
  /** Reads one directory of document files; returns those added, as parsed. */
  const addDocuments = <T extends DocumentFile>(
    dir: string,
    schema: z.ZodType<T>,
    selected: string[] | undefined,
    ownSources: Set<string>,
    sourcesFile: string,
  ) => {
    const added: { file: string; data: T; source: Source }[] = [];
    for (const path of yamlIn(dir)) {
      const raw = readYaml(path, ctx.problems, label(path));
      if (raw === undefined) continue;
      const parsed = schema.safeParse(raw);
      if (!parsed.success) {
        for (const message of describeIssues(parsed.error)) ctx.problems.push({ file: label(path), message });
        continue;
      }
      if (selected && !selected.includes(parsed.data.source)) continue;
      const source = ctx.sources.get(parsed.data.source);
      if (!source || !ownSources.has(source.id)) {
        ctx.problems.push({
          file: label(path),
          field: "source",
          message: `"${parsed.data.source}" is not a source id in ${sourcesFile}`,
        });
        continue;
      }
      if (annotated.has(parsed.data.source)) {
        ctx.problems.push({
          file: label(path),
          field: "source",
          message: `a second file annotates "${parsed.data.source}"; use one file per document`,
        });
      }
      annotated.add(parsed.data.source);
      add(label(path), parsed.data.source, parsed.data);
      added.push({ file: label(path), data: parsed.data, source });
    }
    return added;
  };
  const curatedDocuments = addDocuments(
    join(annotationsDir, "documents"),
    DocumentFile,
    only,
    curatedIds,
    "sources.yaml",
  );
  const extraDocuments = extra
    ? addDocuments(
        extra.documentsDir,
        extra.schema,
        extra.only,
        new Set(extraSources.map((s) => s.id)),
        extra.sourcesLabel,
      )
    : [];
  for (const document of extraDocuments) ctx.problems.push(...(extra?.check?.(document) ?? []));

  // In --only mode the whole catalogue stays (its records link to each other), but a catalogue
  // record no selected document cites has no evidence yet; that alone is not this document's problem.
  const documentFiles = new Set([...curatedDocuments, ...extraDocuments].map((d) => d.file));
  const selecting = Boolean(only || extra?.only);
  const untouched = (collection: Collection, id: string | undefined) =>
    Boolean(selecting && id && ![...(ctx.drafts[collection].get(id)?.files ?? [])].some((f) => documentFiles.has(f)));

  const actors = [...ctx.drafts.actors.values()].map((d) => {
    const r = finish(ctx, "actors", d, ["name", "kind", "description"], {});
    return {
      ...r,
      aliases: mergeAliases(ctx, d, r.name as string | undefined),
      sizes: r.list<NonNullable<Actor["sizes"]>[number]>("sizes"),
    } as unknown as Actor;
  });
  addOutsideAliases(ctx, join(annotationsDir, "outside", "aliases.yaml"), actors, label);
  const places = [...ctx.drafts.places.values()].map((d) => {
    const r = finish(ctx, "places", d, ["name", "kind"], { withinId: null, coordinates: null, evidence: [] });
    return { ...r, aliases: uniq(r.list<string>("aliases"), String) } as unknown as Place;
  });
  const relations = [...ctx.drafts.relations.values()].map(
    (d) =>
      finish(ctx, "relations", d, ["fromId", "type", "toId"], {
        role: null,
        time: null,
        former: false,
        note: null,
      }) as unknown as Relation,
  );
  const events = [...ctx.drafts.events.values()].map((d) => {
    const r = finish(ctx, "events", d, ["kind", "title", "summary", "time"], {
      placeId: null,
      placeNote: null,
      partOfId: null,
    });
    return {
      ...r,
      participants: uniq(r.list<Event["participants"][number]>("participants"), (p) => `${p.actorId}/${p.role}`).sort(
        byRoleThenActor,
      ),
      fatalities: r.list<Event["fatalities"][number]>("fatalities"),
      responseToIds: sortedIds(r.list<string>("responseToIds")),
    } as unknown as Event;
  });
  const claims = [...ctx.drafts.claims.values()].map((d) => {
    const r = finish(ctx, "claims", d, ["claimantId", "stance", "statement", "mode"], {
      onBehalfOfId: null,
      viaId: null,
      said: null,
      setting: null,
      note: null,
      credibility: null,
    });
    return {
      ...r,
      about: {
        actorIds: sortedIds(r.list<string>("about.actorIds")),
        eventIds: sortedIds(r.list<string>("about.eventIds")),
      },
      attribution: uniq(r.list<Evidence>("attribution"), spansKey).sort(spanOrder),
      supportsIds: sortedIds(r.list<string>("supportsIds")),
      contradictsIds: sortedIds(r.list<string>("contradictsIds")),
    } as unknown as Claim;
  });
  // Contradiction is symmetric: written once, listed on both claims.
  const byId = new Map(claims.map((c) => [c.id, c]));
  for (const c of claims) {
    for (const other of c.contradictsIds) {
      const o = byId.get(other);
      if (o && !o.contradictsIds.includes(c.id)) o.contradictsIds = sortedIds([...o.contradictsIds, c.id]);
    }
  }
  dateUndatedClaims(claims, actors, ctx.sources);
  for (const list of [actors, places, relations, events, claims] as { list?: unknown }[][]) {
    for (const r of list) delete r.list;
  }

  const files = Object.fromEntries(
    (Object.keys(ctx.drafts) as Collection[]).map((c) => [
      c,
      new Map([...ctx.drafts[c]].map(([id, d]) => [id, [...d.files]])),
    ]),
  ) as Built["files"];

  // Keep going after these problems: reference errors are reported in the same run. A record
  // already reported for a field is not reported again for it by the schema.
  const reported = new Set(ctx.problems.map((p) => `${p.record}|${p.field?.split(".")[0]}`));
  const byIdSort = <T extends { id: string }>(xs: T[]) => xs.sort((a, b) => a.id.localeCompare(b.id));
  // The documents' own names make their mentions; names from outside are for new documents. An
  // actor left without a name has been reported above; it has nothing to match.
  const { mentions, unattested } = findMentions(
    sources,
    actors.filter((a) => typeof a.name === "string").map((a) => ({ ...a, aliases: a.aliases.filter(isDocumentName) })),
  );
  for (const u of unattested) {
    if (untouched("actors", u.actorId)) continue;
    ctx.problems.push({
      file: (files.actors.get(u.actorId) ?? []).join(", "),
      record: u.actorId,
      field: "aliases",
      message: `alias "${u.alias}" occurs nowhere in the article text it is scoped to; every name must come from the documents`,
    });
  }
  const candidate = {
    version: DATASET_VERSION,
    sources,
    actors: byIdSort(actors),
    places: byIdSort(places),
    relations: byIdSort(relations),
    events: byIdSort(events),
    claims: byIdSort(claims),
    mentions,
  };
  const checked = Dataset.safeParse(candidate);
  if (!checked.success) {
    for (const issue of checked.error.issues) {
      const [collection, index] = issue.path as [Collection | "sources" | "mentions", number];
      const record = (candidate[collection] as { id?: string }[] | undefined)?.[index];
      const recordFiles =
        record?.id && collection in files ? files[collection as Collection].get(record.id) : undefined;
      const lastField = issue.path.findLast((p) => typeof p === "string");
      if (lastField === "evidence" && issue.code === "too_small" && untouched(collection as Collection, record?.id)) {
        continue;
      }
      const rootField = String(issue.path[2]);
      if (reported.has(`${record?.id}|${rootField}`) || reported.has(`${record?.id}|undefined`)) continue;
      ctx.problems.push({
        file: recordFiles?.join(", ") ?? (collection === "sources" ? "src/corpus/sources.yaml" : "(dataset)"),
        record: record?.id,
        message: describeIssues({ issues: [issue] } as never)[0] ?? issue.message,
      });
    }
  }
  if (ctx.problems.length > 0) throw new AnnotationError(ctx.problems);
  return {
    dataset: (checked.success ? checked.data : candidate) as Dataset,
    files,
    extraDocuments: extraDocuments.map(({ file, data }) => ({ file, data })),
  };
}
