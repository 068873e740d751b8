/**
 * A source document. The text is kept exactly as received; `segments` record which parts
 * are the article and which are web boilerplate (cookie notices, photo credits, related links),
 * so no annotation can point into boilerplate and readers can hide it.
 */
import { z } from "zod";
import { Id, Text, WebUrl } from "./common.js";
import { Evidence } from "./evidence.js";
import { SourceReliability, UpdatedAt } from "./grade.js";
import { Time } from "./time.js";

export const ARTICLE_ROLES = ["headline", "subtitle", "byline", "dateline", "caption", "heading", "body"] as const;
export const BOILERPLATE_ROLES = [
  "credit",
  "related-link",
  "cookie-notice",
  "contact",
  "disclaimer",
  "source-tag",
  "duplicate",
  "page-header",
  "page-footer",
] as const;

export const SegmentRole = z.enum([...ARTICLE_ROLES, ...BOILERPLATE_ROLES]).meta({
  id: "SegmentRole",
  description:
    'What a stretch of the document is. Article roles: headline, subtitle, byline, dateline, caption, heading, body. Boilerplate roles (not article content): credit (photo credit), related-link, cookie-notice, contact ("to contact the author"), disclaimer, source-tag, duplicate (a repeated caption), page-header and page-footer (a paged document\'s running header or footer, or its page number).',
});
export type SegmentRole = z.infer<typeof SegmentRole>;

export const isArticleRole = (role: SegmentRole): boolean => (ARTICLE_ROLES as readonly string[]).includes(role);

export const Segment = z
  .object({
    start: z.int().nonnegative().describe("Offset of the segment's first character."),
    end: z.int().positive().describe("Offset just past the segment's last character."),
    role: SegmentRole,
    article: z.boolean().describe("True for article content; false for boilerplate, which annotations may not cite."),
  })
  .meta({ id: "Segment", description: "A classified stretch of a source's text." });
export type Segment = z.infer<typeof Segment>;

export const Page = z
  .object({
    number: z.int().positive().describe("The page's number in the original file, counting from 1."),
    start: z.int().nonnegative().describe("Offset of the page's first character in the text."),
    end: z.int().positive().describe("Offset just past the page's last character."),
  })
  .meta({ id: "Page", description: "Where one page of a paged original (a PDF) lies in the extracted text." });
export type Page = z.infer<typeof Page>;

/** The page or pages a span of the text lies on; null for a document without pages. */
export function pagesOf(
  pages: readonly Page[] | null | undefined,
  start: number,
  end: number,
): { first: number; last: number } | null {
  if (!pages?.length) return null;
  // A position lies on the last page that starts at or before it (text between pages, on the page before).
  const pageAt = (position: number) => pages.findLast((p) => p.start <= position) ?? (pages[0] as Page);
  return { first: pageAt(start).number, last: pageAt(Math.max(start, end - 1)).number };
}

/** "page 3", "pages 3–4"; null for a document without pages. */
export function describePages(pages: readonly Page[] | null | undefined, start: number, end: number): string | null {
  const at = pagesOf(pages, start, end);
  if (!at) return null;
  return at.first === at.last ? `page ${at.first}` : `pages ${at.first}–${at.last}`;
}

export const MetadataBasis = z.enum(["stated", "inferred", "assigned", "unknown"]).meta({
  id: "MetadataBasis",
  description:
    "How a metadata field is known: `stated` in the document, `inferred` from what the text says (see the note), `assigned` by the atlas editors (e.g. a title for an untitled document), or `unknown`.",
});
export type MetadataBasis = z.infer<typeof MetadataBasis>;

export const MetadataNote = z
  .object({
    field: z.enum(["title", "publisher", "authors", "published", "genre", "extent"]).describe("The field explained."),
    text: Text.describe("The reasoning, in plain words."),
    evidence: z
      .array(Evidence)
      .describe("The words the reasoning rests on. May point into boilerplate (a cookie notice can name a publisher)."),
  })
  .meta({ id: "MetadataNote", description: "Why a metadata field has the value it has." });
export type MetadataNote = z.infer<typeof MetadataNote>;

export const Genre = z.enum(["news", "feature", "opinion", "analysis"]).meta({
  id: "Genre",
  description:
    "Kind of writing. In opinion and analysis pieces the author's own characterizations are recorded as claims of the author.",
});
export type Genre = z.infer<typeof Genre>;

export const Source = z
  .object({
    id: Id,
    file: Text.describe("The original file name in the corpus, kept byte for byte."),
    title: Text.describe("The document's title, or a descriptive title assigned by the editors (see titleBasis)."),
    titleBasis: z
      .enum(["stated", "assigned"])
      .describe("`stated`: the document's own headline; `assigned`: the document has none."),
    subtitle: Text.nullable().describe("The standfirst or dek under the headline, if any."),
    publisher: Text.nullable().describe("Who published it; null when unknown."),
    publisherBasis: MetadataBasis,
    authors: z.array(Text).describe("Named authors, in byline order. Empty when the document names none."),
    authorsBasis: MetadataBasis,
    published: Time.nullable().describe(
      "Publication date with its precision and basis; null when it cannot be inferred.",
    ),
    genre: Genre,
    dateline: Text.nullable().describe('The dateline place as printed, e.g. "BAGHDAD, IRAQ".'),
    language: z
      .string()
      .regex(/^[a-z]{2}$/)
      .describe("ISO 639-1 language code."),
    url: WebUrl.nullable().describe("Where the document was published, when known."),
    text: z.string().min(1).describe("The full text exactly as received; all offsets refer to it."),
    hash: z
      .string()
      .regex(/^sha256:[0-9a-f]{64}$/)
      .describe("sha256 of the UTF-8 text, as `sha256:<hex>`: identifies the exact content."),
    segments: z
      .array(Segment)
      .describe("Sorted, non-overlapping classification of the text into article and boilerplate."),
    pages: z
      .array(Page)
      .optional()
      .describe(
        "For a document extracted from pages (a PDF): where each page with text lies in the text, in page order, so every quote can be placed on its page. Absent for text, web pages and Word files.",
      ),
    notes: z.array(MetadataNote).describe("The reasoning behind inferred or unknown metadata."),
    reliability: SourceReliability.nullable()
      .optional()
      .describe("How reliable a reviewer judges the source (A–F); null or absent: not graded."),
    updatedAt: UpdatedAt,
  })
  .superRefine((s, ctx) => {
    let previousEnd = 0;
    s.segments.forEach((seg, i) => {
      if (seg.end > s.text.length || seg.start >= seg.end) {
        ctx.addIssue({
          code: "custom",
          path: ["segments", i],
          message: `source "${s.id}": segment ${seg.start}..${seg.end} is empty or runs past the text (${s.text.length} characters)`,
        });
      }
      if (seg.start < previousEnd) {
        ctx.addIssue({
          code: "custom",
          path: ["segments", i],
          message: `source "${s.id}": segment ${seg.start}..${seg.end} overlaps the previous one; segments must be sorted and disjoint`,
        });
      }
      if (seg.article !== isArticleRole(seg.role)) {
        ctx.addIssue({
          code: "custom",
          path: ["segments", i, "article"],
          message: `source "${s.id}": a "${seg.role}" segment has article=${seg.article}`,
        });
      }
      previousEnd = seg.end;
    });
    let pageEnd = 0;
    let pageNumber = 0;
    (s.pages ?? []).forEach((page, i) => {
      if (page.end > s.text.length || page.start >= page.end || page.start < pageEnd || page.number <= pageNumber) {
        ctx.addIssue({
          code: "custom",
          path: ["pages", i],
          message: `source "${s.id}": page ${page.number} (${page.start}..${page.end}) is empty, runs past the text (${s.text.length} characters), overlaps the page before or is out of order; pages must be sorted, disjoint and numbered upwards`,
        });
      }
      pageEnd = page.end;
      pageNumber = page.number;
    });
    const basisField = { publisher: s.publisher, authors: s.authors.length > 0 ? s.authors : null } as const;
    for (const [field, value] of Object.entries(basisField)) {
      const basis = field === "publisher" ? s.publisherBasis : s.authorsBasis;
      if ((value === null) !== (basis === "unknown")) {
        ctx.addIssue({
          code: "custom",
          path: [`${field}Basis`],
          message: `source "${s.id}": ${field} is ${value === null ? "empty" : "given"} but ${field}Basis is "${basis}"; use "unknown" exactly when the value is unknown`,
        });
      }
    }
  })
  .meta({
    id: "Source",
    title: "Source document",
    description:
      "A document in the corpus: its exact text, content hash, metadata with the basis for each inferred field, and the split between article and boilerplate.",
  });
export type Source = z.infer<typeof Source>;
