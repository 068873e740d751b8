/**
 * A linear day scale for drawing events as ranges: a year-precision event spans its whole year,
 * an open-ended one runs to the edge of the axis (and says so), a day is a thin mark.
 */
import { calendarDateBounds, calendarDateProblem, MONTH_ABBREVIATIONS } from "@atlas/schema";

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
const monthStart = (y: number, m: number) =>
  dayNumber(`${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-01`);
const MONTHS = MONTH_ABBREVIATIONS;

/** Ticks for [start, end]: years on a long axis, months on a window of months, weeks on a few weeks. */
function ticksFor(start: number, end: number): { label: string; day: number }[] {
  const first = new Date(start * DAY);
  const last = new Date(end * DAY);
  const y0 = first.getUTCFullYear();
  const y1 = last.getUTCFullYear();
  const months = (y1 - y0) * 12 + last.getUTCMonth() - first.getUTCMonth() + 1;
  const ticks: { label: string; day: number }[] = [];
  if (months > 36) {
    const years = y1 - y0 + 1;
    const step = [1, 2, 5, 10, 20, 50].find((s) => years / s <= 8) ?? 100;
    for (let y = Math.ceil(y0 / step) * step; y <= y1; y += step) ticks.push({ label: String(y), day: yearStart(y) });
  } else if (months > 2) {
    const step = [1, 2, 3, 6].find((s) => months / s <= 8) ?? 12;
    for (let i = 0; i < months; i++) {
      const m = (first.getUTCMonth() + i) % 12;
      const y = y0 + Math.floor((first.getUTCMonth() + i) / 12);
      if (m % step !== 0) continue;
      ticks.push({
        label: m === 0 || ticks.length === 0 ? `${MONTHS[m]} ${y}` : (MONTHS[m] as string),
        day: monthStart(y, m + 1),
      });
    }
  } else {
    for (let d = start; d <= end; d += 7) {
      const date = new Date(d * DAY);
      const label = `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]}`;
      ticks.push({ label: ticks.length === 0 ? `${label} ${date.getUTCFullYear()}` : label, day: d });
    }
  }
  return ticks.filter((t) => t.day >= start && t.day <= end);
}

/**
 * The scale for a set of ranges, or for an explicit window (YYYY-MM-DD bounds). Without a window
 * the axis snaps to whole years; a window is drawn exactly, so the axis zooms to it (months, or
 * weeks, as ticks).
 */
export function scaleFor(items: Ranged[], window: { from?: string; to?: string } = {}): Scale | null {
  const starts = items.flatMap((i) => (i.earliest ? [dayNumber(i.earliest)] : []));
  const ends = items.flatMap((i) => (i.latest ? [dayNumber(i.latest)] : []));
  let start = window.from ? dayNumber(window.from) : Math.min(...starts, ...ends);
  let end = window.to ? dayNumber(window.to) : Math.max(...ends, ...starts);
  if (!Number.isFinite(start) || !Number.isFinite(end)) return null;
  if (!window.from) start = yearStart(new Date(start * DAY).getUTCFullYear());
  if (!window.to) end = yearStart(new Date(end * DAY).getUTCFullYear() + 1) - 1;
  const span = Math.max(end + 1 - start, 1);
  const x = (day: number) => Math.min(100, Math.max(0, ((day - start) / span) * 100));
  return { start, end, x, ticks: ticksFor(start, end).map((t) => ({ label: t.label, x: x(t.day) })) };
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
