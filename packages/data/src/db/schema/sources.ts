/** Source documents and the spans (evidence) that anchor every fact in them. */
import type { MetadataNote, Page, Time } from "@atlas/schema";
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
    genre: text().notNull(),
    dateline: text(),
    language: text().notNull(),
    url: text(),
    text: text().notNull(),
    hash: text().notNull().unique(),
    notes: jsonb().$type<MetadataNote[]>().notNull(),
    /** A paged original's pages (a PDF): where each lies in the text; null for text and web pages. */
    pages: jsonb().$type<Page[]>(),
    /** The article segments only, joined: what search indexes (no cookie notices). */
    articleText: text().notNull(),
    /** "corpus" for the curated documents; "ingest" for documents added later; "import" for those an import brought. */
    origin: text().notNull().default("corpus"),
    search: tsvector().generatedAlwaysAs(concat(tsv("english", "title", "A"), tsv("english", "article_text", "B"))),
  },
  (t) => [
    index("sources_search_idx").using("gin", t.search),
    // Search ranks the most recent matches first and stops early: it walks this index.
    index("sources_published_idx").on(t.publishedEarliest.desc().nullsLast(), t.id),
  ],
);

export const segments = pgTable(
  "segments",
  {
    sourceId: text()
      .notNull()
      .references(() => sources.id, { onDelete: "cascade" }),
    start: integer().notNull(),
    end: integer().notNull(),
    role: text().notNull(),
    article: boolean().notNull(),
  },
  (t) => [primaryKey({ columns: [t.sourceId, t.start] })],
);

/** What a span is evidence for: the record collection it belongs to. */
export const SUBJECTS = ["actor", "place", "relation", "event", "fatality", "claim", "attribution"] as const;
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
