import { describe, expect, it, test } from "vitest";
import { expectIssue, expectValid, issuesOf } from "../test/fixtures.js";
import { describePeriod, describeTime, Edtf, precisionOf, reviewedTime, Time, timeBounds } from "./time.js";

describe("Time", () => {
  const stated = { edtf: "2020-01-03", precision: "day", basis: "explicit" } as const;

  test("accepts an explicit date, and a relative one with the document's words", () => {
    expectValid(Time, stated);
    expectValid(Time, { edtf: "2014-06", precision: "month", basis: "relative", expression: "last June" });
    expectValid(Time, {
      edtf: "2018",
      precision: "year",
      basis: "inferred",
      part: "mid",
      note: "Two years after the 2016 vote.",
    });
    expectValid(Time, { edtf: "2019-12/2020-01", precision: "month", basis: "explicit" });
    expectValid(Time, { edtf: "../1983", precision: "year", basis: "explicit", expression: "until 1983" });
  });

  test("the precision must be the one the EDTF string has", () => {
    expectIssue(
      Time,
      { ...stated, precision: "month" },
      "precision",
      'precision "month" does not match edtf "2020-01-03", which has day precision',
    );
    expectIssue(Time, { edtf: "2020", precision: "day", basis: "explicit" }, "precision", "which has year precision");
    expectIssue(
      Time,
      { edtf: "2019-12/2020", precision: "month", basis: "explicit" },
      "precision",
      "which has year precision",
    );
  });

  test.each(["relative", "inferred"] as const)("a %s date needs the document's expression or a note", (basis) => {
    const lines = expectIssue(
      Time,
      { edtf: "2014-06", precision: "month", basis },
      "note",
      `a ${basis} date needs the document's expression or a note that says how it was obtained`,
    );
    expect(lines).toHaveLength(1);
    expectValid(Time, { edtf: "2014-06", precision: "month", basis, note: "Resolved against the publication date." });
  });

  test("an invalid EDTF string is reported at edtf with the parser's words, and only there", () => {
    expect(issuesOf(Time, { edtf: "2021-02-29", precision: "day", basis: "explicit" })).toEqual([
      'edtf: "2021-02-29": 2021-02 has no day 29',
    ]);
    expectIssue(Time, { ...stated, edtf: "January 3, 2020" }, "edtf", '"January 3, 2020" is not a supported EDTF date');
  });

  test("rejects unknown precision, basis and part values", () => {
    expectIssue(Time, { ...stated, precision: "week" }, "precision", "Invalid option");
    expectIssue(Time, { ...stated, basis: "guessed" }, "basis", '"explicit"|"relative"|"inferred"');
    expectIssue(Time, { ...stated, part: "end" }, "part", '"early"|"mid"|"late"');
    expectIssue(Time, { ...stated, expression: "" }, "expression", ">=1 characters");
  });

  test("Edtf on its own validates the string", () => {
    expectValid(Edtf, "2014-23");
    expectIssue(Edtf, "2020-13", "", '"2020-13": month 13 is not 01–12');
  });
});

describe("describeTime", () => {
  test.each([
    ["2020-01-03", "3 January 2020"],
    ["2014-06", "June 2014"],
    ["2019", "2019"],
    ["2014-23", "autumn 2014"],
    ["2014-24", "winter 2014"],
    ["201X", "the 2010s"],
    ["19XX", "1900–1999"],
    ["2019~", "about 2019"],
    ["2019?", "2019 (uncertain)"],
    ["2019%", "perhaps about 2019"],
    ["2020-01-03~", "about 3 January 2020"],
    ["2021-03/2021-12", "between March and December 2021"],
    ["2020-01-03/2020-03-05", "between 3 January and 5 March 2020"],
    ["2019-12/2020-01", "between December 2019 and January 2020"],
    ["2003/2011", "between 2003 and 2011"],
    ["2021-03~/2021-12", "between about March 2021 and December 2021"],
    ["2014/..", "2014 or later"],
    ["2014-06/..", "June 2014 or later"],
    ["../1983", "1983 or earlier"],
  ])("%s reads %j", (edtf, text) => {
    expect(describeTime({ edtf })).toBe(text);
  });

  test("never claims more precision than the data has", () => {
    expect(describeTime({ edtf: "2019" })).not.toMatch(/January|1 /);
    expect(describeTime({ edtf: "2014-06" })).not.toMatch(/\d+ June/);
  });

  test("a decade and a century starting the same year read differently", () => {
    expect(describeTime({ edtf: "200X" })).toBe("the 2000s");
    expect(describeTime({ edtf: "20XX" })).toBe("2000–2099");
  });

  test("the part of the period comes first", () => {
    expect(describeTime({ edtf: "2020", part: "early" })).toBe("early 2020");
    expect(describeTime({ edtf: "2020-03", part: "late" })).toBe("late March 2020");
  });

  test.each([
    ["2020-01-03", "3 Jan 2020"],
    ["2014-06", "Jun 2014"],
    ["2014-23", "autumn 2014"],
    ["2019", "2019"],
    ["201X", "2010s"],
    ["19XX", "1900–1999"],
    ["2021-03~", "c. Mar 2021"],
    ["2019?", "2019?"],
    ["2019%", "c. 2019?"],
    ["2021-03/2021-12", "Mar–Dec 2021"],
    ["2020-01-26/2020-02-01", "26 Jan–1 Feb 2020"],
    ["2019-12/2020-01", "Dec 2019–Jan 2020"],
    ["2021-03~/2021-12", "c. Mar 2021–Dec 2021"],
    ["2021-03/2021-12~", "Mar–c. Dec 2021"],
    ["../2019-12", "…–Dec 2019"],
    ["2014/..", "2014–…"],
  ])("compact: %s reads %j, with the same rule for saying a shared year once", (edtf, text) => {
    expect(describeTime({ edtf }, { style: "compact" })).toBe(text);
  });

  test("both styles say a shared year once under the same rule", () => {
    expect(describeTime({ edtf: "2021-03/2021-12~" })).toBe("between March and about December 2021");
    expect(describeTime({ edtf: "2020", part: "early" }, { style: "compact" })).toBe("early 2020");
  });

  test("an invalid string is shown as written rather than throwing", () => {
    expect(describeTime({ edtf: "sometime in 2020" })).toBe("sometime in 2020");
  });
});

describe("timeBounds and precisionOf", () => {
  test("timeBounds gives the first and last day covered, null for an open end", () => {
    expect(timeBounds({ edtf: "2020-01-03" })).toEqual({ earliest: "2020-01-03", latest: "2020-01-03" });
    expect(timeBounds({ edtf: "2019" })).toEqual({ earliest: "2019-01-01", latest: "2019-12-31" });
    expect(timeBounds({ edtf: "2015-24" })).toEqual({ earliest: "2015-12-01", latest: "2016-02-29" });
    expect(timeBounds({ edtf: "2014/.." })).toEqual({ earliest: "2014-01-01", latest: null });
    expect(timeBounds({ edtf: "../1983" })).toEqual({ earliest: null, latest: "1983-12-31" });
  });

  test("timeBounds sorts dates of mixed precision sensibly", () => {
    const edtfs = ["2020-01-03", "2019", "2019-12", "2014/..", "201X"];
    const sorted = [...edtfs].sort((a, b) =>
      String(timeBounds({ edtf: a }).earliest).localeCompare(String(timeBounds({ edtf: b }).earliest)),
    );
    expect(sorted).toEqual(["201X", "2014/..", "2019", "2019-12", "2020-01-03"]);
  });

  test("precisionOf", () => {
    expect(precisionOf("2020-01-03")).toBe("day");
    expect(precisionOf("2014-06~")).toBe("month");
    expect(precisionOf("2014-23")).toBe("season");
    expect(precisionOf("2019?")).toBe("year");
    expect(precisionOf("201X")).toBe("decade");
    expect(precisionOf("20XX")).toBe("century");
    expect(precisionOf("2019-12/2020")).toBe("year");
  });

  test("both throw the parser's message on an invalid string", () => {
    expect(() => timeBounds({ edtf: "2020-02-30" })).toThrow('"2020-02-30": 2020-02 has no day 30');
    expect(() => precisionOf("2020/2019")).toThrow("the interval starts (2020-01-01) after it ends (2019-12-31)");
  });
});

describe("describePeriod", () => {
  it.each([
    ["../2020-01-03", "until 3 January 2020"],
    ["2021/..", "since 2021"],
    ["1980/1988", "from 1980 to 1988"],
    ["198X", "in the 1980s"],
    ["2015", "in 2015"],
  ])("%s reads as %s, never as a start date", (edtf, text) => {
    expect(describePeriod({ edtf })).toBe(text);
  });
});

describe("reviewedTime", () => {
  test("a correction keeps the document's basis and words and says what was read", () => {
    const read = { edtf: "2014-06", precision: "month", basis: "relative", expression: "last June" } as const;
    expect(reviewedTime("2014-06-10", read)).toEqual({
      edtf: "2014-06-10",
      precision: "day",
      basis: "relative",
      expression: "last June",
      note: "Corrected in review; the suggestion read it as 2014-06.",
    });
  });

  test("a time given where there was none is inferred; an invalid EDTF is a message", () => {
    expect(reviewedTime("2019-12/2020-01", null)).toEqual({
      edtf: "2019-12/2020-01",
      precision: "month",
      basis: "inferred",
      note: "Given in review.",
    });
    expect(reviewedTime("June 2014", null)).toEqual(expect.any(String));
  });
});
