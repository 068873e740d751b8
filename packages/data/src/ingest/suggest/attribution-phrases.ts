/**
 * Attributions with no reporting verb of their own: "according to X" (and "as announced by X"), and
 * a noun of speech with its speaker ("assurances from X that …", "condemnation from X").
 */
import type { NlpSentence, NlpToken } from "./nlp.js";
import { type SpeechNoun, speechNoun, UNSAID_BEFORE_NOUN } from "./reporting.js";
import { phraseAfter, speakerOf, TIME_WORDS, trimSpan } from "./speaker-phrases.js";
import type { StatementContext, StatementHit } from "./speech.js";

/** "as announced by X", "as reported by X": words that give who said the clause before. */
export const AS_TOLD_BY = /^(?:announced|reported|stated|confirmed|claimed|said|declared|told)$/;

/** Words that say where or when, or the full stop, ending a speaker's phrase ("there", "on Monday"): how many. */
function circumstance(tokens: NlpToken[], i: number): number {
  const t = tokens[i] as NlpToken;
  if (t.pos === "PUNCT" && t.text === ".") return 1;
  if (
    (t.pos === "ADV" || t.pos === "PRON" || /^(today|yesterday|tonight)$/.test(t.lower)) &&
    /^(there|here|now|today|yesterday|tonight|later|earlier|recently|again)$/.test(t.lower)
  )
    return 1;
  const before = tokens[i - 1] as NlpToken | undefined;
  return TIME_WORDS.test(t.lower) && before !== undefined && /^(on|late|early|last|this)$/.test(before.lower) ? 2 : 0;
}

/**
 * "after receiving assurances from the Iraqi government that the militias had withdrawn": the one
 * the noun's "from" names says what its "that" clause says; "drew strong condemnation from X, who
 * lashed out at Y": X condemns, in the sentence's words.
 */
export function speechFrom(
  ctx: StatementContext,
  sentence: NlpSentence,
  v: number,
  push: (hit: StatementHit) => void,
): void {
  const { text, tokens } = ctx;
  const t = tokens[v] as NlpToken;
  const noun = speechNoun(t.lower) as SpeechNoun;
  // "drew no condemnation from Iran", "awaiting confirmation from the US": words not said.
  if (UNSAID_BEFORE_NOUN.test(text.slice(Math.max(sentence.start, t.start - 40), t.start))) return;
  const p = phraseAfter(tokens, v + 2, sentence.last, ctx);
  const speaker = p ? speakerOf(ctx, tokens, p) : null;
  if (!p || !speaker || speaker.from === "pronoun") return;
  // ("a statement from X that was posted on Telegram": a relative clause, not what was said.)
  const clause = (tokens[p.last + 2] as NlpToken | undefined)?.pos;
  const after =
    (tokens[p.last + 1] as NlpToken | undefined)?.lower === "that" && clause !== "VERB" && clause !== "AUX"
      ? "that"
      : null;
  if (noun.needsThat && after !== "that") return;
  const evidence =
    after === "that"
      ? trimSpan(text, (tokens[p.last + 1] as NlpToken).end, sentence.end)
      : trimSpan(text, sentence.start, sentence.end);
  push({
    speaker,
    verb: text.slice(t.start, (tokens[v + 1] as NlpToken).end),
    stance: noun.stance,
    mode: /[“”"]/.test(text.slice(evidence.start, evidence.end)) ? "direct" : "indirect",
    evidence,
    attribution: { start: t.start, end: speaker.end },
    verbAt: { start: t.start, end: (tokens[v + 1] as NlpToken).end },
    via: null,
    confidence: speaker.from === "name" ? 0.8 : 0.7,
  });
}

/**
 * "according to X" (or, `width` 3, "as announced by X"): X's words, unless another speaker in the
 * sentence said them (then X relayed them).
 */
export function accordingTo(
  ctx: StatementContext,
  sentence: NlpSentence,
  v: number,
  out: StatementHit[],
  push: (hit: StatementHit) => void,
  width = 2,
): void {
  const { text, tokens } = ctx;
  const { last } = sentence;
  const t = tokens[v] as NlpToken;
  // Everything up to the next comma is who: "according to group spokesman Naeem al-Aboudi".
  let e = v + width;
  // ("as reported by a U.S. official to CNN": whom it was told is not who.)
  while (
    e <= last &&
    e < v + width + 12 &&
    !((tokens[e] as NlpToken).pos === "PUNCT" && !/^[-‐.]$/.test((tokens[e] as NlpToken).text)) &&
    !(width > 2 && e > v + width && (tokens[e] as NlpToken).lower === "to")
  )
    e++;
  // "according to the coalition there", "according to police on Monday": where and when are not who.
  for (let cut = circumstance(tokens, e - 1); cut > 0 && e - cut > v + width; cut = circumstance(tokens, e - 1))
    e -= cut;
  let p = e > v + width ? { first: v + width, last: e - 1 } : null;
  // "according to images shared by Sabreen News": the one who shared them.
  const by = p ? tokens.slice(p.first, p.last + 1).findIndex((x) => x.lower === "by") : -1;
  if (p && by > 0 && p.first + by < p.last) p = { first: p.first + by + 1, last: p.last };
  const speaker = p ? speakerOf(ctx, tokens, p) : null;
  if (!p || !speaker) return;
  const verbAt = { start: t.start, end: (tokens[v + width - 1] as NlpToken).end };
  const prior = out.at(-1);
  if (prior) {
    prior.via ??= { actorId: speaker.actorId, name: speaker.name ?? speaker.text, span: speaker };
    return;
  }
  const before = trimSpan(text, sentence.start, t.start);
  // (Words before it are what was said however short when "according to X" ends the sentence:
  // "The raid was illegal, according to …"; not "On Monday, according to X, rockets hit".)
  const said =
    before.end - before.start > 25 ||
    (before.end - before.start > 8 &&
      /,\s*$/.test(text.slice(sentence.start, t.start)) &&
      /^[\s.”"’)]*$/.test(text.slice((tokens[p.last] as NlpToken).end, sentence.end)));
  const evidence = said ? before : trimSpan(text, (tokens[p.last] as NlpToken).end, sentence.end);
  push({
    speaker,
    verb: width === 2 ? "according to" : text.slice(t.start, (tokens[v + width - 1] as NlpToken).end),
    stance: "asserts",
    mode: /[“”"]/.test(text.slice(evidence.start, evidence.end)) ? "direct" : "indirect",
    evidence,
    attribution: { start: t.start, end: speaker.end },
    verbAt,
    via: null,
    confidence: speaker.from === "name" ? 0.9 : 0.75,
  });
}
