/** What the atlas holds, for the dashboard: counts, breakdowns, the most mentioned actors. */

import { ActorKind, EventKind, Stance } from "@atlas/schema";
import { desc, sql } from "drizzle-orm";
import type { AnyPgColumn, PgTable } from "drizzle-orm/pg-core";
import { z } from "zod";
import type { Db } from "../db/client.js";
import { actors, claims, events, evidence, mentions, places, relations, sources } from "../db/schema/index.js";
import { cached } from "./cache.js";
import { contradictionPairs } from "./claims.js";
import { rows } from "./run.js";

const n = z.int().nonnegative();
export const Stats = z
  .object({
    counts: z.object({ sources: n, actors: n, places: n, relations: n, events: n, claims: n, mentions: n }),
    corroboratedEvents: n.describe("Events reported by more than one source."),
    contradictions: n.describe("Pairs of claims that contradict each other."),
    actorsByKind: z.array(z.object({ kind: ActorKind, count: n })),
    eventsByKind: z.array(z.object({ kind: EventKind, count: n })),
    eventsByYear: z
      .array(z.object({ year: z.int(), count: n }))
      .describe("By the first year each event may have happened in."),
    claimsByStance: z.array(z.object({ stance: Stance, count: n })),
    topActors: z.array(z.object({ id: z.string(), name: z.string(), kind: ActorKind, mentions: n })),
    span: z
      .object({ earliest: z.string().nullable(), latest: z.string().nullable() })
      .describe("The days the events cover."),
  })
  .meta({ id: "Stats", description: "What the atlas holds, for a dashboard." });
export type Stats = z.infer<typeof Stats>;

/** How many rows of `table` hold each value of `column`, most first. */
const grouped = <C extends AnyPgColumn>(db: Db, table: PgTable, column: C) => {
  const n = sql<number>`count(*)::int`.as("count");
  const key = sql<C["_"]["data"]>`${column}`.as("key");
  return db.select({ key, count: n }).from(table).groupBy(column).orderBy(desc(n), key);
};
const countOf = (table: PgTable) => sql<number>`(select count(*)::int from ${table})`;

async function statsQuery(db: Db): Promise<Stats> {
  const [counts, corroborated, contradictions, byKind, eventKinds, byYear, byStance, top, span] = await Promise.all([
    rows(
      db,
      sql<Stats["counts"]>`select ${countOf(sources)} as sources, ${countOf(actors)} as actors,
            ${countOf(places)} as places, ${countOf(relations)} as relations,
            ${countOf(events)} as events, ${countOf(claims)} as claims,
            ${countOf(mentions)} as mentions`,
    ).then(([row]) => row),
    rows(
      db,
      sql<{
        n: number;
      }>`select count(*)::int as n from (select ${evidence.subjectId} from ${evidence} where ${evidence.subjectType} = 'event'
          group by ${evidence.subjectId} having count(distinct ${evidence.sourceId}) > 1) x`,
    ).then(([row]) => row),
    rows(db, sql<{ n: number }>`select count(*)::int as n from (${contradictionPairs}) p`).then(([row]) => row),
    grouped(db, actors, actors.kind),
    grouped(db, events, events.kind),
    rows(
      db,
      sql<{
        year: number;
        count: number;
      }>`select extract(year from ${events.timeEarliest})::int as year, count(*)::int as count
          from ${events} where ${events.timeEarliest} is not null group by 1 order by 1`,
    ),
    grouped(db, claims, claims.stance),
    rows(
      db,
      sql<
        Pick<typeof actors.$inferSelect, "id" | "name" | "kind"> & { mentions: number }
      >`select ${actors.id}, ${actors.name}, ${actors.kind}, count(${mentions}.*)::int as mentions from ${actors} join ${mentions} on ${mentions.actorId} = ${actors.id}
          group by ${actors.id} order by mentions desc, ${actors.name} limit 10`,
    ),
    rows(
      db,
      sql<
        Stats["span"]
      >`select min(${events.timeEarliest})::text as earliest, max(${events.timeLatest})::text as latest from ${events}`,
    ).then(([row]) => row),
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
