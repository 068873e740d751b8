/** Building blocks shared by the queries: evidence with its sources, claim summaries, event summaries. */
import { type SQL, sql } from "drizzle-orm";
import type { Db } from "../db/client.js";
import type { Subject } from "../db/schema/sources.js";
import { all } from "./run.js";
import type { ActorRef, ClaimSummary, EventSummary, Quote, SourceRef } from "./types.js";

export const sourceRefSql = (alias: string) =>
  sql.raw(
    `json_build_object('id', ${alias}.id, 'title', ${alias}.title, 'publisher', ${alias}.publisher, 'published', ${alias}.published - 'note')`,
  );

export const actorRefSql = (alias: string) =>
  sql.raw(`json_build_object('id', ${alias}.id, 'name', ${alias}.name, 'kind', ${alias}.kind)`);

/** Evidence of many records at once, grouped by record id, each quote with its source. */
export async function quotesFor(db: Db, subject: Subject, ids: string[]): Promise<Map<string, Quote[]>> {
  const map = new Map<string, Quote[]>();
  if (ids.length === 0) return map;
  const rows = await all<Quote & { subjectId: string }>(
    db,
    sql`select e.subject_id as "subjectId", e.source_id as "sourceId", e.start, e."end", e.quote, e.prefix, e.suffix,
          ${sourceRefSql("s")} as source
        from evidence e join sources s on s.id = e.source_id
        where e.subject_type = ${subject} and e.subject_id in ${ids}
        order by s.published_earliest nulls last, e.source_id, e.start`,
  );
  for (const { subjectId, ...quote } of rows) map.set(subjectId, [...(map.get(subjectId) ?? []), quote]);
  return map;
}

interface ClaimRow extends Omit<ClaimSummary, "evidence"> {}

/** Claim summaries for the claims matching a condition on `c` (the claims table). */
export async function claimSummaries(
  db: Db,
  where: SQL,
  order: SQL = sql`c.id`,
  limit?: number,
): Promise<ClaimSummary[]> {
  const rows = await all<ClaimRow>(
    db,
    sql`select c.id, c.stance, c.statement, c.mode, c.said, c.setting, c.note,
          ${actorRefSql("claimant")} as claimant,
          case when obo.id is null then null else ${actorRefSql("obo")} end as "onBehalfOf",
          case when via.id is null then null else ${actorRefSql("via")} end as via,
          (select count(*)::int from claim_links l where l.claim_id = c.id and l.type = 'contradicts') as "contradictsCount",
          (select count(*)::int from claim_links l where l.claim_id = c.id and l.type = 'supports') as "supportsCount",
          c.credibility,
          coalesce((select json_agg(json_build_object('id', s.id, 'title', s.title, 'reliability', s.reliability) order by s.id)
                    from sources s where s.id in (select ev.source_id from evidence ev
                                                  where ev.subject_type = 'claim' and ev.subject_id = c.id)), '[]') as sources
        from claims c
        join actors claimant on claimant.id = c.claimant_id
        left join actors obo on obo.id = c.on_behalf_of_id
        left join actors via on via.id = c.via_id
        where ${where}
        order by ${order}
        ${limit === undefined ? sql`` : sql`limit ${limit}`}`,
  );
  const quotes = await quotesFor(
    db,
    "claim",
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({ ...r, evidence: quotes.get(r.id) ?? [] }));
}

/**
 * Event summaries (participants, place, reporting sources) for events matching a condition on
 * `e`; `extra` adds a column (a sort key for a cursor).
 */
export async function eventSummaries<Extra extends object = object>(
  db: Db,
  where: SQL,
  order: SQL = sql`e.time_earliest nulls first, e.id`,
  limit?: number,
  extra?: SQL,
) {
  return all<EventSummary & Extra>(
    db,
    sql`select ${extra ? sql`${extra}, ` : sql``}e.id, e.kind, e.title, e.summary, e.time,
          e.time_earliest::text as earliest, e.time_latest::text as latest,
          case when p.id is null then null else json_build_object('id', p.id, 'name', p.name) end as place,
          e.place_note as "placeNote",
          coalesce((select json_agg(json_build_object('actor', ${actorRefSql("a")}, 'role', pa.role) order by pa.role, a.name)
                    from participants pa join actors a on a.id = pa.actor_id where pa.event_id = e.id), '[]') as participants,
          coalesce((select json_agg(distinct ev.source_id) from evidence ev
                    where ev.subject_type = 'event' and ev.subject_id = e.id), '[]') as "sourceIds"
        from events e left join places p on p.id = e.place_id
        where ${where}
        order by ${order}
        ${limit === undefined ? sql`` : sql`limit ${limit}`}`,
  );
}

export const actorRef = (row: { id: string; name: string; kind: string }): ActorRef => ({
  id: row.id,
  name: row.name,
  kind: row.kind,
});

export type { SourceRef };
