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
import { index, integer, jsonb, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import type { PendingItem } from "../../import/pending.js";
import type { RecordRef, SuggestionKind } from "../../ingest/types.js";
import { sources } from "./sources.js";

/**
 * Files brought in by `atlas import` (an atlas JSON dataset, a STIX bundle): one row each, so the
 * same file is never imported twice, and its records and suggestions can say where they came from.
 */
export const imports = pgTable("imports", {
  /** `import-<file name>`, readable and unique. */
  id: text().primaryKey(),
  format: text().$type<"json" | "stix">().notNull(),
  /** sha256 of the file's bytes as received. */
  originalHash: text().notNull().unique(),
  bytes: integer().notNull(),
  fileName: text(),
  importedAt: timestamp({ withTimezone: true, mode: "string" }).notNull().defaultNow(),
  /** What was read, matched, added and suggested (the ImportReport's counts). */
  report: jsonb().notNull(),
  warnings: jsonb().$type<string[]>().notNull(),
});

/**
 * What an import's records became in the atlas: the file's id of each record that something still
 * waiting refers to, and the atlas's id for it (the same, a new one, or the record it matched).
 * A null atlas id: the reviewer rejected it, and what needs it is not brought in.
 */
export const importIds = pgTable(
  "import_ids",
  {
    importId: text()
      .notNull()
      .references(() => imports.id, { onDelete: "cascade" }),
    /** actor, event, claim… */
    collection: text().notNull(),
    importedId: text().notNull(),
    atlasId: text(),
  },
  (t) => [primaryKey({ columns: [t.importId, t.collection, t.importedId] })],
);

/**
 * What an import holds back until the suggestions it depends on are decided: records that cannot
 * exist without an actor still in review (a relation's end, a claim's speaker), and links between
 * records whose other end is not in the atlas yet. Written, and deleted from here, as soon as all
 * they need is decided.
 */
export const importPending = pgTable(
  "import_pending",
  {
    seq: integer().primaryKey().generatedAlwaysAsIdentity(),
    importId: text()
      .notNull()
      .references(() => imports.id, { onDelete: "cascade" }),
    item: jsonb().$type<PendingItem>().notNull(),
    /** The records it needs, as `collection:importedId`. */
    needs: text().array().notNull(),
  },
  (t) => [index("import_pending_import_idx").on(t.importId), index("import_pending_needs_idx").using("gin", t.needs)],
);

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
    /** The import that proposed it; null for a suggestion found by ingest. */
    importId: text().references(() => imports.id, { onDelete: "cascade" }),
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
    /** The suggestion a reviewer accepted; null for a record an import brought in directly. */
    suggestionId: text().references(() => suggestions.id, { onDelete: "cascade" }),
    /** The import the record came from (directly, or through a suggestion it made); null for ingest. */
    importId: text().references(() => imports.id, { onDelete: "cascade" }),
    /** The document its evidence is in (the entry goes with it); null for a place only events cite. */
    sourceId: text().references(() => sources.id, { onDelete: "cascade" }),
    type: text().$type<RecordRef["type"]>().notNull(),
    /** The record's id in the curated tables (for a mention, `<sourceId>@<start>`). */
    recordId: text().notNull(),
    /** The record in @atlas/schema's shape, with its evidence. */
    record: jsonb().notNull(),
    acceptedAt: timestamp({ withTimezone: true, mode: "string" }).notNull().defaultNow(),
  },
  (t) => [
    index("ingest_records_suggestion_idx").on(t.suggestionId),
    index("ingest_records_source_idx").on(t.sourceId),
    index("ingest_records_import_idx").on(t.importId),
  ],
);
