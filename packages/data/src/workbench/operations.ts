/**
 * What an analyst does to records: make one from words they select, correct one, retire and
 * restore it, merge two actors (and undo it), split a name off into an actor of its own, grade a
 * source or a claim. Each is one write (write.ts): validated, all or nothing, in the history.
 */
import {
  Actor,
  type Alias,
  type AliasKind,
  type Claim,
  type Event,
  type Evidence,
  type Mention,
  type Relation,
  type Segment,
  Time,
} from "@atlas/schema";
import { and, eq, or, sql } from "drizzle-orm";
import { resolveQuote } from "../annotations/quotes.js";
import type { Db } from "../db/client.js";
import type { MentionChange } from "../db/schema/history.js";
import * as t from "../db/schema/index.js";
import { actorIdFor, actorsNamed, claimIdFor, eventIdFor, relationIdFor } from "../ingest/checks.js";
import { ReviewError } from "../ingest/errors.js";
import { mentionsOf, type SourceText } from "../ingest/review/index.js";
import { rows } from "../queries/run.js";
import { foldName } from "../text/fold.js";
import { batchEntries, findRecord } from "./history.js";
import {
  type AddRecordInput,
  applyFields,
  changedFields,
  fieldSpec,
  type HistoryType,
  type Patch,
  type QuoteRef,
  type RecordOf,
  type RecordType,
  timeFromInput,
  type WriteResult,
} from "./model.js";
import { mentionId, readMentions } from "./records.js";
import { documentTime } from "./time.js";
import { dependents, label } from "./validate.js";
import { lastChange, type Reviewer, readState, type Writer, write } from "./write.js";

const done = (w: Writer): WriteResult => ({ batch: w.batch, at: w.at, reviewer: w.by.name, records: w.touched });

// ---- words of a document ------------------------------------------------------------------------

async function sourceText(db: Db, sourceId: string): Promise<SourceText> {
  const [source] = await db
    .select({ id: t.sources.id, text: t.sources.text })
    .from(t.sources)
    .where(eq(t.sources.id, sourceId));
  if (!source) throw new ReviewError("not_found", `source: no document with id "${sourceId}".`);
  const segments = (await db
    .select({ start: t.segments.start, end: t.segments.end, role: t.segments.role, article: t.segments.article })
    .from(t.segments)
    .where(eq(t.segments.sourceId, sourceId))) as Segment[];
  return { ...source, segments };
}

/** The span of the quoted words in the document, or a refusal naming the words and the document. */
export async function spanFor(db: Db, ref: QuoteRef, field = "quote"): Promise<{ span: Evidence; source: SourceText }> {
  const source = await sourceText(db, ref.sourceId);
  const r = resolveQuote(source, { quote: ref.quote, occurrence: ref.occurrence });
  if (!r.ok) {
    throw new ReviewError(
      "invalid",
      `${field}: ${r.error.replace(/add occurrence: (\d+\.\.\d+)/, "give the occurrence ($1)")}`,
    );
  }
  return { span: r.span, source };
}

const sameSpan = (a: Pick<Evidence, "sourceId" | "start" | "end">, b: Pick<Evidence, "sourceId" | "start" | "end">) =>
  a.sourceId === b.sourceId && a.start === b.start && a.end === b.end;

const withSpan = (list: Evidence[], span: Evidence) =>
  list.some((e) => sameSpan(e, span))
    ? list
    : [...list, span].sort((a, b) => a.sourceId.localeCompare(b.sourceId) || a.start - b.start);

/** A typed time or a time as typed; a date the selected words state is taken with their expression. */
type TimeInput = Time | string;

function timeOf(
  input: TimeInput,
  by: string,
  words: { text: string; span: Evidence; published: Time | null },
  field: string,
): Time {
  if (typeof input !== "string") {
    const parsed = Time.safeParse(input);
    if (!parsed.success)
      throw new ReviewError("invalid", `${field}: ${parsed.error.issues.map((i) => i.message).join("; ")}`);
    return parsed.data;
  }
  const typed = timeFromInput(input, by);
  if (typeof typed === "string") throw new ReviewError("invalid", `${field}: ${typed}`);
  return documentTime(words.text, words.span, words.published, typed) ?? typed;
}

async function publishedOf(db: Db, sourceId: string): Promise<Time | null> {
  const [row] = await db.select({ published: t.sources.published }).from(t.sources).where(eq(t.sources.id, sourceId));
  return row?.published ?? null;
}

/** An actor named this already (its name or a name it has everywhere), if any. */
async function actorNamed(db: Db, name: string): Promise<string | null> {
  const [found] = await actorsNamed(db, [foldName(name)], 1);
  return found?.id ?? null;
}

// ---- making records by hand ------------------------------------------------------------------

export type AddInput = AddRecordInput;

/** Mentions of the names in the document, as the review of a candidate actor finds them. */
async function newMentions(db: Db, source: SourceText, actorId: string, names: string[]) {
  const found = await mentionsOf(
    db,
    source,
    actorId,
    names.map((name) => ({ name, alias: name })),
  );
  return found.map((m) => ({ id: mentionId(m), after: m }));
}

/** The words a record is made from: their span, their document, and what dates them. */
interface Quoted {
  span: Evidence;
  source: SourceText;
  words: { text: string; span: Evidence; published: Awaited<ReturnType<typeof publishedOf>> };
}

/** A new actor named by the words (or the name given). */
async function addActor(w: Writer, input: Extract<AddInput, { kind: "actor" }>, at: Quoted): Promise<void> {
  const { span, source } = at;
  const name = (input.name ?? span.quote).trim();
  const clash = await actorNamed(w.db, name);
  if (clash) {
    throw new ReviewError(
      "conflict",
      `An actor named "${name}" exists already ("${clash}"); add these words to it with atlas add alias, or choose another name.`,
    );
  }
  const id = await actorIdFor(w.db, input.id, name, "choose another id");
  const actor: Actor = {
    id,
    name,
    kind: input.actorKind,
    aliases: [],
    description: input.description,
    evidence: [span],
  };
  await w.change("actor", id, actor, {
    action: "created",
    mentions: await newMentions(w.db, source, id, [name]),
  });
}

/** Another name of an actor, from the words (or the name given), with the words as evidence. */
async function addAlias(w: Writer, input: Extract<AddInput, { kind: "alias" }>, at: Quoted): Promise<void> {
  const { span, source } = at;
  const actor = await readState(w.db, "actor", input.actorId);
  if (!actor) throw new ReviewError("not_found", `actorId: no actor with id "${input.actorId}".`);
  const name = (input.name ?? span.quote).trim();
  const known = [actor.name, ...actor.aliases.map((a) => a.name)].some((n) => n.toLowerCase() === name.toLowerCase());
  if (known) throw new ReviewError("conflict", `"${name}" is already a name of ${actor.id}.`);
  const other = await actorNamed(w.db, name);
  if (other)
    throw new ReviewError("conflict", `"${name}" is already a name of ${other}; merge the two actors instead.`);
  const alias: Alias = {
    name,
    kind: input.aliasKind ?? "spelling",
    sourceIds: input.documentOnly ? [source.id] : [],
  };
  const next = { ...actor, aliases: [...actor.aliases, alias], evidence: withSpan(actor.evidence, span) };
  await w.change("actor", actor.id, next, {
    action: "edited",
    before: actor,
    mentions: await newMentions(w.db, source, actor.id, [name]),
  });
}

/** The words as a mention of an actor: not where another mention lies. */
async function addMention(w: Writer, input: Extract<AddInput, { kind: "mention" }>, at: Quoted): Promise<void> {
  const { span, source } = at;
  const [actor] = await w.db.select({ name: t.actors.name }).from(t.actors).where(eq(t.actors.id, input.actorId));
  if (!actor) throw new ReviewError("invalid", `actorId: no actor with id "${input.actorId}".`);
  const overlapping = await w.db
    .select()
    .from(t.mentions)
    .where(
      and(
        eq(t.mentions.sourceId, source.id),
        sql`${t.mentions.start} < ${span.end} and ${t.mentions.end} > ${span.start}`,
      ),
    );
  if (overlapping[0]) {
    const m = overlapping[0];
    throw new ReviewError(
      "conflict",
      `These words are already the mention ${mentionId(m)} of ${m.actorId} ("${m.quote}"); correct it with atlas edit ${mentionId(m)} --set actorId=….`,
    );
  }
  const mention: Mention = {
    sourceId: source.id,
    start: span.start,
    end: span.end,
    quote: span.quote,
    actorId: input.actorId,
    alias: span.quote,
  };
  await w.change("mention", mentionId(mention), mention, { action: "created" });
}

/** A new relation with the words as evidence, or the words added to one. */
async function addRelation(w: Writer, input: Extract<AddInput, { kind: "relation" }>, at: Quoted): Promise<void> {
  const { span, words } = at;
  if (input.relationId) {
    const relation = await readState(w.db, "relation", input.relationId);
    if (!relation) throw new ReviewError("not_found", `relationId: no relation with id "${input.relationId}".`);
    await w.change(
      "relation",
      relation.id,
      { ...relation, evidence: withSpan(relation.evidence, span) },
      { action: "edited", before: relation },
    );
    return;
  }
  if (!input.fromId || !input.type || !input.toId) {
    throw new ReviewError(
      "invalid",
      "A new relation needs fromId, type and toId (or relationId to add these words to one).",
    );
  }
  const id = await relationIdFor(w.db, input.fromId, input.type, input.toId);
  const relation: Relation = {
    id,
    fromId: input.fromId,
    type: input.type,
    toId: input.toId,
    role: input.role ?? null,
    time: input.time ? timeOf(input.time, w.by.name, words, "time") : null,
    former: input.former ?? false,
    note: input.note ?? null,
    evidence: [span],
  };
  await w.change("relation", id, relation, { action: "created" });
}

/** A new event told by the words, or the words (and participants) added to one. */
async function addEvent(w: Writer, input: Extract<AddInput, { kind: "event" }>, at: Quoted): Promise<void> {
  const { span, words } = at;
  if (input.eventId) {
    const event = await readState(w.db, "event", input.eventId);
    if (!event) throw new ReviewError("not_found", `eventId: no event with id "${input.eventId}".`);
    const participants = [...event.participants];
    for (const p of input.participants ?? []) {
      if (!participants.some((q) => q.actorId === p.actorId && q.role === p.role))
        participants.push({ ...p, note: null });
    }
    await w.change(
      "event",
      event.id,
      { ...event, participants, evidence: withSpan(event.evidence, span) },
      { action: "edited", before: event },
    );
    return;
  }
  if (!input.eventKind || !input.title || !input.time) {
    throw new ReviewError(
      "invalid",
      "A new event needs its kind, a title and a time (or eventId to add these words to one).",
    );
  }
  const time = timeOf(input.time, w.by.name, words, "time");
  const id = await eventIdFor(w.db, time.edtf, input.title);
  const event: Event = {
    id,
    kind: input.eventKind,
    title: input.title,
    summary: input.summary?.trim() || span.quote.replace(/\s+/g, " ").trim(),
    time,
    placeId: input.placeId ?? null,
    placeNote: input.placeNote ?? null,
    participants: (input.participants ?? []).map((p) => ({ ...p, note: null })),
    fatalities: [],
    partOfId: null,
    responseToIds: [],
    evidence: [span],
  };
  await w.change("event", id, event, { action: "created" });
}

/** A claim the words state, with its attribution; the claims it contradicts say so too. */
async function addClaim(w: Writer, input: Extract<AddInput, { kind: "claim" }>, at: Quoted): Promise<void> {
  const { span, words } = at;
  const id = await claimIdFor(w.db, input.claimantId, input.stance, input.statement);
  const attribution = input.attribution ? (await spanFor(w.db, input.attribution, "attribution")).span : null;
  const claim: Claim = {
    id,
    claimantId: input.claimantId,
    onBehalfOfId: input.onBehalfOfId ?? null,
    viaId: input.viaId ?? null,
    stance: input.stance,
    statement: input.statement.trim(),
    mode: input.mode ?? (/[“"]/.test(span.quote) ? "direct" : "indirect"),
    about: {
      actorIds: [...new Set(input.aboutActorIds ?? [])].sort(),
      eventIds: [...new Set(input.aboutEventIds ?? [])].sort(),
    },
    said: input.said ? timeOf(input.said, w.by.name, words, "said") : null,
    setting: input.setting ?? null,
    evidence: [span],
    attribution: attribution && !(attribution.start >= span.start && attribution.end <= span.end) ? [attribution] : [],
    supportsIds: [...new Set(input.supportsIds ?? [])].sort(),
    contradictsIds: [...new Set(input.contradictsIds ?? [])].sort(),
    note: input.note ?? null,
  };
  await w.change("claim", id, claim, { action: "created" });
  await answerContradictions(w, null, claim);
}

/** Makes a record (or adds the words to one) from a quote of a document. */
export async function addRecord(db: Db, by: Reviewer, input: AddInput, reason?: string | null): Promise<WriteResult> {
  return write(db, by, reason, async (w) => {
    const { span, source } = await spanFor(w.db, input);
    const published = await publishedOf(w.db, source.id);
    const at: Quoted = { span, source, words: { text: source.text, span, published } };
    await addQuoted(w, input, at);
    return done(w);
  });
}

/** The record of the kind asked for, made from the words. */
function addQuoted(w: Writer, input: AddInput, at: Quoted): Promise<void> {
  switch (input.kind) {
    case "actor":
      return addActor(w, input, at);
    case "alias":
      return addAlias(w, input, at);
    case "mention":
      return addMention(w, input, at);
    case "relation":
      return addRelation(w, input, at);
    case "event":
      return addEvent(w, input, at);
    case "claim":
      return addClaim(w, input, at);
  }
}

/**
 * Contradiction is symmetric: when a claim starts or stops contradicting another, the other says
 * so too (a change of its own, in the same write).
 */
async function answerContradictions(w: Writer, before: Claim | null, after: Claim | null) {
  const was = new Set(before?.contradictsIds ?? []);
  const now = new Set(after?.contradictsIds ?? []);
  const id = (after ?? before)?.id as string;
  for (const other of new Set([...was, ...now])) {
    if (was.has(other) === now.has(other)) continue;
    const claim = await readState(w.db, "claim", other);
    if (!claim) continue;
    const ids = new Set(claim.contradictsIds);
    if (now.has(other)) ids.add(id);
    else ids.delete(id);
    if (ids.size === claim.contradictsIds.length) continue;
    await w.change("claim", other, { ...claim, contradictsIds: [...ids].sort() }, { action: "edited", before: claim });
  }
}

// ---- corrections ------------------------------------------------------------------------------

async function live<K extends RecordType>(db: Db, type: K, id: string): Promise<RecordOf[K]> {
  const state = await readState(db, type, id);
  if (state) return state;
  const last = await lastChange(db, type, id);
  if (last?.retired) {
    throw new ReviewError(
      "conflict",
      `${label(type, id)} is retired (by ${last.reviewer} at ${last.at}); restore it first (atlas restore ${id}).`,
    );
  }
  throw new ReviewError("not_found", `No ${type} with id "${id}".`);
}

const asRecordType = (type: HistoryType, id: string): RecordType => {
  if (type === "merge" || type === "suggestion" || type === "reviewer") {
    throw new ReviewError("invalid", `"${id}" is a ${type}; it is not corrected this way.`);
  }
  return type;
};

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

async function readMentionsOf(db: Db, actorId: string): Promise<Mention[]> {
  const rows = await db
    .select({ sourceId: t.mentions.sourceId, start: t.mentions.start })
    .from(t.mentions)
    .where(eq(t.mentions.actorId, actorId));
  return readMentions(db, rows.map(mentionId));
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

// ---- merging and splitting actors -----------------------------------------------------------

export interface MergeState {
  id: string;
  actorId: string;
  intoId: string;
  /** Every record the merge changed, at the version it left them: undoing checks they are still so. */
  records: { recordType: RecordType; recordId: string; version: number }[];
}

const swap = (id: string | null, from: string, to: string) => (id === from ? to : id);

/**
 * Merges one actor into another: its names (each remembering where it came from), its evidence
 * and mentions move, and every record that named it names the other. The merge is itself a
 * record (`merge-<n>`), so it can be undone while nothing it changed has changed since.
 */
export async function mergeActors(
  db: Db,
  by: Reviewer,
  input: { actorId: string; intoId: string; aliasKind?: AliasKind; version?: number },
  reason?: string | null,
): Promise<WriteResult & { mergeId: string }> {
  return write(db, by, reason, async (w) => {
    const { actorId: from, intoId: into } = input;
    if (from === into) throw new ReviewError("invalid", "An actor cannot be merged into itself.");
    const a = await live(w.db, "actor", from);
    const b = await live(w.db, "actor", into);
    const between = await w.db
      .select({ id: t.relations.id })
      .from(t.relations)
      .where(
        or(
          and(eq(t.relations.fromId, from), eq(t.relations.toId, into)),
          and(eq(t.relations.fromId, into), eq(t.relations.toId, from)),
        ),
      );
    if (between.length) {
      throw new ReviewError(
        "conflict",
        `${from} and ${into} are linked by ${between.map((r) => `relation ${r.id}`).join(", ")}; one actor cannot relate to itself. Retire those relations first.`,
      );
    }
    // The names: the merged actor's own name and aliases, each saying where it came from.
    const names = new Set([b.name, ...b.aliases.map((x) => x.name)].map((n) => n.toLowerCase()));
    const moved: Alias[] = [];
    for (const alias of [{ name: a.name, kind: input.aliasKind ?? "spelling", sourceIds: [] } as Alias, ...a.aliases]) {
      if (names.has(alias.name.toLowerCase())) continue;
      names.add(alias.name.toLowerCase());
      moved.push({ ...alias, mergedFrom: alias.mergedFrom ?? from });
    }
    let evidence = b.evidence;
    for (const e of a.evidence) evidence = withSpan(evidence, e);
    const records: MergeState["records"] = [];
    const track = (type: RecordType, id: string, version: number) =>
      records.push({ recordType: type, recordId: id, version });
    track(
      "actor",
      into,
      (
        await w.change(
          "actor",
          into,
          { ...b, aliases: [...b.aliases, ...moved].sort((x, y) => x.name.localeCompare(y.name)), evidence },
          { action: "merged", before: b, expectVersion: input.version },
        )
      ).version,
    );

    // Everything that named it names the other.
    for (const id of (
      await w.db
        .select({ id: t.relations.id })
        .from(t.relations)
        .where(or(eq(t.relations.fromId, from), eq(t.relations.toId, from)))
    ).map((r) => r.id)) {
      const r = await live(w.db, "relation", id);
      track(
        "relation",
        id,
        (
          await w.change(
            "relation",
            id,
            { ...r, fromId: swap(r.fromId, from, into) as string, toId: swap(r.toId, from, into) as string },
            { action: "merged", before: r },
          )
        ).version,
      );
    }
    const claimIds = await rows(
      w.db,
      sql<Pick<typeof t.claims.$inferSelect, "id">>`select ${t.claims.id} from ${t.claims}
          where ${t.claims.claimantId} = ${from} or ${t.claims.onBehalfOfId} = ${from} or ${t.claims.viaId} = ${from}
          union select ${t.claimActors.claimId} as id from ${t.claimActors} where ${t.claimActors.actorId} = ${from}`,
    );
    for (const { id } of claimIds) {
      const c = await live(w.db, "claim", id);
      const claimantId = swap(c.claimantId, from, into) as string;
      const next: Claim = {
        ...c,
        claimantId,
        onBehalfOfId: swap(c.onBehalfOfId, from, into) === claimantId ? null : swap(c.onBehalfOfId, from, into),
        viaId: swap(c.viaId, from, into),
        about: {
          ...c.about,
          actorIds: [...new Set(c.about.actorIds.map((x) => swap(x, from, into) as string))].sort(),
        },
      };
      track("claim", id, (await w.change("claim", id, next, { action: "merged", before: c })).version);
    }
    const eventIds = await rows(
      w.db,
      sql<{
        id: string;
      }>`select ${t.participants.eventId} as id from ${t.participants} where ${t.participants.actorId} = ${from}
          union select ${t.fatalities.eventId} as id from ${t.fatalities} where ${t.fatalities.reportedById} = ${from}`,
    );
    for (const { id } of eventIds) {
      const e = await live(w.db, "event", id);
      const participants = e.participants
        .map((p) => ({ ...p, actorId: swap(p.actorId, from, into) as string }))
        .filter((p, i, list) => list.findIndex((q) => q.actorId === p.actorId && q.role === p.role) === i);
      const next: Event = {
        ...e,
        participants,
        fatalities: e.fatalities.map((f) => ({ ...f, reportedById: swap(f.reportedById, from, into) })),
      };
      track("event", id, (await w.change("event", id, next, { action: "merged", before: e })).version);
    }
    const mentions = (await readMentionsOf(w.db, from)).map((m) => ({
      id: mentionId(m),
      after: { ...m, actorId: into },
    }));
    track("actor", from, (await w.change("actor", from, null, { action: "merged", before: a, mentions })).version);

    const existing = await w.db
      .selectDistinct({ id: t.changes.recordId })
      .from(t.changes)
      .where(eq(t.changes.recordType, "merge"));
    const taken = new Set(existing.map((r) => r.id));
    let n = taken.size + 1;
    while (taken.has(`merge-${n}`)) n++;
    const mergeId = `merge-${n}`;
    const state: MergeState = { id: mergeId, actorId: from, intoId: into, records };
    await w.log("merge", mergeId, 1, "merged", null, state);
    return { ...done(w), mergeId };
  });
}

/**
 * Undoes a merge: every record it changed goes back to how it was before, provided none has
 * changed since (else the refusal names it and who changed it: undo that first, or correct by hand).
 */
export async function unmergeActors(
  db: Db,
  by: Reviewer,
  mergeId: string,
  reason?: string | null,
): Promise<WriteResult> {
  return write(db, by, reason, async (w) => {
    const last = await w.db
      .select({ after: t.changes.after, batch: t.changes.batch, version: t.changes.version })
      .from(t.changes)
      .where(and(eq(t.changes.recordType, "merge"), eq(t.changes.recordId, mergeId)))
      .orderBy(sql`${t.changes.seq} desc`)
      .limit(1);
    const entry = last[0];
    if (!entry) throw new ReviewError("not_found", `No merge with id "${mergeId}".`);
    if (entry.after === null) throw new ReviewError("conflict", `${mergeId} was undone already.`);
    const merge = entry.after as MergeState;
    for (const r of merge.records) {
      const now = await lastChange(w.db, r.recordType, r.recordId);
      if (now && now.version !== r.version) {
        throw new ReviewError(
          "conflict",
          `${label(r.recordType, r.recordId)} changed since ${mergeId} (by ${now.reviewer} at ${now.at}); undo or redo that change by hand before undoing the merge.`,
        );
      }
    }
    const entries = await batchEntries(w.db, [entry.batch]);
    const beforeOf = (type: string, id: string) => entries.find((e) => e.recordType === type && e.recordId === id);
    // The merged actor first (the others name it), the actor it went into last.
    const order = [
      ...merge.records.filter((r) => r.recordId === merge.actorId),
      ...merge.records.filter((r) => r.recordId !== merge.actorId && r.recordId !== merge.intoId),
      ...merge.records.filter((r) => r.recordType === "actor" && r.recordId === merge.intoId),
    ];
    for (const r of order) {
      const e = beforeOf(r.recordType, r.recordId);
      if (!e) continue;
      const rows = await w.db
        .select({ mentions: t.changes.mentions })
        .from(t.changes)
        .where(
          and(
            eq(t.changes.batch, entry.batch),
            eq(t.changes.recordType, r.recordType),
            eq(t.changes.recordId, r.recordId),
          ),
        );
      const mentions = (rows[0]?.mentions ?? []).map((m: MentionChange) => ({
        id: m.id,
        after: (m.before as Mention | null) ?? null,
      }));
      await w.change(r.recordType, r.recordId, e.before as RecordOf[RecordType] | null, {
        action: "unmerged",
        mentions,
      });
    }
    await w.log("merge", mergeId, entry.version + 1, "unmerged", merge, null);
    return done(w);
  });
}

/**
 * Splits one of an actor's names off into an actor of its own: the mentions found by that name
 * go with it, and its first mention's words are its evidence.
 */
export async function splitAlias(
  db: Db,
  by: Reviewer,
  input: {
    actorId: string;
    alias: string;
    id?: string;
    actorKind?: Actor["kind"];
    description: string;
    version?: number;
  },
  reason?: string | null,
): Promise<WriteResult & { actorId: string }> {
  return write(db, by, reason, async (w) => {
    const actor = await live(w.db, "actor", input.actorId);
    const alias = actor.aliases.find((a) => a.name.toLowerCase() === input.alias.toLowerCase());
    if (!alias) {
      throw new ReviewError(
        "invalid",
        `alias: ${actor.id} has no other name "${input.alias}"; its names are ${actor.aliases.map((a) => `"${a.name}"`).join(", ") || "none"}.`,
      );
    }
    const key = foldName(alias.name);
    const mine = (await readMentionsOf(w.db, actor.id)).filter((m) => foldName(m.alias) === key);
    const first = mine[0];
    const evidence = first
      ? [
          actor.evidence.find((e) => e.sourceId === first.sourceId && e.start <= first.start && e.end >= first.end) ?? {
            sourceId: first.sourceId,
            start: first.start,
            end: first.end,
            quote: first.quote,
          },
        ]
      : [];
    if (evidence.length === 0) {
      throw new ReviewError(
        "invalid",
        `No document's words use "${alias.name}" as a mention of ${actor.id}; make the actor with atlas add actor and the words that name it.`,
      );
    }
    const id = await actorIdFor(w.db, input.id, alias.name, "choose another id");
    const created: Actor = {
      id,
      name: alias.name,
      kind: input.actorKind ?? actor.kind,
      aliases: [],
      description: input.description,
      evidence,
    };
    await w.change(
      "actor",
      actor.id,
      { ...actor, aliases: actor.aliases.filter((a) => a !== alias) },
      { action: "split", before: actor, expectVersion: input.version },
    );
    await w.change("actor", id, created, {
      action: "split",
      mentions: mine.map((m) => ({ id: mentionId(m), after: { ...m, actorId: id } })),
    });
    return { ...done(w), actorId: id };
  });
}

// ---- grades -----------------------------------------------------------------------------------

/** Grades a source's reliability (A–F) or a claim's credibility (1–6); null clears it to "not graded". */
export async function gradeRecord(
  db: Db,
  by: Reviewer,
  input: { type: "source" | "claim"; id: string; grade: string | number | null; version?: number },
  reason: string,
): Promise<WriteResult> {
  if (input.grade !== null && !reason?.trim())
    throw new ReviewError("invalid", "reason: a grade needs the reason for it.");
  return write(db, by, reason, async (w) => {
    const given = input.grade === null ? null : { grade: input.grade, reason: reason.trim(), by: by.name, at: w.at };
    if (input.type === "source") {
      const before = await readState(w.db, "source", input.id);
      if (!before) throw new ReviewError("not_found", `No source with id "${input.id}".`);
      await w.change(
        "source",
        input.id,
        { id: input.id, reliability: given as RecordOf["source"]["reliability"] },
        { action: "graded", before, expectVersion: input.version },
      );
    } else {
      const before = await live(w.db, "claim", input.id);
      await w.change(
        "claim",
        input.id,
        { ...before, credibility: given as Claim["credibility"] },
        { action: "graded", before, expectVersion: input.version },
      );
    }
    return done(w);
  });
}
