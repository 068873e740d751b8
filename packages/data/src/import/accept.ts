/**
 * Accepting a suggestion an import made: the record comes in as the file gives it — every
 * evidence span, alias, fatality report and link — with the references to records that waited
 * for review resolved to what their suggestions became, and the reviewer's edit on top. The
 * values the review model shows (effective) are the ones written. Called by ingest/review/records.ts, in its
 * transaction, after it checked that nothing the record needs is still waiting.
 */
import { Actor, type Alias, Claim, Event, type Participant, Relation } from "@atlas/schema";
import type { Db } from "../db/client.js";
import * as t from "../db/schema/index.js";
import { freeId, mergeTarget, requireActors, requireIds, validate } from "../ingest/checks.js";
import { ReviewError } from "../ingest/errors.js";
import type { IngestRecord } from "../ingest/records.js";
import type { ProposalOf, SuggestionEdit } from "../ingest/types.js";
import { type EffectiveOf, type Lookups, resolveWaiting } from "../review/model.js";
import { mapClaim, mapEvent, mapRelation, type RefMap } from "./refs.js";

type Imported = ProposalOf<"actor" | "relation" | "event" | "statement">;

/** A name's reach as an alias: a full name anywhere; a single word only in the documents that use it. */
export const aliasScope = (name: string, sourceIds: string[]): string[] =>
  name.includes(" ") ? [] : [...new Set(sourceIds)].sort();

/** The id a new record takes: the one proposed when free, else the first free one after it. */
async function idFor(
  db: Db,
  table: typeof t.actors | typeof t.events | typeof t.claims | typeof t.relations,
  wanted: string,
  edited: boolean,
) {
  const free = await freeId(db, table, wanted);
  if (edited && free !== wanted) {
    throw new ReviewError("conflict", `id: "${wanted}" is taken; choose another id.`);
  }
  return free;
}

export async function importedRecords(
  db: Db,
  proposal: Imported,
  edit: SuggestionEdit,
  v: EffectiveOf<"actor" | "relation" | "event" | "statement">,
  lookups: Lookups,
): Promise<IngestRecord[]> {
  const imported = proposal.imported;
  if (!imported) throw new Error("importedRecords: the proposal was not made by an import");
  const { ids } = resolveWaiting(imported.waitsFor, lookups);
  const resolve: RefMap = (collection, id) => ids.get(`${collection}:${id}`) ?? id;
  const has = (field: keyof SuggestionEdit) => edit[field] !== undefined;

  if (proposal.kind === "actor" && v.kind === "actor" && proposal.imported) {
    const a = proposal.imported.record;
    const sourceIds = a.evidence.map((e) => e.sourceId);
    if (v.mergeInto) {
      const target = await mergeTarget(db, v.mergeInto);
      const known = target.names;
      const names: Alias[] = [
        { name: v.name, kind: v.aliasKind, sourceIds: aliasScope(v.name, sourceIds) },
        ...a.aliases,
      ].filter((x) => {
        const key = x.name.toLowerCase();
        if (known.has(key)) return false;
        known.add(key);
        return true;
      });
      const mentions = proposal.imported.mentions.map((m) => ({ ...m, actorId: target.id }));
      const [first, ...rest] = names;
      return [
        { type: "alias", actorId: target.id, alias: first ?? null, evidence: a.evidence, mentions },
        ...rest.map(
          (alias): IngestRecord => ({ type: "alias", actorId: target.id, alias, evidence: [], mentions: [] }),
        ),
      ];
    }
    const id = await idFor(db, t.actors, v.id ?? a.id, has("id"));
    // A renamed actor keeps the name the file gave it as another name.
    const renamed = v.name.toLowerCase() !== a.name.toLowerCase();
    const aliases = [
      ...(renamed ? [{ name: a.name, kind: "spelling" as const, sourceIds: aliasScope(a.name, sourceIds) }] : []),
      ...a.aliases,
    ].filter((x) => x.name.toLowerCase() !== v.name.toLowerCase());
    const actor = validate<Actor>(
      Actor,
      { ...a, id, name: v.name, kind: v.actorKind, description: v.description, aliases },
      "actor",
    );
    return [{ type: "actor", actor, mentions: proposal.imported.mentions.map((m) => ({ ...m, actorId: id })) }];
  }

  if (proposal.kind === "relation" && v.kind === "relation" && proposal.imported) {
    const r = mapRelation(proposal.imported.record, resolve);
    if (v.relationId) {
      await requireIds(db, t.relations, [v.relationId], "relationId", "relation");
      return [{ type: "relation-evidence", relationId: v.relationId, evidence: r.evidence }];
    }
    await requireActors(db, [v.fromId, v.toId], "fromId/toId");
    const relation = validate<Relation>(
      Relation,
      {
        ...r,
        id: await freeId(db, t.relations, r.id),
        fromId: v.fromId,
        toId: v.toId,
        type: v.relationType,
        role: v.role,
        time: v.time,
        former: v.former,
      },
      "relation",
    );
    return [{ type: "relation", relation }];
  }

  if (proposal.kind === "event" && v.kind === "event" && proposal.imported) {
    const e = mapEvent(proposal.imported.record, resolve);
    if (!v.eventId && !v.time)
      throw new ReviewError("invalid", "time: the file gives no time for this event: give it.");
    const participants: Participant[] = edit.participants
      ? edit.participants.map((p) => ({ ...p, note: null }))
      : e.participants;
    await requireActors(
      db,
      [...participants.map((p) => p.actorId), ...e.fatalities.map((f) => f.reportedById)],
      "participants",
    );
    await requireIds(db, t.places, [v.placeId], "placeId", "place");
    await requireIds(
      db,
      t.claims,
      e.fatalities.map((f) => f.claimId),
      "fatalities",
      "claim",
    );
    if (v.eventId) {
      await requireIds(db, t.events, [v.eventId], "eventId", "event");
      return [
        { type: "event-evidence", eventId: v.eventId, evidence: e.evidence, fatalities: e.fatalities, participants },
      ];
    }
    await requireIds(db, t.events, [e.partOfId, ...e.responseToIds], "partOfId/responseToIds", "event");
    const event = validate<Event>(
      Event,
      {
        ...e,
        id: await freeId(db, t.events, e.id),
        kind: v.eventKind,
        title: v.title,
        summary: v.summary,
        time: v.time,
        placeId: v.placeId,
        participants,
      },
      "event",
    );
    return [{ type: "event", event }];
  }

  if (proposal.kind === "statement" && v.kind === "statement" && proposal.imported) {
    const c = mapClaim(proposal.imported.record, resolve);
    const about = {
      actorIds: edit.aboutActorIds ?? c.about.actorIds,
      eventIds: edit.aboutEventIds ?? c.about.eventIds,
    };
    const onBehalfOfId = has("onBehalfOfId") ? (edit.onBehalfOfId ?? null) : c.onBehalfOfId;
    const viaId = has("viaId") ? (edit.viaId ?? null) : c.viaId;
    const supportsIds = edit.supportsIds ?? c.supportsIds;
    const contradictsIds = edit.contradictsIds ?? c.contradictsIds;
    await requireActors(
      db,
      [v.claimantId, onBehalfOfId, viaId, ...about.actorIds],
      "claimantId/onBehalfOfId/viaId/aboutActorIds",
    );
    await requireIds(db, t.events, about.eventIds, "aboutEventIds", "event");
    await requireIds(db, t.claims, [...supportsIds, ...contradictsIds], "supportsIds/contradictsIds", "claim");
    const claim = validate<Claim>(
      Claim,
      {
        ...c,
        id: await freeId(db, t.claims, c.id),
        claimantId: v.claimantId,
        onBehalfOfId,
        viaId,
        stance: v.stance,
        statement: v.statement,
        about,
        said: has("said") ? (edit.said ?? null) : c.said,
        supportsIds,
        contradictsIds,
      },
      "claim",
    );
    return [{ type: "claim", claim }];
  }
  throw new Error(`importedRecords: a ${proposal.kind} suggestion cannot carry an import`);
}
