/**
 * "Export these": the part of the dataset a filtered list shows, still a valid Dataset. The
 * chosen events, claims or actors come whole, with what they refer to (participants, places,
 * the claims carrying a disputed toll, claimants, and the sources of every quote), so the file
 * stands on its own. Links between chosen records of the same kind are kept; links to ones not
 * chosen (an event's wider event, a claim's contradiction) are left out of the subset rather
 * than pulling in records the list did not show.
 */
import type { Dataset } from "@atlas/schema";

export interface Selection {
  events?: readonly string[];
  claims?: readonly string[];
  actors?: readonly string[];
}

type Event = Dataset["events"][number];
type Claim = Dataset["claims"][number];

export function selectDataset(d: Dataset, selection: Selection): Dataset {
  const eventIds = new Set(selection.events ?? []);
  const claimIds = new Set(selection.claims ?? []);
  const actorIds = new Set(selection.actors ?? []);

  const events: Event[] = d.events
    .filter((e) => eventIds.has(e.id))
    .map((e) => ({
      ...e,
      partOfId: e.partOfId && eventIds.has(e.partOfId) ? e.partOfId : null,
      responseToIds: e.responseToIds.filter((id) => eventIds.has(id)),
    }));
  // A toll that an attributed claim carries brings that claim along.
  for (const e of events) for (const f of e.fatalities) if (f.claimId) claimIds.add(f.claimId);
  const claims: Claim[] = d.claims
    .filter((c) => claimIds.has(c.id))
    .map((c) => ({
      ...c,
      about: { actorIds: c.about.actorIds, eventIds: c.about.eventIds.filter((id) => eventIds.has(id)) },
      supportsIds: c.supportsIds.filter((id) => claimIds.has(id)),
      contradictsIds: c.contradictsIds.filter((id) => claimIds.has(id)),
    }));

  const actorsNeeded = new Set(actorIds);
  for (const e of events) {
    for (const p of e.participants) actorsNeeded.add(p.actorId);
    for (const f of e.fatalities) if (f.reportedById) actorsNeeded.add(f.reportedById);
  }
  for (const c of claims) {
    for (const id of [c.claimantId, c.onBehalfOfId, c.viaId, ...c.about.actorIds]) if (id) actorsNeeded.add(id);
  }
  const actors = d.actors.filter((a) => actorsNeeded.has(a.id));
  // Relations among the chosen actors only: the others were not asked for.
  const relations = d.relations.filter((r) => actorIds.has(r.fromId) && actorIds.has(r.toId));

  const placeIds = new Set<string>();
  const placeById = new Map(d.places.map((p) => [p.id, p]));
  for (const e of events) {
    for (let id = e.placeId; id && !placeIds.has(id); id = placeById.get(id)?.withinId ?? null) placeIds.add(id);
  }
  const places = d.places.filter((p) => placeIds.has(p.id));

  const sourceIds = new Set<string>();
  const cite = (spans: { sourceId: string }[]) => {
    for (const s of spans) sourceIds.add(s.sourceId);
  };
  for (const a of actors) {
    cite(a.evidence);
    for (const alias of a.aliases) for (const id of alias.sourceIds) sourceIds.add(id);
  }
  for (const p of places) cite(p.evidence);
  for (const r of relations) cite(r.evidence);
  for (const e of events) {
    cite(e.evidence);
    for (const f of e.fatalities) cite(f.evidence);
  }
  for (const c of claims) {
    cite(c.evidence);
    cite(c.attribution);
  }
  const sources = d.sources.filter((s) => sourceIds.has(s.id));
  const mentions = d.mentions.filter((m) => actorsNeeded.has(m.actorId) && sourceIds.has(m.sourceId));
  return { version: d.version, sources, actors, places, relations, events, claims, mentions };
}
