/**
 * Finishing drafts into records: defaults for the optional fields, lists deduplicated and
 * sorted, aliases merged. A required field no file gives is a problem; the record is kept without
 * it (typed as unchecked) so the dataset schema can still report the record's other problems.
 */
import type { Actor, Alias, Claim, Event, Evidence, Place, Relation } from "@atlas/schema";
import { byRoleThenActor, sortedIds } from "../canonical.js";
import {
  type ActorDraft,
  type ClaimDraft,
  type Context,
  type Draft,
  type EventDraft,
  type PlaceDraft,
  type RelationDraft,
  SINGULAR,
} from "./drafts.js";

/** A record before the dataset schema checks it: its required fields `K` may be missing. */
type Unchecked<T, K extends keyof T> = Omit<T, K> & Partial<Pick<T, K>>;
export type ActorRecord = Unchecked<Actor, "name" | "kind" | "description">;
export type PlaceRecord = Unchecked<Place, "name" | "kind">;
export type RelationRecord = Unchecked<Relation, "fromId" | "type" | "toId">;
export type EventRecord = Unchecked<Event, "kind" | "title" | "summary" | "time">;
export type ClaimRecord = Unchecked<Claim, "claimantId" | "stance" | "statement" | "mode">;

export const uniq = <T>(items: T[], key: (t: T) => string = (t) => JSON.stringify(t)) => {
  const seen = new Map<string, T>();
  for (const item of items) if (!seen.has(key(item))) seen.set(key(item), item);
  return [...seen.values()];
};
const spansKey = (e: Evidence) => `${e.sourceId}:${e.start}:${e.end}`;
const spanOrder = (a: Evidence, b: Evidence) => a.sourceId.localeCompare(b.sourceId) || a.start - b.start;
const spans = (evidence: Evidence[]) => uniq(evidence, spansKey).sort(spanOrder);

function requireFields<S extends object, L extends object>(ctx: Context, d: Draft<S, L>, fields: (keyof S & string)[]) {
  for (const field of fields) {
    if (d.scalars[field] === undefined) {
      ctx.problems.push({
        file: [...d.files].join(", "),
        record: d.id,
        field,
        message: `${SINGULAR[d.collection]} "${d.id}" has no ${field}; give it in the catalogue or in one document file`,
      });
    }
  }
}

function mergeAliases(ctx: Context, d: ActorDraft, name: string | undefined): Alias[] {
  const byName = new Map<string, Alias>();
  const everywhere = new Set<string>();
  for (const a of d.lists.aliases) {
    const key = a.name.toLowerCase();
    if (name && key === name.toLowerCase()) continue;
    const prior = byName.get(key);
    if (a.sourceIds.length === 0) everywhere.add(key);
    if (!prior) {
      byName.set(key, { ...a, sourceIds: [...a.sourceIds] });
      continue;
    }
    if (prior.kind !== a.kind) {
      if (prior.kind === "spelling") prior.kind = a.kind;
      else if (a.kind !== "spelling") {
        ctx.problems.push({
          file: [...d.files].join(", "),
          record: d.id,
          field: "aliases",
          message: `alias "${a.name}" is called both ${prior.kind} and ${a.kind}`,
        });
      }
    }
    prior.sourceIds = uniq([...prior.sourceIds, ...a.sourceIds], String);
  }
  for (const key of everywhere) {
    const alias = byName.get(key);
    if (alias) alias.sourceIds = [];
  }
  return [...byName.values()].sort((a, b) => a.name.localeCompare(b.name));
}

export function finishActor(ctx: Context, d: ActorDraft): ActorRecord {
  requireFields(ctx, d, ["name", "kind", "description"]);
  return {
    id: d.id,
    ...d.scalars,
    evidence: spans(d.lists.evidence),
    aliases: mergeAliases(ctx, d, d.scalars.name),
    sizes: d.lists.sizes,
  };
}

export function finishPlace(ctx: Context, d: PlaceDraft): PlaceRecord {
  requireFields(ctx, d, ["name", "kind"]);
  return {
    id: d.id,
    withinId: null,
    coordinates: null,
    evidence: spans(d.lists.evidence),
    ...d.scalars,
    aliases: uniq(d.lists.aliases, String),
  };
}

export function finishRelation(ctx: Context, d: RelationDraft): RelationRecord {
  requireFields(ctx, d, ["fromId", "type", "toId"]);
  return {
    id: d.id,
    role: null,
    time: null,
    former: false,
    note: null,
    ...d.scalars,
    evidence: spans(d.lists.evidence),
  };
}

export function finishEvent(ctx: Context, d: EventDraft): EventRecord {
  requireFields(ctx, d, ["kind", "title", "summary", "time"]);
  return {
    id: d.id,
    placeId: null,
    placeNote: null,
    partOfId: null,
    ...d.scalars,
    evidence: spans(d.lists.evidence),
    participants: uniq(d.lists.participants, (p) => `${p.actorId}/${p.role}`).sort(byRoleThenActor),
    fatalities: d.lists.fatalities,
    responseToIds: sortedIds(d.lists.responseToIds),
  };
}

/** Finishes every claim; contradiction is symmetric: written once, listed on both claims. */
export function finishClaims(ctx: Context, drafts: Iterable<ClaimDraft>): ClaimRecord[] {
  const claims = [...drafts].map((d): ClaimRecord => {
    requireFields(ctx, d, ["claimantId", "stance", "statement", "mode"]);
    return {
      id: d.id,
      onBehalfOfId: null,
      viaId: null,
      said: null,
      setting: null,
      note: null,
      credibility: null,
      ...d.scalars,
      evidence: spans(d.lists.evidence),
      about: { actorIds: sortedIds(d.lists.aboutActorIds), eventIds: sortedIds(d.lists.aboutEventIds) },
      attribution: spans(d.lists.attribution),
      supportsIds: sortedIds(d.lists.supportsIds),
      contradictsIds: sortedIds(d.lists.contradictsIds),
    };
  });
  const byId = new Map(claims.map((c) => [c.id, c]));
  for (const c of claims) {
    for (const other of c.contradictsIds) {
      const o = byId.get(other);
      if (o && !o.contradictsIds.includes(c.id)) o.contradictsIds = sortedIds([...o.contradictsIds, c.id]);
    }
  }
  return claims;
}
