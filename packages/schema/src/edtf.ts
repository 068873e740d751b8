/**
 * A small parser for the subset of EDTF (ISO 8601-2, Extended Date/Time Format) the atlas uses.
 * The schema package depends on zod only, so this is hand-written; its tests check it against
 * the `edtf` library. Supported:
 *   2020-01-03 · 2020-01 · 2020                 day, month, year (level 0)
 *   2014-23                                     season: 21 spring, 22 summer, 23 autumn, 24 winter (level 1)
 *   201X · 20XX                                 decade, century: unspecified trailing digits (level 1)
 *   2019~ · 2019? · 2019%                       approximate, uncertain, both (level 1, whole date)
 *   2019-12/2020-01 · 2014/.. · ../1983         intervals, with open ends (level 0/1)
 */

export type Precision = "day" | "month" | "season" | "year" | "decade" | "century";

export interface EdtfDate {
  /** The precision of this date as written. */
  precision: Precision;
  approximate: boolean;
  uncertain: boolean;
  /** First day covered, ISO `YYYY-MM-DD`. */
  earliest: string;
  /** Last day covered, ISO `YYYY-MM-DD`. */
  latest: string;
  year: number;
  month?: number;
  day?: number;
  season?: 21 | 22 | 23 | 24;
}

export interface ParsedEdtf {
  /** Either a single date, or an interval whose ends may be open (`..`). */
  kind: "date" | "interval";
  start: EdtfDate | null;
  end: EdtfDate | null;
  /** The coarser of the endpoint precisions (an interval of months has month precision). */
  precision: Precision;
  /** First day covered, or null when the interval is open at its start. */
  earliest: string | null;
  /** Last day covered, or null when the interval is open at its end. */
  latest: string | null;
  approximate: boolean;
  uncertain: boolean;
}

export type EdtfResult = { ok: true; value: ParsedEdtf } | { ok: false; error: string };

const PRECISION_ORDER: Precision[] = ["day", "month", "season", "year", "decade", "century"];

/** The coarser of two precisions (century is coarsest). */
export function coarser(a: Precision, b: Precision): Precision {
  return PRECISION_ORDER.indexOf(a) >= PRECISION_ORDER.indexOf(b) ? a : b;
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");
const iso = (y: number, m: number, d: number) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
export const daysInMonth = (y: number, m: number) =>
  m === 2 ? (isLeap(y) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;

// Seasons 21–24 are meteorological seasons of the northern hemisphere, where Iraq lies: what a
// document about Iraq means by "autumn 2014" is September–November. ISO 8601-2 calls 21–24
// "independent of location" and gives them no months; the edtf library reads them as the quarters
// 33–36 (spring = January–March), which no hemisphere's spring is. Winter starts in December of the
// year written and ends in February of the next. See edtf.test.ts, "seasons".
const SEASON_MONTHS: Record<21 | 22 | 23 | 24, [number, number]> = {
  21: [3, 5],
  22: [6, 8],
  23: [9, 11],
  24: [12, 2],
};

const DATE_RE = /^(\d{4}|\d{3}X|\d{2}XX)(?:-(\d{2}))?(?:-(\d{2}))?([?~%])?$/;

function parseDate(input: string): { ok: true; value: EdtfDate } | { ok: false; error: string } {
  const m = DATE_RE.exec(input);
  if (!m) {
    return {
      ok: false,
      error: `"${input}" is not a supported EDTF date (use YYYY, YYYY-MM, YYYY-MM-DD, YYYY-21..24 for seasons, 201X for a decade, optionally followed by ~ ? or %)`,
    };
  }
  const [, yearText = "", monthText, dayText, qualifier] = m;
  const approximate = qualifier === "~" || qualifier === "%";
  const uncertain = qualifier === "?" || qualifier === "%";
  if (yearText.includes("X")) {
    if (monthText !== undefined) {
      return { ok: false, error: `"${input}": a decade or century (201X, 20XX) cannot carry a month or day` };
    }
    const unspecified = yearText.length - yearText.indexOf("X");
    const from = Number(yearText.replaceAll("X", "0"));
    const to = Number(yearText.replaceAll("X", "9"));
    return {
      ok: true,
      value: {
        precision: unspecified === 1 ? "decade" : "century",
        approximate,
        uncertain,
        earliest: iso(from, 1, 1),
        latest: iso(to, 12, 31),
        year: from,
      },
    };
  }
  const year = Number(yearText);
  if (monthText === undefined) {
    return {
      ok: true,
      value: { precision: "year", approximate, uncertain, earliest: iso(year, 1, 1), latest: iso(year, 12, 31), year },
    };
  }
  const month = Number(monthText);
  if (month >= 21 && month <= 24) {
    if (dayText !== undefined) return { ok: false, error: `"${input}": a season (21–24) cannot carry a day` };
    const season = month as 21 | 22 | 23 | 24;
    const [fromMonth, toMonth] = SEASON_MONTHS[season];
    const toYear = season === 24 ? year + 1 : year;
    return {
      ok: true,
      value: {
        precision: "season",
        approximate,
        uncertain,
        earliest: iso(year, fromMonth, 1),
        latest: iso(toYear, toMonth, daysInMonth(toYear, toMonth)),
        year,
        season,
      },
    };
  }
  if (month < 1 || month > 12) {
    return { ok: false, error: `"${input}": month ${monthText} is not 01–12 (or 21–24 for a season)` };
  }
  if (dayText === undefined) {
    return {
      ok: true,
      value: {
        precision: "month",
        approximate,
        uncertain,
        earliest: iso(year, month, 1),
        latest: iso(year, month, daysInMonth(year, month)),
        year,
        month,
      },
    };
  }
  const day = Number(dayText);
  if (day < 1 || day > daysInMonth(year, month)) {
    return { ok: false, error: `"${input}": ${pad(year, 4)}-${monthText} has no day ${dayText}` };
  }
  const d = iso(year, month, day);
  return { ok: true, value: { precision: "day", approximate, uncertain, earliest: d, latest: d, year, month, day } };
}

/** Parse an EDTF string of the supported subset, or say exactly what is wrong with it. */
export function parseEdtf(input: string): EdtfResult {
  if (input.trim() !== input || input === "") {
    return { ok: false, error: `"${input}" is empty or has surrounding whitespace` };
  }
  const parts = input.split("/");
  if (parts.length === 1) {
    const date = parseDate(input);
    if (!date.ok) return date;
    const d = date.value;
    return {
      ok: true,
      value: {
        kind: "date",
        start: d,
        end: d,
        precision: d.precision,
        earliest: d.earliest,
        latest: d.latest,
        approximate: d.approximate,
        uncertain: d.uncertain,
      },
    };
  }
  if (parts.length !== 2) return { ok: false, error: `"${input}": an interval has exactly one "/"` };
  const [a = "", b = ""] = parts;
  const open = (s: string) => s === ".." || s === "";
  if (open(a) && open(b)) return { ok: false, error: `"${input}": an interval needs at least one known end` };
  let start: EdtfDate | null = null;
  let end: EdtfDate | null = null;
  if (!open(a)) {
    const r = parseDate(a);
    if (!r.ok) return r;
    start = r.value;
  }
  if (!open(b)) {
    const r = parseDate(b);
    if (!r.ok) return r;
    end = r.value;
  }
  if (start && end && start.earliest > end.latest) {
    return { ok: false, error: `"${input}": the interval starts (${start.earliest}) after it ends (${end.latest})` };
  }
  const precision = start && end ? coarser(start.precision, end.precision) : ((start ?? end) as EdtfDate).precision;
  return {
    ok: true,
    value: {
      kind: "interval",
      start,
      end,
      precision,
      earliest: start?.earliest ?? null,
      latest: end?.latest ?? null,
      approximate: Boolean(start?.approximate || end?.approximate),
      uncertain: Boolean(start?.uncertain || end?.uncertain),
    },
  };
}
