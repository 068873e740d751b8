/**
 * A person's name in a phrase: the name after its titles (personName, stripTitles), its surname
 * key (lastWordKey), whether it is introduced as someone's kin ("his brother, Haider"), and a
 * nickname quoted inside it ("Ahmad “Abu Hussein” al-Hamidawi").
 */
import { foldName } from "../../text/fold.js";
import {
  isAcronym,
  isAdjective,
  isCapitalized,
  KIN_BEFORE,
  lastTitleEnd,
  matchTitle,
  nameLike,
  STOP,
  type Token,
  tokenize,
} from "./name-words.js";

/**
 * Is the name at `start` introduced as someone's kin by a possessive pronoun ("his brother,
 * Haider")? Then a "he" later in the sentence is the one whose kin it is, not the name.
 */
export const kinOfPronoun = (text: string, start: number): boolean =>
  Boolean(KIN_BEFORE.exec(text.slice(Math.max(0, start - 50), start))?.[1]);

/** Is a title before a name kin ("Haider’s son,", "his brother")? */
export const introducesKin = (title: string): boolean => KIN_BEFORE.test(`${title.trim()} `);

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

/** The phrase from a token on, without a possessive: the name it starts. */
const fromToken = (phrase: string, first: Token | undefined): string =>
  first
    ? phrase
        .slice(first.start)
        .replace(/['’]s$/, "")
        .trim()
    : "";

/** The name in a phrase after its titles: "59-year-old Sattar" → "Sattar"; "Marine Corps Gen. Frank McKenzie" → "Frank McKenzie". */
export function personName(phrase: string): string {
  const tokens = tokenize(phrase, 0);
  let a = lastTitleEnd(tokens);
  while (a < tokens.length && !isCapitalized((tokens[a] as Token).text)) a++;
  return fromToken(phrase, tokens[a]);
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
  return fromToken(phrase, tokens[a]);
}

/** The surname-like last word of a name, folded: "Naeem al-Aboudi" → "aboudi". */
export const lastWordKey = (name: string) =>
  foldName(name.split(/\s+/).at(-1) ?? "").replace(/^(al|el|as|ash|ad|an|ar|at|az|ul) /, "");
