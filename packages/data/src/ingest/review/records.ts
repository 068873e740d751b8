/**
 * What accepting a suggestion creates, as records: what the review model says it uses (its
 * effective values), validated against @atlas/schema and the ids the database holds.
 */
import { Actor, Claim, Event, type FatalityReport, Relation } from "@atlas/schema";
import type { Db } from "../../db/client.js";
import * as t from "../../db/schema/index.js";
import { importedRecords } from "../../import/accept.js";
import { type Effective, type EffectiveOf, type Lookups, preview } from "../../review/model.js";
import {
  actorByName,
  actorIdFor,
  claimIdFor,
  eventIdFor,
  mergeTarget,
  relationIdFor,
  requireActors,
  requireIds,
  validate,
} from "../checks.js";
import { ReviewError } from "../errors.js";
import type { IngestRecord } from "../records.js";
import type { Proposal, ProposalOf, SuggestionEdit } from "../types.js";
import { mentionsOf, type SourceText, spanOf } from "./mentions.js";
import type { SuggestionRow } from "./suggestion.js";

/** Stops with the preview's reason when the suggestion cannot be accepted as it stands. */
function requireAcceptable(row: SuggestionRow, v: Effective, lookups: Lookups) {
  const { blocked } = preview(
    { proposal: row.proposal as Proposal, edit: (row.edit as SuggestionEdit | null) ?? null },
    v,
    lookups,
  );
  if (!blocked) return;
  const field: Partial<Record<Effective["kind"], string>> = {
    mention: "actorId",
    statement: "claimantId",
    event: "time",
    date: "time",
    relation: "fromId/toId",
  };
  throw new ReviewError("invalid", `${field[v.kind] ?? "edit"}: ${blocked}.`);
}

/**
 * The records accepting a suggestion makes, checked against the database: a mention, an actor
 * (or an alias of one), an event (or evidence for one), a relation (or evidence), a claim.
 */
export async function buildRecords(
  db: Db,
  row: SuggestionRow,
  v: Effective,
  lookups: Lookups,
  source: SourceText,
): Promise<IngestRecord[]> {
  const proposal = row.proposal as Proposal;
  requireAcceptable(row, v, lookups);
  if ("imported" in proposal && proposal.imported && v.kind !== "mention" && v.kind !== "date") {
    return importedRecords(db, proposal, (row.edit as SuggestionEdit | null) ?? {}, v, lookups);
  }
  switch (v.kind) {
    case "mention": {
      const p = proposal as ProposalOf<"mention">;
      const actorId = v.actorId as string;
      await requireActors(db, [actorId], "actorId");
      const quote = source.text.slice(row.start, row.end);
      const chosen = actorId !== p.actorId ? p.candidates.find((c) => c.actorId === actorId) : null;
      return [
        {
          type: "mention",
          mention: {
            sourceId: source.id,
            start: row.start,
            end: row.end,
            quote,
            actorId,
            alias: actorId === p.actorId ? p.alias : (chosen?.alias ?? quote),
          },
        },
      ];
    }
    case "actor":
      return [await actorRecord(db, row, proposal as ProposalOf<"actor">, v, source)];
    case "date":
    case "event":
      return [await eventRecord(db, row, proposal, v, source)];
    case "statement":
      return [await claimRecord(db, proposal as ProposalOf<"statement">, v, source)];
    case "relation":
      return [await relationRecord(db, proposal as ProposalOf<"relation">, v, source)];
  }
}

/** A new event, or this document's account of an event the atlas holds (corroboration). */
async function eventRecord(
  db: Db,
  row: SuggestionRow,
  proposal: Proposal,
  v: EffectiveOf<"event" | "date">,
  source: SourceText,
): Promise<IngestRecord> {
  const sentence = proposal.kind === "event" || proposal.kind === "date" ? proposal.sentence : null;
  const evidence = [spanOf(source, sentence ?? { start: row.start, end: row.end, quote: row.quote })];
  await requireActors(
    db,
    v.participants.map((x) => x.actorId),
    "participants",
  );
  await requireIds(db, t.places, [v.placeId], "placeId", "place");
  const fatalities: FatalityReport[] =
    proposal.kind === "event"
      ? proposal.fatalities.map((f) => ({
          low: f.low,
          high: f.high,
          who: f.who,
          ...(f.expression ? { expression: f.expression } : {}),
          reportedById: null,
          claimId: null,
          evidence: [spanOf(source, f.span)],
        }))
      : [];
  if (v.eventId) {
    await requireIds(db, t.events, [v.eventId], "eventId", "event");
    return {
      type: "event-evidence",
      eventId: v.eventId,
      evidence,
      fatalities,
      participants: v.participants.map((x) => ({ ...x, note: null })),
    };
  }
  const time = v.time as NonNullable<typeof v.time>;
  const id = await eventIdFor(db, time.edtf, v.title);
  const event = validate<Event>(
    Event,
    {
      id,
      kind: v.eventKind,
      title: v.title,
      summary: v.summary,
      time,
      placeId: v.placeId,
      placeNote: proposal.kind === "event" && proposal.place && !proposal.place.placeId ? proposal.place.name : null,
      participants: v.participants.map((x) => ({ ...x, note: null })),
      fatalities,
      partOfId: null,
      responseToIds: [],
      evidence,
    },
    "event",
  );
  return { type: "event", event };
}

async function relationRecord(
  db: Db,
  proposal: ProposalOf<"relation">,
  v: EffectiveOf<"relation">,
  source: SourceText,
): Promise<IngestRecord> {
  const evidence = [spanOf(source, proposal.evidence)];
  if (v.relationId) {
    await requireIds(db, t.relations, [v.relationId], "relationId", "relation");
    return { type: "relation-evidence", relationId: v.relationId, evidence };
  }
  await requireActors(db, [v.fromId, v.toId], "fromId/toId");
  const fromId = v.fromId as string;
  const toId = v.toId as string;
  const id = await relationIdFor(db, fromId, v.relationType, toId);
  const relation = validate<Relation>(
    Relation,
    {
      id,
      fromId,
      type: v.relationType,
      toId,
      role: v.role,
      time: v.time,
      former: v.former,
      note: null,
      evidence,
    },
    "relation",
  );
  return { type: "relation", relation };
}

async function actorRecord(
  db: Db,
  row: SuggestionRow,
  proposal: ProposalOf<"actor">,
  v: EffectiveOf<"actor">,
  source: SourceText,
): Promise<IngestRecord> {
  const evidence = [spanOf(source, { start: row.start, end: row.end, quote: row.quote })];
  const name = v.name;
  const shortNames = proposal.shortNames.map((n) => ({ name: n, alias: n }));
  if (v.mergeInto) {
    const target = await mergeTarget(db, v.mergeInto);
    const known = target.names.has(name.toLowerCase());
    return {
      type: "alias",
      actorId: target.id,
      // A full name matches everywhere; a single word only in this document, where we know what it means.
      alias: known ? null : { name, kind: v.aliasKind, sourceIds: name.includes(" ") ? [] : [source.id] },
      evidence,
      mentions: await mentionsOf(db, source, target.id, [{ name, alias: name }, ...shortNames]),
    };
  }
  const clash = await actorByName(db, name);
  if (clash) {
    throw new ReviewError(
      "conflict",
      `An actor named "${name}" already exists ("${clash}"). Accept with mergeInto: "${clash}" to add this document's evidence to it.`,
    );
  }
  const id = await actorIdFor(db, v.id ?? undefined, name, "choose another id, or use mergeInto");
  const actor = validate<Actor>(
    Actor,
    {
      id,
      name,
      kind: v.actorKind,
      aliases: proposal.shortNames
        .filter((n) => n.toLowerCase() !== name.toLowerCase())
        .map((n) => ({ name: n, kind: "short_name", sourceIds: [source.id] })),
      description: v.description,
      evidence,
    },
    "actor",
  );
  return { type: "actor", actor, mentions: await mentionsOf(db, source, id, [{ name, alias: name }, ...shortNames]) };
}

async function claimRecord(
  db: Db,
  proposal: ProposalOf<"statement">,
  v: EffectiveOf<"statement">,
  source: SourceText,
): Promise<IngestRecord> {
  const claimantId = v.claimantId as string;
  await requireActors(db, [claimantId], "claimantId");
  await requireActors(db, [v.onBehalfOfId], "onBehalfOfId");
  await requireActors(db, [v.viaId], "viaId");
  await requireActors(db, v.aboutActorIds, "aboutActorIds");
  await requireIds(db, t.events, v.aboutEventIds, "aboutEventIds", "event");
  await requireIds(db, t.claims, [...v.supportsIds, ...v.contradictsIds], "supportsIds/contradictsIds", "claim");
  const id = await claimIdFor(db, claimantId, v.stance, v.statement);
  const evidence = spanOf(source, proposal.evidence);
  const attribution = spanOf(source, proposal.attribution);
  const claim = validate<Claim>(
    Claim,
    {
      id,
      claimantId,
      onBehalfOfId: v.onBehalfOfId === claimantId ? null : v.onBehalfOfId,
      viaId: v.viaId,
      stance: v.stance,
      statement: v.statement,
      mode: proposal.mode,
      about: {
        actorIds: [...new Set(v.aboutActorIds.filter((a) => a !== claimantId))].sort(),
        eventIds: [...new Set(v.aboutEventIds)].sort(),
      },
      said: v.said,
      setting: null,
      evidence: [evidence],
      // Words already inside the evidence need no separate attribution span.
      attribution: attribution.start >= evidence.start && attribution.end <= evidence.end ? [] : [attribution],
      supportsIds: [...new Set(v.supportsIds)].sort(),
      contradictsIds: [...new Set(v.contradictsIds)].sort(),
      note: null,
    },
    "claim",
  );
  return { type: "claim", claim };
}
