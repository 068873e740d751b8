/** The atlas's events a date may be counted from: "three months after the strike". */
import type { EventKind } from "@atlas/schema";
import type { Candidate as Resolved } from "../../names/resolver.js";
import type { Anchor } from "./date-core.js";
import type { SuggestInput } from "./input.js";

/** Words that name a kind of event, for "three months after the strike". */
const EVENT_WORDS: [RegExp, EventKind[]][] = [
  [/\b(air|drone|missile)?\s*strikes?\b|\bairstrikes?\b|\bbombardment\b/i, ["strike"]],
  [/\battacks?\b|\bbombings?\b|\bassault\b|\bambush\b/i, ["attack"]],
  [/\bkilling\b|\bassassination\b|\bdeath\b|\bmurder\b/i, ["killing", "strike", "death"]],
  [/\belections?\b|\bvote\b|\bpolls\b/i, ["election"]],
  [/\bprotests?\b|\bdemonstrations?\b/i, ["protest"]],
  [/\binvasion\b|\bwar\b|\bbattle\b|\boffensive\b|\bfall of\b/i, ["battle", "capture"]],
  [/\barrests?\b|\braids?\b|\bcapture\b|\bseizure\b/i, ["capture"]],
  [/\bsanctions?\b|\bdesignation\b/i, ["sanction"]],
  [/\bwithdrawal\b|\bdeal\b|\bagreement\b/i, ["policy"]],
  [/\bfounding\b|\bformation\b|\bcreation\b/i, ["founding"]],
];

/**
 * The atlas's events a phrase after "after"/"before" may name: one whose kind the phrase names
 * and whose participants it names too ("after the strike that killed Soleimani"), counted.
 */
export function anchorsFor(
  events: NonNullable<SuggestInput["events"]>,
  mentions: { start: number; end: number; candidates: Resolved[] }[],
): Anchor[] {
  return events.map((e) => ({
    title: e.title,
    time: e.time,
    named: (phrase: string, at: number) => {
      if (!EVENT_WORDS.some(([word, kinds]) => word.test(phrase) && kinds.includes(e.kind))) return 0;
      const named = new Set<string>();
      for (const m of mentions) {
        if (m.start < at || m.end > at + phrase.length || m.candidates.length !== 1) continue;
        const id = (m.candidates[0] as Resolved).actorId;
        if (e.participants.some((p) => p.actorId === id)) named.add(id);
      }
      return named.size;
    },
  }));
}
