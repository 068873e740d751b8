/**
 * Who speaks through a reporting verb, and the words that say so: the one quoted ("quoted the
 * ministry as saying"), the agent of a passive, the phrase after an inverted verb ("…,” said X"),
 * the subject before it (clause-subject.ts), or the subject of an opening participle ("Denying
 * involvement, the group said"); and the channel a statement came through ("told Reuters").
 */
import type { ActorKind } from "@atlas/schema";
import { apposedName, bodyIn, clauseSubject, skipToSubject, subjectBefore } from "./clause-subject.js";
import type { NlpSentence, NlpToken } from "./nlp.js";
import type { ReportingVerb } from "./reporting-verb.js";
import { MEDIUM_WORDS, PERSON_NOUNS, phraseAfter, phraseBefore, ROLE_NOUNS, speakerOf } from "./speaker-phrases.js";
import {
  pronounSorts,
  type Span,
  type Speaker,
  type StatementContext,
  type StatementHit,
  spanOf,
  type Via,
} from "./speech.js";

/** Where an utterance went: "told Reuters", "quoted by AFP", "in an interview with Al-Monitor". */
const MEDIA_KINDS = new Set<ActorKind>(["media"]);

const fits = (speaker: Speaker, pronoun: string) =>
  speaker.sort === "unknown" || pronounSorts(pronoun.toLowerCase()).includes(speaker.sort);

/** The channel a statement came through: "told Reuters", "quoted by AFP", "according to Reuters". */
export function viaAt(ctx: StatementContext, tokens: NlpToken[], from: number, to: number): Via | null {
  for (let i = from; i <= to; i++) {
    const t = tokens[i] as NlpToken;
    const k = ctx.known.find((x) => x.start === t.start && x.actorId && x.kind && MEDIA_KINDS.has(x.kind));
    if (k) return { actorId: k.actorId, name: ctx.text.slice(k.start, k.end), span: { start: k.start, end: k.end } };
    const n = ctx.names.find((x) => x.start === t.start && x.kind === "media");
    if (n) return { actorId: null, name: n.name, span: { start: n.start, end: n.end } };
  }
  return null;
}

/** Who speaks, the words that say so, and (for some) whom they came through or the clause they open. */
export interface Attributed {
  speaker: Speaker;
  attribution: Span;
  quotedBy?: Via | null;
  opening?: Span | null;
}

/**
 * Who speaks through the verb, and the words that say so: the one quoted ("quoted the ministry as
 * saying"), the agent of a passive, the phrase after an inverted verb ("…,” said X"), the subject
 * before it, or the subject of an opening participle ("Denying involvement, the group said"). Null
 * when no one.
 */
export function speakerFor(
  ctx: StatementContext,
  sentence: NlpSentence,
  rv: ReportingVerb,
  out: StatementHit[],
): Attributed | null {
  const agent = rv.agentBy ? speakerOf(ctx, ctx.tokens, rv.agentBy) : null;
  return (
    quotedAsSaying(ctx, sentence, rv) ??
    (agent ? { speaker: agent, attribution: { start: rv.t.start, end: agent.end } } : null) ??
    (rv.quoteInverted ? invertedSpeaker(ctx, sentence, rv) : null) ??
    (rv.agentBy ? null : subjectSpeaker(ctx, sentence, rv, out)) ??
    (rv.commaInverted ? invertedSpeaker(ctx, sentence, rv) : null) ??
    openingParticiple(ctx, sentence, rv)
  );
}

/** "…,” said X", "…, said a spokesman for the ministry": the phrase after the verb. */
function invertedSpeaker(ctx: StatementContext, sentence: NlpSentence, rv: ReportingVerb): Attributed | null {
  const { tokens } = ctx;
  const { last } = sentence;
  const { v, t } = rv;
  let p = phraseAfter(tokens, v + 1, last, ctx);
  // "…,” read a statement from the Fatah alliance", "…, said a spokesman for the ministry": the
  // statement's author, the body's spokesman, speaks.
  // (The phrase may end on its preposition: "a spokesman for".)
  const prep = p && /^(from|by|of|for)$/.test((tokens[p.last] as NlpToken).lower) ? p.last : p ? p.last + 1 : -1;
  // (Within the sentence: "…,” said a spokesman. For his part, …".)
  const head = tokens[prep - 1] as NlpToken | undefined;
  if (
    p &&
    head &&
    prep <= last &&
    /^(from|by|of|for)$/.test((tokens[prep] as NlpToken | undefined)?.lower ?? "") &&
    (MEDIUM_WORDS.test(head.text) || ROLE_NOUNS.has(head.lower))
  ) {
    const author = phraseAfter(tokens, prep + 1, last, ctx);
    if (author) p = { first: p.first, last: author.last };
  } else if (p) {
    // "Karim Ali of the Fatah Alliance": a person named before whom he is with speaks.
    const of = tokens.slice(p.first + 1, p.last + 1).findIndex((x) => /^(of|from|for|at|with)$/.test(x.lower));
    const named = of >= 0 ? { first: p.first, last: p.first + of } : null;
    const who = named ? speakerOf(ctx, tokens, named) : null;
    if (named && who?.sort === "person" && who.from === "name") p = named;
  }
  const s = p ? speakerOf(ctx, tokens, p) : null;
  // "…, said Lt. Gen. Paul Calvert, the commander": the speaker's phrase ends the clause.
  const next = p ? tokens[p.last + 1] : undefined;
  // "…,” said Karim Ali of the Fatah Alliance": a person's affiliation may follow the name.
  const affiliated = s?.sort === "person" && /^(of|from|for|at|with)$/.test(next?.lower ?? "");
  return s && (!next || next.pos === "PUNCT" || next.lower === "according" || next.lower === "in" || affiliated)
    ? { speaker: s, attribution: { start: t.start, end: s.end } }
    : null;
}

/** "X said", "X, the group's leader, said", "Kazem al-Haeri, who told": the subject before the verb. */
function subjectSpeaker(
  ctx: StatementContext,
  sentence: NlpSentence,
  rv: ReportingVerb,
  out: StatementHit[],
): Attributed | null {
  const { tokens } = ctx;
  const { first } = sentence;
  const { v, t, participle, leadToken, prevToken } = rv;
  let j = skipToSubject(tokens, v - 1, first);
  // "Kazem al-Haeri, who told his followers": a relative pronoun's speaker is the phrase it follows.
  const relative = j > first && /^(who|which)$/.test((tokens[j] as NlpToken).lower);
  const who = relative && (tokens[j] as NlpToken).lower === "who";
  if (relative) {
    j--;
    if ((tokens[j] as NlpToken).text === "," && j > first) j--;
  }
  let p = subjectBefore(ctx, tokens, j, first);
  // "a source of concern for U.S. officials, who have accused": "who" is the people the phrase ends with.
  if (relative && p && ROLE_NOUNS.has((tokens[p.last] as NlpToken).lower)) {
    for (let m = p.last - 1; m > p.first; m--)
      if ((tokens[m] as NlpToken).pos === "ADP") {
        p = { first: m + 1, last: p.last };
        break;
      }
  }
  // "pointed the finger at Yemen's Houthis, who denied": "who" is no thing ("the finger"), but
  // the name the phrase ends with.
  if (who && p && p.last > p.first) {
    const head = tokens.slice(p.first, p.last + 1).find((x) => x.pos === "NOUN" || x.pos === "PROPN");
    if (head?.pos === "NOUN" && !ROLE_NOUNS.has(head.lower) && !PERSON_NOUNS.has(head.lower))
      for (let m = p.last - 1; m > p.first; m--)
        if ((tokens[m] as NlpToken).pos === "ADP") {
          // (Only after a word that points at its target: "supporters of X, who" are the supporters.)
          if (
            /^(?:at|on|against|to|toward|towards)$/.test((tokens[m] as NlpToken).lower) &&
            ((tokens[m + 1] as NlpToken).pos === "PROPN" || (tokens[p.last] as NlpToken).pos === "PROPN")
          )
            p = { first: m + 1, last: p.last };
          break;
        }
  }
  // "Sistani was a calming figure who urged": the subject the phrase describes speaks.
  if (relative && p && p.first - 2 >= first && (tokens[p.first - 1] as NlpToken).lemma === "be") {
    const subject = skipToSubject(tokens, p.first - 2, first);
    p = subject >= first ? (phraseBefore(tokens, subject, first, ctx) ?? p) : p;
  }
  let s = p ? speakerOf(ctx, tokens, p) : null;
  // "The Secretary-General of the movement, Qais al-Khazali, said": the name in apposition speaks.
  const named = p && !relative ? apposedName(ctx, tokens, p, v) : null;
  if (named && p) s = { ...named, onBehalfOfId: named.onBehalfOfId ?? s?.onBehalfOfId ?? bodyIn(ctx, tokens, p) };
  // "…, claiming that", "issued a statement suggesting", "went on to threaten": the subject of the clause's verb speaks;
  // "the group said …, stating:": the speaker the sentence already has goes on.
  const sameSentence = out.at(-1);
  if (participle && leadToken?.text === "," && sameSentence) s = sameSentence.speaker;
  else if (participle || prevToken?.lower === "to") s = clauseSubject(ctx, tokens, v, first) ?? s;
  // "The PMF has reported that … and has threatened": the speaker the sentence already has;
  // "Khazali went to Lebanon and said": the subject of the verb the "and" joins it to.
  else if (j >= first && (tokens[j] as NlpToken).lower === "and" && !s)
    s = sameSentence?.speaker ?? clauseSubject(ctx, tokens, v, first);
  // "the group issued a statement in which it blamed": a pronoun in a clause about the subject's
  // noun is that subject.
  else if (
    s?.from === "pronoun" &&
    p &&
    p.first === p.last &&
    /^(which|where|whom)$/.test(tokens[p.first - 1]?.lower ?? "")
  ) {
    const subject = clauseSubject(ctx, tokens, p.first, first);
    if (subject && fits(subject, s.text)) s = { ...subject, ...spanOf(s), text: s.text, from: "pronoun" };
  }
  // "X said …, and he added": a pronoun takes the speaker its own sentence already has.
  else if (s?.from === "pronoun" && p && p.first === p.last && sameSentence && fits(sameSentence.speaker, s.text))
    s = { ...sameSentence.speaker, ...spanOf(s), text: s.text, from: "pronoun" };
  if (!s) return null;
  // A speaker taken over from the sentence's earlier statement is not written here: the
  // attribution is this verb's own words ("and has threatened").
  const from =
    sameSentence && s === sameSentence.speaker
      ? ((tokens[j + 1] as NlpToken | undefined)?.start ?? t.start)
      : named && p
        ? (tokens[p.first] as NlpToken).start
        : s.start;
  return { speaker: s, attribution: { start: Math.min(from, t.start), end: t.end } };
}

/** "Rudaw quoted the ministry as saying that …", "cited an informed source as saying": the one quoted, through the one quoting. */
function quotedAsSaying(ctx: StatementContext, sentence: NlpSentence, rv: ReportingVerb): Attributed | null {
  const { tokens } = ctx;
  const { first } = sentence;
  const { v, t, prevToken } = rv;
  // "Rudaw quoted the ministry as saying that …", "cited an informed source as saying": the one
  // quoted speaks, through the one quoting.
  if (/ing$/.test(t.lower) && prevToken?.lower === "as") {
    let k = v - 2;
    while (k > first && k > v - 16 && !/^(quote|cite)$/.test((tokens[k] as NlpToken).lemma)) k--;
    const relay = tokens[k] as NlpToken;
    if (/^(quote|cite)$/.test(relay.lemma) && k + 1 <= v - 2) {
      let from = k + 1;
      // "quoted a statement by the ministry as saying": the statement's author.
      const by = tokens.slice(from, v - 1).findIndex((x) => /^(by|from|of)$/.test(x.lower));
      if (by > 0 && MEDIUM_WORDS.test((tokens[from + by - 1] as NlpToken).text)) from += by + 1;
      const s = from <= v - 2 ? speakerOf(ctx, tokens, { first: from, last: v - 2 }) : null;
      if (s)
        return {
          speaker: s,
          attribution: { start: relay.start, end: t.end },
          quotedBy: viaAt(ctx, tokens, Math.max(first, k - 4), k - 1),
        };
    }
  }
  return null;
}

/** "Denying involvement, the group said …": an opening participle is said by the main clause's subject. */
function openingParticiple(ctx: StatementContext, sentence: NlpSentence, rv: ReportingVerb): Attributed | null {
  const { tokens } = ctx;
  const { first, last } = sentence;
  const { v, t } = rv;
  // "Denying involvement, the group said …": an opening participle is said by the main clause's subject.
  if (v === first && /ing$/.test(t.lower)) {
    let comma = v + 1;
    while (comma < last && (tokens[comma] as NlpToken).text !== ",") comma++;
    const p = comma < last ? phraseAfter(tokens, comma + 1, last, ctx) : null;
    const s = p ? speakerOf(ctx, tokens, p) : null;
    const verbNext = p ? tokens[p.last + 1] : undefined;
    if (s && p && (verbNext?.pos === "VERB" || verbNext?.pos === "AUX"))
      return {
        speaker: s,
        attribution: { start: s.start, end: s.end },
        opening: { start: t.start, end: (tokens[comma - 1] as NlpToken).end },
      };
  }
  return null;
}
