/** Events: the timeline (dates, kinds, actors, places) and one event with its corroborating sources. */

import { CalendarDate, calendarDateBounds, dateRangeProblem, EventKind } from "@atlas/schema";
import { type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../db/client.js";
import { cached } from "./cache.js";
import { actorRefSql, claimSummaries, eventSummaries, quotesFor } from "./common.js";
import { deathsAgreement, sourceAccounts } from "./event-accounts.js";
import { decodeCursor, PageInput, toPage } from "./page.js";
import { all, one } from "./run.js";
import { type EventDetail, EventSummary, type FatalityView, pageOf, type Quote, type SourceRef } from "./types.js";

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

const sourceCountSql = sql`(select count(distinct ev.source_id) from evidence ev where ev.subject_type = 'event' and ev.subject_id = e.id)`;
/** Sorting by sources: most first, then by time; one text key so the cursor stays a pair. */
const bySourcesKey = sql`lpad((999999 - ${sourceCountSql})::text, 6, '0') || '|' || coalesce(e.time_earliest::text, '')`;

/**
 * The filters as conditions on `e` (the events table). An event spans [earliest, latest] (a
 * year-precision event covers the whole year), so the window keeps every event whose span
 * overlaps it (`common`); `inside` is the stricter test, both ends known and within the window.
 */
function windowConditions(filter: z.output<typeof TimelineFilter>): { common: SQL[]; insideWindow: SQL } {
  const { from, to, kind, actorId, placeId, sourceId, corroborated } = filter;
  const insideWindow = sql.join(
    [from ? sql`e.time_earliest >= ${firstDay(from)}` : null, to ? sql`e.time_latest <= ${lastDay(to)}` : null].filter(
      (f) => f !== null,
    ),
    sql` and `,
  );
  const common = [
    from ? sql`(e.time_latest is null or e.time_latest >= ${firstDay(from)})` : null,
    to ? sql`(e.time_earliest is null or e.time_earliest <= ${lastDay(to)})` : null,
    kind?.length ? sql`e.kind in ${kind}` : null,
    actorId ? sql`exists (select 1 from participants pa where pa.event_id = e.id and pa.actor_id = ${actorId})` : null,
    placeId
      ? sql`e.place_id in (with recursive inside(id) as (select ${placeId}::text union select pl.id from places pl join inside on pl.within_id = inside.id) select id from inside)`
      : null,
    sourceId
      ? sql`exists (select 1 from evidence ev where ev.subject_type = 'event' and ev.subject_id = e.id and ev.source_id = ${sourceId})`
      : null,
    corroborated ? sql`${sourceCountSql} > 1` : null,
  ].filter((f) => f !== null);
  return { common, insideWindow };
}

/** The events the timeline lists for these filters, as conditions on `e`. */
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
  const key = sort === "sources" ? bySourcesKey : sql`coalesce(e.time_earliest::text, '')`;
  const filters = [
    ...timelineConditions(parsed),
    after ? sql`(${key}, e.id) > (${after[0]}, ${after[1]})` : null,
  ].filter((f) => f !== null);
  const where = (parts: SQL[]) => (parts.length ? sql.join(parts, sql` and `) : sql`true`);
  const [rows, spanning] = await Promise.all([
    eventSummaries<{ sortKey: string }>(db, where(filters), sql`${key}, e.id`, limit + 1, sql`${key} as "sortKey"`),
    from || to
      ? one<{ n: number }>(
          db,
          sql`select count(*)::int as n from events e where ${where(common)} and not coalesce(${insideWindow}, false)`,
        )
      : null,
  ]);
  const page = toPage(rows, limit, (r) => [r.sortKey, r.id]);
  return {
    items: page.items.map(({ sortKey: _, ...e }) => e),
    nextCursor: page.nextCursor,
    spanning: spanning?.n ?? null,
  };
}

async function eventByIdQuery(db: Db, id: string): Promise<EventDetail | null> {
  const [summary] = await eventSummaries(db, sql`e.id = ${id}`);
  if (!summary) return null;
  const [participants, fatalityRows, links, quotes, claims] = await Promise.all([
    all<EventDetail["participants"][number]>(
      db,
      sql`select ${actorRefSql("a")} as actor, pa.role, pa.note
          from participants pa join actors a on a.id = pa.actor_id where pa.event_id = ${id} order by pa.role, a.name`,
    ),
    all<Omit<FatalityView, "evidence"> & { ord: number }>(
      db,
      sql`select f.ord, f.low, f.high, f.who, f.expression, f.claim_id as "claimId",
            case when a.id is null then null else ${actorRefSql("a")} end as "reportedBy"
          from fatalities f left join actors a on a.id = f.reported_by_id where f.event_id = ${id} order by f.ord`,
    ),
    all<{ rel: string; id: string; title: string }>(
      db,
      sql`select 'partOf' as rel, p.id, p.title from events e join events p on p.id = e.part_of_id where e.id = ${id}
          union all select 'part', c.id, c.title from events c where c.part_of_id = ${id}
          union all select 'respondsTo', t.id, t.title from event_responses r join events t on t.id = r.response_to_id where r.event_id = ${id}
          union all select 'response', t.id, t.title from event_responses r join events t on t.id = r.event_id where r.response_to_id = ${id}`,
    ),
    quotesFor(db, "event", [id]),
    claimSummaries(db, sql`exists (select 1 from claim_events ce where ce.claim_id = c.id and ce.event_id = ${id})`),
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
  const fatalities = fatalityRows.map(({ ord, ...f }) => ({
    ...f,
    evidence: fatalityEvidence.get(`${id}#${ord}`) ?? [],
  }));
  const accounts = await sourceAccounts(db, id, [...bySource.values()], fatalities, summary.place?.id ?? null);
  return {
    ...summary,
    participants,
    fatalities,
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
