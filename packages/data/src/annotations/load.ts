/**
 * Builds the dataset from the corpus and the curated annotations: reads the files (files.ts),
 * merges their records by id (drafts.ts), finishes the records (records.ts), adds what the files
 * leave implicit (outside-aliases.ts, claim-dates.ts) and checks the whole against the dataset
 * schema. Every problem is collected and reported in one error. Nothing is written anywhere: this
 * is pure validation.
 */
import { basename, join, relative } from "node:path";
import { DATASET_VERSION, Dataset, describeIssues, type Source } from "@atlas/schema";
import type { z } from "zod";
import { loadSources, SOURCES_FILE } from "../corpus/load.js";
import { findMentions } from "../mentions/find.js";
import { ANNOTATIONS_DIR, CORPUS_DIR, PACKAGE_DIR } from "../paths.js";
import { dateUndatedClaims } from "./claim-dates.js";
import { addRecords, type Collection, type Context, newDrafts } from "./drafts.js";
import { AnnotationError, type Problem } from "./errors.js";
import { readCatalogue, readDocuments } from "./files.js";
import { DocumentFile } from "./format.js";
import { addOutsideAliases, isDocumentName } from "./outside-aliases.js";
import { finishActor, finishClaims, finishEvent, finishPlace, finishRelation } from "./records.js";

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
   * Check only these documents: every document is still read, so what they cite from the others
   * (an event, a claim, an actor an outside alias names) resolves, but only the problems of the
   * records these files touch are reported, so one document can be validated while others are in
   * progress.
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

/** Loads, merges and validates everything; throws AnnotationError listing every problem. */
export function buildDataset<D extends DocumentFile = DocumentFile>({
  corpusDir = CORPUS_DIR,
  annotationsDir = ANNOTATIONS_DIR,
  only,
  extra,
}: BuildOptions<D> = {}): Built<D> {
  const curatedSources = loadSources(corpusDir);
  const extraSources = extra ? loadSources(extra.corpusDir, extra.sourcesLabel) : [];
  const sources = [...curatedSources, ...extraSources];
  const ctx: Context = { problems: [], sources: new Map(sources.map((s) => [s.id, s])), drafts: newDrafts() };
  const documents = readAnnotations(ctx, annotationsDir, curatedSources, extra && { ...extra, sources: extraSources });
  const extraDocuments = documents.extra;
  for (const document of extraDocuments) ctx.problems.push(...(extra?.check?.(document) ?? []));

  // In --only mode, the selected documents' files; a record none of them touches (another
  // document's, or a catalogue record no selected document cites) is not theirs to answer for.
  const selecting = Boolean(only || extra?.only);
  const chosen = new Set([...(only ?? []), ...(extra?.only ?? [])]);
  const documentFiles = new Set(
    [...documents.curated, ...extraDocuments].filter((d) => chosen.has(d.source.id)).map((d) => d.file),
  );
  const touches = (collection: Collection, id: string | undefined) =>
    Boolean(id && [...(ctx.drafts[collection].get(id)?.files ?? [])].some((f) => documentFiles.has(f)));
  const untouched = (collection: Collection, id: string | undefined) => selecting && !touches(collection, id);

  const actors = [...ctx.drafts.actors.values()].map((d) => finishActor(ctx, d));
  const outsidePath = join(annotationsDir, "outside", "aliases.yaml");
  addOutsideAliases(ctx.problems, outsidePath, actors, label(outsidePath));
  const places = [...ctx.drafts.places.values()].map((d) => finishPlace(ctx, d));
  const relations = [...ctx.drafts.relations.values()].map((d) => finishRelation(ctx, d));
  const events = [...ctx.drafts.events.values()].map((d) => finishEvent(ctx, d));
  const claims = finishClaims(ctx, ctx.drafts.claims.values());
  dateUndatedClaims(claims, actors, ctx.sources);
  const files: Built["files"] = {
    actors: filesOf(ctx.drafts.actors),
    places: filesOf(ctx.drafts.places),
    relations: filesOf(ctx.drafts.relations),
    events: filesOf(ctx.drafts.events),
    claims: filesOf(ctx.drafts.claims),
  };

  // Keep going after these problems: reference errors are reported in the same run. A record
  // already reported for a field is not reported again for it by the schema.
  const reported = new Set(ctx.problems.map((p) => `${p.record}|${p.field?.split(".")[0]}`));
  // The documents' own names make their mentions; names from outside are for new documents. An
  // actor left without a name has been reported above; it has nothing to match.
  const { mentions, unattested } = findMentions(
    sources,
    actors.flatMap(({ name, ...a }) =>
      name === undefined ? [] : [{ ...a, name, aliases: a.aliases.filter(isDocumentName) }],
    ),
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
      const problem = schemaProblem(issue, candidate, files, reported, untouched);
      if (problem) ctx.problems.push(problem);
    }
  }
  // A selected document whose file could not be read at all (bad YAML, a field the schema refuses)
  // is named by its source id: its problems are the selection's too, or it would pass unread.
  const readFiles = new Set([...documents.curated, ...extraDocuments].map((d) => d.file));
  const unreadSelected = (file: string) =>
    !readFiles.has(file) && [...chosen].some((id) => basename(file).startsWith(`${id}.`));
  const problems = selecting
    ? ctx.problems.filter(
        (p) =>
          p.file.split(/,\s*/).some((f) => documentFiles.has(f) || unreadSelected(f)) ||
          (Object.keys(files) as Collection[]).some((collection) => touches(collection, p.record)),
      )
    : ctx.problems;
  if (problems.length > 0) throw new AnnotationError(problems);
  return {
    // Without problems, a candidate the schema refuses holds only catalogue records that no
    // selected document cites (--only): all they lack is evidence, so it is a dataset to count.
    dataset: checked.success ? checked.data : (candidate as Dataset),
    files,
    extraDocuments: extraDocuments.map(({ file, data }) => ({ file, data })),
  };
}

const label = (path: string) => relative(PACKAGE_DIR, path) || path;
const byIdSort = <T extends { id: string }>(xs: T[]) => xs.sort((a, b) => a.id.localeCompare(b.id));
const filesOf = (drafts: Map<string, { files: Set<string> }>) =>
  new Map([...drafts].map(([id, d]) => [id, [...d.files]]));

/**
 * Reads the catalogues and the document files into the drafts, in order: the curated catalogue,
 * the extra set's, the curated documents, the extra set's. Returns the documents read.
 */
function readAnnotations<D extends DocumentFile>(
  ctx: Context,
  annotationsDir: string,
  curatedSources: Source[],
  extra: (DocumentSet<D> & { sources: Source[] }) | undefined,
) {
  const curatedIds = new Set(curatedSources.map((s) => s.id));
  for (const s of extra?.sources ?? []) {
    if (curatedIds.has(s.id)) {
      ctx.problems.push({
        file: extra?.sourcesLabel ?? SOURCES_FILE,
        record: s.id,
        message: `source id "${s.id}" is already a curated source; give it another id`,
      });
    }
  }
  const addCatalogue = (dir: string) =>
    readCatalogue(dir, ctx.problems, label, (file, data) => addRecords(ctx, file, null, data));
  addCatalogue(join(annotationsDir, "catalogue"));
  if (extra?.catalogueDir) addCatalogue(extra.catalogueDir);
  const reading = { ...ctx, annotated: new Set<string>() };
  const add = (file: string, sourceId: string, data: DocumentFile) => addRecords(ctx, file, sourceId, data);
  const curated = readDocuments(
    {
      dir: join(annotationsDir, "documents"),
      schema: DocumentFile,
      ownSources: curatedIds,
      sourcesFile: "sources.yaml",
    },
    reading,
    label,
    add,
  );
  const extraDocuments = extra
    ? readDocuments(
        {
          dir: extra.documentsDir,
          schema: extra.schema,
          ownSources: new Set(extra.sources.map((s) => s.id)),
          sourcesFile: extra.sourcesLabel,
        },
        reading,
        label,
        add,
      )
    : [];
  return { curated, extra: extraDocuments };
}

/**
 * One issue of the dataset schema as a problem naming the record's files, or null when it is
 * already reported (the same record and field) or is an untouched record's missing evidence.
 */
function schemaProblem(
  issue: z.core.$ZodIssue,
  candidate: Record<Collection | "sources" | "mentions", object[]>,
  files: Built["files"],
  reported: Set<string>,
  untouched: (collection: Collection, id: string | undefined) => boolean,
): Problem | null {
  const [collection, index] = issue.path as [Collection | "sources" | "mentions", number];
  const record = candidate[collection]?.[index];
  const id = record && "id" in record && typeof record.id === "string" ? record.id : undefined;
  const recordFiles = id && collection in files ? files[collection as Collection].get(id) : undefined;
  const lastField = issue.path.findLast((p) => typeof p === "string");
  if (lastField === "evidence" && issue.code === "too_small" && untouched(collection as Collection, id)) {
    return null;
  }
  const rootField = String(issue.path[2]);
  if (reported.has(`${id}|${rootField}`) || reported.has(`${id}|undefined`)) return null;
  return {
    file: recordFiles?.join(", ") ?? (collection === "sources" ? "src/corpus/sources.yaml" : "(dataset)"),
    record: id,
    message: describeIssues({ issues: [issue] } as never)[0] ?? issue.message,
  };
}
