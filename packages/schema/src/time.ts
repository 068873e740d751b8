/**
 * Honest time: a date carries its precision, how we know it (stated, resolved from a
 * relative expression, or inferred), the document's own words, and the reasoning.
 * A year-precision date is a year, never January 1st.
 */
import { z } from "zod";
import { type EdtfDate, type ParsedEdtf, type Precision as PrecisionName, parseEdtf } from "./edtf.js";

export const Precision = z.enum(["day", "month", "season", "year", "decade", "century"]).meta({
  id: "Precision",
  description:
    "How finely a date is known. For an interval, the coarser precision of its two ends. Derived from the EDTF string and checked against it.",
});
export type Precision = z.infer<typeof Precision>;

export const TimeBasis = z.enum(["explicit", "relative", "inferred"]).meta({
  id: "TimeBasis",
  description:
    'How the date was obtained: `explicit` — the document states it ("January 3, 2020"); `relative` — resolved from an expression such as "last June" or "Sunday" against the document\'s publication date; `inferred` — reasoned from other facts in the text (see `note`).',
});
export type TimeBasis = z.infer<typeof TimeBasis>;

export const TimePart = z.enum(["early", "mid", "late"]).meta({
  id: "TimePart",
  description:
    'A part of the period the document names ("early March", "mid-2018", "late June"). The EDTF value keeps the whole period; this records the nuance without inventing boundaries.',
});
export type TimePart = z.infer<typeof TimePart>;

export const Edtf = z
  .string()
  .superRefine((value, ctx) => {
    const r = parseEdtf(value);
    if (!r.ok) ctx.addIssue({ code: "custom", message: r.error });
  })
  .meta({
    id: "Edtf",
    description:
      "An EDTF (ISO 8601-2) date or interval: `2020-01-03`, `2014-06`, `2019`, `2014-23` (autumn), `201X` (a decade), `2019~` (approximately), `2019?` (uncertain), `2019-12/2020-01`, `2014/..` (from 2014, open end).",
    examples: ["2020-01-03", "2014-06", "2019", "2014-23", "2019-12/2020-01", "../1983"],
  });

export const Time = z
  .object({
    edtf: Edtf,
    precision: Precision,
    basis: TimeBasis,
    part: TimePart.optional(),
    expression: z
      .string()
      .min(1)
      .optional()
      .describe('The document\'s own words for the time, e.g. "last June", "early last year", "on Sunday".'),
    note: z
      .string()
      .min(1)
      .optional()
      .describe("The reasoning behind a relative or inferred date, e.g. what it was resolved against."),
  })
  .superRefine((t, ctx) => {
    const r = parseEdtf(t.edtf);
    if (!r.ok) return; // reported by Edtf
    if (r.value.precision !== t.precision) {
      ctx.addIssue({
        code: "custom",
        path: ["precision"],
        message: `precision "${t.precision}" does not match edtf "${t.edtf}", which has ${r.value.precision} precision`,
      });
    }
    if (t.basis !== "explicit" && !t.expression && !t.note) {
      ctx.addIssue({
        code: "custom",
        path: ["note"],
        message: `a ${t.basis} date needs the document's expression or a note that says how it was obtained`,
      });
    }
  })
  .meta({
    id: "Time",
    description:
      "A date or range with its precision, how it was obtained and the document's own words. Relative dates resolve against the source's publication date.",
  });
export type Time = z.infer<typeof Time>;

/** The days a time covers, for sorting and for drawing it as a range. Open ends are null. */
export function timeBounds(time: Pick<Time, "edtf">): { earliest: string | null; latest: string | null } {
  const r = parseEdtf(time.edtf);
  if (!r.ok) throw new Error(r.error);
  return { earliest: r.value.earliest, latest: r.value.latest };
}

/** Precision derived from an EDTF string; throws on an invalid one. */
export function precisionOf(edtf: string): PrecisionName {
  const r = parseEdtf(edtf);
  if (!r.ok) throw new Error(r.error);
  return r.value.precision;
}

/** English month names, January first. */
export const MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
/** "Jan" … "Dec": month names in narrow places (compact times, axis ticks). */
export const MONTH_ABBREVIATIONS = MONTH_NAMES.map((m) => m.slice(0, 3));
const SEASONS = { 21: "spring", 22: "summer", 23: "autumn", 24: "winter" } as const;

/**
 * How a time is written. `long`, for sentences: "3 January 2020", "about 2019", "the 2010s",
 * "between March and December 2021", "2014 or later". `compact`, for narrow columns, just as
 * honest: "3 Jan 2020", "c. 2019", "2010s", "Mar–Dec 2021", "2014–…".
 */
export type TimeStyle = "long" | "compact";

const WORDS = {
  long: {
    month: (m: number) => MONTH_NAMES[m - 1] as string,
    decade: (year: number) => `the ${year}s`,
    marks: (text: string, approximate: boolean, uncertain: boolean) =>
      approximate && uncertain
        ? `perhaps about ${text}`
        : approximate
          ? `about ${text}`
          : uncertain
            ? `${text} (uncertain)`
            : text,
    range: (start: string, end: string) => `between ${start} and ${end}`,
    from: (start: string) => `${start} or later`,
    until: (end: string) => `${end} or earlier`,
  },
  compact: {
    month: (m: number) => MONTH_ABBREVIATIONS[m - 1] as string,
    decade: (year: number) => `${year}s`,
    marks: (text: string, approximate: boolean, uncertain: boolean) =>
      `${approximate ? "c. " : ""}${text}${uncertain ? "?" : ""}`,
    range: (start: string, end: string) => `${start}–${end}`,
    from: (start: string) => `${start}–…`,
    until: (end: string) => `…–${end}`,
  },
} satisfies Record<TimeStyle, unknown>;

function describeDate(d: EdtfDate, style: TimeStyle, { year = true } = {}): string {
  const words = WORDS[style];
  const y = year ? ` ${d.year}` : "";
  let text: string;
  switch (d.precision) {
    case "day":
      text = `${d.day} ${words.month(d.month ?? 1)}${y}`;
      break;
    case "month":
      text = `${words.month(d.month ?? 1)}${y}`;
      break;
    case "season":
      text = `${SEASONS[d.season ?? 21]} ${d.year}`;
      break;
    case "year":
      text = String(d.year);
      break;
    case "decade":
      text = words.decade(d.year);
      break;
    case "century":
      // Not "the 2000s": that reads as the decade 200X.
      text = `${d.year}–${d.year + 99}`;
      break;
  }
  return words.marks(text, d.approximate, d.uncertain);
}

const dayOrMonth = (d: EdtfDate) => d.precision === "day" || d.precision === "month";

function describeParsed(p: ParsedEdtf, style: TimeStyle): string {
  const words = WORDS[style];
  if (p.kind === "date" && p.start) return describeDate(p.start, style);
  if (p.start && p.end) {
    // "between March and December 2021", "Mar–Dec 2021": the year is said once when both ends
    // share it and the start is a plain day or month (so no mark sits between it and its year).
    const sameYear =
      dayOrMonth(p.start) &&
      dayOrMonth(p.end) &&
      p.start.year === p.end.year &&
      !p.start.approximate &&
      !p.start.uncertain;
    return words.range(describeDate(p.start, style, { year: !sameYear }), describeDate(p.end, style));
  }
  if (p.start) return words.from(describeDate(p.start, style));
  if (p.end) return words.until(describeDate(p.end, style));
  return "unknown";
}

/**
 * A rendering that never claims more precision than the data has, in sentences by default:
 * "3 January 2020", "June 2014", "early 2020", "autumn 2014", "the 2010s", "between March and December 2021",
 * "2014 or later"; or compact for narrow columns ("Mar–Dec 2021", "c. 2019", "2014–…").
 */
export function describeTime(
  time: Pick<Time, "edtf"> & Partial<Pick<Time, "part">>,
  { style = "long" }: { style?: TimeStyle } = {},
): string {
  const r = parseEdtf(time.edtf);
  if (!r.ok) return time.edtf;
  const text = describeParsed(r.value, style);
  return time.part ? `${time.part} ${text}` : text;
}

/**
 * How long something held, for a role or a relation rather than an event: "until 3 January
 * 2020" (an open start), "since 2021" (an open end), "from 1980 to 1988", "in the 1980s". An
 * end date never reads as a start date ("3 January 2020 or earlier" is how an event says it).
 */
export function describePeriod(time: Pick<Time, "edtf"> & Partial<Pick<Time, "part">>): string {
  const r = parseEdtf(time.edtf);
  if (!r.ok) return time.edtf;
  const p = r.value;
  const part = time.part ? `${time.part} ` : "";
  if (p.kind === "date" && p.start) return `in ${part}${describeDate(p.start, "long")}`;
  if (p.start && p.end) return `from ${describeDate(p.start, "long")} to ${describeDate(p.end, "long")}`;
  if (p.start) return `since ${part}${describeDate(p.start, "long")}`;
  if (p.end) return `until ${part}${describeDate(p.end, "long")}`;
  return "at a time not known";
}

/**
 * A time a person gives or corrects by hand, as EDTF ("2021-03-14", "2019-12/2020-01"): its
 * precision read from the EDTF; a correction keeps the document's basis and words and says what
 * was read before; a time given where there was none is inferred. A message when the EDTF (or
 * the result) is not valid. Review screens use it, so a correction reads the same wherever made.
 */
export function reviewedTime(edtf: string, original: Time | null): Time | string {
  let precision: PrecisionName;
  try {
    precision = precisionOf(edtf);
  } catch (e) {
    return (e as Error).message;
  }
  const time = original
    ? {
        edtf,
        precision,
        basis: original.basis,
        ...(original.expression ? { expression: original.expression } : {}),
        note: `Corrected in review; the suggestion read it as ${original.edtf}.`,
      }
    : { edtf, precision, basis: "inferred", note: "Given in review." };
  const checked = Time.safeParse(time);
  return checked.success ? checked.data : checked.error.issues.map((i) => i.message).join("; ");
}
