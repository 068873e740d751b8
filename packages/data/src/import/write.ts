/**
 * Writes an import's plan, inside the caller's transaction: the import itself, the new documents,
 * the records that go straight in (into the ledger, so every seed writes them back, and into
 * the tables the product reads), the suggestions for review, and what waits for them.
 */
import { asc, inArray, max } from "drizzle-orm";
import type { Db } from "../db/client.js";
import * as t from "../db/schema/index.js";
import { applyRecords, keepInLedger, sourceOfRecord } from "../ingest/records.js";
import { sourceRow } from "../seed/rows.js";
import type { Writer } from "../workbench/write.js";
import { noteIds } from "./pending.js";
import type { ImportPlan } from "./plan.js";
import type { ImportFormat, ImportReport } from "./types.js";

const CHUNK = 500;

export interface ImportMeta {
  importId: string;
  format: ImportFormat;
  fileName: string | null;
  bytes: number;
  hash: string;
}

async function insertChunks<R>(rows: R[], insert: (chunk: R[]) => Promise<unknown>, progress: (n: number) => void) {
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    await insert(chunk);
    progress(chunk.length);
  }
}

export async function writePlan(
  db: Db,
  meta: ImportMeta,
  plan: ImportPlan,
  progress: (done: number, total: number) => void,
  /** The person importing: what goes straight in is logged under their name. */
  w: Writer | null,
): Promise<Pick<ImportReport, "review">> {
  const segments = plan.sources.flatMap((s) => s.segments.map((seg) => ({ sourceId: s.id, ...seg })));
  const total =
    plan.sources.length + segments.length + plan.records.length * 2 + plan.suggestions.length + plan.pending.length + 1;
  let done = 0;
  const step = (n: number) => {
    done += n;
    progress(done, total);
  };
  await db.insert(t.imports).values({
    id: meta.importId,
    format: meta.format,
    originalHash: meta.hash,
    bytes: meta.bytes,
    fileName: meta.fileName,
    report: {},
    warnings: plan.warnings,
  });
  step(1);
  await insertChunks(
    plan.sources.map((s) => sourceRow(s, "import")),
    (c) => db.insert(t.sources).values(c),
    step,
  );
  await insertChunks(segments, (c) => db.insert(t.segments).values(c), step);
  const logged = await w?.beforeWriting(plan.records);
  await applyRecords(db, plan.records);
  await logged?.("imported");
  step(plan.records.length);
  await keepInLedger(
    db,
    plan.records.map((record) => ({ record, sourceId: sourceOfRecord(record), importId: meta.importId })),
  );
  step(plan.records.length);

  // Each document's suggestions follow the ones it has (its list is ordered by position).
  const sourceIds = [...new Set(plan.suggestions.map((s) => s.sourceId))];
  const last = new Map<string, number>();
  if (sourceIds.length > 0) {
    const rows = await db
      .select({ sourceId: t.suggestions.sourceId, ord: max(t.suggestions.ord) })
      .from(t.suggestions)
      .where(inArray(t.suggestions.sourceId, sourceIds))
      .groupBy(t.suggestions.sourceId);
    for (const r of rows) last.set(r.sourceId, r.ord ?? -1);
  }
  await insertChunks(
    plan.suggestions.map((s) => {
      const ord = (last.get(s.sourceId) ?? -1) + 1;
      last.set(s.sourceId, ord);
      return { ...s, ord, importId: meta.importId };
    }),
    (c) => db.insert(t.suggestions).values(c),
    step,
  );
  await insertChunks(
    plan.pending.map(({ item, needs }) => ({ importId: meta.importId, item, needs })),
    (c) => db.insert(t.importPending).values(c),
    step,
  );
  await noteIds(
    db,
    meta.importId,
    [...plan.ids].map(([key, atlasId]) => ({ key, atlasId })),
  );

  const titles = new Map(
    sourceIds.length
      ? (
          await db
            .select({ id: t.sources.id, title: t.sources.title })
            .from(t.sources)
            .where(inArray(t.sources.id, sourceIds))
            .orderBy(asc(t.sources.id))
        ).map((s) => [s.id, s.title])
      : [],
  );
  return {
    review: sourceIds.map((sourceId) => ({
      sourceId,
      title: titles.get(sourceId) ?? sourceId,
      suggestions: plan.suggestions.filter((s) => s.sourceId === sourceId).length,
    })),
  };
}
