/** Actors, their names, where those names occur (mentions), and their sizes as reported. */

import type { ActorKind, AliasAttestation, AliasKind, Time } from "@atlas/schema";
import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { concat, tsv, tsvector } from "./types.js";

export const actors = pgTable(
  "actors",
  {
    id: text().primaryKey(),
    name: text().notNull(),
    /** Name folded like mention matching (case, diacritics, apostrophes): what fuzzy search compares. */
    nameFolded: text().notNull(),
    /** The name resolver's transliteration key and initials of the name (names/search-keys.ts): search across transliterations. */
    nameKey: text().notNull().default(""),
    initials: text().notNull().default(""),
    kind: text().$type<ActorKind>().notNull(),
    description: text().notNull(),
    /** All aliases, space-joined, so full-text search finds an actor by any of its names. */
    aliasesText: text().notNull(),
    search: tsvector().generatedAlwaysAs(
      concat(tsv("simple", "name", "A"), tsv("simple", "aliases_text", "A"), tsv("english", "description", "C")),
    ),
  },
  (t) => [
    index("actors_search_idx").using("gin", t.search),
    index("actors_name_trgm_idx").using("gin", sql`${t.nameFolded} gin_trgm_ops`),
    index("actors_kind_idx").on(t.kind),
  ],
);

export const aliases = pgTable(
  "aliases",
  {
    actorId: text()
      .notNull()
      .references(() => actors.id, { onDelete: "cascade" }),
    name: text().notNull(),
    nameFolded: text().notNull(),
    nameKey: text().notNull().default(""),
    initials: text().notNull().default(""),
    kind: text().$type<AliasKind>().notNull(),
    /** Sources this alias is matched in; empty for everywhere. */
    sourceIds: text().array().notNull(),
    /** Where a name attested outside the documents comes from; null for the documents' own names. */
    outside: jsonb().$type<AliasAttestation>(),
    /** The actor this name came from by a merge; null for its own names. */
    mergedFrom: text(),
  },
  (t) => [
    primaryKey({ columns: [t.actorId, t.name] }),
    index("aliases_name_trgm_idx").using("gin", sql`${t.nameFolded} gin_trgm_ops`),
  ],
);

/**
 * Mentions are derived data, rebuilt from the aliases by the seed, the bulk loader and ingest,
 * always in the same transaction as the sources and actors they point to. They carry no foreign
 * keys: at scale the per-row checks cost more than the rest of loading (millions of rows), and
 * the writers delete mentions before what they point to. A test checks nothing is ever orphaned.
 */
export const mentions = pgTable(
  "mentions",
  {
    sourceId: text().notNull(),
    start: integer().notNull(),
    end: integer().notNull(),
    quote: text().notNull(),
    actorId: text().notNull(),
    alias: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.sourceId, t.start] }), index("mentions_actor_idx").on(t.actorId, t.sourceId)],
);

/** A group's size as one source reports it; evidence rows use subject id `<actorId>#<ord>`. */
export const actorSizes = pgTable(
  "actor_sizes",
  {
    actorId: text()
      .notNull()
      .references(() => actors.id, { onDelete: "cascade" }),
    /** Position among the actor's reports. */
    ord: integer().notNull(),
    low: integer(),
    high: integer(),
    /** The document's words for the size. */
    expression: text().notNull(),
    time: jsonb().$type<Time>(),
    reportedById: text(),
  },
  (t) => [primaryKey({ columns: [t.actorId, t.ord] })],
);
