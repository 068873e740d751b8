/**
 * What a careful reader found in one document, taken from curated annotations, and the atlas a
 * new document meets: for the leave-one-document-out benchmark, everything the other documents
 * say (actors evidenced or named there, and only the aliases they use); for the development
 * set, the whole curated atlas. Suggestions are scored against the gold in score.ts.
 */
import type { Actor, Claim, Dataset, Event, Relation, Source, Time } from "@atlas/schema";
import type { SuggestInput } from "../suggest/index.js";

export interface GoldMention {
  start: number;
  end: number;
  actorId: string;
}

export interface GoldDate {
  start: number;
  end: number;
  /** null when a careful reader cannot resolve it either. */
  edtf: string | null;
}

export interface Gold {
  source: Source;
  /** Mentions of actors the atlas already knows. */
  mentions: GoldMention[];
  /** Actors a reviewer would add: named, not in the atlas, named or evidenced in the document. */
  newActors: Actor[];
  /** Attributed statements (not the document's own voice). */
  claims: Claim[];
  dates: GoldDate[];
  events: Event[];
  relations: Relation[];
  /** Events of this document the atlas already holds (told by another document): to be proposed as corroboration. */
  heldEvents: Set<string>;
  /** Links between a claim of this document and a claim the atlas holds. */
  claimLinks: { claimId: string; otherId: string; type: "supports" | "contradicts" }[];
}

export type Atlas = Pick<SuggestInput, "actors" | "places" | "events" | "relations" | "claims">;

/** Kinds a reviewer adds as actors from names in the text (not descriptions, not the author's voice). */
const NAMED_KINDS = new Set<Actor["kind"]>([
  "person",
  "armed_group",
  "military",
  "state",
  "government_body",
  "political_party",
  "coalition",
  "religious_authority",
  "organization",
  "think_tank",
  "media",
]);

const inSource = (sourceId: string) => (e: { sourceId: string }) => e.sourceId === sourceId;

/** Actors a record evidenced in `sources` refers to. */
function referenced(dataset: Dataset, keep: (sourceId: string) => boolean): Set<string> {
  const ids = new Set<string>();
  const evidenced = (r: { evidence: { sourceId: string }[] }) => r.evidence.some((e) => keep(e.sourceId));
  for (const a of dataset.actors) if (evidenced(a)) ids.add(a.id);
  for (const m of dataset.mentions) if (keep(m.sourceId)) ids.add(m.actorId);
  for (const r of dataset.relations) if (evidenced(r)) ids.add(r.fromId).add(r.toId);
  // An event told by several documents lists the participants of all of them: only those the kept
  // documents name themselves are known through it.
  const namedThere = new Set(dataset.mentions.filter((m) => keep(m.sourceId)).map((m) => m.actorId));
  for (const e of dataset.events)
    if (evidenced(e)) for (const p of e.participants) if (namedThere.has(p.actorId)) ids.add(p.actorId);
  for (const c of dataset.claims) if (evidenced(c)) ids.add(c.claimantId);
  return ids;
}

/** The atlas without one document: only what the other documents name, in the names they use. */
export function atlasWithout(dataset: Dataset, sourceId: string): { atlas: Atlas; known: Set<string> } {
  const other = (id: string) => id !== sourceId;
  const known = referenced(dataset, other);
  const usedElsewhere = new Set(
    dataset.mentions.filter((m) => other(m.sourceId)).map((m) => `${m.actorId}\u0000${m.alias}`),
  );
  const actors = dataset.actors
    .filter((a) => known.has(a.id))
    .map((a) => ({
      id: a.id,
      name: a.name,
      kind: a.kind,
      aliases: a.aliases.flatMap((x) => {
        if (x.outside) return [x];
        if (!usedElsewhere.has(`${a.id}\u0000${x.name}`)) return [];
        // A scoped alias keeps only its other documents (an empty scope would mean everywhere).
        return x.sourceIds.length === 0 ? [x] : [{ ...x, sourceIds: x.sourceIds.filter(other) }];
      }),
    }));
  const evidencedElsewhere = (r: { evidence: { sourceId: string }[] }) => r.evidence.some((e) => other(e.sourceId));
  return {
    atlas: {
      actors,
      places: placesOf(dataset),
      ...recordsOf(dataset, evidencedElsewhere, known),
    },
    known,
  };
}

/** The events, relations and claims an atlas holds, in the suggester's shapes. */
function recordsOf(
  dataset: Dataset,
  keep: (r: { evidence: { sourceId: string }[] }) => boolean,
  known: Set<string>,
): Pick<Atlas, "events" | "relations" | "claims"> {
  return {
    events: dataset.events.filter(keep).map((e) => ({
      id: e.id,
      kind: e.kind,
      title: e.title,
      time: e.time,
      placeId: e.placeId,
      participants: e.participants.filter((p) => known.has(p.actorId)),
    })),
    relations: dataset.relations
      .filter((r) => keep(r) && known.has(r.fromId) && known.has(r.toId))
      .map((r) => ({ id: r.id, type: r.type, fromId: r.fromId, toId: r.toId, time: r.time, former: r.former })),
    claims: dataset.claims
      .filter((c) => keep(c) && known.has(c.claimantId))
      .map((c) => ({
        id: c.id,
        claimantId: c.claimantId,
        stance: c.stance,
        statement: c.statement,
        actorIds: c.about.actorIds,
        eventIds: c.about.eventIds,
      })),
  };
}

/** The whole atlas, as a new document meets it. */
export function wholeAtlas(dataset: Dataset): { atlas: Atlas; known: Set<string> } {
  const known = new Set(dataset.actors.map((a) => a.id));
  return {
    atlas: {
      actors: dataset.actors.map((a) => ({ id: a.id, name: a.name, kind: a.kind, aliases: a.aliases })),
      places: placesOf(dataset),
      ...recordsOf(dataset, () => true, known),
    },
    known,
  };
}

const placesOf = (dataset: Dataset) =>
  dataset.places.map((p) => ({ id: p.id, name: p.name, aliases: p.aliases, kind: p.kind }));

/** Is the claimant the document's own voice (its unnamed author, or a named author)? */
export const isVoice = (claim: Claim, source: Source, actors: Map<string, Actor>) =>
  claim.claimantId === `author-${source.id}` || source.authors.includes(actors.get(claim.claimantId)?.name ?? "\u0000");

/**
 * Dated expressions of a document, from the times the annotations give with the document's own
 * words: each expression found verbatim in an evidence span of that document.
 */
function datesFrom(dataset: Dataset, source: Source): GoldDate[] {
  const out = new Map<string, GoldDate>();
  const add = (time: Time | null, evidence: { sourceId: string; start: number; end: number }[]) => {
    // Inferred times are reasoning ("before the strike"), not dated expressions in the text.
    if (!time?.expression || time.basis === "inferred") return;
    for (const e of evidence.filter(inSource(source.id))) {
      const at = source.text.slice(e.start, e.end).indexOf(time.expression);
      if (at === -1) continue;
      const start = e.start + at;
      out.set(`${start}`, { start, end: start + time.expression.length, edtf: time.edtf });
      return;
    }
  };
  for (const e of dataset.events) add(e.time, e.evidence);
  for (const r of dataset.relations) add(r.time, r.evidence);
  for (const c of dataset.claims) add(c.said, [...c.evidence, ...c.attribution]);
  return [...out.values()].sort((a, b) => a.start - b.start);
}

export function goldFor(
  dataset: Dataset,
  sourceId: string,
  known: Set<string>,
  {
    dates: extraDates,
    heldOut = false,
    held = { events: [], claims: [] },
  }: { dates?: GoldDate[]; heldOut?: boolean; held?: { events: string[]; claims: string[] } } = {},
): Gold {
  const source = dataset.sources.find((s) => s.id === sourceId);
  if (!source) throw new Error(`No source "${sourceId}" in the dataset.`);
  const here = inSource(sourceId);
  const actors = new Map(dataset.actors.map((a) => [a.id, a]));
  const named = referenced(dataset, (id) => id === sourceId);
  // Held out: a name the document uses in its own sense ("Ali", "the militias") cannot be known elsewhere.
  const ownSense = new Set(
    dataset.actors.flatMap((a) =>
      !heldOut
        ? []
        : a.aliases
            .filter((x) => x.sourceIds.length === 1 && x.sourceIds[0] === sourceId && !x.outside)
            .map((x) => `${a.id}\u0000${x.name}`),
    ),
  );
  return {
    source,
    mentions: dataset.mentions
      .filter((m) => here(m) && known.has(m.actorId) && !ownSense.has(`${m.actorId}\u0000${m.alias}`))
      .map((m) => ({ start: m.start, end: m.end, actorId: m.actorId })),
    newActors: dataset.actors.filter(
      (a) =>
        !known.has(a.id) &&
        NAMED_KINDS.has(a.kind) &&
        named.has(a.id) &&
        dataset.mentions.some((m) => here(m) && m.actorId === a.id),
    ),
    claims: dataset.claims.filter((c) => c.evidence.some(here) && !isVoice(c, source, actors)),
    dates: extraDates ?? datesFrom(dataset, source),
    events: dataset.events.filter((e) => e.evidence.some(here)),
    relations: dataset.relations.filter((r) => r.evidence.some(here)),
    heldEvents: new Set(held.events),
    claimLinks: dataset.claims
      .filter((c) => c.evidence.some(here))
      .flatMap((c) => [
        ...c.supportsIds.map((otherId) => ({ claimId: c.id, otherId, type: "supports" as const })),
        ...c.contradictsIds.map((otherId) => ({ claimId: c.id, otherId, type: "contradicts" as const })),
      ])
      .filter((l) => held.claims.includes(l.otherId)),
  };
}
