/**
 * Candidate new actors: capitalized name sequences that are not a known actor's name, with the
 * title or role that introduces them ("Lt. Gen. Paul Calvert", "group spokesman Naeem
 * al-Aboudi", "Hadi al-Amiri, the leader of the Badr Organization"). Works on one sentence at
 * a time with a bounded look-around, so it is linear in the text.
 */
import type { ActorKind } from "@atlas/schema";
import { isCityName, isCountryName } from "../../names/places.js";
import { TITLE_PHRASES } from "../../names/titles.js";
import { foldName } from "../../text/fold.js";
import { KIN, KIN_MODIFIER } from "./kin.js";
import { judgeName, knownKind, ORG_WORDS, opensArabicGroupName } from "./kinds.js";

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

interface Token {
  text: string;
  /** Lower case, without a "then-"/"ex-"/"former-" prefix: what titles are matched on. */
  key: string;
  start: number;
  end: number;
  /** A full stop directly after the token. */
  dot: boolean;
  /** "Sistani's": the name ends before the apostrophe. */
  possessive: boolean;
}

/** "the northern town of Amerli", "the city of Mosul": a settlement's name after its noun. */
const TOWN_OF = /\b(?:town|city|village|district|sub-district|province|governorate|region)\s+of\s+$/i;

/** Words before a name that make it a place whatever follows: "in Bashiqa", "in Nineveh's Bashiqa". */
const IN_PLACE_BEFORE =
  /\b(?:in|near|inside|outside|across|around|(?:north|south|east|west)\s+of)\s+(?:the\s+)?(?:\p{Lu}[\p{L}-]*['’]s\s+)?$/u;

/** A word, with apostrophes inside it ("Asa’ib") or ending it before an article ("Shia’ al-Sudani"). */
const TOKEN = /[\p{L}\p{N}](?:[\p{L}\p{N}-]|['’](?=\p{L})|['’](?=\s+(?:al|el|Al|El)-)|\.(?=\p{L}))*/gu;

const words = (s: string) => new Set(s.split(/\s+/).filter(Boolean));

const STOP = words(`
  Telegram Twitter Facebook YouTube WhatsApp Instagram TikTok
  The A An And But Or Nor So Yet For In On At Of To From With By As If When While After Before Since During Until Former
  This That These Those It Its He She They We I You His Her Their Our My Your Him Them Us Me There Here Then
  Today Yesterday Tomorrow Now Still Even Also However Meanwhile Instead Indeed Thus Hence Some Many Most Much
  Other Others All Both Each Every Any No Not None One Two Three Four Five Six Seven Eight Nine Ten First Second
  Third Last Next Few Several According Unlike Like Despite Although Though Because Why What Who Whom Whose How
  Where Which Whether Earlier Later Recently Previously Asked Said Says Read More See Sign Subscribe Photo
  Inside Outside Among Against Amid Under Over About Around Across Through Without Within Once Just Only Such
  Mr Mrs Ms Dr Yes Oh Well Again Perhaps Maybe Already Finally Ultimately Overall Together
  January February March April May June July August September October November December
  Monday Tuesday Wednesday Thursday Friday Saturday Sunday
  Allah God Prophet Almighty Surely O Lord Update Breaking Video Watch
`);
/** Adjectives of nationality, sect or direction: context, not names ("Iraqi Shiite leaders"). */
const ADJECTIVES = words(`
  Iraqi Iraqis Iranian Iranians American Americans Syrian Syrians Kurdish Kurds Kurd Arab Arabs Arabic
  Shiite Shiites Shia Shias Shiite Shiites Shiism Sunni Sunnis Muslim Muslims Christian Christians Western Eastern Northern Southern
  Israeli Israelis Turkish Turks Saudi Saudis Lebanese Yemeni Yemenis Russian Russians British French European
  Europeans Jordanian Kuwaiti Gulf Persian Islamic Jihadist Jihadists Baathist Baathists Yazidi Yazidis
  Turkmen Iraq-based Iran-backed Iranian-backed U.S.-backed U.S.-led
`);
/** Is the word an adjective of nationality or sect (apostrophes aside: "Shi’ites")? */
const isAdjective = (w: string) =>
  ADJECTIVES.has(w.replace(/['’]/g, "")) ||
  /^[\p{L}.]+-(linked|backed|affiliated|aligned|allied|led|based|funded|run|owned|sponsored)$/u.test(w);
const PARTICLES = words("al el bin ibn bint abu abd de del da di du van von der den la le ul");
/** Lower-case head words that end a group's name: "the Sadrist movement", "the Resistance factions". */
const LOWER_HEADS = words("movement factions bloc party alliance coalition front");
const CONNECTORS = words("of for and the");
const HYPHEN_PARTICLE = /^(al|el|as|ash|ad|an|ar|at|az|ul)-\p{Lu}/u;
/** Abbreviated titles that end in a full stop without ending the run. */
const TITLE_ABBREV = words("Lt Gen Maj Col Brig Capt Cpt Sgt Adm Sen Rep Gov Dr Mr Mrs Ms Prof Rev Cmdr St Gens");
const TITLES = TITLE_PHRASES.map((t) => t.split(" "));
/** Titles by their first word, so matching at a position looks at a handful, not all. */
const TITLES_BY_FIRST = new Map<string, string[][]>();
for (const t of TITLES) TITLES_BY_FIRST.set(t[0] as string, [...(TITLES_BY_FIRST.get(t[0] as string) ?? []), t]);
const TITLE_PREFIX = /^(then|ex|former)-/;

const ROLE_NOUNS =
  "spokesman|spokeswoman|spokesperson|leader|commander|founder|co-founder|official|analyst|researcher|cleric|chief|head|deputy|minister|lawmaker|politician|ambassador|envoy|general|colonel|captain|fighter|militant|member|chairman|secretary|director|adviser|advisor|aide|expert|scholar|journalist|reporter|correspondent|professor|president|emir|chief of staff";
export const ROLE_BEFORE = new RegExp(
  `(?:\\b((?!the\\b|a\\b|an\\b|of\\b|for\\b|to\\b|and\\b|by\\b|with\\b)[a-z][a-z'’-]+)\\s+)?\\b(${ROLE_NOUNS})\\s+$`,
);
/**
 * Kin before a name: "Haider’s son, Karrar", "His father, Emad,", "her brother Hussein". A
 * person known by one name in a story of a family is introduced this way.
 */
const KIN_BEFORE = new RegExp(
  `\\b(?:([Hh]is|[Hh]er|[Tt]heir)|\\p{Lu}[\\p{L}-]*['’]s)\\s+${KIN_MODIFIER}(?:${KIN})\\s*,?\\s+$`,
  "u",
);
/**
 * Is the name at `start` introduced as someone's kin by a possessive pronoun ("his brother,
 * Haider")? Then a "he" later in the sentence is the one whose kin it is, not the name.
 */
export const kinOfPronoun = (text: string, start: number): boolean =>
  Boolean(KIN_BEFORE.exec(text.slice(Math.max(0, start - 50), start))?.[1]);
/** Is a title before a name kin ("Haider’s son,", "his brother")? */
export const introducesKin = (title: string): boolean => KIN_BEFORE.test(`${title.trim()} `);
const ROLE_AFTER = new RegExp(
  `^,\\s+((?:the|a|an|its|his|her|their|then|former|group|militia)\\s+[^,.;:!?“”"]{0,60}?\\b(?:${ROLE_NOUNS})\\b[^,;:!?“”"]{0,80}?)(?=[,;:!?“”"]|\\.(?:\\s|$)|$)`,
);

const GEOGRAPHY = words(`
  Province Governorate District City Town Village River Street Square Airport Base Camp Bridge Mountains Mountain
  Valley Desert Gulf Sea Lake Island Islands Border Road Highway Zone Region Plain Plains Embassy Hotel Stadium
  East West North South Airbase Airfield Port Crossing Strip Heights Peninsula Coast
`);
/** First words that make a name a place: "Camp Taji", "Ain al-Asad", "Mount Sinjar", "Tal Afar". */
const PLACE_FIRST = words("Camp Fort Mount Lake Ain Tal Tell Jabal Jebel Wadi Ras Bab Port Cape Bir Khor Qasr");

const isCapitalized = (w: string) => /^\p{Lu}/u.test(w);
/** "PMF", "U.S.", and an acronym's plural ("PMFs"). */
const isAcronym = (w: string) => {
  const base = /^\p{Lu}{2,}s$/u.test(w) ? w.slice(0, -1) : w;
  return base.replace(/[^\p{L}]/gu, "").length >= 2 && base === base.toUpperCase();
};

function tokenize(sentence: string, offset: number): Token[] {
  const out: Token[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(sentence); m; m = TOKEN.exec(sentence)) {
    let text = m[0];
    let possessive = false;
    if (/['’]s$/.test(text)) {
      text = text.slice(0, -2);
      possessive = true;
    }
    const end = m.index + text.length;
    out.push({
      text,
      key: text.toLowerCase().replace(TITLE_PREFIX, ""),
      start: offset + m.index,
      end: offset + end,
      dot: sentence[m.index + m[0].length] === ".",
      possessive,
    });
  }
  return out;
}

/**
 * "the Israel-Hamas war", "US-Iran tensions": two names joined by a hyphen, one of them known, are
 * two names. (A hyphenated surname, "Amir-Abdollahian", is no known name on either side and stays whole.)
 */
function splitPairs(tokens: Token[], known: (start: number, end: number) => boolean): Token[] {
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

/** Can the token join a name run? */
function nameLike(t: Token): boolean {
  return (
    isCapitalized(t.text) ||
    PARTICLES.has(t.text) ||
    HYPHEN_PARTICLE.test(t.text) ||
    /^(then|ex|former)-\p{Lu}/u.test(t.text)
  );
}

/** Words that name a military unit, which a number may name: "the 50th Brigade", "Brigade 30". */
const UNIT_WORDS = new Set(
  "Brigade Brigades Battalion Battalions Division Divisions Regiment Corps Squadron Liwa Firqa".split(" "),
);

/** "the 50th Brigade", "the 1st Armored Division": an ordinal opens a unit's name. */
function numberedUnit(tokens: Token[], i: number): boolean {
  const next = tokens[i + 1];
  if (!/^\d{1,3}(?:st|nd|rd|th)$/.test((tokens[i] as Token).text) || !next) return false;
  for (let k = i + 1; k < Math.min(tokens.length, i + 4); k++) {
    const t = tokens[k] as Token;
    if (UNIT_WORDS.has(t.text)) return true;
    if (!isCapitalized(t.text)) return false;
  }
  return false;
}

// No closures here or in findNames' loops: they run once per word of every document.
export function matchTitle(tokens: Token[], at: number): number {
  const first = tokens[at];
  const candidates = first ? TITLES_BY_FIRST.get(first.key) : undefined;
  if (!candidates) return 0;
  let best = 0;
  for (const title of candidates) {
    if (title.length <= best || at + title.length > tokens.length) continue;
    let same = true;
    // "then-Prime Minister", "ex-President": the prefix belongs to the title (see Token.key).
    for (let k = 1; k < title.length && same; k++) same = (tokens[at + k] as Token).key === title[k];
    if (same) best = title.length;
  }
  return best;
}

/** An outlet's noun after its name: "Al Hurra television", "Kayhan newspaper", "Sabereen channel". */
const MEDIA_AFTER =
  /^\s+(?:television|TV|satellite\s+channel|channel|radio|newspaper|daily|weekly|news\s+agency|broadcaster|news\s+website|website|news\s+site|outlet)\b/;

/** Where a text names its source: "told", "according to", "in an interview with", "quoted by". */
const OUTLET_BEFORE =
  /\b(?:told|according\s+to|speaking\s+to|(?:in\s+)?an\s+interview\s+with|quoted\s+by|cited\s+by|reported\s+by|said\s+to)\s+(?:the\s+)?$/i;
/** A word ending like an outlet's name ("PUKmedia", "Kurdistan24", "AhlulbaytTV"). */
const OUTLET_ENDING = String.raw`\p{Lu}[\p{L}\d]*?(?:media|Media|News|TV|Press|\d{2,})`;
const OUTLET_SHAPED = new RegExp(`^${OUTLET_ENDING}$`, "u");
/** One word that reads as an outlet's name: a word ending like one, or an acronym ("FNA", "NRT"). */
export const OUTLET_WORD = new RegExp(String.raw`^(?:\p{Lu}[\p{Lu}\d]{1,7}|${OUTLET_ENDING})$`, "u");

/**
 * "told FNA", "according to PUKmedia": one word that reads as an outlet's name, where a source is
 * named. (An acronym after "the" is a body's: "told the UNSC", "according to the KRG".)
 */
const isOutletNamed = (word: string, before: string) => {
  const m = OUTLET_BEFORE.exec(before);
  return m !== null && (OUTLET_SHAPED.test(word) || (OUTLET_WORD.test(word) && !/\bthe\s+$/i.test(m[0])));
};

/** Titles of one who holds an office in a body: "Chairman of the X Council" is his title, not a name. */
const OFFICE_HOLDER =
  /^(?:Chair(?:man|woman|person)?|President|Head|Leader|Director|Spokes(?:man|woman|person)|Secretary-General|Commander|Chief|Minister|Governor|Deputy|Speaker|Mayor|Member)$/;

/** Capitalized words from `at` that end, within three, on an organisation's word ("Law Coalition"). */
function orgAhead(tokens: Token[], at: number): boolean {
  for (let k = at; k < Math.min(tokens.length, at + 3); k++) {
    const t = tokens[k] as Token;
    if (!isCapitalized(t.text) || STOP.has(t.text)) return false;
    if (ORG_WORDS.has(t.text)) return true;
  }
  return false;
}

function anyIn(tokens: Token[], from: number, to: number, set: Set<string>): boolean {
  for (let k = from; k < to; k++) if (set.has((tokens[k] as Token).text)) return true;
  return false;
}

/** foldName for single words, remembered: the same capitalized words recur all through a document. */
const folded = new Map<string, string>();
function foldWord(word: string): string {
  let key = folded.get(word);
  if (key === undefined) {
    if (folded.size > 100_000) folded.clear();
    key = foldName(word);
    folded.set(word, key);
  }
  return key;
}

/** Words that put what follows in a place: "in", "near", "outside the". */
const PLACE_BEFORE =
  /\b(?:in|at|near|outside|around|inside|across|into|towards?|north of|south of|east of|west of)\s+(?:the\s+)?$/i;

/** "in Iraq and Syria", "across Iraq, Syria and": the second of places after a preposition of place. */
const PLACES_BEFORE =
  /\b(?:in|at|near|across|into|from|to|throughout|between)\s+(?:the\s+)?\p{Lu}[\p{L}.-]*(?:\s+\p{Lu}[\p{L}.-]*)?,?\s+(?:and|or)\s+$/u;

/** An institution named by an adjective and a lower-case noun: "Iranian army", "Kuwait court", "Sadrist movement", "Iraqi security forces". */
const INSTITUTION =
  /(?<![\p{L}.'’-])(\p{Lu}[\p{L}'’-]+)\s+(?:army|navy|government|court|judiciary|judicial\s+council|movement|parliament|cabinet|security\s+forces|armed\s+forces)\b/gu;

/** Lowercase nouns that make the name before them a place: "… air base", "… province". */
const PLACE_AFTER =
  /^\s+(?:air\s+base|military\s+base|base|province|governorate|district|city|town|village|airport|border\s+crossing|camp|region|neighbou?rhood|compound)\b/;

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
 * Candidate names in one sentence. `known(start, end)` tells whether a span overlaps a known
 * actor's mention, which is never a candidate.
 */
/** A name and its quoted nickname: "Ahmad “Abu Hussein” al-Hamidawi", "Abdul Aziz “Abu Fadak” al-Muhammadawi". */
const NICKNAMED =
  /(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){0,2})\s+[“"](\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*){0,3})[”"]\s+((?:(?:al|el|bin|ibn|abu)[-\s])?\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){0,2})/gu;

/** Quoted nicknames inside names in a sentence: the quotation marks are part of a name, not speech. */
export function nicknamed(
  sentence: string,
  offset: number,
): { start: number; end: number; name: string; nickname: string }[] {
  const out: { start: number; end: number; name: string; nickname: string }[] = [];
  NICKNAMED.lastIndex = 0;
  for (let m = NICKNAMED.exec(sentence); m; m = NICKNAMED.exec(sentence)) {
    out.push({
      start: offset + m.index,
      end: offset + m.index + m[0].length,
      name: `${m[1]} ${m[3]}`,
      nickname: m[2] as string,
    });
  }
  return out;
}

/**
 * Where a raw run that opens at `i` ends: capitalized words (and particles, and connectors after
 * an organization word) separated by spaces only.
 */
function runEnd(
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

/** Counts the run's capitalized words, for the names the document uses most. */
function countWords(raw: Token[], ctx: NameContext): void {
  for (const t of raw) {
    if (isCapitalized(t.text) && !STOP.has(t.text)) {
      const key = foldWord(t.text);
      ctx.wordCounts.set(key, (ctx.wordCounts.get(key) ?? 0) + 1);
    }
  }
}

/**
 * Where the name lies in a raw run (`raw[a..b)`): after its context — stop words, adjectives,
 * acronyms, titles, and a military branch or office before a rank ("Marine Corps Gen. Frank
 * McKenzie", "State Department spokesman Ned Price") — and before trailing particles; with the
 * title's words, and the state kept before an organisation's name ("British Army").
 */
function nameWithin(
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
  const opensName = (at: number) =>
    at < raw.length &&
    ((CONNECTORS.has((raw[at] as Token).text) && !OFFICE_HOLDER.test((raw[at - 1] as Token | undefined)?.text ?? "")) ||
      ORG_WORDS.has((raw[at] as Token).text));
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
    if (
      STOP.has(t.text) ||
      isAdjective(t.text) ||
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

/**
 * The candidate a raw run names, once its title, role and context are told apart from the name,
 * and the organisation named inside its title; none when it names no actor (a place, a category,
 * a known actor, a common word).
 */
function namesIn(
  raw: Token[],
  sentence: string,
  offset: number,
  known: (start: number, end: number) => boolean,
  ctx: NameContext,
): NameRun[] {
  const found: NameRun[] = [];
  const outlet =
    raw.length === 1 &&
    isOutletNamed(
      (raw[0] as Token).text,
      sentence.slice(Math.max(0, (raw[0] as Token).start - offset - 40), (raw[0] as Token).start - offset),
    );
  const { a, b, titleParts, stateBefore } = nameWithin(raw, sentence, offset, outlet);
  // The organisation in a title: "U.S. Marine Corps Gen. Frank McKenzie", "State Department spokesman Ned Price".
  const titleOrg = organisationIn(titleParts);
  if (titleOrg) found.push(titleOrg);
  const name = raw.slice(a, b);
  if (name.length === 0 || name.length > 7) return found;
  // A stop word inside a name makes it no name, unless it is the organisation's head word ending it ("Human Rights Watch").
  const lastIsOrg = name.length > 1 && ORG_WORDS.has((name[name.length - 1] as Token).text);
  if (anyIn(name, (raw[a] as Token).text === "The" ? 1 : 0, name.length - (lastIsOrg ? 1 : 0), STOP)) return found;
  // "US Central Command": an acronym may lead an organisation's name.
  const orgHeaded = name.length > 1 && ORG_WORDS.has((name[name.length - 1] as Token).text);
  let acronym = false;
  for (const t of name) acronym ||= isAcronym(t.text) && !(orgHeaded && t === name[0]);
  // An acronym is a name only when it is a known organisation's ("IRNA", "CIA").
  if (acronym && !(name.length === 1 && (knownKind((name[0] as Token).text) || outlet))) return found;
  const last = name[name.length - 1] as Token;
  if (GEOGRAPHY.has(last.text) || PLACE_FIRST.has((name[0] as Token).text)) return found;
  const nameStart = (name[0] as Token).start;
  const nameEnd = last.end;
  // A known state opening an organisation's name that is not known itself ("US Central Command",
  // "U.S. Army"): the whole name is the candidate; only the state's word is known.
  // So is the country that ends an organisation's name after "in" or "of" ("Islamic Resistance in
  // Iraq", "Central Bank of Iraq").
  let swallows: NameRun["swallows"];
  if (known(nameStart, nameEnd)) {
    const rest = name[1] as Token | undefined;
    const country =
      name.length >= 3 &&
      /^(in|of)$/.test((name[name.length - 2] as Token).text) &&
      ORG_WORDS.has((name[name.length - 3] as Token).text)
        ? last
        : null;
    if (stateBefore && stateBefore === name[0] && rest && !known(rest.start, nameEnd))
      swallows = { start: stateBefore.start, end: stateBefore.end };
    else if (country && isCountryName(country.text) && !known(nameStart, (name[name.length - 2] as Token).start))
      swallows = { start: country.start, end: country.end };
    else return found;
  }
  const nameText = sentence.slice(nameStart - offset, nameEnd - offset);
  if (ctx.places.has(foldName(nameText))) return found;

  const before = sentence.slice(Math.max(0, nameStart - offset - 40), (titleParts[0]?.start ?? nameStart) - offset);
  const roleBefore = titleParts.length === 0 ? (ROLE_BEFORE.exec(before) ?? KIN_BEFORE.exec(before)) : null;
  const titleStart = titleParts[0]?.start ?? (roleBefore ? nameStart - roleBefore[0].length : nameStart);
  const titleText =
    titleParts.length > 0
      ? sentence.slice((titleParts[0] as Token).start - offset, nameStart - offset).trim()
      : roleBefore
        ? roleBefore[0].trim()
        : null;
  const after = ROLE_AFTER.exec(sentence.slice(nameEnd - offset, nameEnd - offset + 160));
  const role = after ? (after[1] as string).trim() : null;
  const orgWord = anyIn(name, 0, name.length, ORG_WORDS);
  // "in Jurf al-Sakhar", "near Abu Ghraib", "the town of Amerli": after a preposition of place, an
  // untitled name is a place, and the document's place from then on ("Amerli had been surrounded").
  // "in Nineveh's Bashiqa, an official of the PUK said": no one is "in" a person; the role is
  // someone else's, described and unnamed.
  if (
    !titleText &&
    !orgWord &&
    ((!role && (PLACE_BEFORE.test(before) || TOWN_OF.test(before))) || IN_PLACE_BEFORE.test(before))
  ) {
    ctx.places.add(foldName(nameText));
    return found;
  }
  // "Ain al-Asad air base", "Anbar province": a name followed by a lowercase place noun is a place.
  if (!titleText && PLACE_AFTER.test(sentence.slice(nameEnd - offset, nameEnd - offset + 40))) return found;
  const verb = ctx.verbAfter?.(nameEnd) ?? null;
  const titled = Boolean(titleText) || Boolean(role);
  // "Specially Designated Global Terrorists", "Strike Eagles": a plural English noun heads a category, not an actor.
  // (Every word of it an English word: "Khudeda Alias" is a name.)
  if (
    name.length > 1 &&
    !orgWord &&
    /s$/.test(last.text) &&
    name.every((t) => ctx.isCommonWord?.(t.text) || /^[\p{Lu}\d-]+$/u.test(t.text))
  )
    return found;
  const verdict = judgeName(nameText.replace(/\s+/g, " "), titled);
  if (!verdict.actor) return found;
  // "The New Arab", "The Guardian": no person's name opens on "The"; in the news, an outlet's does.
  // Nor is one followed by an outlet's noun ("the US-funded Al Hurra television").
  let kind =
    outlet ||
    (verdict.kind === "person" && (name[0] as Token).text === "The") ||
    MEDIA_AFTER.test(sentence.slice(nameEnd - offset, nameEnd - offset + 30))
      ? "media"
      : verdict.kind;
  // A country acts as a state ("Israel struck"); "in Syria", "in Iraq and Syria" are places. A town is a place.
  if (isCountryName(nameText)) {
    if (PLACE_BEFORE.test(before) || PLACES_BEFORE.test(before)) return found;
    kind = "state";
  } else if (!titled && !orgWord && isCityName(nameText)) return found;
  // One capitalized word is a name with a title or role ("Gen. Calvert", "spokesman Aboudi"), a
  // known organisation's ("Hamas", "the Pentagon"), or one that acts or speaks ("Sattar said").
  if (name.length === 1 && !titled && kind !== "state") {
    const gazetted = knownKind(nameText);
    if (gazetted) kind = gazetted;
    else if (outlet) kind = "media";
    // A proper noun that acts or speaks: most often a person named once in full elsewhere, or by one name.
    // …but a common word that opens a sentence or a quotation is not a name ("Officials said", "“Clashes go on”").
    // (Nor after a dateline's or a heading's dash: "BAGHDAD (AFP) -- Hundreds stormed …".)
    else if (verb && !orgWord && !(/(?:^|[—–-]|:)[\s“"‘(]*$/.test(before) && ctx.isCommonWord?.(nameText)))
      kind = "person";
    // "Kildani is the leader of …": the surname of someone the document named in full.
    else if (ctx.surnames?.has(lastWordKey(nameText))) kind = "person";
    else return found;
  }
  if (kind === "person" && name.length > 1) ctx.surnames?.add(lastWordKey(nameText));
  found.push({
    start: titleStart,
    end: after ? nameEnd + (after[0] as string).length : nameEnd,
    nameStart,
    nameEnd,
    name: nameText.replace(/\s+/g, " "),
    title: titleText,
    role,
    kind,
    ...(swallows ? { swallows } : {}),
  });
  return found;
}

/**
 * "the Iranian army", "a Kuwait court", "the Sadrist movement": a state's or a movement's
 * adjective before an institution written in lower case names that institution.
 */
function addInstitutions(
  sentence: string,
  offset: number,
  known: (start: number, end: number) => boolean,
  ctx: NameContext,
  runs: NameRun[],
): void {
  INSTITUTION.lastIndex = 0;
  for (let m = INSTITUTION.exec(sentence); m; m = INSTITUTION.exec(sentence)) {
    const adjective = m[1] as string;
    if (!(isAdjective(adjective) || isCountryName(adjective) || /ist$/.test(adjective))) continue;
    const nameStart = offset + m.index;
    const nameEnd = nameStart + m[0].length;
    // The country alone ("Kuwait" in "a Kuwait court") gives way to the institution.
    const within = runs.findIndex((r) => r.nameStart === nameStart && r.nameEnd === nameStart + adjective.length);
    if (within !== -1 && runs[within]?.title === null) runs.splice(within, 1);
    if (known(nameStart, nameEnd) || runs.some((r) => r.nameStart < nameEnd && nameStart < r.nameEnd)) continue;
    const name = m[0].replace(/\s+/g, " ");
    const verdict = judgeName(
      name.replace(/\s(\p{Ll})/gu, (_, c: string) => ` ${c.toUpperCase()}`),
      false,
    );
    if (!verdict.actor || ctx.places.has(foldName(name))) continue;
    runs.push({
      start: nameStart,
      end: nameEnd,
      nameStart,
      nameEnd,
      name,
      title: null,
      role: null,
      kind: verdict.kind,
    });
  }
}

/** "Ahmad “Abu Hussein” al-Hamidawi": one person, the nickname kept; the pieces are not three names. */
function joinNicknamed(sentence: string, offset: number, runs: NameRun[]): void {
  for (const n of nicknamed(sentence, offset)) {
    const inside = runs.filter((r) => r.nameStart >= n.start && r.nameEnd <= n.end);
    if (inside.length === 0) continue;
    const title = inside[0] as NameRun;
    for (const r of inside) runs.splice(runs.indexOf(r), 1);
    runs.push({
      start: Math.min(title.start, n.start),
      end: Math.max(n.end, ...inside.map((r) => r.end)),
      nameStart: n.start,
      nameEnd: n.end,
      name: n.name,
      title: title.title,
      role: inside.find((r) => r.role)?.role ?? null,
      kind: "person",
      nickname: n.nickname,
    });
  }
}

export function findNames(
  sentence: string,
  offset: number,
  known: (start: number, end: number) => boolean,
  ctx: NameContext,
): NameRun[] {
  const tokens = splitPairs(tokenize(sentence, offset), known);
  const runs: NameRun[] = [];
  let i = 0;
  while (i < tokens.length) {
    const first = tokens[i] as Token;
    if (!nameLike(first) && !numberedUnit(tokens, i)) {
      i++;
      continue;
    }
    const j = runEnd(tokens, i, sentence, offset, known);
    const raw = tokens.slice(i, j);
    i = j;
    countWords(raw, ctx);
    runs.push(...namesIn(raw, sentence, offset, known, ctx));
  }
  addInstitutions(sentence, offset, known, ctx, runs);
  joinNicknamed(sentence, offset, runs);
  return runs.sort((a, b) => a.start - b.start);
}

/** An organisation named inside a title ("U.S. Marine Corps Gen."): its capitalized words before the rank. */
function organisationIn(title: Token[]): NameRun | null {
  let end = title.length;
  while (end > 0 && matchTitle(title, end - 1) > 0) end--;
  // Drop the rank itself ("Gen.", "Maj. Gen.") from the end.
  for (let k = 0; k < end; k++) {
    const n = matchTitle(title, k);
    if (n > 0) {
      end = k;
      break;
    }
  }
  const words = title.slice(0, end).filter((t) => !STOP.has(t.text));
  // One word only when it is a known organisation's ("Pentagon Press Secretary John Kirby").
  const single = words.length === 1 && knownKind((words[0] as Token).text) !== undefined;
  if (!single && (words.length < 2 || !ORG_WORDS.has((words.at(-1) as Token).text))) return null;
  const first = words[0] as Token;
  const last = words.at(-1) as Token;
  const name = words.map((t) => t.text).join(" ");
  const verdict = judgeName(name, false);
  if (!verdict.actor) return null;
  return {
    start: first.start,
    end: last.end,
    nameStart: first.start,
    nameEnd: last.end,
    name,
    title: null,
    role: null,
    kind: verdict.kind,
  };
}

/** Offices after "of" in a title: "Secretary of State", "Minister of Foreign Affairs". */
const DEPARTMENTS = words(
  "State Defense Defence Staff Interior Foreign Affairs Finance Justice Treasury Homeland Security Energy Health Oil Parliament Commerce Trade Education Agriculture Transport Transportation Electricity Water",
);

/** Where the last title of a run of words ends (0 when there is none): "Marine Corps Gen." in "Marine Corps Gen. Frank McKenzie". */
function lastTitleEnd(tokens: Token[]): number {
  // "Kataib Sayyid al-Shuhada", "Saraya Ashura": a group's name, whose words are not titles.
  if (tokens[0] && opensArabicGroupName(tokens[0].text)) return 0;
  let end = 0;
  for (let k = 0; k < tokens.length; k++) {
    let n = matchTitle(tokens, k);
    if (n > 0 && k + n < tokens.length) {
      // "Secretary of State", "Minister of Foreign Affairs": the office belongs to the title.
      const m = k + n;
      if ((tokens[m] as Token).text === "of" && m + 1 < tokens.length) {
        let d = m + 1;
        while (d < tokens.length - 1 && DEPARTMENTS.has((tokens[d] as Token).text)) d++;
        if (d > m + 1) n = d - k;
      }
      end = k + n;
      k += n - 1;
    }
  }
  return end;
}

/** The name in a phrase after its titles: "59-year-old Sattar" → "Sattar"; "Marine Corps Gen. Frank McKenzie" → "Frank McKenzie". */
export function personName(phrase: string): string {
  const tokens = tokenize(phrase, 0);
  let a = lastTitleEnd(tokens);
  while (a < tokens.length && !isCapitalized((tokens[a] as Token).text)) a++;
  const first = tokens[a];
  return first
    ? phrase
        .slice(first.start)
        .replace(/['’]s$/, "")
        .trim()
    : "";
}

/** "Lt. Gen. Paul Calvert" → "Paul Calvert"; "Iraqi Prime Minister Haidar al-Abadi" → "Haidar al-Abadi". */
export function stripTitles(phrase: string): string {
  const tokens = tokenize(phrase, 0);
  let a = 0;
  for (;;) {
    const t = tokens[a];
    if (!t) break;
    const n = matchTitle(tokens, a);
    if (n > 0 && a + n < tokens.length) {
      a += n;
      continue;
    }
    if (STOP.has(t.text) || isAdjective(t.text) || isAcronym(t.text) || !nameLike(t)) {
      a++;
      continue;
    }
    break;
  }
  const first = tokens[a];
  return first
    ? phrase
        .slice(first.start)
        .replace(/['’]s$/, "")
        .trim()
    : "";
}

/** The surname-like last word of a name, folded: "Naeem al-Aboudi" → "aboudi". */
export const lastWordKey = (name: string) =>
  foldName(name.split(/\s+/).at(-1) ?? "").replace(/^(al|el|as|ash|ad|an|ar|at|az|ul) /, "");
