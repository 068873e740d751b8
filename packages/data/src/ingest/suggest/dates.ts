/**
 * Dated expressions, resolved against the publication date with their precision and basis:
 * "April 7, 2014" is explicit (day); "last June" in a March 2015 article is June 2014, relative
 * (month); "early last year" is 2014 with part "early"; "this week" is the days from Monday to
 * publication; "seven months ago" is about August 2014. chrono-node finds the expressions; the
 * year of a month named without one, weekdays and weeks are resolved here, because news prose
 * means the most recent past one ("last June", "on Sunday") where chrono picks the nearest.
 */
import { MONTH_NAMES as MONTHS, precisionOf, Time, type TimePart } from "@atlas/schema";
import * as chrono from "chrono-node";

/** The publication date relative expressions resolve against. */
export interface Reference {
  year: number;
  month: number | null;
  day: number | null;
  /** As given, e.g. "2015-03-06". */
  edtf: string;
}

export interface DateHit {
  start: number;
  end: number;
  time: Time;
}

const pad = (n: number) => String(n).padStart(2, "0");
const ymd = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d, 12));

/** Cheap test before chrono runs: most sentences name no date (month and day names are capitalized). */
const DATEISH_NAMES =
  /\b(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/;
const DATEISH_WORDS = /\b(today|yesterday|tomorrow|tonight|weeks?|months?|years?|ago|\d{4}s?|\d{1,2}\/\d{1,2})\b/i;
const MODIFIER =
  /(?:\b(early|mid|late|earlier|later)[\s-]+)?(?:\b(last|this|next|past|previous|coming)\s+)?(?:\b(early|mid|late|earlier|later)[\s-]+)?$/i;
const COUNT_NOUNS =
  /^\s*(troops|fighters|soldiers|men|women|people|members|militiamen|dollars|km|kilometers|kilometres|miles|meters|metres|casualties|deaths|dead|rockets|missiles|civilians|families|votes|seats|pounds|residents|workers|employees|volunteers|recruits|strong|tons|tonnes)\b/i;
// "in 2014", "the 1980s", "summer 2014", "mid-2018": what chrono leaves out.
const YEARISH =
  /\b(?:(early|mid|late)[\s-]+)?(?:(spring|summer|autumn|fall|winter)\s+(?:of\s+)?)?((?:19|20)\d{2})(s)?(?![\d])/gi;
const SEASONS: Record<string, number> = { spring: 21, summer: 22, autumn: 23, fall: 23, winter: 24 };

const partOf = (word: string | undefined): TimePart | undefined => {
  const w = word?.toLowerCase();
  return w === "early" || w === "mid" || w === "late" ? w : undefined;
};

function make(edtf: string, basis: Time["basis"], expression: string, note?: string, part?: TimePart): Time | null {
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
export type Unresolved = "no-reference" | "imprecise-reference";

interface Resolution {
  edtf: string;
  relative: boolean;
  note?: string;
}

/** Year for a month named without one: the most recent such month before publication, or as modified. */
function yearFor(month: number, day: number | null, mod: string | undefined, ref: Reference): number {
  const refMonth = ref.month as number;
  const after = month > refMonth || (month === refMonth && day !== null && ref.day !== null && day > ref.day);
  if (mod === "last" || mod === "previous" || mod === "past") return month < refMonth ? ref.year : ref.year - 1;
  if (mod === "next" || mod === "coming") return month > refMonth ? ref.year : ref.year + 1;
  if (mod === "this") return ref.year;
  return after ? ref.year - 1 : ref.year;
}

function resolveChrono(
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
  if (/\bago\b/.test(lower)) {
    const unit = /\bday/.test(lower) ? "day" : /\bweek/.test(lower) ? "day" : /\bmonth/.test(lower) ? "month" : "year";
    const missing = needs(unit);
    if (missing) return missing;
    const d = s.date();
    const iso = ymd(d);
    const edtf = unit === "day" ? iso : unit === "month" ? iso.slice(0, 7) : iso.slice(0, 4);
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
    const iso = ymd(s.date());
    return { edtf: unit === "month" ? iso.slice(0, 7) : iso.slice(0, 4), relative: true, note: refNote };
  }
  if (known("weekday") && !known("day") && !known("month")) {
    const missing = needs("day");
    if (missing) return missing;
    const r0 = utc(ref?.year as number, ref?.month as number, ref?.day as number);
    const want = s.get("weekday") as number;
    let delta = (r0.getUTCDay() - want + 7) % 7;
    if (mod === "next" || mod === "coming") delta = -((want - r0.getUTCDay() + 7) % 7 || 7);
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
  const forward = mod === "next" || mod === "coming";
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

/** "between March and December 2021": two chrono results that are one interval. */
function mergeRanges(results: chrono.ParsedResult[], sentence: string): Found[] {
  const out: Found[] = [];
  for (const r of results) {
    const prev = out[out.length - 1];
    if (prev && !prev.end && !r.end) {
      const gap = sentence.slice(prev.index + prev.text.length, r.index);
      const lead = sentence.slice(Math.max(0, prev.index - 9), prev.index);
      if (/^\s*(and|to|until|through|–|-)\s*$/i.test(gap) && /\b(between|from)\s+$/i.test(lead)) {
        prev.end = r.start;
        prev.text = sentence.slice(prev.index, r.index + r.text.length);
        continue;
      }
    }
    out.push({ index: r.index, text: r.text, start: r.start, end: r.end ?? null });
  }
  return out;
}

/**
 * Dates in one sentence (`sentence` is its text, `offset` where it starts in the document).
 * Unresolvable relative expressions are counted in `unresolved`, not guessed.
 */
export function findDates(
  sentence: string,
  offset: number,
  ref: Reference | null,
  unresolved: Map<Unresolved, number>,
): DateHit[] {
  if (!DATEISH_NAMES.test(sentence) && !DATEISH_WORDS.test(sentence)) return [];
  const hits: DateHit[] = [];
  const instant = ref ? utc(ref.year, ref.month ?? 7, ref.day ?? 1) : new Date();
  const results = mergeRanges(chrono.parse(sentence, { instant, timezone: 0 }), sentence);
  for (const r of results) {
    let text = r.text.replace(/[\s,.;:]+$/, "");
    // "now" is the moment of writing, not a date; "march on Baghdad" is a verb.
    const named = /[\p{Lu}\d]/u.test(text) || /\b(today|tonight|yesterday|tomorrow|week|month|year|ago)\b/i.test(text);
    if (/^(right )?now$/i.test(text) || !named) continue;
    let start = r.index;
    const lead = MODIFIER.exec(sentence.slice(Math.max(0, start - 24), start));
    const modWord = lead?.[2]?.toLowerCase();
    const part = partOf(lead?.[1] ?? lead?.[3]);
    if (lead?.[0]) {
      start -= lead[0].length;
      text = sentence.slice(start, r.index) + text;
    }
    const own = /^(last|this|next|past|previous|coming)\b/i.exec(r.text)?.[1]?.toLowerCase();
    const resolved = resolveChrono(r, text, modWord ?? own, ref);
    if (resolved === null) continue;
    if (typeof resolved === "string") {
      unresolved.set(resolved, (unresolved.get(resolved) ?? 0) + 1);
      continue;
    }
    const time = make(resolved.edtf, resolved.relative ? "relative" : "explicit", text, resolved.note, part);
    if (time) hits.push({ start: offset + start, end: offset + start + text.length, time });
  }
  YEARISH.lastIndex = 0;
  for (let m = YEARISH.exec(sentence); m; m = YEARISH.exec(sentence)) {
    const start = m.index;
    const end = start + m[0].length;
    if (hits.some((h) => h.start - offset < end && start < h.end - offset)) continue;
    const before = sentence[start - 1] ?? " ";
    const after = sentence.slice(end, end + 2);
    if (/[\d$£€,.\-/]/.test(before) || /^[,.]?\d/.test(after) || /^[-/]\d/.test(after)) continue;
    const [, partWord, season, yearText, decade] = m;
    const year = yearText as string;
    let edtf: string;
    if (decade) edtf = `${year.slice(0, 3)}X`;
    else if (season) edtf = `${year}-${SEASONS[season.toLowerCase()]}`;
    else {
      if (COUNT_NOUNS.test(sentence.slice(end))) continue;
      edtf = year;
    }
    const time = make(edtf, "explicit", m[0], undefined, partOf(partWord));
    if (time) hits.push({ start: offset + start, end: offset + end, time });
  }
  return hits.sort((a, b) => a.start - b.start);
}

/** The reference a document's relative dates resolve against, from its publication date. */
export function referenceOf(published: { edtf: string } | null): Reference | null {
  if (!published) return null;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(published.edtf);
  if (!m) return null;
  return {
    year: Number(m[1]),
    month: m[2] ? Number(m[2]) : null,
    day: m[3] ? Number(m[3]) : null,
    edtf: published.edtf,
  };
}
