/**
 * Sentences, parts of speech and lemmas from wink-nlp with its English model
 * (wink-eng-lite-web-model, MIT), which ships inside its npm package: no download at run time.
 * Chosen after trying compromise on the same news text: wink tagged and split 60 KB in about
 * 0.2 s where compromise took 2 s, and split "Lt. Gen. Paul Calvert" and "U.S." correctly.
 * Its model names no people or organizations, so typing names stays with the atlas's own rules;
 * wink gives them what rules do badly alone: where sentences end, which words are verbs, nouns
 * or proper nouns, and each verb's lemma ("told" → "tell").
 *
 * Tokens carry exact offsets into the document (wink keeps every token's characters, so each is
 * found by scanning forward), and the model loads once, on the first analysis (~0.5 s).
 */

import model from "wink-eng-lite-web-model";
import winkNLP, { type ItemSentence, type ItsFunction } from "wink-nlp";
import { datelineLength, isAbbreviation } from "./sentences.js";

export type Pos =
  | "ADJ"
  | "ADP"
  | "ADV"
  | "AUX"
  | "CCONJ"
  | "DET"
  | "INTJ"
  | "NOUN"
  | "NUM"
  | "PART"
  | "PRON"
  | "PROPN"
  | "PUNCT"
  | "SCONJ"
  | "SYM"
  | "VERB"
  | "X"
  | "SPACE";

export interface NlpToken {
  start: number;
  end: number;
  text: string;
  /** Lower case. */
  lower: string;
  pos: Pos;
  lemma: string;
  /** Index of the sentence the token is in. */
  sentence: number;
}

export interface NlpSentence {
  start: number;
  end: number;
  /** Token indexes, inclusive. */
  first: number;
  last: number;
}

export interface Analysis {
  tokens: NlpToken[];
  sentences: NlpSentence[];
  /** The wire dateline opening the text ("BEIRUT, Jan. 5 (AP) — "), in no sentence: [start, end), or null. */
  dateline: [number, number] | null;
}

/** Does the sentence end in an abbreviation ("Maj.", "Jan.", "U.S.") rather than a full stop? */
function endsInAbbreviation(tokens: NlpToken[], last: number): boolean {
  const t = tokens[last] as NlpToken;
  if (t.text.endsWith(".") && t.text.length > 1) return isAbbreviation(t.text.slice(0, -1));
  const before = tokens[last - 1];
  return t.text === "." && before !== undefined && before.end === t.start && isAbbreviation(before.text);
}

let nlp: { w: ReturnType<typeof winkNLP>; lexicon: number } | null = null;
/** The model, and the size of its lexicon: words it has never seen get ids from there on. */
const engine = () => {
  if (!nlp) {
    const w = winkNLP(model);
    const probe = w.readDoc("qxzvqxzv").tokens().itemAt(0);
    nlp = { w, lexicon: probe.out(w.its.uniqueId) as number };
  }
  return nlp;
};

const english = new Map<string, boolean>();
/**
 * Is the word, in lower case, in the model's English lexicon ("officials", "empire"), rather than
 * a name it has never seen ("Sistani", "Sattar")? Remembered per word.
 */
export function isEnglishWord(word: string): boolean {
  const lower = word.toLowerCase();
  let known = english.get(lower);
  if (known === undefined) {
    // A plural the lexicon lacks is English when its singular is ("drones", "gunmen").
    const singular = /men$/.test(lower)
      ? lower.replace(/men$/, "man")
      : /[^s]s$/.test(lower)
        ? lower.slice(0, -1)
        : null;
    known = inLexicon(lower) || (singular !== null && singular.length > 2 && inLexicon(singular));
    if (english.size > 50_000) english.clear();
    english.set(lower, known);
  }
  return known;
}

function inLexicon(lower: string): boolean {
  const { w, lexicon } = engine();
  const id = w
    .readDoc(lower)
    .tokens()
    .itemAt(0)
    ?.out(w.its.uniqueId as unknown as ItsFunction<number>) as number | undefined;
  return id !== undefined && id < lexicon;
}

/** Tokens and sentences of text[from, to), with offsets into the whole text. */
export function analyze(text: string, from = 0, to = text.length): Analysis {
  const { w } = engine();
  const its = w.its;
  const slice = text.slice(from, to);
  const doc = w.readDoc(slice);
  const values = doc.tokens().out() as string[];
  const pos = doc.tokens().out(its.pos) as string[];
  // wink's type for `its.lemma` declares a parameter list that `out` does not accept; it is a token "its".
  const lemmas = doc.tokens().out(its.lemma as unknown as ItsFunction<string>) as string[];
  const tokens: NlpToken[] = [];
  /** Token index in wink's list → index in `tokens` (a token that cannot be placed is skipped). */
  const placed = new Int32Array(values.length).fill(-1);
  // A wire dateline ("BEIRUT (AP) — ") opening the paragraph is in no sentence.
  const lead = slice.length - slice.trimStart().length;
  const dateline = lead + datelineLength(slice.slice(lead));
  let cursor = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i] as string;
    // Runs of blank lines are tokens to wink; they are no word of any sentence here.
    if (pos[i] === "SPACE" || value.trim() === "") continue;
    const at = slice.indexOf(value, cursor);
    if (at === -1 || at - cursor > 200) continue;
    cursor = at + value.length;
    if (at < dateline) continue;
    placed[i] = tokens.length;
    tokens.push({
      start: from + at,
      end: from + at + value.length,
      text: value,
      lower: value.toLowerCase(),
      pos: (pos[i] ?? "X") as Pos,
      lemma: (lemmas[i] ?? value).toLowerCase(),
      sentence: 0,
    });
  }
  const sentences: NlpSentence[] = [];
  doc.sentences().each((s: ItemSentence) => {
    const [a, b] = s.out(its.span) as unknown as [number, number];
    let first = -1;
    let last = -1;
    for (let i = a; i <= b; i++) {
      const k = placed[i] as number;
      if (k === -1) continue;
      if (first === -1) first = k;
      last = k;
    }
    if (first === -1) return;
    // wink ends a sentence after a rank or month ("Army Maj." | "Gen. Kevin Copsey"): join them again.
    const prev = sentences.at(-1);
    if (prev && endsInAbbreviation(tokens, prev.last) && /^\p{Lu}/u.test((tokens[first] as NlpToken).text)) {
      prev.last = last;
      prev.end = (tokens[last] as NlpToken).end;
    } else {
      sentences.push({ start: (tokens[first] as NlpToken).start, end: (tokens[last] as NlpToken).end, first, last });
    }
  });
  const lines = hardWrapped(slice) ? sentences : sentences.flatMap((s) => atLineEnds(text, tokens, s));
  lines.forEach((s, n) => {
    for (let k = s.first; k <= s.last; k++) (tokens[k] as NlpToken).sentence = n;
  });
  return { tokens, sentences: lines, dateline: dateline > lead ? [from + lead, from + dateline] : null };
}

/** A line break inside a paragraph, and the character after it. */
const LINE_BREAK = /\n(?![ \t\u00a0]*\n)[ \t\u00a0]*(\S)/g;

/**
 * Is the text wrapped at a fixed width (a PDF's lines, an e-mail's), so that a line break inside a
 * paragraph is only a space? Then some lines go on in lower case ("… the Popular Mobilization\n
 * forces said"); a text whose lines are its headline, byline and paragraphs has none.
 */
export function hardWrapped(text: string): boolean {
  let breaks = 0;
  let lower = 0;
  LINE_BREAK.lastIndex = 0;
  for (let m = LINE_BREAK.exec(text); m; m = LINE_BREAK.exec(text)) {
    breaks++;
    if (/\p{Ll}/u.test(m[1] as string)) lower++;
  }
  return lower >= 2 && lower * 5 >= breaks;
}

/** Capitalized words that open a sentence, not continue a name: "The Pentagon said …". */
const SENTENCE_OPENERS = new Set(
  "the a an in on at after before as but and when while since it he she they we this that these those".split(" "),
);

/** A body's head word, which ends a name begun on the line before ("Popular Mobilization\nForces"). */
const NAME_HEADS =
  /^(?:Forces?|Units?|Brigades?|Battalions?|Organi[sz]ation|Movement|Party|Army|Council|Committee|Ministry|Alliance|Coalition|Front|Corps|Guards?|Command|Group|Service|Agency)$/;

/** What opens a line that starts a new sentence: a capital, a number, an opening quotation mark or bracket. */
const OPENS_LINE = /^[\p{Lu}\p{N}"“‘(]/u;

/**
 * "By Darryl Coote" above "The Pentagon said …", a headline above its first paragraph: in a text
 * that is not hard-wrapped, a line break before a capital ends a sentence, though no full stop does.
 */
function atLineEnds(text: string, tokens: NlpToken[], s: NlpSentence): NlpSentence[] {
  const out: NlpSentence[] = [];
  let first = s.first;
  for (let k = s.first + 1; k <= s.last; k++) {
    const prev = tokens[k - 1] as NlpToken;
    const t = tokens[k] as NlpToken;
    if (!OPENS_LINE.test(t.text) || !text.slice(prev.end, t.start).includes("\n")) continue;
    // A line that ends on a word that cannot end a sentence ("by the", "according to") goes on; so
    // does a long line whose last word and the next line's first are both capitalized: a name
    // broken by the wrap ("the Popular\nMobilization Forces"), not a headline above a paragraph.
    if (/^(?:DET|ADP|CCONJ|SCONJ|PART|AUX)$/.test(prev.pos)) continue;
    const lineLength = prev.end - (text.lastIndexOf("\n", prev.end - 1) + 1);
    const capitals = /^\p{Lu}/u.test(prev.text) && /^\p{Lu}/u.test(t.text) && !SENTENCE_OPENERS.has(t.lower);
    if (capitals && (lineLength >= 50 || NAME_HEADS.test(t.text))) continue;
    out.push({ start: (tokens[first] as NlpToken).start, end: prev.end, first, last: k - 1 });
    first = k;
  }
  if (first === s.first) return [s];
  out.push({ start: (tokens[first] as NlpToken).start, end: s.end, first, last: s.last });
  return out;
}
