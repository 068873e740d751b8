/**
 * Attributed statements: who says what, with which verb, in which words. Works on wink-nlp's
 * tagged tokens (nlp.ts), one sentence at a time, with a small memory of the document so far:
 *
 * - the reporting verb (reporting.ts) in any form ("said", "saying", "has also accused"), or
 *   "according to X";
 * - the speaker: the subject before the verb, past adverbs, auxiliaries, a dateline phrase ("on
 *   Tuesday", "in a statement") and an appositive (", the leader of Y,"); or after it in the
 *   inverted order ("“…,” said X"); a name (a known actor, or a name not known yet), a
 *   description ("a spokesperson for the PMF" is the PMF's spokesperson, speaking for the PMF;
 *   "senior U.S. military officials"), or a pronoun or back-reference ("he", "the group"), which
 *   takes the nearest fitting speaker or actor, with lower confidence;
 * - the words claimed: the quotation next to the attribution (also across sentences), else the
 *   reported clause;
 * - a relaying channel: "…,” said X, according to Reuters", "X told AFP", "X was quoted by Y":
 *   one statement by X, through Y — never a second statement by Y;
 * - a sentence that is only a quotation continues the last speaker's words.
 *
 * Who a phrase names is speaker-phrases.ts's; what "he" or "the group" refers back to, memory.ts's;
 * the shapes all three share, speech.ts's. Attributions with no verb of their own ("according to
 * X", "assurances from X that …") are attribution-phrases.ts's; what is done to a sentence's
 * statements once found (a relay, the next speaker, a quotation alone), statement-passes.ts's.
 * Where quotations lie and what may close an attribution is quotations.ts's; whether a verb
 * reports words where it stands, reporting-verb.ts's; who speaks through it,
 * statement-speakers.ts's, with the subject of a clause clause-subject.ts's.
 *
 * Linear: each sentence is looked at once, with a bounded look-around.
 */
import { AS_TOLD_BY, accordingTo, speechFrom } from "./attribution-phrases.js";
import { bodyBefore, recall } from "./memory.js";
import type { NlpSentence, NlpToken } from "./nlp.js";
import { BODY_REFERENCE } from "./nouns.js";
import { LISTENERS, quoteAfter, quoteBefore, settingAt } from "./quotations.js";
import { BLAME_AT, speechNoun } from "./reporting.js";
import { type ReportingVerb, reportingVerbAt } from "./reporting-verb.js";
import { CONCESSION } from "./sentences.js";
import { trimSpan } from "./speaker-phrases.js";
import { pronounSorts, type Span, type Speaker, type StatementContext, type StatementHit, type Via } from "./speech.js";
import { continuedQuotation, endAtNextSpeaker, relayedThrough } from "./statement-passes.js";
import { speakerFor, viaAt } from "./statement-speakers.js";

/**
 * Who a pronoun that acts stands for ("He was released in 2010", "they have escalated their rocket
 * attacks"): the nearest fitting speaker or actor before it, as for "he said". Each is a pronoun
 * directly before its verb (past auxiliaries and adverbs), outside quotations.
 */
export function actingPronouns(ctx: StatementContext, sentence: NlpSentence): Speaker[] {
  const out: Speaker[] = [];
  for (let i = sentence.first; i < sentence.last; i++) {
    const t = ctx.tokens[i] as NlpToken;
    // "the alliance won", "the militia fired": a body noun after "the" that acts, as "the group said".
    const noun = ctx.tokens[i + 1] as NlpToken | undefined;
    const described = noun?.pos === "NOUN" && BODY_REFERENCE.test(ctx.text.slice(t.start, noun.end)) ? noun : undefined;
    if (!described && (t.pos !== "PRON" || !/^(he|she|they|it)$/.test(t.lower))) continue;
    if (ctx.quotes.some((q) => q.start <= t.start && t.end <= q.end)) continue;
    let k = described ? i + 2 : i + 1;
    while (k < sentence.last && /^(AUX|ADV|PART)$/.test((ctx.tokens[k] as NlpToken).pos)) k++;
    // (Within the sentence: "… struck the militia" may end the text.)
    if (k > sentence.last || (ctx.tokens[k] as NlpToken | undefined)?.pos !== "VERB") continue;
    const ref = described
      ? bodyBefore(ctx.memory, t.start, described.lower)
      : recall(ctx.memory, pronounSorts(t.lower), t.start);
    const end = described ? described.end : t.end;
    if (ref) out.push({ ...ref, start: t.start, end, text: ctx.text.slice(t.start, end), from: "pronoun" });
  }
  return out;
}

/** Statements in one sentence. */
export function findStatements(ctx: StatementContext, sentence: NlpSentence, paragraphEnd: number): StatementHit[] {
  const { text, tokens } = ctx;
  const out: StatementHit[] = [];
  const { first, last } = sentence;
  const seen = new Set<string>();
  const push = (hit: StatementHit) => {
    // "Though the group denied responsibility, the U.S. attacked …": words said in an opening
    // concession end with it.
    // (Only a verb inside the concession: "Despite the strikes, the militia will not retreat, X
    // said" is X's whole sentence.)
    const conceded = CONCESSION.exec(text.slice(sentence.start, sentence.end));
    const clauseEnd = conceded ? sentence.start + conceded[0].length - 1 : -1;
    const end =
      hit.verbAt.start < clauseEnd && hit.evidence.start < clauseEnd && hit.evidence.end > clauseEnd
        ? clauseEnd
        : hit.evidence.end;
    hit.evidence = trimSpan(text, hit.evidence.start, end);
    const key = `${hit.speaker.actorId ?? hit.speaker.name ?? hit.speaker.text}|${hit.evidence.start}`;
    if (hit.evidence.end - hit.evidence.start < 3 || seen.has(key)) return;
    seen.add(key);
    out.push(hit);
    ctx.memory.speakers.push(hit.speaker);
  };

  // The sentence's own attributions.
  for (let v = first; v <= last; v++) {
    const t = tokens[v] as NlpToken;
    // "according to X": X's words, unless another speaker in the sentence said them (then X relayed them).
    if (t.lower === "according" && (tokens[v + 1] as NlpToken | undefined)?.lower === "to") {
      accordingTo(ctx, sentence, v, out, push);
      continue;
    }
    // ", as announced by X", "as reported by X": the same, said the other way.
    if (
      t.lower === "as" &&
      AS_TOLD_BY.test((tokens[v + 1] as NlpToken | undefined)?.lower ?? "") &&
      (tokens[v + 2] as NlpToken | undefined)?.lower === "by"
    ) {
      accordingTo(ctx, sentence, v, out, push, 3);
      v += 2;
      continue;
    }
    // "assurances from the government that …", "drew condemnation from X": a noun of speech and its speaker.
    if (/^(?:from|by)$/.test((tokens[v + 1] as NlpToken | undefined)?.lower ?? "") && speechNoun(t.lower)) {
      speechFrom(ctx, sentence, v, push);
      continue;
    }
    const rv = reportingVerbAt(ctx, sentence, v);
    if (!rv) continue;
    const found = speakerFor(ctx, sentence, rv, out);
    if (!found) continue;
    const { speaker: who, attribution: said } = found;
    // "The strike raised fears of war": a verb that reports only with its noun needs someone to say
    // it, the subject itself ("The growing power of X has raised alarm" is not X's).
    if (
      rv.r.withNoun &&
      ((who.from === "description" && who.sort === "unknown") ||
        /\bof\s+(?:the\s+)?$/i.test(text.slice(Math.max(0, who.start - 12), who.start)) ||
        /^(?:the\s+|a\s+|an\s+)?(?:[a-z-]+\s+){1,3}of\s/i.test(who.text))
    )
      continue;
    // "was quoted by AFP as saying", "told Reuters": the channel.
    const via = found.quotedBy ?? viaAt(ctx, tokens, v + 1, Math.min(last, v + 4));
    const { evidence, mode, setting } = claimedWords(ctx, sentence, rv, said, via, found.opening ?? null, paragraphEnd);
    // "denied its involvement, claiming “it wasn’t us”": the participle goes on with the same statement.
    const same = out.at(-1);
    if (rv.participle && same && (same.speaker.actorId ?? same.speaker.name) === (who.actorId ?? who.name)) {
      same.evidence = { start: same.evidence.start, end: Math.max(same.evidence.end, evidence.end) };
      continue;
    }
    const confidence =
      who.from === "name" ? 0.9 : who.from === "description" ? 0.8 : who.from === "pronoun" ? 0.7 : 0.6;
    push({
      speaker: who,
      verb: t.text,
      stance: rv.stance,
      mode,
      evidence,
      attribution: setting ? { start: said.start, end: Math.max(said.end, setting.end) } : said,
      verbAt: { start: t.start, end: t.end },
      via,
      confidence,
    });
  }

  relayedThrough(out);
  endAtNextSpeaker(ctx, out);
  if (out.length === 0) continuedQuotation(ctx, sentence, push);
  return out;
}

/**
 * The words claimed: the quotation after the attribution (past its setting, "said in a televised
 * speech, “…”") or before it, an opening participle's clause, or the reported clause.
 */
function claimedWords(
  ctx: StatementContext,
  sentence: NlpSentence,
  rv: ReportingVerb,
  said: Span,
  via: Via | null,
  opening: Span | null,
  paragraphEnd: number,
): { evidence: Span; mode: "direct" | "indirect"; setting: Span | null } {
  const { text, tokens } = ctx;
  const { last } = sentence;
  const { v, t, r, closing } = rv;
  // The words claimed.
  let following = opening ? undefined : quoteAfter(ctx, Math.max(t.end, said.end));
  // "said in a televised speech, “…”": the setting belongs to the attribution, the quotation is the words.
  let setting: Span | null = null;
  if (!opening && !following) {
    setting = settingAt(text, Math.max(t.end, said.end));
    following = setting ? quoteAfter(ctx, setting.end) : undefined;
    if (!following) setting = null;
  }
  const preceding = quoteBefore(ctx, Math.min(said.start, t.start), sentence.start);
  let evidence: Span;
  let mode: "direct" | "indirect" = "indirect";
  if (opening) evidence = opening;
  else if (following) [evidence, mode] = [following, "direct"];
  else if (preceding) {
    // “One is the PMF” — the military abbreviation — “and two is the economy,” said X: all of it.
    const firstQuote = ctx.quotes.find((q) => q.start >= sentence.start && q.start <= preceding.start);
    [evidence, mode] = [{ start: (firstQuote ?? preceding).start, end: preceding.end }, "direct"];
  } else {
    // The reported clause: after the verb, past "that" or a colon, or past whom it was told
    // ("told me", "told reporters", "told Reuters"); else the words before the attribution.
    let k = v + 1;
    const that = tokens.slice(v + 1, Math.min(last, v + 7) + 1).findIndex((x) => x.lower === "that" || x.text === ":");
    if (that !== -1) k = v + 2 + that;
    else {
      const x = tokens[k] as NlpToken | undefined;
      if (x && (/^(me|him|her|us|them|you)$/.test(x.lower) || LISTENERS.has(x.lower))) k++;
      else if (x && via && via.span.start === x.start)
        while (k <= last && (tokens[k] as NlpToken).start < via.span.end) k++;
      else if (x?.pos === "DET" && LISTENERS.has((tokens[k + 1] as NlpToken | undefined)?.lower ?? "")) k += 2;
    }
    if (r.stance === "accuses" || r.stance === "denies" || r.stance === "condemns" || r.stance === "demands") k = v + 1;
    // "pointed the finger at X", "laid the blame on X": the words claimed are whom it blames.
    if (r.withNoun && r.stance === "accuses" && BLAME_AT.has(rv.t.lemma)) {
      const at = tokens.slice(v + 1, Math.min(last, v + 6) + 1).findIndex((x) => /^(at|on)$/.test(x.lower));
      if (at !== -1) k = v + 2 + at;
    }
    const startAt = k <= last ? (tokens[k] as NlpToken).start : sentence.end;
    evidence = closing
      ? { start: sentence.start, end: said.start }
      : { start: startAt, end: Math.min(sentence.end, paragraphEnd) };
    if (evidence.end - evidence.start < 12) evidence = { start: sentence.start, end: said.start };
    if (evidence.end - evidence.start < 12) evidence = { start: sentence.start, end: sentence.end };
    mode = /[“”"]/.test(text.slice(evidence.start, evidence.end)) ? "direct" : "indirect";
  }
  return { evidence, mode, setting };
}
