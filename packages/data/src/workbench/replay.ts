/**
 * After the seed rewrites the curated tables, every record a person changed is put back as its
 * latest history entry left it: created, corrected, graded, merged or retired. Each entry holds
 * the record's whole state, so only the latest per record matters. A state that no longer fits
 * the curated data (it names an actor the curators removed) is skipped and reported, and stays in
 * the history, so it comes back once it fits again.
 */
import { asc, inArray } from "drizzle-orm";
import type { Db } from "../db/client.js";
import type { MentionChange } from "../db/schema/history.js";
import * as t from "../db/schema/index.js";
import { ReviewError } from "../ingest/errors.js";
import { RECORD_TYPES, type RecordOf, type RecordType } from "./model.js";
import { putRecord } from "./put.js";
import { dependents, validateRecord } from "./validate.js";

export interface ReplayReport {
  /** Records written back (or removed again). */
  replayed: number;
  skipped: { recordType: RecordType; recordId: string; reason: string }[];
}

/** Parents before the records that name them; removals go the other way, after every put. */
const ORDER: RecordType[] = ["source", "actor", "event", "relation", "claim", "mention"];

export async function replayChanges(db: Db): Promise<ReplayReport> {
  const rows = await db
    .select({
      recordType: t.changes.recordType,
      recordId: t.changes.recordId,
      after: t.changes.after,
      mentions: t.changes.mentions,
    })
    .from(t.changes)
    .where(inArray(t.changes.recordType, [...RECORD_TYPES]))
    .orderBy(asc(t.changes.seq));
  const latest = new Map<string, { type: RecordType; id: string; state: unknown }>();
  const set = (type: RecordType, id: string, state: unknown) =>
    latest.set(`${type}\u0000${id}`, { type, id, state: state ?? null });
  for (const r of rows) {
    set(r.recordType as RecordType, r.recordId, r.after);
    for (const m of (r.mentions ?? []) as MentionChange[]) set("mention", m.id, m.after);
  }
  const report: ReplayReport = { replayed: 0, skipped: [] };
  const all = [...latest.values()];
  for (const type of ORDER) {
    // Records of one kind may name each other (an event answering another): retry until none moves.
    let pending = all.filter((x) => x.type === type && x.state !== null);
    for (;;) {
      const failed: { r: (typeof pending)[number]; reason: string }[] = [];
      for (const r of pending) {
        try {
          const state = await validateRecord(db, type, r.id, r.state);
          await putRecord(db, type, r.id, state as RecordOf[RecordType]);
          report.replayed++;
        } catch (e) {
          if (!(e instanceof ReviewError)) throw e;
          failed.push({ r, reason: e.message });
        }
      }
      if (failed.length === 0 || failed.length === pending.length) {
        for (const f of failed) report.skipped.push({ recordType: type, recordId: f.r.id, reason: f.reason });
        break;
      }
      pending = failed.map((f) => f.r);
    }
  }
  // Removals last, when what was changed to name something else (a merge) already does.
  for (const type of [...ORDER].reverse()) {
    for (const r of all.filter((x) => x.type === type && x.state === null)) {
      const deps = await dependents(db, type, r.id);
      if (deps.length) {
        report.skipped.push({
          recordType: type,
          recordId: r.id,
          reason: `retired, but the curated data names it again (${deps.slice(0, 3).join(", ")}); it stays until retired again`,
        });
        continue;
      }
      await putRecord(db, type, r.id, null);
      report.replayed++;
    }
  }
  return report;
}
