/** The network at a date: the month chosen on a slider, playback through the months, and whether undated relations stay. */
import { Pause, Play } from "lucide-react";
import { Button } from "@/components/ui/button";
import { monthAt, monthLabel, monthNumber } from "@/lib/graph-time";

export function TimeControls({
  span,
  month,
  setMonth,
  playing,
  setPlaying,
  undated,
  setUndated,
}: {
  span: { first: number; last: number };
  month: string | null;
  setMonth: (m: string | null) => void;
  playing: boolean;
  setPlaying: (p: boolean) => void;
  undated: boolean;
  setUndated: (u: boolean) => void;
}) {
  const value = month ? monthNumber(month) : span.last;
  return (
    <fieldset className="flex flex-col gap-2 rounded-lg border bg-card p-3 text-sm">
      <legend className="px-1 text-xs font-medium">The network at a date</legend>
      <div className="flex flex-wrap items-center gap-3">
        <label className="inline-flex items-center gap-1.5">
          <input
            type="checkbox"
            checked={month !== null}
            onChange={(e) => {
              setPlaying(false);
              setMonth(e.target.checked ? monthAt(value) : null);
            }}
          />
          At a chosen month
        </label>
        <input
          type="range"
          min={span.first}
          max={span.last}
          value={value}
          aria-label="Month"
          aria-valuetext={monthLabel(monthAt(value))}
          onChange={(e) => setMonth(monthAt(Number(e.target.value)))}
          className="min-w-40 flex-1"
          data-testid="time-slider"
        />
        <output className="w-32 tabular-nums" aria-live="polite" data-testid="time-month">
          {month ? monthLabel(month) : "all dates"}
        </output>
        <Button
          variant="outline"
          size="sm"
          onClick={() => {
            if (!playing && (month === null || monthNumber(month) >= span.last)) setMonth(monthAt(span.first));
            setPlaying(!playing);
          }}
        >
          {playing ? <Pause aria-hidden /> : <Play aria-hidden />}
          {playing ? "Pause" : "Play"}
        </Button>
      </div>
      <label className="inline-flex items-center gap-1.5 text-xs">
        <input type="checkbox" checked={undated} onChange={(e) => setUndated(e.target.checked)} />
        Keep relations the sources do not date (they have no bounds to check)
      </label>
      <p className="text-xs text-muted-foreground">
        A relation is drawn only in months its dates allow; one known only as “since 2018” runs on. Actors with no
        relation drawn at that month are faint.
      </p>
    </fieldset>
  );
}
