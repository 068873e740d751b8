import { describe, expect, it } from "vitest";
import { CalendarDate, calendarDateBounds, calendarDateProblem, dateRangeProblem } from "./calendar-date.js";

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
