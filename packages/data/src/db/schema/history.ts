/**
 * Who may write, and every change they made. `reviewers` holds each analyst's token, hashed;
 * a revoked reviewer keeps their row so the history still names them. `changes` is the history
 * (who, when, which record, before, after, why) and also what the seed replays: each entry's
 * `after` is the record's whole state after the change (null: retired), so re-seeding ends with
 * every record as its latest entry left it. The seed never touches these tables.
 */
import { boolean, index, integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

export const reviewers = pgTable("reviewers", {
  name: text().primaryKey(),
  /** sha256 of the token, hex; the token itself is shown once and never stored. */
  tokenHash: text().notNull().unique(),
  admin: boolean().notNull().default(false),
  createdAt: timestamp({ withTimezone: true, mode: "string" }).notNull().defaultNow(),
  /** The admin who added this reviewer; null for the first admin. */
  createdBy: text(),
  revokedAt: timestamp({ withTimezone: true, mode: "string" }),
  revokedBy: text(),
});

/** A mention's state before and after a change that moved, added or removed it. */
export interface MentionChange {
  id: string;
  before: unknown;
  after: unknown;
}

export const changes = pgTable(
  "changes",
  {
    seq: integer().primaryKey().generatedAlwaysAsIdentity(),
    /** Entries written by one write share it: a merge changes several records at once. */
    batch: text().notNull(),
    at: timestamp({ withTimezone: true, mode: "string" }).notNull(),
    reviewer: text().notNull(),
    /** created, edited, retired, restored, merged, unmerged, split, graded, accepted, rejected. */
    action: text().notNull(),
    /** actor, relation, event, claim, mention, source, merge or suggestion. */
    recordType: text().notNull(),
    recordId: text().notNull(),
    /** The record's version after this change; a record never changed is at version 1. */
    version: integer().notNull(),
    before: jsonb(),
    after: jsonb(),
    reason: text(),
    /** Mentions the change added, moved or removed with it (a merge moves an actor's mentions). */
    mentions: jsonb().$type<MentionChange[]>(),
  },
  (t) => [
    index("changes_record_idx").on(t.recordType, t.recordId, t.seq),
    index("changes_at_idx").on(t.at),
    index("changes_batch_idx").on(t.batch),
  ],
);
