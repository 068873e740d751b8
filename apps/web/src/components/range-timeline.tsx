/**
 * Events drawn as what they are: ranges. A row per event, a bar from its first possible day to
 * its last; open ends fade to the axis edge with an arrow and are said in words; single days
 * are points. Positions are percentages, so the chart fits any width.
 */
import { ArrowLeft, ArrowRight } from "lucide-react";
import type { ReactNode } from "react";
import Link from "@/components/ui/link";
import { eventHref } from "@/lib/links";
import { barFor, type Ranged, type Scale } from "@/lib/time-scale";
import { cn } from "@/lib/utils";

export function Axis({ scale, className }: { scale: Scale; className?: string }) {
  return (
    <div
      aria-hidden
      data-testid="axis"
      className={cn("relative h-5 border-b text-[0.7rem] text-muted-foreground", className)}
    >
      {scale.ticks.map((t) => (
        <span
          key={t.label}
          className="absolute bottom-0 -translate-x-1/2 border-l border-border pb-1 pl-0.5"
          style={{ left: `${t.x}%` }}
        >
          {t.label}
        </span>
      ))}
    </div>
  );
}

/** One event's bar on the track; `label` is the time in words, for the tooltip and screen readers. */
export function RangeBar({ scale, item, label }: { scale: Scale; item: Ranged; label: string }) {
  const bar = barFor(scale, item);
  const open = [
    bar.openStart && "no earlier bound",
    bar.openEnd && "no later bound",
    bar.clippedStart && "starts before this window",
    bar.clippedEnd && "ends after this window",
  ]
    .filter(Boolean)
    .join(", ");
  const title = open ? `${label} (${open})` : label;
  return (
    <div className="relative h-4 rounded-sm bg-muted/60" title={title}>
      {scale.ticks.map((t) => (
        <span
          key={t.label}
          aria-hidden
          className="absolute inset-y-0 border-l border-border/60"
          style={{ left: `${t.x}%` }}
        />
      ))}
      {bar.point ? (
        <span
          aria-hidden
          className="absolute top-1/2 size-2.5 -translate-x-1/2 -translate-y-1/2 rounded-full bg-primary ring-2 ring-card"
          style={{ left: `${bar.left}%` }}
        />
      ) : (
        <span
          aria-hidden
          className={cn(
            "absolute inset-y-0.5 rounded-sm bg-primary/70",
            bar.openStart && "rounded-l-none bg-gradient-to-r from-transparent to-primary/70",
            bar.openEnd && "rounded-r-none bg-gradient-to-r from-primary/70 to-transparent",
            bar.clippedStart && "rounded-l-none",
            bar.clippedEnd && "rounded-r-none",
          )}
          style={{ left: `${bar.left}%`, width: `${bar.width}%` }}
        />
      )}
      {bar.openStart && <ArrowLeft aria-hidden className="absolute top-0 left-0 size-4 text-primary" />}
      {bar.openEnd && <ArrowRight aria-hidden className="absolute top-0 right-0 size-4 text-primary" />}
      <span className="sr-only">{title}</span>
    </div>
  );
}

export interface TimelineRow extends Ranged {
  id: string;
  title: string;
  when: string;
  /** Under the time, in the text column (roles, badges). */
  extra?: ReactNode;
  /** Under the whole row (an evidence toggle that expands to full width). */
  below?: ReactNode;
}

/** A compact chart of events (used on actor profiles): title, time in words, and the bar. */
export function MiniTimeline({ scale, rows }: { scale: Scale; rows: TimelineRow[] }) {
  return (
    <div className="flex flex-col gap-1.5">
      <div className="grid grid-cols-1 gap-x-4 sm:grid-cols-[minmax(0,20rem)_1fr]">
        <span className="hidden sm:block" />
        <Axis scale={scale} />
      </div>
      <ol className="flex flex-col divide-y">
        {rows.map((r) => (
          <li
            key={r.id}
            className="grid grid-cols-1 items-center gap-x-4 gap-y-1 py-2 sm:grid-cols-[minmax(0,20rem)_1fr]"
          >
            <div className="min-w-0 text-sm">
              <Link href={eventHref(r.id)} className="font-medium text-primary hover:underline">
                {r.title}
              </Link>
              <span className="block text-xs text-muted-foreground">
                {r.when}
                {r.extra}
              </span>
            </div>
            <RangeBar scale={scale} item={r} label={r.when} />
            {r.below && <div className="sm:col-span-2">{r.below}</div>}
          </li>
        ))}
      </ol>
    </div>
  );
}
