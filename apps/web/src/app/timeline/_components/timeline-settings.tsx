/**
 * The box above the timeline that says how it is read and lets the reader change it: the window as
 * the page read it, the switch that keeps only events inside it, the switch to events several
 * sources report, the sort, and "export these".
 */
import { describeTime } from "@atlas/schema";
import { ExportThese } from "@/components/export-these";
import Link from "@/components/ui/link";
import type { Stats } from "@/lib/types";
import { cn, plural } from "@/lib/utils";
import type { Timeline, TimelineHref } from "./timeline-data";

/** The window as the page read it: "1 December 2019 – 31 January 2020", from what was typed. */
function windowWords(from: string | undefined, to: string | undefined): string {
  const a = from ? describeTime({ edtf: from }) : null;
  const b = to ? describeTime({ edtf: to }) : null;
  if (a && b) return a === b ? a : `${a} to ${b}`;
  return a ? `${a} onwards` : `up to ${b}`;
}

export function TimelineSettings({
  params,
  filter,
  typed,
  hasWindow,
  here,
  spanning,
  stats,
}: Pick<Timeline, "params" | "filter" | "typed" | "hasWindow" | "here"> & {
  /** How many events only span the window (null when there is no window to span). */
  spanning: number | null;
  stats: Stats;
}) {
  return (
    <div className="flex flex-col gap-2 rounded-lg border bg-card p-3 text-sm" data-testid="timeline-view">
      {hasWindow && <WindowReading filter={filter} typed={typed} />}
      {hasWindow && spanning !== null && (
        <InsideSwitch inside={Boolean(filter.inside)} spanning={spanning} here={here} />
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
  );
}

/** "Window: December 2019 to January 2020 (read from …)": how the typed dates were read. */
function WindowReading({ filter, typed }: Pick<Timeline, "filter" | "typed">) {
  return (
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
  );
}

/** The switch that hides events which only span the window, saying how many that is. */
function InsideSwitch({ inside, spanning, here }: { inside: boolean; spanning: number; here: TimelineHref }) {
  return (
    <p>
      <Link
        href={here({ inside: inside ? undefined : "1" })}
        role="switch"
        aria-checked={inside}
        className="tap inline-flex items-center gap-2 text-primary underline"
      >
        <span
          aria-hidden
          className={cn(
            "inline-flex h-4 w-7 items-center rounded-full border p-0.5",
            inside ? "justify-end border-primary bg-primary" : "bg-muted",
          )}
        >
          <span className={cn("size-3 rounded-full", inside ? "bg-primary-foreground" : "bg-muted-foreground")} />
        </span>
        Only events that fall inside the window
      </Link>{" "}
      <span className="text-muted-foreground">
        {inside
          ? `— on: ${plural(spanning, "event")} that only span the window ${spanning === 1 ? "is" : "are"} hidden.`
          : `— off: ${plural(spanning, "event")} shown here only span the window (a background “between 2014 and 2021”); switch on to hide ${spanning === 1 ? "it" : "them"}.`}
      </span>
    </p>
  );
}
