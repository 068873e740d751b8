/**
 * A calendar date as people type it into a filter or a form: a year, a month or a day, and a day
 * that exists. Used wherever a date comes from outside (API filters, ingest metadata, CLI flags),
 * so "2020-02-30" is refused with the reason instead of reaching the database.
 */
import { z } from "zod";
import { daysInMonth } from "./edtf.js";
import { timeBounds } from "./time.js";

const SHAPE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** Why `value` is not a YYYY, YYYY-MM or YYYY-MM-DD date that exists, or null when it is one. */
export function calendarDateProblem(value: string): string | null {
  const m = SHAPE.exec(value);
  if (!m) return `"${value}" is not a date; write YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2020-01-03)`;
  const [, y, mo, d] = m as unknown as [string, string, string | undefined, string | undefined];
  if (Number(y) < 1) return `"${value}" has year 0000; years start at 0001`;
  if (mo === undefined) return null;
  const month = Number(mo);
  if (month < 1 || month > 12) return `"${value}" has no month ${mo}; months run 01–12`;
  if (d === undefined) return null;
  const days = daysInMonth(Number(y), month);
  if (Number(d) < 1 || Number(d) > days) return `"${value}" is not a real day; ${y}-${mo} has ${days} days`;
  return null;
}

/** The first and last day a partial date covers: 2014 → 2014-01-01 … 2014-12-31. Throws on a non-date. */
export function calendarDateBounds(value: string): { first: string; last: string } {
  const problem = calendarDateProblem(value);
  if (problem) throw new Error(problem);
  // A single year, month or day has both ends.
  const { earliest, latest } = timeBounds({ edtf: value }) as { earliest: string; latest: string };
  return { first: earliest, last: latest };
}

export const CalendarDate = z
  .string()
  .superRefine((value, ctx) => {
    const problem = calendarDateProblem(value);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  })
  .meta({
    id: "CalendarDate",
    description: "A year, month or day that exists: YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2014, 2014-06, 2020-01-03).",
  });
export type CalendarDate = z.infer<typeof CalendarDate>;

/**
 * Why a from–to window is empty (the end before the start), or null. Partial dates compare by the
 * days they cover: from 2020-03 to 2020 is a window; from 2021 to 2019 is not.
 */
export function dateRangeProblem(from: string | undefined, to: string | undefined): string | null {
  if (!from || !to || calendarDateProblem(from) || calendarDateProblem(to)) return null;
  return calendarDateBounds(to).last < calendarDateBounds(from).first ? `${to} is before ${from}` : null;
}
