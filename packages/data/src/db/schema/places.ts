/** Places, with coordinates that always name their gazetteer. */
import type { PlaceKind } from "@atlas/schema";
import { boolean, doublePrecision, pgTable, text } from "drizzle-orm/pg-core";

export const places = pgTable("places", {
  id: text().primaryKey(),
  name: text().notNull(),
  kind: text().$type<PlaceKind>().notNull(),
  aliases: text().array().notNull(),
  withinId: text(),
  lat: doublePrecision(),
  lon: doublePrecision(),
  coordinatesSource: text(),
  coordinatesApproximate: boolean(),
});
