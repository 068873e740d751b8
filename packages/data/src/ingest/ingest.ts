/**
 * Adding a document: decode and check it, extract the article (HTML), the text and pages (PDF)
 * or the paragraphs (Word), or mark boilerplate (text), build the source record, find suggestions, and write everything in one transaction —
 * a refusal or a failure leaves the database exactly as it was. Suggestions are stored apart
 * from curated facts, marked "suggested", until a reviewer accepts them (see review.ts).
 */
import {
  type ActorKind,
  type AliasKind,
  describeIssues,
  type EventKind,
  isArticleRole,
  type MetadataNote,
  type Page,
  precisionOf,
  type RelationType,
  type Segment,
  Source,
  type Stance,
  type Time,
} from "@atlas/schema";
import { eq, or, sql } from "drizzle-orm";
import { z } from "zod";
import { sha256 } from "../corpus/load.js";
import type { Db } from "../db/client.js";
import * as t from "../db/schema/index.js";
import { actorNameEntries, NameResolver } from "../names/resolver.js";
import { bumpDataVersion } from "../queries/cache.js";
import { sourceRow } from "../seed/rows.js";
import { foldName } from "../text/fold.js";
import { authorsOf, classifyText } from "./blocks.js";
import {
  checkSize,
  checkText,
  decodeBytes,
  detectFormat,
  documentFormat,
  refuseBlank,
  warnReplacementCharacters,
} from "./decode.js";
import { IngestError } from "./errors.js";
import { slugify, unique } from "./ids.js";
import {
  type IngestFormat,
  type IngestMetadata,
  type IngestReport,
  IngestMetadata as Metadata,
  type OnIngestProgress,
} from "./types.js";

export interface IngestInput extends IngestMetadata {
  /** The document: raw bytes (checked as UTF-8) or text already decoded. */
  content: Uint8Array | string;
}

interface Prepared {
  format: IngestFormat;
  text: string;
  segments: Segment[];
  /** A PDF's pages with text, and how many pages it has; null for other formats. */
  pages: Page[] | null;
  pageCount: number | null;
  title: string | null;
  authors: string[];
  byline: string | null;
  published: string | null;
  publisher: string | null;
  url: string | null;
  notes: MetadataNote[];
}

/** Adjacent blocks of the same role become one segment, as in the curated corpus. */
function merge(blocks: Segment[]): Segment[] {
  const out: Segment[] = [];
  for (const b of blocks) {
    const last = out[out.length - 1];
    if (last && last.role === b.role && b.role === "body") last.end = b.end;
    else out.push({ ...b });
  }
  return out;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The source's note on how its text was obtained from what was received. */
const extent = (text: string): MetadataNote[] => [{ field: "extent", text, evidence: [] }];
const UNPAGED = { pages: null, pageCount: null } as const;

/** A PDF or a Word file: its text extracted, with the PDF's pages. */
async function preparePaged(bytes: Uint8Array, format: "pdf" | "docx", warnings: string[]): Promise<Prepared> {
  const none = { authors: [], byline: null, published: null, publisher: null, url: null };
  if (format === "pdf") {
    const { extractPdf } = await import("./pdf.js");
    const x = await extractPdf(bytes);
    const scanned = x.imagePages.length
      ? `${x.imagePages.length === 1 ? "Page" : "Pages"} ${x.imagePages.join(", ")} ${x.imagePages.length === 1 ? "has" : "have"} no text layer (scanned images)`
      : "";
    if (scanned)
      warnings.push(
        `${scanned}: their words are not in the atlas. Run OCR on the PDF and ingest it again to include them.`,
      );
    const marked = x.headersAndFooters
      ? ` ${plural(x.headersAndFooters, "line")} of running headers, footers and page numbers marked as boilerplate, so no annotation can cite them.`
      : "";
    return {
      ...none,
      format,
      text: x.text,
      segments: x.segments,
      pages: x.pages,
      pageCount: x.pageCount,
      title: x.title,
      notes: extent(
        `Extracted from a PDF of ${plural(x.pageCount, "page")} with pdf.js: each page's text layer in reading order, one block per paragraph, and where each page lies, so every quote can be placed on its page.${marked}${scanned ? ` ${scanned}.` : ""}`,
      ),
    };
  }
  const { extractDocx } = await import("./docx.js");
  const x = await extractDocx(bytes);
  return {
    ...none,
    ...UNPAGED,
    format,
    text: x.text,
    segments: x.segments,
    title: x.title,
    authors: x.authors,
    notes: extent(
      `Extracted from a Word file with mammoth: the body's paragraphs, one per block, their roles from Word's styles.${x.images ? ` ${plural(x.images, "image")} not kept.` : ""} Word's page headers and footers are not part of the body, so they are not in the text.`,
    ),
  };
}

// linkedom and chrono-node take most of a second to load: only ingest loads them, when it runs.
async function prepare(text: string, format: "text" | "html", given: IngestMetadata): Promise<Prepared> {
  if (format === "html") {
    const { describeDropped, extractArticle } = await import("./html.js");
    const x = extractArticle(text);
    if (!x.segments.some((s) => s.role !== "headline" && s.article)) {
      throw new IngestError(
        "no_text",
        "No article text found in the HTML (after removing navigation, cookie notices and other boilerplate). Check that the file is the article page, or ingest its text instead.",
      );
    }
    const dropped = describeDropped(x.dropped);
    const notes = extent(
      `Extracted from HTML with Readability: the text is the article's headline, byline and paragraphs, one per block.${dropped ? ` Removed: ${dropped}.` : ""}`,
    );
    return {
      ...UNPAGED,
      format,
      text: x.text,
      segments: x.segments,
      title: x.title,
      authors: x.authors,
      byline: x.byline,
      published: x.publishedTime,
      publisher: x.siteName,
      url: x.url,
      notes,
    };
  }
  const { blocks, byline } = classifyText(text, given.title ?? null);
  const segments = merge(blocks.map((b) => ({ ...b, article: isArticleRole(b.role) })));
  const headline = blocks.find((b) => b.role === "headline");
  const boilerplate = blocks.filter((b) => !isArticleRole(b.role)).length;
  return {
    ...UNPAGED,
    format,
    text,
    segments,
    title: headline ? text.slice(headline.start, headline.end) : null,
    authors: authorsOf(byline),
    byline,
    published: null,
    publisher: null,
    url: null,
    notes:
      boilerplate > 0
        ? extent(
            `Kept exactly as received; ${plural(boilerplate, "block")} of web boilerplate (cookie notices, credits, related links, contact lines) marked so no annotation can cite ${boilerplate === 1 ? "it" : "them"}.`,
          )
        : [],
  };
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
  if (z.url().safeParse(url).success && /^https?:\/\//.test(url)) return url;
  warn(warnings, `The page's canonical address "${url.slice(0, 100)}" is not an absolute URL; it was not kept.`);
  return null;
}

/** Reads, checks and analyzes a document, then stores it with its suggestions in one transaction. */
export async function ingestDocument(
  db: Db,
  input: IngestInput,
  { onProgress }: { onProgress?: OnIngestProgress } = {},
): Promise<IngestReport> {
  const started = performance.now();
  const parsed = Metadata.safeParse({ ...input, content: undefined });
  if (!parsed.success) throw new IngestError("invalid", `Invalid metadata: ${describeIssues(parsed.error).join("; ")}`);
  const given = parsed.data;

  const c = input.content;
  const bytes = typeof c === "string" ? Buffer.byteLength(c, "utf8") : c.length;
  onProgress?.({ phase: "read", done: 0, total: bytes });
  const originalHash = sha256(
    typeof c === "string" ? Buffer.from(c, "utf8") : Buffer.from(c.buffer, c.byteOffset, c.byteLength),
  );
  const paged = typeof c === "string" ? null : documentFormat(c);
  const asked = given.format;
  if ((asked === "pdf" || asked === "docx") && paged !== asked) {
    const what = asked === "pdf" ? "PDF" : "Word file";
    throw new IngestError(
      "invalid",
      typeof c === "string"
        ? `A ${what} is sent as its bytes (base64 over the API), not as text.`
        : `The document was sent as a ${what}, but its bytes are not one. Leave the format out to have it detected.`,
    );
  }
  if (paged && asked && asked !== paged) {
    throw new IngestError(
      "invalid",
      `The document was sent as ${asked}, but it is a ${paged === "pdf" ? "PDF" : "Word file"}. Leave the format out to have it detected.`,
    );
  }
  const warnings: string[] = [];
  let prepared: Prepared;
  if (paged && typeof c !== "string") {
    checkSize(bytes);
    onProgress?.({ phase: "read", done: bytes, total: bytes });
    onProgress?.({ phase: "extract", done: 0, total: bytes });
    prepared = await preparePaged(c, paged, warnings);
    onProgress?.({ phase: "extract", done: bytes, total: bytes });
  } else {
    const decoded = typeof c === "string" ? checkText(c) : decodeBytes(c);
    warnings.push(...decoded.warnings);
    refuseBlank(decoded.text);
    onProgress?.({ phase: "read", done: bytes, total: bytes });
    const format = asked === "text" || asked === "html" ? asked : detectFormat(decoded.text, given.fileName);
    onProgress?.({ phase: "extract", done: 0, total: decoded.text.length });
    prepared = await prepare(decoded.text, format, given);
    onProgress?.({ phase: "extract", done: decoded.text.length, total: decoded.text.length });
  }
  const format = prepared.format;
  refuseBlank(prepared.text);
  warnReplacementCharacters(prepared.text, warnings);

  const hash = sha256(prepared.text);
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

  const ids = new Set((await db.select({ id: t.sources.id }).from(t.sources)).map((r) => r.id));
  const id = unique(slugify(`${published ? published.edtf.slice(0, 4) : "undated"} ${title}`), (x) => ids.has(x));
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
  const source = checked.data;

  const [actors, aliases, places, events, participants] = await Promise.all([
    db.select({ id: t.actors.id, name: t.actors.name, kind: t.actors.kind }).from(t.actors),
    db
      .select({
        actorId: t.aliases.actorId,
        name: t.aliases.name,
        kind: t.aliases.kind,
        sourceIds: t.aliases.sourceIds,
        outside: t.aliases.outside,
      })
      .from(t.aliases),
    db.select({ id: t.places.id, name: t.places.name, aliases: t.places.aliases }).from(t.places),
    db
      .select({
        id: t.events.id,
        kind: t.events.kind,
        title: t.events.title,
        time: t.events.time,
        placeId: t.events.placeId,
      })
      .from(t.events),
    db.select({ eventId: t.participants.eventId, actorId: t.participants.actorId }).from(t.participants),
  ]);
  const [relations, claims, claimActors, claimEvents] = await Promise.all([
    db
      .select({
        id: t.relations.id,
        type: t.relations.type,
        fromId: t.relations.fromId,
        toId: t.relations.toId,
        time: t.relations.time,
        former: t.relations.former,
      })
      .from(t.relations),
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
  const aliasesOf = new Map<string, typeof aliases>();
  for (const a of aliases) aliasesOf.set(a.actorId, [...(aliasesOf.get(a.actorId) ?? []), a]);
  const participantsOf = new Map<string, string[]>();
  for (const p of participants) participantsOf.set(p.eventId, [...(participantsOf.get(p.eventId) ?? []), p.actorId]);
  const { suggest } = await import("./suggest/index.js");
  const known = actors.map((a) => ({
    id: a.id,
    name: a.name,
    kind: a.kind as ActorKind,
    aliases: (aliasesOf.get(a.id) ?? []).map((x) => ({ ...x, kind: x.kind as AliasKind })),
  }));
  const { drafts, warnings: found } = suggest({
    text: source.text,
    segments: source.segments,
    published: source.published,
    actors: known,
    resolver: resolverFor(known),
    places,
    events: events.map((e) => ({
      ...e,
      kind: e.kind as EventKind,
      participantIds: participantsOf.get(e.id) ?? [],
    })),
    relations: relations.map((r) => ({ ...r, type: r.type as RelationType })),
    claims: claims.map((c) => ({
      ...c,
      stance: c.stance as Stance,
      actorIds: claimActorIds.get(c.id) ?? [],
      eventIds: claimEventIds.get(c.id) ?? [],
    })),
    onProgress: (done, total) => onProgress?.({ phase: "analyze", done, total }),
  });
  warnings.push(...found);

  const perKind = new Map<string, number>();
  const rows = drafts.map((d, ord) => {
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

  const total = rows.length + source.segments.length + 2;
  try {
    await db.transaction(async (tx) => {
      await tx.insert(t.sources).values(sourceRow(source, "ingest"));
      if (source.segments.length > 0) {
        for (let i = 0; i < source.segments.length; i += CHUNK) {
          await tx
            .insert(t.segments)
            .values(source.segments.slice(i, i + CHUNK).map((s) => ({ sourceId: source.id, ...s })));
        }
      }
      await tx.insert(t.ingestDocuments).values({
        sourceId: source.id,
        format,
        originalHash,
        bytes,
        fileName: given.fileName ?? null,
        warnings,
      });
      onProgress?.({ phase: "write", done: source.segments.length + 2, total });
      for (let i = 0; i < rows.length; i += CHUNK) {
        await tx.insert(t.suggestions).values(rows.slice(i, i + CHUNK));
        onProgress?.({ phase: "write", done: source.segments.length + 2 + Math.min(i + CHUNK, rows.length), total });
      }
      await bumpDataVersion(db, tx);
    });
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
}

const CHUNK = 500;

/**
 * The name resolver for the atlas's actors, kept while they stay the same: building it for tens of
 * thousands of names takes seconds, and most ingests follow one another with no actor accepted
 * between them.
 */
let resolverCache: { fingerprint: string; resolver: NameResolver } | null = null;
function resolverFor(actors: Parameters<typeof actorNameEntries>[0]): NameResolver {
  const fingerprint = sha256(JSON.stringify(actors));
  if (resolverCache?.fingerprint !== fingerprint) {
    resolverCache = { fingerprint, resolver: new NameResolver(actorNameEntries(actors)) };
  }
  return resolverCache.resolver;
}
