/**
 * Runs of capitals, the raw stuff of candidate names: where a run that opens at a word ends
 * (capitalized words, particles, connectors inside an organisation's name, a unit's number), two
 * names joined by a hyphen split, and where the name lies within the run once its titles and
 * context are told apart; with what a name found is (NameRun) and what names are read with
 * (NameContext).
 */
import type { ActorKind } from "@atlas/schema";
import { isCountryName } from "../../names/places.js";
import { knownKind, ORG_WORDS } from "./kinds.js";
import {
  ADJECTIVES,
  CONNECTORS,
  HYPHEN_PARTICLE,
  isAcronym,
  isAdjective,
  isCapitalized,
  LOWER_HEADS,
  lastTitleEnd,
  matchTitle,
  nameLike,
  OFFICE_HOLDER,
  PARTICLES,
  STOP,
  TITLE_ABBREV,
  type Token,
  UNIT_WORDS,
} from "./name-words.js";

export interface NameRun {
  /** The whole phrase: title, name and role. */
  start: number;
  end: number;
  nameStart: number;
  nameEnd: number;
  name: string;
  title: string | null;
  role: string | null;
  kind: ActorKind;
  /** A nickname written inside the name: "Ahmad “Abu Hussein” al-Hamidawi". */
  nickname?: string;
  /**
   * A known state's name that opens this organisation's name ("US" in "US Central Command"):
   * the words name the organisation, not the state, so that mention is withdrawn.
   */
  swallows?: { start: number; end: number };
}

export interface NameContext {
  /** Folded names of known places: a place is not an actor. */
  places: Set<string>;
  /** The lemma of the verb right after a position, if one follows (the name acts or speaks). */
  verbAfter?: (end: number) => string | null;
  /** Is the word an English word ("Officials", "Recent"), not a name the lexicon has never seen? */
  isCommonWord?: (word: string) => boolean;
  /** Counts of capitalized single words in the document, for spotting short forms ("Calvert"). */
  wordCounts: Map<string, number>;
  /** Last words of the people named in full so far ("kildani" after "Rayan al-Kildani"): the surname alone names them. */
  surnames?: Set<string>;
}

/**
 * "the Israel-Hamas war", "US-Iran tensions": two names joined by a hyphen, one of them known, are
 * two names. (A hyphenated surname, "Amir-Abdollahian", is no known name on either side and stays whole.)
 */
export function splitPairs(tokens: Token[], known: (start: number, end: number) => boolean): Token[] {
  const out: Token[] = [];
  for (const t of tokens) {
    const m = /^(\p{Lu}[\p{L}.]+)-(\p{Lu}[\p{L}]+)$/u.exec(t.text);
    const cut = m ? t.start + (m[1] as string).length : -1;
    if (!m || HYPHEN_PARTICLE.test(t.text) || known(t.start, cut) === known(cut + 1, t.end)) {
      out.push(t);
      continue;
    }
    const left = m[1] as string;
    out.push({ text: left, key: left.toLowerCase(), start: t.start, end: cut, dot: false, possessive: false });
    const right = m[2] as string;
    out.push({ ...t, text: right, key: right.toLowerCase(), start: cut + 1 });
  }
  return out;
}

/** "the 50th Brigade", "the 1st Armored Division": an ordinal opens a unit's name. */
export function numberedUnit(tokens: Token[], i: number): boolean {
  const next = tokens[i + 1];
  if (!/^\d{1,3}(?:st|nd|rd|th)$/.test((tokens[i] as Token).text) || !next) return false;
  for (let k = i + 1; k < Math.min(tokens.length, i + 4); k++) {
    const t = tokens[k] as Token;
    if (UNIT_WORDS.has(t.text)) return true;
    if (!isCapitalized(t.text)) return false;
  }
  return false;
}

/** Capitalized words from `at` that end, within three, on an organisation's word ("Law Coalition"). */
function orgAhead(tokens: Token[], at: number): boolean {
  for (let k = at; k < Math.min(tokens.length, at + 3); k++) {
    const t = tokens[k] as Token;
    if (!isCapitalized(t.text) || STOP.has(t.text)) return false;
    if (ORG_WORDS.has(t.text)) return true;
  }
  return false;
}

export function anyIn(tokens: Token[], from: number, to: number, set: Set<string>): boolean {
  for (let k = from; k < to; k++) if (set.has((tokens[k] as Token).text)) return true;
  return false;
}

/**
 * Where a raw run that opens at `i` ends: capitalized words (and particles, and connectors after
 * an organization word) separated by spaces only.
 */
export function runEnd(
  tokens: Token[],
  i: number,
  sentence: string,
  offset: number,
  known: (start: number, end: number) => boolean,
): number {
  const first = tokens[i] as Token;
  let j = i + 1;
  while (j < tokens.length) {
    const prev = tokens[j - 1] as Token;
    const t = tokens[j] as Token;
    const gap = sentence.slice(prev.end - offset, t.start - offset);
    if (prev.possessive) break;
    // "Lt. Gen.", "J. Smith", "U.S. Army": a full stop inside a name.
    const dotted =
      prev.dot &&
      (TITLE_ABBREV.has(prev.text) || /^\p{Lu}$/u.test(prev.text) || /^(?:\p{Lu}\.)+\p{Lu}$/u.test(prev.text));
    if (!(/^\s+$/.test(gap) || (dotted && /^\.\s+$/.test(gap)))) break;
    // "Spokesman of the Popular Mobilization Forces Ahmed al-Asadi": a known organisation's name
    // ends where a name the atlas does not know begins.
    if (ORG_WORDS.has(prev.text) && !ORG_WORDS.has(t.text) && known(prev.start, prev.end) && !known(t.start, t.end))
      break;
    if (nameLike(t)) {
      j++;
      continue;
    }
    // "the Sadrist movement", "the Resistance factions": a group's lower-case head word ends a
    // name that is more than adjectives ("Shiite factions" is none).
    if (
      LOWER_HEADS.has(t.text) &&
      tokens
        .slice(i, j)
        .some((x) => isCapitalized(x.text) && !isAdjective(x.text) && !STOP.has(x.text) && !isAcronym(x.text))
    ) {
      j++;
      break;
    }
    // "Kurdistan 24": a number ends a name that is a known organisation's; "Brigade 30" a unit's.
    if (
      /^\d{1,4}$/.test(t.text) &&
      (UNIT_WORDS.has(prev.text) || knownKind(sentence.slice(first.start - offset, t.end - offset)))
    ) {
      j++;
      break;
    }
    // "League of the Righteous", "Ministry of Interior", "Secretary of State Mike Pompeo".
    // "Islamic Resistance in Iraq": a group's name may end in its country.
    const inCountry =
      t.text === "in" &&
      j - i >= 2 &&
      ORG_WORDS.has((tokens[j - 1] as Token).text) &&
      j + 1 < tokens.length &&
      isCountryName((tokens[j + 1] as Token).text);
    if (inCountry) {
      j += 2;
      break;
    }
    // "Kataib Hezbollah and Kataib Sayyid al-Shuhada": "and" after a known name ends it; two names follow each other.
    // "State of Law Coalition": so does "of" before the organisation's word that ends the name.
    if (
      CONNECTORS.has(t.text) &&
      (anyIn(tokens, i, j, ORG_WORDS) ||
        (t.text === "of" && (matchTitle(tokens, j - 1) > 0 || orgAhead(tokens, j + 1)))) &&
      !(t.text === "and" && known((tokens[i] as Token).start, prev.end))
    ) {
      let k = j;
      while (k < tokens.length && CONNECTORS.has((tokens[k] as Token).text)) k++;
      if (k < tokens.length && isCapitalized((tokens[k] as Token).text) && k - j <= 2) {
        j = k;
        continue;
      }
    }
    break;
  }
  return j;
}

/**
 * Where the name lies in a raw run (`raw[a..b)`): after its context — stop words, adjectives,
 * acronyms, titles, and a military branch or office before a rank ("Marine Corps Gen. Frank
 * McKenzie", "State Department spokesman Ned Price") — and before trailing particles; with the
 * title's words, and the state kept before an organisation's name ("British Army").
 */
/** Religious honorifics, which a group may take into its name with the one it honours. */
const HONORIFICS = new Set(["Imam", "Sayyid", "Sayyed", "Seyed", "Sheikh", "Shaykh", "Ayatollah"]);

export function nameWithin(
  raw: Token[],
  sentence: string,
  offset: number,
  outlet: boolean,
): { a: number; b: number; titleParts: Token[]; stateBefore: Token | null } {
  let a = 0;
  const titleParts: Token[] = [];
  const lastTitle = lastTitleEnd(raw);
  // "State of Law Coalition", "General Command of the Armed Forces": a title word followed by
  // "of" or by an organisation's word opens the organisation's name; it is no one's title.
  // ("Chairman of the Autonomous Administration Council": an office holder of a body is a title.)
  // "Imam Ali Brigade", "Sayyid al-Shuhada Battalion": an honorific in a group's name is the name's.
  const last = raw.at(-1) as Token;
  const honorificName = (at: number) =>
    HONORIFICS.has((raw[at - 1] as Token | undefined)?.text ?? "") &&
    (UNIT_WORDS.has(last.text) || ORG_WORDS.has(last.text));
  const opensName = (at: number) =>
    at < raw.length &&
    ((CONNECTORS.has((raw[at] as Token).text) && !OFFICE_HOLDER.test((raw[at - 1] as Token | undefined)?.text ?? "")) ||
      ORG_WORDS.has((raw[at] as Token).text) ||
      honorificName(at));
  if (lastTitle > 0 && lastTitle < raw.length && !opensName(lastTitle)) {
    let from = 0;
    // "British Army Maj. Gen.": a nationality before an organisation's word belongs to the organisation.
    while (
      from < lastTitle &&
      (STOP.has((raw[from] as Token).text) ||
        (isAdjective((raw[from] as Token).text) && !ORG_WORDS.has((raw[from + 1] as Token).text)))
    )
      from++;
    titleParts.push(...raw.slice(from, lastTitle));
    a = lastTitle;
  }
  for (;;) {
    const t = raw[a];
    if (!t) break;
    const titleLength = matchTitle(raw, a);
    if (titleLength > 0 && a + titleLength < raw.length && !opensName(a + titleLength)) {
      titleParts.push(...raw.slice(a, a + titleLength));
      a += titleLength;
      continue;
    }
    // A known organisation's acronym ("IRNA", "the AFP news agency") is a name, not context.
    // ("Saudi Arabia": a country whose name opens with its people's word is a name, not context.)
    if (
      STOP.has(t.text) ||
      (isAdjective(t.text) && !(raw[a + 1] && isCountryName(`${t.text} ${(raw[a + 1] as Token).text}`))) ||
      (isAcronym(t.text) && !(a === raw.length - 1 && (knownKind(t.text) || outlet))) ||
      PARTICLES.has(t.text)
    ) {
      a++;
      continue;
    }
    break;
  }
  // "Directorate General of Counter Terrorism": a rank followed by "of" is part of an organisation's name, not a title.
  if (titleParts.length > 0 && raw[a] && CONNECTORS.has((raw[a] as Token).text)) {
    // …but an office holder's is his ("Chairman of the X Council"): the body's name follows it.
    if (OFFICE_HOLDER.test((titleParts.at(-1) as Token).text))
      while (a < raw.length && CONNECTORS.has((raw[a] as Token).text)) a++;
    else a = raw.indexOf(titleParts[0] as Token);
    titleParts.length = 0;
  }
  let b = raw.length;
  // (A capitalized article or particle too: "Head of Al-Fateh Alliance", its name known, leaves "Head of Al".)
  while (
    b > a &&
    (PARTICLES.has((raw[b - 1] as Token).text.toLowerCase()) || CONNECTORS.has((raw[b - 1] as Token).text))
  )
    b--;
  // "British Army", "Iraqi News Agency", "US Central Command": an organisation's name keeps the
  // state before it; a person's does not ("Iraqi Prime Minister Haidar al-Abadi").
  let stateBefore: Token | null = null;
  // (The head is before "in" in "Islamic Resistance in Iraq".)
  const head = b - 3 >= a && /^(in|of)$/.test((raw[b - 2] as Token).text) ? raw[b - 3] : raw[b - 1];
  if (b > a && a > 0 && titleParts.length === 0 && head && ORG_WORDS.has(head.text)) {
    const prev = raw[a - 1] as Token;
    if (ADJECTIVES.has(prev.text.replace(/['’]/g, "")) || isAcronym(prev.text)) {
      a--;
      stateBefore = prev;
    }
  }
  // "The Cradle", "told The New Arab": a capital "The" inside a sentence (after a word in lower
  // case, so not in a headline's capitals), or an outlet's "The", is part of a name; "The Treasury
  // Department said" opens a sentence with an article.
  const afterThe = raw[a];
  const the = raw[a - 1];
  if (
    afterThe &&
    the?.text === "The" &&
    (knownKind(`The ${afterThe.text}`) === "media" ||
      /(?:^|[^\p{L}])\p{Ll}\p{L}*,?\s+$/u.test(sentence.slice(0, the.start - offset)))
  )
    a--;
  return { a, b, titleParts, stateBefore };
}
