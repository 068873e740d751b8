/**
 * Folding for name matching: case-, diacritics- and apostrophe-insensitive, curly double quotes
 * read as straight ones, and hyphens and any run of whitespace (non-breaking spaces included)
 * read as one space. The source text is
 * never changed: `fold` returns the folded string plus, for every folded character, the offset
 * of the original character it came from, so matches map back to exact spans.
 */

const APOSTROPHES = /['‘’ʼʻ`´ʿʾ]/;
const SPACES = /[\s\u00a0\u2000-\u200b\u202f\u205f\u3000\-‐‑‒–]/;
const COMBINING = /\p{M}/u;
const DOUBLE_QUOTES = /[“”„‟″«»]/;

export interface Folded {
  text: string;
  /** origin[i] is the offset in the original text of folded character i; origin[text.length] is the original length. */
  origin: number[];
}

export function fold(input: string): Folded {
  let text = "";
  const origin: number[] = [];
  let lastWasSpace = false;
  for (let i = 0; i < input.length; i++) {
    const ch = input[i] as string;
    if (APOSTROPHES.test(ch)) continue;
    if (SPACES.test(ch)) {
      if (!lastWasSpace) {
        text += " ";
        origin.push(i);
        lastWasSpace = true;
      }
      continue;
    }
    lastWasSpace = false;
    if (DOUBLE_QUOTES.test(ch)) {
      text += '"';
      origin.push(i);
      continue;
    }
    for (const part of ch.normalize("NFKD").toLowerCase()) {
      if (COMBINING.test(part)) continue;
      text += part;
      origin.push(i);
    }
  }
  origin.push(input.length);
  return { text, origin };
}

/** The folded form of a name, trimmed: the key aliases are matched by. */
export const foldName = (name: string): string => fold(name).text.trim();

const WORD = /[\p{L}\p{N}]/u;
/** True when the character is part of a word (letters and digits in any script). */
export const isWordChar = (ch: string | undefined): boolean => ch !== undefined && WORD.test(ch);
