/**
 * The document's memory of who was named and who spoke, and what a pronoun or a body noun ("he",
 * "the group") refers back to: the most recent fitting one, within a bounded distance.
 */
import type { ActorKind } from "@atlas/schema";
import { AS_TIE } from "./nouns.js";
import { ANY_BODY, BODY_KINDS, type KnownHit, type Memory, type NameHit, type Speaker, sortOf } from "./speech.js";

/** The most recent speaker or actor of a fitting sort before `at`. */
export function recall(
  memory: Memory,
  sorts: Speaker["sort"][],
  at: number,
  states = true,
  skip: (s: Speaker) => boolean = () => false,
): Speaker | null {
  for (let i = memory.speakers.length - 1; i >= 0; i--) {
    const s = memory.speakers[i] as Speaker;
    if (s.end <= at && sorts.includes(s.sort) && at - s.end < 2000 && !skip(s)) return s;
  }
  return seenBefore(memory, at, (s) => sorts.includes(s.sort) && (states || s.kind !== "state") && !skip(s));
}

/** The actor or name seen last before `at` (within 600 characters) that `ok` accepts. */
export function seenBefore(memory: Memory, at: number, ok: (s: Speaker) => boolean): Speaker | null {
  for (let i = memory.seen.length - 1; i >= 0; i--) {
    const s = memory.seen[i] as Memory["seen"][number];
    if (s.at <= at && at - s.at < 600 && ok(s.speaker)) return s.speaker;
  }
  return null;
}

/**
 * The body a noun refers back to: for "the militia", the last one named of a kind the noun may
 * stand for; for a word of a name ("the Brigades' secretary-general"), the last whose words hold it.
 */
export function bodyBefore(memory: Memory, at: number, noun: string): Speaker | null {
  if (/^\p{Lu}/u.test(noun)) {
    const word = new RegExp(`\\b${noun.replace(/[^\p{L}]/gu, "")}\\b`, "u");
    return latest(memory, at, (s) => s.sort === "body" && word.test(s.text));
  }
  return latest(memory, at, (s) => s.sort === "body" && (!s.kind || (BODY_KINDS[noun] ?? ANY_BODY).has(s.kind)));
}

/**
 * The most recently named speaker or actor before `at` that `ok` accepts: what "the group" or
 * "the ministry" refers to (the last group named, not the last one that spoke).
 */
export function latest(memory: Memory, at: number, ok: (s: Speaker) => boolean): Speaker | null {
  let best: Speaker | null = null;
  for (let i = memory.speakers.length - 1; i >= 0; i--) {
    const s = memory.speakers[i] as Speaker;
    if (s.end <= at && at - s.end < 2000 && ok(s)) {
      best = s;
      break;
    }
  }
  const seen = seenBefore(memory, at, ok);
  return seen && (!best || seen.end > best.end) ? seen : best;
}

/** Words before a state's name that make it a place: "in Iraq", "across Iraq and Syria", "to Iraq". */
export const AS_PLACE =
  /\b(?:in|into|across|throughout|inside|outside|around|near|to|from|at)\s+(?:the\s+)?(?:\p{Lu}[\p{L}.-]*\s+(?:and|or)\s+)?$/u;

/** A body named only as another's tie: "the group" that follows is not the one tied to. */
const onlyTied = (text: string, start: number, kind: ActorKind | undefined) =>
  sortOf(kind) === "body" && AS_TIE.test(text.slice(Math.max(0, start - 40), start));

/** Remembers the actors a sentence names, for later back-references. */
export function remember(memory: Memory, known: KnownHit[], names: NameHit[], text: string) {
  for (const k of known) {
    if (!k.actorId) continue;
    // "strikes in Iraq and Syria … it said": a state named as a place is no one "it" refers to.
    if (k.kind === "state" && AS_PLACE.test(text.slice(Math.max(0, k.start - 40), k.start))) continue;
    if (onlyTied(text, k.start, k.kind)) continue;
    memory.seen.push({
      speaker: {
        start: k.start,
        end: k.end,
        text: text.slice(k.start, k.end),
        actorId: k.actorId,
        name: null,
        from: "name",
        onBehalfOfId: null,
        sort: sortOf(k.kind),
        ...(k.kind ? { kind: k.kind } : {}),
      },
      at: k.end,
    });
  }
  for (const n of names) {
    if (onlyTied(text, n.start, n.kind)) continue;
    memory.seen.push({
      speaker: {
        start: n.start,
        end: n.end,
        text: n.name,
        actorId: null,
        name: n.name,
        from: "name",
        onBehalfOfId: null,
        sort: sortOf(n.kind),
        kind: n.kind,
      },
      at: n.end,
    });
  }
  memory.seen.sort((a, b) => a.at - b.at);
  if (memory.seen.length > 200) memory.seen.splice(0, memory.seen.length - 100);
  if (memory.speakers.length > 200) memory.speakers.splice(0, memory.speakers.length - 100);
}
