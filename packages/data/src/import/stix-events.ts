/** A STIX import's incidents and an atlas's event groupings: events, matched against the atlas's by corroboration. */
import { EVENT_KINDS, type EventKind, type ParticipantRole } from "@atlas/schema";
import type { Db } from "../db/client.js";
import { heldEvents, heldPlaces } from "../ingest/held.js";
import { slugify, unique } from "../ingest/ids.js";
import { corroborated, family, tieWeights } from "../ingest/suggest/corroborate.js";
import type { Match } from "../ingest/types.js";
import { keyOf } from "./pending.js";
import type { Planning } from "./stix-planning.js";
import { atlasTime, type EventObject, seenTime, validId } from "./stix-read.js";

/** Participant roles from the relationship types an atlas writes from an event (and OpenCTI's). */
const ROLE_OF: Record<string, ParticipantRole> = {
  "attributed-to": "perpetrator",
  "allegedly-attributed-to": "alleged_perpetrator",
  "ordered-by": "ordered_by",
  "initiated-by": "initiator",
  targets: "target",
  "has-victim": "victim",
  involves: "participant",
  concerns: "subject",
  "related-to": "participant",
};

/** The actors the event's relationships point at, with the role each names, each actor in a role once. */
function participantsOf(e: EventObject, { b, from }: Planning): { actorId: string; role: ParticipantRole }[] {
  const participants = from(e.id)
    .filter((r) => b.actorIds.has(r.target_ref))
    .map((r) => ({
      actorId: r.target_ref,
      role: ROLE_OF[r.relationship_type] ?? ("participant" as const),
      type: r.relationship_type,
    }));
  const seenParticipants = new Set<string>();
  return participants.filter(
    (p) => !seenParticipants.has(`${p.actorId}/${p.role}`) && seenParticipants.add(`${p.actorId}/${p.role}`),
  );
}

/** The links an event writes once both ends are accepted: its participants, the event it is part of, those it answers. */
function holdLinks(e: EventObject, participants: { actorId: string; role: ParticipantRole }[], { b, hold }: Planning) {
  for (const p of participants) hold("participants", keyOf("event", e.id), keyOf("actor", p.actorId), { role: p.role });
  const partOf = e.x_atlas_part_of_ref && b.eventIds.has(e.x_atlas_part_of_ref) ? e.x_atlas_part_of_ref : null;
  if (partOf) hold("partOfId", keyOf("event", e.id), keyOf("event", partOf));
  const answers = (e.x_atlas_response_to_refs ?? []).filter((x) => b.eventIds.has(x));
  for (const r of answers) hold("responseToIds", keyOf("event", e.id), keyOf("event", r));
}

/** Where the event happened (located-at): the atlas's place it was exported with, else the location's name as a note. */
function placeOf(
  e: EventObject,
  { b, from }: Planning,
  placeIds: Set<string>,
): { placeId: string | null; placeNote: string | null } {
  const located = from(e.id).find((r) => r.relationship_type === "located-at");
  const location = located ? b.byId.get(located.target_ref) : undefined;
  const atlasPlace = location ? validId(location.x_atlas_id) : null;
  const placeId = atlasPlace && placeIds.has(atlasPlace) ? atlasPlace : null;
  const placeNote = !placeId && location && "name" in location && location.name ? location.name : null;
  return { placeId, placeNote };
}

/** Events, with their participants and places from the relationships from them. */
export async function planEvents(db: Db, p: Planning): Promise<void> {
  const { plan, importId, sourceId, b, evidenceOf, suggestionId, namedActor, step, actorNames, mergeOf } = p;
  const [known, atlasPlaces] = await Promise.all([heldEvents(db), heldPlaces(db)]);
  const knownById = new Map(known.map((e) => [e.id, e]));
  const placeIds = new Set(atlasPlaces.map((p) => p.id));
  const weights = tieWeights(p.atlasActors, atlasPlaces);
  const takenEventIds = new Set(known.map((e) => e.id));
  for (const e of b.events) {
    const kind: EventKind =
      e.x_atlas_event_kind && e.x_atlas_event_kind in EVENT_KINDS ? (e.x_atlas_event_kind as EventKind) : "other";
    const time =
      atlasTime(e.x_atlas_time) ??
      (e.type === "incident" ? seenTime(e.first_seen, e.last_seen, "incident's first_seen/last_seen") : null);
    const unique_ = participantsOf(e, p);
    holdLinks(e, unique_, p);
    const { placeId, placeNote } = placeOf(e, p, placeIds);
    const atlasId = validId(e.x_atlas_id);
    const sameId = atlasId ? knownById.get(atlasId) : undefined;
    const account = {
      kind,
      time,
      participants: unique_.flatMap((p) => {
        const actorId = mergeOf.get(p.actorId);
        return actorId ? [{ actorId, role: p.role }] : [];
      }),
      placeId,
    };
    const corroborates: Match | null =
      sameId && family(kind).includes(sameId.kind)
        ? { id: sameId.id, title: sameId.title, why: ["the event the atlas exported under this id (x_atlas_id)"] }
        : corroborated(account, known, actorNames, weights);
    const evidence = evidenceOf(e.id);
    const first = evidence[0] as (typeof evidence)[number];
    const datePart = time ? time.edtf.replace(/[^0-9-].*$/, "").replace(/-$/, "") : "";
    const id = unique(atlasId ?? (slugify(`${datePart} ${e.name}`, 80) || "event"), (x) => takenEventIds.has(x));
    takenEventIds.add(id);
    const summary = e.description?.trim() || e.name;
    plan.suggestions.push({
      id: suggestionId.get(e.id) as string,
      sourceId,
      kind: "event",
      start: first.start,
      end: first.end,
      quote: first.quote,
      label: `${e.name} (${e.id})${corroborates ? ` — may be “${corroborates.title}”` : ""}`,
      proposal: {
        kind: "event",
        eventKind: kind,
        trigger: "",
        title: e.name,
        summary,
        sentence: first,
        time,
        place: null,
        participants: unique_.map((p) => ({ ...namedActor(p.actorId), role: p.role })),
        fatalities: [],
        injuries: [],
        corroborates,
        confidence: corroborates ? 0.5 : 1,
        imported: {
          importId,
          format: "stix",
          externalId: e.id,
          waitsFor: [],
          record: {
            id,
            kind,
            title: e.name,
            summary,
            time,
            placeId,
            placeNote,
            participants: [],
            fatalities: [],
            partOfId: null,
            responseToIds: [],
            evidence,
          },
        },
      },
    });
    plan.count(plan.suggested, "event");
    step();
  }
}
