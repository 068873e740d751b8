/**
 * Words of a text for name matching, with exact offsets: letters and digits, an apostrophe inside
 * a word ("Asa’ib"), initials with their dots ("U.S."), a possessive "’s" cut off ("Khazali’s"),
 * and what separates each word from the one before (a space, a hyphen, or punctuation), since a
 * name runs across spaces and hyphens only. One pass over the text; keys are cached per word.
 */
import { foldName } from "../text/fold.js";
import { ARABIC_LETTER, ARTICLES, arabicConsonants, HYPHEN_ARTICLES, wordKey } from "./translit.js";

export interface Token {
  start: number;
  end: number;
  /** Folded (lower case, no diacritics or apostrophes): "asaib". */
  folded: string;
  /** Transliteration key (translit.ts), or consonants for a word in Arabic script. */
  key: string;
  /** Starts with a capital letter. */
  cap: boolean;
  /** Letters all capitals, at least two: "PMF", "U.S.". */
  upper: boolean;
  arabic: boolean;
  possessive: boolean;
  /** An acronym's plural ("PMFs"): its key and folded form are the acronym's. */
  plural: boolean;
  /** What lies between the previous token and this one. */
  gap: "space" | "hyphen" | "dot" | "quote" | "other" | "start";
}

const LETTER = /[\p{L}\p{N}\p{M}]/u;
const APOSTROPHE = /['’ʼ‘`ʿʾ]/;
const UPPER = /\p{Lu}/u;

interface WordInfo {
  folded: string;
  key: string;
  cap: boolean;
  upper: boolean;
  arabic: boolean;
  plural: boolean;
}

const cache = new Map<string, WordInfo>();
function info(written: string): WordInfo {
  let w = cache.get(written);
  if (!w) {
    if (cache.size > 200_000) cache.clear();
    // "PMFs", "IEDs": an acronym's plural is the acronym.
    const word = /^\p{Lu}{2,}s$/u.test(written) ? written.slice(0, -1) : written;
    const arabic = ARABIC_LETTER.test(word);
    const folded = arabic ? word : foldName(word).replace(/\s+/g, "");
    const letters = word.replace(/[^\p{L}]/gu, "");
    w = {
      folded,
      key: arabic ? arabicConsonants(word) : wordKey(folded.replace(/\./g, "")),
      cap: UPPER.test(word[0] as string),
      upper: letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase(),
      arabic,
      plural: word !== written,
    };
    cache.set(written, w);
  }
  return w;
}

function gapOf(text: string, from: number, to: number): Token["gap"] {
  if (from === 0 && to === 0) return "start";
  const g = text.slice(from, to);
  // "Mohammed Shia’ al-Sudani": an apostrophe for a final ayn or hamza ends the word, not the name.
  if (/^['’ʼ]?[\s\u00a0]+$/.test(g)) return "space";
  if (/^[\s\u00a0]*[-‐‑][\s\u00a0]*$/.test(g)) return "hyphen";
  if (/^\.[\s\u00a0]+$/.test(g)) return "dot";
  // "Ahmad “Abu Hussein” al-Hamidawi": a nickname's quotation marks inside a name.
  if (/^[\s\u00a0]*["“”][\s\u00a0]*$/.test(g)) return "quote";
  return "other";
}

export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const out: Token[] = [];
  let prevEnd = from;
  let i = from;
  while (i < to) {
    if (!LETTER.test(text[i] as string)) {
      i++;
      continue;
    }
    const start = i;
    let j = i + 1;
    for (; j < to; j++) {
      const c = text[j] as string;
      if (LETTER.test(c)) continue;
      if (APOSTROPHE.test(c) && j + 1 < to && LETTER.test(text[j + 1] as string)) continue;
      // "U.S.", "U.N.": a dot between single letters.
      if (c === "." && j + 1 < to && LETTER.test(text[j + 1] as string) && (j - 1 === start || text[j - 2] === "."))
        continue;
      break;
    }
    let end = j;
    if (text[end] === "." && /\.\p{L}$/u.test(text.slice(start, end))) end++; // "U.S." keeps its last dot
    let possessive = false;
    const word = text.slice(start, end);
    if (/^.+['’ʼ][sS]$/u.test(word) && !/['’ʼ]/.test(word.slice(0, -2))) {
      possessive = true;
      end -= 2;
    }
    const w = info(text.slice(start, end));
    out.push({
      start,
      end,
      ...w,
      possessive,
      gap: out.length === 0 && start === from ? "start" : gapOf(text, prevEnd, start),
    });
    prevEnd = possessive ? end + 2 : end;
    i = prevEnd;
  }
  return out;
}

/** Is this token an article that a name may carry or not ("al-Sadr", "as-Sadr", "Al Sadr", "League of the Righteous")? */
export function isArticle(tokens: Token[], i: number): boolean {
  const t = tokens[i] as Token;
  // "League of the Righteous" is also written "League of Righteous": an English name's "the" after
  // "of" may be there or not, as an Arabic name's article may.
  // ("the editor of The Cradle": a capital "The" after a lower-case "of" opens a name.)
  const prev = tokens[i - 1] as Token | undefined;
  if (t.folded === "the" && t.gap === "space" && prev?.folded === "of" && !(t.cap && !prev.cap))
    return i + 1 < tokens.length && (tokens[i + 1] as Token).gap === "space";
  if (ARTICLES.has(t.folded)) return i + 1 < tokens.length && (tokens[i + 1] as Token).gap !== "other";
  return HYPHEN_ARTICLES.has(t.folded) && i + 1 < tokens.length && (tokens[i + 1] as Token).gap === "hyphen";
}

/** The keys of a name's words, articles dropped: what names are indexed and compared by. */
export function nameKeys(name: string): string[] {
  const tokens = tokenize(name);
  const keys: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (isArticle(tokens, i)) continue;
    keys.push((tokens[i] as Token).key);
  }
  return keys;
}
