/**
 * Time for the terminal: @atlas/schema's one formatter, compact in narrow columns ("Jun 2014",
 * "Mar–Dec 2021", "…–Dec 2019", "c. 2019", "2019?") and in sentences elsewhere; a missing time
 * reads "unknown".
 */
import { describeTime as schemaDescribeTime, type Time } from "@atlas/schema";

type TimeLike = Pick<Time, "edtf"> & Partial<Pick<Time, "part">>;

/** "27 Dec 2019", "Jun 2014", "Mar–Dec 2021", "26 Jan–1 Feb 2020", "…–Dec 2019", "c. 2019". */
export const compactTime = (time: TimeLike | null | undefined): string =>
  time ? schemaDescribeTime(time, { style: "compact" }) : "unknown";

/** The full sentence form ("between March and December 2021"). */
export const describeTime = (time: TimeLike | null | undefined): string =>
  time ? schemaDescribeTime(time) : "unknown";

/** How a date was obtained, for a reader who wants to check it. */
export function timeBasis(time: Time | null | undefined): string | null {
  if (!time) return null;
  const parts: string[] = [time.basis];
  if (time.expression) parts.push(`“${time.expression}”`);
  return parts.join(", ");
}
