/**
 * chrono-node's readings of a sentence, resolved as news prose means them: a month named without
 * a year is the most recent before publication ("last June", "in December"), a weekday the most
 * recent on or before it, ranges merged ("between March and December 2021"), a publication date
 * that is itself a range read against both its ends.
 */
import { MONTH_NAMES as MONTHS, timeBounds } from "@atlas/schema";
import * as chrono from "chrono-node";
import {
  countOf,
  daysApart,
  daysBackTo,
  pad,
  type Reference,
  type Resolution,
  shift,
  type Unresolved,
  utc,
  WEEKDAYS,
  ymd,
} from "./date-core.js";

/** A count of units back: "10 days ago", "two weeks ago" (the count, the unit). */
const COUNTED_AGO = /\b([\w-]+)\s+(days?|weeks?|months?|years?)\s+ago\b/;

/** Words that hedge a count: "about 10 days ago", "at least 10 days ago", "some 10 days ago". */
export const HEDGE_WORDS = [
  "about",
  "around",
  "some",
  "nearly",
  "almost",
  "roughly",
  "approximately",
  "over",
  "at least",
  "more than",
  "less than",
  "up to",
];
/** A count not given, or hedged: "a few days ago", "several days ago", "about 10 days ago", "at least 10 days ago". */
const VAGUE_COUNT = new RegExp(String.raw`\b(?:few|several|couple|many|numerous|${HEDGE_WORDS.join("|")})\b`);

/** Year for a month named without one: the most recent such month before publication, or as modified. */
function yearFor(month: number, day: number | null, mod: string | undefined, ref: Reference): number {
  const refMonth = ref.month as number;
  const after = month > refMonth || (month === refMonth && day !== null && ref.day !== null && day > ref.day);
  if (mod === "last" || mod === "previous" || mod === "past") return month < refMonth ? ref.year : ref.year - 1;
  if (mod === "next" || mod === "coming") return month > refMonth ? ref.year : ref.year + 1;
  // A deadline or a plan ("by June", "will be held in October"): this one or the next to come.
  if (mod === "forward") return month >= refMonth ? ref.year : ref.year + 1;
  if (mod === "this") return ref.year;
  const latest = after ? ref.year - 1 : ref.year;
  const told = ref.narrative;
  if (mod === undefined && told) return Math.min(latest, month >= told.month ? told.year : told.year + 1);
  return latest;
}

export function resolveChrono(
  r: Found,
  text: string,
  mod: string | undefined,
  ref: Reference | null,
): Resolution | Unresolved | null {
  const s = r.start;
  const lower = text.toLowerCase();
  const known = (c: chrono.Component) => s.isCertain(c);
  const statedYear = /\b\d{4}\b/.test(text);
  const needs = (p: "day" | "month" | "year"): Unresolved | null => {
    if (!ref) return "no-reference";
    if (p === "day" && ref.day === null) return "imprecise-reference";
    if (p === "month" && ref.month === null) return "imprecise-reference";
    return null;
  };
  const refNote = ref ? `Resolved against the publication date (${ref.edtf}).` : undefined;
  // "a few days later", "two weeks later": counted from a happening the text told, not from publication.
  if (/\blater\b/.test(lower) && !/\blater\s+(?:this|that|in the)\b/.test(lower)) return "unknown-event";
  if (/\bago\b/.test(lower)) {
    const unit = /\bday/.test(lower) ? "day" : /\bweek/.test(lower) ? "day" : /\bmonth/.test(lower) ? "month" : "year";
    const missing = needs(unit);
    if (missing) return missing;
    // Counted back from publication here: chrono drops the count after "about" ("about 10 days
    // ago" was publication day itself).
    const counted = COUNTED_AGO.exec(lower);
    const n = counted ? countOf(counted[1] as string) : Number.NaN;
    const back = ref && counted && Number.isFinite(n) ? shift(ref.edtf, n, counted[2] as string, -1, true) : null;
    const iso = back && back.length === 10 ? back : ymd(s.date());
    const edtf = unit === "day" ? iso : unit === "month" ? iso.slice(0, 7) : iso.slice(0, 4);
    // "10 days ago", "a day ago": a count of days back is that day; weeks, months and years counted
    // back, or a count not given ("a few days ago"), are about that time.
    const exact = /\bdays?\b/.test(lower) && !VAGUE_COUNT.test(lower);
    if (exact) return { edtf, relative: true, note: `${refNote} Counted back from publication.` };
    return { edtf: `${edtf}~`, relative: true, note: `${refNote} Approximate: counted back from publication.` };
  }
  if (/\bweek\b/.test(lower)) {
    const missing = needs("day");
    if (missing) return missing;
    const r0 = utc(ref?.year as number, ref?.month as number, ref?.day as number);
    const monday = new Date(r0);
    monday.setUTCDate(r0.getUTCDate() - ((r0.getUTCDay() + 6) % 7));
    if (/\blast week\b/.test(lower)) {
      const start = new Date(monday);
      start.setUTCDate(monday.getUTCDate() - 7);
      const end = new Date(monday);
      end.setUTCDate(monday.getUTCDate() - 1);
      return { edtf: `${ymd(start)}/${ymd(end)}`, relative: true, note: `${refNote} The week before publication.` };
    }
    // "this past week", "the past week": the seven days up to publication.
    if (/\b(this|the) past week\b/.test(lower)) {
      const start = new Date(r0);
      start.setUTCDate(r0.getUTCDate() - 6);
      return { edtf: `${ymd(start)}/${ymd(r0)}`, relative: true, note: `${refNote} The seven days up to publication.` };
    }
    // "earlier this week": from its Monday to the day before publication, as "earlier this month".
    if (/\bearlier this week\b/.test(lower) && ymd(monday) !== ymd(r0)) {
      const before = new Date(r0);
      before.setUTCDate(r0.getUTCDate() - 1);
      return ymd(monday) === ymd(before)
        ? { edtf: ymd(before), relative: true, note: `${refNote} The day before publication.` }
        : {
            edtf: `${ymd(monday)}/${ymd(before)}`,
            relative: true,
            note: `${refNote} From the Monday of that week to the day before publication.`,
          };
    }
    if (/\bthis week\b/.test(lower)) {
      return ymd(monday) === ymd(r0)
        ? { edtf: ymd(r0), relative: true, note: refNote }
        : { edtf: `${ymd(monday)}/${ymd(r0)}`, relative: true, note: `${refNote} From the Monday of that week.` };
    }
    return null;
  }
  if (/^(today|tonight|yesterday|tomorrow)$/.test(lower)) {
    const missing = needs("day");
    return missing ?? { edtf: ymd(s.date()), relative: true, note: refNote };
  }
  if (/\b(month|year)\b/.test(lower)) {
    const unit = /\bmonth\b/.test(lower) ? "month" : "year";
    const missing = needs(unit);
    if (missing) return missing;
    const r0 = ref as Reference;
    // "earlier this month": from its first day up to the day before publication ("earlier" than it).
    if (/\bearlier this (month|year)\b/.test(lower) && r0.day !== null) {
      const from = unit === "month" ? `${r0.year}-${pad(r0.month as number)}-01` : `${r0.year}-01-01`;
      const before = ymd(utc(r0.year, r0.month as number, r0.day - 1));
      return {
        edtf: before < from ? r0.edtf : `${from}/${before}`,
        relative: true,
        note: `${refNote} From the start of that ${unit} to the day before publication.`,
      };
    }
    // Counted from the reference here: chrono's "last month" from the 31st can land in the same month.
    const step = /\b(last|past|previous)\b/.test(lower) ? -1 : /\b(next|coming)\b/.test(lower) ? 1 : 0;
    const r = ref as Reference;
    if (unit === "year") return { edtf: String(r.year + step), relative: true, note: refNote };
    const d = utc(r.year, (r.month as number) + step, 1);
    return { edtf: ymd(d).slice(0, 7), relative: true, note: refNote };
  }
  if (known("weekday") && !known("day") && !known("month")) {
    const missing = needs("day");
    if (missing) return missing;
    const r0 = utc(ref?.year as number, ref?.month as number, ref?.day as number);
    const want = s.get("weekday") as number;
    let delta = daysBackTo(r0, want);
    if (mod === "next" || mod === "coming") delta = -((want - r0.getUTCDay() + 7) % 7 || 7);
    else if (mod === "forward") delta = -((want - r0.getUTCDay() + 7) % 7);
    else if (mod === "last") delta = delta || 7;
    const d = new Date(r0);
    d.setUTCDate(r0.getUTCDate() - delta);
    return {
      edtf: ymd(d),
      relative: true,
      note: `${refNote} Taken as the ${delta >= 0 ? "most recent" : "next"} ${["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"][want]} ${delta >= 0 ? "on or before" : "after"} publication.`,
    };
  }
  if (!known("month")) return null;
  const edtfOf = (
    c: chrono.ParsedComponents,
    fallbackYear?: number,
  ): { edtf: string; inferredYear: boolean } | Unresolved => {
    const month = c.get("month") as number;
    const day = c.isCertain("day") ? (c.get("day") as number) : null;
    let year: number;
    let inferredYear = false;
    if (c.isCertain("year")) year = c.get("year") as number;
    else if (fallbackYear !== undefined) year = fallbackYear;
    else {
      const missing = needs("month");
      if (missing) return missing;
      year = yearFor(month, day, mod, ref as Reference);
      inferredYear = true;
    }
    return { edtf: `${year}-${pad(month)}${day === null ? "" : `-${pad(day)}`}`, inferredYear };
  };
  if (r.end?.isCertain("month")) {
    const end = edtfOf(r.end);
    if (typeof end === "string") return end;
    const endYear = Number(end.edtf.slice(0, 4));
    const startMonth = s.get("month") as number;
    const start = edtfOf(
      s,
      s.isCertain("year") ? undefined : startMonth > (r.end.get("month") as number) ? endYear - 1 : endYear,
    );
    if (typeof start === "string") return start;
    return { edtf: `${start.edtf}/${end.edtf}`, relative: !statedYear, ...(statedYear ? {} : { note: refNote }) };
  }
  const one = edtfOf(s);
  if (typeof one === "string") return one;
  if (!one.inferredYear) return { edtf: one.edtf, relative: false };
  const month = MONTHS[(s.get("month") as number) - 1];
  const forward = mod === "next" || mod === "coming" || mod === "forward";
  const told = mod === undefined ? ref?.narrative : undefined;
  if (
    told &&
    Number(one.edtf.slice(0, 4)) !==
      yearFor(s.get("month") as number, null, mod, { ...(ref as Reference), narrative: undefined })
  )
    return {
      edtf: one.edtf,
      relative: true,
      note: `The year is not stated: read as the year the text was telling of (after ${told.year} was stated just before).`,
    };
  const reading =
    mod === "this"
      ? `the ${month} of the publication year`
      : `the ${forward ? "first" : "most recent"} ${month} ${forward ? "after" : "before"} publication`;
  return {
    edtf: one.edtf,
    relative: true,
    note: `${refNote} The year is not stated: read as ${reading}.`,
  };
}

interface Found {
  index: number;
  text: string;
  start: chrono.ParsedComponents;
  end: chrono.ParsedComponents | null;
}

/** What may stand before a range's end: "late ", "the early hours of ". */
const PART_BEFORE = String.raw`(?:(?:early|mid|late)[\s-]+|the\s+early\s+hours\s+of\s+)?`;
/** A part of a day chrono reads with its day ("morning of March 26"): "the" may stand before it. */
const DAY_PART = /^(?:morning|afternoon|evening|night)\s+of\b/i;
/** The words between a range's two ends, and before its first: each with "the" before a part of a day, or without. */
const rangeWords = (the: string) => ({
  gap: new RegExp(String.raw`^\s*(?:and|to|until|through|–|-)\s*${the}${PART_BEFORE}$`, "i"),
  lead: new RegExp(String.raw`\b(?:between|from)\s+${the}${PART_BEFORE}$`, "i"),
});
const RANGE_WORDS = { plain: rangeWords(""), dayPart: rangeWords(String.raw`(?:the\s+)?`) };
const rangeWordsOf = (x: Found) => (DAY_PART.test(x.text) ? RANGE_WORDS.dayPart : RANGE_WORDS.plain);

/** "between March and December 2021": two chrono results that are one interval. */
export function mergeRanges(results: Found[], sentence: string): Found[] {
  const out: Found[] = [];
  for (const r of results) {
    const prev = out[out.length - 1];
    if (prev && !prev.end && !r.end) {
      const gap = sentence.slice(prev.index + prev.text.length, r.index);
      const lead = sentence.slice(Math.max(0, prev.index - 20), prev.index);
      // "between March and December", "from May to June", "in May and June"; each end may be a part
      // of its day or month: "between the morning of March 26 and the morning of March 27", "from
      // late January to early March".
      // ("from the end of April to mid-May" is no such range: "the" only before a part of a day.)
      const joined =
        (rangeWordsOf(r).gap.test(gap) && rangeWordsOf(prev).lead.test(lead)) ||
        (/^\s*and\s*$/i.test(gap) && /\b(in|during)\s+$/i.test(lead));
      if (joined) {
        prev.end = r.start;
        prev.text = sentence.slice(prev.index, r.index + r.text.length);
        continue;
      }
    }
    out.push({ ...r });
  }
  return out;
}

/**
 * Does a relative date resolve, against each end of a publication range of several months, within a
 * week of that end ("yesterday", "this week", "on Sunday")? Then it is no more precise than the range:
 * a week is well below its precision. (In a range of one month, a week back may well be the month before.)
 */
export function nearPublication(a: string, b: string, span: NonNullable<Reference["span"]>): boolean {
  const from = timeBounds({ edtf: a }).earliest;
  const to = timeBounds({ edtf: b }).latest;
  if (!from || !to || daysApart(span.first.edtf, span.last.edtf) < 59) return false;
  return daysApart(from, span.first.edtf) <= 7 && daysApart(to, span.last.edtf) <= 7;
}

/** From the start of one date to the end of another, to a precision: "2021-02-23", "2021-03-30" → "2021-02/2021-03". */
export function between(a: string, b: string, precision: "day" | "month" | "year"): string {
  const from = timeBounds({ edtf: a }).earliest;
  const to = timeBounds({ edtf: b }).latest;
  if (!from || !to) return a;
  const cut = precision === "day" ? 10 : precision === "month" ? 7 : 4;
  const x = from.slice(0, cut);
  const y = to.slice(0, cut);
  return x === y ? x : `${x}/${y}`;
}

/**
 * Second readings chrono needs: "the morning of 30 August" (chrono loses the date's certainty
 * behind a part of the day), and "Wednesday 08/07/2020", where the weekday tells day/month from
 * month/day.
 */
export function reparsed(r: Found, sentence: string, instant: Date): Found {
  const partOfDay = /^(?:early\s+|late\s+)?(?:morning|afternoon|evening|night|dawn|dusk)\s+of\s+/i.exec(r.text);
  if (partOfDay) {
    const inner = chrono.parse(r.text.slice(partOfDay[0].length), { instant, timezone: 0 })[0];
    if (inner?.start.isCertain("month")) return { ...r, start: inner.start, end: inner.end ?? null };
  }
  const numeric = /\b(\d{1,2})\/(\d{1,2})\/(\d{4})\b/.exec(r.text);
  if (numeric && Number(numeric[1]) <= 12 && Number(numeric[2]) <= 12 && numeric[1] !== numeric[2]) {
    const around = sentence.slice(Math.max(0, r.index - 12), r.index + r.text.length + 12).toLowerCase();
    const weekday = WEEKDAYS.findIndex((d) => around.includes(d));
    if (weekday !== -1) {
      const [a, b, y] = [Number(numeric[1]), Number(numeric[2]), Number(numeric[3])];
      const dayFirst = utc(y, b, a);
      if (dayFirst.getUTCDay() === weekday && utc(y, a, b).getUTCDay() !== weekday) {
        const inner = chrono.parse(`${MONTHS[b - 1]} ${a}, ${y}`, { instant, timezone: 0 })[0];
        if (inner) return { ...r, start: inner.start, end: null };
      }
    }
  }
  return r;
}
