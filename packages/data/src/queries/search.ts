/**
 * Global search across actors (names, aliases — fuzzy for misspellings and transliterations —
 * and descriptions), events, claims and source texts. PostgreSQL full-text search (tsvector +
 * GIN, websearch syntax) ranks text; pg_trgm word similarity finds names spelled differently.
 * Snippets come back as parts ({ text, hit }) so no client ever renders document text as HTML.
 */

import { sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { z } from "zod";
import type { Db } from "../db/client.js";
import { sourcePassages, sources } from "../db/schema/index.js";
import { cached } from "./cache.js";
import { rows as rowsOf } from "./run.js";
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

// Source search reads at most this many matching passages, every document's first ones before
// any document's later ones, ranking each as it reads it…
export const PASSAGE_SCAN = 300;
// …and of their documents keeps the most recently published, up to this many, each scored by its
// best passage, which is the one highlighted.
export const SOURCE_CANDIDATES = 200;
// A phrase is checked in at most this many passages that contain its words.
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
        `A document matches when one of its passages (a few paragraphs, with the title) holds the words. Search reads at most ${PASSAGE_SCAN} matching passages, every document's first ones before any document's later ones (a phrase is checked in ${PHRASE_CHECKS} passages with its words), and ranks, of their documents, the ${SOURCE_CANDIDATES} most recently published, each by its best passage read. considered counts the documents ranked; capped is true when there may be more matches than were read.`,
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
 * Sources, bounded whatever the documents' size: search reads passages (text/passages.ts), never
 * a whole document. Matching passages come in passage order (every document's first before any
 * document's later ones, so one long document cannot crowd out the rest), ranked as they are
 * read, at most PASSAGE_SCAN; of their documents the most recent SOURCE_CANDIDATES are kept, each
 * scored by its best passage, and the snippet is highlighted in that passage alone. A phrase
 * cannot be checked by the index, so passages with its words come first and the phrase is
 * checked in at most PHRASE_CHECKS of them.
 */
const p = alias(sourcePassages, "p");
/** The passages whose words match, before the phrase check: the columns of source_passages. */
const c = alias(sourcePassages, "c");
const s = alias(sources, "s");

async function searchSources(db: Db, q: string, limit: number): Promise<SourceRow[]> {
  const parsed = await rowsOf(db, sql<{ full: string }>`select websearch_to_tsquery('english', ${q})::text as full`);
  const full = parsed[0]?.full ?? "";
  if (full === "") return [];
  const words = full.replace(/<(?:\d+|-)>/g, "&");
  // Only published documents' passages: an ingest writes its passages before the document's row,
  // and they must not take the places of the passages search reads.
  const published = (passages: typeof p) =>
    sql`exists (select 1 from ${sources} where ${sources.id} = ${passages.sourceId})`;
  const hits =
    words === full
      ? sql`select ${p.sourceId} as source_id, ${p.ord} as ord, ts_rank(${p.search}, ${full}::tsquery) as rank from ${sourcePassages} ${p}
            where ${p.search} @@ ${full}::tsquery and ${published(p)} order by ${p.ord}, ${p.sourceId} limit ${PASSAGE_SCAN}`
      : sql`select ${c.sourceId} as source_id, ${c.ord} as ord, ts_rank(${c.search}, ${full}::tsquery) as rank from (
              select ${p.sourceId}, ${p.ord}, ${p.search} from ${sourcePassages} ${p} where ${p.search} @@ ${words}::tsquery and ${published(p)}
              order by ${p.ord}, ${p.sourceId} limit ${PHRASE_CHECKS}) ${c}
            where ${c.search} @@ ${full}::tsquery`;
  // hits, candidates and ranked are this query's own names; tables and columns are the schema's.
  return rowsOf(
    db,
    sql<SourceRow>`with hits as materialized (${hits}),
        candidates as (
          select ${s.id} as id from ${sources} ${s} where ${s.id} in (select source_id from hits)
          order by ${s.publishedEarliest} desc nulls last, ${s.id} limit ${SOURCE_CANDIDATES}),
        ranked as (
          select h.source_id, max(h.rank) as score, (array_agg(h.ord order by h.rank desc, h.ord))[1] as best
          from hits h join candidates c on c.id = h.source_id
          group by h.source_id order by score desc, h.source_id limit ${limit})
        select r.source_id as id, ${s.title}, ${s.publisher} as detail, r.score::float8 as score, null as matched,
          ${s.publishedEarliest}::text as context, r.best,
          (select count(*)::int from candidates) as considered,
          (select count(*) from hits) >= ${words === full ? PASSAGE_SCAN : PHRASE_CHECKS} as capped,
          ts_headline('english', ${p.text}, ${full}::tsquery, ${HEADLINE}) as headline
        from ranked r join ${sources} ${s} on ${s.id} = r.source_id
          join ${sourcePassages} ${p} on ${p.sourceId} = r.source_id and ${p.ord} = r.best
        order by r.score desc, r.source_id`,
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

interface SourceRow extends Row {
  considered: number;
  capped: boolean;
  /** The passage that scored the document, and whose words are highlighted. */
  best: number;
}

/**
 * Which of the query's words each ranked source holds, read from its best passage (the one that
 * scored it and is highlighted): a source matches when one passage holds them all, or a phrase.
 */
async function sourceWhy(db: Db, query: RankedQuery, rows: SourceRow[]): Promise<Map<string, Why>> {
  const { terms } = query;
  const found = terms.length
    ? await rowsOf(
        db,
        sql<{ id: string; has: boolean[] }>`select ${p.sourceId} as id, array[${sql.join(
          terms.map((t) => sql`${p.search} @@ ${termQuery(t)}::tsquery`),
          sql`, `,
        )}]::boolean[] as has from ${sourcePassages} ${p}
          where (${p.sourceId}, ${p.ord}) in (${sql.join(
            rows.map((r) => sql`(${r.id}, ${r.best})`),
            sql`, `,
          )})`,
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
  return {
    q,
    total: Object.values(groups).reduce((n, g) => n + g.length, 0),
    groups,
    sourceRanking: { considered: sources[0]?.considered ?? 0, capped: sources[0]?.capped ?? false },
  };
}

export const search = cached("search", searchQuery);
