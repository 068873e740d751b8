/**
 * The timeline: events in order, each drawn over the whole span its date allows, under a chart of
 * how many events fell in each month or year (with the same filters). Filters (actor, kind, place,
 * window) live in the URL; the window also zooms the axis.
 */
import { describeTime } from "@atlas/schema";
import type { Metadata } from "next";
import { ActorLink } from "@/components/actor-link";
import { ApiFailure } from "@/components/api-failure";
import { EventCountsChart } from "@/components/event-counts";
import { ExportThese } from "@/components/export-these";
import { FilterActions } from "@/components/filter-actions";
import { Empty, PageHeader } from "@/components/page";
import { Pager, toUrlParams } from "@/components/pager";
import { Axis, RangeBar } from "@/components/range-timeline";
import { TimeText } from "@/components/time";
import { Badge } from "@/components/ui/badge";
import { choicesOf, Input, Label, recordChoices, SelectField } from "@/components/ui/form";
import Link from "@/components/ui/link";
import { EVENT_KIND_LIST, eventKindDescription } from "@/lib/labels";
import { eventHref, placeHref, query } from "@/lib/links";
import { timelineQuery } from "@/lib/lists";
import { first, type SearchParams } from "@/lib/search-params";
import { firstDayOf, lastDayOf, type Scale, scaleFor } from "@/lib/time-scale";
import type { EventSummary } from "@/lib/types";
import { cn, plural, words } from "@/lib/utils";
import { api } from "@/trpc/client";
import { load } from "@/trpc/load";

export const metadata: Metadata = {
  title: "Timeline",
  description:
    "Events involving Iraq's armed groups in time order, each drawn over the span its date allows — a year is a year, not January 1st.",
};

/** Periods an analyst of Iraq's militias reaches for first, bounded as the documents date them. */
const PERIODS = [
  { label: "All time", from: undefined, to: undefined },
  { label: "Before 2003", from: undefined, to: "2002" },
  { label: "Invasion to withdrawal, 2003–2012", from: "2003", to: "2012" },
  { label: "War against IS, 2014–2017", from: "2014", to: "2017" },
  { label: "Since 2018", from: "2018", to: undefined },
];

/** The window as the page read it: "1 December 2019 – 31 January 2020", from what was typed. */
function windowWords(from: string | undefined, to: string | undefined): string {
  const a = from ? describeTime({ edtf: from }) : null;
  const b = to ? describeTime({ edtf: to }) : null;
  if (a && b) return a === b ? a : `${a} to ${b}`;
  return a ? `${a} onwards` : `up to ${b}`;
}

export default async function TimelinePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
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
  const here = (change: Record<string, string | undefined>) =>
    `/timeline${query({ ...Object.fromEntries(Object.entries(params).filter(([k]) => k !== "cursor")), ...change })}`;
  const filtered = Boolean(
    filter.actorId || filter.kind || filter.placeId || typed.from || typed.to || filter.corroborated,
  );
  const actors = result.ok ? result.data[1].items : [];
  const actorName = actors.find((a) => a.id === filter.actorId)?.name;
  const places = result.ok ? result.data[3].filter((p) => p.eventsWithin > 0) : [];
  const placeName = places.find((p) => p.id === filter.placeId)?.name;
  return (
    <>
      <PageHeader
        title={`Timeline${actorName || placeName ? `: ${[actorName, placeName].filter(Boolean).join(", ")}` : ""}`}
      >
        Events in order of their earliest possible day (an event with no earlier bound, at its latest). Each bar covers
        every day the sources allow: “2014” spans the year, “June 2014” the month; an arrow means the sources give no
        bound on that side.
      </PageHeader>
      <form action="/timeline" className="flex flex-col gap-3 rounded-lg border bg-card p-4">
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-[2fr_1.3fr_1.3fr_1fr_1fr_auto]">
          <SelectField
            label="Actor"
            name="actor"
            defaultValue={filter.actorId ?? ""}
            empty="Any actor"
            choices={recordChoices(actors, (a) => `${a.name} (${a.counts.events})`)}
          />
          <SelectField
            label="Kind"
            name="kind"
            defaultValue={filter.kind?.[0] ?? ""}
            empty="Any kind"
            choices={choicesOf(EVENT_KIND_LIST, words)}
          />
          <SelectField
            label="Place"
            name="place"
            defaultValue={filter.placeId ?? ""}
            empty="Anywhere"
            choices={recordChoices(places, (p) => `${p.name} (${p.eventsWithin})`)}
          />
          <Label>
            From
            <Input name="from" defaultValue={typed.from} placeholder="e.g. December 2019" />
          </Label>
          <Label>
            To
            <Input name="to" defaultValue={typed.to} placeholder="e.g. Jan 2020" />
          </Label>
          <div className="flex items-end gap-2">
            <FilterActions clearHref="/timeline" filtered={filtered} />
          </div>
        </div>
        {filter.sort && <input type="hidden" name="sort" value={filter.sort} />}
        {filter.corroborated && <input type="hidden" name="several" value="1" />}
        {filter.inside && <input type="hidden" name="inside" value="1" />}
        <p className="text-xs text-muted-foreground">
          Type dates as you would say them — “2019”, “December 2019”, “Dec 2019 – Jan 2020” (in From alone) — or as
          2019-12. A window keeps every event that may have happened in it (its range overlaps), so an event dated only
          “2014” appears in a window on June 2014.
        </p>
        <nav aria-label="Periods" className="flex flex-wrap gap-1.5">
          {PERIODS.map((p) => {
            const active = p.from === typed.from && p.to === typed.to;
            return (
              <Link
                key={p.label}
                href={`/timeline${query({ actor: filter.actorId, kind: filter.kind, place: filter.placeId, from: p.from, to: p.to })}`}
                aria-current={active ? "true" : undefined}
                className={cn(
                  "tap inline-flex items-center rounded-full border px-2.5 py-1 text-xs hover:bg-muted",
                  active && "border-primary bg-accent font-medium",
                )}
              >
                {p.label}
              </Link>
            );
          })}
        </nav>
      </form>
      {problem && (
        <p role="alert" className="rounded-md border border-danger/40 bg-card p-3 text-sm">
          {problem}. The timeline below is not limited in time.
        </p>
      )}
      {!result.ok ? (
        <ApiFailure failure={result.failure} />
      ) : (
        (() => {
          const [page, , stats, , counts] = result.data;
          // An open start ("1983 or earlier") sits at its known end, not before everything else.
          const events =
            filter.sort === "sources"
              ? page.items
              : [...page.items].sort(
                  (a, b) =>
                    (a.earliest ?? a.latest ?? "").localeCompare(b.earliest ?? b.latest ?? "") ||
                    a.id.localeCompare(b.id),
                );
          const scale = scaleFor(events, { from: firstDayOf(filter.from), to: lastDayOf(filter.to) });
          return (
            <>
              <div className="flex flex-col gap-2 rounded-lg border bg-card p-3 text-sm" data-testid="timeline-view">
                {hasWindow && (
                  <p data-testid="window-reading">
                    Window: <strong>{windowWords(filter.from, filter.to)}</strong>
                    {(typed.from || typed.to) && (
                      <span className="text-muted-foreground">
                        {" "}
                        (read from “{[typed.from, typed.to].filter(Boolean).join("” and “")}”)
                      </span>
                    )}
                    . The axis shows that window.
                  </p>
                )}
                {hasWindow && page.spanning !== null && (
                  <p>
                    <Link
                      href={here({ inside: filter.inside ? undefined : "1" })}
                      role="switch"
                      aria-checked={Boolean(filter.inside)}
                      className="tap inline-flex items-center gap-2 text-primary underline"
                    >
                      <span
                        aria-hidden
                        className={cn(
                          "inline-flex h-4 w-7 items-center rounded-full border p-0.5",
                          filter.inside ? "justify-end border-primary bg-primary" : "bg-muted",
                        )}
                      >
                        <span
                          className={cn(
                            "size-3 rounded-full",
                            filter.inside ? "bg-primary-foreground" : "bg-muted-foreground",
                          )}
                        />
                      </span>
                      Only events that fall inside the window
                    </Link>{" "}
                    <span className="text-muted-foreground">
                      {filter.inside
                        ? `— on: ${plural(page.spanning, "event")} that only span the window ${page.spanning === 1 ? "is" : "are"} hidden.`
                        : `— off: ${plural(page.spanning, "event")} shown here only span the window (a background “between 2014 and 2021”); switch on to hide ${page.spanning === 1 ? "it" : "them"}.`}
                    </span>
                  </p>
                )}
                <p className="flex flex-wrap items-center gap-x-3 gap-y-1">
                  <Link
                    href={here({ several: filter.corroborated ? undefined : "1" })}
                    role="switch"
                    aria-checked={Boolean(filter.corroborated)}
                    className={cn(
                      "tap inline-flex items-center rounded-full border px-2.5 py-1 text-xs hover:bg-muted",
                      filter.corroborated && "border-primary bg-accent font-medium",
                    )}
                  >
                    Only events reported by several sources ({stats.corroboratedEvents})
                  </Link>
                  <span className="text-muted-foreground">Sort:</span>
                  {(
                    [
                      [undefined, "by date"],
                      ["sources", "by number of sources"],
                    ] as const
                  ).map(([value, label]) => (
                    <Link
                      key={label}
                      href={here({ sort: value })}
                      aria-current={filter.sort === value ? "true" : undefined}
                      className={cn(
                        "tap inline-flex items-center rounded-full border px-2.5 py-1 text-xs hover:bg-muted",
                        filter.sort === value && "border-primary bg-accent font-medium",
                      )}
                    >
                      {label}
                    </Link>
                  ))}
                </p>
                <ExportThese list="timeline" params={params} what="events" />
              </div>
              {counts.charted + counts.openEnded > 0 && (
                <section aria-labelledby="counts-heading" className="flex flex-col gap-2">
                  <div className="flex flex-wrap items-baseline justify-between gap-2">
                    <h2 id="counts-heading" className="text-lg font-semibold tracking-tight">
                      Events per {counts.by}
                    </h2>
                    <nav aria-label="Count per" className="flex gap-1.5 text-xs">
                      {(["month", "year"] as const).map((b) => (
                        <Link
                          key={b}
                          href={here({ per: b })}
                          aria-current={counts.by === b ? "true" : undefined}
                          className={cn(
                            "tap inline-flex items-center rounded-full border px-2.5 py-1 hover:bg-muted",
                            counts.by === b && "border-primary bg-accent font-medium",
                          )}
                        >
                          per {b}
                        </Link>
                      ))}
                    </nav>
                  </div>
                  <EventCountsChart
                    counts={counts}
                    title={`Events per ${counts.by}${actorName ? ` involving ${actorName}` : ""}${placeName ? ` in ${placeName}` : ""}${filter.kind ? ` (${filter.kind.map(words).join(", ")})` : ""}`}
                    periodHref={(p) => here({ from: p.period, to: p.period })}
                  />
                </section>
              )}
              {events.length === 0 || !scale ? (
                <Empty>No event matches these filters.</Empty>
              ) : (
                <>
                  <p className="text-sm text-muted-foreground" aria-live="polite">
                    {plural(events.length, "event")}
                    {page.nextCursor ? " on this page" : ""}
                  </p>
                  <div className="rounded-lg border bg-card p-3 sm:p-4">
                    <div className="sticky top-0 z-10 grid grid-cols-1 gap-x-4 bg-card pb-1 md:grid-cols-[minmax(0,24rem)_1fr]">
                      <span className="hidden text-xs text-muted-foreground md:block">Event</span>
                      <Axis scale={scale} />
                    </div>
                    <ol className="flex flex-col divide-y">
                      {events.map((e) => (
                        <TimelineRow key={e.id} event={e} scale={scale} />
                      ))}
                    </ol>
                  </div>
                  <Pager
                    path="/timeline"
                    params={toUrlParams(params)}
                    nextCursor={page.nextCursor}
                    hasPrevious={Boolean(cursor)}
                  />
                </>
              )}
            </>
          );
        })()
      )}
    </>
  );
}

function TimelineRow({ event: e, scale }: { event: EventSummary; scale: Scale }) {
  return (
    <li className="grid grid-cols-1 items-center gap-x-4 gap-y-1 py-2 md:grid-cols-[minmax(0,24rem)_1fr]">
      <div className="min-w-0">
        <p className="text-xs text-muted-foreground">
          <TimeText time={e.time} />
        </p>
        <Link href={eventHref(e.id)} className="font-medium text-primary hover:underline">
          {e.title}
        </Link>
        <p className="mt-0.5 flex flex-wrap items-center gap-x-2 gap-y-0.5 text-xs text-muted-foreground">
          <Badge variant="outline" title={eventKindDescription(e.kind)}>
            {words(e.kind)}
          </Badge>
          {e.place && (
            <Link href={placeHref(e.place.id)} className="hover:underline">
              {e.place.name}
            </Link>
          )}
          <span>{plural(e.sourceIds.length, "source")}</span>
        </p>
        {e.participants.length > 0 && (
          <p className="mt-0.5 flex flex-wrap gap-x-2 text-xs">
            {e.participants.slice(0, 4).map((p) => (
              <span key={`${p.actor.id}:${p.role}`} className="inline-flex items-baseline gap-1">
                <ActorLink actor={p.actor} className="text-xs" />
                <span className="text-muted-foreground">({words(p.role)})</span>
              </span>
            ))}
            {e.participants.length > 4 && (
              <span className="text-muted-foreground">+{e.participants.length - 4} more</span>
            )}
          </p>
        )}
      </div>
      <RangeBar scale={scale} item={e} label={describeTime(e.time)} />
    </li>
  );
}
