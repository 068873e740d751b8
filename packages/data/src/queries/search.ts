/**
 * Global search across actors (names, aliases — fuzzy for misspellings and transliterations —
 * and descriptions), events, claims and source texts. PostgreSQL full-text search (tsvector +
 * GIN, websearch syntax) ranks text; pg_trgm word similarity finds names spelled differently.
 * Snippets come back as parts ({ text, hit }) so no client ever renders document text as HTML.
 */

import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../db/client.js";
import { cached } from "./cache.js";
import { all } from "./run.js";
import {
  describeWhy,
  HEADLINE,
  MATCH_FIELDS,
  MATCH_WAYS,
  rankActors,
  rankClaims,
  rankEvents,
  HEADLINE_START as START,
  HEADLINE_STOP as STOP,
} from "./search-rank.js";
import { type RankedQuery, rankedQuery, termQuery } from "./search-terms.js";

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

export const MatchReason = z
  .object({
    term: z.string().describe("The query's word or phrase."),
    field: z.enum(MATCH_FIELDS).describe("Where it matched."),
    how: z
      .enum(MATCH_WAYS)
      .describe("word (or its stem), a synonym of the domain, a close spelling, a transliteration, initials."),
    found: z.string().nullable().describe("What it matched when that is not the term itself: the synonym or the name."),
  })
  .meta({ id: "MatchReason", description: "One reason a search result matched." });

export const Why = z
  .object({
    reasons: z.array(MatchReason),
    missing: z.array(z.string()).describe("Words of the query the result does not contain."),
    summary: z.string().describe('The reasons in one sentence ("All 3 words: rocket (as “Katyusha”) …").'),
  })
  .meta({ id: "SearchWhy", description: "Why a search result matched." });
export type Why = z.infer<typeof Why>;

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
    why: Why.nullable().describe("Why it matched: which words, where, through which synonym or spelling."),
    context: z
      .string()
      .nullable()
      .describe(
        "For a claim: the title of the source it is in; for an event: its EDTF time; for a source: its first possible publication day.",
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

/** Which of the query's words each ranked source contains (the source path matches them all, or a phrase). */
async function sourceWhy(db: Db, query: RankedQuery, rows: Row[]): Promise<Map<string, Why>> {
  const { terms } = query;
  const found = terms.length
    ? await all<{ id: string; has: boolean[] }>(
        db,
        sql`select s.id, array[${sql.join(
          terms.map((t) => sql`s.search @@ ${termQuery(t)}::tsquery`),
          sql`, `,
        )}]::boolean[] as has from sources s where s.id in ${rows.map((r) => r.id)}`,
      )
    : [];
  return new Map(
    found.map(({ id, has }) => {
      const reasons = terms.flatMap((t, i) =>
        has[i] ? [{ term: t.text, field: "text" as const, how: "word" as const, found: null }] : [],
      );
      const missing = terms.filter((_, i) => !has[i]).map((t) => t.text);
      return [id, { reasons, missing, summary: describeWhy(reasons, missing, terms.length) }];
    }),
  );
}

async function searchQuery(db: Db, input: SearchInput): Promise<SearchResult> {
  const { q, types, limit } = SearchInput.parse(input);
  const want = new Set(types ?? SEARCH_TYPES);
  const ranked = await rankedQuery(db, q);

  const [actors, events, claims, sources] = await Promise.all([
    want.has("actor") ? rankActors(db, ranked, q, limit) : [],
    want.has("event") ? rankEvents(db, ranked, limit) : [],
    want.has("claim") ? rankClaims(db, ranked, limit) : [],
    want.has("source") ? searchSources(db, q, limit) : [],
  ]);

  const sourceReasons = sources.length ? await sourceWhy(db, ranked, sources) : new Map<string, Why>();
  const hits = (type: SearchType, rows: (Row & { why?: Why })[]): SearchHit[] =>
    rows.map((r) => ({
      type,
      id: r.id,
      title: r.title,
      detail: r.detail,
      score: Number(r.score),
      matched: r.matched,
      context: r.context,
      why: r.why ?? sourceReasons.get(r.id) ?? null,
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
