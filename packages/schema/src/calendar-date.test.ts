import { describe, expect, it } from "vitest";
import {
  CalendarDate,
  calendarDateBounds,
  calendarDateProblem,
  dateRangeProblem,
  readDate,
  readDateWindow,
} from "./calendar-date.js";

describe("CalendarDate", () => {
  it.each(["2014", "2014-06", "2020-01-03", "2020-02-29", "0001"])("accepts %s", (value) => {
    expect(CalendarDate.safeParse(value).success).toBe(true);
  });

  it.each([
    ["2020-02-30", '"2020-02-30" is not a real day; 2020-02 has 29 days'],
    ["2019-02-29", '"2019-02-29" is not a real day; 2019-02 has 28 days'],
    ["2020-04-31", '"2020-04-31" is not a real day; 2020-04 has 30 days'],
    ["2021-13", '"2021-13" has no month 13; months run 01–12'],
    ["0000", '"0000" has year 0000; years start at 0001'],
    ["03/01/2020", '"03/01/2020" is not a date; write YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2020-01-03)'],
    ["2020-1-3", '"2020-1-3" is not a date; write YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2020-01-03)'],
  ])("refuses %s and says why", (value, message) => {
    expect(calendarDateProblem(value)).toBe(message);
    const result = CalendarDate.safeParse(value);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(message);
  });

  it("gives the days a partial date covers", () => {
    expect(calendarDateBounds("2014")).toEqual({ first: "2014-01-01", last: "2014-12-31" });
    expect(calendarDateBounds("2020-02")).toEqual({ first: "2020-02-01", last: "2020-02-29" });
    expect(calendarDateBounds("2020-01-03")).toEqual({ first: "2020-01-03", last: "2020-01-03" });
  });

  it("refuses a window that ends before it starts, comparing the days covered", () => {
    expect(dateRangeProblem("2021", "2019")).toBe("2019 is before 2021");
    expect(dateRangeProblem("2020-03", "2020")).toBeNull();
    expect(dateRangeProblem("2020-01-03", "2020-01")).toBeNull();
    expect(dateRangeProblem("2020-02-01", "2020-01-31")).toBe("2020-01-31 is before 2020-02-01");
    expect(dateRangeProblem(undefined, "2019")).toBeNull();
  });
});

describe("dates as people type them", () => {
  it("reads a year, a month or a day in words or figures", () => {
    expect(readDate("2019")).toBe("2019");
    expect(readDate("2019-12")).toBe("2019-12");
    expect(readDate("December 2019")).toBe("2019-12");
    expect(readDate("Dec 2019")).toBe("2019-12");
    expect(readDate("sept. 2014")).toBe("2014-09");
    expect(readDate("3 January 2020")).toBe("2020-01-03");
    expect(readDate("January 3, 2020")).toBe("2020-01-03");
    expect(readDate("February 30, 2020")).toBeNull();
    expect(readDate("Decembre 2019")).toBeNull();
    expect(readDate("next week")).toBeNull();
  });

  it("reads a window from two fields, or a range typed in one", () => {
    expect(readDateWindow("Dec 2019 – Jan 2020", undefined)).toEqual({ ok: true, from: "2019-12", to: "2020-01" });
    expect(readDateWindow("Dec 2019 - Jan 2020", "")).toEqual({ ok: true, from: "2019-12", to: "2020-01" });
    expect(readDateWindow("between 2014 and 2017", undefined)).toEqual({ ok: true, from: "2014", to: "2017" });
    expect(readDateWindow("2014-2017", undefined)).toEqual({ ok: true, from: "2014", to: "2017" });
    expect(readDateWindow("December 2019", "January 2020")).toEqual({ ok: true, from: "2019-12", to: "2020-01" });
    expect(readDateWindow("2019", undefined)).toEqual({ ok: true, from: "2019", to: undefined });
    expect(readDateWindow(undefined, undefined)).toEqual({ ok: true, from: undefined, to: undefined });
  });

  it("says what it could not read, and refuses an empty window", () => {
    const unread = readDateWindow("Decembre 2019", undefined);
    expect(unread.ok).toBe(false);
    expect(!unread.ok && unread.problem).toMatch(/“Decembre 2019” \(from\) is not a date/);
    const unreal = readDateWindow("2020-02-30", undefined);
    expect(!unreal.ok && unreal.problem).toBe('from: "2020-02-30" is not a real day; 2020-02 has 29 days');
    const reversed = readDateWindow("2021", "2019");
    expect(!reversed.ok && reversed.problem).toMatch(/2019 is before 2021/);
  });
});
