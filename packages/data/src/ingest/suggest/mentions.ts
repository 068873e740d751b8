/**
 * Known actors in a new document: the name resolver's matches (names, aliases, outside aliases,
 * transliterations, Arabic script), then what the document itself teaches — an acronym it
 * defines in brackets ("Popular Mobilization Forces (PMF)"), another name it gives ("Asaib Ahl
 * al-Haq, or League of the Righteous", "(al-Hashd al-Shaabi in Arabic)"), and the short forms
 * it uses after a full mention (the surname alone, "Asaib" for Asaib Ahl al-Haq). A learned name
 * is matched only after the words that define it. Two actors that share a short form make it
 * ambiguous, and an ambiguous match is proposed with both candidates, never linked.
 */
import type { ActorKind } from "@atlas/schema";
import { type Candidate, type NameEntry, type NameMatch, NameResolver } from "../../names/resolver.js";
import { isArticle, type Token, tokenize } from "../../names/tokens.js";
import { ARTICLES, wordKey } from "../../names/translit.js";
import { foldName } from "../../text/fold.js";
import { knownKind } from "./kinds.js";
import { isEnglishWord } from "./nlp.js";
import { HEAD_NOUN } from "./nouns.js";

export interface KnownActor {
  id: string;
  name: string;
  kind?: ActorKind;
}

export interface Found extends NameMatch {
  /** Where the learned name was defined, for learned matches. */
  learnedAt?: number;
}

/** Words that say what kind of body a group is rather than which one: never a short form alone. */
const GENERIC = new Set(
  `forces force brigades brigade battalion battalions organization organisation movement party army popular
  islamic national iraqi iranian group groups front alliance coalition council units unit corps guard guards
  revolutionary state republic ministry government commission committee people resistance mobilization
  mobilisation union league association kataib kataeb harakat saraya asaib liwa jaish hizb tayyar ahl hashd
  haq allah the of and in for to new supreme high general special international united democratic
  federal central security service services office department command operations militia militias
  militiamen fighters forces troops officials administration family camp network networks proxies factions
  faction groups cell cells squad regime authorities authority agency bureau institute center centre`
    .split(/\s+/)
    .filter(Boolean),
);

const GENERIC_KEYS = new Set([...GENERIC].map((w) => wordKey(w)));
const PERSON_PARTICLES = new Set(["abu", "abd", "bin", "ibn", "bint", "umm", "abdul", "abdel"]);

/** Initials of a name's words (hyphens split words): "Counter-Terrorism Service" → "cts". */
const initialsOf = (name: string) =>
  name
    .split(/[\s\-‐‑]+/)
    .filter(Boolean)
    .map((w) => w.replace(/^[^\p{L}]+/u, "")[0]?.toLowerCase() ?? "")
    .join("");

/** Are the acronym's letters the initials of the name, in order, starting with the first? */
export function acronymFits(acronym: string, name: string): boolean {
  const letters = acronym.replace(/[^\p{L}]/gu, "").toLowerCase();
  const initials = initialsOf(name);
  if (letters.length < 2 || letters[0] !== initials[0]) return false;
  let i = 0;
  for (const c of initials) if (c === letters[i]) i++;
  return i === letters.length;
}

const ACRONYM = /^\s*\(\s*([\p{Lu}][\p{Lu}\p{Ll}.-]{1,9})\s*\)/u;
/** "(al-Hashd al-Shaabi in Arabic)", "(known in Arabic as Kataib Hezbollah)", "(League of the Righteous)". */
const PAREN_NAME =
  /^\s*\(\s*(?:(?:also\s+)?known\s+(?:in\s+Arabic\s+)?as\s+|in\s+Arabic,?\s+|Arabic\s+for\s+|or\s+)?((?:(?:al|el|ad|ash|as|at|an|ar|az)-)?[\p{Lu}][^()]{1,80}?)(\s+in\s+Arabic)?\s*\)/u;
/**
 * ", or League of the Righteous,", ", also known as the Hashd,", " network, aka the “League of the
 * Righteous.”": after the name (and a head noun the name may take), an alternative name, quoted or not.
 */
const COMMA_NAME = new RegExp(
  `^(?:\\s+${HEAD_NOUN})?,\\s+(?:or|also\\s+known\\s+as|known\\s+as|also\\s+called|called|a\\.k\\.a\\.|aka)\\s+(?:the\\s+)?[“"]?((?:(?:al|el)-)?[\\p{Lu}][^,;:()“”"]{1,80}?)\\s*(?=[”"]?(?:[,;:)]|\\.(?:[\\s”"]|$)))`,
  "u",
);
/**
 * "called Popular Mobilization Units (PMU) or Hashd al-Shaabi": names offered as one another's
 * alternatives, written before a known one. Its groups: the name, and its acronym.
 */
const NAMES_BEFORE_OR =
  /(?<![\p{L}-])(?:called|known\s+as|also\s+known\s+as|aka|a\.k\.a\.)\s+(?:the\s+)?((?:(?:al|el)-)?[\p{Lu}][^,;:()“”".]{1,80}?)(?:\s*\(\s*([\p{Lu}][\p{Lu}.]{1,8})\s*\))?\s*,?\s+or\s+(?:the\s+)?$/u;

/** Is the phrase a name: capitalized words, articles and "of/the" between them, nothing else? */
function isNamePhrase(phrase: string): boolean {
  const words = phrase.split(/\s+/).filter(Boolean);
  if (words.length === 0 || words.length > 8) return false;
  return words.every(
    (w) =>
      /^[\p{Lu}]/u.test(w) ||
      /^(?:al|el|ad|ash|as|at|an|ar|az)-[\p{L}]/u.test(w) ||
      /^(of|the|and|al|el|bin|ibn|abu|for|de)$/.test(w),
  );
}

interface Definition {
  actorId: string;
  name: string;
  rule: "acronym" | "alternative-name";
  /** Where the defined name is first written: it is learned from its defining words on. */
  at: number;
}

/** Names the text defines right after a known actor's name. */
function definitions(text: string, matches: NameMatch[], resolver: NameResolver): Definition[] {
  const out: Definition[] = [];
  for (const m of matches) {
    if (m.candidates.length !== 1) continue;
    const actorId = (m.candidates[0] as Candidate).actorId;
    const after = text.slice(m.end, m.end + 120);
    const written = text.slice(m.start, m.end);
    const acronym = ACRONYM.exec(after);
    if (acronym && /\p{Lu}.*\p{Lu}/u.test(acronym[1] as string) && acronymFits(acronym[1] as string, written)) {
      out.push({
        actorId,
        name: acronym[1] as string,
        rule: "acronym",
        at: m.end + acronym[0].indexOf(acronym[1] as string),
      });
      continue;
    }
    // "called X (XA) or <known name>": X, and its acronym, are the known actor's names from X on.
    const before = NAMES_BEFORE_OR.exec(text.slice(Math.max(0, m.start - 120), m.start));
    if (before) {
      const name = (before[1] as string).trim();
      const at = m.start - (text.slice(Math.max(0, m.start - 120), m.start).length - before.index);
      if (isNamePhrase(name) && name.split(/\s+/).length >= 2 && resolver.resolve(name).length === 0) {
        out.push({ actorId, name, rule: "alternative-name", at });
        const acronym = before[2];
        if (acronym && acronymFits(acronym, name) && resolver.resolve(acronym).length === 0)
          out.push({ actorId, name: acronym, rule: "acronym", at });
      }
    }
    const alt = PAREN_NAME.exec(after) ?? COMMA_NAME.exec(after);
    if (!alt) continue;
    const phrase = (alt[1] as string).trim();
    const arabic = Boolean(alt[2]) || /in\s+Arabic/.test(alt[0]);
    if (!isNamePhrase(phrase)) continue;
    if (!arabic && phrase.split(/\s+/).length < 2 && !/^(?:al|el)-/.test(phrase)) continue;
    // "(Reuters)": a name that is already someone else's is not a definition.
    const other = resolver.resolve(phrase);
    if (other.length > 0 && !other.some((c) => c.actorId === actorId)) continue;
    if (other.some((c) => c.actorId === actorId)) continue; // already known
    // The defining words are themselves a mention of the actor: the name is learned from them on.
    out.push({ actorId, name: phrase, rule: "alternative-name", at: m.end + alt[0].indexOf(alt[1] as string) });
  }
  return out;
}

/** Short forms of a full name: a person's surname; a group's distinctive words at either end. */
export function shortForms(written: string, kind: ActorKind | undefined): string[] {
  const tokens = tokenize(written);
  const words: Token[] = [];
  for (let i = 0; i < tokens.length; i++) if (!isArticle(tokens, i)) words.push(tokens[i] as Token);
  if (words.length < 2) return [];
  const text = (from: number, to: number) => written.slice((words[from] as Token).start, (words[to] as Token).end);
  // Not a word that says what kind of body it is (by its transliteration key: "Kaiti'b" is "Kataib"),
  // nor the name of a well-known other organisation ("Hezbollah" in "Kataib Hezbollah").
  const distinctive = (t: Token) =>
    !GENERIC_KEYS.has(t.key) &&
    !PERSON_PARTICLES.has(t.folded) &&
    t.cap &&
    t.key.length >= 3 &&
    !knownKind(written.slice(t.start, t.end));
  const out = new Set<string>();
  const last = words[words.length - 1] as Token;
  if (kind === "person" || kind === "religious_authority" || kind === "author") {
    if (distinctive(last)) out.add(text(words.length - 1, words.length - 1));
    return [...out];
  }
  const first = words[0] as Token;
  // "Badr Organization" → "Badr"; not "Trump administration" → "Trump": the rest must be a name too.
  if (distinctive(first) && words.slice(1).every((t) => t.cap)) out.add(text(0, 0));
  if (distinctive(last)) out.add(text(words.length - 1, words.length - 1));
  if (words.length >= 3) {
    if (words.slice(1).some(distinctive)) out.add(text(1, words.length - 1));
    if (words.slice(0, -1).some(distinctive) && distinctive(words[words.length - 2] as Token))
      out.add(text(0, words.length - 2));
  }
  return [...out].filter((s) => !ARTICLES.has(foldName(s)));
}

const PERSON_KINDS = new Set<ActorKind | undefined>(["person", "religious_authority", "author"]);
/** Words before a surname that say who he is, not which of a family: "President Salih", "Sheikh Khazali". */
const TITLE_WORD =
  /^(?:mr|mrs|ms|dr|gen|general|col|colonel|maj|major|lt|capt|sgt|president|premier|minister|sheikh|shaikh|sayyid|sayed|ayatollah|imam|mullah|cleric|commander|leader|chief|secretary|spokesman|deputy|judge|sen|rep|prince|king|emir|brother|brothers|sons?)\.?$/i;
/** A given name right before a surname, its article between: "Laith Al-" before "Khazali" (not "In Najaf Sadr"). */
const GIVEN_BEFORE = /(?<![\p{L}.'’-])(\p{Lu}\p{Ll}+)\s+(?:[Aa]l|[Ee]l)[-‐]$/u;
const GIVEN_SPACE = /(?<![\p{L}.'’-])(\p{Lu}\p{Ll}+)\s+$/u;
/** Words before a given name that make it a place or an object instead: "in Najaf al-Sadr's men". */
const PLACED_BEFORE = /\b(?:in|at|from|near|of|to|by|on|into|across)\s+$/i;
/** "Qays and Laith Al-": a first given name, then "and" and a second, before a shared surname. */
const GIVEN_AND_GIVEN = /(?<![\p{L}.'’-])(\p{Lu}\p{Ll}+)\s+and\s+\p{Lu}\p{Ll}+\s+((?:(?:[Aa]l|[Ee]l)[-‐]\s?)?)$/u;

/** The same letters in another order: "Madhi" for "Mahdi". */
const sameLetters = (a: string, b: string) =>
  a.length === b.length && [...a.toLowerCase()].sort().join("") === [...b.toLowerCase()].sort().join("");
const isGiven = (word: string) => !TITLE_WORD.test(word) && !isEnglishWord(word);

/**
 * A known person's surname said after another given name: "Laith al-Khazali" beside a known
 * Qais al-Khazali, whose surname alone is a name of his. It names another of the family; and in
 * "Qays and Laith al-Khazali" the first given name shares the surname ("Qays al-Khazali"), a
 * mention of whom it resolves to.
 */
function familyNames(
  text: string,
  base: NameMatch[],
  resolver: NameResolver,
  actors: Map<string, KnownActor>,
): { others: Set<NameMatch>; shared: NameMatch[] } {
  const others = new Set<NameMatch>();
  const shared: NameMatch[] = [];
  for (const m of base) {
    const c = m.candidates[0];
    if (m.candidates.length !== 1 || !c || !PERSON_KINDS.has(actors.get(c.actorId)?.kind)) continue;
    const written = text.slice(m.start, m.end);
    if (written.split(/\s+/).length > 1) continue;
    const before = text.slice(Math.max(0, m.start - 60), m.start);
    // (The article is in the match, "al-Khazali", or just before it, "Al-" before "Khazali".)
    const given = (/^(?:al|el)[-‐]/i.test(written) ? GIVEN_SPACE : GIVEN_BEFORE).exec(before);
    if (!given || !isGiven(given[1] as string)) continue;
    // (A place or another actor's name is not a given name: "from Najaf al-Sadr", "Iran al-Quds".)
    if (PLACED_BEFORE.test(before.slice(0, given.index)) || resolver.resolve(given[1] as string).length > 0) continue;
    // "Abu Madhi al-Muhandis": a longer name, or his own given name misspelt, is still his.
    const particle = /(\p{L}+)\s+$/u.exec(before.slice(0, given.index))?.[1];
    if (particle && PERSON_PARTICLES.has(particle.toLowerCase())) continue;
    const own = actors.get(c.actorId)?.name ?? c.name;
    if (own.split(/[\s-]+/).some((w) => sameLetters(w, given[1] as string))) continue;
    const surname = `${before.slice(given.index + (given[1] as string).length).trim()}${written}`;
    if (resolver.resolve(`${given[1]} ${surname}`).some((x) => x.actorId === c.actorId)) continue;
    others.add(m);
    const pair = GIVEN_AND_GIVEN.exec(before);
    if (!pair || !isGiven(pair[1] as string)) continue;
    const first = resolver.resolve(`${pair[1]} ${surname}`);
    if (first.length !== 1) continue;
    const start = m.start - before.length + pair.index;
    shared.push({ start, end: start + (pair[1] as string).length, candidates: first });
  }
  return { others, shared };
}

/**
 * "Ahrar al-Iraq", "Jaish al-Sham": a state's name written with the Arabic article after a
 * capitalized word ends an Arabic name, and is no mention of the state.
 */
function stateInArabicName(text: string, m: NameMatch, actors: Map<string, KnownActor>): boolean {
  if (!m.candidates.every((c) => actors.get(c.actorId)?.kind === "state")) return false;
  // (The article inside the match, or just before it: the resolver may match "Iraq" alone.)
  const written = text.slice(Math.max(0, m.start - 40), m.end);
  return /\p{Lu}[\p{L}’'-]*\s+(?:al|el)[-‐‑]\S+$/u.test(written);
}

/**
 * Known actors' mentions in `[from, to)` ranges of the text (the article's windows), with what
 * the document teaches applied after the words that teach it.
 */
export function findKnownMentions(
  text: string,
  windows: { start: number; end: number }[],
  resolver: NameResolver,
  actors: Map<string, KnownActor>,
): Found[] {
  const found: NameMatch[] = [];
  for (const w of windows)
    for (const m of resolver.find(text, { rules: "all" }, w.start, w.end))
      if (!stateInArabicName(text, m, actors)) found.push(m);
  const family = familyNames(text, found, resolver, actors);
  const base = [...found.filter((m) => !family.others.has(m)), ...family.shared].sort((a, b) => a.start - b.start);

  // What the document teaches: definitions, and short forms after each actor's first full mention.
  const learned: NameEntry[] = [];
  const from = new Map<string, number>();
  const learn = (actorId: string, name: string, rule: "acronym" | "alternative-name" | "short-form", at: number) => {
    const key = `${actorId}\u0000${foldName(name)}`;
    if (from.has(key)) return;
    from.set(key, at);
    learned.push({
      actorId,
      name,
      origin: "learned",
      sourceIds: [],
      learned: rule,
      capitalized: true,
      ...(rule === "short-form" ? { standalone: true } : {}),
    });
  };
  for (const d of definitions(text, base, resolver)) learn(d.actorId, d.name, d.rule, d.at);
  for (const m of base) {
    if (m.candidates.length !== 1) continue;
    const c = m.candidates[0] as Candidate;
    const actor = actors.get(c.actorId);
    for (const s of shortForms(text.slice(m.start, m.end), actor?.kind)) {
      // A short form that is already a known name of anyone belongs to the resolver's matches.
      if (resolver.resolve(s).length > 0) continue;
      learn(c.actorId, s, "short-form", m.end);
    }
  }
  if (learned.length === 0) return base;

  const teacher = new NameResolver(learned);
  const fromOf = (c: Candidate) => from.get(`${c.actorId}\u0000${foldName(c.name)}`) ?? 0;
  const taught: Found[] = [];
  for (const w of windows) {
    for (const m of teacher.find(text, { rules: "all" }, w.start, w.end)) {
      const candidates = m.candidates.filter((c) => fromOf(c) <= m.start);
      if (candidates.length === 0) continue;
      taught.push({ ...m, candidates, learnedAt: Math.min(...candidates.map(fromOf)) });
    }
  }
  // The resolver's own matches win where both found something.
  const out: Found[] = [...base];
  let k = 0;
  const sorted = [...base].sort((a, b) => a.start - b.start);
  for (const m of taught.sort((a, b) => a.start - b.start)) {
    while (k < sorted.length && (sorted[k] as NameMatch).end <= m.start) k++;
    const next = sorted[k];
    if (next && next.start < m.end) continue;
    out.push(m);
  }
  return out.sort((a, b) => a.start - b.start);
}
