/** Facts about the database itself: which dataset it holds. */
import { pgTable, text } from "drizzle-orm/pg-core";

export const meta = pgTable("meta", {
  key: text().primaryKey(),
  value: text().notNull(),
});
