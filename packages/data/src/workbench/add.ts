/**
 * Making a record by hand from the words an analyst selects in a document (atlas add, the
 * reader's annotate form): an actor, another name, a mention, a relation, an event or a claim, or
 * the words added to one. Each is one write (write.ts): validated, all or nothing, in the history.
 */
import {
  type Actor,
  type Alias,
  type Claim,
  type Event,
  type Evidence,
  type Mention,
  type Relation,
  Time,
} from "@atlas/schema";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../db/client.js";
import * as t from "../db/schema/index.js";
import { actorIdFor, actorsNamed, claimIdFor, eventIdFor, relationIdFor } from "../ingest/checks.js";
import { ReviewError } from "../ingest/errors.js";
import { mentionsOf, type SourceText } from "../ingest/review/index.js";
import { foldName } from "../text/fold.js";
import { answerContradictions } from "./contradictions.js";
import { type AddRecordInput, timeFromInput, type WriteResult } from "./model.js";
import { mentionId } from "./records.js";
import { spanFor, withSpan } from "./spans.js";
import { documentTime } from "./time.js";
import { done, type Reviewer, readState, type Writer, write } from "./write.js";

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
