/**
 * Corrections to a record: its fields, list items and evidence edited, the record retired (out of
 * every view, kept in the history) and restored. Each is one write (write.ts): validated, all or
 * nothing, in the history.
 */
import { Actor, type Claim, type Evidence, type Mention, type Time } from "@atlas/schema";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../db/client.js";
import * as t from "../db/schema/index.js";
import { ReviewError } from "../ingest/errors.js";
import { foldName } from "../text/fold.js";
import { answerContradictions } from "./contradictions.js";
import { findRecord } from "./history.js";
import { asRecordType, live } from "./live.js";
import {
  applyFields,
  changedFields,
  fieldSpec,
  type HistoryType,
  type Patch,
  type RecordOf,
  type RecordType,
  timeFromInput,
  type WriteResult,
} from "./model.js";
import { mentionId, readMentionsOf } from "./records.js";
import { sameSpan, spanFor, withSpan } from "./spans.js";
import { documentTime } from "./time.js";
import { dependents, label } from "./validate.js";
import { done, type Reviewer, readState, type Writer, write } from "./write.js";

/** Times given as typed become Times: the reviewer's reading, or the record's own words' expression. */
async function typedTimes(w: Writer, type: RecordType, record: object, patch: Patch): Promise<Patch> {
  const set = { ...(patch.set ?? {}) };
  const evidence = (record as { evidence?: Evidence[] }).evidence ?? [];
  for (const [field, value] of Object.entries(set)) {
    const spec = fieldSpec(type, field);
    if (
      typeof spec === "string" ||
      (spec.kind !== "time" && spec.kind !== "optional-time") ||
      typeof value !== "string"
    ) {
      continue;
    }
    const typed = timeFromInput(value, w.by.name);
    if (typeof typed === "string") throw new ReviewError("invalid", `${field}: ${typed}`);
    let time: Time = typed;
    for (const span of evidence) {
      const [source] = await w.db
        .select({ text: t.sources.text, published: t.sources.published })
        .from(t.sources)
        .where(eq(t.sources.id, span.sourceId));
      const own = source ? documentTime(source.text, span, source.published, typed) : null;
      if (own) {
        time = own;
        break;
      }
    }
    set[field] = time;
  }
  return { ...patch, set };
}

export interface EditInput {
  id: string;
  type?: HistoryType | undefined;
  patch: Patch;
  /** The version the correction was made against (a form's); later versions refuse it. */
  version?: number | undefined;
}

/** Corrects a record: fields, list items, evidence added or removed. */
export async function editRecord(db: Db, by: Reviewer, input: EditInput, reason?: string | null): Promise<WriteResult> {
  return write(db, by, reason, async (w) => {
    const found = await findRecord(w.db, input.id, input.type);
    const type = asRecordType(found.type, input.id);
    if (type === "source")
      throw new ReviewError("invalid", `A source is changed only by its grade (atlas grade ${input.id} …).`);
    const before = await live(w.db, type, input.id);
    const fields = applyFields(type, before, await typedTimes(w, type, before, input.patch));
    if (typeof fields === "string") throw new ReviewError("invalid", `${label(type, input.id)}: ${fields}`);
    let after = fields as Record<string, unknown> & { evidence?: Evidence[]; attribution?: Evidence[] };
    for (const ref of input.patch.addEvidence ?? []) {
      if (!("evidence" in after))
        throw new ReviewError("invalid", `A ${type} has no evidence list; it is its own words.`);
      after = {
        ...after,
        evidence: withSpan(after.evidence as Evidence[], (await spanFor(w.db, ref, "addEvidence")).span),
      };
    }
    for (const ref of input.patch.addAttribution ?? []) {
      if (type !== "claim") throw new ReviewError("invalid", "addAttribution: only a claim has attribution words.");
      after = {
        ...after,
        attribution: withSpan(after.attribution as Evidence[], (await spanFor(w.db, ref, "addAttribution")).span),
      };
    }
    for (const ref of input.patch.removeEvidence ?? []) {
      const lists = (["evidence", "attribution"] as const).filter((f) => Array.isArray(after[f]));
      const field = lists.find((f) => (after[f] as Evidence[]).some((e) => sameSpan(e, ref)));
      if (!field) {
        throw new ReviewError(
          "invalid",
          `removeEvidence: ${label(type, input.id)} has no span ${ref.sourceId} ${ref.start}..${ref.end}.`,
        );
      }
      after = { ...after, [field]: (after[field] as Evidence[]).filter((e) => !sameSpan(e, ref)) };
    }
    if (changedFields(before, after).length === 0) {
      // A stale version is said first: the record may hold these values because someone else set them.
      await w.checkVersion(type, input.id, input.version, true);
      throw new ReviewError("invalid", `${label(type, input.id)} already holds what was given; nothing was changed.`);
    }
    const mentions: { id: string; after: Mention | null }[] = [];
    // An actor the correction would leave invalid is refused by w.change below, saying why.
    const edited = type === "actor" ? Actor.safeParse(after) : null;
    if ("aliases" in before && edited?.success) {
      // Mentions found by a name that is no longer the actor's go with the name.
      const dropped = before.aliases.filter((a) => !edited.data.aliases.some((b) => b.name === a.name));
      if (dropped.length) {
        const gone = new Set(dropped.map((a) => foldName(a.name)));
        const rows = await w.db.select().from(t.mentions).where(eq(t.mentions.actorId, input.id));
        for (const m of rows) if (gone.has(foldName(m.alias))) mentions.push({ id: mentionId(m), after: null });
      }
    }
    const written = await w.change(type, input.id, after as RecordOf[typeof type], {
      action: "edited",
      expectVersion: input.version,
      before,
      mentions,
    });
    if ("contradictsIds" in before && written.after && "contradictsIds" in written.after) {
      await answerContradictions(w, before, written.after);
    }
    return done(w);
  });
}

export interface RecordRef {
  id: string;
  type?: HistoryType | undefined;
  version?: number | undefined;
}

/** Takes a record out of every view and export; the history keeps it, and it can be restored. */
export async function retireRecord(db: Db, by: Reviewer, input: RecordRef, reason: string): Promise<WriteResult> {
  if (!reason?.trim()) throw new ReviewError("invalid", "reason: say why the record is retired.");
  return write(db, by, reason, async (w) => {
    const found = await findRecord(w.db, input.id, input.type);
    const type = asRecordType(found.type, input.id);
    if (type === "source")
      throw new ReviewError("invalid", `A source cannot be retired; the records resting on it can.`);
    const before = await live(w.db, type, input.id);
    const deps = await dependents(w.db, type, input.id);
    if (deps.length) {
      const more = deps.length > 4 ? ` and ${deps.length - 4} more` : "";
      throw new ReviewError(
        "conflict",
        `${label(type, input.id)} is still named by ${deps.slice(0, 4).join(", ")}${more}. Correct or retire those first${type === "actor" ? ", or merge this actor into the right one (atlas merge)" : ""}.`,
      );
    }
    const mentions =
      type === "actor" ? (await readMentionsOf(w.db, input.id)).map((m) => ({ id: mentionId(m), after: null })) : [];
    if (type === "claim") {
      // Links to it go with it: each claim that supported or contradicted it says so no more.
      const linking = await w.db
        .selectDistinct({ id: t.claimLinks.claimId })
        .from(t.claimLinks)
        .where(eq(t.claimLinks.otherId, input.id));
      for (const { id } of linking) {
        const claim = await readState(w.db, "claim", id);
        if (!claim) continue;
        await w.change(
          "claim",
          id,
          {
            ...claim,
            supportsIds: claim.supportsIds.filter((x) => x !== input.id),
            contradictsIds: claim.contradictsIds.filter((x) => x !== input.id),
          },
          { action: "edited", before: claim },
        );
      }
    }
    await w.change(type, input.id, null, { action: "retired", expectVersion: input.version, before, mentions });
    return done(w);
  });
}

/** Brings a retired record back as it was when retired (with its mentions and its contradictions). */
export async function restoreRecord(
  db: Db,
  by: Reviewer,
  input: RecordRef,
  reason?: string | null,
): Promise<WriteResult> {
  return write(db, by, reason, async (w) => {
    const found = await findRecord(w.db, input.id, input.type);
    const type = asRecordType(found.type, input.id);
    const [retired] = await w.db
      .select({ before: t.changes.before, mentions: t.changes.mentions, after: t.changes.after })
      .from(t.changes)
      .where(and(eq(t.changes.recordType, type), eq(t.changes.recordId, input.id)))
      .orderBy(sql`${t.changes.seq} desc`)
      .limit(1);
    if (found.exists || !retired || retired.after !== null) {
      throw new ReviewError("conflict", `${label(type, input.id)} is not retired; there is nothing to restore.`);
    }
    const state = retired.before as RecordOf[typeof type];
    const mentions: { id: string; after: Mention | null }[] = [];
    for (const m of retired.mentions ?? []) {
      const taken = await readState(w.db, "mention", m.id);
      if (!taken && m.before) mentions.push({ id: m.id, after: m.before as Mention });
    }
    await w.change(type, input.id, state, { action: "restored", expectVersion: input.version, before: null, mentions });
    if (type === "claim") await answerContradictions(w, null, state as Claim);
    return done(w);
  });
}
