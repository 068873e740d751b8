/** Events: the timeline (dates, kinds, actors, places) and one event with its corroborating sources. */

import { CalendarDate, calendarDateBounds, dateRangeProblem, EventKind } from "@atlas/schema";
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../db/client.js";
import { cached } from "./cache.js";
import { actorRefSql, claimSummaries, eventSummaries, quotesFor } from "./common.js";
import { decodeCursor, type Page, PageInput, toPage } from "./page.js";
import { all } from "./run.js";
import type { EventDetail, EventSummary, FatalityView, Quote, SourceRef } from "./types.js";

/** A partial date means its first day (from) or last day (to). */
const firstDay = (s: string) => calendarDateBounds(s).first;
const lastDay = (s: string) => calendarDateBounds(s).last;

export const TimelineInput = PageInput.extend({
  from: CalendarDate.optional().describe(
    "Events that may have happened on or after this date (their range overlaps it).",
  ),
  to: CalendarDate.optional().describe("Events that may have happened on or before this date."),
  kind: z.array(EventKind).optional().describe("Only events of these kinds."),
  actorId: z.string().min(1).optional().describe("Only events this actor took part in."),
  placeId: z.string().min(1).optional().describe("Only events at this place or inside it."),
  sourceId: z.string().min(1).optional().describe("Only events this source reports."),
}).superRefine(({ from, to }, ctx) => {
  const problem = dateRangeProblem(from, to);
  if (problem) ctx.addIssue({ code: "custom", path: ["to"], message: `${problem}; the window would be empty` });
});
export type TimelineInput = z.input<typeof TimelineInput>;

/**
 * Events in time order. An event spans [earliest, latest] (a year-precision event covers the
 * whole year), so the date filters keep every event whose span overlaps the window.
 */
async function eventsTimelineQuery(db: Db, input: TimelineInput = {}): Promise<Page<EventSummary>> {
  const { limit, cursor, from, to, kind, actorId, placeId, sourceId } = TimelineInput.parse(input);
  const after = decodeCursor(cursor);
  const filters = [
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
    after ? sql`(coalesce(e.time_earliest::text, ''), e.id) > (${after[0]}, ${after[1]})` : null,
  ].filter((f) => f !== null);
  const rows = await eventSummaries(
    db,
    filters.length ? sql.join(filters, sql` and `) : sql`true`,
    sql`coalesce(e.time_earliest::text, ''), e.id`,
    limit + 1,
  );
  return toPage(rows, limit, (r) => [r.earliest ?? "", r.id]);
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
  return {
    ...summary,
    participants,
    fatalities: fatalityRows.map(({ ord, ...f }) => ({ ...f, evidence: fatalityEvidence.get(`${id}#${ord}`) ?? [] })),
    partOf: linked("partOf")[0] ?? null,
    parts: linked("part"),
    respondsTo: linked("respondsTo"),
    responses: linked("response"),
    sources: [...bySource.values()],
    claims,
  };
}

export const eventsTimeline = cached("eventsTimeline", eventsTimelineQuery);

export const eventById = cached("eventById", eventByIdQuery);
