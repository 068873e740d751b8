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
 *
 * Linear: each sentence is looked at once, with a bounded look-around.
 */
import type { ActorKind } from "@atlas/schema";
import { AS_TOLD_BY, accordingTo, speechFrom } from "./attribution-phrases.js";
import { bodyBefore, recall } from "./memory.js";
import type { NlpSentence, NlpToken } from "./nlp.js";
import { BODY_REFERENCE } from "./nouns.js";
import { reporting, reportingWithNoun, speechNoun, UNSAID_BEFORE_TO } from "./reporting.js";
import { CONCESSION } from "./sentences.js";
import {
  inside,
  MEDIUM_WORDS,
  type Phrase,
  phraseAfter,
  phraseBefore,
  ROLE_NOUNS,
  speakerOf,
  TIME_WORDS,
  trimSpan,
} from "./speaker-phrases.js";
import {
  pronounSorts,
  type Span,
  type Speaker,
  type StatementContext,
  type StatementHit,
  sortOf,
  spanOf,
  type Via,
} from "./speech.js";
import { continuedQuotation, endAtNextSpeaker, relayedThrough } from "./statement-passes.js";

/** Verbs that come before their speaker after a comma: "The attack was a crime, said X." */
const INVERTIBLE = new Set([
  "say",
  "add",
  "warn",
  "write",
  "insist",
  "explain",
  "note",
  "argue",
  "claim",
  "tell",
  "continue",
  "conclude",
  "recall",
]);
/** Whom words are told to, when they are not part of what is told. */
const LISTENERS = new Set([
  "reporters",
  "journalists",
  "lawmakers",
  "outlet",
  "newspaper",
  "agency",
  "parliament",
  "audience",
  "supporters",
  "crowd",
  "followers",
  "press",
  "media",
]);
/** Where an utterance went: "told Reuters", "quoted by AFP", "in an interview with Al-Monitor". */
const MEDIA_KINDS = new Set<ActorKind>(["media"]);

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
    } else if (c === "\n" && text[i + 1] === "\n") {
      // A paragraph ends an unclosed quotation, except that a new paragraph opening with a mark
      // continues it (the news convention for quotes over several paragraphs).
      if (open !== -1 && text[i + 2] !== "“") open = -1;
      if (straight !== -1 && text[i + 2] !== '"') straight = -1;
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * What may follow a verb that closes its sentence: whom it was told ("to the Associated Press",
 * "to reporters") and when ("on Saturday", "last week"); nothing that is itself what was said.
 */
const DAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|tonight";
const CLOSING_TAIL = new RegExp(
  `^(?:\\s+to\\s+(?:the\\s+|a\\s+|an\\s+)?(?:\\p{Lu}[^,;:“”"]{0,40}?|(?:${[...LISTENERS].join("|")})))?` +
    `(?:\\s+(?:(?:on|in|at|last|this|late|early|earlier)\\s+[\\p{L}\\p{N}]+(?:\\s+\\p{N}+)?|${DAYS}))?[\\s.!?”"]*$`,
  "u",
);

/** Reporting verbs whose subject says the infinitive after them: "claimed to have launched", "vowed to fight". */
const SAID_WITH_INFINITIVE = /^(?:claim|vow|threaten|pledge|promise|refuse|deny)$/;

/**
 * "…, the military announced Friday, with sources saying …": the verb closes its clause (only whom
 * and when before the next comma), and what follows the comma is a participle's or "with" clause.
 */
function closesClause(text: string, from: number, to: number): boolean {
  const rest = text.slice(from, to);
  const comma = rest.indexOf(",");
  return (
    comma !== -1 && CLOSING_TAIL.test(rest.slice(0, comma)) && /^,\s+(?:with|\p{Ll}+ing)\b/u.test(rest.slice(comma))
  );
}

/** Verbs whose "to" names what they answer ("responded to the decision by …"), not their words. */
const ANSWERS = /^(respond|reply)$/;

const fits = (speaker: Speaker, pronoun: string) =>
  speaker.sort === "unknown" || pronounSorts(pronoun.toLowerCase()).includes(speaker.sort);

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

/** The subject of the finite verb before a participle: "Kataib Hezbollah issued a statement suggesting". */
function clauseSubject(ctx: StatementContext, tokens: NlpToken[], v: number, first: number): Speaker | null {
  for (let k = v - 1; k >= first; k--) {
    const t = tokens[k] as NlpToken;
    if (t.pos !== "VERB" || /ing$/.test(t.lower)) continue;
    // "addressed reporters during a briefing held on Tuesday, saying": a participle after a noun and
    // before a preposition modifies the noun; the clause's verb is further back.
    const before = tokens[k - 1];
    const after = tokens[k + 1];
    if (before?.pos === "NOUN" && after?.pos === "ADP" && /^(on|in|at|during|by|for|from)$/.test(after.lower)) continue;
    const p = subjectBefore(ctx, tokens, skipToSubject(tokens, k - 1, first), first);
    return p ? speakerOf(ctx, tokens, p) : null;
  }
  return null;
}

/** Adverbs the tagger may take for verbs or adjectives ("He further explained"). */
const SENTENCE_ADVERBS = new Set(
  "further also later then again once first repeatedly reportedly previously earlier subsequently even".split(" "),
);

/**
 * The subject phrase ending at `j`, past a participle that modifies it: "four factions linked to
 * Ali al-Sistani shunned" is said by the factions, not by Sistani.
 */
function subjectBefore(ctx: StatementContext, tokens: NlpToken[], j: number, first: number): Phrase | null {
  const p = j >= first ? phraseBefore(tokens, j, first, ctx) : null;
  if (!p || p.first - 3 < first) return p;
  const adp = tokens[p.first - 1] as NlpToken;
  const participle = tokens[p.first - 2] as NlpToken;
  if (
    adp.pos === "ADP" &&
    /^(to|by|with)$/.test(adp.lower) &&
    ((participle.pos === "VERB" && /(ed|en)$/.test(participle.lower)) ||
      /^(loyal|close|allied)$/.test(participle.lower))
  )
    return phraseBefore(tokens, p.first - 3, first, ctx) ?? p;
  return p;
}

/**
 * The name set in apposition after a description, before the verb: in "The Secretary-General of
 * Asa'ib Ahl al-Haq, Qais al-Khazali, said" the description opens with an article and the words
 * between the commas are all a name; that name is the speaker.
 */
function apposedName(ctx: StatementContext, tokens: NlpToken[], p: Phrase, v: number): Speaker | null {
  if (!/^(the|a|an)$/.test((tokens[p.first] as NlpToken).lower) || tokens[p.last + 1]?.text !== ",") return null;
  let close = p.last + 2;
  while (close < v && (tokens[close] as NlpToken).text !== ",") close++;
  if (close >= v || close === p.last + 2) return null;
  const apposed = tokens.slice(p.last + 2, close);
  if (!apposed.every((t) => inside(ctx, t) || t.pos === "PROPN" || /^(?:al|el|bin|ibn|abu|abd|-|['’])$/i.test(t.text)))
    return null;
  const s = speakerOf(ctx, tokens, { first: p.last + 2, last: close - 1 });
  return s?.from === "name" ? s : null;
}

/** The known body a phrase names ("of Asa'ib Ahl al-Haq"): whom a described person speaks for. */
function bodyIn(ctx: StatementContext, tokens: NlpToken[], p: Phrase): string | null {
  const from = (tokens[p.first] as NlpToken).start;
  const to = (tokens[p.last] as NlpToken).end;
  return (
    ctx.known.find((k) => k.start >= from && k.end <= to && k.actorId && sortOf(k.kind) === "body")?.actorId ?? null
  );
}

/** Skips, leftwards from `j`, what stands between a subject and its verb. */
function skipToSubject(tokens: NlpToken[], j: number, first: number): number {
  for (let guard = 0; guard < 8 && j >= first; guard++) {
    const t = tokens[j] as NlpToken;
    if (
      t.pos === "AUX" ||
      t.pos === "ADV" ||
      SENTENCE_ADVERBS.has(t.lower) ||
      (t.pos === "PART" && /^(not|n['’]t)$/i.test(t.text))
    ) {
      j--;
      continue;
    }
    // "an official of the Patriotic Union of Kurdistan (PUK) said": the acronym a name is given.
    if (
      t.text === ")" &&
      j - 2 > first &&
      (tokens[j - 2] as NlpToken).text === "(" &&
      /^\p{Lu}{2,}$/u.test((tokens[j - 1] as NlpToken).text)
    ) {
      j -= 3;
      continue;
    }
    // ", the leader of the Badr Organization," / ", who spoke on Sunday,": an appositive.
    if (t.text === ",") {
      let k = j - 1;
      while (k > first && (tokens[k] as NlpToken).text !== ",") k--;
      if (k > first && k < j - 1) {
        const opener = tokens[k + 1] as NlpToken;
        // "The Jordanian government, through its spokesperson X, denied": the spokesperson speaks.
        if (
          /^(through|via)$/i.test(opener.lower) &&
          /^(its|their)$/i.test((tokens[k + 2] as NlpToken | undefined)?.lower ?? "")
        )
          return j - 1;
        if (
          // ", one of Iraq's three vice presidents,": one of a kind, said of the subject.
          (opener.lower === "one" && (tokens[k + 2] as NlpToken | undefined)?.lower === "of") ||
          opener.pos === "DET" ||
          opener.pos === "ADJ" ||
          /^(who|which|whose|also|then|now|himself|herself)$/i.test(opener.text) ||
          // ", speaking on condition of anonymity because …,": a participle's clause about the subject.
          (opener.pos === "VERB" && /ing$/.test(opener.lower)) ||
          // ", head of the media office of Y,", ", spokesman for Y,": a role without its article.
          (ROLE_NOUNS.has(opener.lower) &&
            /^(of|for|at|in|with)$/.test((tokens[k + 2] as NlpToken | undefined)?.lower ?? "")) ||
          // ", in a statement,", ", on Sunday,": where or when, between commas.
          (opener.pos === "ADP" &&
            tokens.slice(k + 2, j).some((x) => MEDIUM_WORDS.test(x.text) || TIME_WORDS.test(x.text))) ||
          opener.pos === "PROPN"
        ) {
          j = k - 1;
          // A second appositive before it, after a name: "Hadi al-Amiri, the leader of Badr, the most powerful militia, told me".
          let c = k - 1;
          while (c > first && c > k - 14 && (tokens[c] as NlpToken).text !== ",") c--;
          if (
            c > first &&
            c < k - 1 &&
            (tokens[c] as NlpToken).text === "," &&
            (tokens[c + 1] as NlpToken).pos === "DET" &&
            (tokens[c - 1] as NlpToken).pos === "PROPN"
          )
            j = c - 1;
          continue;
        }
      }
      return j;
    }
    // "on Tuesday", "in a statement", "on Twitter": a phrase of time or medium before the verb.
    let k = j;
    while (k > first && k > j - 5 && (tokens[k] as NlpToken).pos !== "ADP") k--;
    const adp = tokens[k] as NlpToken;
    if (adp.pos === "ADP" && /^(on|in|at|during|via|through|over|late|early|last|this|earlier)$/i.test(adp.text)) {
      const between = tokens.slice(k + 1, j + 1);
      // (Not across a comma or a pronoun: in "killed him in 2014, he said", "he" is the subject.)
      if (
        between.length > 0 &&
        between.some((x) => TIME_WORDS.test(x.text) || MEDIUM_WORDS.test(x.text)) &&
        !between.some((x) => x.pos === "PUNCT" || x.pos === "PRON")
      ) {
        j = k - 1;
        continue;
      }
    }
    // "an officer who requires anonymity told": a relative clause without commas after the subject.
    let w = j - 1;
    while (
      w > first &&
      w > j - 6 &&
      (tokens[w] as NlpToken).pos !== "PUNCT" &&
      !/^(who|which)$/.test((tokens[w] as NlpToken).lower)
    )
      w--;
    if (
      w > first &&
      /^(who|which)$/.test((tokens[w] as NlpToken).lower) &&
      /^(NOUN|PROPN)$/.test((tokens[w - 1] as NlpToken).pos)
    ) {
      j = w - 1;
      continue;
    }
    // "last week", "this month" without a preposition.
    if (
      TIME_WORDS.test(t.text) &&
      j > first &&
      /^(last|this|earlier|late|early)$/i.test((tokens[j - 1] as NlpToken).text)
    ) {
      j -= 2;
      continue;
    }
    return j;
  }
  return j;
}

/**
 * Where or how words were said, between the verb at `at` and a quotation: "in a televised speech,",
 * "on Twitter:".
 */
function settingAt(text: string, at: number): Span | null {
  const m = /^\s+((?:in|on|during|at|via|through|over)\s[^“”",.;:]{2,60}?)\s*[,:]?\s*[“"]/.exec(
    text.slice(at, at + 90),
  );
  if (!m) return null;
  const start = at + (m[0].length - m[0].trimStart().length);
  return { start, end: start + (m[1] as string).length };
}

/** The quotation that ends right before `at`, within the sentence (“…,” said X). */
const quoteBefore = (ctx: StatementContext, at: number, sentenceStart = 0) =>
  ctx.quotes.findLast(
    (q) => q.end <= at && q.end > sentenceStart && /^[\s,.?!—–-]*[”"][\s,—–-]*$/.test(ctx.text.slice(q.end, at)),
  );
const quoteAfter = (ctx: StatementContext, at: number) =>
  ctx.quotes.find((q) => q.start >= at && /^[\s,:—–-]*[“"]$/.test(ctx.text.slice(at, q.start)));

/** The channel a statement came through: "told Reuters", "quoted by AFP", "according to Reuters". */
function viaAt(ctx: StatementContext, tokens: NlpToken[], from: number, to: number): Via | null {
  for (let i = from; i <= to; i++) {
    const t = tokens[i] as NlpToken;
    const k = ctx.known.find((x) => x.start === t.start && x.actorId && x.kind && MEDIA_KINDS.has(x.kind));
    if (k) return { actorId: k.actorId, name: ctx.text.slice(k.start, k.end), span: { start: k.start, end: k.end } };
    const n = ctx.names.find((x) => x.start === t.start && x.kind === "media");
    if (n) return { actorId: null, name: n.name, span: { start: n.start, end: n.end } };
  }
  return null;
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

/** A reporting verb at token `v`, with what the words around it say of how it reports. */
interface ReportingVerb {
  v: number;
  t: NlpToken;
  r: NonNullable<ReturnType<typeof reporting>>;
  stance: StatementHit["stance"];
  quoteInverted: boolean;
  commaInverted: boolean;
  /** "…, the ICTS has announced.": the verb ends the sentence, its subject after a comma. */
  closing: boolean;
  /** "issued a statement suggesting…", "…, saying that": a participle of the clause's speaker. */
  participle: boolean;
  leadToken: NlpToken | undefined;
  prevToken: NlpToken | undefined;
  /** "was denounced by the ministry": the agent's phrase. */
  agentBy: Phrase | null;
}

/**
 * Is token `v` a reporting verb that reports words here (a quotation, "that", a colon, whom it was
 * told, an inversion), not a passive said of its subject, an infinitive after a noun or words
 * not said? Null when it is not.
 */
function reportingVerbAt(ctx: StatementContext, sentence: NlpSentence, v: number): ReportingVerb | null {
  const { text, tokens } = ctx;
  const { first, last } = sentence;
  const t = tokens[v] as NlpToken;
  // "which the United States regards as": a reporting verb the tagger took for a noun, between a
  // name and "as", "that" or a colon.
  // So is one that closes the sentence after a plural subject and a comma: "…, locals report.".
  const subjectWord = tokens[v - 1] as NlpToken | undefined;
  const misread =
    t.pos === "NOUN" &&
    ((/(?:s|ed)$/.test(t.lower) &&
      subjectWord?.pos === "PROPN" &&
      /^(as|that|:)$/.test((tokens[v + 1] as NlpToken | undefined)?.lower ?? "")) ||
      (subjectWord?.pos === "NOUN" &&
        /s$/.test(subjectWord.lower) &&
        (tokens[v - 2] as NlpToken | undefined)?.text === "," &&
        /^[.!]$/.test((tokens[v + 1] as NlpToken | undefined)?.text ?? "")));
  if (t.pos !== "VERB" && !misread) return null;
  const r = reporting(t.lemma) ?? reportingWithNoun(t.lemma, text.slice(t.end, Math.min(sentence.end, t.end + 50)));
  if (!r) return null;
  // A reporting verb inside a quotation is part of the words quoted ("“They say it’ll return”").
  if (ctx.quotes.some((q) => q.start <= t.start && t.end <= q.end)) return null;
  const next = tokens[v + 1] as NlpToken | undefined;
  const after = text.slice(t.end, Math.min(sentence.end, t.end + 60));
  // "call for", "call on", "called the attack an act of sabotage" (a characterization).
  let stance = r.stance;
  if (t.lemma === "call") {
    if (next && /^(for|on|upon)$/i.test(next.text)) stance = "demands";
    else return null;
  }
  if (t.lemma === "describe" && !/\bas\b/.test(after)) return null;
  const before = text.slice(sentence.start, t.start);
  const quoteInverted = /(?:[”"]\s*,?|,\s*[”"])\s*$/.test(before);
  const commaInverted = !quoteInverted && /,\s*$/.test(before) && INVERTIBLE.has(t.lemma);
  // A quotation just before the attribution: "“…,” he explained", "“…,” the statement added".
  const quoted =
    Boolean(quoteAfter(ctx, t.end)) ||
    Boolean(quoteBefore(ctx, t.start, sentence.start)) ||
    /[”"][\s,]*(?:[\p{L}\p{N}.’'-]+\s+){0,6}$/u.test(before);
  // "…, the ICTS has announced.": a verb that ends the sentence, its subject after a comma.
  // ("…, two officials confirmed to the Associated Press on Saturday.": whom it was told and when end it too.)
  const closing =
    /,\s*(?:[\p{L}\p{N}.’'-]+\s+){1,6}$/u.test(before) &&
    (CLOSING_TAIL.test(text.slice(t.end, sentence.end)) || closesClause(text, t.end, sentence.end));
  // "issued a statement suggesting…", "…, saying that": a participle that reports the clause's speaker's words.
  const prevToken = tokens[v - 1] as NlpToken | undefined;
  let lead = v - 1;
  while (lead > first && (tokens[lead] as NlpToken).pos === "ADV") lead--; // "a statement strongly criticizing"
  const leadToken = tokens[lead] as NlpToken | undefined;
  const participle =
    /ing$/.test(t.lower) && leadToken !== undefined && (leadToken.text === "," || MEDIUM_WORDS.test(leadToken.text));
  if (
    !r.strong &&
    !quoted &&
    !participle &&
    // "told to leave" is what was said; "responded to the decision" is what was answered, not words.
    !(ANSWERS.test(t.lemma) ? /^\s*(?:\w+\s+){0,3}?(that|:)/ : /^\s*(?:\w+\s+){0,3}?(that|:|to\b)/).test(after) &&
    // "called on the prime minister “to inform …”", "asked the new government to": whom, then what is asked.
    !(
      /^(call|ask|urge|appeal)$/.test(t.lemma) &&
      /^\s*(?:on\s+|upon\s+)?(?:(?!(?:about|for|of|after|regarding|over)\b)[\w.’'-]+\s+){1,5}?[“"]?to\b/.test(after)
    ) &&
    !(r.stance === "characterizes" && /\bas\b/.test(after)) &&
    // "rejected the results", "dismissed these accusations": a denial of what it names.
    !(r.stance === "denies" && REJECTED.test(after)) &&
    !quoteInverted &&
    !commaInverted &&
    !closing
  )
    return null;
  // "regard X as", "view X as", "describe X as": a characterization only with its "as".
  if (/^(regard|view|describe|identify)$/.test(t.lemma) && !/\bas\b/.test(after)) return null;
  // "a man identified as X", "who identifies as a nationalist": no one is characterized by a speaker.
  if (t.lemma === "identify" && next?.lower === "as") return null;
  // A passive ("was accused", "was described as") is said of the subject, not by it; its agent
  // speaks ("seen by many Iraqis as", "was denounced by the ministry").
  const prev = tokens[v - 1] as NlpToken | undefined;
  const passive = /ed$|en$|seen$|said$|told$/.test(t.lower) && (prev?.lemma === "be" || prev?.lemma === "being");
  const agentBy = tokens[v + 1]?.lower === "by" ? phraseAfter(tokens, v + 2, last, ctx) : null;
  if (passive && t.lemma !== "quote" && !agentBy) return null;
  // "the militia blamed for the attack", "a group accused of kidnappings": an accusation with no
  // object before its "for"/"of" is a passive without its "was"; it is said of the noun before it.
  // ("the militia groups they blame for the attacks" has its subject: it is said.)
  if (
    r.stance === "accuses" &&
    /^(for|of)$/.test(next?.lower ?? "") &&
    /ed$/.test(t.lower) &&
    prev?.pos !== "PRON" &&
    !agentBy
  )
    return null;

  // "gunmen believed to be linked to …", "a group said to have": a passive without its "was", said of the noun.
  // ("the group claimed to have launched", "vowed to have": verbs whose infinitive the speaker says.)
  if (
    /(?:ed|said|thought|seen)$/.test(t.lower) &&
    !SAID_WITH_INFINITIVE.test(t.lemma) &&
    next?.lower === "to" &&
    /^(be|have)$/.test(tokens[v + 2]?.lower ?? "") &&
    (prev?.pos === "NOUN" || prev?.pos === "PROPN")
  )
    return null;

  // "not authorized to comment", "declined to speak": words not said, no statement; nor are
  // "the move to accuse", "called on the government to deny": an infinitive after a noun.
  if (prevToken?.lower === "to" && (UNSAID_BEFORE_TO.test(tokens[v - 2]?.lower ?? "") || tokens[v - 2]?.pos === "NOUN"))
    return null;

  return {
    v,
    t,
    r,
    stance,
    quoteInverted,
    commaInverted,
    closing,
    participle,
    leadToken,
    prevToken,
    agentBy,
  };
}

/** Who speaks, the words that say so, and (for some) whom they came through or the clause they open. */
interface Attributed {
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
function speakerFor(
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

/** What a weak verb of denial ("reject", "dismiss", "refute") names as what it denies. */
const REJECTED =
  /^\s+(?:the|these|those|such|all|any|its|their|his|her)\s+(?:[a-z-]+\s+){0,3}?(?:results?|accusations?|allegations?|claims?|charges?|reports?|statements?|decisions?|decree|law|bill|resolution|nomination|appointment|candidacy|proposal|demands?|offer|ultimatum|rumou?rs?|narrative)\b/i;
