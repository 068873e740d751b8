/**
 * A calendar date as people type it into a filter or a form: a year, a month or a day, and a day
 * that exists. Used wherever a date comes from outside (API filters, ingest metadata, CLI flags),
 * so "2020-02-30" is refused with the reason instead of reaching the database.
 */
import { z } from "zod";
import { daysInMonth } from "./edtf.js";
import { MONTH_NAMES, timeBounds } from "./time.js";

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
    // The shape, for JSON Schema readers (the check above gives the reason in words).
    pattern: SHAPE.source,
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

const MONTHS = MONTH_NAMES.map((m) => m.toLowerCase());
const pad = (n: number) => String(n).padStart(2, "0");

/** The month number of an English month name or its abbreviation ("Dec", "Sept."), or null. */
function monthOf(word: string): number | null {
  const w = word.toLowerCase().replace(/\.$/, "");
  if (w.length < 3) return null;
  const i = MONTHS.findIndex((m) => m.startsWith(w) || (w === "sept" && m === "september"));
  return i === -1 ? null : i + 1;
}

/**
 * One date as people write it, as YYYY, YYYY-MM or YYYY-MM-DD: "2019", "2019-12", "December
 * 2019", "Dec 2019", "3 January 2020", "January 3, 2020". Null when it is not one.
 */
export function readDate(text: string): string | null {
  const t = text.trim().replace(/\s+/g, " ").replace(/,/g, "");
  if (SHAPE.test(t)) return calendarDateProblem(t) ? null : t;
  const words = t.split(" ");
  let date: string | null = null;
  if (words.length === 2) {
    const [a, b] = words as [string, string];
    const month = monthOf(a);
    if (month && /^\d{4}$/.test(b)) date = `${b}-${pad(month)}`;
  } else if (words.length === 3) {
    const [a, b, c] = words as [string, string, string];
    const dayFirst = /^\d{1,2}$/.test(a) && monthOf(b);
    const monthFirst = monthOf(a) && /^\d{1,2}$/.test(b);
    if (/^\d{4}$/.test(c) && (dayFirst || monthFirst)) {
      const month = (dayFirst ? monthOf(b) : monthOf(a)) as number;
      date = `${c}-${pad(month)}-${pad(Number(dayFirst ? a : b))}`;
    }
  }
  return date && !calendarDateProblem(date) ? date : null;
}

export type DateWindow =
  | { ok: true; from: string | undefined; to: string | undefined }
  | { ok: false; problem: string };

/** A range in one field: "Dec 2019 – Jan 2020", "2014-2017", "2014 to 2017", "between 2019 and 2020". */
const RANGE = /^\s*(?:between\s+)?(.+?)\s*(?:[–—]|\s-\s|(?<=\d{4})-(?=\d{4}$)|\bto\b|\band\b|\buntil\b)\s*(.+?)\s*$/i;

/**
 * A date window from what someone typed as its start and end, each a date in plain words or
 * YYYY[-MM[-DD]]; a whole range may be typed in one field ("Dec 2019 – Jan 2020"), and one date
 * alone ("December 2019") is the window of that date. Problems are said in words.
 */
export function readDateWindow(from: string | undefined, to: string | undefined): DateWindow {
  const f = from?.trim() || undefined;
  const t = to?.trim() || undefined;
  if (f && !t && !readDate(f)) {
    const range = RANGE.exec(f);
    if (range) return readDateWindow(range[1], range[2]);
  }
  const read = (value: string | undefined, which: string) => {
    if (value === undefined) return { date: undefined };
    const date = readDate(value);
    if (date) return { date };
    // Figures in the right shape that name no real day say why ("2020-02 has 29 days").
    const exact = SHAPE.test(value) ? calendarDateProblem(value) : null;
    return {
      problem: exact
        ? `${which}: ${exact}`
        : `“${value}” (${which}) is not a date the atlas can read: write a year, a month or a day, such as 2019, December 2019, 3 January 2020 or 2019-12`,
    };
  };
  const a = read(f, "from");
  const b = read(t, "to");
  if ("problem" in a) return { ok: false, problem: a.problem as string };
  if ("problem" in b) return { ok: false, problem: b.problem as string };
  const range = dateRangeProblem(a.date, b.date);
  if (range) return { ok: false, problem: `${range}: the window would be empty` };
  return { ok: true, from: a.date, to: b.date };
}
