/** Source documents and the spans (evidence) that anchor every fact in them. */
import type { Genre, MetadataNote, Page, SegmentRole, SourceReliability, Time } from "@atlas/schema";
import { boolean, date, index, integer, jsonb, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { concat, tsv, tsvector } from "./types.js";

export const sources = pgTable(
  "sources",
  {
    id: text().primaryKey(),
    file: text().notNull(),
    title: text().notNull(),
    titleBasis: text().notNull(),
    subtitle: text(),
    publisher: text(),
    publisherBasis: text().notNull(),
    authors: text().array().notNull(),
    authorsBasis: text().notNull(),
    published: jsonb().$type<Time>(),
    publishedEarliest: date({ mode: "string" }),
    publishedLatest: date({ mode: "string" }),
    genre: text().$type<Genre>().notNull(),
    dateline: text(),
    language: text().notNull(),
    url: text(),
    text: text().notNull(),
    hash: text().notNull().unique(),
    notes: jsonb().$type<MetadataNote[]>().notNull(),
    /** A paged original's pages (a PDF): where each lies in the text; null for text and web pages. */
    pages: jsonb().$type<Page[]>(),
    /** "corpus" for the curated documents; "ingest" for documents added later; "import" for those an import brought. */
    origin: text().notNull().default("corpus"),
    /** A reviewer's reliability grade (A–F); null: not graded. */
    reliability: jsonb().$type<SourceReliability>(),
  },
  (t) => [
    // Search ranks the most recently published matching documents: it sorts them by this index.
    index("sources_published_idx").on(t.publishedEarliest.desc().nullsLast(), t.id),
  ],
);

/**
 * What search reads of a document: its article text cut into passages of a few thousand
 * characters (text/passages.ts), each indexed with the document's title (weight A) and its own
 * text (weight B). One small vector per passage, whatever the document's size (PostgreSQL refuses
 * a vector over 1 MB), so a search ranks and highlights a few passages, never a whole book.
 */
export const sourcePassages = pgTable(
  "source_passages",
  {
    sourceId: text().notNull(),
    ord: integer().notNull(),
    title: text().notNull(),
    text: text().notNull(),
    search: tsvector().generatedAlwaysAs(concat(tsv("english", "title", "A"), tsv("english", "text", "B"))),
  },
  (t) => [
    primaryKey({ columns: [t.sourceId, t.ord] }),
    // Straight into the index (no pending list): no search pays for merging one, nor a writer for a sudden merge.
    index("source_passages_search_idx").using("gin", t.search).with({ fastupdate: false }),
    // Search takes every document's first passages before any document's later ones: it walks this index.
    index("source_passages_ord_idx").on(t.ord, t.sourceId),
  ],
);

/**
 * A document's parts by role. Like its passages, suggestions and mentions, written before the
 * document is published and without a foreign key (see ingest/ingest.ts); the document's row is
 * written last, so none of them shows until it does.
 */
export const segments = pgTable(
  "segments",
  {
    sourceId: text().notNull(),
    start: integer().notNull(),
    end: integer().notNull(),
    role: text().$type<SegmentRole>().notNull(),
    article: boolean().notNull(),
  },
  (t) => [primaryKey({ columns: [t.sourceId, t.start] })],
);

/** What a span is evidence for: the record collection it belongs to. */
export const SUBJECTS = ["actor", "size", "place", "relation", "event", "fatality", "claim", "attribution"] as const;
export type Subject = (typeof SUBJECTS)[number];

export const evidence = pgTable(
  "evidence",
  {
    subjectType: text().$type<Subject>().notNull(),
    /** The record's id; for a fatality report, `<eventId>#<index>`. */
    subjectId: text().notNull(),
    sourceId: text()
      .notNull()
      .references(() => sources.id, { onDelete: "cascade" }),
    start: integer().notNull(),
    end: integer().notNull(),
    quote: text().notNull(),
    prefix: text(),
    suffix: text(),
  },
  (t) => [
    primaryKey({ columns: [t.subjectType, t.subjectId, t.sourceId, t.start, t.end] }),
    index("evidence_source_idx").on(t.sourceId, t.start),
    index("evidence_subject_idx").on(t.subjectType, t.subjectId),
  ],
);
