/**
 * Attributed statements: "X said …", "“…,” said X", "according to X, …", "X told …",
 * "X denied …", "X warned …". For each, who speaks (a known actor when the name is one, else
 * the name as written, resolved later against candidate actors; "he said" takes the last named
 * speaker nearby), the verb and the stance it implies, the words claimed (a quotation when
 * there is one: direct; else the reported clause: indirect) and the words that attribute them.
 * Sentence by sentence, with bounded look-around: linear in the text.
 */
import type { Stance } from "@atlas/schema";
import { ROLE_BEFORE, stripTitles } from "./names.js";
import { isAbbreviation } from "./sentences.js";

export interface Span {
  start: number;
  end: number;
}

export interface KnownHit extends Span {
  actorId: string;
}

export interface Speaker extends Span {
  /** The speaker as written, title included. */
  text: string;
  actorId: string | null;
  /** The name without its title, when not a known actor. */
  name: string | null;
  from: "name" | "pronoun";
}

export interface StatementHit {
  speaker: Speaker;
  verb: string;
  stance: Stance;
  mode: "direct" | "indirect";
  evidence: Span;
  attribution: Span;
  /** Where the verb (or "according to") is: a date right after it says when it was said. */
  verbAt: Span;
}

const STANCE_OF: Record<string, Stance> = {};
const verbs = (stance: Stance, list: string) => {
  for (const v of list.split(" ")) STANCE_OF[v] = stance;
};
verbs(
  "asserts",
  "said says say told tells added adds stated announced explained noted insisted argued asserted declared stressed maintained wrote writes",
);
verbs("alleges", "claimed claims alleged alleges");
verbs("denies", "denied denies");
verbs("warns", "warned warns");
verbs("accuses", "accused accuses blamed blames");
verbs("acknowledges", "acknowledged acknowledges admitted admits conceded");
verbs("confirms", "confirmed confirms");
verbs("predicts", "predicted predicts");
verbs("threatens", "threatened threatens");
verbs("promises", "promised promises vowed vows pledged");
verbs("demands", "urged urges demanded demands");
verbs("condemns", "condemned condemns");
const SAYING = new Set(
  "said says say told tells added adds stated announced explained noted insisted argued asserted declared stressed maintained wrote writes claimed claims".split(
    " ",
  ),
);

const VERB = new RegExp(`\\b(${Object.keys(STANCE_OF).join("|")})\\b`, "g");
const ACCORDING = /\baccording to\s+/gi;
const NAME_WORD = "(?:\\p{Lu}[\\p{L}'’\\-]*\\.?|(?:al|el|as|ash|ad|an|ar|at|az)-\\p{Lu}[\\p{L}'’\\-]*)";
const NAME_BEFORE = new RegExp(`(${NAME_WORD}(?:\\s+(?:${NAME_WORD}|al|el|bin|ibn|abu|abd)){0,6})\\s*$`, "u");
const NAME_AFTER = new RegExp(`^(${NAME_WORD}(?:\\s+(?:${NAME_WORD}|al|el|bin|ibn|abu|abd)){0,6})`, "u");
const NAME_AT_END = new RegExp(`${NAME_WORD}(?:\\s+(?:${NAME_WORD}|al|el|bin|ibn|abu|abd)){0,6}\\s*$`, "u");
const PRONOUN_BEFORE = /\b(he|she)\s*$/i;
const APPOSITIVE = /,\s+[^,“”"]{2,160},\s*$/;
const APPOSITIVE_OPEN = /,\s+[^,“”"]{2,160}$/;
const APPOSITIVE_START = /^,\s+(the|a|an|who|its|his|her|their|then|former|now|also|a\s)/i;
/** After a saying verb: whom it was said to, and "that". */
const OBJECT =
  /^\s*(?:(?:me|him|her|us|them|reporters|journalists|lawmakers|the \w+|an? \w+)\s+)?(?:(?:this|last|on|in|earlier)\s+\w+(?:\s+\w+)?\s+)?(?:,\s*)?(?:that\s+)?/i;

/** Quotation spans (inside the marks) of a stretch of text, curly or straight. */
export function quotations(text: string, from: number, to: number): Span[] {
  const out: Span[] = [];
  let open = -1;
  let straight = -1;
  for (let i = from; i < to; i++) {
    const c = text[i];
    if (c === "“") open = i;
    else if (c === "”" && open !== -1) {
      if (i > open + 1) out.push({ start: open + 1, end: i });
      open = -1;
    } else if (c === '"') {
      if (straight === -1) straight = i;
      else {
        if (i > straight + 1) out.push({ start: straight + 1, end: i });
        straight = -1;
      }
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

const trimSpan = (text: string, s: number, e: number): Span => {
  while (s < e && /[\s,;:—–-]/.test(text[s] as string)) s++;
  while (e > s && /[\s,;:.—–-]/.test(text[e - 1] as string)) e--;
  return { start: s, end: e };
};

export interface StatementContext {
  text: string;
  /** Known actors' mentions in the sentence. */
  known: KnownHit[];
  /** Quotations in the sentence's paragraph. */
  quotes: Span[];
  /** The last named speaker, for "he said". */
  lastSpeaker: Speaker | null;
}

function speakerFrom(ctx: StatementContext, start: number, end: number, withRole: boolean): Speaker | null {
  const { text } = ctx;
  // "Marine Corps Gen. Frank McKenzie": the last name in the phrase is the speaker.
  const hit = ctx.known.findLast((k) => k.start < end && start < k.end);
  let s = start;
  if (withRole) {
    const role = ROLE_BEFORE.exec(text.slice(Math.max(0, start - 40), start));
    if (role) s = start - role[0].length;
  }
  const written = text.slice(s, end);
  if (hit) return { start: s, end, text: written, actorId: hit.actorId, name: null, from: "name" };
  const name = stripTitles(text.slice(start, end));
  if (!name || !/\p{Lu}/u.test(name[0] as string)) return null;
  return { start: s, end, text: written, actorId: null, name, from: "name" };
}

/** Where a noun phrase ends: at punctuation, or a full stop that is not an abbreviation's ("Maj."). */
function phraseEnd(text: string, from: number, to: number): number {
  for (let i = from; i < to; i++) {
    const c = text[i] as string;
    if (/[,;:!?—(“"]/.test(c)) return i;
    if (c === "." && /\s/.test(text[i + 1] ?? " ")) {
      let w = i;
      while (w > from && /[\p{L}.]/u.test(text[w - 1] as string)) w--;
      if (!isAbbreviation(text.slice(w, i))) return i;
    }
  }
  return to;
}

/** The quotation that ends right before `at` (“…,” said X) or starts right after it (X said: “…”). */
const quoteBefore = (ctx: StatementContext, at: number) =>
  ctx.quotes.findLast((q) => q.end <= at && /^[\s,.?!]*[”"][\s,]*$/.test(ctx.text.slice(q.end, at)));
const quoteAfter = (ctx: StatementContext, at: number) =>
  ctx.quotes.find((q) => q.start >= at && /^[\s,:]*[“"]$/.test(ctx.text.slice(at, q.start)));

/** Statements in the sentence text[start, end). */
export function findStatements(ctx: StatementContext, start: number, end: number): StatementHit[] {
  const { text } = ctx;
  const sentence = text.slice(start, end);
  const out: StatementHit[] = [];
  const seen = new Set<string>();
  const push = (hit: StatementHit) => {
    const key = hit.speaker.actorId ?? hit.speaker.name ?? hit.speaker.text;
    hit.evidence = trimSpan(text, hit.evidence.start, hit.evidence.end);
    if (seen.has(key) || hit.evidence.end <= hit.evidence.start) return;
    seen.add(key);
    out.push(hit);
    if (hit.speaker.from === "name") ctx.lastSpeaker = hit.speaker;
  };

  ACCORDING.lastIndex = 0;
  for (let m = ACCORDING.exec(sentence); m; m = ACCORDING.exec(sentence)) {
    const npStart = start + m.index + m[0].length;
    const npEnd = phraseEnd(text, npStart, end);
    const nameMatch = NAME_AT_END.exec(text.slice(npStart, npEnd).replace(/\.$/, ""));
    if (!nameMatch) continue;
    const speaker = speakerFrom(
      ctx,
      npStart + nameMatch.index,
      npStart + nameMatch.index + nameMatch[0].trimEnd().length,
      true,
    );
    if (!speaker) continue;
    const attribution = { start: start + m.index, end: speaker.end };
    const before = trimSpan(text, start, start + m.index);
    const evidence = before.end - before.start > 25 ? before : trimSpan(text, npEnd, end);
    const direct = /[“”"]/.test(text.slice(evidence.start, evidence.end));
    push({
      speaker,
      verb: "according to",
      stance: "asserts",
      mode: direct ? "direct" : "indirect",
      evidence,
      attribution,
      verbAt: { start: start + m.index, end: npStart },
    });
  }

  VERB.lastIndex = 0;
  for (let m = VERB.exec(sentence); m; m = VERB.exec(sentence)) {
    const verb = m[1] as string;
    const v = start + m.index;
    const verbEnd = v + verb.length;
    const stance = STANCE_OF[verb] as Stance;
    const beforeText = text.slice(Math.max(start, v - 200), v);

    // Inverted: “…,” said Lt. Gen. Paul Calvert.
    if (/[,”"]\s*$/.test(beforeText) && SAYING.has(verb)) {
      let sStart = verbEnd;
      while (sStart < end && /\s/.test(text[sStart] as string)) sStart++;
      const after = NAME_AFTER.exec(text.slice(sStart, phraseEnd(text, sStart, end)));
      if (after) {
        const speaker = speakerFrom(ctx, sStart, sStart + (after[1] as string).replace(/\.$/, "").length, false);
        if (speaker) {
          const quote = quoteBefore(ctx, v);
          // “One is the PMF” — the military abbreviation — “and two is the economy,” said X: all of it.
          const first = quote && ctx.quotes.find((q) => q.start >= start && q.start <= quote.start);
          const evidence = quote ? { start: (first ?? quote).start, end: quote.end } : trimSpan(text, start, v);
          push({
            speaker,
            verb,
            stance,
            mode: quote ? "direct" : "indirect",
            evidence,
            attribution: { start: v, end: speaker.end },
            verbAt: { start: v, end: verbEnd },
          });
          continue;
        }
      }
    }

    // Speaker first: "X said", "X, the leader of Y, told", "he said".
    let speakerEnd = v;
    while (speakerEnd > start && /\s/.test(text[speakerEnd - 1] as string)) speakerEnd--;
    // "Hadi al-Amiri, the leader of the Badr Organization, the most powerful militia, told": skip
    // the appositives back to the name.
    for (let n = 0; n < 3; n++) {
      const head = text.slice(Math.max(start, speakerEnd - 200), speakerEnd);
      const appositive = (n === 0 ? APPOSITIVE : APPOSITIVE_OPEN).exec(head);
      if (!appositive || !APPOSITIVE_START.test(appositive[0])) break;
      speakerEnd -= appositive[0].length;
    }
    // "Maliki privately said": an adverb between the speaker and the verb.
    const adverb = /\s+\p{Ll}+ly$/u.exec(text.slice(Math.max(start, speakerEnd - 30), speakerEnd));
    if (adverb) speakerEnd -= adverb[0].length;
    const near = text.slice(Math.max(start, speakerEnd - 120), speakerEnd);
    let speaker: Speaker | null = null;
    const pronoun = PRONOUN_BEFORE.exec(near);
    if (pronoun && ctx.lastSpeaker) {
      const at = speakerEnd - pronoun[0].trimEnd().length;
      speaker = {
        ...ctx.lastSpeaker,
        start: at,
        end: at + (pronoun[1] as string).length,
        text: pronoun[1] as string,
        from: "pronoun",
      };
    } else {
      const named = NAME_BEFORE.exec(near);
      if (named) speaker = speakerFrom(ctx, speakerEnd - named[0].length, speakerEnd, true);
    }
    if (!speaker) continue;
    const attribution = { start: speaker.start, end: verbEnd };
    const following = quoteAfter(ctx, verbEnd);
    const preceding = quoteBefore(ctx, speaker.start);
    let evidence: Span;
    let mode: "direct" | "indirect" = "indirect";
    if (following) [evidence, mode] = [following, "direct"];
    else if (preceding && SAYING.has(verb)) [evidence, mode] = [preceding, "direct"];
    else if (SAYING.has(verb)) {
      const rest = text.slice(verbEnd, end);
      const skip = OBJECT.exec(rest)?.[0].length ?? 0;
      evidence = trimSpan(text, verbEnd + skip, end);
      if (evidence.end - evidence.start < 12) evidence = trimSpan(text, start, speaker.start);
      mode = /[“”"]/.test(text.slice(evidence.start, evidence.end)) ? "direct" : "indirect";
    } else {
      evidence = trimSpan(text, speaker.start, end);
    }
    push({ speaker, verb, stance, mode, evidence, attribution, verbAt: { start: v, end: verbEnd } });
  }
  return out;
}
