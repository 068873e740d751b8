/** Events with their participants, fatality reports and the events they answer. */
import type { EventKind, ParticipantRole, Time } from "@atlas/schema";
import { date, index, integer, jsonb, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { actors } from "./actors.js";
import { places } from "./places.js";
import { concat, tsv, tsvector } from "./types.js";

export const events = pgTable(
  "events",
  {
    id: text().primaryKey(),
    kind: text().$type<EventKind>().notNull(),
    title: text().notNull(),
    summary: text().notNull(),
    time: jsonb().$type<Time>().notNull(),
    timeEdtf: text().notNull(),
    timePrecision: text().notNull(),
    /** First and last day the time covers; null for an open end. Sorting uses earliest. */
    timeEarliest: date({ mode: "string" }),
    timeLatest: date({ mode: "string" }),
    placeId: text().references(() => places.id),
    placeNote: text(),
    partOfId: text(),
    /** The event's quotes from every source, joined: searched after the title and the summary. */
    quotesText: text().notNull().default(""),
    search: tsvector().generatedAlwaysAs(
      concat(tsv("english", "title", "A"), tsv("english", "summary", "B"), tsv("english", "quotes_text", "C")),
    ),
  },
  (t) => [
    index("events_search_idx").using("gin", t.search),
    index("events_time_idx").on(t.timeEarliest, t.id),
    index("events_kind_idx").on(t.kind),
    index("events_place_idx").on(t.placeId),
  ],
);

export const participants = pgTable(
  "participants",
  {
    eventId: text()
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    actorId: text()
      .notNull()
      .references(() => actors.id, { onDelete: "cascade" }),
    role: text().$type<ParticipantRole>().notNull(),
    note: text(),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.actorId, t.role] }), index("participants_actor_idx").on(t.actorId)],
);

export const fatalities = pgTable(
  "fatalities",
  {
    eventId: text()
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    /** Position among the event's reports; evidence rows use subject id `<eventId>#<ord>`. */
    ord: integer().notNull(),
    low: integer(),
    high: integer(),
    who: text().notNull(),
    /** The document's words for a count given in words ("dozens"); null for figures. */
    expression: text(),
    reportedById: text(),
    claimId: text(),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.ord] })],
);

export const eventResponses = pgTable(
  "event_responses",
  {
    eventId: text()
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    responseToId: text()
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.responseToId] })],
);
