/**
 * What a new document's account meets in the atlas: the places its sentences name (the atlas's
 * places by their names and spellings, or a town from the gazetteer, proposed as new), and the
 * event it retells. A retelling is the same kind of happening (attacks, strikes and killings are
 * one family), at a date that overlaps, with a participant or the place in common: then the new
 * sentence is further evidence for the event the atlas holds, not a new event. Where several
 * could be meant, the one with the most in common is proposed, and the reviewer sees why.
 */
import { type EventKind, type ParticipantRole, type RelationType, type Time, timeBounds } from "@atlas/schema";
import { stateOpening } from "../../names/paraphrase.js";
import { isCityName } from "../../names/places.js";
import { NameResolver } from "../../names/resolver.js";
import type { Match, TextSpan } from "../types.js";

/** Kinds that tell the same violent happening from different sides. */
const FAMILIES: EventKind[][] = [
  ["attack", "strike", "killing"],
  ["capture", "crackdown"],
];
/** The kinds that may tell the same happening as this one. */
export const family = (k: EventKind): EventKind[] => FAMILIES.find((f) => f.includes(k)) ?? [k];

/** An actor's part in an account of a happening. */
export interface Taking {
  actorId: string;
  role: ParticipantRole;
}

export interface KnownEvent {
  id: string;
  kind: EventKind;
  title: string;
  time: Time;
  participants: Taking[];
  placeId?: string | null;
}

/** The events the atlas holds, with their participants (rows as the database gives them). */
export function knownEvents<E extends { id: string; kind: string; title: string; time: Time; placeId?: string | null }>(
  events: E[],
  participants: (Taking & { eventId: string })[],
): (E & KnownEvent)[] {
  const of = new Map<string, Taking[]>();
  for (const p of participants) of.set(p.eventId, [...(of.get(p.eventId) ?? []), { actorId: p.actorId, role: p.role }]);
  return events.map((e) => ({ ...e, kind: e.kind as EventKind, participants: of.get(e.id) ?? [] }));
}

/**
 * Who does violence and who suffers it: the sides of a happening. (An initiator and a subject,
 * of a sanction or a founding, are left out: accounts and readers give them too loosely.)
 */
const ACTING = new Set<ParticipantRole>(["perpetrator", "alleged_perpetrator", "ordered_by"]);
const ACTED_ON = new Set<ParticipantRole>(["target", "victim"]);
const sideOfRole = (r: ParticipantRole) => (ACTING.has(r) ? "acting" : ACTED_ON.has(r) ? "acted on" : null);

/**
 * The one who acts in one account is acted upon in the other (the militia that attacked, the
 * militia struck in answer): two happenings, not one told twice.
 */
function opposed(a: Taking[], b: Taking[]): boolean {
  if (a.length === 0 || b.length === 0) return false;
  return a.every((x) =>
    b.every((y) => {
      const s = sideOfRole(x.role);
      const t = sideOfRole(y.role);
      return s !== null && t !== null && s !== t;
    }),
  );
}

/** Do two times overlap (open ends reach as far as they go)? */
export function overlap(a: Time, b: Time): boolean {
  const x = timeBounds(a);
  const y = timeBounds(b);
  const start = (s: string | null) => s ?? "0000-01-01";
  const end = (s: string | null) => s ?? "9999-12-31";
  return start(x.earliest) <= end(y.latest) && start(y.earliest) <= end(x.latest);
}

/** A time with no start or no end ("../2021-03", "2003/.."). */
const openEnded = (t: Time) => t.edtf.includes("..");

/** Did `held`, told to within a month, end within the month before `bound` ends? */
function justBefore(held: Time, bound: Time): boolean {
  if (span(held) > 31) return false;
  const end = timeBounds(held).latest;
  const limit = timeBounds(bound).latest;
  if (!end || !limit) return false;
  const days = (Date.parse(limit) - Date.parse(end)) / 86_400_000;
  return days >= 0 && days <= 31;
}

/** How many days a time spans: narrower agreement is stronger. */
function span(t: Time): number {
  const b = timeBounds(t);
  if (!b.earliest || !b.latest) return 100_000;
  return (Date.parse(b.latest) - Date.parse(b.earliest)) / 86_400_000 + 1;
}

/**
 * Each state's forces and bodies that its name opens ("U.S. forces", "Iraqi Army", "Iran's
 * Revolutionary Guard"), by id, to the state's id: an account that names the state and an event
 * that names its forces tell of the same side.
 */
export function statesOfBodies(actors: { id: string; name: string; kind?: string }[]): Map<string, string> {
  const stateByName = new Map(actors.filter((a) => a.kind === "state").map((a) => [a.name.toLowerCase(), a.id]));
  const out = new Map<string, string>();
  for (const a of actors) {
    if (a.kind !== "military" && a.kind !== "government_body") continue;
    const opening = stateOpening(a.name);
    const state = opening ? stateByName.get(opening.state.toLowerCase()) : undefined;
    if (state) out.set(a.id, state);
  }
  return out;
}

/** What weighs each tie between two accounts, from the atlas's actors and places. */
export interface TieWeights {
  /** States, which take part in everything: half a tie. */
  states: ReadonlySet<string>;
  /** Each state's forces and bodies, to the state ("U.S. forces" → the United States): one side. */
  sides: ReadonlyMap<string, string>;
  /** Places too wide to tie two accounts on their own (a country): half a tie, as a state is. */
  broadPlaces: ReadonlySet<string>;
  /** People: one attacked or killed in both accounts ties them twice (a person is killed once). */
  people: ReadonlySet<string>;
}

/** The states, their forces, the countries and the people among the atlas's actors and places. */
export function tieWeights(
  actors: { id: string; name: string; kind?: string | null }[],
  places: { id?: string; kind?: string | null }[] = [],
): TieWeights {
  const of = (kind: string) => new Set(actors.filter((a) => a.kind === kind).map((a) => a.id));
  return {
    states: of("state"),
    sides: statesOfBodies(actors.map((a) => ({ ...a, kind: a.kind ?? undefined }))),
    broadPlaces: new Set(places.flatMap((p) => (p.id && p.kind === "country" ? [p.id] : []))),
    people: of("person"),
  };
}

/** The event the atlas holds that an account retells, if one fits; with what they share. */
export function corroborated(
  account: { kind: EventKind; time: Time | null; participants: Taking[]; placeId: string | null },
  events: KnownEvent[],
  actorNames: Map<string, string>,
  {
    states = new Set(),
    sides = new Map(),
    broadPlaces = new Set(),
    people = new Set(),
    sameDocument = false,
  }: Partial<TieWeights> & {
    /** Both accounts are in one document, which tells many happenings of a kind in a month with the same states in them. */
    sameDocument?: boolean;
  } = {},
): Match | null {
  // (An account of no kind, "other", retells nothing: what happened is not said, so a participant
  // and a time in common are too little to call it the same happening.)
  if (!account.time || account.kind === "other") return null;
  const kinds = family(account.kind);
  const sideOf = (id: string) => sides.get(id) ?? id;
  const told = [...new Set(account.participants.map((p) => p.actorId))];
  const takes = (parts: Taking[], id: string) => parts.filter((p) => p.actorId === id);
  let best: { event: KnownEvent; score: number; why: string[] } | null = null;
  for (const e of events) {
    if (!kinds.includes(e.kind) || !overlap(account.time, e.time)) continue;
    // One day's happening is an episode of a campaign held over years ("an offensive on Oct. 17 to
    // capture Mosul", in the war against ISIS), not that campaign retold.
    if (span(account.time) === 1 && span(e.time) > 366) continue;
    const there = [...new Set(e.participants.map((p) => p.actorId))];
    const shared = told.filter((id) => there.includes(id));
    // A state on one side and its forces on the other ("the U.S." and "U.S. forces"): one side, a
    // tie as weak as a state in common.
    const sided = told.flatMap((id) => {
      if (shared.includes(id)) return [];
      const other = there.find((q) => sideOf(q) === sideOf(id));
      return other ? [[id, other] as const] : [];
    });
    // One who acts here and is acted upon there: another happening between the same sides.
    const pairs = [...shared.map((id) => [id, id] as const), ...sided];
    if (pairs.some(([id, q]) => opposed(takes(account.participants, id), takes(e.participants, q)))) continue;
    const place = account.placeId !== null && e.placeId === account.placeId;
    // Both told to the day, and the same day: as strong a tie as a participant in common.
    const sameDay = span(e.time) === 1 && span(account.time) === 1;
    // How much they have in common: a participant or a place; a state, its forces or a country,
    // which take part in everything, count half.
    const struck = (id: string) =>
      people.has(id) &&
      [account.participants, e.participants].every((parts) => takes(parts, id).some((p) => ACTED_ON.has(p.role)));
    const tie =
      shared.reduce((n, id) => n + (states.has(id) ? 0.5 : struck(id) ? 2 : 1), 0) +
      sided.length * 0.5 +
      (place ? (broadPlaces.has(account.placeId as string) ? 0.5 : 1) : 0) +
      (sameDay ? 1 : 0);
    // The same day and nothing else in common: only the one happening of its kind that day (below).
    if (tie === (sameDay ? 1 : 0)) continue;
    // An account the text does not date ("../2021-03": some time before publication), or an event
    // held without a start or an end, overlaps everything on that side: twice as much is needed,
    // unless the event held ended within the month before the account's bound ("the siege came
    // after the United States launched airstrikes…": what was just before).
    if (tie < (openEnded(e.time) || (openEnded(account.time) && !justBefore(e.time, account.time)) ? 2 : 1)) continue;
    // In one document: a participant in common that is no state, the same place, or the same day.
    if (sameDocument && !shared.some((id) => !states.has(id)) && !place && !sameDay) continue;
    const why = [
      e.kind === account.kind ? `same kind (${e.kind})` : `kinds of one happening (${account.kind}, ${e.kind})`,
      sameDay ? `same day (${e.time.edtf})` : `dates overlap (${e.time.edtf}, ${account.time.edtf})`,
      ...shared.map((id) => `${actorNames.get(id) ?? id} takes part in both`),
      ...sided.map(([id, q]) => `${actorNames.get(id) ?? id} here, ${actorNames.get(q) ?? q} there: one side`),
      ...(place ? ["same place"] : []),
    ];
    // More in common, the same kind, and a narrower date win.
    const score = tie * 2 + (e.kind === account.kind ? 1 : 0) - Math.log10(span(e.time)) / 10;
    if (!best || score > best.score) best = { event: e, score, why };
  }
  if (best) return { id: best.event.id, title: best.event.title, why: best.why };
  // "Two rockets landed at an airbase on Friday evening": an account told to the day, with nothing
  // else in common, meets the one happening of its kind the atlas holds on that day, and no other.
  if (sameDocument || span(account.time) !== 1) return null;
  const that = events.filter(
    (e) =>
      kinds.includes(e.kind) &&
      span(e.time) === 1 &&
      timeBounds(e.time).earliest === timeBounds(account.time as Time).earliest,
  );
  const only = that.length === 1 ? (that[0] as KnownEvent) : null;
  return only
    ? {
        id: only.id,
        title: only.title,
        why: [
          only.kind === account.kind
            ? `same kind (${only.kind})`
            : `kinds of one happening (${account.kind}, ${only.kind})`,
          `same day (${only.time.edtf}): the only one the atlas holds that day`,
        ],
      }
    : null;
}

/**
 * Finds the place a sentence names: an atlas place by any of its names, else a town or city of
 * the gazetteer after "in", "near", "at", "outside"… (proposed as a new place).
 */
export function placesIn(
  places: { id?: string; name: string; aliases: string[] }[],
): (text: string, start: number, end: number) => { placeId: string | null; name: string; span: TextSpan } | null {
  const named = places.filter((p): p is typeof p & { id: string } => Boolean(p.id));
  const resolver = new NameResolver(
    named.flatMap((p) =>
      [p.name, ...p.aliases].map((name) => ({ actorId: p.id, name, origin: "name" as const, sourceIds: [] })),
    ),
  );
  const names = new Map(named.map((p) => [p.id, p.name]));
  return (text, start, end) => {
    const hits = resolver.find(text, { rules: "all" }, start, end).filter((m) => m.candidates.length === 1);
    // The most specific place: the last one named ("in Baghdad, Iraq" is Baghdad).
    const first = hits.find((m) => !/\bIraq|Iran|Syria\b/.test(text.slice(m.start, m.end))) ?? hits[0];
    if (first) {
      const id = (first.candidates[0] as { actorId: string }).actorId;
      return {
        placeId: id,
        name: names.get(id) ?? text.slice(first.start, first.end),
        span: { start: first.start, end: first.end, quote: text.slice(first.start, first.end) },
      };
    }
    const m =
      /\b(?:in|near|at|outside|around|north of|south of|east of|west of)\s+((?:al-)?\p{Lu}[\p{L}'’-]+(?:\s+(?:al-)?\p{Lu}[\p{L}'’-]+)?)/u.exec(
        text.slice(start, end),
      );
    if (m && isCityName(m[1] as string)) {
      const at = start + m.index + m[0].length - (m[1] as string).length;
      return {
        placeId: null,
        name: m[1] as string,
        span: { start: at, end: at + (m[1] as string).length, quote: m[1] as string },
      };
    }
    return null;
  };
}

export interface KnownRelation {
  id: string;
  type: RelationType;
  fromId: string;
  toId: string;
  time: Time | null;
  former: boolean;
}

/**
 * The relation the atlas already holds between the same two actors (same type, or "leads" read as
 * "commands"), and one that disagrees: another leader of the same group at a time that overlaps.
 */
export function relationMatches(
  r: { type: RelationType; from: { actorId: string | null }; to: { actorId: string | null }; former: boolean },
  relations: KnownRelation[],
  actorNames: Map<string, string>,
): { existing: Match | null; conflicts: Match | null } {
  const from = r.from.actorId;
  const to = r.to.actorId;
  if (!from || !to) return { existing: null, conflicts: null };
  const near = (a: RelationType, b: RelationType) =>
    a === b || (["leads", "commands"].includes(a) && ["leads", "commands"].includes(b));
  const title = (x: KnownRelation) =>
    `${actorNames.get(x.fromId) ?? x.fromId} ${x.type.replace(/_/g, " ")} ${actorNames.get(x.toId) ?? x.toId}`;
  const same = relations.find((x) => x.fromId === from && x.toId === to && near(x.type, r.type));
  if (same) {
    return {
      existing: {
        id: same.id,
        title: title(same),
        why: [
          same.type === r.type ? `same ends, same type (${r.type})` : `same ends, near types (${same.type}, ${r.type})`,
        ],
      },
      conflicts: null,
    };
  }
  const other =
    r.type === "leads" && !r.former
      ? relations.find((x) => x.type === "leads" && x.toId === to && x.fromId !== from && !x.former)
      : undefined;
  return {
    existing: null,
    conflicts: other
      ? {
          id: other.id,
          title: title(other),
          why: [
            `the atlas has ${actorNames.get(other.fromId) ?? other.fromId} leading ${actorNames.get(to) ?? to}, not marked as over`,
          ],
        }
      : null,
  };
}
