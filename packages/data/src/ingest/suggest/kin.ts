/**
 * Kin a sentence states: "Y's brother X", "Y's father, X", and with a possessive pronoun, "his
 * own father, X", "her son X", the pronoun being the person named last before it in its paragraph.
 *
 * Direction follows the atlas's reading ("_from_ is kin_of _to_ with `role: son`"): the relative
 * the text names is _from_, with the kin word as the role ("Y's brother X": X, brother, of Y);
 * a parent is the exception, told from the child ("Y's father X": Y, son, of X), so a child is
 * always _from_ whichever of the two the text names.
 */
import type { RelationActor, RelationHit } from "./relation-types.js";

/** Kin words, and the words that may stand between the possessive and them ("his late brother"). */
export const KIN =
  "father|mother|brother|sister|son|daughter|uncle|aunt|cousin|nephew|niece|wife|husband|grandson|granddaughter|grandfather|grandmother";
export const KIN_MODIFIER = "(?:(?:own|late|eldest|youngest|older|younger|elder|teenage|\\w+-year-old)\\s+)?";
/** "Y's brother X", "Y's own father, X": the words between Y and X. */
const KIN_BETWEEN = new RegExp(`^['’]s\\s+${KIN_MODIFIER}(${KIN})\\s*,?\\s+$`, "i");
/** "his own father, X", "Her son X": the words right before X. */
const KIN_PRONOUN = new RegExp(`\\b(his|her)\\s+${KIN_MODIFIER}(${KIN})\\s*,?\\s+$`, "i");
const PARENT = /^(?:father|mother)$/i;

/** A person who may be a relative: a known person, or a name that reads as one. */
const personLike = (a: RelationActor) => a.kind === undefined || a.kind === "person";

/**
 * Kin among the actors of one sentence (sorted by position); `personBefore` is the person named
 * last before a position (in this sentence or the ones just before), for "his" or "her".
 */
export function kinTies(
  text: string,
  actors: RelationActor[],
  personBefore: (at: number) => RelationActor | null,
): RelationHit[] {
  const out: RelationHit[] = [];
  const tie = (
    holder: RelationActor,
    relative: RelationActor,
    word: string,
    childWord: string,
    at: number,
    pattern: string,
  ) => {
    const parent = PARENT.test(word);
    out.push({
      type: "kin_of",
      from: parent ? holder : relative,
      to: parent ? relative : holder,
      role: parent ? childWord : word.toLowerCase(),
      former: false,
      pattern,
      start: at,
      end: relative.end,
      confidence: pattern === "his brother X" ? 0.65 : 0.8,
    });
  };
  for (let i = 0; i < actors.length; i++) {
    const x = actors[i] as RelationActor;
    if (!personLike(x)) continue;
    const y = actors[i - 1];
    const named = y && personLike(y) ? KIN_BETWEEN.exec(text.slice(y.end, x.start)) : null;
    if (y && named) {
      if (y.name !== x.name) tie(y, x, named[1] as string, "child", y.start, "Y's brother X");
      continue;
    }
    const pronoun = KIN_PRONOUN.exec(text.slice(Math.max(0, x.start - 40), x.start));
    if (!pronoun) continue;
    const at = x.start - pronoun[0].length;
    const holder = personBefore(at);
    if (!holder || holder.name === x.name || (holder.actorId !== null && holder.actorId === x.actorId)) continue;
    // In its own paragraph: past a break, "His father" is of someone the new passage has not named.
    if (text.slice(holder.end, at).includes("\n")) continue;
    const childWord = /^his$/i.test(pronoun[1] as string) ? "son" : "daughter";
    tie(holder, x, pronoun[2] as string, childWord, at, "his brother X");
  }
  return out;
}
