/**
 * Global search across actors (names, aliases — fuzzy for misspellings and transliterations —
 * and descriptions), events, claims and source texts. PostgreSQL full-text search (tsvector +
 * GIN, websearch syntax) ranks text; pg_trgm word similarity finds names spelled differently.
 * Snippets come back as parts ({ text, hit }) so no client ever renders document text as HTML.
 */

import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../db/client.js";
import { foldName } from "../text/fold.js";
import { nameKeyConditions } from "./actors.js";
import { cached } from "./cache.js";
import { all } from "./run.js";

export const SEARCH_TYPES = ["actor", "event", "claim", "source"] as const;
export type SearchType = (typeof SEARCH_TYPES)[number];

// Source ranking looks at this many of the most recent matching documents at most.
export const SOURCE_CANDIDATES = 200;
// A phrase is checked against at most this many documents that contain its words.
export const PHRASE_CHECKS = 1000;

export const SearchInput = z.object({
  q: z.string().trim().min(1, "type something to search for").max(200).describe('Words, names or "a phrase".'),
  types: z.array(z.enum(SEARCH_TYPES)).optional().describe("Only these kinds of result."),
  limit: z.int().min(1).max(50).default(10).describe("Results per kind (1–50, default 10)."),
});
export type SearchInput = z.input<typeof SearchInput>;

export const SnippetPart = z
  .object({ text: z.string(), hit: z.boolean().describe("True for the words that matched.") })
  .meta({ id: "SnippetPart", description: "A piece of a snippet; render as text, marking hits." });
export type SnippetPart = z.infer<typeof SnippetPart>;

export const SearchHit = z
  .object({
    type: z.enum(SEARCH_TYPES),
    id: z.string(),
    title: z.string(),
    detail: z
      .string()
      .nullable()
      .describe("What the hit is: an actor's kind, a claim's claimant and stance, a source's publisher."),
    score: z.number().describe("Relevance; comparable within a group."),
    snippet: z.array(SnippetPart),
    matched: z.string().nullable().describe("For an actor found through another name: the alias that matched."),
    context: z
      .string()
      .nullable()
      .describe(
        "For a claim: the source it is in; for an event: its EDTF time; for a source: its first possible publication day.",
      ),
  })
  .meta({ id: "SearchHit", description: "One search result." });
export type SearchHit = z.infer<typeof SearchHit>;

export const SearchResult = z
  .object({
    q: z.string(),
    total: z.int(),
    groups: z.object({
      actor: z.array(SearchHit),
      event: z.array(SearchHit),
      claim: z.array(SearchHit),
      source: z.array(SearchHit),
    }),
    sourceRanking: z
      .object({ considered: z.int(), capped: z.boolean() })
      .describe(
        `Sources are ranked among the ${SOURCE_CANDIDATES} most recent matching documents (a phrase is checked in the ${PHRASE_CHECKS} most recent documents with its words); capped is true when there may be more matches than were ranked.`,
      ),
  })
  .meta({ id: "SearchResult", description: "Search results grouped by type, best first." });
export type SearchResult = z.infer<typeof SearchResult>;

const START = "\u0001";
const STOP = "\u0002";
const HEADLINE = `StartSel=${START}, StopSel=${STOP}, MaxWords=28, MinWords=10, MaxFragments=2, FragmentDelimiter=" … "`;

/** Splits ts_headline output (hits between sentinel characters) into safe parts. */
export function snippetParts(headline: string | null): SnippetPart[] {
  if (!headline) return [];
  const parts: SnippetPart[] = [];
  for (const piece of headline.split(START)) {
    const [hit, rest] = piece.includes(STOP) ? (piece.split(STOP, 2) as [string, string]) : [null, piece];
    if (hit) parts.push({ text: hit, hit: true });
    if (rest) parts.push({ text: rest, hit: false });
  }
  return parts;
}

/** Marks a name's matched part for actor hits, which have no headline. */
function nameParts(name: string, q: string): SnippetPart[] {
  const at = name.toLowerCase().indexOf(q.toLowerCase());
  if (at === -1) return [{ text: name, hit: false }];
  return [
    { text: name.slice(0, at), hit: false },
    { text: name.slice(at, at + q.length), hit: true },
    { text: name.slice(at + q.length), hit: false },
  ].filter((p) => p.text);
}

// Below this word similarity a name is too far from the query to count as a misspelling.
const FUZZY = 0.45;
// A transliteration (same consonants, "Kataeb Hizballah") ranks with a close misspelling.
const KEY_SCORE = 0.75;

/**
 * Sources: broad queries match much of the corpus, and ranking every match would read every one
 * of their text vectors. So the most recent matches are taken first — the planner walks the date
 * index and stops early, or for rare words sorts the few GIN hits — then ranked, and text and
 * snippets are fetched for the best only. A phrase ("al-Shaabi", "quoted words") cannot be
 * checked by the GIN index, so its words are matched first and the phrase is checked on at most
 * PHRASE_CHECKS of those candidates.
 */
async function searchSources(db: Db, q: string, limit: number): Promise<(Row & { considered: number })[]> {
  const parsed = await all<{ full: string }>(db, sql`select websearch_to_tsquery('english', ${q})::text as full`);
  const full = parsed[0]?.full ?? "";
  if (full === "") return [];
  const words = full.replace(/<(?:\d+|-)>/g, "&");
  const candidates =
    words === full
      ? sql`select s.id, s.search from sources s where s.search @@ ${full}::tsquery
            order by s.published_earliest desc nulls last, s.id limit ${SOURCE_CANDIDATES}`
      : sql`select c.id, c.search from (
              select s.id, s.search, s.published_earliest from sources s where s.search @@ ${words}::tsquery
              order by s.published_earliest desc nulls last, s.id limit ${PHRASE_CHECKS}) c
            where c.search @@ ${full}::tsquery
            order by c.published_earliest desc nulls last, c.id limit ${SOURCE_CANDIDATES}`;
  return all<Row & { considered: number }>(
    db,
    sql`with candidates as (${candidates}),
        ranked as (
          select c.id, ts_rank(c.search, ${full}::tsquery) as score, (select count(*)::int from candidates) as considered
          from candidates c order by score desc, c.id limit ${limit})
        select r.id, s.title, s.publisher as detail, r.score::float8 as score, null as matched, r.considered,
          s.published_earliest::text as context,
          ts_headline('english', s.article_text, ${full}::tsquery, ${HEADLINE}) as headline
        from ranked r join sources s on s.id = r.id order by r.score desc, r.id`,
  );
}

interface Row {
  id: string;
  title: string;
  detail: string | null;
  score: number;
  headline: string | null;
  matched: string | null;
  context: string | null;
}

async function searchQuery(db: Db, input: SearchInput): Promise<SearchResult> {
  const { q, types, limit } = SearchInput.parse(input);
  const want = new Set(types ?? SEARCH_TYPES);
  const folded = foldName(q);
  const queries = sql`websearch_to_tsquery('english', ${q}) as eq, websearch_to_tsquery('simple', ${q}) as sq`;
  const onActor = nameKeyConditions(q, "a");
  const onAlias = nameKeyConditions(q, "al");

  const [actors, events, claims, sources] = await Promise.all([
    want.has("actor")
      ? all<Row>(
          db,
          sql`with q as (select ${queries}),
              scored as (
                select a.id, a.name as title, a.kind as detail, a.description,
                  greatest(
                    ts_rank(a.search, q.sq) * 4 + ts_rank(a.search, q.eq),
                    strict_word_similarity(${folded}, a.name_folded),
                    coalesce((select max(strict_word_similarity(${folded}, al.name_folded)) from aliases al where al.actor_id = a.id), 0),
                    case when ${onActor.initials} or exists (select 1 from aliases al where al.actor_id = a.id and ${onAlias.initials})
                      then 1.0 when ${onActor.key} or exists (select 1 from aliases al where al.actor_id = a.id and ${onAlias.key})
                      then ${KEY_SCORE}::float8 else 0 end
                  ) as score,
                  -- The other name that found the actor, when its own name did not.
                  (select al.name from aliases al where al.actor_id = a.id
                     and ((strict_word_similarity(${folded}, al.name_folded) >= ${FUZZY}
                           and strict_word_similarity(${folded}, al.name_folded) > strict_word_similarity(${folded}, a.name_folded))
                          or (${onAlias.either} and not ${onActor.either}
                              and strict_word_similarity(${folded}, a.name_folded) < ${FUZZY}))
                   order by strict_word_similarity(${folded}, al.name_folded) desc, al.name limit 1) as matched
                from actors a, q
                where a.search @@ q.sq or a.search @@ q.eq
                   or strict_word_similarity(${folded}, a.name_folded) >= ${FUZZY} or ${onActor.either}
                   or exists (select 1 from aliases al where al.actor_id = a.id
                              and (strict_word_similarity(${folded}, al.name_folded) >= ${FUZZY} or ${onAlias.either})))
              select s.id, s.title, s.detail, s.score::float8 as score, s.matched, null as context,
                ts_headline('english', s.description, q.eq, ${HEADLINE}) as headline
              from scored s, q order by s.score desc, s.title limit ${limit}`,
        )
      : [],
    want.has("event")
      ? all<Row>(
          db,
          sql`with q as (select ${queries}),
              top as (select e.id, e.title, e.kind, e.summary, e.time_edtf, ts_rank(e.search, q.eq) as score
                      from events e, q where e.search @@ q.eq order by score desc, e.id limit ${limit})
              select t.id, t.title, t.kind as detail, t.score::float8 as score, null as matched, t.time_edtf as context,
                ts_headline('english', t.summary, q.eq, ${HEADLINE}) as headline
              from top t, q order by t.score desc, t.id`,
        )
      : [],
    want.has("claim")
      ? all<Row>(
          db,
          sql`with q as (select ${queries}),
              top as (select c.id, c.statement, c.stance, c.quotes_text, c.claimant_id, ts_rank(c.search, q.eq) as score
                      from claims c, q where c.search @@ q.eq order by score desc, c.id limit ${limit})
              select t.id, t.statement as title, a.name || ' ' || t.stance as detail, t.score::float8 as score,
                null as matched,
                (select ev.source_id from evidence ev where ev.subject_type = 'claim' and ev.subject_id = t.id order by ev.start limit 1) as context,
                ts_headline('english', t.quotes_text, q.eq, ${HEADLINE}) as headline
              from top t join actors a on a.id = t.claimant_id, q order by t.score desc, t.id`,
        )
      : [],
    want.has("source") ? searchSources(db, q, limit) : [],
  ]);

  const hits = (type: SearchType, rows: Row[]): SearchHit[] =>
    rows.map((r) => ({
      type,
      id: r.id,
      title: r.title,
      detail: r.detail,
      score: Number(r.score),
      matched: r.matched,
      context: r.context,
      snippet:
        type === "actor" && !r.headline?.includes(START)
          ? nameParts(r.matched ?? r.title, q)
          : snippetParts(r.headline),
    }));
  const groups = {
    actor: hits("actor", actors),
    event: hits("event", events),
    claim: hits("claim", claims),
    source: hits("source", sources),
  };
  const considered = sources[0]?.considered ?? 0;
  return {
    q,
    total: Object.values(groups).reduce((n, g) => n + g.length, 0),
    groups,
    sourceRanking: { considered, capped: considered >= SOURCE_CANDIDATES },
  };
}

export const search = cached("search", searchQuery);
