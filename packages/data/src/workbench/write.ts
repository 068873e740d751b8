/**
 * The one way anything is written by a person: in one transaction, behind one lock (writes are
 * few and must be ordered: the seed replays them in this order), each record's new state
 * validated, written and logged — who, when, which record, before, after, why — with its version
 * raised. A change made against an old version is refused, naming the record and who changed it.
 */
import { randomUUID } from "node:crypto";
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../db/client.js";
import type { MentionChange } from "../db/schema/history.js";
import * as t from "../db/schema/index.js";
import { ReviewError } from "../ingest/errors.js";
import { type IngestRecord, type Target, targetsOf } from "../ingest/records.js";
import { bumpDataVersion } from "../queries/cache.js";
import { row } from "../queries/run.js";
import type { Action, HistoryType, RecordOf, RecordType, WriteResult } from "./model.js";
import { putRecord } from "./put.js";
import { readActors, readClaims, readEvents, readMentions, readRelations, readSourceStates } from "./records.js";
import { label, validateRecord } from "./validate.js";

/** Who is writing. */
export interface Reviewer {
  name: string;
  admin: boolean;
}

// Arbitrary constant: one writer at a time, on PGlite and PostgreSQL alike.
export const WRITE_LOCK = 7_261_804;
const CHUNK = 500;

/** A record's state now, in its schema shape, or null when it is not in the atlas. */
export async function readState<K extends RecordType>(db: Db, type: K, id: string): Promise<RecordOf[K] | null> {
  const one = async <T>(read: (db: Db, ids: string[]) => Promise<T[]>) => (await read(db, [id]))[0] ?? null;
  switch (type) {
    case "actor":
      return (await one(readActors)) as RecordOf[K] | null;
    case "relation":
      return (await one(readRelations)) as RecordOf[K] | null;
    case "event":
      return (await one(readEvents)) as RecordOf[K] | null;
    case "claim":
      return (await one(readClaims)) as RecordOf[K] | null;
    case "mention":
      return (await one(readMentions)) as RecordOf[K] | null;
    case "source":
      return (await one(readSourceStates)) as RecordOf[K] | null;
  }
  return null;
}

/** The states of many records, by `type:id` (absent: not in the atlas), read a kind at a time. */
export async function readStates(db: Db, targets: Target[]): Promise<Map<string, RecordOf[Target["type"]]>> {
  const out = new Map<string, RecordOf[Target["type"]]>();
  const readers = { actor: readActors, event: readEvents, relation: readRelations, claim: readClaims } as const;
  for (const [type, read] of Object.entries(readers) as [
    Target["type"],
    (db: Db, ids: string[]) => Promise<{ id: string }[]>,
  ][]) {
    const ids = targets.filter((x) => x.type === type).map((x) => x.id);
    for (let i = 0; i < ids.length; i += CHUNK) {
      for (const r of await read(db, ids.slice(i, i + CHUNK)))
        out.set(`${type}:${r.id}`, r as RecordOf[Target["type"]]);
    }
  }
  return out;
}

export interface LastChange {
  version: number;
  reviewer: string;
  at: string;
  /** The entry's `after` was null: the change retired the record. */
  retired: boolean;
}

/** The latest entry of a record's history, or null for a record never changed. */
export async function lastChange(db: Db, type: HistoryType, id: string): Promise<LastChange | null> {
  const [row] = await db
    .select({
      version: t.changes.version,
      reviewer: t.changes.reviewer,
      at: t.changes.at,
      retired: sql<boolean>`${t.changes.after} is null or ${t.changes.after} = 'null'::jsonb`,
    })
    .from(t.changes)
    .where(and(eq(t.changes.recordType, type), eq(t.changes.recordId, id)))
    .orderBy(desc(t.changes.seq))
    .limit(1);
  return row ?? null;
}

export interface ChangeOptions {
  action: Action;
  /** The version the change was made against; a later version refuses it. */
  expectVersion?: number | undefined;
  /** Mentions added, moved or removed with this change. */
  mentions?: { id: string; after: RecordOf["mention"] | null }[];
  /** The state before, when the caller already holds it. */
  before?: RecordOf[RecordType] | null;
}

export class Writer {
  readonly touched: { recordType: HistoryType; recordId: string; version: number }[] = [];

  constructor(
    readonly db: Db,
    readonly by: Reviewer,
    readonly at: string,
    readonly batch: string,
    readonly reason: string | null,
  ) {}

  /** The version a record is at now (1 for a record never changed, 0 for one that never existed). */
  async versionOf(type: HistoryType, id: string, exists: boolean): Promise<number> {
    const last = await lastChange(this.db, type, id);
    return last?.version ?? (exists ? 1 : 0);
  }

  /** Refuses a change made against another version than the record's current one. */
  async checkVersion(type: HistoryType, id: string, expected: number | undefined, exists: boolean): Promise<number> {
    const current = await this.versionOf(type, id, exists);
    if (expected !== undefined && expected !== current) {
      const last = await lastChange(this.db, type, id);
      throw new ReviewError(
        "conflict",
        `${label(type, id)} is at version ${current}${last ? `, changed by ${last.reviewer} at ${last.at}` : ""}; ` +
          `this change was made against version ${expected}. Reload the record and make the change again.`,
      );
    }
    return current;
  }

  /** Validates and writes a record's new state (null: retires it) and logs the change. */
  async change<K extends RecordType>(
    type: K,
    id: string,
    after: RecordOf[K] | null,
    options: ChangeOptions,
  ): Promise<{ version: number; after: RecordOf[K] | null }> {
    const before = options.before !== undefined ? options.before : await readState(this.db, type, id);
    const version = await this.checkVersion(type, id, options.expectVersion, before !== null);
    const checked = after === null ? null : await validateRecord(this.db, type, id, after);
    await putRecord(this.db, type, id, checked);
    const mentions: MentionChange[] = [];
    for (const m of options.mentions ?? []) {
      const prior = await readState(this.db, "mention", m.id);
      const next = m.after === null ? null : await validateRecord(this.db, "mention", m.id, m.after);
      await putRecord(this.db, "mention", m.id, next);
      mentions.push({ id: m.id, before: prior, after: next });
    }
    await this.log(type, id, version + 1, options.action, before, checked, mentions);
    return { version: version + 1, after: checked };
  }

  /** The latest versions of many records of one kind (those never changed are absent). */
  async versionsOf(type: HistoryType, ids: string[]): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    for (let i = 0; i < ids.length; i += CHUNK) {
      const rows = await this.db
        .select({ id: t.changes.recordId, version: sql<number>`max(${t.changes.version})::int` })
        .from(t.changes)
        .where(and(eq(t.changes.recordType, type), inArray(t.changes.recordId, ids.slice(i, i + CHUNK))))
        .groupBy(t.changes.recordId);
      for (const r of rows) out.set(r.id, r.version);
    }
    return out;
  }

  /** Logs many changes already written, in bulk (a document's mentions accepted at once). */
  async logAll(
    entries: {
      type: HistoryType;
      id: string;
      version: number;
      action: Action;
      before: unknown;
      after: unknown;
      mentions?: MentionChange[];
    }[],
  ) {
    for (let i = 0; i < entries.length; i += CHUNK) {
      await this.db.insert(t.changes).values(
        entries.slice(i, i + CHUNK).map((e) => ({
          batch: this.batch,
          at: this.at,
          reviewer: this.by.name,
          action: e.action,
          recordType: e.type,
          recordId: e.id,
          version: e.version,
          before: e.before ?? null,
          after: e.after ?? null,
          reason: this.reason,
          mentions: e.mentions?.length ? e.mentions : null,
        })),
      );
    }
    for (const e of entries) this.touched.push({ recordType: e.type, recordId: e.id, version: e.version });
  }

  /**
   * For records about to be written through the ingest ledger (accepted, imported): reads the
   * state of every record they write to now, and returns what logs each one's change once written.
   */
  async beforeWriting(records: IngestRecord[]): Promise<(action: Action) => Promise<void>> {
    const targets = [
      ...new Map(records.flatMap((r) => targetsOf(r).map((x) => [`${x.type}:${x.id}`, x] as const))).values(),
    ];
    const before = await readStates(this.db, targets);
    return async (action) => {
      const after = await readStates(this.db, targets);
      const entries = [];
      for (const type of new Set(targets.map((x) => x.type))) {
        const ids = targets.filter((x) => x.type === type).map((x) => x.id);
        const versions = await this.versionsOf(type, ids);
        for (const id of ids) {
          const prior = before.get(`${type}:${id}`) ?? null;
          const version = (versions.get(id) ?? (prior === null ? 0 : 1)) + 1;
          entries.push({ type, id, version, action, before: prior, after: after.get(`${type}:${id}`) ?? null });
        }
      }
      await this.logAll(entries);
    };
  }

  /** Logs a change already written (a suggestion accepted through the ingest ledger). */
  async log(
    type: HistoryType,
    id: string,
    version: number,
    action: Action,
    before: unknown,
    after: unknown,
    mentions: MentionChange[] = [],
  ) {
    await this.db.insert(t.changes).values({
      batch: this.batch,
      at: this.at,
      reviewer: this.by.name,
      action,
      recordType: type,
      recordId: id,
      version,
      before: before ?? null,
      after: after ?? null,
      reason: this.reason,
      mentions: mentions.length ? mentions : null,
    });
    this.touched.push({ recordType: type, recordId: id, version });
  }
}

/**
 * Runs `work` as one write: one transaction, the write lock held, the time of the change taken
 * after the lock (so history order is commit order), readers' caches cleared at the end.
 */
export async function write<T>(
  db: Db,
  by: Reviewer,
  reason: string | null | undefined,
  work: (w: Writer) => Promise<T>,
): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${WRITE_LOCK})`);
    const now = await row(
      tx,
      // Milliseconds, as ISO strings carry them, and strictly after the last change, so "what
      // changed since <the last change's time>" never returns it again and never misses one.
      sql<{ at: string }>`select to_char(greatest(date_trunc('milliseconds', clock_timestamp()),
            (select max(${t.changes.at}) + interval '1 millisecond' from ${t.changes})) at time zone 'UTC',
            'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as at`,
    );
    const w = new Writer(tx, by, now?.at ?? new Date().toISOString(), randomUUID(), reason?.trim() || null);
    const result = await work(w);
    await bumpDataVersion(db, tx);
    return result;
  });
}

/** What a write reports: its batch, its time, its reviewer and every record it changed. */
export const done = (w: Writer): WriteResult => ({ batch: w.batch, at: w.at, reviewer: w.by.name, records: w.touched });
