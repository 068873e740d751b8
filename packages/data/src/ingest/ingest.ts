/**
 * Adding a document: decode and check it, extract the article (HTML), the text and pages (PDF)
 * or the paragraphs (Word), or mark boilerplate (text) (analyze.ts), build the source record,
 * find suggestions, and write everything so that a refusal or a failure leaves nothing a reader
 * can see. Suggestions are stored apart
 * from curated facts, marked "suggested", until a reviewer accepts them (see review/).
 */
import { describeIssues, type MetadataNote, precisionOf, Source, type Stance, type Time, WebUrl } from "@atlas/schema";
import { eq, like, or, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Db } from "../db/client.js";
import { abandonIngest, RESERVED, reservationKey } from "../db/maintenance.js";
import * as t from "../db/schema/index.js";
import { knownActors } from "../names/known.js";
import { bumpDataVersion } from "../queries/cache.js";
import { sourceRow } from "../seed/rows.js";
import { foldName } from "../text/fold.js";
import { passageRows } from "../text/passages.js";
import { type Reviewer, write } from "../workbench/write.js";
import type { ReadDocument } from "./analyze.js";
import { analyzerThread, inProcess } from "./analyze-thread.js";
import { IngestError } from "./errors.js";
import { heldEvents, heldPlaces, heldRelations } from "./held.js";
import { slugify, unique } from "./ids.js";
import { type IngestMetadata, type IngestReport, IngestMetadata as Metadata, type OnIngestProgress } from "./types.js";

export interface IngestInput extends IngestMetadata {
  /** The document: raw bytes (checked as UTF-8) or text already decoded. */
  content: Uint8Array | string;
}

function publishedTime(given: string | undefined, fromPage: string | null, notes: MetadataNote[]): Time | null {
  const date = given ?? /^(\d{4}-\d{2}-\d{2})/.exec(fromPage ?? "")?.[1];
  if (!date) return null;
  const note = given
    ? "Given by the analyst who ingested the document."
    : "From the page's publication-time metadata (article:published_time).";
  notes.push({ field: "published", text: note, evidence: [] });
  return { edtf: date, precision: precisionOf(date), basis: "explicit", note };
}

const warn = (warnings: string[], text: string) => warnings.push(text);

/** A page's own canonical address, when it is a usable absolute URL. */
function pageUrl(url: string | null, warnings: string[]): string | null {
  if (!url) return null;
  if (WebUrl.safeParse(url).success) return url;
  warn(warnings, `The page's canonical address "${url.slice(0, 100)}" is not an http(s) address; it was not kept.`);
  return null;
}

/**
 * Reads, checks and analyzes a document, then stores it with its suggestions. `thread` runs the
 * analysis on a worker thread (the API does). The writing never holds the database for long, so
 * reads go on meanwhile even on PGlite (one connection): the document's passages, segments and
 * suggestions are written first, a few hundred rows per statement, under an id reserved for it
 * and invisible to every read (all of them start from the document's row); then its row, in one
 * short transaction, makes it all visible at once. A failure, or a crash, leaves only invisible
 * rows, which are removed at once (or when the database is next opened: db/maintenance.ts).
 */
export async function ingestDocument(
  db: Db,
  input: IngestInput,
  {
    onProgress,
    thread = false,
    by,
  }: {
    onProgress?: OnIngestProgress | undefined;
    thread?: boolean;
    /** Who adds it, for the history; tools that load documents without a person (benchmarks) leave it out. */
    by?: Reviewer | undefined;
  } = {},
): Promise<IngestReport> {
  const started = performance.now();
  const parsed = Metadata.safeParse({ ...input, content: undefined });
  if (!parsed.success) throw new IngestError("invalid", `Invalid metadata: ${describeIssues(parsed.error).join("; ")}`);
  const given = parsed.data;
  const analyzer = thread ? analyzerThread() : inProcess;
  let reserved: string | null = null;
  try {
    const read = await analyzer.read(input.content, given, onProgress);
    const { format, prepared, originalHash, hash, bytes } = read;
    const warnings = [...read.warnings];
    await refuseDuplicate(db, hash, originalHash);

    const described = describeDocument(given, prepared, hash, warnings);
    const { published, title } = described;
    const id = await reserveId(db, slugify(`${published ? published.edtf.slice(0, 4) : "undated"} ${title}`));
    reserved = id;
    const source = sourceRecord(id, given, read, described, warnings);

    const known = await atlasKnowledge(db);
    const { drafts, warnings: found } = await analyzer.suggest(
      { text: source.text, segments: source.segments, published: source.published, ...known },
      onProgress,
    );
    warnings.push(...found);
    await analyzer.close();

    const perKind = new Map<string, number>();
    const suggestions = drafts.map((d, ord) => {
      const n = (perKind.get(d.kind) ?? 0) + 1;
      perKind.set(d.kind, n);
      return {
        id: `${source.id}.${d.kind}-${n}`,
        sourceId: source.id,
        ord,
        kind: d.kind,
        start: d.start,
        end: d.end,
        quote: d.quote,
        label: d.label,
        proposal: d.proposal,
      };
    });
    const total = await stage(db, source, suggestions, onProgress);
    await publish(db, source, { format, originalHash, bytes, fileName: given.fileName ?? null, warnings }, by);
    reserved = null;
    onProgress?.({ phase: "write", done: total, total });
    return {
      sourceId: source.id,
      title: source.title,
      format,
      bytes,
      characters: source.text.length,
      pages: prepared.pageCount,
      hash,
      suggestions: Object.fromEntries(perKind),
      warnings,
      ms: performance.now() - started,
    };
  } finally {
    await analyzer.close();
    if (reserved) await abandonIngest(db, reserved).catch((e: unknown) => console.error(e));
  }
}

/** What the document says of itself, and what the analyst gave: title, publisher, authors, publication. */
function describeDocument(given: IngestMetadata, prepared: ReadDocument["prepared"], hash: string, warnings: string[]) {
  const notes = [...prepared.notes];
  const published = publishedTime(given.published, prepared.published, notes);
  if (!published)
    warn(warnings, 'No publication date: give one (YYYY-MM-DD) so relative dates such as "last June" can be resolved.');
  let title = given.title ?? prepared.title;
  const titleBasis: "stated" | "assigned" = title && prepared.text.includes(title) ? "stated" : "assigned";
  if (!title) {
    title = `Untitled document ${hash.slice(7, 19)}`;
    warn(warnings, `No title found in the document; it was named "${title}". Give a title to replace it.`);
  }
  if (titleBasis === "assigned")
    notes.push({ field: "title", text: "Given at ingest; the text does not print it.", evidence: [] });
  const publisher = given.publisher ?? prepared.publisher ?? null;
  const publisherBasis = given.publisher ? "assigned" : publisher ? "inferred" : "unknown";
  if (publisher && !given.publisher) {
    notes.push({ field: "publisher", text: "From the page's site-name metadata (og:site_name).", evidence: [] });
  }
  // "By Sara Haddad, Example News": the publisher in a byline is not an author.
  const authors = given.authors ?? prepared.authors.filter((a) => !publisher || foldName(a) !== foldName(publisher));
  const authorsBasis = given.authors?.length ? "assigned" : authors.length ? "stated" : "unknown";
  return { notes, published, title, titleBasis, publisher, publisherBasis, authors, authorsBasis };
}

/** The source record, checked against the schema, under its reserved id. */
function sourceRecord(
  id: string,
  given: IngestMetadata,
  read: ReadDocument,
  described: ReturnType<typeof describeDocument>,
  warnings: string[],
): Source {
  const { format, prepared, hash } = read;
  const { notes, published, title, titleBasis, publisher, publisherBasis, authors, authorsBasis } = described;
  const candidate = {
    id,
    file: given.fileName ?? `${id}.${format === "text" ? "txt" : format}`,
    title: title.trim(),
    titleBasis,
    subtitle: null,
    publisher,
    publisherBasis,
    authors,
    authorsBasis,
    published,
    genre: given.genre ?? "news",
    dateline: null,
    language: given.language ?? "en",
    url: given.url ?? pageUrl(prepared.url, warnings),
    text: prepared.text,
    hash,
    segments: prepared.segments,
    ...(prepared.pages ? { pages: prepared.pages } : {}),
    notes,
  };
  const checked = Source.safeParse(candidate);
  if (!checked.success) {
    throw new IngestError("invalid", `The document cannot be stored: ${describeIssues(checked.error).join("; ")}`);
  }
  return checked.data;
}

/** What the atlas already holds that a new document's suggestions are matched against. */
async function atlasKnowledge(db: Db) {
  const [actors, places, events] = await Promise.all([knownActors(db), heldPlaces(db), heldEvents(db)]);
  const [relations, claims, claimActors, claimEvents] = await Promise.all([
    heldRelations(db),
    db
      .select({
        id: t.claims.id,
        claimantId: t.claims.claimantId,
        stance: t.claims.stance,
        statement: t.claims.statement,
      })
      .from(t.claims),
    db.select().from(t.claimActors),
    db.select().from(t.claimEvents),
  ]);
  const byClaim = <R extends { claimId: string }>(rows: R[], pick: (r: R) => string) => {
    const m = new Map<string, string[]>();
    for (const r of rows) m.set(r.claimId, [...(m.get(r.claimId) ?? []), pick(r)]);
    return m;
  };
  const claimActorIds = byClaim(claimActors, (r) => r.actorId);
  const claimEventIds = byClaim(claimEvents, (r) => r.eventId);
  return {
    actors,
    places,
    events,
    relations,
    claims: claims.map((c) => ({
      ...c,
      stance: c.stance as Stance,
      actorIds: claimActorIds.get(c.id) ?? [],
      eventIds: claimEventIds.get(c.id) ?? [],
    })),
  };
}

/**
 * Writes the document's passages, segments and suggestions under its reserved id, a few hundred
 * rows per statement, invisible to every read until its row is published. The rows it wrote, and
 * one more for the publication.
 */
async function stage(db: Db, source: Source, suggestions: object[], onProgress: OnIngestProgress | undefined) {
  const staged: [PgTable, object[], number][] = [
    [t.sourcePassages, passageRows(source), PASSAGES_PER_WRITE],
    [t.segments, source.segments.map((s) => ({ sourceId: source.id, ...s })), ROWS_PER_WRITE],
    [t.suggestions, suggestions, ROWS_PER_WRITE],
  ];
  const total = staged.reduce((n, [, rows]) => n + rows.length, 0) + 1;
  let done = 0;
  onProgress?.({ phase: "write", done, total });
  for (const [table, rows, most] of staged) {
    let size = most;
    for (let i = 0; i < rows.length; ) {
      const batch = rows.slice(i, i + size);
      const began = performance.now();
      await db.insert(table).values(batch as never);
      size = nextBatchSize(size, performance.now() - began, most);
      i += batch.length;
      done += batch.length;
      onProgress?.({ phase: "write", done, total });
    }
  }
  return total;
}

/** Makes the staged document visible in one short transaction: its row, how it arrived, the history. */
async function publish(
  db: Db,
  source: Source,
  arrived: {
    format: ReadDocument["format"];
    originalHash: string;
    bytes: number;
    fileName: string | null;
    warnings: string[];
  },
  by: Reviewer | undefined,
) {
  try {
    const insert = async (tx: Db) => {
      await tx.insert(t.sources).values(sourceRow(source, "ingest"));
      await tx.insert(t.ingestDocuments).values({ sourceId: source.id, ...arrived });
      await tx.delete(t.meta).where(eq(t.meta.key, reservationKey(source.id)));
    };
    if (by) {
      await write(db, by, null, async (w) => {
        await insert(w.db);
        await w.log("source", source.id, 1, "ingested", null, { id: source.id, reliability: null });
      });
    } else {
      await db.transaction(async (tx) => {
        await insert(tx);
        await bumpDataVersion(db, tx);
      });
    }
  } catch (e) {
    const message = `${(e as Error).message} ${((e as Error).cause as Error | undefined)?.message ?? ""}`;
    if (/duplicate key|unique constraint/i.test(message)) {
      throw new IngestError(
        "duplicate",
        "This document was added by someone else a moment ago (same content hash). Nothing was added.",
      );
    }
    throw e;
  }
}

async function refuseDuplicate(db: Db, hash: string, originalHash: string): Promise<void> {
  const existing = await db
    .select({ id: t.sources.id, title: t.sources.title })
    .from(t.sources)
    .where(
      or(
        eq(t.sources.hash, hash),
        sql`${t.sources.id} in (select ${t.ingestDocuments.sourceId} from ${t.ingestDocuments} where ${t.ingestDocuments.originalHash} = ${originalHash})`,
      ),
    );
  if (existing[0]) {
    throw new IngestError(
      "duplicate",
      `This document is already in the atlas as "${existing[0].title}" (source id ${existing[0].id}): same content hash. Nothing was added.`,
      existing[0].id,
    );
  }
}

/** Most rows per statement while staging: each statement is short, so reads wait little for it. */
const ROWS_PER_WRITE = 100;
// A passage's vector and index entries cost more to write than a row of suggestions.
const PASSAGES_PER_WRITE = 5;
/** How long one staging statement should take: what a read may wait behind it (PGlite runs one at a time). */
export const WRITE_MS = 40;

/**
 * The rows the next staging statement writes, from how long the last one took (its wait included,
 * so a busy engine, with readers served first, gets smaller statements): halved after a slow one,
 * doubled after a quick one, between a quarter of `most` and `most`. A fixed size is too large on a
 * slow machine and too small on a fast one; the floor keeps a busy one's ingest from crawling
 * (each statement has its own cost, and a tenth made a loaded machine's ingest twice as long).
 */
export function nextBatchSize(size: number, tookMs: number, most: number): number {
  if (tookMs > WRITE_MS) return Math.max(Math.ceil(most / 4), Math.floor(size / 2));
  if (tookMs < WRITE_MS / 2) return Math.min(most, size * 2);
  return size;
}

/** The document's id, free among documents and other ingests in flight, reserved for this one. */
async function reserveId(db: Db, base: string): Promise<string> {
  const taken = new Set((await db.select({ id: t.sources.id }).from(t.sources)).map((r) => r.id));
  for (const r of await db
    .select({ key: t.meta.key })
    .from(t.meta)
    .where(like(t.meta.key, `${RESERVED}%`))) {
    taken.add(r.key.slice(RESERVED.length));
  }
  for (;;) {
    const id = unique(base, (x) => taken.has(x));
    const won = await db
      .insert(t.meta)
      .values({ key: reservationKey(id), value: new Date().toISOString() })
      .onConflictDoNothing()
      .returning({ key: t.meta.key });
    if (won.length > 0) return id;
    taken.add(id);
  }
}
