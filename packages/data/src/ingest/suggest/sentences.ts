/**
 * Sentence boundaries in a paragraph, for news English: a full stop, question or exclamation
 * mark (and any closing quotes) followed by a space and a capital, a digit or an opening quote —
 * unless the word before is a title or abbreviation ("Lt. Gen. Paul Calvert", "U.S. forces").
 * One left-to-right pass: linear in the text.
 */

const ABBREVIATIONS = new Set(
  (
    "mr mrs ms dr st jr sr gen lt col maj capt cpt sgt adm sen rep gov pres prof rev brig cmdr cdr gens " +
    "no vs etc inc ltd co corp jan feb mar apr jun jul aug sep sept oct nov dec mt ft approx est dept univ"
  ).split(" "),
);

/** Is the word ending just before a full stop an abbreviation rather than a sentence end? */
export function isAbbreviation(word: string): boolean {
  if (ABBREVIATIONS.has(word.toLowerCase())) return true;
  if (/^\p{Lu}$/u.test(word)) return true; // an initial: "George W. Bush"
  return /^(\p{L}\.)+\p{L}$/u.test(word); // "U.S", "U.N", "e.g"
}

/**
 * A wire dateline opening a paragraph: the place in capitals, or a place with the agency in
 * brackets, then a dash — "BEIRUT (AP) — ", "BAGHDAD, Iraq (Reuters) - ", "WASHINGTON — ",
 * "Erbil, Jan. 5 (AFP) – ". It says where the story was filed, not what happened there: no
 * sentence includes it, so no statement quotes it and no event takes the agency for an actor.
 */
const DATELINE = new RegExp(
  [
    "^(?:",
    // A place in capitals ("BEIRUT", "SAN'A", "ERBIL, Iraq"; not a short acronym, "PMF —"), an
    // optional date, an optional agency.
    "\\p{Lu}[\\p{Lu}'’.-]{3,}(?:[ -]\\p{Lu}[\\p{Lu}'’.-]+)*(?:,\\s*\\p{Lu}[\\p{L}.]+(?:\\s\\p{Lu}[\\p{L}.]+)?)*",
    "(?:,?\\s+\\p{Lu}\\p{Ll}{2,3}\\.?\\s+\\d{1,2})?(?:\\s*\\([^()\\n]{2,30}\\))?",
    "|",
    // A place in ordinary case needs the agency: "Baghdad (Reuters)", "Erbil, Jan. 5 (AFP)".
    "\\p{Lu}\\p{Ll}+(?:[ -]\\p{Lu}\\p{Ll}+)*(?:,\\s*\\p{Lu}[\\p{L}.]+)*(?:,?\\s+\\p{Lu}\\p{Ll}{2,3}\\.?\\s+\\d{1,2})?\\s*\\([^()\\n]{2,30}\\)",
    ")\\s*[—–-]{1,2}\\s+",
  ].join(""),
  "u",
);

/** How many characters of a paragraph's start are a wire dateline (0 when there is none). */
export function datelineLength(paragraph: string): number {
  const m = DATELINE.exec(paragraph);
  // A dateline is short; a capitalised clause before a dash is not one.
  return m && m[0].length <= 60 ? m[0].length : 0;
}

const TERMINATOR = /[.!?…]+["'”’)\]]*(?=\s)/g;
const OPENING = /[\p{Lu}\p{N}"'“‘([]/u;

/** [start, end) of each sentence in text.slice(from, to), with surrounding whitespace trimmed. */
export function sentences(text: string, from = 0, to = text.length): [number, number][] {
  const out: [number, number][] = [];
  const push = (s: number, e: number) => {
    while (s < e && /\s/.test(text[s] as string)) s++;
    while (e > s && /\s/.test(text[e - 1] as string)) e--;
    if (s < e) out.push([s, e]);
  };
  const slice = text.slice(from, to);
  let start = 0;
  TERMINATOR.lastIndex = 0;
  for (let m = TERMINATOR.exec(slice); m; m = TERMINATOR.exec(slice)) {
    const end = m.index + m[0].length;
    let next = end;
    while (next < slice.length && /\s/.test(slice[next] as string)) next++;
    const blank = /\n[ \t\u00a0]*\n/.test(slice.slice(end, next));
    if (!blank) {
      if (next >= slice.length || !OPENING.test(slice[next] as string)) continue;
      if (m[0][0] === ".") {
        let w = m.index;
        while (w > 0 && /[\p{L}.]/u.test(slice[w - 1] as string)) w--;
        if (isAbbreviation(slice.slice(w, m.index))) continue;
      }
    }
    push(from + start, from + end);
    start = next;
  }
  push(from + start, to);
  return out;
}

/**
 * A clause that opens a sentence by conceding something ("Though the group denied responsibility,"):
 * what it says is not the sentence's own telling, and it ends at its comma.
 */
export const CONCESSION = /^\s*(?:even\s+)?(?:though|although|despite)\b[^,;“”"]*,/i;
