/**
 * Every reference a record makes to another (an actor, event, claim, place or source), named by
 * the field a reviewer would edit to change it, in one place: an import renames ids through it
 * (the file's ids to the atlas's), and the review model asks it which references an edit leaves
 * in use. Pure: no database, so the review model can import it.
 */
import type { Actor, Claim, Event, Evidence, Mention, Place, Relation, Time } from "@atlas/schema";

/** An event, or one whose time a reviewer has still to give (a STIX incident with no dates). */
export type EventLike = Omit<Event, "time"> & { time: Time | null };

export type RefCollection = "actor" | "event" | "claim" | "place" | "source";
/** Gives the id a reference should have: the same, or the one it maps to. */
export type RefMap = (collection: RefCollection, id: string, field: string) => string;

const spans = (list: Evidence[], f: RefMap, field: string): Evidence[] =>
  list.map((e) => ({ ...e, sourceId: f("source", e.sourceId, field) }));
const opt = (id: string | null, collection: RefCollection, f: RefMap, field: string) =>
  id === null ? null : f(collection, id, field);

export const mapActor = (a: Actor, f: RefMap): Actor => ({
  ...a,
  aliases: a.aliases.map((x) => ({ ...x, sourceIds: x.sourceIds.map((id) => f("source", id, "aliases")) })),
  evidence: spans(a.evidence, f, "evidence"),
});

export const mapPlace = (p: Place, f: RefMap): Place => ({
  ...p,
  withinId: opt(p.withinId, "place", f, "withinId"),
  evidence: spans(p.evidence, f, "evidence"),
});

export const mapRelation = (r: Relation, f: RefMap): Relation => ({
  ...r,
  fromId: f("actor", r.fromId, "fromId"),
  toId: f("actor", r.toId, "toId"),
  evidence: spans(r.evidence, f, "evidence"),
});

export const mapEvent = <E extends EventLike>(e: E, f: RefMap): E => ({
  ...e,
  placeId: opt(e.placeId, "place", f, "placeId"),
  partOfId: opt(e.partOfId, "event", f, "partOfId"),
  responseToIds: e.responseToIds.map((id) => f("event", id, "responseToIds")),
  participants: e.participants.map((p) => ({ ...p, actorId: f("actor", p.actorId, "participants") })),
  fatalities: e.fatalities.map((x) => ({
    ...x,
    reportedById: opt(x.reportedById, "actor", f, "fatalities"),
    claimId: opt(x.claimId, "claim", f, "fatalities"),
    evidence: spans(x.evidence, f, "fatalities"),
  })),
  evidence: spans(e.evidence, f, "evidence"),
});

export const mapClaim = (c: Claim, f: RefMap): Claim => ({
  ...c,
  claimantId: f("actor", c.claimantId, "claimantId"),
  onBehalfOfId: opt(c.onBehalfOfId, "actor", f, "onBehalfOfId"),
  viaId: opt(c.viaId, "actor", f, "viaId"),
  about: {
    actorIds: c.about.actorIds.map((id) => f("actor", id, "aboutActorIds")),
    eventIds: c.about.eventIds.map((id) => f("event", id, "aboutEventIds")),
  },
  supportsIds: c.supportsIds.map((id) => f("claim", id, "supportsIds")),
  contradictsIds: c.contradictsIds.map((id) => f("claim", id, "contradictsIds")),
  evidence: spans(c.evidence, f, "evidence"),
  attribution: spans(c.attribution, f, "attribution"),
});

export const mapMention = (m: Mention, f: RefMap): Mention => ({
  ...m,
  sourceId: f("source", m.sourceId, "sourceId"),
  actorId: f("actor", m.actorId, "actorId"),
});

/** The references of a record that a reviewer's edit leaves in place, as `collection:id`. */
export function refsInUse(
  record:
    | { kind: "actor"; record: Actor }
    | { kind: "relation"; record: Relation }
    | { kind: "event"; record: EventLike }
    | { kind: "claim"; record: Claim },
  edited: ReadonlySet<string>,
): Set<string> {
  const used = new Set<string>();
  const note: RefMap = (collection, id, field) => {
    if (!edited.has(field)) used.add(`${collection}:${id}`);
    return id;
  };
  if (record.kind === "actor") mapActor(record.record, note);
  else if (record.kind === "relation") mapRelation(record.record, note);
  else if (record.kind === "event") mapEvent(record.record, note);
  else mapClaim(record.record, note);
  return used;
}
