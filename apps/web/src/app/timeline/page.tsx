/**
 * The timeline: events in order, each drawn over the whole span its date allows, under a chart of
 * how many events fell in each month or year (with the same filters). Filters (actor, kind, place,
 * window) live in the URL; the window also zooms the axis.
 */
import type { Metadata } from "next";
import { ApiFailure } from "@/components/api-failure";
import { Empty, PageHeader } from "@/components/page";
import type { SearchParams } from "@/lib/search-params";
import { TimelineCounts } from "./_components/timeline-counts";
import { drawnEvents, loadTimeline, type Timeline } from "./_components/timeline-data";
import { TimelineEvents } from "./_components/timeline-events";
import { TimelineFilters } from "./_components/timeline-filters";
import { TimelineSettings } from "./_components/timeline-settings";

export const metadata: Metadata = {
  title: "Timeline",
  description:
    "Events involving Iraq's armed groups in time order, each drawn over the span its date allows — a year is a year, not January 1st.",
};

export default async function TimelinePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const timeline = await loadTimeline(await searchParams);
  const { result, problem, actorName, placeName } = timeline;
  return (
    <>
      <PageHeader
        title={`Timeline${actorName || placeName ? `: ${[actorName, placeName].filter(Boolean).join(", ")}` : ""}`}
      >
        Events in order of their earliest possible day (an event with no earlier bound, at its latest). Each bar covers
        every day the sources allow: “2014” spans the year, “June 2014” the month; an arrow means the sources give no
        bound on that side.
      </PageHeader>
      <TimelineFilters {...timeline} />
      {problem && (
        <p role="alert" className="rounded-md border border-danger/40 bg-card p-3 text-sm">
          {problem}. The timeline below is not limited in time.
        </p>
      )}
      {result.ok ? <TimelineBody timeline={timeline} data={result.data} /> : <ApiFailure failure={result.failure} />}
    </>
  );
}

/** What the API answered: the settings, the counts chart when there is anything to count, and the events. */
function TimelineBody({
  timeline,
  data: [page, , stats, , counts],
}: {
  timeline: Timeline;
  data: Extract<Timeline["result"], { ok: true }>["data"];
}) {
  const { events, scale } = drawnEvents(page.items, timeline.filter);
  return (
    <>
      <TimelineSettings {...timeline} spanning={page.spanning} stats={stats} />
      {counts.charted + counts.openEnded > 0 && <TimelineCounts {...timeline} counts={counts} />}
      {events.length === 0 || !scale ? (
        <Empty>No event matches these filters.</Empty>
      ) : (
        <TimelineEvents {...timeline} events={events} scale={scale} nextCursor={page.nextCursor} />
      )}
    </>
  );
}
