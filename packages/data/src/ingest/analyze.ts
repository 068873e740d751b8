/**
 * The thinking part of an ingest, with no database: read the bytes (decode, refuse what is not
 * a document), extract the article (HTML), the text and pages (PDF) or the paragraphs (Word), or
 * mark boilerplate (text), and find suggestions. This is
 * nearly all of an ingest's CPU time (half a minute for 15 MB); the API runs it on a worker
 * thread (analyze-thread.ts) so it never stops the server's event loop, others in-process.
 */
import { isArticleRole, type MetadataNote, type Page, type Segment } from "@atlas/schema";
import { sha256 } from "../corpus/load.js";
import { actorNameEntries, NameResolver } from "../names/resolver.js";
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
import type { SuggestInput, SuggestResult } from "./suggest/index.js";
import type { IngestFormat, IngestMetadata, IngestProgress } from "./types.js";

export interface Prepared {
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

/** A document read and its article extracted: everything the database step needs but the suggestions. */
export interface ReadDocument {
  format: IngestFormat;
  prepared: Prepared;
  warnings: string[];
  /** sha256 of the bytes as received, and of the stored text. */
  originalHash: string;
  hash: string;
  bytes: number;
}

type Progress = (p: IngestProgress) => void;

export async function readDocument(
  content: Uint8Array | string,
  given: IngestMetadata,
  onProgress?: Progress,
): Promise<ReadDocument> {
  const c = content;
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
  refuseBlank(prepared.text);
  warnReplacementCharacters(prepared.text, warnings);
  return { format: prepared.format, prepared, warnings, originalHash, hash: sha256(prepared.text), bytes };
}

/**
 * Loads ahead of time what an ingest loads on first use (the extractors, pdf.js, the NLP of
 * suggest/), so an analysis thread kept warm for the next ingest starts it at once.
 */
export async function loadAnalysis(): Promise<void> {
  await Promise.all([
    import("./html.js"),
    import("./docx.js"),
    import("./suggest/index.js"),
    import("pdfjs-dist/legacy/build/pdf.mjs"),
  ]);
}

/** The suggestions in a document's article text (see suggest/). */
export async function findSuggestions(
  input: Omit<SuggestInput, "onProgress" | "resolver">,
  onProgress?: Progress,
): Promise<SuggestResult> {
  const { suggest } = await import("./suggest/index.js");
  return suggest({
    ...input,
    resolver: resolverFor(input.actors),
    onProgress: (done, total) => onProgress?.({ phase: "analyze", done, total }),
  });
}

/**
 * The name resolver for the atlas's actors, kept while they stay the same: building it for tens of
 * thousands of names takes seconds, and most ingests follow one another with no actor accepted
 * between them. (Kept per thread: an analysis thread lives for one ingest, so there it is built once.)
 */
let resolverCache: { fingerprint: string; resolver: NameResolver } | null = null;
function resolverFor(actors: Parameters<typeof actorNameEntries>[0]): NameResolver {
  const fingerprint = sha256(JSON.stringify(actors));
  if (resolverCache?.fingerprint !== fingerprint) {
    resolverCache = { fingerprint, resolver: new NameResolver(actorNameEntries(actors)) };
  }
  return resolverCache.resolver;
}
