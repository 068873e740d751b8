/**
 * Reading the history: one record's changes, what changed since a time (the feed ACLED's
 * deletions list is the model for), and each record's last change for the export.
 */
import { and, asc, eq, gt, inArray, type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Db } from "../db/client.js";
import * as t from "../db/schema/index.js";
import { ReviewError } from "../ingest/errors.js";
import { rows as rowsOf } from "../queries/run.js";
import {
  type ChangeFeed,
  type HistoryEntry,
  type HistoryType,
  RECORD_TYPES,
  type RecordHistory,
  type RecordType,
} from "./model.js";
import { parseMentionId } from "./records.js";
import { lastChange } from "./write.js";

/** A timestamp column as an ISO string with milliseconds, as changes are stamped. */
export const iso = (column: SQL | AnyPgColumn) =>
  sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

const ENTRY = {
  seq: t.changes.seq,
  batch: t.changes.batch,
  at: iso(t.changes.at),
  reviewer: t.changes.reviewer,
  action: t.changes.action,
  recordType: t.changes.recordType,
  recordId: t.changes.recordId,
  version: t.changes.version,
  before: t.changes.before,
  after: t.changes.after,
  reason: t.changes.reason,
  mentions: t.changes.mentions,
};

type EntryRow = { [K in keyof typeof ENTRY]: unknown } & { mentions: unknown[] | null };

const entryOf = (r: EntryRow): HistoryEntry =>
  ({
    ...r,
    before: r.before ?? null,
    after: r.after ?? null,
    mentions: r.mentions?.length ?? 0,
  }) as HistoryEntry;

/** The atlas's revision: the number of the last change, 0 before any. */
const revisionOf = (db: Db) =>
  db
    .select({ n: sql<number>`coalesce(max(${t.changes.seq}), 0)::int` })
    .from(t.changes)
    .then(([row]) => row?.n ?? 0);

/** When each record last changed, and the atlas's revision: what the export stamps on records. */
export async function latestChanges(
  db: Db,
): Promise<{ revision: number; updatedAt(type: string, id: string): string | undefined }> {
  const [rows, revision, seeded] = await Promise.all([
    rowsOf(
      db,
      sql<{
        type: string;
        id: string;
        at: string;
      }>`select distinct on (${t.changes.recordType}, ${t.changes.recordId}) ${t.changes.recordType} as type, ${t.changes.recordId} as id, ${iso(t.changes.at)} as at
          from ${t.changes} order by ${t.changes.recordType}, ${t.changes.recordId}, ${t.changes.seq} desc`,
    ),
    revisionOf(db),
    db.select({ value: t.meta.value }).from(t.meta).where(eq(t.meta.key, "seeded_at")),
  ]);
  const at = new Map(rows.map((r) => [`${r.type}\u0000${r.id}`, r.at]));
  const loaded = seeded[0]?.value;
  return {
    revision,
    updatedAt: (type, id) => at.get(`${type}\u0000${id}`) ?? loaded,
  };
}

const TABLE_OF = {
  actor: t.actors,
  relation: t.relations,
  event: t.events,
  claim: t.claims,
  source: t.sources,
} as const;

export interface FoundRecord {
  type: HistoryType;
  id: string;
  /** In the atlas now (false: retired, or a merge or suggestion, which live only in the history). */
  exists: boolean;
}

/**
 * Which record an id names: a record in the atlas, or one that only the history knows (retired).
 * Ids are unique within a kind; when two kinds share one, `type` says which.
 */
export async function findRecord(db: Db, id: string, type?: HistoryType): Promise<FoundRecord> {
  const found: FoundRecord[] = [];
  const key = parseMentionId(id);
  if (key) {
    const [m] = await db
      .select({ start: t.mentions.start })
      .from(t.mentions)
      .where(and(eq(t.mentions.sourceId, key.sourceId), eq(t.mentions.start, key.start)));
    if (m) found.push({ type: "mention", id, exists: true });
  } else {
    for (const [kind, table] of Object.entries(TABLE_OF) as [
      keyof typeof TABLE_OF,
      (typeof TABLE_OF)[keyof typeof TABLE_OF],
    ][]) {
      const [row] = await db.select({ id: table.id }).from(table).where(eq(table.id, id));
      if (row) found.push({ type: kind, id, exists: true });
    }
    const [s] = await db.select({ id: t.suggestions.id }).from(t.suggestions).where(eq(t.suggestions.id, id));
    if (s) found.push({ type: "suggestion", id, exists: false });
  }
  // Retired records and merges are known only to the history.
  const logged = await db
    .selectDistinct({ type: t.changes.recordType })
    .from(t.changes)
    .where(eq(t.changes.recordId, id));
  for (const { type: kind } of logged) {
    if (!found.some((f) => f.type === kind)) found.push({ type: kind as HistoryType, id, exists: false });
  }
  const matching = type ? found.filter((f) => f.type === type) : found;
  if (matching.length === 0) {
    throw new ReviewError("not_found", `No ${type ?? "record"} with id "${id}" in the atlas or its history.`);
  }
  if (matching.length > 1) {
    throw new ReviewError(
      "invalid",
      `"${id}" is the id of ${matching.map((f) => `a ${f.type}`).join(" and ")}; say which (--type ${matching[0]?.type}).`,
    );
  }
  return matching[0] as FoundRecord;
}

export async function recordHistory(db: Db, id: string, type?: HistoryType): Promise<RecordHistory> {
  const record = await findRecord(db, id, type);
  const rows = (await db
    .select(ENTRY)
    .from(t.changes)
    .where(and(eq(t.changes.recordType, record.type), eq(t.changes.recordId, record.id)))
    .orderBy(asc(t.changes.seq))) as EntryRow[];
  const last = await lastChange(db, record.type, record.id);
  return {
    recordType: record.type,
    recordId: record.id,
    version: last?.version ?? 1,
    retired: (RECORD_TYPES as readonly string[]).includes(record.type) && !record.exists && Boolean(last?.retired),
    entries: rows.map(entryOf),
  };
}

/** Every entry of some batches (a merge's), oldest first. */
export async function batchEntries(db: Db, batches: string[]): Promise<HistoryEntry[]> {
  if (batches.length === 0) return [];
  const rows = (await db
    .select(ENTRY)
    .from(t.changes)
    .where(inArray(t.changes.batch, batches))
    .orderBy(asc(t.changes.seq))) as EntryRow[];
  return rows.map(entryOf);
}

/**
 * What changed after `since` (exclusive): records created and still there, changed, and retired,
 * with every entry. Ask again with `since` = the answer's `until` to follow the atlas.
 */
export async function changesSince(db: Db, since: string): Promise<ChangeFeed> {
  const at = new Date(since);
  if (Number.isNaN(at.getTime())) {
    throw new ReviewError("invalid", `since: "${since}" is not a timestamp; write it as 2026-12-06T10:00:00Z`);
  }
  const from = at.toISOString();
  const rows = (await db
    .select(ENTRY)
    .from(t.changes)
    .where(gt(t.changes.at, from))
    .orderBy(asc(t.changes.seq))) as EntryRow[];
  const entries = rows.map(entryOf);
  const revision = await revisionOf(db);
  const byRecord = new Map<string, HistoryEntry[]>();
  for (const e of entries) {
    if (!(RECORD_TYPES as readonly string[]).includes(e.recordType)) continue;
    const k = `${e.recordType}\u0000${e.recordId}`;
    byRecord.set(k, [...(byRecord.get(k) ?? []), e]);
  }
  const feed: ChangeFeed = {
    since: from,
    until: entries.at(-1)?.at ?? from,
    revision,
    created: [],
    changed: [],
    retired: [],
    entries,
  };
  for (const list of byRecord.values()) {
    const first = list[0] as HistoryEntry;
    const last = list.at(-1) as HistoryEntry;
    const item = { recordType: last.recordType, recordId: last.recordId, at: last.at, version: last.version };
    if (last.after === null) feed.retired.push(item);
    else if (first.before === null && first.action !== "restored") feed.created.push(item);
    else feed.changed.push(item);
  }
  return feed;
}

export type { RecordType };
