/** Typed links between actors. */
import type { RelationType, Time } from "@atlas/schema";
import { boolean, date, index, jsonb, pgTable, text } from "drizzle-orm/pg-core";
import { actors } from "./actors.js";

export const relations = pgTable(
  "relations",
  {
    id: text().primaryKey(),
    fromId: text()
      .notNull()
      .references(() => actors.id, { onDelete: "cascade" }),
    type: text().$type<RelationType>().notNull(),
    toId: text()
      .notNull()
      .references(() => actors.id, { onDelete: "cascade" }),
    role: text(),
    time: jsonb().$type<Time>(),
    timeEarliest: date({ mode: "string" }),
    timeLatest: date({ mode: "string" }),
    former: boolean().notNull(),
    note: text(),
  },
  (t) => [
    index("relations_from_idx").on(t.fromId),
    index("relations_to_idx").on(t.toId),
    index("relations_type_idx").on(t.type),
  ],
);
