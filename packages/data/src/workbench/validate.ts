/**
 * Is a record's new state one the atlas can hold? Its schema (@atlas/schema), its words (every
 * span equals its document's text at its offsets, outside boilerplate) and its references (every
 * actor, event, claim, place and source it names exists). Each refusal names the record and the
 * field, and nothing has been written when it is thrown.
 */
import {
  Actor,
  Claim,
  describeIssues,
  Event,
  type Evidence,
  Mention,
  Relation,
  type Segment,
  SourceReliability,
} from "@atlas/schema";
import { eq, inArray, or } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../db/client.js";
import * as t from "../db/schema/index.js";
import { ReviewError } from "../ingest/errors.js";
import type { RecordOf, RecordType } from "./model.js";

const SCHEMAS = {
  actor: Actor,
  relation: Relation,
  event: Event,
  claim: Claim,
  mention: Mention,
  source: z.object({ id: z.string(), reliability: SourceReliability.nullable() }),
} as const;

export const label = (type: string, id: string) => `${type} "${id}"`;

interface Refs {
  actor: [string, string | null][];
  event: [string, string | null][];
  claim: [string, string | null][];
  place: [string, string | null][];
  source: [string, string | null][];
}

/** Every span a record rests on, with the field it sits in. */
function spansOf(type: RecordType, r: RecordOf[RecordType]): [string, Evidence][] {
  const each = (field: string, list: Evidence[]) => list.map((e, i) => [`${field}[${i}]`, e] as [string, Evidence]);
  switch (type) {
    case "actor":
      return each("evidence", (r as Actor).evidence);
    case "relation":
      return each("evidence", (r as Relation).evidence);
    case "event": {
      const e = r as Event;
      return [
        ...each("evidence", e.evidence),
        ...e.fatalities.flatMap((f, i) => each(`fatalities[${i}].evidence`, f.evidence)),
      ];
    }
    case "claim":
      return [...each("evidence", (r as Claim).evidence), ...each("attribution", (r as Claim).attribution)];
    case "mention":
      return [["span", { ...(r as Mention) }]];
    case "source":
      return [];
  }
}

function refsOf(type: RecordType, r: RecordOf[RecordType]): Refs {
  const refs: Refs = { actor: [], event: [], claim: [], place: [], source: [] };
  switch (type) {
    case "actor":
      for (const a of (r as Actor).aliases) for (const s of a.sourceIds) refs.source.push(["aliases.sourceIds", s]);
      break;
    case "relation":
      refs.actor.push(["fromId", (r as Relation).fromId], ["toId", (r as Relation).toId]);
      break;
    case "event": {
      const e = r as Event;
      refs.place.push(["placeId", e.placeId]);
      refs.event.push(["partOfId", e.partOfId], ...e.responseToIds.map((x): [string, string] => ["responseToIds", x]));
      refs.actor.push(...e.participants.map((p): [string, string] => ["participants", p.actorId]));
      for (const f of e.fatalities) {
        refs.actor.push(["fatalities.reportedById", f.reportedById]);
        refs.claim.push(["fatalities.claimId", f.claimId]);
      }
      break;
    }
    case "claim": {
      const c = r as Claim;
      refs.actor.push(["claimantId", c.claimantId], ["onBehalfOfId", c.onBehalfOfId], ["viaId", c.viaId]);
      refs.actor.push(...c.about.actorIds.map((x): [string, string] => ["aboutActorIds", x]));
      refs.event.push(...c.about.eventIds.map((x): [string, string] => ["aboutEventIds", x]));
      refs.claim.push(
        ...c.supportsIds.map((x): [string, string] => ["supportsIds", x]),
        ...c.contradictsIds.map((x): [string, string] => ["contradictsIds", x]),
      );
      break;
    }
    case "mention":
      refs.actor.push(["actorId", (r as Mention).actorId]);
      break;
    case "source":
      refs.source.push(["id", (r as RecordOf["source"]).id]);
      break;
  }
  return refs;
}

const TABLES = {
  actor: [t.actors, t.actors.id],
  event: [t.events, t.events.id],
  claim: [t.claims, t.claims.id],
  place: [t.places, t.places.id],
  source: [t.sources, t.sources.id],
} as const;

/** Throws ReviewError("invalid") naming the first thing wrong; returns the parsed state. */
export async function validateRecord<K extends RecordType>(
  db: Db,
  type: K,
  id: string,
  state: unknown,
): Promise<RecordOf[K]> {
  const where = label(type, id);
  const parsed = SCHEMAS[type].safeParse(state);
  if (!parsed.success) {
    throw new ReviewError("invalid", `${where} would be invalid: ${describeIssues(parsed.error).join("; ")}`);
  }
  const record = parsed.data as RecordOf[K];
  const own =
    type === "mention" ? `${(record as Mention).sourceId}@${(record as Mention).start}` : (record as { id: string }).id;
  if (own !== id) throw new ReviewError("invalid", `${where}: the record's id is "${own}"; ids never change`);

  const refs = refsOf(type, record);
  for (const kind of Object.keys(refs) as (keyof Refs)[]) {
    const wanted = [...new Set(refs[kind].map(([, x]) => x).filter((x): x is string => Boolean(x)))];
    if (wanted.length === 0) continue;
    const [table, key] = TABLES[kind];
    const found = new Set(
      (await db.select({ id: key }).from(table).where(inArray(key, wanted))).map((r) => r.id as string),
    );
    const missing = refs[kind].find(([, x]) => x && !found.has(x));
    if (missing) throw new ReviewError("invalid", `${where}: ${missing[0]}: no ${kind} with id "${missing[1]}"`);
  }

  const spans = spansOf(type, record);
  const sourceIds = [...new Set(spans.map(([, e]) => e.sourceId))];
  const texts = new Map<string, { text: string; segments: Segment[] }>();
  for (const sourceId of sourceIds) {
    const [source] = await db.select({ text: t.sources.text }).from(t.sources).where(eq(t.sources.id, sourceId));
    if (!source) continue;
    const segments = (await db.select().from(t.segments).where(eq(t.segments.sourceId, sourceId))) as Segment[];
    texts.set(sourceId, { text: source.text, segments });
  }
  for (const [field, e] of spans) {
    const source = texts.get(e.sourceId);
    if (!source) throw new ReviewError("invalid", `${where}: ${field}: no source with id "${e.sourceId}"`);
    if (source.text.slice(e.start, e.end) !== e.quote) {
      throw new ReviewError(
        "invalid",
        `${where}: ${field}: the words ${JSON.stringify(e.quote.slice(0, 60))} are not the text of "${e.sourceId}" at ${e.start}..${e.end}`,
      );
    }
    const boilerplate = source.segments.find((s) => !s.article && s.start < e.end && e.start < s.end);
    if (boilerplate) {
      throw new ReviewError(
        "invalid",
        `${where}: ${field}: ${e.start}..${e.end} in "${e.sourceId}" falls in boilerplate (${boilerplate.role}); choose words of the article`,
      );
    }
  }
  return record;
}

/** Live records that name this one, as "claim x (claimantId)", for a refusal to retire it. */
export async function dependents(db: Db, type: RecordType, id: string): Promise<string[]> {
  const out: string[] = [];
  const push = (rows: { id: string }[], what: string) => {
    for (const r of rows) out.push(`${what} ${r.id}`);
  };
  if (type === "actor") {
    push(
      await db
        .select({ id: t.relations.id })
        .from(t.relations)
        .where(or(eq(t.relations.fromId, id), eq(t.relations.toId, id))),
      "relation",
    );
    push(
      await db
        .select({ id: t.claims.id })
        .from(t.claims)
        .where(or(eq(t.claims.claimantId, id), eq(t.claims.onBehalfOfId, id), eq(t.claims.viaId, id))),
      "claim by",
    );
    push(
      await db.select({ id: t.claimActors.claimId }).from(t.claimActors).where(eq(t.claimActors.actorId, id)),
      "claim about",
    );
    push(
      await db
        .selectDistinct({ id: t.participants.eventId })
        .from(t.participants)
        .where(eq(t.participants.actorId, id)),
      "event",
    );
    push(
      await db.selectDistinct({ id: t.fatalities.eventId }).from(t.fatalities).where(eq(t.fatalities.reportedById, id)),
      "death toll of",
    );
  }
  if (type === "event") {
    push(
      await db.select({ id: t.claimEvents.claimId }).from(t.claimEvents).where(eq(t.claimEvents.eventId, id)),
      "claim about",
    );
    push(await db.select({ id: t.events.id }).from(t.events).where(eq(t.events.partOfId, id)), "event part of it:");
    push(
      await db
        .select({ id: t.eventResponses.eventId })
        .from(t.eventResponses)
        .where(eq(t.eventResponses.responseToId, id)),
      "event answering it:",
    );
  }
  if (type === "claim") {
    push(
      await db.selectDistinct({ id: t.fatalities.eventId }).from(t.fatalities).where(eq(t.fatalities.claimId, id)),
      "death toll of",
    );
  }
  return out;
}
