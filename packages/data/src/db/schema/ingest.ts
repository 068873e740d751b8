/**
 * Ingest: documents added after the curated corpus, the suggestions found in them (kept apart
 * from curated facts until a reviewer accepts them), and the ledger of accepted records.
 *
 * An ingested document is a `sources` row with origin "ingest" (the seed keeps those). An
 * accepted suggestion is written twice: into the ledger (`ingest_records`, which the seed never
 * touches) and into the curated tables (actors, mentions, claims, evidence…) so every view shows
 * it. The seed rewrites the curated tables and then re-applies the ledger, so a re-seed loses
 * nothing a reviewer accepted.
 */
import { index, integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import type { RecordRef, SuggestionKind } from "../../ingest/types.js";
import { sources } from "./sources.js";

/** How each ingested document arrived: the original bytes' hash, its format and what was noticed. */
export const ingestDocuments = pgTable("ingest_documents", {
  sourceId: text()
    .primaryKey()
    .references(() => sources.id, { onDelete: "cascade" }),
  format: text().$type<"text" | "html" | "pdf" | "docx">().notNull(),
  /** sha256 of the bytes as received (the source's own hash is of the cleaned text). */
  originalHash: text().notNull().unique(),
  bytes: integer().notNull(),
  fileName: text(),
  ingestedAt: timestamp({ withTimezone: true, mode: "string" }).notNull().defaultNow(),
  /** Things the analyst should know (relative dates left unresolved, replacement characters…). */
  warnings: jsonb().$type<string[]>().notNull(),
});

export const suggestions = pgTable(
  "suggestions",
  {
    /** `<sourceId>.<kind>-<n>`: stable and readable. */
    id: text().primaryKey(),
    /** No foreign key: written before their document is published (see ingest/ingest.ts). */
    sourceId: text().notNull(),
    /** Position in the document's list (text order within each kind). */
    ord: integer().notNull(),
    kind: text().$type<SuggestionKind>().notNull(),
    status: text().$type<"suggested" | "accepted" | "rejected">().notNull().default("suggested"),
    start: integer().notNull(),
    end: integer().notNull(),
    quote: text().notNull(),
    label: text().notNull(),
    /** What the pipeline proposes; shape per kind in ingest/types.ts. */
    proposal: jsonb().notNull(),
    /** The reviewer's changes to the proposal, applied on accept. */
    edit: jsonb(),
    reviewedAt: timestamp({ withTimezone: true, mode: "string" }),
    reviewNote: text(),
  },
  (t) => [
    index("suggestions_source_idx").on(t.sourceId, t.kind, t.ord),
    index("suggestions_status_idx").on(t.sourceId, t.status),
  ],
);

/** The ledger of accepted records, in acceptance order; re-applied after every seed. */
export const ingestRecords = pgTable(
  "ingest_records",
  {
    seq: integer().primaryKey().generatedAlwaysAsIdentity(),
    suggestionId: text()
      .notNull()
      .references(() => suggestions.id, { onDelete: "cascade" }),
    sourceId: text()
      .notNull()
      .references(() => sources.id, { onDelete: "cascade" }),
    type: text().$type<RecordRef["type"]>().notNull(),
    /** The record's id in the curated tables (for a mention, `<sourceId>@<start>`). */
    recordId: text().notNull(),
    /** The record in @atlas/schema's shape, with its evidence. */
    record: jsonb().notNull(),
    acceptedAt: timestamp({ withTimezone: true, mode: "string" }).notNull().defaultNow(),
  },
  (t) => [index("ingest_records_suggestion_idx").on(t.suggestionId), index("ingest_records_source_idx").on(t.sourceId)],
);
