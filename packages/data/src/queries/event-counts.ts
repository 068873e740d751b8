/**
 * Events over time, as event-data users read them before single events: how many events fell in
 * each month or year, with the timeline's own filters. Honest about vague dates and unknown tolls:
 * an event dated only "2019" is not put in January; it counts as *possibly* in each month of 2019
 * (drawn as a band), and only an event dated within a period counts as *in* it. Deaths are the
 * range the sources report (lowest low to highest high); an event without a reported number adds
 * to "unknown", never to zero.
 */
import { calendarDateBounds, MONTH_NAMES } from "@atlas/schema";
import { sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { z } from "zod";
import type { Db } from "../db/client.js";
import { fatalities } from "../db/schema/index.js";
import { cached } from "./cache.js";
import { summaryEvent as e } from "./common.js";
import { checkWindow, TimelineFilter, timelineConditions } from "./events.js";

/** More months than this and the counts are given per year instead. */
export const MAX_MONTHS = 240;

export const EventCountsInput = TimelineFilter.extend({
  by: z
    .enum(["month", "year"])
    .optional()
    .describe(
      `Count per month or per year. Default: per month when the events span at most 4 years, else per year; per month over more than ${MAX_MONTHS} months is given per year.`,
    ),
}).superRefine(checkWindow);
export type EventCountsInput = z.input<typeof EventCountsInput>;

export const DeathRange = z
  .object({
    low: z.int().describe("The sum of the lowest figure any source gives for each event."),
    high: z
      .int()
      .nullable()
      .describe('The sum of the highest figures; null when a source gives no upper bound ("at least 24").'),
    reported: z.int().describe("Events with a reported number (0 counts: a source that says none died)."),
    unknown: z.int().describe("Events with no reported number: unknown, not zero."),
  })
  .meta({ id: "DeathRange", description: "Deaths in a set of events, as the sources report them." });
export type DeathRange = z.infer<typeof DeathRange>;

export const PeriodCount = z
  .object({
    period: z.string().describe('"2019" or "2019-12".'),
    label: z.string().describe('"2019" or "December 2019".'),
    first: z.string().describe("The period's first day (YYYY-MM-DD)."),
    last: z.string().describe("The period's last day."),
    within: z.int().describe("Events whose whole date range lies inside the period."),
    spanning: z
      .int()
      .describe("Events that may have happened in the period but whose dates run beyond it: drawn as a band."),
    deaths: DeathRange.describe("Deaths in the events within the period (not those spanning it)."),
  })
  .meta({ id: "PeriodCount", description: "One month or year of the counts over time." });
export type PeriodCount = z.infer<typeof PeriodCount>;

export const EventCounts = z
  .object({
    by: z.enum(["month", "year"]),
    coarsened: z.boolean().describe(`True when months were asked for but the span has more than ${MAX_MONTHS}.`),
    periods: z.array(PeriodCount),
    charted: z.int().describe("Events drawn: both ends of their dates known."),
    openEnded: z.int().describe('Events left out because their dates have an open end ("2014 or later").'),
  })
  .meta({
    id: "EventCounts",
    description: "Events per month or year, with vague dates as bands and deaths as ranges.",
  });
export type EventCounts = z.infer<typeof EventCounts>;

/** A death toll as its reports allow: null when no report gives a number. */
export function eventDeaths(reports: { low: number | null; high: number | null }[]): {
  low: number;
  high: number | null;
} | null {
  const numbered = reports.filter((r) => r.low !== null || r.high !== null);
  if (numbered.length === 0) return null;
  // "up to 10" allows none; "at least 24" has no upper bound.
  const low = Math.min(...numbered.map((r) => r.low ?? 0));
  const high = numbered.some((r) => r.high === null) ? null : Math.max(...numbered.map((r) => r.high as number));
  return { low, high };
}

export interface DatedEvent {
  earliest: string | null;
  latest: string | null;
  deaths: { low: number; high: number | null } | null;
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");
const periodOf = (day: string, by: "month" | "year") => (by === "year" ? day.slice(0, 4) : day.slice(0, 7));

function nextPeriod(period: string, by: "month" | "year"): string {
  const year = Number(period.slice(0, 4));
  if (by === "year") return pad(year + 1, 4);
  const month = Number(period.slice(5, 7));
  return month === 12 ? `${pad(year + 1, 4)}-01` : `${pad(year, 4)}-${pad(month + 1)}`;
}

function monthsBetween(first: string, last: string): number {
  return (
    (Number(last.slice(0, 4)) - Number(first.slice(0, 4))) * 12 +
    Number(last.slice(5, 7)) -
    Number(first.slice(5, 7)) +
    1
  );
}

/**
 * Counts per period. The periods run from the first charted day to the last (inside the window,
 * when one is given); every period in between is listed, empty ones too, so gaps show as gaps.
 */
export function countByPeriod(
  events: DatedEvent[],
  options: { by?: "month" | "year" | undefined; from?: string | undefined; to?: string | undefined } = {},
): EventCounts {
  const charted = events.filter((e) => e.earliest !== null && e.latest !== null) as (DatedEvent & {
    earliest: string;
    latest: string;
  })[];
  const openEnded = events.length - charted.length;
  const earliest = charted.map((e) => e.earliest).sort()[0];
  const latest = charted
    .map((e) => e.latest)
    .sort()
    .at(-1);
  const start = options.from && earliest && options.from > earliest ? options.from : earliest;
  const end = options.to && latest && options.to < latest ? options.to : latest;
  if (charted.length === 0 || !start || !end || end < start) {
    return { by: options.by ?? "year", coarsened: false, periods: [], charted: 0, openEnded };
  }
  const months = monthsBetween(start, end);
  const wanted = options.by ?? (months <= 48 ? "month" : "year");
  const by = wanted === "month" && months > MAX_MONTHS ? "year" : wanted;
  const periods: PeriodCount[] = [];
  const index = new Map<string, PeriodCount>();
  for (let p = periodOf(start, by); p <= periodOf(end, by); p = nextPeriod(p, by)) {
    const bounds = calendarDateBounds(p);
    const label = by === "year" ? p : `${MONTH_NAMES[Number(p.slice(5, 7)) - 1]} ${p.slice(0, 4)}`;
    const row: PeriodCount = {
      period: p,
      label,
      first: bounds.first,
      last: bounds.last,
      within: 0,
      spanning: 0,
      deaths: { low: 0, high: 0, reported: 0, unknown: 0 },
    };
    periods.push(row);
    index.set(p, row);
  }
  for (const e of charted) {
    const a = periodOf(e.earliest, by);
    const b = periodOf(e.latest, by);
    if (a === b) {
      const row = index.get(a);
      if (!row) continue;
      row.within++;
      if (e.deaths) {
        row.deaths.reported++;
        row.deaths.low += e.deaths.low;
        row.deaths.high = row.deaths.high === null || e.deaths.high === null ? null : row.deaths.high + e.deaths.high;
      } else {
        row.deaths.unknown++;
      }
      continue;
    }
    for (let p = a; p <= b; p = nextPeriod(p, by)) {
      const row = index.get(p);
      if (row) row.spanning++;
    }
  }
  return { by, coarsened: by !== wanted, periods, charted: charted.length, openEnded };
}

const f = alias(fatalities, "f");

async function eventCountsQuery(db: Db, input: EventCountsInput = {}): Promise<EventCounts> {
  const parsed = EventCountsInput.parse(input);
  const filters = timelineConditions(parsed);
  const rows = await db
    .select({
      earliest: sql<string | null>`${e.timeEarliest}::text`,
      latest: sql<string | null>`${e.timeLatest}::text`,
      reports: sql<
        Pick<typeof fatalities.$inferSelect, "low" | "high">[]
      >`coalesce((select json_agg(json_build_object('low', ${f.low}, 'high', ${f.high})) from ${fatalities} ${f}
                    where ${f.eventId} = ${e.id}), '[]')`,
    })
    .from(e)
    .where(filters.length ? sql.join(filters, sql` and `) : sql`true`);
  return countByPeriod(
    rows.map((r) => ({ earliest: r.earliest, latest: r.latest, deaths: eventDeaths(r.reports) })),
    {
      by: parsed.by,
      from: parsed.from ? calendarDateBounds(parsed.from).first : undefined,
      to: parsed.to ? calendarDateBounds(parsed.to).last : undefined,
    },
  );
}

export const eventCounts = cached("eventCounts", eventCountsQuery);
