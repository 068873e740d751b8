/** Places, with coordinates that always name their gazetteer. */
import { boolean, doublePrecision, pgTable, text } from "drizzle-orm/pg-core";

export const places = pgTable("places", {
  id: text().primaryKey(),
  name: text().notNull(),
  kind: text().notNull(),
  aliases: text().array().notNull(),
  withinId: text(),
  lat: doublePrecision(),
  lon: doublePrecision(),
  coordinatesSource: text(),
  coordinatesApproximate: boolean(),
});
