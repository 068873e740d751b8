/**
 * The subject of a clause, read leftwards from its verb: past auxiliaries, adverbs, an acronym in
 * brackets, an appositive (", the leader of Y,"), a phrase of time or medium ("on Tuesday", "in a
 * statement") and a relative clause; past a participle that modifies it ("four factions linked to
 * X"); the name set in apposition after a description; and the body a described person speaks for.
 */
import type { NlpToken } from "./nlp.js";
import {
  inside,
  MEDIUM_WORDS,
  type Phrase,
  phraseBefore,
  ROLE_NOUNS,
  speakerOf,
  TIME_WORDS,
} from "./speaker-phrases.js";
import { type Speaker, type StatementContext, sortOf } from "./speech.js";

/** The subject of the finite verb before a participle: "Kataib Hezbollah issued a statement suggesting". */
export function clauseSubject(ctx: StatementContext, tokens: NlpToken[], v: number, first: number): Speaker | null {
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
export function subjectBefore(ctx: StatementContext, tokens: NlpToken[], j: number, first: number): Phrase | null {
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
export function apposedName(ctx: StatementContext, tokens: NlpToken[], p: Phrase, v: number): Speaker | null {
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
export function bodyIn(ctx: StatementContext, tokens: NlpToken[], p: Phrase): string | null {
  const from = (tokens[p.first] as NlpToken).start;
  const to = (tokens[p.last] as NlpToken).end;
  return (
    ctx.known.find((k) => k.start >= from && k.end <= to && k.actorId && sortOf(k.kind) === "body")?.actorId ?? null
  );
}

/** Skips, leftwards from `j`, what stands between a subject and its verb. */
export function skipToSubject(tokens: NlpToken[], j: number, first: number): number {
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
