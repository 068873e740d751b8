/** Claims: who said what, about whom, and which claims agree or disagree. */
import type { Claim, ClaimCredibility, Stance, Time } from "@atlas/schema";
import { date, index, jsonb, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { actors } from "./actors.js";
import { events } from "./events.js";
import { concat, tsv, tsvector } from "./types.js";

export const claims = pgTable(
  "claims",
  {
    id: text().primaryKey(),
    claimantId: text()
      .notNull()
      .references(() => actors.id, { onDelete: "cascade" }),
    onBehalfOfId: text(),
    viaId: text(),
    stance: text().$type<Stance>().notNull(),
    statement: text().notNull(),
    mode: text().$type<Claim["mode"]>().notNull(),
    said: jsonb().$type<Time>(),
    saidEarliest: date({ mode: "string" }),
    saidLatest: date({ mode: "string" }),
    setting: text(),
    note: text(),
    /** A reviewer's credibility grade (1–6); null: not graded. */
    credibility: jsonb().$type<ClaimCredibility>(),
    /** The claimant's words, joined: searched along with the statement. */
    quotesText: text().notNull(),
    search: tsvector().generatedAlwaysAs(concat(tsv("english", "statement", "A"), tsv("english", "quotes_text", "B"))),
  },
  (t) => [
    index("claims_search_idx").using("gin", t.search),
    index("claims_claimant_idx").on(t.claimantId),
    index("claims_stance_idx").on(t.stance),
  ],
);

export const claimActors = pgTable(
  "claim_actors",
  {
    claimId: text()
      .notNull()
      .references(() => claims.id, { onDelete: "cascade" }),
    actorId: text()
      .notNull()
      .references(() => actors.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.claimId, t.actorId] }), index("claim_actors_actor_idx").on(t.actorId)],
);

export const claimEvents = pgTable(
  "claim_events",
  {
    claimId: text()
      .notNull()
      .references(() => claims.id, { onDelete: "cascade" }),
    eventId: text()
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.claimId, t.eventId] }), index("claim_events_event_idx").on(t.eventId)],
);

/** supports (directed) and contradicts (stored both ways). */
export const claimLinks = pgTable(
  "claim_links",
  {
    claimId: text()
      .notNull()
      .references(() => claims.id, { onDelete: "cascade" }),
    type: text().$type<"supports" | "contradicts">().notNull(),
    otherId: text()
      .notNull()
      .references(() => claims.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.claimId, t.type, t.otherId] }), index("claim_links_other_idx").on(t.otherId)],
);
