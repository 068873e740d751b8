/**
 * Folding for name matching: case-, diacritics- and apostrophe-insensitive, curly double quotes
 * read as straight ones, and hyphens and any run of whitespace (non-breaking spaces included)
 * read as one space. The source text is never changed: `fold` returns the folded string plus,
 * for every folded character, the offset of the original character it came from, so matches map
 * back to exact spans. ASCII takes a fast path; other characters are decomposed (NFKD) one by one.
 */

const APOSTROPHES = /['‘’ʼʻ`´ʿʾ]/;
const SPACES = /[\s\u00a0\u2000-\u200b\u202f\u205f\u3000\-‐‑‒–]/;
const COMBINING = /\p{M}/u;
const DOUBLE_QUOTES = /[“”„‟″«»]/;
const WORD = /[\p{L}\p{N}]/u;

export interface Folded {
  text: string;
  /** origin[i] is the offset in the original text of folded character i; origin[text.length] is the original length. */
  origin: Int32Array;
  /** word[i] is 1 when folded character i is a letter or digit. */
  word: Uint8Array;
}

const isAsciiWord = (c: number) => (c >= 97 && c <= 122) || (c >= 48 && c <= 57);

export function fold(input: string): Folded {
  let capacity = input.length + 16;
  let codes = new Uint16Array(capacity);
  let origin = new Int32Array(capacity + 1);
  let word = new Uint8Array(capacity);
  let n = 0;
  let lastWasSpace = false;
  const push = (code: number, from: number, isWord: boolean) => {
    if (n === capacity) {
      capacity *= 2;
      const c = new Uint16Array(capacity);
      c.set(codes);
      codes = c;
      const o = new Int32Array(capacity + 1);
      o.set(origin);
      origin = o;
      const w = new Uint8Array(capacity);
      w.set(word);
      word = w;
    }
    codes[n] = code;
    origin[n] = from;
    word[n] = isWord ? 1 : 0;
    n++;
  };
  for (let i = 0; i < input.length; i++) {
    let c = input.charCodeAt(i);
    if (c < 128) {
      if (c === 39 || c === 96) continue; // ' and `
      if (c === 32 || c === 45 || (c >= 9 && c <= 13)) {
        if (!lastWasSpace) push(32, i, false);
        lastWasSpace = true;
        continue;
      }
      lastWasSpace = false;
      if (c >= 65 && c <= 90) c += 32;
      push(c, i, isAsciiWord(c));
      continue;
    }
    const ch = input[i] as string;
    if (APOSTROPHES.test(ch)) continue;
    if (SPACES.test(ch)) {
      if (!lastWasSpace) push(32, i, false);
      lastWasSpace = true;
      continue;
    }
    lastWasSpace = false;
    if (DOUBLE_QUOTES.test(ch)) {
      push(34, i, false);
      continue;
    }
    for (const part of ch.normalize("NFKD").toLowerCase()) {
      if (COMBINING.test(part)) continue;
      for (let k = 0; k < part.length; k++) push(part.charCodeAt(k), i, WORD.test(part));
    }
  }
  origin[n] = input.length;
  let text = "";
  for (let start = 0; start < n; start += 8192) {
    text += String.fromCharCode(...codes.subarray(start, Math.min(n, start + 8192)));
  }
  return { text, origin: origin.subarray(0, n + 1), word: word.subarray(0, n) };
}

/** The folded form of a name, trimmed: the key aliases are matched by. */
export const foldName = (name: string): string => fold(name).text.trim();

/** True when the character is part of a word (letters and digits in any script). */
export const isWordChar = (ch: string | undefined): boolean => ch !== undefined && WORD.test(ch);
