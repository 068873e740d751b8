/**
 * What dated expressions are read into and against: the publication date (a Reference), a
 * known event a date may be counted from, a found date, and making a Time from an EDTF string;
 * with the calendar helpers the readers share. Near a leaf (numbers.ts only): dates.ts and
 * chrono-dates.ts build on it.
 */
import { precisionOf, Time, type TimePart, timeBounds } from "@atlas/schema";
import { NUMBER_WORDS } from "./numbers.js";

/** The publication date relative expressions resolve against. */
export interface Reference {
  year: number;
  month: number | null;
  day: number | null;
  /** As given, e.g. "2015-03-06". */
  edtf: string;
  /**
   * When the publication date is a range ("2015-01/2015-06", "2021-03"): its first and last day.
   * Relative expressions are resolved against both; where they differ, the result is the range
   * between, to the publication date's own precision.
   */
  span?: { first: Reference; last: Reference; precision: "day" | "month" | "year" };
  /**
   * The year the text was just telling of, when an earlier year was stated close before
   * ("on January 3, 2020 … On January 8"): a month named without a year falls in it, or in the
   * next year when the month comes earlier than the stated one ("December 2019 … In March").
   */
  narrative?: { year: number; month: number };
  /**
   * The last day the text stated before this sentence ("on Wednesday", "on March 3"): a time of day
   * said alone ("at 7:20 p.m.", "at dawn") falls on it, and "the attack came two days after …" counts
   * back from it.
   */
  toldDay?: string;
  /** The words before the day in the sentence that stated `toldDay`: what "two days after the attack" may refer back to. */
  toldOf?: string;
  /** The day (or night of two days) the sentence just before stated: the time of a quotation that follows it. */
  justBefore?: string;
}

/** A known event a date may be counted from ("three months after the strike"). */
export interface Anchor {
  title: string;
  time: Time;
  /**
   * How many of this event's participants the phrase after "after"/"before" names, with a word of
   * its kind ("after the strike that killed Soleimani"): 0 when it does not name the event.
   */
  named: (phrase: string, offset: number) => number;
}

/**
 * The one event the phrase names, or none: of the events it names, the one it names most
 * participants of ("the US killing of Soleimani" is the strike that killed him, not every US strike).
 */
export function anchorNamed(anchors: Anchor[], phrase: string, offset: number): Anchor | undefined {
  let best: Anchor | undefined;
  let most = 0;
  let tied = false;
  for (const a of anchors) {
    const n = a.named(phrase, offset);
    if (n > most) [best, most, tied] = [a, n, false];
    else if (n === most && n > 0) tied = true;
  }
  return tied ? undefined : best;
}

export interface DateHit {
  start: number;
  end: number;
  time: Time;
  /** Dated by a happening told before ("in the wake of the attack"): the words name that one, not the sentence's own. */
  near?: true;
}

export const pad = (n: number) => String(n).padStart(2, "0");
export const ymd = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
export const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d, 12));
export const DAY_MS = 86_400_000;
/** A day ("2015-03-04") moved by a number of days. */
export const addDays = (day: string, n: number) =>
  ymd(new Date(Date.parse(`${day.slice(0, 10)}T12:00:00Z`) + n * DAY_MS));
/** One more expression of this kind left unresolved. */
export const tally = (unresolved: Map<Unresolved, number>, why: Unresolved) =>
  unresolved.set(why, (unresolved.get(why) ?? 0) + 1);

/** The month each (northern) season begins; winter runs into the next year's February. */
const SEASON_START: Record<number, number> = { 21: 3, 22: 6, 23: 9, 24: 12 };

/**
 * The year of a season named against a day of publication (year, month 1–12): "last" is the latest
 * that had ended, "next" the first not yet begun, "this" the one under way or else this year's; told
 * of in the past ("bombs destroyed his home this summer"), "this" is the latest begun before the
 * month of publication, never one yet to come.
 */
export function seasonYear(code: number, mod: string, year: number, month: number, past: boolean): number {
  const start = SEASON_START[code] as number;
  const now = year * 12 + month - 1;
  const first = (y: number) => y * 12 + start - 1;
  const last = (y: number) => first(y) + 2;
  if (mod === "last" || mod === "past") return last(year) < now ? year : last(year - 1) < now ? year - 1 : year - 2;
  if (mod === "next" || mod === "coming") return first(year) > now ? year : year + 1;
  if (past) return first(year) < now ? year : year - 1;
  return first(year - 1) <= now && now <= last(year - 1) ? year - 1 : year;
}

export const partOf = (word: string | undefined): TimePart | undefined => {
  const w = word?.toLowerCase();
  return w === "early" || w === "mid" || w === "late" ? w : undefined;
};

export function make(
  edtf: string,
  basis: Time["basis"],
  expression: string,
  note?: string,
  part?: TimePart,
): Time | null {
  let precision: Time["precision"];
  try {
    precision = precisionOf(edtf);
  } catch {
    return null;
  }
  const candidate = {
    edtf,
    precision,
    basis,
    expression,
    ...(note ? { note } : {}),
    ...(part ? { part } : {}),
  };
  const r = Time.safeParse(candidate);
  return r.success ? r.data : null;
}

/** Why a relative expression could not be resolved; counted for the document's warnings. */
export type Unresolved = "no-reference" | "imprecise-reference" | "unknown-event";

export interface Resolution {
  edtf: string;
  relative: boolean;
  note?: string;
}

export const daysApart = (a: string, b: string) => Math.abs(Date.parse(a) - Date.parse(b)) / DAY_MS;

export const WEEKDAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

/** How many days back from `day` the weekday (0 for Sunday) on or before it is. */
export const daysBackTo = (day: Date, weekday: number) => (day.getUTCDay() - weekday + 7) % 7;

/** The reference a document's relative dates resolve against, from its publication date. */
export function referenceOf(published: { edtf: string } | null): Reference | null {
  if (!published) return null;
  const day = (iso: string): Reference => ({
    year: Number(iso.slice(0, 4)),
    month: Number(iso.slice(5, 7)),
    day: Number(iso.slice(8, 10)),
    edtf: iso,
  });
  const exact = /^(\d{4})-(\d{2})-(\d{2})$/.exec(published.edtf);
  if (exact) return day(published.edtf);
  // A month, a year, or a range of them ("2021-03", "2021-03~", "2015-01/2015-06"): both ends.
  const edtf = published.edtf.replace(/[~?%]/g, "");
  const parts = edtf.split("/");
  if (parts.length > 2 || parts.some((p) => !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(p))) return null;
  const { earliest } = timeBounds({ edtf: parts[0] as string });
  const { latest } = timeBounds({ edtf: parts.at(-1) as string });
  if (!earliest || !latest) return null;
  const precision = parts.every((p) => p.length === 10) ? "day" : parts.every((p) => p.length >= 7) ? "month" : "year";
  const first = day(earliest);
  const m = /^(\d{4})(?:-(\d{2}))?/.exec(parts[0] as string) as RegExpExecArray;
  return {
    year: Number(m[1]),
    month: m[2] && parts.length === 1 ? Number(m[2]) : null,
    day: null,
    edtf: published.edtf,
    span: { first, last: day(latest), precision },
  };
}

/** How many a word says ("a", "three"); NaN for "several", "few". */
export const NUMBERS: Record<string, number> = {
  a: 1,
  an: 1,
  ...NUMBER_WORDS,
  several: Number.NaN,
  few: Number.NaN,
  a_few: Number.NaN,
};
/** "3", "three", "a": how many; NaN for "several", "few". */
export const countOf = (word: string) => (/^\d/.test(word) ? Number(word) : (NUMBERS[word.toLowerCase()] as number));

/**
 * `edtf` moved by n units; no finer than its own date nor than the unit, unless `toTheDay` (a span's
 * day-dated end).
 */
export function shift(edtf: string, n: number, unit: string, sign: 1 | -1, toTheDay = false): string | null {
  const b = timeBounds({ edtf });
  const day = b.earliest;
  if (!day) return null;
  const d = new Date(`${day}T12:00:00Z`);
  const u = unit.replace(/s$/, "");
  if (u === "day") d.setUTCDate(d.getUTCDate() + sign * n);
  else if (u === "week") d.setUTCDate(d.getUTCDate() + sign * 7 * n);
  else if (u === "month") d.setUTCMonth(d.getUTCMonth() + sign * n);
  else d.setUTCFullYear(d.getUTCFullYear() + sign * n);
  const iso = ymd(d);
  const precision = precisionOf(edtf);
  if (precision === "year") return iso.slice(0, 4);
  if (toTheDay && precision === "day") return iso;
  if (u === "year") return iso.slice(0, 4);
  if (u === "month" || precision === "month") return iso.slice(0, 7);
  return iso;
}
