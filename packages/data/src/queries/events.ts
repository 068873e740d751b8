/** Events: the timeline (dates, kinds, actors, places) and one event with its corroborating sources. */

import { CalendarDate, calendarDateBounds, dateRangeProblem, EventKind } from "@atlas/schema";
import { eq, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { z } from "zod";
import type { Db } from "../db/client.js";
import {
  actors,
  claimEvents,
  eventResponses,
  events,
  evidence,
  fatalities,
  participants,
  places,
} from "../db/schema/index.js";
import { cached } from "./cache.js";
import {
  actorRefSql,
  claimSummaries,
  eventSummaries,
  optionalActorRefSql,
  quotesFor,
  summaryClaim,
  summaryEvent,
} from "./common.js";
import { deathsAgreement, sourceAccounts } from "./event-accounts.js";
import { decodeCursor, PageInput, toPage } from "./page.js";
import { rows } from "./run.js";
import { type EventDetail, EventSummary, pageOf, type Quote, type SourceRef } from "./types.js";

/** A partial date means its first day (from) or last day (to). */
const firstDay = (s: string) => calendarDateBounds(s).first;
const lastDay = (s: string) => calendarDateBounds(s).last;

/** The timeline's filters, without paging: also what "export these" and the counts over time take. */
export const TimelineFilter = z.object({
  from: CalendarDate.optional().describe(
    "Events that may have happened on or after this date (their range overlaps it).",
  ),
  to: CalendarDate.optional().describe("Events that may have happened on or before this date."),
  kind: z.array(EventKind).optional().describe("Only events of these kinds."),
  actorId: z.string().min(1).optional().describe("Only events this actor took part in."),
  placeId: z.string().min(1).optional().describe("Only events at this place or inside it."),
  sourceId: z.string().min(1).optional().describe("Only events this source reports."),
  inside: z
    .boolean()
    .optional()
    .describe(
      "Only events that fall inside the window (from–to), not those that merely span it (a background “between 2014 and 2021”).",
    ),
  corroborated: z.boolean().optional().describe("Only events reported by more than one source."),
  sort: z
    .enum(["time", "sources"])
    .default("time")
    .describe("time: earliest possible day first; sources: most reporting sources first, then by time."),
});
export type TimelineFilter = z.input<typeof TimelineFilter>;

/** Refuses a window whose end is before its start. */
export function checkWindow(
  { from, to }: { from?: string | undefined; to?: string | undefined },
  ctx: z.RefinementCtx,
) {
  const problem = dateRangeProblem(from, to);
  if (problem) ctx.addIssue({ code: "custom", path: ["to"], message: `${problem}; the window would be empty` });
}

export const TimelineInput = PageInput.extend(TimelineFilter.shape).superRefine(checkWindow);
export type TimelineInput = z.input<typeof TimelineInput>;

export const TimelinePage = pageOf(EventSummary)
  .extend({
    spanning: z
      .int()
      .nullable()
      .describe(
        "With a window: how many events that match the other filters overlap the window without falling inside it (hidden when inside is true); null without a window.",
      ),
  })
  .meta({ id: "TimelinePage", description: "A page of the timeline, and how many events merely span its window." });
export type TimelinePage = z.infer<typeof TimelinePage>;

const e = summaryEvent;
const ev = alias(evidence, "ev");
const pa = alias(participants, "pa");
const pl = alias(places, "pl");
const a = alias(actors, "a");

const sourceCountSql = sql`(select count(distinct ${ev.sourceId}) from ${evidence} ${ev} where ${ev.subjectType} = 'event' and ${ev.subjectId} = ${e.id})`;
/** Sorting by sources: most first, then by time; one text key so the cursor stays a pair. */
const bySourcesKey = sql<string>`lpad((999999 - ${sourceCountSql})::text, 6, '0') || '|' || coalesce(${e.timeEarliest}::text, '')`;

/**
 * The filters as conditions on `summaryEvent` (`e`). An event spans [earliest, latest] (a
 * year-precision event covers the whole year), so the window keeps every event whose span
 * overlaps it (`common`); `inside` is the stricter test, both ends known and within the window.
 */
function windowConditions(filter: z.output<typeof TimelineFilter>): { common: SQL[]; insideWindow: SQL } {
  const { from, to, kind, actorId, placeId, sourceId, corroborated } = filter;
  const insideWindow = sql.join(
    [
      from ? sql`${e.timeEarliest} >= ${firstDay(from)}` : null,
      to ? sql`${e.timeLatest} <= ${lastDay(to)}` : null,
    ].filter((f) => f !== null),
    sql` and `,
  );
  const common = [
    from ? sql`(${e.timeLatest} is null or ${e.timeLatest} >= ${firstDay(from)})` : null,
    to ? sql`(${e.timeEarliest} is null or ${e.timeEarliest} <= ${lastDay(to)})` : null,
    kind?.length ? sql`${e.kind} in ${kind}` : null,
    actorId
      ? sql`exists (select 1 from ${participants} ${pa} where ${pa.eventId} = ${e.id} and ${pa.actorId} = ${actorId})`
      : null,
    placeId
      ? sql`${e.placeId} in (with recursive inside(id) as (select ${placeId}::text union select ${pl.id} from ${places} ${pl} join inside on ${pl.withinId} = inside.id) select id from inside)`
      : null,
    sourceId
      ? sql`exists (select 1 from ${evidence} ${ev} where ${ev.subjectType} = 'event' and ${ev.subjectId} = ${e.id} and ${ev.sourceId} = ${sourceId})`
      : null,
    corroborated ? sql`${sourceCountSql} > 1` : null,
  ].filter((f) => f !== null);
  return { common, insideWindow };
}

/** The events the timeline lists for these filters, as conditions on `summaryEvent`. */
export function timelineConditions(filter: z.output<typeof TimelineFilter>): SQL[] {
  const { common, insideWindow } = windowConditions(filter);
  return filter.inside && (filter.from || filter.to) ? [...common, insideWindow] : common;
}

/** Events in time order (or by how many sources report them), a page at a time. */
async function eventsTimelineQuery(db: Db, input: TimelineInput = {}): Promise<TimelinePage> {
  const parsed = TimelineInput.parse(input);
  const { limit, cursor, from, to, sort } = parsed;
  const after = decodeCursor(cursor);
  const { common, insideWindow } = windowConditions(parsed);
  const key = sort === "sources" ? bySourcesKey : sql<string>`coalesce(${e.timeEarliest}::text, '')`;
  const filters = [
    ...timelineConditions(parsed),
    after ? sql`(${key}, ${e.id}) > (${after[0]}, ${after[1]})` : null,
  ].filter((f) => f !== null);
  const where = (parts: SQL[]) => (parts.length ? sql.join(parts, sql` and `) : sql`true`);
  const [rows, spanning] = await Promise.all([
    eventSummaries(db, where(filters), sql`${key}, ${e.id}`, limit + 1, key),
    from || to
      ? db
          .select({ n: sql<number>`count(*)::int` })
          .from(e)
          .where(sql`${where(common)} and not coalesce(${insideWindow}, false)`)
          .then(([row]) => row)
      : null,
  ]);
  const page = toPage(rows, limit, (r) => [r.sortKey, r.id]);
  return {
    items: page.items.map(({ sortKey: _, ...e }) => e),
    nextCursor: page.nextCursor,
    spanning: spanning?.n ?? null,
  };
}

const f = alias(fatalities, "f");
const p = alias(events, "p");
const child = alias(events, "c");
const t = alias(events, "t");
const r = alias(eventResponses, "r");
const ce = alias(claimEvents, "ce");

async function eventByIdQuery(db: Db, id: string): Promise<EventDetail | null> {
  const [summary] = await eventSummaries(db, eq(e.id, id));
  if (!summary) return null;
  const [participantRows, fatalityRows, links, quotes, claims] = await Promise.all([
    db
      .select({ actor: actorRefSql(a), role: pa.role, note: pa.note })
      .from(pa)
      .innerJoin(a, eq(a.id, pa.actorId))
      .where(eq(pa.eventId, id))
      .orderBy(pa.role, a.name),
    db
      .select({
        ord: f.ord,
        low: f.low,
        high: f.high,
        who: f.who,
        expression: f.expression,
        claimId: f.claimId,
        reportedBy: optionalActorRefSql(a),
      })
      .from(f)
      .leftJoin(a, eq(a.id, f.reportedById))
      .where(eq(f.eventId, id))
      .orderBy(f.ord),
    rows(
      db,
      sql<
        { rel: string } & Pick<typeof events.$inferSelect, "id" | "title">
      >`select 'partOf' as rel, ${p.id}, ${p.title} from ${events} ${e} join ${events} ${p} on ${p.id} = ${e.partOfId} where ${e.id} = ${id}
          union all select 'part', ${child.id}, ${child.title} from ${events} ${child} where ${child.partOfId} = ${id}
          union all select 'respondsTo', ${t.id}, ${t.title} from ${eventResponses} ${r} join ${events} ${t} on ${t.id} = ${r.responseToId} where ${r.eventId} = ${id}
          union all select 'response', ${t.id}, ${t.title} from ${eventResponses} ${r} join ${events} ${t} on ${t.id} = ${r.eventId} where ${r.responseToId} = ${id}`,
    ),
    quotesFor(db, "event", [id]),
    claimSummaries(
      db,
      sql`exists (select 1 from ${claimEvents} ${ce} where ${ce.claimId} = ${summaryClaim.id} and ${ce.eventId} = ${id})`,
    ),
  ]);
  const fatalityEvidence = await quotesFor(
    db,
    "fatality",
    fatalityRows.map((f) => `${id}#${f.ord}`),
  );
  const bySource = new Map<string, { source: SourceRef; quotes: Quote[] }>();
  for (const q of quotes.get(id) ?? []) {
    const entry = bySource.get(q.sourceId) ?? { source: q.source, quotes: [] };
    entry.quotes.push(q);
    bySource.set(q.sourceId, entry);
  }
  const linked = (rel: string) => links.filter((l) => l.rel === rel).map(({ id, title }) => ({ id, title }));
  const fatalityViews = fatalityRows.map(({ ord, ...f }) => ({
    ...f,
    evidence: fatalityEvidence.get(`${id}#${ord}`) ?? [],
  }));
  const accounts = await sourceAccounts(db, id, [...bySource.values()], fatalityViews, summary.place?.id ?? null);
  return {
    ...summary,
    participants: participantRows,
    fatalities: fatalityViews,
    partOf: linked("partOf")[0] ?? null,
    parts: linked("part"),
    respondsTo: linked("respondsTo"),
    responses: linked("response"),
    sources: accounts,
    deathsAgreement: deathsAgreement(accounts),
    claims,
  };
}

export const eventsTimeline = cached("eventsTimeline", eventsTimelineQuery);

export const eventById = cached("eventById", eventByIdQuery);
