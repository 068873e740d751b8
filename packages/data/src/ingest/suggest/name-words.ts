/**
 * The words a name is read with: a sentence's words as tokens, the word lists that tell a name's
 * words from its context (stop words, adjectives of nationality or sect, particles, connectors, a
 * group's lower-case head, geography, military units), the role or kin before or after a name
 * ("group spokesman X", "his brother, X", "X, the leader of Y"), and titles matched on the tokens,
 * with the office after one ("Secretary of State").
 */
import { TITLE_PHRASES } from "../../names/titles.js";
import { KIN, KIN_MODIFIER } from "./kin.js";
import { opensArabicGroupName } from "./kinds.js";

export interface Token {
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

/** A word, with apostrophes inside it ("Asa’ib") or ending it before an article ("Shia’ al-Sudani"). */
const TOKEN = /[\p{L}\p{N}](?:[\p{L}\p{N}-]|['’](?=\p{L})|['’](?=\s+(?:al|el|Al|El)-)|\.(?=\p{L}))*/gu;

const words = (s: string) => new Set(s.split(/\s+/).filter(Boolean));

export const STOP = words(`
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
export const ADJECTIVES = words(`
  Iraqi Iraqis Iranian Iranians American Americans Syrian Syrians Kurdish Kurds Kurd Arab Arabs Arabic
  Shiite Shiites Shia Shias Shiite Shiites Shiism Sunni Sunnis Muslim Muslims Christian Christians Western Eastern Northern Southern
  Israeli Israelis Turkish Turks Saudi Saudis Lebanese Yemeni Yemenis Russian Russians British French European
  Europeans Jordanian Kuwaiti Gulf Persian Islamic Jihadist Jihadists Baathist Baathists Yazidi Yazidis
  Turkmen Iraq-based Iran-backed Iranian-backed U.S.-backed U.S.-led
`);

/**
 * More peoples' words: alone, context ("the Palestinian cause"), never a name; inside a longer run
 * they may open one ("Palestinian Islamic Jihad", "Danish Siddiqui"), so they are not stripped as
 * the adjectives above are.
 */
export const PEOPLES = words(`
  Palestinian Palestinians Egyptian Egyptians Qatari Qataris Emirati Emiratis Bahraini Bahrainis Omani Omanis
  Afghan Afghans Pakistani Pakistanis Azerbaijani Azerbaijanis Armenian Armenians Chinese Indian Indians German
  Germans Italian Italians Spanish Dutch Swedish Canadian Canadians Australian Australians Japanese Korean Koreans
  Ukrainian Ukrainians Sudanese Libyan Libyans Tunisian Tunisians Algerian Algerians Moroccan Moroccans Somali
  Somalis Greek Greeks Belgian Belgians Danish Norwegian Swiss Austrian Cypriot Kurdistani Asian African Africans
`);

/** Is the word an adjective of nationality or sect (apostrophes aside: "Shi’ites")? */
export const isAdjective = (w: string) =>
  ADJECTIVES.has(w.replace(/['’]/g, "")) ||
  /^[\p{L}.]+-(linked|backed|affiliated|aligned|allied|led|based|funded|run|owned|sponsored)$/u.test(w);

export const PARTICLES = words("al el bin ibn bint abu abd de del da di du van von der den la le ul");
/** Lower-case head words that end a group's name: "the Sadrist movement", "the Resistance factions". */
export const LOWER_HEADS = words("movement factions bloc party alliance coalition front");
export const CONNECTORS = words("of for and the");
export const HYPHEN_PARTICLE = /^(al|el|as|ash|ad|an|ar|at|az|ul)-\p{Lu}/u;
/** Abbreviated titles that end in a full stop without ending the run. */
export const TITLE_ABBREV = words(
  "Lt Gen Maj Col Brig Capt Cpt Sgt Adm Sen Rep Gov Dr Mr Mrs Ms Prof Rev Cmdr St Gens",
);
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
export const KIN_BEFORE = new RegExp(
  `\\b(?:([Hh]is|[Hh]er|[Tt]heir)|\\p{Lu}[\\p{L}-]*['’]s)\\s+${KIN_MODIFIER}(?:${KIN})\\s*,?\\s+$`,
  "u",
);

export const ROLE_AFTER = new RegExp(
  `^,\\s+((?:the|a|an|its|his|her|their|then|former|group|militia)\\s+[^,.;:!?“”"]{0,60}?\\b(?:${ROLE_NOUNS})\\b[^,;:!?“”"]{0,80}?)(?=[,;:!?“”"]|\\.(?:\\s|$)|$)`,
);

export const GEOGRAPHY = words(`
  Province Governorate District City Town Village River Street Square Airport Base Camp Bridge Mountains Mountain
  Valley Desert Gulf Sea Lake Island Islands Border Road Highway Zone Region Plain Plains Embassy Hotel Stadium
  East West North South Airbase Airfield Port Crossing Strip Heights Peninsula Coast
`);
/** First words that make a name a place: "Camp Taji", "Ain al-Asad", "Mount Sinjar", "Tal Afar". */
export const PLACE_FIRST = words("Camp Fort Mount Lake Ain Tal Tell Jabal Jebel Wadi Ras Bab Port Cape Bir Khor Qasr");

export const isCapitalized = (w: string) => /^\p{Lu}/u.test(w);
/** "PMF", "U.S.", and an acronym's plural ("PMFs"). */
export const isAcronym = (w: string) => {
  const base = /^\p{Lu}{2,}s$/u.test(w) ? w.slice(0, -1) : w;
  return base.replace(/[^\p{L}]/gu, "").length >= 2 && base === base.toUpperCase();
};

export function tokenize(sentence: string, offset: number): Token[] {
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

/** Can the token join a name run? */
export function nameLike(t: Token): boolean {
  return (
    isCapitalized(t.text) ||
    PARTICLES.has(t.text) ||
    HYPHEN_PARTICLE.test(t.text) ||
    /^(then|ex|former)-\p{Lu}/u.test(t.text)
  );
}

/** Words that name a military unit, which a number may name: "the 50th Brigade", "Brigade 30". */
export const UNIT_WORDS = new Set(
  "Brigade Brigades Battalion Battalions Division Divisions Regiment Corps Squadron Liwa Firqa".split(" "),
);

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

/** Titles of one who holds an office in a body: "Chairman of the X Council" is his title, not a name. */
export const OFFICE_HOLDER =
  /^(?:Chair(?:man|woman|person)?|President|Head|Leader|Director|Spokes(?:man|woman|person)|Secretary-General|Commander|Chief|Minister|Governor|Deputy|Speaker|Mayor|Member)$/;

/** Offices after "of" in a title: "Secretary of State", "Minister of Foreign Affairs". */
const DEPARTMENTS = words(
  "State Defense Defence Staff Interior Foreign Affairs Finance Justice Treasury Homeland Security Energy Health Oil Parliament Commerce Trade Education Agriculture Transport Transportation Electricity Water",
);

/** Where the last title of a run of words ends (0 when there is none): "Marine Corps Gen." in "Marine Corps Gen. Frank McKenzie". */
export function lastTitleEnd(tokens: Token[]): number {
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
