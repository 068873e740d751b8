/** Sources: the list, and one document with every annotation as a span for highlighting. */

import { eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { z } from "zod";
import type { Db } from "../db/client.js";
import {
  actorSizes,
  actors,
  claims,
  events,
  evidence,
  mentions,
  places,
  relations,
  segments,
  sources,
} from "../db/schema/index.js";
import { cached } from "./cache.js";
import { decodeCursor, type Page, PageInput, toPage } from "./page.js";
import { row, rows } from "./run.js";
import type { Annotation, SourceDetail, SourceSummary } from "./types.js";

const s = alias(sources, "s");
const m = alias(mentions, "m");
const e = alias(evidence, "e");
const a = alias(actors, "a");
const size = alias(actorSizes, "z");
const p = alias(places, "p");
const r = alias(relations, "r");
const fa = alias(actors, "fa");
const ta = alias(actors, "ta");
const ev = alias(events, "ev");
const c = alias(claims, "c");
const ca = alias(actors, "ca");

const summaryColumns = sql`${s.id}, ${s.title}, ${s.titleBasis} as "titleBasis", ${s.subtitle}, ${s.publisher},
  ${s.publisherBasis} as "publisherBasis", ${s.authors}, ${s.authorsBasis} as "authorsBasis", ${s.published}, ${s.genre}, ${s.origin},
  ${s.reliability},
  json_build_object(
    'mentions', (select count(*)::int from ${mentions} ${m} where ${m.sourceId} = ${s.id}),
    'actors', (select count(distinct ${m.actorId})::int from ${mentions} ${m} where ${m.sourceId} = ${s.id}),
    'events', (select count(distinct ${e.subjectId})::int from ${evidence} ${e} where ${e.sourceId} = ${s.id} and ${e.subjectType} = 'event'),
    'claims', (select count(distinct ${e.subjectId})::int from ${evidence} ${e} where ${e.sourceId} = ${s.id} and ${e.subjectType} = 'claim')
  ) as counts`;

/** A row of `summaryColumns`: the source's own columns as the list shows them, and its counts. */
type SummaryRow = Pick<
  typeof sources.$inferSelect,
  | "id"
  | "title"
  | "titleBasis"
  | "subtitle"
  | "publisher"
  | "publisherBasis"
  | "authors"
  | "authorsBasis"
  | "published"
  | "genre"
  | "origin"
  | "reliability"
> &
  Pick<SourceSummary, "counts">;

export const SourceListInput = PageInput.extend({
  origin: z.enum(["corpus", "ingest"]).optional().describe("Only curated corpus documents, or only ingested ones."),
});
export type SourceListInput = z.input<typeof SourceListInput>;

/** Sources, oldest publication first. */
async function listSourcesQuery(db: Db, input: SourceListInput = {}): Promise<Page<SourceSummary>> {
  const { limit, cursor, origin } = SourceListInput.parse(input);
  const after = decodeCursor(cursor);
  const listed = await rows(
    db,
    sql<
      SummaryRow & { sortKey: string }
    >`select ${summaryColumns}, coalesce(${s.publishedEarliest}::text, '9999') as "sortKey"
        from ${sources} ${s}
        where ${origin ? sql`${s.origin} = ${origin}` : sql`true`}
          ${after ? sql`and (coalesce(${s.publishedEarliest}::text, '9999'), ${s.id}) > (${after[0]}, ${after[1]})` : sql``}
        order by "sortKey", ${s.id}
        limit ${limit + 1}`,
  );
  const page = toPage(listed, limit, (r) => [r.sortKey, r.id]);
  return { ...page, items: page.items.map(({ sortKey: _, ...r }) => r) };
}

/** One source with its text, segments, metadata notes and every annotation span. */
async function sourceByIdQuery(db: Db, id: string): Promise<SourceDetail | null> {
  const source = await row(
    db,
    sql<
      SummaryRow &
        Pick<
          typeof sources.$inferSelect,
          "text" | "hash" | "file" | "dateline" | "language" | "url" | "notes" | "pages"
        >
    >`select ${summaryColumns}, ${s.text}, ${s.hash}, ${s.file}, ${s.dateline}, ${s.language}, ${s.url}, ${s.notes}, ${s.pages}
        from ${sources} ${s} where ${s.id} = ${id}`,
  );
  if (!source) return null;
  const segmentRows = await db
    .select({ start: segments.start, end: segments.end, role: segments.role, article: segments.article })
    .from(segments)
    .where(eq(segments.sourceId, id))
    .orderBy(segments.start);
  // The union's output columns (start, "end", type) order it.
  const annotations = await rows(
    db,
    sql<Annotation>`select 'mention' as type, ${m.start}, ${m.end}, ${m.actorId} as "recordId", ${a.name} as label
          from ${mentions} ${m} join ${actors} ${a} on ${a.id} = ${m.actorId} where ${m.sourceId} = ${id}
        union all
        select case when ${e.subjectType} = 'size' then 'actor' else ${e.subjectType} end as type, ${e.start}, ${e.end},
          -- A death toll belongs to its event, a size to its actor (the reader shows it among the actor's words).
          case when ${e.subjectType} in ('fatality', 'size') then split_part(${e.subjectId}, '#', 1) else ${e.subjectId} end as "recordId",
          case ${e.subjectType}
            when 'actor' then (select ${a.name} from ${actors} ${a} where ${a.id} = ${e.subjectId})
            when 'size' then (select 'Size: ' || ${a.name} || ', “' || ${size.expression} || '”' from ${actorSizes} ${size}
                              join ${actors} ${a} on ${a.id} = ${size.actorId}
                              where ${size.actorId} = split_part(${e.subjectId}, '#', 1)
                                and ${size.ord} = split_part(${e.subjectId}, '#', 2)::int)
            when 'place' then (select ${p.name} from ${places} ${p} where ${p.id} = ${e.subjectId})
            when 'relation' then (select ${fa.name} || ' ' || replace(${r.type}, '_', ' ') || ' ' || ${ta.name}
                                  from ${relations} ${r} join ${actors} ${fa} on ${fa.id} = ${r.fromId} join ${actors} ${ta} on ${ta.id} = ${r.toId}
                                  where ${r.id} = ${e.subjectId})
            when 'event' then (select ${ev.title} from ${events} ${ev} where ${ev.id} = ${e.subjectId})
            when 'fatality' then (select 'Deaths: ' || ${ev.title} from ${events} ${ev} where ${ev.id} = split_part(${e.subjectId}, '#', 1))
            when 'claim' then (select ${ca.name} || ' ' || ${c.stance} || ': ' || ${c.statement}
                               from ${claims} ${c} join ${actors} ${ca} on ${ca.id} = ${c.claimantId} where ${c.id} = ${e.subjectId})
            when 'attribution' then (select 'Attribution: ' || ${ca.name}
                                     from ${claims} ${c} join ${actors} ${ca} on ${ca.id} = ${c.claimantId} where ${c.id} = ${e.subjectId})
            else ${e.subjectId} end as label
          from ${evidence} ${e} where ${e.sourceId} = ${id}
        order by start, "end" desc, type`,
  );
  return { ...source, segments: segmentRows, annotations };
}

export const listSources = cached("listSources", listSourcesQuery);

export const sourceById = cached("sourceById", sourceByIdQuery);
