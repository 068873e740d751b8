/**
 * The events themselves: how many, the axis, a row per event (its date, title, kind, place,
 * sources and first participants beside a bar over every day its date allows), and the pager.
 */
import { describeTime } from "@atlas/schema";
import { ActorLink } from "@/components/actor-link";
import { Pager, toUrlParams } from "@/components/pager";
import { Axis, RangeBar } from "@/components/range-timeline";
import { TimeText } from "@/components/time";
import { Badge } from "@/components/ui/badge";
import Link from "@/components/ui/link";
import { eventKindDescription } from "@/lib/labels";
import { eventHref, placeHref } from "@/lib/links";
import type { Scale } from "@/lib/time-scale";
import type { EventSummary } from "@/lib/types";
import { plural, words } from "@/lib/utils";
import type { Timeline } from "./timeline-data";

export function TimelineEvents({
  events,
  scale,
  nextCursor,
  params,
  cursor,
}: Pick<Timeline, "params" | "cursor"> & { events: EventSummary[]; scale: Scale; nextCursor: string | null }) {
  return (
    <>
      <p className="text-sm text-muted-foreground" aria-live="polite">
        {plural(events.length, "event")}
        {nextCursor ? " on this page" : ""}
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
      <Pager path="/timeline" params={toUrlParams(params)} nextCursor={nextCursor} hasPrevious={Boolean(cursor)} />
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
