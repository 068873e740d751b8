/** Sources: the list, and one document with every annotation as a span for highlighting. */

import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../db/client.js";
import { cached } from "./cache.js";
import { decodeCursor, type Page, PageInput, toPage } from "./page.js";
import { all, one } from "./run.js";
import type { Annotation, SourceDetail, SourceSummary } from "./types.js";

const summaryColumns = sql`s.id, s.title, s.title_basis as "titleBasis", s.subtitle, s.publisher,
  s.publisher_basis as "publisherBasis", s.authors, s.authors_basis as "authorsBasis", s.published, s.genre, s.origin,
  s.reliability,
  json_build_object(
    'mentions', (select count(*)::int from mentions m where m.source_id = s.id),
    'actors', (select count(distinct m.actor_id)::int from mentions m where m.source_id = s.id),
    'events', (select count(distinct e.subject_id)::int from evidence e where e.source_id = s.id and e.subject_type = 'event'),
    'claims', (select count(distinct e.subject_id)::int from evidence e where e.source_id = s.id and e.subject_type = 'claim')
  ) as counts`;

export const SourceListInput = PageInput.extend({
  origin: z.enum(["corpus", "ingest"]).optional().describe("Only curated corpus documents, or only ingested ones."),
});
export type SourceListInput = z.input<typeof SourceListInput>;

/** Sources, oldest publication first. */
async function listSourcesQuery(db: Db, input: SourceListInput = {}): Promise<Page<SourceSummary>> {
  const { limit, cursor, origin } = SourceListInput.parse(input);
  const after = decodeCursor(cursor);
  const rows = await all<SourceSummary & { sortKey: string | null }>(
    db,
    sql`select ${summaryColumns}, coalesce(s.published_earliest::text, '9999') as "sortKey"
        from sources s
        where ${origin ? sql`s.origin = ${origin}` : sql`true`}
          ${after ? sql`and (coalesce(s.published_earliest::text, '9999'), s.id) > (${after[0]}, ${after[1]})` : sql``}
        order by "sortKey", s.id
        limit ${limit + 1}`,
  );
  const page = toPage(rows, limit, (r) => [r.sortKey, r.id]);
  return { ...page, items: page.items.map(({ sortKey: _, ...r }) => r) };
}

/** One source with its text, segments, metadata notes and every annotation span. */
async function sourceByIdQuery(db: Db, id: string): Promise<SourceDetail | null> {
  const source = await one<Omit<SourceDetail, "annotations" | "segments">>(
    db,
    sql`select ${summaryColumns}, s.text, s.hash, s.file, s.dateline, s.language, s.url, s.notes, s.pages
        from sources s where s.id = ${id}`,
  );
  if (!source) return null;
  const segments = await all<SourceDetail["segments"][number]>(
    db,
    sql`select start, "end", role, article from segments where source_id = ${id} order by start`,
  );
  const annotations = await all<Annotation>(
    db,
    sql`select 'mention' as type, m.start, m."end", m.actor_id as "recordId", a.name as label
          from mentions m join actors a on a.id = m.actor_id where m.source_id = ${id}
        union all
        select case when e.subject_type = 'size' then 'actor' else e.subject_type end as type, e.start, e."end",
          -- A death toll belongs to its event, a size to its actor (the reader shows it among the actor's words).
          case when e.subject_type in ('fatality', 'size') then split_part(e.subject_id, '#', 1) else e.subject_id end as "recordId",
          case e.subject_type
            when 'actor' then (select a.name from actors a where a.id = e.subject_id)
            when 'size' then (select 'Size: ' || a.name || ', “' || z.expression || '”' from actor_sizes z
                              join actors a on a.id = z.actor_id
                              where z.actor_id = split_part(e.subject_id, '#', 1)
                                and z.ord = split_part(e.subject_id, '#', 2)::int)
            when 'place' then (select p.name from places p where p.id = e.subject_id)
            when 'relation' then (select fa.name || ' ' || replace(r.type, '_', ' ') || ' ' || ta.name
                                  from relations r join actors fa on fa.id = r.from_id join actors ta on ta.id = r.to_id
                                  where r.id = e.subject_id)
            when 'event' then (select ev.title from events ev where ev.id = e.subject_id)
            when 'fatality' then (select 'Deaths: ' || ev.title from events ev where ev.id = split_part(e.subject_id, '#', 1))
            when 'claim' then (select ca.name || ' ' || c.stance || ': ' || c.statement
                               from claims c join actors ca on ca.id = c.claimant_id where c.id = e.subject_id)
            when 'attribution' then (select 'Attribution: ' || ca.name
                                     from claims c join actors ca on ca.id = c.claimant_id where c.id = e.subject_id)
            else e.subject_id end as label
          from evidence e where e.source_id = ${id}
        order by start, "end" desc, type`,
  );
  return { ...source, segments, annotations };
}

export const listSources = cached("listSources", listSourcesQuery);

export const sourceById = cached("sourceById", sourceByIdQuery);
