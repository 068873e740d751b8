/**
 * Reporting verbs and nouns of speech: the words that attribute speech, with the stance each
 * implies, and the words that say something was not said. One list for every place that needs it:
 * the statement finder, the stance it proposes, and the reader's prefill when an analyst selects
 * words ("…, he warned" → warns).
 *
 * "Strong" verbs report speech wherever they are verbs (said, denied, vowed). "Weak" ones report
 * speech only with a complement — a quotation, "that", a colon, or "to" (added fuel, posted
 * troops, reported for duty and called up are not statements) — and "call" only as "call for",
 * "call on" or "call X a Y".
 */
import type { Stance } from "@atlas/schema";

export interface Reporting {
  stance: Stance;
  strong: boolean;
  /** It reports only with its noun ("raised concerns over"): someone must be said to have done it. */
  withNoun?: true;
}

/** Every word of a space-separated list, mapped to one entry. */
const fill = <T>(map: Map<string, T>, words: string, entry: T) => {
  for (const w of words.split(/\s+/).filter(Boolean)) map.set(w, entry);
};

const LEXICON = new Map<string, Reporting>();
const add = (stance: Stance, strong: boolean, lemmas: string) => fill(LEXICON, lemmas, { stance, strong });

add(
  "asserts",
  true,
  "say tell tweet insist argue assert stress emphasize emphasise reiterate declare affirm contend testify write announce",
);
add(
  "asserts",
  false,
  "add state explain note maintain post publish report point comment remark respond reply suggest believe mention indicate underline highlight observe inform brief signal charge speak read",
);
add("recounts", true, "recall recount");
add("characterizes", true, "describe deem");
add("characterizes", false, "regard consider view brand label dub");
add("alleges", true, "claim allege");
add("denies", true, "deny");
add("denies", false, "reject dismiss refute");
add("warns", true, "warn caution");
add("accuses", true, "accuse blame");
add("accuses", false, "attribute");
add("acknowledges", true, "acknowledge admit concede");
add("confirms", true, "confirm");
add("predicts", true, "predict forecast");
add("predicts", false, "expect");
add("threatens", true, "threaten");
add("promises", true, "promise vow pledge swear");
add("demands", true, "urge demand appeal");
add("demands", false, "ask call order instruct");
add("condemns", true, "condemn denounce decry criticize criticise");
add("condemns", false, "slam");
add("justifies", false, "justify defend");
add("hopes", false, "hope");
add("doubts", false, "doubt question");

add("characterizes", false, "identify");

/** The reporting verb a lemma is, if it is one. */
export const reporting = (lemma: string): Reporting | undefined => LEXICON.get(lemma);

/** "raised concerns over", "voiced fears that", "expressed outrage at": a verb that reports with its noun. */
const WITH_NOUN =
  /^\s+(?:(?:its|their|his|her|the|deep|serious|grave|growing|strong|great|particular|renewed)\s+){0,2}(?:(concerns?|fears?|alarm|worries)|(doubts?|questions)|(outrage|anger|indignation|condemnation|frustration|dismay|displeasure))\s+(?:over|about|at|regarding|that|of|for|with)\b/i;

/** Blame told by a verb and its noun: "pointed the finger at", "laid the blame on", "held X responsible for". */
const BLAME: Record<string, RegExp> = {
  point: /^\s+(?:an?\s+|the\s+|their\s+|its\s+)?(?:accusing\s+)?fingers?\s+(?:of\s+blame\s+)?at\b/i,
  lay: /^\s+(?:the\s+)?blame\s+(?:squarely\s+)?(?:on|at)\b/i,
  put: /^\s+(?:the\s+)?blame\s+(?:squarely\s+)?on\b/i,
  place: /^\s+(?:the\s+)?blame\s+(?:squarely\s+)?on\b/i,
  // (Whom it holds is a name, a pronoun or "the" and a noun: not "held talks with officials responsible for".)
  hold: /^\s+(?:(?:the\s+[a-z]+|[A-Z][\w.’'-]*|him|her|them|it|us)\s+){1,5}?(?:directly\s+|fully\s+|solely\s+)?responsible\s+for\b/,
};
/** The blame verbs whose words point at whom they blame ("at", "on"): the words claimed start there. */
export const BLAME_AT = new Set(["point", "lay", "put", "place"]);

/** Responsibility claimed by a verb and its noun: "took responsibility for", "assumed full responsibility for". */
const RESPONSIBILITY = /^\s+(?:the\s+|full\s+|sole\s+)*responsibility\s+for\b/i;
const TAKES_RESPONSIBILITY = new Set(["take", "assume", "accept", "bear"]);

/** The reporting a verb and the noun after it make ("raised concerns over …", "pointed the finger at"), if they make one. */
export function reportingWithNoun(lemma: string, after: string): Reporting | undefined {
  if (BLAME[lemma]?.test(after)) return { stance: "accuses", strong: true, withNoun: true };
  // (As "claimed responsibility for" is a claim.)
  if (TAKES_RESPONSIBILITY.has(lemma) && RESPONSIBILITY.test(after))
    return { stance: "alleges", strong: true, withNoun: true };
  if (!/^(?:raise|voice|express)$/.test(lemma)) return undefined;
  const m = WITH_NOUN.exec(after);
  if (!m) return undefined;
  return { stance: m[1] ? "warns" : m[2] ? "doubts" : "condemns", strong: true, withNoun: true };
}

export interface SpeechNoun {
  stance: Stance;
  /** Speech only with what it says ("that …"): "the threat from the militias" is a danger, not words. */
  needsThat: boolean;
}

/** Nouns of speech, by the stance they report: "assurances from X that …", "condemnation from X". */
const NOUNS = new Map<string, SpeechNoun>();
const addNouns = (stance: Stance, needsThat: boolean, words: string) => fill(NOUNS, words, { stance, needsThat });
addNouns("asserts", true, "assurance assurances statement statements announcement");
addNouns("alleges", true, "claim claims");
addNouns("warns", true, "warning warnings");
addNouns("threatens", true, "threat threats");
addNouns("promises", true, "pledge pledges promise promises");
addNouns("denies", false, "denial denials");
addNouns("accuses", false, "accusation accusations");
addNouns("condemns", false, "condemnation condemnations criticism denunciation");
addNouns("confirms", false, "confirmation");

/** The noun of speech a word is, if it is one. */
export const speechNoun = (word: string): SpeechNoun | undefined => NOUNS.get(word);

// Words that say something was not said.
/** Before "to <reporting verb>": "not authorized to comment", "declined to say". */
export const UNSAID_BEFORE_TO =
  /^(?:authorized|authorised|allowed|permitted|cleared|declined|refused|unable|unwilling|reluctant)$/;
/** Before a reporting verb: "did not criticize", "refrained from criticizing", "stopped short of condemning". */
export const UNSAID_BEFORE_VERB =
  /\b(?:not|n['’]t|never)\s+(?!only\b|just\b)(?:[a-z]+ly\s+)?$|\b(?:refrain(?:ed|s|ing)?\s+from|avoid(?:ed|s|ing)?|stopp?(?:ed|ing|s)?\s+short\s+of)\s+$/i;
/** Before a noun of speech: "drew no condemnation from Iran", "awaiting confirmation from the US". */
export const UNSAID_BEFORE_NOUN =
  /\b(?:no|not|nor|without|never|absence\s+of|lack\s+of|awaiting|await|awaits|awaited|escaped|escape|escapes|sought|seek|seeking|seeks|any|little|hopes?\s+for|wants?|demanded|requested)\s+(?:[a-z-]+\s+){0,2}$/i;

/** Every reporting lemma, for other checks (the corpus coverage test). */
export const REPORTING_LEMMAS = [...LEXICON.keys()];

/** "according to", "quoted as saying": attributions that are not a single verb. */
export const ACCORDING_TO = /\baccording\s+to\s+/gi;
