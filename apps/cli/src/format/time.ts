/**
 * Time for narrow columns, as honest as describeTime: a month stays a month ("Jun 2014"), a
 * range stays a range ("Dec 2019–Jan 2020"), an open end stays open ("…–Dec 2019"), and
 * approximate or uncertain dates keep their mark ("c. 2019", "2019?").
 */
import { type EdtfDate, parseEdtf, describeTime as schemaDescribeTime, type Time } from "@atlas/schema";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const SEASONS = { 21: "spring", 22: "summer", 23: "autumn", 24: "winter" } as const;

type TimeLike = Pick<Time, "edtf"> & Partial<Pick<Time, "part">>;

function short(d: EdtfDate, withYear = true): string {
  const y = withYear ? ` ${d.year}` : "";
  let text: string;
  switch (d.precision) {
    case "day":
      text = `${d.day} ${MONTHS[(d.month ?? 1) - 1]}${y}`;
      break;
    case "month":
      text = `${MONTHS[(d.month ?? 1) - 1]}${y}`;
      break;
    case "season":
      text = `${SEASONS[d.season ?? 21]} ${d.year}`;
      break;
    case "year":
      text = String(d.year);
      break;
    case "decade":
      text = `${d.year}s`;
      break;
    case "century":
      text = `${d.year}–${d.year + 99}`;
      break;
  }
  if (d.approximate) text = `c. ${text}`;
  if (d.uncertain) text = `${text}?`;
  return text;
}

const plain = (d: EdtfDate) => !d.approximate && !d.uncertain;

/** "27 Dec 2019", "Jun 2014", "Mar–Dec 2021", "26 Jan–1 Feb 2020", "…–Dec 2019", "c. 2019". */
export function compactTime(time: TimeLike | null | undefined): string {
  if (!time) return "unknown";
  const r = parseEdtf(time.edtf);
  if (!r.ok) return time.edtf;
  const { start, end } = r.value;
  let text: string;
  if (r.value.kind === "date" && start) text = short(start);
  else if (start && end) {
    const sameYear =
      start.year === end.year &&
      plain(start) &&
      plain(end) &&
      (start.precision === "day" || start.precision === "month") &&
      (end.precision === "day" || end.precision === "month");
    text = `${short(start, !sameYear)}–${short(end)}`;
  } else if (start) text = `${short(start)}–…`;
  else if (end) text = `…–${short(end)}`;
  else text = "unknown";
  return time.part ? `${time.part} ${text}` : text;
}

/** The full sentence form from @atlas/schema ("between March and December 2021"). */
export const describeTime = (time: TimeLike | null | undefined): string =>
  time ? schemaDescribeTime(time) : "unknown";

/** How a date was obtained, for a reader who wants to check it. */
export function timeBasis(time: Time | null | undefined): string | null {
  if (!time) return null;
  const parts: string[] = [time.basis];
  if (time.expression) parts.push(`“${time.expression}”`);
  return parts.join(", ");
}
