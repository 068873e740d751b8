/**
 * The name resolver: which known actor a name in a text means. One resolver serves mentions in
 * new documents, the de-duplication of candidate actors, import matching and search, so "found
 * by search" and "recognised in a document" never disagree.
 *
 * Names are indexed word by word by their transliteration keys (translit.ts) in a trie, and a
 * text is walked word by word from each word start, leftmost-longest: linear in the text for a
 * fixed set of names. Every match says which rule made it and how confident it is:
 *
 * | rule              | the words…                                                    |
 * | ----------------- | ------------------------------------------------------------- |
 * | `exact`           | equal the name (case, diacritics, apostrophes, hyphens aside)  |
 * | `spelling`        | differ only in the article ("Khazali" / "al-Khazali")          |
 * | `transliteration` | differ as transliterations do ("Kataeb Hizballah")             |
 * | `arabic-script`   | are the name in Arabic script, compared by consonants           |
 *
 * When the best match could mean two actors, both are returned as candidates and the match is
 * ambiguous: it is never linked silently.
 */
import type { AliasAttestation, AliasKind } from "@atlas/schema";
import { foldName } from "../text/fold.js";
import { paraphrases, stateOpening } from "./paraphrase.js";
import { TITLE_WORDS } from "./titles.js";
import { isArticle, nameKeys, type Token, tokenize } from "./tokens.js";
import { ARTICLES, consonantCount, epentheticKey, latinConsonants } from "./translit.js";

export type NameOrigin = "name" | "alias" | "outside" | "learned";
/** Every rule a match can be made by (described in ingest/types.ts, where the API publishes them). */
export const MATCH_RULES = [
  "exact",
  "spelling",
  "transliteration",
  "arabic-script",
  "acronym",
  "alternative-name",
  "short-form",
  "paraphrase",
] as const;
export type MatchRule = (typeof MATCH_RULES)[number];

export interface NameEntry {
  actorId: string;
  /** The name as written in the atlas. */
  name: string;
  origin: NameOrigin;
  kind?: AliasKind;
  /** Documents the name may be matched in; empty for everywhere. */
  sourceIds: string[];
  /** A capital standing for its government ("Washington"): never after "in", "to", "from"… */
  metonym?: boolean;
  /** For learned names: the rule that learned it (acronym, alternative-name, short-form). */
  learned?: MatchRule;
  /** Matched only where the text writes it with a capital (a name, not the common word). */
  capitalized?: boolean;
  /**
   * A word that is a name only alone (a surname, a learned short form): not beside another
   * capitalized word ("Mohammad al-Sadr", "Sadr City"), unless that word is a title ("Prime Minister Kadhimi").
   */
  standalone?: boolean;
  /**
   * Made by a rule from another name: a paraphrase ("American troops"), a surname, a body's name
   * without its head noun, or without the state that opens it ("Congress").
   */
  generated?: "paraphrase" | "surname" | "headless" | "stateless";
}

export interface Candidate {
  actorId: string;
  /** The atlas name or alias that matched. */
  name: string;
  origin: NameOrigin;
  rule: MatchRule;
  confidence: number;
}

export interface NameMatch {
  start: number;
  end: number;
  /** Best first; more than one actor means the words are ambiguous. */
  candidates: Candidate[];
}

interface Indexed extends NameEntry {
  folded: string;
  /** Folded without articles, spaces or hyphens: what `spelling` compares. */
  loose: string;
  abbreviation: boolean;
  words: number;
  keyConsonants: number;
}

interface Node {
  next: Map<string, Node>;
  entries: Indexed[];
}

const node = (): Node => ({ next: new Map(), entries: [] });

const RULE_RANK: Record<MatchRule, number> = {
  exact: 0,
  spelling: 1,
  acronym: 2,
  "alternative-name": 2,
  transliteration: 3,
  "short-form": 3,
  paraphrase: 3,
  "arabic-script": 4,
};

/** Words before a capital that make it a place, not a government: "in Washington", "to Tehran". */
const PLACE_BEFORE = /\b(?:in|at|to|from|near|into|outside|inside|around|visit(?:ed|ing|s)?|toward|towards|via)\s+$/i;

function loose(folded: string): string {
  return folded
    .split(/[\s-]+/)
    .filter((w) => w && !ARTICLES.has(w))
    .join("")
    .replace(/\./g, "");
}

const isAbbreviation = (name: string) => {
  const letters = name.replace(/[^\p{L}]/gu, "");
  return letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
};

export function confidenceOf(rule: MatchRule, entry: Pick<NameEntry, "origin" | "metonym">, words: number): number {
  const base: Record<MatchRule, number> = {
    exact: 1,
    spelling: 0.97,
    transliteration: words > 1 ? 0.9 : 0.8,
    "arabic-script": 0.8,
    acronym: 0.9,
    "alternative-name": 0.85,
    "short-form": 0.85,
    paraphrase: 0.85,
  };
  let c = base[rule];
  if (entry.origin === "outside") c -= 0.05;
  if (entry.metonym) c -= 0.1;
  return round(c);
}

/**
 * The key sequences a name is found by: as written, and with a sounded vowel in one of its words
 * (`epentheticKey`), so "Hashed" finds "Hashd". A word of fewer than three consonants keeps its
 * one form ("Amr" is not "Amer").
 */
function keyPaths(keys: string[]): string[][] {
  const paths = [keys];
  keys.forEach((k, i) => {
    const sounded = consonantCount(k) >= 3 ? epentheticKey(k) : null;
    if (sounded) paths.push(keys.map((x, j) => (j === i ? sounded : x)));
  });
  return paths;
}

const round = (c: number) => Math.round(c * 100) / 100;

export interface FindOptions {
  /** The document being read: aliases scoped to other documents never match in it. */
  sourceId?: string;
  /** `exact`: only the names as written (the curated corpus); `all`: every rule. */
  rules?: "exact" | "all";
}

export class NameResolver {
  private readonly root = node();
  /** Latin names by their consonants, for words in Arabic script. */
  private readonly byConsonants = new Map<string, Indexed[]>();
  readonly size: number;

  constructor(given: Iterable<NameEntry>) {
    let size = 0;
    const entries: NameEntry[] = [...given];
    // Every name each actor has everywhere, for names that name another actor ("coalition against ISIS").
    const everywhere = entries.filter((e) => !e.generated && e.origin !== "learned" && e.sourceIds.length === 0);
    const actorsNamed = new Map<string, Set<string>>();
    for (const e of everywhere)
      actorsNamed.set(foldName(e.name), (actorsNamed.get(foldName(e.name)) ?? new Set()).add(e.actorId));
    const namesOf = (target: string) => {
      const ids = actorsNamed.get(foldName(target));
      const [id] = ids?.size === 1 ? [...ids] : [];
      return id ? everywhere.filter((e) => e.actorId === id).map((e) => e.name) : [target];
    };
    for (const e of [...entries]) {
      if (e.generated || e.origin === "learned") continue;
      for (const p of paraphrases(e.name, namesOf)) entries.push({ ...e, name: p, generated: "paraphrase" });
    }
    for (const e of entries) {
      const keys = nameKeys(e.name);
      if (keys.length === 0 || keys.some((k) => k === "")) continue;
      const folded = foldName(e.name);
      const indexed: Indexed = {
        ...e,
        folded,
        loose: loose(folded),
        abbreviation: isAbbreviation(e.name),
        words: keys.length,
        keyConsonants: keys.reduce((n, k) => n + consonantCount(k), 0),
      };
      for (const path of keyPaths(keys)) {
        let n = this.root;
        for (const k of path) {
          let child = n.next.get(k);
          if (!child) {
            child = node();
            n.next.set(k, child);
          }
          n = child;
        }
        n.entries.push(indexed);
      }
      const c = latinConsonants(keys);
      if (!indexed.abbreviation && c.length >= 3) {
        const list = this.byConsonants.get(c);
        if (list) list.push(indexed);
        else this.byConsonants.set(c, [indexed]);
      }
      size++;
    }
    this.size = size;
  }

  /** Every name in `text[from, to)`, left to right; where names overlap, the longest wins. */
  find(text: string, options: FindOptions = {}, from = 0, to = text.length): NameMatch[] {
    return this.findInTokens(text, tokenize(text, from, to), options);
  }

  findInTokens(text: string, tokens: Token[], options: FindOptions = {}): NameMatch[] {
    const all = options.rules !== "exact";
    const out: NameMatch[] = [];
    let i = 0;
    while (i < tokens.length) {
      const first = tokens[i] as Token;
      if (first.arabic) {
        const m = all ? this.arabicAt(tokens, i, options) : null;
        if (m) {
          out.push(m.match);
          i = m.next;
        } else i++;
        continue;
      }
      if (isArticle(tokens, i)) {
        i++;
        continue;
      }
      // "al-Khazali", "Al Sadr": an article joined to the first word may belong to the name as written.
      const prev = tokens[i - 1];
      const article =
        i > 0 && isArticle(tokens, i - 1) && (first.gap === "hyphen" || (first.gap === "space" && (prev as Token).cap))
          ? (prev as Token).start
          : null;
      let n: Node | undefined = this.root;
      let best: { last: number; start: number; candidates: Candidate[] } | null = null;
      for (let j = i; j < tokens.length && n; j++) {
        const t = tokens[j] as Token;
        if (j > i) {
          if (t.gap === "other" || t.gap === "start") break;
          if (t.gap === "dot" && (tokens[j - 1] as Token).end - (tokens[j - 1] as Token).start > 4) break;
          if (isArticle(tokens, j)) continue;
        }
        n = n.next.get(t.key);
        if (!n) break;
        if (n.entries.length === 0) continue;
        const found = this.accept(text, tokens, i, j, article, n.entries, options, all);
        if (found) best = { last: j, ...found };
      }
      if (!best) {
        i++;
        continue;
      }
      out.push({ start: best.start, end: (tokens[best.last] as Token).end, candidates: best.candidates });
      i = best.last + 1;
    }
    return out;
  }

  /**
   * The entries that may match tokens[i..j] (with the article before them, when the name is
   * written with it), graded; only the best grade is kept.
   */
  private accept(
    text: string,
    tokens: Token[],
    i: number,
    j: number,
    article: number | null,
    entries: Indexed[],
    options: FindOptions,
    all: boolean,
  ): { start: number; candidates: Candidate[] } | null {
    const start = (tokens[i] as Token).start;
    const end = (tokens[j] as Token).end;
    // "PMFs" is read as "PMF".
    const spanFolded = foldName(text.slice(start, (tokens[j] as Token).plural ? end - 1 : end));
    const withArticle = article === null ? null : foldName(text.slice(article, end));
    const spanLoose = loose(spanFolded);
    const upper = tokens.slice(i, j + 1).every((t) => t.upper);
    const capitalized = (tokens[i] as Token).cap && (tokens[j] as Token).cap;
    const out: Candidate[] = [];
    let from = start;
    for (const e of entries) {
      if (e.sourceIds.length > 0 && !(options.sourceId && e.sourceIds.includes(options.sourceId))) continue;
      // The exact mode is the names as written: none made by a rule or learned from the document.
      if (!all && (e.generated || e.origin === "learned")) continue;
      let rule: MatchRule | null = null;
      if (e.abbreviation) {
        // "US", "PMF": in capitals only ("it wasn't us" is not the US), and as written.
        if (upper && spanFolded === e.folded) rule = "exact";
      } else if (spanFolded === e.folded) rule = "exact";
      else if (withArticle !== null && withArticle === e.folded) {
        rule = "exact";
        from = article as number;
      } else if (all && spanLoose === e.loose) rule = "spelling";
      else if (
        all &&
        (capitalized || lowerHeadAsWritten(tokens, i, j, text, e.folded)) &&
        (e.words > 1 || (e.keyConsonants >= 3 && e.folded.length >= 4))
      )
        rule = "transliteration";
      if (!rule) continue;
      if (e.generated === "paraphrase" && rule !== "exact" && rule !== "spelling") continue;
      if (qualifiesNext(tokens, j, e.generated)) continue;
      if (e.capitalized && !(tokens[i] as Token).cap) continue;
      // (A title may go before a surname, "Prime Minister Kadhimi", not before a body: "National Congress".)
      if (e.standalone && !standsAlone(tokens, i, j, e.generated !== "stateless")) continue;
      if (e.metonym && !this.metonymFits(text, tokens, i, j)) continue;
      // A name learned from the document keeps its rule; spelled otherwise, it is a little less sure.
      const reported = e.learned ?? (e.generated === "paraphrase" ? "paraphrase" : e.generated ? "short-form" : rule);
      const confidence =
        confidenceOf(reported, e, e.words) - ((e.learned || e.generated) && rule === "transliteration" ? 0.05 : 0);
      out.push({ actorId: e.actorId, name: e.name, origin: e.origin, rule: reported, confidence: round(confidence) });
    }
    const candidates = best(out);
    return candidates.length > 0 ? { start: from, candidates } : null;
  }

  /** "Washington said" is the government; "in Washington" and "Washington Post" are not. */
  private metonymFits(text: string, tokens: Token[], i: number, j: number): boolean {
    const start = (tokens[i] as Token).start;
    if ((tokens[i] as Token).upper) return false; // "BAGHDAD —": a dateline
    // "in retaliation to Washington’s support": a possessive is the government's, whatever comes before it.
    if (!(tokens[j] as Token).possessive && PLACE_BEFORE.test(text.slice(Math.max(0, start - 12), start))) return false;
    const next = tokens[j + 1];
    return !(next?.cap && (next.gap === "space" || next.gap === "hyphen") && !(tokens[j] as Token).possessive);
  }

  /** A run of words in Arabic script whose consonants are a known name's. */
  private arabicAt(tokens: Token[], i: number, options: FindOptions): { match: NameMatch; next: number } | null {
    let joined = "";
    let found: { last: number; entries: Indexed[] } | null = null;
    for (let j = i; j < tokens.length && j < i + 6; j++) {
      const t = tokens[j] as Token;
      if (!t.arabic || (j > i && t.gap !== "space")) break;
      joined += t.key;
      const entries = this.byConsonants.get(joined);
      if (entries) found = { last: j, entries };
    }
    if (!found) return null;
    const candidates = best(
      found.entries
        .filter((e) => e.sourceIds.length === 0 || (options.sourceId && e.sourceIds.includes(options.sourceId)))
        .map((e) => ({
          actorId: e.actorId,
          name: e.name,
          origin: e.origin,
          rule: "arabic-script" as const,
          confidence: confidenceOf("arabic-script", e, e.words),
        })),
    );
    if (candidates.length === 0) return null;
    return {
      match: { start: (tokens[i] as Token).start, end: (tokens[found.last] as Token).end, candidates },
      next: found.last + 1,
    };
  }

  /**
   * Known names a name of two or more words misspells: the same words but one, in which two
   * letters are swapped ("Qais al-Khalazi" for Qais al-Khazali) or, in a word of four consonants or
   * more, one letter differs. No rule of transliteration makes these; they are typing slips, so
   * they are offered to the reviewer, never linked: a candidate actor that is one is not new.
   */
  nearMisses(name: string): Candidate[] {
    const keys = nameKeys(name);
    if (keys.length < 2 || keys.some((k) => k === "")) return [];
    const out: Candidate[] = [];
    const walk = (n: Node, i: number, slipped: boolean) => {
      if (i === keys.length) {
        if (!slipped) return;
        for (const e of n.entries)
          if (!e.generated && e.origin !== "learned" && e.sourceIds.length === 0 && e.words === keys.length)
            out.push({ actorId: e.actorId, name: e.name, origin: e.origin, rule: "transliteration", confidence: 0.6 });
        return;
      }
      const k = keys[i] as string;
      const same = n.next.get(k);
      if (same) walk(same, i + 1, slipped);
      if (slipped || i === 0) return;
      for (const [other, child] of n.next) if (other !== k && slip(k, other)) walk(child, i + 1, true);
    };
    walk(this.root, 0, false);
    return out.filter((c, i) => out.findIndex((o) => o.actorId === c.actorId) === i);
  }

  /**
   * Who a name on its own (a candidate actor's name, a search query, an imported record's name)
   * means: the actors whose name or alias it matches whole, best first.
   */
  resolve(name: string, options: FindOptions = {}): Candidate[] {
    const trimmed = name.trim();
    if (!trimmed) return [];
    const matches = this.find(trimmed, options);
    const whole = matches.find((m) => {
      const before = trimmed.slice(0, m.start).trim();
      const after = trimmed.slice(m.end).trim();
      return (before === "" || /^(the|al|el)$/i.test(before)) && (after === "" || /^['’]s$/.test(after));
    });
    return whole?.candidates ?? [];
  }
}

/** Two word keys one typing slip apart: two letters swapped, or (four consonants or more) one letter changed. */
function slip(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  const diff: number[] = [];
  for (let i = 0; i < a.length && diff.length <= 2; i++) if (a[i] !== b[i]) diff.push(i);
  if (diff.length === 2) {
    const [x, y] = diff as [number, number];
    return a[x] === b[y] && a[y] === b[x];
  }
  return diff.length === 1 && a.replace(/V/g, "").length >= 4;
}

/**
 * "the Fatih alliance" for "Fatah Alliance": a name spelled otherwise whose last word, written in
 * lower case, is the name's own last word (a common noun the text does not capitalize).
 */
function lowerHeadAsWritten(tokens: Token[], i: number, j: number, text: string, folded: string): boolean {
  const first = tokens[i] as Token;
  const last = tokens[j] as Token;
  return j > i && first.cap && foldName(text.slice(last.start, last.end)) === folded.split(" ").at(-1);
}

/** Is tokens[i..j] a name on its own: no capitalized word joined before it (but a title or an article) or after it? */
function standsAlone(tokens: Token[], i: number, j: number, afterTitle: boolean): boolean {
  let p = i - 1;
  if (p >= 0 && isArticle(tokens, p)) p--;
  const prev = tokens[p];
  const first = tokens[i] as Token;
  const joinedBefore =
    first.gap === "space" || first.gap === "hyphen" || (p < i - 1 && (tokens[i - 1] as Token).gap !== "other");
  // ("The Senate": a sentence's capitalized article is no name.)
  if (
    prev?.cap &&
    joinedBefore &&
    prev.folded !== "the" &&
    !(afterTitle && TITLE_WORDS.has(prev.folded.replace(/\./g, "")))
  )
    return false;
  // "Hisham al-Hashemi": an article joined to a capitalized word continues the name.
  let n = j + 1;
  if (n < tokens.length && isArticle(tokens, n)) n++;
  const next = tokens[n];
  const last = tokens[j] as Token;
  return !(next?.cap && !last.possessive && (next.gap === "space" || next.gap === "hyphen"));
}

/** Words that may follow a body's name without making it a modifier: "the U.S. military said", "… is", "… on Friday". */
const AFTER_A_BODY = new Set(
  "said says told announced stated added claimed confirmed denied is was are were has have had will would could can may might did does do and or but in on at of for to from with by as after before since during near into against which who that".split(
    " ",
  ),
);

/** Nouns a body's adjective qualifies: "a U.S. military base", "Iraqi military officials". */
const QUALIFIED = new Set(
  "base bases camp camps mission missions installation installations facility facilities site sites center centre communications convoy convoys vehicle vehicles aircraft equipment adviser advisers advisor advisors trainer trainers presence official officials spokesman spokesperson leaders commanders operation operations source sources court courts academy hospital team teams delegation plane planes helicopter helicopters cooperation aid assistance".split(
    " ",
  ),
);

/**
 * A name made by a rule whose last word qualifies the next one, so it names no body: "Iraqi
 * military bases", "a U.S. military mission" (a paraphrase headed "military": before the nouns
 * such a word qualifies), "a Rapid Response team" (a body's name without its head noun: before any
 * word in lower case). Not before a verb or a preposition: "the U.S. military said", "… conducted".
 */
function qualifiesNext(tokens: Token[], j: number, generated: NameEntry["generated"]): boolean {
  const last = tokens[j] as Token;
  const next = tokens[j + 1];
  if (next === undefined || next.gap !== "space" || next.cap || !/^\p{L}/u.test(next.folded)) return false;
  if (generated === "headless") return !AFTER_A_BODY.has(next.folded) && !/(?:ed|ly)$/.test(next.folded);
  return generated === "paraphrase" && last.folded === "military" && QUALIFIED.has(next.folded);
}

/** Keeps the best-graded candidates, one per actor; the most confident first. */
function best(candidates: Candidate[]): Candidate[] {
  if (candidates.length === 0) return candidates;
  const top = Math.min(...candidates.map((c) => RULE_RANK[c.rule]));
  const perActor = new Map<string, Candidate>();
  for (const c of candidates) {
    if (RULE_RANK[c.rule] !== top) continue;
    const prev = perActor.get(c.actorId);
    if (!prev || c.confidence > prev.confidence || (c.confidence === prev.confidence && c.origin === "name"))
      perActor.set(c.actorId, c);
  }
  return [...perActor.values()].sort((a, b) => b.confidence - a.confidence || a.actorId.localeCompare(b.actorId));
}

/** Is the match linked to one actor (not ambiguous)? */
export const linked = (m: NameMatch): Candidate | null =>
  m.candidates.length === 1 ? (m.candidates[0] as Candidate) : null;

/**
 * Given names that Arabic and Persian names also end in ("Saddam Hussein", "Abdul Hadi"): alone,
 * such a word is as likely someone's first name, so it is no surname that stands alone.
 */
const GIVEN_NAMES = new Set(
  "hussein husain hussain hassan hasan ali mohammed muhammad mohammad ahmed ahmad mahmoud mahmud abbas hadi mahdi jafar jaafar karim kareem haider haidar hamid hamed salim saleh salih khalil ibrahim ismail yusuf youssef omar umar othman uthman abdullah abdallah mustafa mostafa qasim qassem kazem kadhim jawad majid reza hashem hashim nasser nasir fadhil fadel".split(
    " ",
  ),
);

/** Kinds whose names end in a surname that may stand alone ("Kadhimi", "Sistani"). */
const PERSON_KINDS = new Set(["person", "religious_authority"]);

/**
 * A body's name of three words or more without its head noun, "Popular Mobilization" for the
 * Popular Mobilization Forces (or Units): null for other names, for a name a state's adjective
 * opens ("Iraqi Security Forces"), and for heads that follow a person's name ("Imam Ali Brigades").
 */
function headless(name: string): string | null {
  const words = name.split(/\s+/);
  if (words.length < 3 || !/^(?:Forces|Units)$/.test(words.at(-1) ?? "")) return null;
  if (stateOpening(name)?.adjective) return null;
  return words.slice(0, -1).join(" ");
}

/** What a state's name opens and names no body alone: "the Army", "the Government" may be any state's. */
const STATE_GENERIC =
  /^(?:Army|Navy|Air Force|Military|Government|Cabinet|Forces|Armed Forces|Security Forces|Special Forces|Ground Forces|Land Forces|Naval Forces|Marines|Marine Corps|Special Operations Forces|Air Defen[cs]e|Border Guards?|Republican Guard|Police|Federal Police|Embassy|Ministry|Parliament|National Guard|Coast Guard|Troops|Intelligence|Presidency|President|Prime Minister|Courts?|Judiciary|People|Kurds|Shiites|Sunnis)$/;

/**
 * A body's name without the state that opens it, "Congress" for the United States Congress, "Central
 * Command" for US Central Command: null for a person's name, for a rest in lower case or of one
 * letter group ("US Forces"), and for a rest any state's body could have ("Iraqi Army" → "Army").
 */
function stateless(name: string): string | null {
  const opening = stateOpening(name);
  if (!opening || (opening.state === opening.words && !/^(?:United States|US|U\.S\.)$/.test(opening.words)))
    return null;
  const rest = name
    .slice(name.indexOf(opening.words) + opening.words.length)
    .replace(/^['’]s/, "")
    .trim();
  if (!/^\p{Lu}\p{Ll}+(?:\s+(?:of\s+(?:the\s+)?)?\p{Lu}\p{Ll}+)*$/u.test(rest) || STATE_GENERIC.test(rest)) return null;
  return rest;
}

/**
 * The resolver's name index for an atlas's actors: names, aliases (with their scope), outside
 * aliases, and a person's surname alone ("Prime Minister Kadhimi") when it is distinctive.
 */
export function actorNameEntries(
  actors: {
    id: string;
    name: string;
    kind?: string;
    aliases: { name: string; kind?: AliasKind; sourceIds: string[]; outside?: AliasAttestation | null }[];
  }[],
  { outside = true }: { outside?: boolean } = {},
): NameEntry[] {
  const out: NameEntry[] = [];
  for (const a of actors) {
    out.push({ actorId: a.id, name: a.name, origin: "name", sourceIds: [] });
    const names = [a.name];
    for (const alias of a.aliases) {
      if (alias.outside && !outside) continue;
      out.push({
        actorId: a.id,
        name: alias.name,
        origin: alias.outside ? "outside" : "alias",
        ...(alias.kind ? { kind: alias.kind } : {}),
        // Attested outside the documents: anywhere, even when a document uses it in its own sense.
        sourceIds: alias.outside ? [] : alias.sourceIds,
        ...(alias.kind === "metonym" ? { metonym: true } : {}),
      });
      if (alias.sourceIds.length === 0 || alias.outside) names.push(alias.name);
    }
    const shorter = [
      ["headless", headless],
      ["stateless", stateless],
    ] as const;
    for (const [generated, made] of a.kind && !PERSON_KINDS.has(a.kind) ? shorter : []) {
      for (const n of new Set(names.map(made))) {
        if (!n || names.some((x) => x.toLowerCase() === n.toLowerCase())) continue;
        // ("Congress" alone, not in the Iraqi National Congress: a body's name said short stands alone.)
        out.push({
          actorId: a.id,
          name: n,
          origin: "alias",
          sourceIds: [],
          generated,
          capitalized: true,
          ...(generated === "stateless" ? { standalone: true } : {}),
        });
      }
    }
    if (a.kind && PERSON_KINDS.has(a.kind)) {
      const surnames = new Set<string>();
      for (const n of names) {
        const words = n.split(/\s+/);
        const last = (words.at(-1) ?? "").replace(/^(al|el|as|ash|ad|an|ar|at|az)-/i, "");
        if (words.length < 2 || last.length < 4 || !/^\p{Lu}/u.test(last)) continue;
        if (nameKeys(last).reduce((c, k) => c + consonantCount(k), 0) < 3) continue;
        if (names.some((x) => x.toLowerCase() === last.toLowerCase())) continue;
        if (GIVEN_NAMES.has(foldName(last))) continue;
        surnames.add(last);
      }
      for (const s of surnames)
        out.push({
          actorId: a.id,
          name: s,
          origin: "alias",
          sourceIds: [],
          generated: "surname",
          standalone: true,
          capitalized: true,
        });
    }
  }
  return out;
}
