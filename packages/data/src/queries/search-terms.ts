/**
 * A search query as ranking needs it: the terms a result may match (each word, or a quoted
 * phrase, with its domain synonyms), the phrases it must match, and the words it must not. The
 * database's English dictionary stems every alternative (rockets → rocket), so words and their
 * synonyms are compared by stem: "founded" is in the group of "found".
 */
import { sql } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { LONGEST_SYNONYM, SYNONYM_GROUPS, synonymsOf } from "../text/synonyms.js";
import { rows as rowsOf } from "./run.js";

/** At most this many terms are ranked; the rest of a very long query is ignored. */
export const MAX_TERMS = 12;

export interface Token {
  text: string;
  /** A "quoted phrase": every result must contain it. */
  required: boolean;
}

export interface ParsedQuery {
  tokens: Token[];
  /** Words after a minus sign: no result may contain them. */
  excluded: string[];
}

const EDGE_PUNCTUATION = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}.]+$|(?<=\p{L}{2})\.+$/gu;

/** Splits a query into quoted phrases, excluded words and words ("or" is implied between words). */
export function tokenize(q: string): ParsedQuery {
  const tokens: Token[] = [];
  const excluded: string[] = [];
  for (const m of q.matchAll(/"([^"]*)"?|(\S+)/g)) {
    if (m[1] !== undefined) {
      const phrase = m[1].trim();
      if (phrase) tokens.push({ text: phrase, required: true });
      continue;
    }
    const raw = m[2] as string;
    const negated = raw.startsWith("-") && raw.length > 1;
    const word = (negated ? raw.slice(1) : raw).replace(EDGE_PUNCTUATION, "");
    if (!word || /^or$/i.test(word)) continue;
    if (negated) excluded.push(word);
    else tokens.push({ text: word, required: false });
  }
  return { tokens, excluded };
}

/** One alternative of a term as the database reads it (tsquery text; "" when only stop words). */
export interface Lexemes {
  english: string;
  simple: string;
}

export interface Term {
  /** As typed: a word, a phrase, or several words that form one synonym ("United States"). */
  text: string;
  required: boolean;
  /** The term itself first, then its synonyms, each with its tsquery; stop-word-only ones dropped. */
  alternatives: { text: string; lexemes: Lexemes }[];
}

export interface RankedQuery {
  terms: Term[];
  excluded: Lexemes[];
}

const orOf = (parts: string[]) => parts.map((p) => `(${p})`).join(" | ");

/** The term's tsquery: any of its alternatives, in the English dictionary's stems. */
export const termQuery = (term: Term) => orOf(term.alternatives.map((a) => a.lexemes.english));
/** The same in both dictionaries: names are indexed unstemmed ("simple"), descriptions stemmed. */
export const termQueryBoth = (term: Term) =>
  orOf(term.alternatives.flatMap((a) => [a.lexemes.english, a.lexemes.simple].filter(Boolean)));
/** Matches a result that contains any term. */
export const anyTermQuery = (terms: Term[], both = false) => orOf(terms.map(both ? termQueryBoth : termQuery));

/**
 * Builds the terms from the tokens, given each string's lexemes. Consecutive words that together
 * are a synonym group's member ("United States", "air strike") become one term; a word is in a
 * group when its stem is a member's stem ("founded" ~ "found").
 */
export function buildTerms(parsed: ParsedQuery, lexemes: Map<string, Lexemes>): RankedQuery {
  const lex = (s: string) => lexemes.get(s) ?? { english: "", simple: "" };
  const byStem = new Map<string, string>();
  for (const member of SYNONYM_GROUPS.flat()) {
    const stem = lex(member).english;
    if (stem && !byStem.has(stem)) byStem.set(stem, member);
  }
  const memberOf = (s: string) => {
    const stem = lex(s).english;
    return stem ? byStem.get(stem) : undefined;
  };
  const terms: Term[] = [];
  const add = (text: string, required: boolean, member: string | undefined) => {
    const texts = [text, ...(member ? [member, ...synonymsOf(member)] : [])];
    const seen = new Set<string>();
    const alternatives = texts.flatMap((t) => {
      const l = lex(t);
      if (!l.english || seen.has(l.english)) return [];
      seen.add(l.english);
      return [{ text: t, lexemes: l }];
    });
    if (alternatives[0]?.text === text && terms.length < MAX_TERMS) terms.push({ text, required, alternatives });
  };
  const { tokens } = parsed;
  for (let i = 0; i < tokens.length; ) {
    const token = tokens[i] as Token;
    let used = 1;
    let member = token.required ? memberOf(token.text) : undefined;
    if (!token.required) {
      for (let n = Math.min(LONGEST_SYNONYM, tokens.length - i); n >= 1; n--) {
        const run = tokens.slice(i, i + n);
        if (run.some((t) => t.required)) continue;
        const text = run.map((t) => t.text).join(" ");
        const found = memberOf(text);
        if (found && (n === 1 || lex(text).english === lex(found).english)) {
          member = found;
          used = n;
          break;
        }
      }
    }
    add(
      tokens
        .slice(i, i + used)
        .map((t) => t.text)
        .join(" "),
      token.required,
      member,
    );
    i += used;
  }
  return { terms, excluded: parsed.excluded.map(lex).filter((l) => l.english) };
}

/** Every string whose lexemes buildTerms may ask for: tokens, runs of tokens, synonym members. */
function stringsToStem(parsed: ParsedQuery): string[] {
  const out = new Set<string>([...SYNONYM_GROUPS.flat(), ...parsed.excluded]);
  const { tokens } = parsed;
  for (let i = 0; i < tokens.length; i++) {
    for (let n = 1; n <= LONGEST_SYNONYM && i + n <= tokens.length; n++) {
      out.add(
        tokens
          .slice(i, i + n)
          .map((t) => t.text)
          .join(" "),
      );
    }
  }
  return [...out];
}

/** Parses the query and asks the database for the lexemes of every string involved (one round trip). */
export async function rankedQuery(db: Db, q: string): Promise<RankedQuery> {
  const parsed = tokenize(q);
  const strings = stringsToStem(parsed);
  // No table: the database parses the query's strings as each text search configuration does.
  const rows = await rowsOf(
    db,
    sql<{
      s: string;
      english: string;
      simple: string;
    }>`select v.s, phraseto_tsquery('english', v.s)::text as english, phraseto_tsquery('simple', v.s)::text as simple
        from (values ${sql.join(
          strings.map((s) => sql`(${s}::text)`),
          sql`, `,
        )}) as v(s)`,
  );
  return buildTerms(parsed, new Map(rows.map((r) => [r.s, { english: r.english, simple: r.simple }])));
}
