/**
 * The dataset written back in the repository's own annotation format (src/annotations/README.md),
 * so a curator can review what the atlas holds now — accepted suggestions, records added and
 * corrected by hand, retirements (absent), merges — as a diff of the YAML and commit it, and git
 * history and atlas history agree. Loading the files again (buildDataset) gives the same records.
 *
 * Layout: one file per document, documents/<source-id>.yaml, holding every record with evidence
 * in that document: in full in the first document that cites it (in source order), and in the
 * others by id with only that document's evidence (the loader unions lists by id). Places and
 * anything without evidence go to catalogue/atlas.yaml; names attested outside the documents to
 * outside/aliases.yaml. Mentions are not written: the loader finds them from the aliases.
 */
import type { Claim, Dataset, Event, Evidence, Relation, Segment, Time } from "@atlas/schema";
import { stringify } from "yaml";
import type {
  ActorInput,
  AliasInput,
  CatalogueFile,
  ClaimInput,
  DocumentFile,
  EventInput,
  OutsideAliasesFile,
  PlaceInput,
  QuoteInput,
  RelationInput,
  TimeInput,
} from "../annotations/format.js";

type Text = { id: string; text: string; segments: Segment[] };

/** A span as the annotation format writes it: the words, and which occurrence in article text. */
function quoteOf(sources: Map<string, Text>, e: Evidence): QuoteInput {
  const source = sources.get(e.sourceId);
  if (!source) return e.quote;
  const usable: number[] = [];
  for (let i = source.text.indexOf(e.quote); i !== -1; i = source.text.indexOf(e.quote, i + 1)) {
    const end = i + e.quote.length;
    if (!source.segments.some((s) => !s.article && s.start < end && i < s.end)) usable.push(i);
  }
  const n = usable.indexOf(e.start);
  return usable.length > 1 && n >= 0 ? { quote: e.quote, occurrence: n + 1 } : e.quote;
}

function timeOf(t: Time): TimeInput {
  return {
    edtf: t.edtf,
    basis: t.basis,
    ...(t.part ? { part: t.part } : {}),
    ...(t.expression ? { expression: t.expression } : {}),
    ...(t.note ? { note: t.note } : {}),
  };
}

/** Drops null, undefined and empty lists, so the files hold what a person would write. */
function clean<T extends object>(o: T): T {
  return Object.fromEntries(
    Object.entries(o).filter(([, v]) => v !== undefined && v !== null && !(Array.isArray(v) && v.length === 0)),
  ) as T;
}

type Sections = Required<CatalogueFile>;
const emptySections = (): Sections => ({ actors: [], places: [], relations: [], events: [], claims: [] });

export interface AnnotationFiles {
  /** Path under the annotations directory → YAML text. */
  files: Map<string, string>;
  counts: { documents: number; actors: number; relations: number; events: number; claims: number };
}

/** Where each record goes: the documents that cite it (the first with its full definition), else the catalogue. */
function filing(dataset: Dataset) {
  const sources = new Map<string, Text>(dataset.sources.map((s) => [s.id, s]));
  const order = dataset.sources.map((s) => s.id);
  const documents = new Map<string, Sections>(order.map((id) => [id, emptySections()]));
  const catalogue = emptySections();
  const quotes = (list: Evidence[], sourceId: string) =>
    list.filter((e) => e.sourceId === sourceId).map((e) => quoteOf(sources, e));
  /** The documents a record cites, in source order; the first gets the full definition. */
  const citing = (...lists: Evidence[][]) => {
    const ids = new Set(lists.flat().map((e) => e.sourceId));
    return order.filter((id) => ids.has(id));
  };
  const place = <K extends keyof Sections>(
    key: K,
    docs: string[],
    full: Sections[K][number],
    partial: (sourceId: string) => Sections[K][number],
  ) => {
    if (docs.length === 0) {
      (catalogue[key] as Sections[K][number][]).push(full);
      return;
    }
    docs.forEach((sourceId, i) => {
      const file = documents.get(sourceId) as Sections;
      (file[key] as Sections[K][number][]).push(i === 0 ? full : partial(sourceId));
    });
  };
  return { order, documents, catalogue, quotes, citing, place };
}
type Filing = ReturnType<typeof filing>;

/** Actors, with their sizes and names; the names attested outside the corpus, for outside/aliases.yaml. */
function fileActors(dataset: Dataset, { order, documents, quotes, citing, place }: Filing): OutsideAliasesFile {
  const outside: OutsideAliasesFile = [];
  for (const a of dataset.actors) {
    const docs = citing(a.evidence, ...(a.sizes ?? []).map((z) => z.evidence));
    const sizes = (sourceId: string) =>
      (a.sizes ?? [])
        .filter((z) => z.evidence.some((x) => x.sourceId === sourceId))
        .map((z) => ({
          // low and high are written even when null, as a death toll's are.
          low: z.low,
          high: z.high,
          expression: z.expression,
          ...clean({
            time: z.time ? timeOf(z.time) : null,
            reportedById: z.reportedById,
            evidence: quotes(z.evidence, sourceId),
          }),
        })) as ActorInput["sizes"];
    // The documents' names: everywhere, or scoped to a document (a name references attest too,
    // which that document uses in its own sense, is written there and in outside/aliases.yaml).
    const everywhere: AliasInput[] = a.aliases
      .filter((x) => !x.outside && x.sourceIds.length === 0)
      .map((x) => ({ name: x.name, kind: x.kind }));
    const scopedElsewhere = (sourceId: string): AliasInput[] =>
      a.aliases
        .filter((x) => x.sourceIds.includes(sourceId))
        .map((x) => ({ name: x.name, kind: x.kind, scope: "document" as const }));
    const first = docs[0] ?? null;
    place(
      "actors",
      docs,
      clean<ActorInput>({
        id: a.id,
        name: a.name,
        kind: a.kind,
        description: a.description,
        aliases: [...everywhere, ...(first ? scopedElsewhere(first) : [])],
        sizes: first ? sizes(first) : [],
        evidence: first ? quotes(a.evidence, first) : [],
      }),
      (sourceId) =>
        clean<ActorInput>({
          id: a.id,
          aliases: scopedElsewhere(sourceId),
          sizes: sizes(sourceId),
          evidence: quotes(a.evidence, sourceId),
        }),
    );
    // A scoped name in a document that gives the actor no evidence still belongs to that document.
    for (const sourceId of order.filter((id) => !docs.includes(id))) {
      const scoped = scopedElsewhere(sourceId);
      if (scoped.length) documents.get(sourceId)?.actors.push({ id: a.id, aliases: scoped, sizes: [], evidence: [] });
    }
    const attested = a.aliases.flatMap((x) =>
      x.outside ? [{ name: x.name, kind: x.kind, source: x.outside.source, url: x.outside.url }] : [],
    );
    if (attested.length) outside.push({ actorId: a.id, aliases: attested });
  }
  return outside;
}

/** Places: defined in the catalogue, cited by each document that gives them evidence. */
function filePlaces(dataset: Dataset, { documents, catalogue, quotes, citing }: Filing) {
  for (const p of dataset.places) {
    catalogue.places.push(
      clean<PlaceInput>({
        id: p.id,
        name: p.name,
        kind: p.kind,
        aliases: p.aliases,
        withinId: p.withinId,
        coordinates: p.coordinates,
        evidence: [],
      }),
    );
    for (const sourceId of citing(p.evidence)) {
      documents.get(sourceId)?.places.push({ id: p.id, aliases: [], evidence: quotes(p.evidence, sourceId) });
    }
  }
}

function fileRelations(dataset: Dataset, { quotes, citing, place }: Filing) {
  for (const r of dataset.relations as Relation[]) {
    const docs = citing(r.evidence);
    const implicitId = r.id === `${r.fromId}.${r.type}.${r.toId}`;
    const ends = { ...(implicitId ? {} : { id: r.id }), fromId: r.fromId, type: r.type, toId: r.toId };
    place(
      "relations",
      docs,
      clean<RelationInput>({
        ...ends,
        role: r.role,
        time: r.time ? timeOf(r.time) : null,
        former: r.former || undefined,
        note: r.note,
        evidence: docs[0] ? quotes(r.evidence, docs[0]) : [],
      }),
      (sourceId) => ({ ...ends, evidence: quotes(r.evidence, sourceId) }),
    );
  }
}

/** Events, each document with the death tolls it reports. */
function fileEvents(dataset: Dataset, { quotes, citing, place }: Filing) {
  for (const e of dataset.events as Event[]) {
    const docs = citing(e.evidence, ...e.fatalities.map((f) => f.evidence));
    const fatalities = (sourceId: string) =>
      e.fatalities
        .filter((f) => f.evidence.some((x) => x.sourceId === sourceId))
        .map((f) => ({
          // low and high are written even when null: no number given is said, not left out.
          low: f.low,
          high: f.high,
          ...clean({
            who: f.who,
            expression: f.expression ?? undefined,
            reportedById: f.reportedById,
            claimId: f.claimId,
            evidence: quotes(f.evidence, sourceId),
          }),
        }));
    place(
      "events",
      docs,
      clean<EventInput>({
        id: e.id,
        kind: e.kind,
        title: e.title,
        summary: e.summary,
        time: timeOf(e.time),
        placeId: e.placeId,
        placeNote: e.placeNote,
        participants: e.participants.map((p) => clean({ actorId: p.actorId, role: p.role, note: p.note })),
        fatalities: docs[0] ? (fatalities(docs[0]) as EventInput["fatalities"]) : [],
        partOfId: e.partOfId,
        responseToIds: e.responseToIds,
        evidence: docs[0] ? quotes(e.evidence, docs[0]) : [],
      }),
      (sourceId) =>
        clean({
          id: e.id,
          fatalities: fatalities(sourceId),
          evidence: quotes(e.evidence, sourceId),
        }) as EventInput,
    );
  }
}

function fileClaims(dataset: Dataset, { quotes, citing, place }: Filing) {
  for (const c of dataset.claims as Claim[]) {
    const docs = citing(c.evidence, c.attribution);
    place(
      "claims",
      docs,
      clean<ClaimInput>({
        id: c.id,
        claimantId: c.claimantId,
        onBehalfOfId: c.onBehalfOfId,
        viaId: c.viaId,
        stance: c.stance,
        statement: c.statement,
        mode: c.mode,
        about: c.about,
        said: c.said ? timeOf(c.said) : null,
        setting: c.setting,
        evidence: docs[0] ? quotes(c.evidence, docs[0]) : [],
        attribution: docs[0] ? quotes(c.attribution, docs[0]) : [],
        supportsIds: c.supportsIds,
        contradictsIds: c.contradictsIds,
        note: c.note,
        credibility: c.credibility,
      }),
      (sourceId) =>
        clean({
          id: c.id,
          evidence: quotes(c.evidence, sourceId),
          attribution: quotes(c.attribution, sourceId),
        }) as ClaimInput,
    );
  }
}

/** The dataset as the annotation files a curator edits: a file per document, the catalogue, and the names attested outside the corpus. */
export function annotationFiles(dataset: Dataset): AnnotationFiles {
  const f = filing(dataset);
  const { documents, catalogue } = f;
  const outside = fileActors(dataset, f);
  filePlaces(dataset, f);
  fileRelations(dataset, f);
  fileEvents(dataset, f);
  fileClaims(dataset, f);

  const yaml = (data: unknown) => stringify(data, { lineWidth: 0 });
  const files = new Map<string, string>();
  const sections = (s: Sections) =>
    Object.fromEntries(Object.entries(s).filter(([, list]) => list.length > 0)) as Partial<Sections>;
  files.set("catalogue/atlas.yaml", yaml(sections(catalogue)));
  for (const [sourceId, s] of documents) {
    files.set(`documents/${sourceId}.yaml`, yaml({ source: sourceId, ...sections(s) } satisfies Partial<DocumentFile>));
  }
  files.set("outside/aliases.yaml", yaml(outside));
  return {
    files,
    counts: {
      documents: documents.size,
      actors: dataset.actors.length,
      relations: dataset.relations.length,
      events: dataset.events.length,
      claims: dataset.claims.length,
    },
  };
}
