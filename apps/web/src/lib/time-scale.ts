/**
 * A linear day scale for drawing events as ranges: a year-precision event spans its whole year,
 * an open-ended one runs to the edge of the axis (and says so), a day is a thin mark.
 */
import { calendarDateBounds, calendarDateProblem } from "@atlas/schema";

const DAY = 86_400_000;

export const dayNumber = (iso: string) => Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY);

export interface Ranged {
  earliest: string | null;
  latest: string | null;
}

export interface Scale {
  start: number;
  end: number;
  /** Position of a day as a percentage of the axis, clamped to [0, 100]. */
  x(day: number): number;
  ticks: { label: string; x: number }[];
}

export interface Bar {
  left: number;
  width: number;
  openStart: boolean;
  openEnd: boolean;
  /** True when the range is narrower than a pixel would show: drawn as a point. */
  point: boolean;
  /** The range runs past the axis (a zoomed window): cut, not open. */
  clippedStart: boolean;
  clippedEnd: boolean;
}

const yearStart = (y: number) => dayNumber(`${String(y).padStart(4, "0")}-01-01`);

/** The scale for a set of ranges, or for an explicit window (YYYY-MM-DD bounds). */
export function scaleFor(items: Ranged[], window: { from?: string; to?: string } = {}): Scale | null {
  const starts = items.flatMap((i) => (i.earliest ? [dayNumber(i.earliest)] : []));
  const ends = items.flatMap((i) => (i.latest ? [dayNumber(i.latest)] : []));
  let start = window.from ? dayNumber(window.from) : Math.min(...starts, ...ends);
  let end = window.to ? dayNumber(window.to) : Math.max(...ends, ...starts);
  if (!Number.isFinite(start) || !Number.isFinite(end)) return null;
  // Snap to whole years so ticks fall on year boundaries.
  const y0 = new Date(start * DAY).getUTCFullYear();
  const y1 = new Date(end * DAY).getUTCFullYear() + 1;
  start = yearStart(y0);
  end = yearStart(y1) - 1;
  const span = Math.max(end - start, 1);
  const years = y1 - y0;
  const step = [1, 2, 5, 10, 20, 50].find((s) => years / s <= 8) ?? 100;
  const ticks: Scale["ticks"] = [];
  for (let y = Math.ceil(y0 / step) * step; y < y1; y += step) {
    ticks.push({ label: String(y), x: ((yearStart(y) - start) / span) * 100 });
  }
  return {
    start,
    end,
    x: (day) => Math.min(100, Math.max(0, ((day - start) / span) * 100)),
    ticks,
  };
}

export function barFor(scale: Scale, item: Ranged): Bar {
  const openStart = item.earliest === null;
  const openEnd = item.latest === null;
  const first = openStart ? null : dayNumber(item.earliest as string);
  const last = openEnd ? null : dayNumber(item.latest as string);
  const left = first === null ? 0 : scale.x(first);
  const right = last === null ? 100 : scale.x(last + 1);
  const width = Math.max(right - left, 0);
  return {
    left,
    width,
    openStart,
    openEnd,
    point: width < 0.6,
    clippedStart: first !== null && first < scale.start,
    clippedEnd: last !== null && last > scale.end,
  };
}

/** The first day of "2019", "2019-05" or "2019-05-14"; undefined if it is not a date that exists. */
export const firstDayOf = (s: string | undefined) =>
  s && !calendarDateProblem(s) ? calendarDateBounds(s).first : undefined;

/** The last day of "2019", "2019-05" or "2019-05-14". */
export const lastDayOf = (s: string | undefined) =>
  s && !calendarDateProblem(s) ? calendarDateBounds(s).last : undefined;
