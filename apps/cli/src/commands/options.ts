/**
 * Flag values checked before anything is asked of the data, so a mistake is reported as
 * "--flag: what is wrong and what would be right" with exit code 2.
 */
import { calendarDateProblem, dateRangeProblem } from "@atlas/schema";
import { UsageError } from "../errors.js";

/** For repeatable flags that also take comma lists: --kind a --kind b,c → [a, b, c]. */
export const collectList = (value: string, previous: string[] = []) => [
  ...previous,
  ...value
    .split(",")
    .map((v) => v.trim())
    .filter(Boolean),
];

export function parseLimit(value: string | undefined, flag = "--limit", max?: number): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < 1) {
    throw new UsageError(`${flag}: "${value}" is not a whole number of 1 or more`);
  }
  const n = Number(value);
  if (max !== undefined && n > max) throw new UsageError(`${flag}: ${n} is more than the most allowed, ${max}`);
  return n;
}

/** YYYY, YYYY-MM or YYYY-MM-DD, and a day that exists. */
export function parseDate(value: string | undefined, flag: string): string | undefined {
  if (value === undefined) return undefined;
  const problem = calendarDateProblem(value);
  if (problem) throw new UsageError(`${flag}: ${problem}`);
  return value;
}

export function checkRange(from: string | undefined, to: string | undefined): void {
  if (dateRangeProblem(from, to)) throw new UsageError(`--to: ${to} is before --from ${from}`);
}

export function parseChoices<T extends string>(
  values: string[] | undefined,
  allowed: readonly T[],
  flag: string,
  what: string,
): T[] | undefined {
  if (!values || values.length === 0) return undefined;
  for (const v of values) {
    if (!(allowed as readonly string[]).includes(v)) {
      throw new UsageError(`${flag}: "${v}" is not ${what}; choose from ${allowed.join(", ")}`);
    }
  }
  return values as T[];
}

export function parseChoice<T extends string>(
  value: string | undefined,
  allowed: readonly T[],
  flag: string,
  what: string,
): T | undefined {
  return value === undefined ? undefined : parseChoices([value], allowed, flag, what)?.[0];
}

export function parseText(value: string | undefined, flag: string): string | undefined {
  if (value === undefined) return undefined;
  const t = value.trim();
  if (!t) throw new UsageError(`${flag}: is empty; give some text`);
  if (t.length > 200) throw new UsageError(`${flag}: is ${t.length} characters long; 200 at most`);
  return t;
}
