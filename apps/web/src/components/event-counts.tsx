/**
 * Events over time, drawn on the server as plain SVG: per month or year, a solid bar for the
 * events dated within the period and, stacked on it, a pale band for those that may fall in it
 * (dates vaguer than the period: "2019" in a chart by month). Below, deaths as the sources report
 * them: a range from the lowest to the highest figure, an arrow where a figure has no upper bound,
 * a "?" where events have no number — never a zero for unknown. The table under it holds every
 * number the chart draws.
 */
import Link from "@/components/ui/link";
import type { EventCounts } from "@/lib/types";
import { cn, plural } from "@/lib/utils";

type Period = EventCounts["periods"][number];

const W = 1000;
const BARS_H = 150;
const DEATHS_H = 60;
const GAP = 26;
const LEFT = 36;
const TOP = 8;
const H = TOP + BARS_H + GAP + DEATHS_H + 22;

export const deathsText = (d: Period["deaths"]) => {
  if (d.reported === 0) return d.unknown ? "not reported" : "—";
  const range = d.high === null ? `${d.low} or more` : d.low === d.high ? `${d.low}` : `${d.low}–${d.high}`;
  return range;
};

function niceMax(n: number): number {
  if (n <= 5) return Math.max(n, 1);
  const step = 10 ** Math.floor(Math.log10(n));
  return Math.ceil(n / step) * step;
}

export function EventCountsChart({
  counts,
  title,
  periodHref,
  compact = false,
}: {
  counts: EventCounts;
  title: string;
  /** Where a period's row leads: the timeline narrowed to that period. */
  periodHref: (p: Period) => string;
  compact?: boolean;
}) {
  const periods = counts.periods;
  const id = `counts-${compact ? "compact" : "full"}`;
  if (periods.length === 0) {
    return <p className="text-sm text-muted-foreground">No event with known dates to count.</p>;
  }
  const max = niceMax(Math.max(...periods.map((p) => p.within + p.spanning)));
  // Headroom above the highest figure, so "1 or more" still has room for its arrow.
  const deathsMax = niceMax(Math.ceil(1.25 * Math.max(...periods.map((p) => p.deaths.high ?? p.deaths.low), 1)));
  const slot = (W - LEFT) / periods.length;
  const bar = Math.max(1, slot * 0.72);
  const x = (i: number) => LEFT + i * slot + (slot - bar) / 2;
  const y = (v: number) => TOP + BARS_H - (v / max) * BARS_H;
  const deathsTop = TOP + BARS_H + GAP;
  const dy = (v: number) => deathsTop + DEATHS_H - (v / deathsMax) * DEATHS_H;
  const every = Math.ceil(periods.length / (compact ? 8 : 14));
  const unit = counts.by === "month" ? "month" : "year";
  return (
    <figure className="flex flex-col gap-2" data-testid="event-counts">
      <svg
        viewBox={`0 0 ${W} ${H}`}
        className="h-auto w-full rounded-lg border bg-card"
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>
          {`Events per ${unit}, ${periods[0]?.label} to ${periods.at(-1)?.label}: ${plural(counts.charted, "event")} with known dates. Every number is in the table below the chart.`}
        </desc>
        {[0, max / 2, max].map((v) => (
          <g key={v} className="text-[11px]">
            <line x1={LEFT} x2={W} y1={y(v)} y2={y(v)} className="stroke-border" />
            <text x={LEFT - 6} y={y(v) + 4} textAnchor="end" className="fill-muted-foreground">
              {Number.isInteger(v) ? v : ""}
            </text>
          </g>
        ))}
        {periods.map((p, i) => (
          <g key={p.period} data-period={p.period}>
            <title>{`${p.label}: ${plural(p.within, "event")} dated within${p.spanning ? `; ${p.spanning} more may fall in it` : ""}; deaths ${deathsText(p.deaths)}`}</title>
            {p.within > 0 && (
              <rect x={x(i)} width={bar} y={y(p.within)} height={y(0) - y(p.within)} className="fill-primary" />
            )}
            {p.spanning > 0 && (
              <rect
                x={x(i)}
                width={bar}
                y={y(p.within + p.spanning)}
                height={y(p.within) - y(p.within + p.spanning)}
                className="fill-primary/25 stroke-primary/50"
                strokeDasharray="3 2"
              />
            )}
            {i % every === 0 && (
              <text x={x(i) + bar / 2} y={H - 6} textAnchor="middle" className="fill-muted-foreground text-[11px]">
                {counts.by === "month" ? p.period : p.label}
              </text>
            )}
          </g>
        ))}
        <text x={LEFT} y={deathsTop - 8} className="fill-muted-foreground text-[11px]">
          Deaths as reported (lowest to highest figure; ↑ no upper bound; ? no number)
        </text>
        <line x1={LEFT} x2={W} y1={dy(0)} y2={dy(0)} className="stroke-border" />
        <text x={LEFT - 6} y={dy(deathsMax) + 8} textAnchor="end" className="fill-muted-foreground text-[11px]">
          {deathsMax}
        </text>
        {periods.map((p, i) => {
          const cx = x(i) + bar / 2;
          const d = p.deaths;
          if (d.reported === 0) {
            return d.unknown ? (
              <text
                key={p.period}
                x={cx}
                y={dy(0) - 3}
                textAnchor="middle"
                className="fill-muted-foreground text-[10px]"
              >
                ?
              </text>
            ) : null;
          }
          const top = d.high === null ? deathsTop : dy(d.high);
          return (
            <g key={p.period} className="stroke-danger" strokeWidth={Math.max(1.5, Math.min(bar, 6))}>
              <line x1={cx} x2={cx} y1={dy(d.low)} y2={Math.min(top, dy(d.low) - 2)} strokeLinecap="round" />
              {d.high === null && (
                <path
                  d={`M${cx - 4},${deathsTop + 5} L${cx},${deathsTop} L${cx + 4},${deathsTop + 5}`}
                  fill="none"
                  strokeWidth={1.5}
                />
              )}
            </g>
          );
        })}
      </svg>
      <figcaption className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-muted-foreground">
        <span className="inline-flex items-center gap-1">
          <span aria-hidden className="inline-block size-3 bg-primary" /> dated within the {unit}
        </span>
        <span className="inline-flex items-center gap-1">
          <span aria-hidden className="inline-block size-3 border border-dashed border-primary/50 bg-primary/25" /> may
          fall in it (dated more vaguely)
        </span>
        {counts.coarsened && <span>Per year: the span is too long to count by month.</span>}
        {counts.openEnded > 0 && (
          <span>{plural(counts.openEnded, "event")} with an open-ended date (“2014 or later”) not drawn.</span>
        )}
      </figcaption>
      <details className={cn("rounded-lg border bg-card p-3 text-sm", compact && "text-xs")}>
        <summary className="font-medium">The chart as a table</summary>
        <table className="mt-2 w-full text-left tabular-nums" data-testid="event-counts-table">
          <caption className="sr-only">{title}: every number the chart draws</caption>
          <thead className="text-xs text-muted-foreground">
            <tr>
              <th scope="col">{counts.by === "month" ? "Month" : "Year"}</th>
              <th scope="col">Events dated within</th>
              <th scope="col">May fall in it</th>
              <th scope="col">Deaths reported</th>
              <th scope="col">Events with no death figure</th>
            </tr>
          </thead>
          <tbody>
            {periods
              .filter((p) => p.within || p.spanning)
              .map((p) => (
                <tr key={p.period} className="border-t" data-period={p.period}>
                  <th scope="row" className="py-1 font-normal">
                    <Link href={periodHref(p)} className="text-primary hover:underline">
                      {p.label}
                    </Link>
                  </th>
                  <td>{p.within}</td>
                  <td>{p.spanning}</td>
                  <td>{deathsText(p.deaths)}</td>
                  <td>{p.deaths.unknown}</td>
                </tr>
              ))}
          </tbody>
        </table>
        <p className="mt-2 text-xs text-muted-foreground">
          Periods with no event are left out of the table; the chart shows them as gaps. Deaths count events dated
          within the period only, each from its lowest to its highest reported figure.
        </p>
      </details>
    </figure>
  );
}
