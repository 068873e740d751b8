/**
 * The network as the sources describe it at a chosen month: a relation is drawn only when its
 * dates overlap that month (an open end runs on: "since 2018" holds in 2021). A relation the
 * sources do not date has no bounds to check; it is "undated", and the viewer decides whether to
 * see those. One rule for the server's drawing and the interactive graph.
 */
import { calendarDateBounds, MONTH_NAMES } from "@atlas/schema";

export interface Dated {
  earliest: string | null;
  latest: string | null;
  /** Null when the sources give no time at all. */
  time: unknown;
}

export type Holding = "holds" | "outside" | "undated";

/** Whether a relation holds in a month ("YYYY-MM"). */
export function holdsIn(edge: Dated, month: string): Holding {
  if (edge.time === null || (edge.earliest === null && edge.latest === null)) return "undated";
  const { first, last } = calendarDateBounds(month);
  const started = edge.earliest === null || edge.earliest <= last;
  const running = edge.latest === null || edge.latest >= first;
  return started && running ? "holds" : "outside";
}

export const monthNumber = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
export const monthAt = (n: number) =>
  `${String(Math.floor(n / 12)).padStart(4, "0")}-${String((n % 12) + 1).padStart(2, "0")}`;

/** The months a slider runs over: from the first dated bound to the last, as month numbers. */
export function monthSpan(edges: Dated[]): { first: number; last: number } | null {
  const days = edges.flatMap((e) => [e.earliest, e.latest]).filter((d): d is string => d !== null);
  if (days.length === 0) return null;
  days.sort();
  return { first: monthNumber(days[0] as string), last: monthNumber(days.at(-1) as string) };
}

/** "June 2019". */
export const monthLabel = (month: string) => `${MONTH_NAMES[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;

/** A month from a URL (YYYY-MM), or undefined when it is not one. */
export const parseMonth = (value: string | undefined) =>
  value && /^\d{4}-(0[1-9]|1[0-2])$/.test(value) ? value : undefined;
