/**
 * Upkeep: documents stored before search passages existed, and ingests that never finished.
 *
 * Data that a migration cannot compute in SQL is filled in when the database is opened. Migration
 * 0010 marks a database whose documents predate search passages (`meta.passages_pending`); the
 * first open after it cuts every document into passages (text/passages.ts, as every writer
 * does), in one transaction, a few documents at a time so memory stays flat.
 */
import type { Segment } from "@atlas/schema";
import { and, asc, eq, gt, inArray, like, lt } from "drizzle-orm";
import { bumpDataVersion } from "../queries/cache.js";
import { passageRows } from "../text/passages.js";
import type { Db } from "./client.js";
import * as t from "./schema/index.js";

const PENDING = "passages_pending";
const BATCH = 20;
const ROWS_PER_INSERT = 500;

export async function backfillPassages(db: Db): Promise<number> {
  const pending = await db.select({ value: t.meta.value }).from(t.meta).where(eq(t.meta.key, PENDING));
  if (pending.length === 0) return 0;
  let done = 0;
  await db.transaction(async (tx) => {
    let after = "";
    for (;;) {
      const batch = await tx
        .select({ id: t.sources.id, title: t.sources.title, text: t.sources.text })
        .from(t.sources)
        .where(gt(t.sources.id, after))
        .orderBy(asc(t.sources.id))
        .limit(BATCH);
      if (batch.length === 0) break;
      const segments = await tx
        .select()
        .from(t.segments)
        .where(
          inArray(
            t.segments.sourceId,
            batch.map((s) => s.id),
          ),
        )
        .orderBy(asc(t.segments.sourceId), asc(t.segments.start));
      const rows = batch.flatMap((s) =>
        passageRows({ ...s, segments: segments.filter((g) => g.sourceId === s.id) as Segment[] }),
      );
      // Another process opening the same PostgreSQL database may be doing the same work.
      for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
        await tx
          .insert(t.sourcePassages)
          .values(rows.slice(i, i + ROWS_PER_INSERT))
          .onConflictDoNothing();
      }
      done += batch.length;
      after = batch.at(-1)?.id ?? after;
    }
    await tx.delete(t.meta).where(eq(t.meta.key, PENDING));
    await bumpDataVersion(db, tx);
  });
  return done;
}

/**
 * An ingest reserves its document's id (`meta` key `ingest:<id>`, valued with when) before it
 * writes the document's passages, segments and suggestions, which no read sees until the
 * document's own row is written, with the reservation's removal, in one transaction.
 */
export const RESERVED = "ingest:";
export const reservationKey = (id: string) => `${RESERVED}${id}`;

/** Removes what an unfinished ingest wrote under `id` (never a published document's rows), and its reservation. */
export async function abandonIngest(db: Db, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const published = await tx.select({ id: t.sources.id }).from(t.sources).where(eq(t.sources.id, id));
    if (published.length === 0) {
      await tx.delete(t.sourcePassages).where(eq(t.sourcePassages.sourceId, id));
      await tx.delete(t.segments).where(eq(t.segments.sourceId, id));
      await tx.delete(t.suggestions).where(eq(t.suggestions.sourceId, id));
    }
    await tx.delete(t.meta).where(eq(t.meta.key, reservationKey(id)));
  });
}

/** No ingest runs longer than this; a reservation older is left by a process that died. */
const ABANDONED_AFTER_MS = 60 * 60 * 1000;

/**
 * Cleans up after ingests that never finished (the process was killed). On PGlite, whose one
 * owner is opening it now, every reservation is abandoned; on PostgreSQL another server may be
 * ingesting, so only those older than any ingest takes.
 */
export async function removeAbandonedIngests(db: Db, { all }: { all: boolean }): Promise<number> {
  const before = new Date(Date.now() - ABANDONED_AFTER_MS).toISOString();
  const left = await db
    .select({ key: t.meta.key })
    .from(t.meta)
    .where(and(like(t.meta.key, `${RESERVED}%`), all ? undefined : lt(t.meta.value, before)));
  for (const { key } of left) await abandonIngest(db, key.slice(RESERVED.length));
  return left.length;
}
