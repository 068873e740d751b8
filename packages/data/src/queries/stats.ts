/** What the atlas holds, for the dashboard: counts, breakdowns, the most mentioned actors. */
import { sql } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { all, one } from "./run.js";

export interface Stats {
  counts: {
    sources: number;
    actors: number;
    places: number;
    relations: number;
    events: number;
    claims: number;
    mentions: number;
  };
  corroboratedEvents: number;
  contradictions: number;
  actorsByKind: { kind: string; count: number }[];
  eventsByKind: { kind: string; count: number }[];
  eventsByYear: { year: number; count: number }[];
  claimsByStance: { stance: string; count: number }[];
  topActors: { id: string; name: string; kind: string; mentions: number }[];
  span: { earliest: string | null; latest: string | null };
}

const grouped = (table: string, column: string) =>
  sql.raw(`select ${column} as key, count(*)::int as count from ${table} group by ${column} order by count desc, key`);

export async function stats(db: Db): Promise<Stats> {
  const [counts, corroborated, contradictions, byKind, eventKinds, byYear, byStance, top, span] = await Promise.all([
    one<Stats["counts"]>(
      db,
      sql`select (select count(*)::int from sources) as sources, (select count(*)::int from actors) as actors,
            (select count(*)::int from places) as places, (select count(*)::int from relations) as relations,
            (select count(*)::int from events) as events, (select count(*)::int from claims) as claims,
            (select count(*)::int from mentions) as mentions`,
    ),
    one<{ n: number }>(
      db,
      sql`select count(*)::int as n from (select subject_id from evidence where subject_type = 'event'
          group by subject_id having count(distinct source_id) > 1) x`,
    ),
    one<{ n: number }>(db, sql`select (count(*) / 2)::int as n from claim_links where type = 'contradicts'`),
    all<{ key: string; count: number }>(db, grouped("actors", "kind")),
    all<{ key: string; count: number }>(db, grouped("events", "kind")),
    all<{ year: number; count: number }>(
      db,
      sql`select extract(year from time_earliest)::int as year, count(*)::int as count
          from events where time_earliest is not null group by 1 order by 1`,
    ),
    all<{ key: string; count: number }>(db, grouped("claims", "stance")),
    all<Stats["topActors"][number]>(
      db,
      sql`select a.id, a.name, a.kind, count(m.*)::int as mentions from actors a join mentions m on m.actor_id = a.id
          group by a.id order by mentions desc, a.name limit 10`,
    ),
    one<Stats["span"]>(
      db,
      sql`select min(time_earliest)::text as earliest, max(time_latest)::text as latest from events`,
    ),
  ]);
  return {
    counts: counts ?? { sources: 0, actors: 0, places: 0, relations: 0, events: 0, claims: 0, mentions: 0 },
    corroboratedEvents: corroborated?.n ?? 0,
    contradictions: contradictions?.n ?? 0,
    actorsByKind: byKind.map((r) => ({ kind: r.key, count: r.count })),
    eventsByKind: eventKinds.map((r) => ({ kind: r.key, count: r.count })),
    eventsByYear: byYear,
    claimsByStance: byStance.map((r) => ({ stance: r.key, count: r.count })),
    topActors: top,
    span: span ?? { earliest: null, latest: null },
  };
}
