/**
 * Who a phrase names, for a statement's speaker: the noun phrase before or after a reporting verb
 * (phraseBefore, phraseAfter), read as a known actor, a name not known yet, a description ("a
 * spokesperson for the PMF" speaks for the PMF), a pronoun or a back-reference ("he", "the group"),
 * which memory.ts resolves.
 */
import { AS_PLACE, bodyBefore, recall } from "./memory.js";
import { isEnglishWord, type NlpToken } from "./nlp.js";
import { BODY_NOUNS } from "./nouns.js";
import { kinOfPronoun, personName } from "./person-names.js";
import { STATE_KINDS } from "./relation-words.js";
import {
  BODY_KINDS,
  type KnownHit,
  type NameHit,
  pronounSorts,
  type Span,
  type Speaker,
  type StatementContext,
  sortOf,
} from "./speech.js";

export const trimSpan = (text: string, s: number, e: number): Span => {
  while (s < e && /[\s,;:—–-]/.test(text[s] as string)) s++;
  while (e > s && /[\s,;:.—–-]/.test(text[e - 1] as string)) e--;
  return { start: s, end: e };
};

export const ROLE_NOUNS = new Set(
  `spokesman spokeswoman spokesperson spokespeople spokesmen official officials commander commanders leader leaders
  member members head chief minister ministers representative representatives envoy adviser advisor aide aides
  secretary-general director chairman president deputy founder lawmaker lawmakers mp mps fighter fighters ambassador
  officer officers source sources analyst analysts researcher expert experts cleric clerics militiaman militiamen`
    .split(/\s+/)
    .filter(Boolean),
);
/** A description as a name: without its determiner ("two U.S. officials" → "U.S. officials"; "Four factions" keeps its count). */
const describedAs = (written: string) =>
  written
    .replace(/^(?:the|a|an|some|many|several|other|most|two|three|both)\s+/i, "")
    .replace(/\s+/g, " ")
    .trim();
/** Role nouns of someone a state employs and the text does not name. */
const UNNAMED_STAFF = /^(?:officials?|sources?|officers?|diplomats?|aides?)$/;
export const PERSON_NOUNS = new Set(
  "spokesman spokeswoman spokesperson official commander leader minister cleric man woman officer president premier general envoy ambassador".split(
    " ",
  ),
);
export const MEDIUM_WORDS =
  /^(statement|statements|interview|interviews|tweet|tweets|post|posts|speech|letter|video|message|conference|briefing|address|communiqué|communique|telegram|twitter|x|facebook|television|broadcast|sermon|remarks)$/i;
/** Words of a day, a date or a stretch of time: "Monday", "week", "March", "2020". */
export const TIME_WORDS =
  /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tonight|week|month|year|weekend|morning|afternoon|evening|night|day|days|january|february|march|april|may|june|july|august|september|october|november|december|\d{1,4})$/i;

const isNounish = (t: NlpToken) => t.pos === "PROPN" || t.pos === "NOUN" || t.pos === "ADJ" || t.pos === "NUM";

export interface Phrase {
  first: number;
  last: number;
}

/** The noun phrase ending at token `end` (inclusive), going left, within the sentence. */
export function phraseBefore(tokens: NlpToken[], end: number, first: number, ctx: StatementContext): Phrase | null {
  let j = end;
  let taken = 0;
  while (j >= first) {
    const t = tokens[j] as NlpToken;
    const inName = inside(ctx, t);
    if (inName || isNounish(t) || (t.pos === "PART" && /^['’]s$/.test(t.text))) {
      taken++;
      j--;
      continue;
    }
    // "of the arrest": a determiner after a preposition inside the phrase does not start it.
    if (t.pos === "DET" && taken > 0 && !(j > first && (tokens[j - 1] as NlpToken).pos === "ADP")) {
      j--;
      break;
    }
    if (t.pos === "PRON" && taken === 0 && /^(he|she|they|it|we)$/i.test(t.text)) {
      j--;
      taken++;
      break;
    }
    // "spokesperson for the PMF", "Iraqi and Western sources", "U.S.-led".
    if (taken > 0 && j > first) {
      const prev = tokens[j - 1] as NlpToken;
      // (A name in quotation marks before it: "the “Islamic Resistance” in Iraq".)
      const quoted = CLOSING_QUOTE.test(prev.text) && j - 2 >= first && inside(ctx, tokens[j - 2] as NlpToken);
      if (
        t.pos === "ADP" &&
        /^(of|for|from|at|in|with)$/i.test(t.text) &&
        (isNounish(prev) || inside(ctx, prev) || quoted)
      ) {
        j--;
        continue;
      }
      // "the Islamic Revolutionary Guard Corps (IRGC) of Iran": an acronym in brackets inside the phrase.
      const opening = tokens[j - 3] as NlpToken | undefined;
      const named = tokens[j - 4] as NlpToken | undefined;
      if (
        t.pos === "ADP" &&
        /^(of|for|from|at|in|with)$/i.test(t.text) &&
        prev.text === ")" &&
        opening?.text === "(" &&
        /^\p{Lu}[\p{Lu}\d.-]{1,9}$/u.test((tokens[j - 2] as NlpToken).text) &&
        j - 4 >= first &&
        named !== undefined &&
        (isNounish(named) || inside(ctx, named))
      ) {
        j -= 4;
        continue;
      }
      // The quotation marks around a name inside the phrase.
      if (
        /^[“”"]$/.test(t.text) &&
        (CLOSING_QUOTE.test(t.text) ? inside(ctx, prev) : inside(ctx, tokens[j + 1] as NlpToken))
      ) {
        j--;
        continue;
      }
      if (t.pos === "DET" && /^the$/i.test(t.text) && (tokens[j - 1] as NlpToken).pos === "ADP") {
        j--;
        continue;
      }
      if (t.pos === "CCONJ" && /^and$/i.test(t.text) && (isNounish(prev) || inside(ctx, prev))) {
        j--;
        continue;
      }
      if (t.pos === "PUNCT" && /^[-‐.]$/.test(t.text)) {
        j--;
        continue;
      }
    }
    break;
  }
  if (taken === 0) return null;
  return { first: j + 1, last: end };
}

/** The noun phrase starting at token `start`, going right ("said Lt. Gen. Paul Calvert, …"). */
export function phraseAfter(tokens: NlpToken[], start: number, last: number, ctx: StatementContext): Phrase | null {
  let j = start;
  let taken = 0;
  while (j <= last) {
    const t = tokens[j] as NlpToken;
    if (inside(ctx, t) || isNounish(t) || (t.pos === "DET" && taken === 0)) {
      if (t.pos !== "DET") taken++;
      j++;
      continue;
    }
    if (taken > 0 && j < last) {
      const next = tokens[j + 1] as NlpToken;
      if (t.pos === "ADP" && /^(of|for)$/i.test(t.text) && (isNounish(next) || next.pos === "DET")) {
        j++;
        continue;
      }
      if (t.pos === "PUNCT" && /^[-‐.]$/.test(t.text) && isNounish(next)) {
        j++;
        continue;
      }
    }
    if (t.pos === "PRON" && taken === 0 && /^(he|she|they|it)$/i.test(t.text)) {
      taken++;
      j++;
      break;
    }
    break;
  }
  // A phrase ends at a name's end, not midway into the next clause's nouns.
  if (taken === 0) return null;
  let end = j - 1;
  while (end > start && (tokens[end] as NlpToken).pos === "DET") end--;
  return { first: start, last: end };
}

export const inside = (ctx: StatementContext, t: NlpToken) =>
  ctx.known.some((k) => k.start <= t.start && t.end <= k.end) ||
  ctx.names.some((n) => n.start <= t.start && t.end <= n.end);

/** A phrase that may name a speaker, read once: its words, and the known actors and names inside it. */
interface PhraseView {
  ctx: StatementContext;
  text: string;
  start: number;
  /** Its end, "and others" left out ("Calvert and others": Calvert speaks, with others). */
  end: number;
  written: string;
  base: { start: number; end: number; text: string; onBehalfOfId: null };
  words: NlpToken[];
  lower: string[];
  known: KnownHit[];
  names: NameHit[];
}

function phraseView(ctx: StatementContext, tokens: NlpToken[], p: Phrase): PhraseView {
  const { text } = ctx;
  const start = (tokens[p.first] as NlpToken).start;
  const written = text.slice(start, (tokens[p.last] as NlpToken).end);
  const base = { start, end: (tokens[p.last] as NlpToken).end, text: written, onBehalfOfId: null };
  let lastIndex = p.last;
  if (
    lastIndex - 1 > p.first &&
    /^others?$/i.test((tokens[lastIndex] as NlpToken).text) &&
    (tokens[lastIndex - 1] as NlpToken).lower === "and"
  )
    lastIndex -= 2;
  const end = (tokens[lastIndex] as NlpToken).end;
  const words = tokens.slice(p.first, lastIndex + 1);
  return {
    ctx,
    text,
    start,
    end,
    written,
    base,
    words,
    lower: words.map((w) => w.lower),
    known: ctx.known.filter((k) => k.start >= start && k.end <= end),
    names: ctx.names.filter((n) => n.start >= start && n.end <= end),
  };
}

/** A pronoun ("he", "they"): the actor it stands for, in its sentence or from memory. */
function pronounSpeaker({ ctx, text, start, base, lower }: PhraseView): Speaker | null {
  // An actor the same sentence named first comes before earlier speakers: "US forces have
  // responded with strikes, targeting militia groups they blame for the attacks".
  const sorts = pronounSorts(lower[0] as string);
  // "A sniper killed his brother Salman in 2014, he said": a pronoun that tags the words before
  // it stands for none of those words' people, but for someone named before the sentence.
  const sentenceStart = textStartOfSentenceAt(text, start);
  const before = text.slice(sentenceStart, start);
  const tag = /[,\u201D"]\s*$/.test(before) && /\p{L}.{12,}/su.test(before);
  if (tag) {
    const ref = recall(ctx.memory, sorts, start, true, (s) => s.start >= sentenceStart);
    return ref ? { ...ref, ...base, from: "pronoun" } : null;
  }
  // (Not one "his brother, X" introduces: "he" is the one whose brother X is.)
  const own = ctx.known.find(
    (k) =>
      k.actorId !== null &&
      k.end <= start &&
      sorts.includes(sortOf(k.kind)) &&
      !(k.kind === "state" && AS_PLACE.test(text.slice(Math.max(0, k.start - 40), k.start))) &&
      !kinOfPronoun(text, k.start),
  );
  // So does a name the atlas does not know yet, when it comes first: in "commander Abu Ali issued an
  // attack on Prime Minister X, for what he claimed …", he is Abu Ali.
  const ownName = ctx.names.find(
    (n) =>
      n.end <= start && (!own || n.start < own.start) && sorts.includes(sortOf(n.kind)) && !kinOfPronoun(text, n.start),
  );
  if (ownName)
    return {
      ...base,
      actorId: null,
      name: ownName.name,
      from: "pronoun",
      sort: sortOf(ownName.kind),
      kind: ownName.kind,
    };
  if (own)
    return {
      ...base,
      actorId: own.actorId,
      name: null,
      from: "pronoun",
      sort: sortOf(own.kind),
      ...(own.kind ? { kind: own.kind } : {}),
    };
  // Nor, from memory, one its own sentence introduced as someone's kin.
  const ref = recall(ctx.memory, sorts, start, true, (s) => s.start >= sentenceStart && kinOfPronoun(text, s.start));
  return ref ? { ...ref, ...base, from: "pronoun" } : null;
}

/**
 * A role with its organisation: "a spokesperson for the PMF", "Kataib Hezbollah spokesperson
 * Mohammed Mohi", "PMF officials" — the person named, else whom the unnamed speak for.
 */
function roleSpeaker(
  { text, start, written, base, words, lower, known, names }: PhraseView,
  roleAt: number,
): Speaker | undefined {
  const roleToken = words[roleAt] as NlpToken;
  // "officials in Iraq": a place the description names is not whom they speak for.
  const orgs = known.filter(
    (k) => k.actorId && sortOf(k.kind) === "body" && !PLACED.test(text.slice(Math.max(start, k.start - 20), k.start)),
  );
  const after = orgs.find((k) => k.start > roleToken.start);
  const before = [...orgs].reverse().find((k) => k.end <= roleToken.start);
  const org = after && /^(of|for|from)$/.test(lower[roleAt + 1] ?? "") ? after : (before ?? after);
  // The person named after the role: "spokesperson Mohammed Mohi".
  // (Right after the role: in "the leader of the Sadrist movement" the name is the organisation's.)
  const rightAfter = (x: Span) => x.start > roleToken.end && /^[\s,]+$/.test(text.slice(roleToken.end, x.start));
  // (Or a known person's name as found holds the role: "U.S. President Joe Biden", found as "President Joe Biden".)
  const holdsRole = (x: Span) => x.start === roleToken.start && roleToken.end < x.end;
  const person =
    known.find((k) => (rightAfter(k) || holdsRole(k)) && sortOf(k.kind) === "person") ??
    names.find((n) => rightAfter(n));
  if (person) {
    return "actorId" in person
      ? {
          ...base,
          actorId: person.actorId,
          name: null,
          from: "name",
          onBehalfOfId: org?.actorId ?? null,
          sort: "person",
        }
      : {
          ...base,
          actorId: null,
          name: person.name,
          from: "name",
          onBehalfOfId: org?.actorId ?? null,
          sort: "person",
        };
  }
  const plural = /s$/.test(roleToken.lower) && !/ss$/.test(roleToken.lower);
  // "sources close to Kataib Hezbollah", "officials familiar with the talks": they speak, described
  // by whom they are close to, and not for them.
  if (TIED_WORDS.test(lower[roleAt + 1] ?? "") && /^(?:to|with)$/.test(lower[roleAt + 2] ?? ""))
    return {
      ...base,
      actorId: null,
      name: describedAs(written),
      from: "description",
      onBehalfOfId: null,
      sort: plural ? "people" : "person",
    };
  // "a U.S. defense official", "a Pentagon official": someone unnamed who works for a state or its
  // body speaks, not the body; it is whom they speak for. (Sources only say where words came from.)
  if (org?.actorId && org.kind !== undefined && STATE_KINDS.has(org.kind) && UNNAMED_STAFF.test(roleToken.lower)) {
    return {
      ...base,
      actorId: null,
      name: describedAs(written),
      from: "description",
      onBehalfOfId: /^sources?$/.test(roleToken.lower) ? null : org.actorId,
      sort: plural ? "people" : "person",
    };
  }
  if (org?.actorId) {
    return {
      ...base,
      actorId: org.actorId,
      name: null,
      from: "description",
      onBehalfOfId: org.actorId,
      sort: plural ? "people" : "person",
    };
  }
  // "an official of the Patriotic Union of Kurdistan": a body not known yet speaks through its official.
  const named = /^(of|for|from)$/.test(lower[roleAt + 1] ?? "")
    ? names.find((n) => n.start > roleToken.end && n.kind !== undefined && n.kind !== "person" && n.kind !== "state")
    : undefined;
  if (named)
    return { ...base, actorId: null, name: named.name, from: "description", sort: plural ? "people" : "person" };
  return undefined;
}

/**
 * The phrase's head is a known actor or a name: "Marine Corps Gen. Frank McKenzie", "Kataib
 * Hezbollah"; null when it is a known actor the atlas has no id for; undefined when no name heads it.
 */
function headSpeaker(
  { text, end, base, known, names, lower, words }: PhraseView,
  roleAt: number,
  placeAt: number | null,
): Speaker | null | undefined {
  // (A closing quotation mark before the place is not the head: "the “Islamic Resistance” in Iraq".)
  let headAt = placeAt === null ? null : placeAt - 1;
  while (headAt !== null && headAt > 0 && CLOSING_QUOTE.test((words[headAt] as NlpToken).text)) headAt--;
  const headEnd = headAt === null ? end : (words[headAt] as NlpToken).end;
  const lastKnown = known.filter((k) => k.end <= headEnd).at(-1);
  const lastName = names.filter((k) => k.end <= headEnd).at(-1);
  const head = [lastKnown, lastName]
    .filter((x): x is KnownHit | NameHit => Boolean(x))
    .sort((a, b) => b.end - a.end)[0];
  // "the Islamic Revolutionary Guard Corps of Iran": a state's body speaks, not the state it is of.
  if (head && head.kind === "state" && head.end === headEnd) {
    const owned = [...known, ...names]
      .filter((x) => x.end < head.start && x.kind !== "state" && x.kind !== "person")
      .sort((a, b) => b.end - a.end)[0];
    if (owned && STATE_OWNER.test(text.slice(owned.end, head.start))) return headOf(owned, base);
  }
  // "the leader of the Sadrist movement": a person described by an organisation not known yet, not the organisation;
  // "sources close to Kataib Hezbollah": people described by whom they are close to, not that group.
  const describedBy =
    (roleAt !== -1 && /^(of|for|from)$/.test(lower[roleAt + 1] ?? "")) ||
    lower.some((w, i) => i > 0 && TIED_WORDS.test(w) && /^(?:to|with)$/.test(lower[i + 1] ?? ""));
  if (head && head.end === headEnd && !describedBy) return headOf(head, base);
  return undefined;
}

/** Between a body and the state it is of: " of ", " (IRGC) of ". */
const STATE_OWNER = /^\)?\s*(?:\([^()]{1,20}\)\s*)?of\s+(?:the\s+)?$/;

/** The speaker a name heading the phrase is: a known actor (null when it has no id), or a name. */
function headOf(head: KnownHit | NameHit, base: PhraseView["base"]): Speaker | null {
  if ("actorId" in head) {
    if (!head.actorId) return null;
    return { ...base, actorId: head.actorId, name: null, from: "name", sort: sortOf(head.kind), kind: head.kind };
  }
  return { ...base, actorId: null, name: head.name, from: "name", sort: sortOf(head.kind), kind: head.kind };
}

/** A name that is not a candidate ("Sattar said", "59-year-old Sattar"): the proper nouns that end the phrase. */
function properNameSpeaker({ text, end, base, words }: PhraseView): Speaker | undefined {
  let n = words.length;
  while (n > 0 && (words[n - 1] as NlpToken).pos === "PROPN") n--;
  if (n < words.length) {
    const name = personName(text.slice((words[n] as NlpToken).start, end));
    if (name && /^\p{Lu}/u.test(name) && !ROLE_NOUNS.has(name.toLowerCase())) {
      return { ...base, actorId: null, name, from: "name", sort: n === 0 ? "unknown" : "person" };
    }
  }
  return undefined;
}

/** "an Iraqi Joint Operations Command statement", "the group's statement": whoever issued it. */
function issuerSpeaker({ ctx, start, base, words, lower, known, names }: PhraseView): Speaker | undefined {
  const medium = words.findIndex((w) => MEDIUM_WORDS.test(w.text));
  if (medium !== -1) {
    const mediumStart = (words[medium] as NlpToken).start;
    const issuer = [...known].reverse().find((k) => k.end <= mediumStart && k.actorId);
    const issuerName = [...names].reverse().find((n) => n.end <= mediumStart);
    // (Its kind goes with it: "the group" later is no state whose statement this was.)
    if (issuer?.actorId)
      return {
        ...base,
        actorId: issuer.actorId,
        name: null,
        from: "name",
        sort: sortOf(issuer.kind),
        ...(issuer.kind ? { kind: issuer.kind } : {}),
      };
    if (issuerName)
      return {
        ...base,
        actorId: null,
        name: issuerName.name,
        from: "name",
        sort: sortOf(issuerName.kind),
        kind: issuerName.kind,
      };
    if (lower[0] === "the" || lower[0] === "a" || lower[0] === "their" || lower[0] === "its") {
      const ref = recall(ctx.memory, ["body", "person", "people"], start);
      if (ref) return { ...ref, ...base, from: "pronoun" };
    }
  }
  return undefined;
}

/** "the group", "the militia", "the spokesman": the last such actor, with lower confidence. */
function referredSpeaker({ ctx, start, base, words, lower }: PhraseView): Speaker | undefined {
  if (lower[0] === "the" && words.length <= 6 && !words.some((w) => w.pos === "ADP")) {
    const noun = lower.at(-1) as string;
    if (BODY_NOUNS.has(noun) || PERSON_NOUNS.has(noun)) {
      // "the group", "the coalition" never mean a state named as a place; "the government" may.
      const ref = PERSON_NOUNS.has(noun)
        ? recall(ctx.memory, ["person"], start, false)
        : bodyBefore(ctx.memory, start, noun);
      if (ref) return { ...ref, ...base, from: "pronoun" };
    }
  }
  return undefined;
}

/**
 * A description of people: "U.S. officials", "human rights groups", "two security sources with
 * direct knowledge of the arrest" (whose head is the noun before its first preposition).
 */
function describedSpeaker({ text, start, end, written, base, words, known }: PhraseView): Speaker | null {
  const adp = words.findIndex((w, i) => i > 0 && w.pos === "ADP");
  // ("sources close to the militias", "officials familiar with the matter": the noun before the
  // word that ties them is the head.)
  const tied = adp > 1 && TIED_WORDS.test((words[adp - 1] as NlpToken).lower);
  const headWord = (adp > 0 ? words[adp - (tied ? 2 : 1)] : words.at(-1)) as NlpToken;
  // ("the Iraqi military": an adjective that ends the phrase stands for its noun.)
  // (The tagger reads "sources" after "according to" as a verb: "according to sources close to …".)
  const noun = headWord.pos === "NOUN" || headWord.pos === "PROPN" || /^sources?$/.test(headWord.lower);
  if (noun || (headWord.pos === "ADJ" && adp <= 0 && words.length > 1)) {
    const description = describedAs(written);
    if (!description || /^(others|some|many|one|this|that|these|those|it)$/i.test(description)) {
      return null;
    }
    // "the international anti-ISIS coalition": a known name ending the description is the speaker
    // (not in "a spokesman for the coalition", where a preposition comes first).
    const descStart = start + (written.length - description.length);
    const knownWhole = known.find(
      (k) =>
        k.end === end &&
        (k.start <= descStart || !/\b(?:for|of|from|at|with|to|by|in|on)\b/i.test(text.slice(descStart, k.start))),
    );
    return {
      ...base,
      actorId: knownWhole?.actorId ?? null,
      name: knownWhole?.actorId ? null : description,
      from: "description",
      // "the coalition … it said": a body; "the official … he said": a person.
      sort: PERSON_NOUNS.has(headWord.lower)
        ? "person"
        : BODY_KINDS[headWord.lower] && !/s$/.test(headWord.lower)
          ? "body"
          : /s$/.test(headWord.lower)
            ? "people"
            : "unknown",
    };
  }
  return null;
}

/** Words that tie a described speaker to what follows: "sources close to", "officials familiar with". */
const TIED_WORDS = /^(?:close|closer|familiar|loyal|linked|affiliated|allied|aligned|opposed|near)$/;

/** Who a phrase names: a known actor, a name, a description or a pronoun. */
export function speakerOf(ctx: StatementContext, tokens: NlpToken[], p: Phrase): Speaker | null {
  const v = phraseView(ctx, tokens, p);
  // "No group claimed", "Nobody said", "None of the factions": no one speaks.
  if (NO_ONE.test(v.text.slice(v.start, v.end))) return null;
  if (v.words.length === 1 && (v.words[0] as NlpToken).pos === "PRON") return pronounSpeaker(v);
  const roleAt = v.lower.findIndex((w) => ROLE_NOUNS.has(w));
  const byRole = roleAt === -1 ? undefined : roleSpeaker(v, roleAt);
  if (byRole) return byRole;
  // "politicians in Baghdad", "an Iranian-backed militia in Iraq": people or a body described by
  // where they are; the place, even a known state, is not the speaker, and the phrase's head is the
  // noun before it ("Iranian-backed militias in Iraq", when that is a name, is that name).
  const placeAt = placeIn(v.words);
  const byHead = headSpeaker(v, roleAt, placeAt);
  if (byHead !== undefined) return byHead;
  return (
    (placeAt === null ? properNameSpeaker(v) : undefined) ??
    issuerSpeaker(v) ??
    referredSpeaker(v) ??
    describedSpeaker(v)
  );
}

/** Subjects that name no one: "No group", "Nobody", "No one", "None of the factions", "Neither side". */
const NO_ONE = /^(?:no|nobody|none|neither|nothing)\b/i;

/**
 * Where a description of people or a body names a place ("politicians in Baghdad", "an
 * Iranian-backed militia in Iraq", "officials in Iraq"): the index of its preposition, when the
 * word before it is a common noun. The place is never the speaker.
 */
function placeIn(words: NlpToken[]): number | null {
  const at = words.findIndex((w, i) => i > 0 && w.pos === "ADP" && PLACE_PREPOSITIONS.test(w.lower));
  if (at === -1) return null;
  const head = words[at - 1] as NlpToken;
  // "The “Islamic Resistance” in Iraq": a name in quotation marks ends before the place.
  if (CLOSING_QUOTE.test(head.text) && at >= 2) return at;
  // A capitalized common noun opening the sentence ("Officials in Iraq") is tagged a proper noun.
  const common = head.pos === "NOUN" || (at === 1 && head.pos === "PROPN" && isEnglishWord(head.text));
  if (!common) return null;
  return /^\p{Lu}/u.test((words[at + 1] as NlpToken | undefined)?.text ?? "") || words[at + 1]?.lower === "the"
    ? at
    : null;
}
const PLACE_PREPOSITIONS = /^(?:in|at|near|across|around|inside|throughout)$/;
const CLOSING_QUOTE = /^[”"’]$/;
/** Words before a name that make it where a described speaker is ("officials in Iraq"). */
const PLACED = /\b(?:in|at|near|across|around|inside|throughout)\s+(?:the\s+)?$/;

/** Where the sentence around `at` starts: after the last full stop, question or exclamation mark before it, or a line break. */
function textStartOfSentenceAt(text: string, at: number): number {
  const from = Math.max(0, at - 400);
  const m = /(?:[.!?][\s”"]+|\n)(?=[^.!?\n]*$)/.exec(text.slice(from, at));
  return m ? from + m.index + m[0].length : from;
}
