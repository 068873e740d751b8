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

/** A month and day: "Jan. 5", "March 26, 2015". */
const MONTH_DAY = String.raw`(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:,\s*\d{4})?`;
/** The agency, in brackets: "(AP)", "(Reuters)", "(dpa)". */
const AGENCY = String.raw`\s*\(([^()\n]{2,30})\)`;

/**
 * A wire dateline at the start of a line: where the story was filed and, in brackets, the agency
 * that filed it, then a dash — "BEIRUT (AP) — ", "BAGHDAD, Iraq (Reuters) - ", "WASHINGTON — ",
 * "SULAIMANI, Kurdistan Region of Iraq (Xinhua) —", "Erbil, Jan. 5 (AFP) – ", "Jan. 4 (UPI) --".
 */
const DATELINE = new RegExp(
  [
    "^(?:",
    // A place in capitals and where it is ("BEIRUT", "SAN'A", "ERBIL, Iraq", "SULAIMANI, Kurdistan
    // Region of Iraq"), an optional date, an optional agency.
    String.raw`(\p{Lu}[\p{Lu}'’.-]{2,})(?:[ -]\p{Lu}[\p{Lu}'’.-]+)*(?:,\s*\p{Lu}[\p{L}.]*(?:\s+(?:of\s+)?\p{Lu}[\p{L}.]*)*)?`,
    String.raw`(?:,?\s+${MONTH_DAY})?(?:${AGENCY})?`,
    "|",
    // A place in ordinary case, or a date, needs the agency: "Baghdad (Reuters)", "Erbil, Jan. 5 (AFP)", "Jan. 4 (UPI)".
    String.raw`(?:\p{Lu}\p{Ll}+(?:[ -]\p{Lu}\p{Ll}+){0,2}(?:,\s*\p{Lu}\p{Ll}+)?(?:,?\s+${MONTH_DAY})?|${MONTH_DAY})${AGENCY}`,
    // The dash: a hyphen only before a space ("WASHINGTON-based" is no dateline) or after the agency.
    ")\\s*(?:--|[—–]|-(?=\\s)|(?<=\\)\\s*)-)\\s*",
  ].join(""),
  "u",
);

export interface Dateline {
  /** How many characters of the line it takes, with the spaces after its dash. */
  length: number;
  /** The agency in brackets, when it gives one; and where it starts in the line. */
  agency: { name: string; at: number } | null;
}

/**
 * The wire dateline a line opens with, if it does. A dateline is short; a capitalised clause
 * before a dash is not one ("Kataib Hezbollah — the militia —"), nor a short acronym alone ("PMF —").
 */
export function dateline(line: string): Dateline | null {
  const m = DATELINE.exec(line);
  if (!m || m[0].length > 60) return null;
  const name = m[2] ?? m[3] ?? null;
  if (name === null && (m[1]?.length ?? 0) < 4) return null;
  return { length: m[0].length, agency: name === null ? null : { name, at: m[0].lastIndexOf(`(${name})`) + 1 } };
}

/**
 * How many characters of a paragraph's start are a wire dateline (0 when there is none). It says
 * where the story was filed, not what happened there: no sentence includes it, so no statement
 * quotes it and no event takes the agency for an actor.
 */
export function datelineLength(paragraph: string): number {
  return dateline(paragraph)?.length ?? 0;
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
