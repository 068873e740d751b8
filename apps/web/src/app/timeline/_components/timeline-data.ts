/**
 * What the timeline page loads and reads from its URL: the filters, the five lists it asks the
 * API for at once (a page of events, the actors and places to filter by, the totals, the counts
 * per period), and what follows from them — the names the filters point at, whether anything is
 * filtered, and the page's own address with one setting changed.
 */
import { query } from "@/lib/links";
import { type TimelineQuery, timelineQuery } from "@/lib/lists";
import { first, type SearchParams } from "@/lib/search-params";
import { firstDayOf, lastDayOf, type Scale, scaleFor } from "@/lib/time-scale";
import type { EventCounts, EventSummary, Place, Stats } from "@/lib/types";
import { api, type Outputs } from "@/trpc/client";
import { type Loaded, load } from "@/trpc/load";

type TimelineEvents = Outputs["events"]["timeline"];
type ActorList = Outputs["actors"]["list"];
type ActorChoice = ActorList["items"][number];

/** This page's address with some parameters changed (a cursor is dropped: a new setting starts at the top). */
export type TimelineHref = (change: Record<string, string | undefined>) => string;

export interface Timeline extends TimelineQuery {
  params: SearchParams;
  cursor: string | undefined;
  result: Loaded<[TimelineEvents, ActorList, Stats, Place[], EventCounts]>;
  /** Actors involved in events, to filter by (none when the API failed). */
  actors: ActorChoice[];
  /** Places with events within them, to filter by. */
  places: Place[];
  actorName: string | undefined;
  placeName: string | undefined;
  hasWindow: boolean;
  filtered: boolean;
  here: TimelineHref;
}

/** Reads the URL and loads everything the page shows, in one batch. */
export async function loadTimeline(params: SearchParams): Promise<Timeline> {
  const { filter, typed, problem } = timelineQuery(params);
  const cursor = first(params.cursor);
  const per = first(params.per);
  const result = await load("the timeline", () =>
    Promise.all([
      api.events.timeline.query({ ...filter, cursor, limit: 200 }),
      api.actors.list.query({ involvement: "events", sort: "events", limit: 200 }),
      api.stats.get.query(),
      api.places.list.query(),
      api.events.counts.query({ ...filter, by: per === "month" || per === "year" ? per : undefined }),
    ]),
  );
  const hasWindow = Boolean(filter.from || filter.to);
  const here: TimelineHref = (change) =>
    `/timeline${query({ ...Object.fromEntries(Object.entries(params).filter(([k]) => k !== "cursor")), ...change })}`;
  const filtered = Boolean(
    filter.actorId || filter.kind || filter.placeId || typed.from || typed.to || filter.corroborated,
  );
  const actors = result.ok ? result.data[1].items : [];
  const actorName = actors.find((a) => a.id === filter.actorId)?.name;
  const places = result.ok ? result.data[3].filter((p) => p.eventsWithin > 0) : [];
  const placeName = places.find((p) => p.id === filter.placeId)?.name;
  return {
    filter,
    typed,
    problem,
    params,
    cursor,
    result,
    actors,
    places,
    actorName,
    placeName,
    hasWindow,
    filtered,
    here,
  };
}

/**
 * The events as drawn: by earliest possible day unless sorted by sources, and the axis they sit
 * on (the window, when there is one). An open start ("1983 or earlier") sits at its known end,
 * not before everything else.
 */
export function drawnEvents(
  items: EventSummary[],
  filter: TimelineQuery["filter"],
): { events: EventSummary[]; scale: Scale | null } {
  const events =
    filter.sort === "sources"
      ? items
      : [...items].sort(
          (a, b) =>
            (a.earliest ?? a.latest ?? "").localeCompare(b.earliest ?? b.latest ?? "") || a.id.localeCompare(b.id),
        );
  const scale = scaleFor(events, { from: firstDayOf(filter.from), to: lastDayOf(filter.to) });
  return { events, scale };
}
