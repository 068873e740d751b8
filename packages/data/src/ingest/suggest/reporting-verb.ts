/**
 * Whether a reporting verb reports words where it stands (a quotation, "that", a colon, whom it was
 * told, an inversion, a verb that closes its sentence), and what the words around it say of how:
 * not a passive said of its subject, an infinitive after a noun, or words not said. Which verbs
 * report, and with which stance, is reporting.ts's.
 */
import type { NlpSentence, NlpToken } from "./nlp.js";
import { CLOSING_TAIL, closesClause, quoteAfter, quoteBefore } from "./quotations.js";
import { reporting, reportingWithNoun, UNSAID_BEFORE_TO, UNSAID_BEFORE_VERB } from "./reporting.js";
import { MEDIUM_WORDS, type Phrase, phraseAfter } from "./speaker-phrases.js";
import type { StatementContext, StatementHit } from "./speech.js";

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

/** Reporting verbs whose subject says the infinitive after them: "claimed to have launched", "vowed to fight". */
const SAID_WITH_INFINITIVE = /^(?:claim|vow|threaten|pledge|promise|refuse|deny)$/;

/** Verbs whose "to" names what they answer ("responded to the decision by …"), not their words. */
const ANSWERS = /^(respond|reply)$/;

/** What a weak verb of denial ("reject", "dismiss", "refute") names as what it denies. */
const REJECTED =
  /^\s+(?:the|these|those|such|all|any|its|their|his|her)\s+(?:[a-z-]+\s+){0,3}?(?:results?|accusations?|allegations?|claims?|charges?|reports?|statements?|decisions?|decree|law|bill|resolution|nomination|appointment|candidacy|proposal|demands?|offer|ultimatum|rumou?rs?|narrative)\b/i;

/** A reporting verb at token `v`, with what the words around it say of how it reports. */
export interface ReportingVerb {
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
export function reportingVerbAt(ctx: StatementContext, sentence: NlpSentence, v: number): ReportingVerb | null {
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
  // (The verb with its noun first: "pointed the finger at" blames, where "point" alone asserts.)
  const r = reportingWithNoun(t.lemma, text.slice(t.end, Math.min(sentence.end, t.end + 50))) ?? reporting(t.lemma);
  if (!r) return null;
  // "We hold the president fully responsible": blame in the first person is words quoted, even where
  // the quotation marks do not pair.
  // ("The militia was held responsible": a passive is said of its subject, not by it.)
  const before1 = tokens[v - 1] as NlpToken | undefined;
  if (r.withNoun && (/^(?:we|i)$/.test(before1?.lower ?? "") || before1?.lemma === "be")) return null;
  // ("must take responsibility for", "refuses to hold them responsible": what is due or wished, not done.)
  if (
    r.withNoun &&
    /^(?:must|should|will|would|could|can|may|might|shall|to|not|n['’]t|never)$/.test(before1?.lower ?? "")
  )
    return null;
  // "did not criticize", "refrained from criticizing", "stopped short of condemning": nothing said.
  if (UNSAID_BEFORE_VERB.test(text.slice(Math.max(sentence.start, t.start - 40), t.start))) return null;
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
  // (So is criticism: "Kataib Hezbollah, long criticized for its rocket attacks, said".)
  if (
    (r.stance === "accuses" || r.stance === "condemns") &&
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
