/**
 * The chart of how many events fell in each month or year, under the same filters as the list,
 * with links to count per month or per year; a period's bar opens the timeline on that period.
 */
import { EventCountsChart } from "@/components/event-counts";
import Link from "@/components/ui/link";
import type { EventCounts } from "@/lib/types";
import { cn, words } from "@/lib/utils";
import type { Timeline, TimelineHref } from "./timeline-data";

export function TimelineCounts({
  counts,
  filter,
  actorName,
  placeName,
  here,
}: Pick<Timeline, "filter" | "actorName" | "placeName"> & { counts: EventCounts; here: TimelineHref }) {
  return (
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
  );
}
