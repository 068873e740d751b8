/** What the atlas holds, for the dashboard: counts, breakdowns, the most mentioned actors. */

import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../db/client.js";
import { cached } from "./cache.js";
import { contradictionPairs } from "./claims.js";
import { all, one } from "./run.js";

const n = z.int().nonnegative();
export const Stats = z
  .object({
    counts: z.object({ sources: n, actors: n, places: n, relations: n, events: n, claims: n, mentions: n }),
    corroboratedEvents: n.describe("Events reported by more than one source."),
    contradictions: n.describe("Pairs of claims that contradict each other."),
    actorsByKind: z.array(z.object({ kind: z.string(), count: n })),
    eventsByKind: z.array(z.object({ kind: z.string(), count: n })),
    eventsByYear: z
      .array(z.object({ year: z.int(), count: n }))
      .describe("By the first year each event may have happened in."),
    claimsByStance: z.array(z.object({ stance: z.string(), count: n })),
    topActors: z.array(z.object({ id: z.string(), name: z.string(), kind: z.string(), mentions: n })),
    span: z
      .object({ earliest: z.string().nullable(), latest: z.string().nullable() })
      .describe("The days the events cover."),
  })
  .meta({ id: "Stats", description: "What the atlas holds, for a dashboard." });
export type Stats = z.infer<typeof Stats>;

const grouped = (table: string, column: string) =>
  sql.raw(`select ${column} as key, count(*)::int as count from ${table} group by ${column} order by count desc, key`);

async function statsQuery(db: Db): Promise<Stats> {
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
    one<{ n: number }>(db, sql`select count(*)::int as n from (${contradictionPairs}) p`),
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

export const stats = cached("stats", statsQuery);
