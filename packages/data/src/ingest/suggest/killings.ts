/** Who killed whom, as a sentence reporting the killing states it. */
import { killedPassive } from "./events.js";
import { ownsNext } from "./nouns.js";
import type { RelationActor, RelationHit } from "./relation-types.js";

/**
 * "A US drone strike killed Qassem Soleimani": who the sentence says killed a named person. Only
 * a killing the sentence states (not one it blames on someone: that is a claim), and only of people.
 */
export function killedIn(
  event: { trigger: { start: number; end: number }; participants: (RelationActor & { role: string })[] },
  sentence: { start: number; end: number },
  text: string,
): RelationHit[] {
  // The killing verb itself: the event's word may be the strike that killed ("a drone strike killed X").
  // ("the US killing of X": the noun, with its killer before it.)
  const verb = /\b(?:kill(?:ed|s|ing)?|assassinated|assassination|murdered|slew|slain|executed)\b/i.exec(
    text.slice(event.trigger.start, sentence.end),
  );
  if (!verb) return [];
  const t = { start: event.trigger.start + verb.index, end: event.trigger.start + verb.index + verb[0].length };
  const passive =
    /\b(?:was|were|been|being|is|are)\s+$/i.test(text.slice(Math.max(0, t.start - 12), t.start)) ||
    killedPassive(verb[0], text.slice(t.end, t.end + 20));
  // "the US killing of X and Y": the noun, its killer right before it, whom it names after "of".
  if (/^(?:killing|assassination)$/i.test(verb[0])) {
    const killer = event.participants.find(
      (p) => p.role === "perpetrator" && /^(?:['’]s)?\s+$/.test(text.slice(p.end, t.start)),
    );
    const of = /^\s+of\s+/i.exec(text.slice(t.end, t.end + 6));
    if (!killer || !of) return [];
    // The list after "of": names, their titles and possessives, joined by commas and "and"
    // ("of Islamic Revolutionary Guard commander X and Fayyadh's Iraqi lieutenant Y"); a word in
    // lower case that is none of these ends it ("… angered Z").
    const named: RelationActor[] = [];
    let from = t.end + of[0].length;
    for (const p of event.participants.filter((x) => x.start >= from).sort((a, b) => a.start - b.start)) {
      if (!LIST_WORDS.test(text.slice(from, p.start))) break;
      if (p.kind === "person" && !ownsNext(text, p.end)) named.push(p);
      from = p.end;
    }
    return named.map((to) => killedHit(killer, to, sentence));
  }
  // Close to the verb, in the same clause: "A US drone strike killed X", "X was killed in a US drone strike".
  const killers = event.participants.filter((p) =>
    p.role === "perpetrator" && passive
      ? p.start >= t.end &&
        /^\s+(?:[^,;]{0,40}?\s)?(?:by|in an?|in the)\s+(?:[\w.-]+\s+){0,2}$/i.test(text.slice(t.end, p.start))
      : p.role === "perpetrator" && p.end <= t.start && /^[^,;]{0,40}$/.test(text.slice(p.end, t.start)),
  );
  const clause = /[;]|\b(?:as|while|after|before|when|who|which)\b|\band\s+\w+ed\b/i;
  // "X, who was killed in …": the relative clause is about the name it follows.
  const relative = /^,\s+who\s+(?:was|were|had been|has been|have been)\s+$/i;
  // "X was killed alongside Y in …": Y was killed too.
  const alongside = /^\s+(?:[^,;]{0,50}?\s)?(?:alongside|along with|together with)\s+[^,;]{0,40}$/i;
  const killed = event.participants.filter(
    (p) =>
      (p.role === "victim" || p.role === "target") &&
      p.kind === "person" &&
      (passive
        ? p.end <= t.start
          ? relative.test(text.slice(p.end, t.start)) || !clause.test(text.slice(p.end, t.start))
          : alongside.test(text.slice(t.end, p.start))
        : p.start >= t.end && p.start - t.end < 80 && !clause.test(text.slice(t.end, p.start))),
  );
  return killers.flatMap((from) => killed.map((to) => killedHit(from, to, sentence)));
}

/** What may stand between the names a list of the killed gives: titles, possessives, commas, "and". */
const LIST_WORDS =
  /^(?:\s|,|['’]s\b|\band\b|\bthe\b|\b(?:commander|leader|lieutenant|deputy|chief|head|general|official|cleric|secretary|founder|spokesman|(?:vice\s+)?president|minister)\b|\p{Lu}[\p{L}.’'-]*)*$/u;

function killedHit(from: RelationActor, to: RelationActor, sentence: { start: number; end: number }): RelationHit {
  return { type: "killed", from, to, role: null, former: false, pattern: "X killed Y", ...sentence, confidence: 0.7 };
}
