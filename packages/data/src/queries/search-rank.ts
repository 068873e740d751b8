/**
 * Ranking for actors, events and claims. A result need not contain every word: it ranks by how
 * many of the query's terms it matches (all, then most; at least half), then by where each term
 * matched (a title before a summary before a quote), then by whether the word itself matched or
 * only a synonym. Each hit says why it matched: which word, in which field, through which
 * synonym or spelling, and which words it lacks. Names are also matched across misspellings and
 * transliterations (nameKeyConditions, trigram similarity), as the directory matches them.
 */
import { type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "../db/client.js";
import { actors, aliases, claims, events, evidence, sources } from "../db/schema/index.js";
import { closestWords } from "../names/search-keys.js";
import { foldName } from "../text/fold.js";
import { nameKeyConditions } from "./actors.js";
import { rows as rowsOf } from "./run.js";
import { anyTermQuery, type RankedQuery, type Term, termQuery, termQueryBoth } from "./search-terms.js";

export const MATCH_FIELDS = ["name", "alias", "description", "title", "summary", "statement", "quote", "text"] as const;
export type MatchField = (typeof MATCH_FIELDS)[number];
export const MATCH_WAYS = ["word", "synonym", "spelling", "transliteration", "initials"] as const;
export type MatchWay = (typeof MATCH_WAYS)[number];

export interface MatchReason {
  /** The query's word or phrase. */
  term: string;
  field: MatchField;
  how: MatchWay;
  /** What it matched when that is not the term itself: the synonym, or the name's spelling. */
  found: string | null;
}

export interface Why {
  reasons: MatchReason[];
  missing: string[];
  summary: string;
}

export interface RankedRow {
  id: string;
  title: string;
  detail: string | null;
  score: number;
  headline: string | null;
  matched: string | null;
  context: string | null;
  why: Why;
}

// Below this word similarity a name is too far from the query to count as a misspelling.
const FUZZY = 0.45;
// A transliteration (same consonants, "Kataeb Hizballah") ranks with a close misspelling.
const KEY_SCORE = 0.75;
// A term found only through a synonym counts for less than the word itself.
const SYNONYM_DISCOUNT = 0.8;

/** Where a term can match, by the weight label of the search vector, with its points. */
interface FieldWeight {
  label: "a" | "b" | "c";
  field: MatchField;
  points: number;
}
const TOP = 3;
const EVENT_FIELDS: FieldWeight[] = [
  { label: "a", field: "title", points: TOP },
  { label: "b", field: "summary", points: 2 },
  { label: "c", field: "quote", points: 1 },
];
const CLAIM_FIELDS: FieldWeight[] = [
  { label: "a", field: "statement", points: TOP },
  { label: "b", field: "quote", points: 1 },
];
const ACTOR_FIELDS: FieldWeight[] = [
  { label: "a", field: "name", points: TOP },
  { label: "c", field: "description", points: 1 },
];

/** A result must match at least this many terms: all of one or two, most of more. */
export const minimumTerms = (terms: Term[]) => Math.max(1, Math.ceil(terms.length / 2));

const tsq = (text: string) => sql`${text}::tsquery`;

/**
 * Per term, the best field it matched in (null: not matched) and which alternative matched; the
 * term's weight, rarer words weighing more (inverse document frequency over `from`); and the
 * points a row earns: field points × weight, less for a synonym.
 */
function termColumns(v: SQL, from: SQL, terms: Term[], fields: FieldWeight[], both: boolean) {
  const queryOf = both ? termQueryBoth : termQuery;
  // Unmatched is '' and -1, not null: postgres.js reads a null inside an array as the string "NULL".
  const fieldOf = (t: Term) =>
    sql`case ${sql.join(
      fields.map((f) => sql`when ts_filter(${v}, ${`{${f.label}}`}::"char"[]) @@ ${tsq(queryOf(t))} then ${f.field}`),
      sql` `,
    )} else '' end`;
  const altOf = (t: Term) =>
    sql`case ${sql.join(
      t.alternatives.map((a, j) => {
        const q = both ? [a.lexemes.english, a.lexemes.simple].filter(Boolean).join(" | ") : a.lexemes.english;
        return sql`when ${v} @@ ${tsq(q)} then ${j}`;
      }),
      sql` `,
    )} else -1 end`;
  const list = (parts: SQL[], type: string) =>
    parts.length ? sql`array[${sql.join(parts, sql`, `)}]::${sql.raw(type)}` : sql`array[]::${sql.raw(type)}`;
  const idf = list(
    terms.map((t) => sql`ln((count(*) + 1)::float8 / (count(*) filter (where ${v} @@ ${tsq(queryOf(t))}) + 1)) + 1`),
    "float8[]",
  );
  const points = sql`(select coalesce(sum(case f.field ${sql.join(
    fields.map((f) => sql`when ${f.field} then ${f.points}`),
    sql` `,
  )} else 0 end * f.idf * case when f.alt = 0 then 1 else ${SYNONYM_DISCOUNT}::float8 end), 0)
    from unnest(fields, alts, weights.idf) as f(field, alt, idf))`;
  return {
    fields: list(terms.map(fieldOf), "text[]"),
    alts: list(terms.map(altOf), "int[]"),
    /** A one-row relation `weights` with the terms' weights, to join as `weights`. */
    // (With no terms, no aggregate makes it one row: a row per record would repeat every hit.)
    weights: terms.length
      ? sql`(select ${idf} as idf from ${from}) as weights`
      : sql`(select ${idf} as idf) as weights`,
    /** Over the computed `fields` and `alts` columns. */
    covered: sql`(select count(*) from unnest(fields) f where f <> '')`,
    points,
    /** The most points a row can earn: every term in the top field. */
    maxPoints: sql`(select sum(w) * ${TOP} from unnest(weights.idf) w)`,
  };
}

/** Required phrases present, excluded words absent. */
function constraints(v: SQL, query: RankedQuery, both: boolean): SQL {
  const required = query.terms.filter((t) => t.required);
  const parts = [
    ...required.map((t) => sql`${v} @@ ${tsq(both ? termQueryBoth(t) : termQuery(t))}`),
    ...(query.excluded.length
      ? [
          sql`not (${v} @@ ${tsq(query.excluded.map((l) => `(${both ? `${l.english} | ${l.simple}` : l.english})`).join(" | "))})`,
        ]
      : []),
  ];
  return parts.length ? sql.join(parts, sql` and `) : sql`true`;
}

interface TermRow {
  /** Per term: the field it matched in, or "" when it did not match. */
  fields: (MatchField | "")[];
  /** Per term: the alternative that matched, or -1. */
  alts: number[];
}

const quoted = (s: string) => `“${s}”`;

/** The reasons a row matched its terms, and the terms it lacks. */
function termReasons(terms: Term[], row: TermRow): { reasons: MatchReason[]; missing: string[] } {
  const reasons: MatchReason[] = [];
  const missing: string[] = [];
  terms.forEach((term, i) => {
    const field = row.fields[i];
    const alt = row.alts[i] ?? -1;
    if (!field || alt < 0) {
      missing.push(term.text);
      return;
    }
    const via = alt > 0 ? (term.alternatives[alt]?.text ?? null) : null;
    reasons.push({ term: term.text, field, how: via ? "synonym" : "word", found: via });
  });
  return { reasons, missing };
}

const FIELD_WORDS: Record<MatchField, string> = {
  name: "the name",
  alias: "another name",
  description: "the description",
  title: "the title",
  summary: "the summary",
  statement: "the statement",
  quote: "the quoted words",
  text: "the document's text",
};

/** "All 3 words: rocket (as “Katyusha”) and embassy in the title; attack in the summary. Not found: US." */
export function describeWhy(reasons: MatchReason[], missing: string[], total: number): string {
  const named = reasons.filter((r) => r.how === "spelling" || r.how === "transliteration" || r.how === "initials");
  const parts: string[] = [];
  for (const r of named) {
    const as =
      r.how === "spelling"
        ? `a close spelling of ${quoted(r.term)}`
        : r.how === "transliteration"
          ? `the same name as ${quoted(r.term)}, transliterated differently`
          : `the initials ${quoted(r.term)}`;
    parts.push(`matched ${r.found ?? r.term} (${as})`);
  }
  const byField = new Map<string, string[]>();
  for (const r of reasons) {
    if (named.includes(r)) continue;
    const word = r.found && r.field !== "alias" ? `${r.term} (as ${quoted(r.found)})` : r.term;
    const field = r.field === "alias" && r.found ? `another name, ${quoted(r.found)}` : FIELD_WORDS[r.field];
    byField.set(field, [...(byField.get(field) ?? []), word]);
  }
  const fieldText = [...byField].map(([field, words]) => `${words.join(", ")} in ${field}`).join("; ");
  if (fieldText) {
    const count = reasons.length - named.length;
    const lead = total <= 1 ? "" : count === total ? `All ${total} words: ` : `${count} of ${total} words: `;
    parts.push(`${lead}${fieldText}`);
  }
  let text = parts.join("; ");
  if (text) text = text[0]?.toUpperCase() + text.slice(1);
  return missing.length ? `${text}. Not found: ${missing.join(", ")}.` : `${text}.`;
}

const HEADLINE_START = "\u0001";
const HEADLINE_STOP = "\u0002";
export const HEADLINE = `StartSel=${HEADLINE_START}, StopSel=${HEADLINE_STOP}, MaxWords=28, MinWords=10, MaxFragments=2, FragmentDelimiter=" … "`;
export { HEADLINE_START, HEADLINE_STOP };

const a = alias(actors, "a");
const al = alias(aliases, "al");
const e = alias(events, "e");
const c = alias(claims, "c");
const ev = alias(evidence, "ev");
const s = alias(sources, "s");

/** Events ranked by the terms they match in title, summary and quotes. */
export async function rankEvents(db: Db, query: RankedQuery, limit: number): Promise<RankedRow[]> {
  const { terms } = query;
  if (terms.length === 0) return [];
  const v = sql`${e.search}`;
  const cols = termColumns(v, sql`${events} ${e}`, terms, EVENT_FIELDS, false);
  const any = tsq(anyTermQuery(terms));
  // cand, top and their columns are this query's own names; tables and columns are the schema's.
  const rows = await rowsOf(
    db,
    sql<Omit<RankedRow, "why" | "matched"> & TermRow>`with cand as (
          select ${e.id} as id, ${e.title} as title, ${e.kind} as kind, ${e.summary} as summary, ${e.quotesText} as quotes_text,
            ${e.timeEdtf} as time_edtf, ts_rank(${e.search}, ${any}) as r,
            ${cols.fields} as fields, ${cols.alts} as alts
          from ${events} ${e} where ${e.search} @@ ${any} and ${constraints(v, query, false)}),
        top as (
          select c.*, ${cols.covered} as covered, ${cols.points} as points,
            (select count(distinct ${ev.sourceId}) from ${evidence} ${ev} where ${ev.subjectType} = 'event' and ${ev.subjectId} = c.id) as sources
          from cand c, ${cols.weights}
          where ${cols.covered} >= ${minimumTerms(terms)}
          order by covered desc, points desc, sources desc, r desc, id limit ${limit})
        select t.id, t.title, t.kind as detail, t.time_edtf as context, t.fields, t.alts,
          (t.covered * 100 + t.points + t.r)::float8 as score,
          ts_headline('english',
            case when 'quote' = any(t.fields) and not ('summary' = any(t.fields)) then t.quotes_text else t.summary end,
            ${any}, ${HEADLINE}) as headline
        from top t order by t.covered desc, t.points desc, t.sources desc, t.r desc, t.id`,
  );
  return rows.map((r) => withWhy(r, terms, null));
}

/** Claims ranked by the terms they match in the statement and the claimant's words. */
export async function rankClaims(db: Db, query: RankedQuery, limit: number): Promise<RankedRow[]> {
  const { terms } = query;
  if (terms.length === 0) return [];
  const v = sql`${c.search}`;
  const cols = termColumns(v, sql`${claims} ${c}`, terms, CLAIM_FIELDS, false);
  const any = tsq(anyTermQuery(terms));
  // cand, top and their columns are this query's own names; tables and columns are the schema's.
  const rows = await rowsOf(
    db,
    sql<Omit<RankedRow, "why" | "matched"> & TermRow>`with cand as (
          select ${c.id} as id, ${c.statement} as statement, ${c.stance} as stance, ${c.quotesText} as quotes_text,
            ${c.claimantId} as claimant_id, ts_rank(${c.search}, ${any}) as r,
            ${cols.fields} as fields, ${cols.alts} as alts
          from ${claims} ${c} where ${c.search} @@ ${any} and ${constraints(v, query, false)}),
        top as (
          select c.*, ${cols.covered} as covered, ${cols.points} as points from cand c, ${cols.weights}
          where ${cols.covered} >= ${minimumTerms(terms)}
          order by covered desc, points desc, r desc, id limit ${limit})
        select t.id, t.statement as title, ${a.name} || ' ' || t.stance as detail, t.fields, t.alts,
          (t.covered * 100 + t.points + t.r)::float8 as score,
          (select ${s.title} from ${evidence} ${ev} join ${sources} ${s} on ${s.id} = ${ev.sourceId}
           where ${ev.subjectType} = 'claim' and ${ev.subjectId} = t.id order by ${ev.start} limit 1) as context,
          ts_headline('english', t.quotes_text, ${any}, ${HEADLINE}) as headline
        from top t join ${actors} ${a} on ${a.id} = t.claimant_id
        order by t.covered desc, t.points desc, t.r desc, t.id`,
  );
  return rows.map((r) => withWhy(r, terms, null));
}

function withWhy(row: Omit<RankedRow, "why" | "matched"> & TermRow, terms: Term[], matched: string | null): RankedRow {
  const { fields, alts, ...rest } = row;
  const { reasons, missing } = termReasons(terms, { fields, alts });
  const named = reasons.map((r) =>
    r.how === "word" && (r.field === "title" || r.field === "statement") ? spelledAs(r, [row.title]) : r,
  );
  return { ...rest, matched, why: { reasons: named, missing, summary: describeWhy(named, missing, terms.length) } };
}

/** True when the text has the term as typed, or with an ending (rocket → rockets, kill → killed). */
function hasWord(text: string, term: string): boolean {
  const t = foldName(term);
  if (t.includes(" ")) return foldName(text).includes(t);
  return foldName(text)
    .split(/[^\p{L}\p{N}.']+/u)
    .some((w) => w === t || (Math.min(w.length, t.length) >= 3 && (w.startsWith(t) || t.startsWith(w))));
}

/** A word matched by its stem may be spelled differently in the text: "Khazaly" finds "Khazali". */
function spelledAs(reason: MatchReason, texts: string[]): MatchReason {
  if (texts.some((t) => hasWord(t, reason.term))) return reason;
  const best = texts.map((t) => closestWords(t, reason.term)).find((w) => w !== null);
  return best ? { ...reason, found: best } : reason;
}

interface ActorRow extends TermRow {
  id: string;
  title: string;
  detail: string;
  score: number;
  headline: string | null;
  termScore: number;
  covered: number;
  nameSim: number;
  aliasSim: number;
  byInitials: boolean;
  byKey: boolean;
  /** The other name that found the actor, when its own name did not. */
  matched: string | null;
  /** The name (own or other) closest in spelling to the query. */
  closest: string;
  aliases: string[];
}

/**
 * Actors: every term matched in a name scores 1, in the description a third; a close spelling
 * scores its similarity, a transliteration KEY_SCORE, initials 1. The best of these ranks.
 */
export async function rankActors(db: Db, query: RankedQuery, q: string, limit: number): Promise<RankedRow[]> {
  const { terms } = query;
  const folded = foldName(q);
  const onActor = nameKeyConditions(q, a);
  const onAlias = nameKeyConditions(q, al);
  const v = sql`${a.search}`;
  const cols = termColumns(v, sql`${actors} ${a}`, terms, ACTOR_FIELDS, true);
  const any = terms.length ? tsq(anyTermQuery(terms, true)) : null;
  const termMatch = any ? sql`(${a.search} @@ ${any} and ${constraints(v, query, true)})` : sql`false`;
  const aliasSim = sql`strict_word_similarity(${folded}, ${al.nameFolded})`;
  const ofActor = sql`from ${aliases} ${al} where ${al.actorId} = ${a.id}`;
  // cand, scored, top and their columns are this query's own names; tables and columns are the schema's.
  const rows = await rowsOf(
    db,
    sql<ActorRow>`with cand as materialized (
          select ${a.id} as id, ${a.name} as name, ${a.kind} as kind, ${a.description} as description, ${a.nameFolded} as name_folded,
            ${any ? sql`ts_rank(${a.search}, ${any})` : sql`0`} as r,
            ${cols.fields} as fields, ${cols.alts} as alts,
            strict_word_similarity(${folded}, ${a.nameFolded}) as name_sim,
            coalesce((select max(${aliasSim}) ${ofActor}), 0) as alias_sim,
            (${onActor.initials} or exists (select 1 ${ofActor} and ${onAlias.initials})) as by_initials,
            (${onActor.key} or exists (select 1 ${ofActor} and ${onAlias.key})) as by_key,
            ${termMatch} as term_match
          from ${actors} ${a}
          where ${termMatch}
             or strict_word_similarity(${folded}, ${a.nameFolded}) >= ${FUZZY} or ${onActor.either}
             or exists (select 1 ${ofActor}
                        and (${aliasSim} >= ${FUZZY} or ${onAlias.either}))),
        scored as (
          select c.*, ${cols.covered} as covered,
            case when c.term_match and ${cols.covered} >= ${minimumTerms(terms)}
              then ${cols.points} / greatest(${cols.maxPoints}, 1e-9) else 0 end as term_score
          from cand c, ${cols.weights}),
        top as (
          select s.*, greatest(s.term_score, s.name_sim, s.alias_sim,
              case when s.by_initials then 1.0 when s.by_key then ${KEY_SCORE}::float8 else 0 end) as score
          -- Equal scores: the closer spelling (an exact "KH" before initials that happen to be KH),
          -- then an actor's own name before another of its names, then text rank.
          from scored s order by score desc, greatest(s.name_sim, s.alias_sim) desc, (s.name_sim >= s.alias_sim) desc, s.r desc, s.name limit ${limit})
        select t.id, t.name as title, t.kind as detail, t.score::float8 as score, t.fields, t.alts,
          t.term_score as "termScore", t.covered, t.name_sim as "nameSim", t.alias_sim as "aliasSim",
          t.by_initials as "byInitials", t.by_key as "byKey",
          -- Worked out for the top rows only. The other name that found the actor, when its own name
          -- did not: by spelling, key or words; and the name (own or other) closest to the query.
          (select ${al.name} ${ofActor}
             and ((${aliasSim} >= ${FUZZY} and ${aliasSim} > t.name_sim)
                  or (${onAlias.either} and not ${onActor.either} and t.name_sim < ${FUZZY})
                  ${
                    any
                      ? sql`or ((to_tsvector('simple', ${al.name}) @@ ${any} or to_tsvector('english', ${al.name}) @@ ${any})
                                  and not (to_tsvector('simple', ${a.name}) @@ ${any} or to_tsvector('english', ${a.name}) @@ ${any}))`
                      : sql``
                  })
           order by ${aliasSim} desc, ${al.name} limit 1) as matched,
          case when t.alias_sim > t.name_sim
            then (select ${al.name} ${ofActor} order by ${aliasSim} desc, ${al.name} limit 1) else t.name end as closest,
          array(select ${al.name} from ${aliases} ${al} where ${al.actorId} = t.id order by ${al.name}) as aliases,
          ${any ? sql`ts_headline('english', t.description, ${any}, ${HEADLINE})` : sql`null`} as headline
        from top t join ${actors} ${a} on ${a.id} = t.id
        order by t.score desc, greatest(t.name_sim, t.alias_sim) desc, (t.name_sim >= t.alias_sim) desc, t.r desc, t.name`,
  );
  return rows.map((r) => actorHit(r, terms, q));
}

/**
 * A word found in a name: in the actor's own name, in another of its names (which one), or — when
 * no name has it as typed, only its stem ("Khazaly" → Khazali) — as a close spelling of a name's word.
 */
function inWhichName(reason: MatchReason, r: Pick<ActorRow, "title" | "aliases" | "matched">): MatchReason {
  if (reason.field !== "name") return reason;
  if (reason.how === "synonym") return r.matched ? { ...reason, field: "alias" } : reason;
  if (!r.matched && hasWord(r.title, reason.term)) return reason;
  const alias = [r.matched, ...r.aliases].find((n) => n && hasWord(n, reason.term));
  if (alias) return { ...reason, field: "alias", found: alias };
  const own = spelledAs(reason, [r.title]);
  if (own.found) return { ...own, how: "spelling", field: "name" };
  const other = spelledAs(reason, r.aliases);
  return { ...other, how: other.found ? "spelling" : reason.how, field: "alias" };
}

/** Why an actor matched: the strongest of initials, spelling, transliteration and words, as ranked. */
function actorHit(r: ActorRow, terms: Term[], q: string): RankedRow {
  const words = termReasons(terms, r);
  const nameReasons: MatchReason[] = [];
  const fuzzy = Math.max(r.nameSim, r.aliasSim);
  if (r.byInitials) {
    nameReasons.push({ term: q, field: r.matched ? "alias" : "name", how: "initials", found: r.matched ?? r.title });
  } else if (fuzzy >= FUZZY && fuzzy > r.termScore && fuzzy < 1) {
    nameReasons.push({
      term: q,
      field: r.aliasSim > r.nameSim ? "alias" : "name",
      how: "spelling",
      found: closestWords(r.closest, q) ?? r.closest,
    });
  } else if (r.byKey && r.termScore < KEY_SCORE && fuzzy < KEY_SCORE) {
    nameReasons.push({
      term: q,
      field: r.matched ? "alias" : "name",
      how: "transliteration",
      found: closestWords(r.matched ?? r.title, q) ?? r.matched ?? r.title,
    });
  }
  const reasons = nameReasons.length ? nameReasons : words.reasons.map((x) => inWhichName(x, r));
  const missing = nameReasons.length ? [] : words.missing;
  const total = nameReasons.length ? 1 : terms.length;
  return {
    id: r.id,
    title: r.title,
    detail: r.detail,
    score: Number(r.score),
    headline: r.headline,
    matched: r.matched,
    context: null,
    why: { reasons, missing, summary: describeWhy(reasons, missing, total) },
  };
}
