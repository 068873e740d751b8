/**
 * Annotating in the reader: the selected words as a quote (trimmed), and what the form is
 * prefilled with from them — the known actors they name, a date they state, a reporting verb that
 * makes them a claim. Which occurrence the words are is `quoteAt` in @atlas/schema, the rule the
 * API resolves a quote by. Pure, so the client and the tests share it. The API decides everything
 * for real: the quote must be in the document, the ids must exist, the date must read.
 */
import { reporting } from "@atlas/data/reporting";
import { readDate, type Stance } from "@atlas/schema";

/** What the reader can make of selected words (the workbench's add procedure takes each). */
export const ANNOTATION_KINDS = ["claim", "mention", "alias", "event", "relation", "actor"] as const;
export type AnnotationKind = (typeof ANNOTATION_KINDS)[number];

export const KIND_LABELS: Record<AnnotationKind, string> = {
  claim: "A claim (someone said these words)",
  mention: "A mention of a known actor",
  alias: "Another name of a known actor",
  event: "An event, or more words for one",
  relation: "A relation between two actors",
  actor: "A new actor",
};

/** The selected stretch without the spaces and line breaks at its ends; null when it holds nothing. */
export function trimSpan(text: string, start: number, end: number): { start: number; end: number } | null {
  let s = Math.max(0, Math.min(start, end));
  let e = Math.min(text.length, Math.max(start, end));
  while (s < e && /\s/.test(text[s] as string)) s++;
  while (e > s && /\s/.test(text[e - 1] as string)) e--;
  return e > s ? { start: s, end: e } : null;
}

const MONTH = "(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\\.?";
const DATE_SHAPES = new RegExp(
  [
    `\\b\\d{1,2} ${MONTH},? \\d{4}\\b`,
    `\\b${MONTH} \\d{1,2},? \\d{4}\\b`,
    `\\b${MONTH},? \\d{4}\\b`,
    "\\b\\d{4}-\\d{2}(?:-\\d{2})?\\b",
  ].join("|"),
  "g",
);

/** The first date the words state as a calendar date ("March 9, 2021", "9 March 2021", "2021-03"): the words and YYYY[-MM[-DD]]. */
export function dateIn(quote: string): { words: string; date: string } | null {
  for (const m of quote.matchAll(DATE_SHAPES)) {
    const date = readDate(m[0]);
    if (date) return { words: m[0], date };
  }
  return null;
}

const IRREGULAR: Record<string, string> = {
  said: "say",
  says: "say",
  told: "tell",
  wrote: "write",
  written: "write",
  spoke: "speak",
  spoken: "speak",
  swore: "swear",
  sworn: "swear",
  read: "read",
};

/** The lemmas a word could be ("denied" → deny, "warns" → warn, "stated" → state). */
function lemmas(word: string): string[] {
  const w = word.toLowerCase();
  const irregular = IRREGULAR[w];
  if (irregular) return [irregular];
  const out = [w];
  if (w.endsWith("ied")) out.push(`${w.slice(0, -3)}y`);
  if (w.endsWith("ies")) out.push(`${w.slice(0, -3)}y`);
  if (w.endsWith("ed")) out.push(w.slice(0, -2), w.slice(0, -1));
  if (w.endsWith("es")) out.push(w.slice(0, -2));
  if (w.endsWith("s")) out.push(w.slice(0, -1));
  if (w.endsWith("ing")) out.push(w.slice(0, -3), `${w.slice(0, -3)}e`);
  return out;
}

/** The first strong reporting verb in the words ("said", "denied", "warned"), with the stance it implies. */
export function reportingVerbIn(quote: string): { word: string; stance: Stance } | null {
  for (const m of quote.matchAll(/[A-Za-z]+/g)) {
    for (const lemma of lemmas(m[0])) {
      const r = reporting(lemma);
      if (r?.strong) return { word: m[0], stance: r.stance };
    }
  }
  if (/\baccording to\b/i.test(quote)) return { word: "according to", stance: "asserts" };
  return null;
}

/** A known actor, as the form lists them. */
export interface KnownActor {
  id: string;
  name: string;
  aliases: string[];
}

/** [start, end, actorId]: where the document already mentions an actor. */
export type MentionSpan = [start: number, end: number, actorId: string];

const wordsPattern = (name: string) =>
  new RegExp(`(?<![\\p{L}\\p{N}])${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\p{L}\\p{N}])`, "iu");

/**
 * The known actors the words name: the document's mentions that overlap them, then any actor
 * whose name or alias (three letters or more) appears in them as whole words. In order of appearance.
 */
export function actorsIn(
  quote: string,
  span: { start: number; end: number } | null,
  mentions: readonly MentionSpan[],
  actors: readonly KnownActor[],
): string[] {
  const found = new Map<string, number>();
  if (span) {
    for (const [s, e, id] of mentions) {
      if (s < span.end && span.start < e && !found.has(id)) found.set(id, Math.max(0, s - span.start));
    }
  }
  for (const a of actors) {
    if (found.has(a.id)) continue;
    for (const name of [a.name, ...a.aliases]) {
      if (name.length < 3) continue;
      const m = wordsPattern(name).exec(quote);
      if (m) {
        found.set(a.id, m.index);
        break;
      }
    }
  }
  return [...found.entries()].sort((x, y) => x[1] - y[1]).map(([id]) => id);
}

/** What the form opens as: a claim when the words report speech, else a mention of the one actor they name, else a claim. */
export function kindFor(verb: ReturnType<typeof reportingVerbIn>, actorIds: string[], quote: string): AnnotationKind {
  if (verb) return "claim";
  if (actorIds.length === 1 && quote.split(/\s+/).length <= 6) return "mention";
  return "claim";
}
