import edtf from "edtf";
import { describe, expect, test } from "vitest";
import { coarser, daysInMonth, type EdtfDate, parseEdtf } from "./edtf.js";

/** The parsed value, or a failed assertion that shows the parser's error. */
function parsed(input: string) {
  const r = parseEdtf(input);
  if (!r.ok) expect.fail(`expected ${JSON.stringify(input)} to parse, got: ${r.error}`);
  return r.value;
}

/** The error message, or a failed assertion when the input parses. */
function rejected(input: string): string {
  const r = parseEdtf(input);
  if (r.ok) expect.fail(`expected ${JSON.stringify(input)} to be rejected, got ${JSON.stringify(r.value)}`);
  return r.error;
}

describe("parseEdtf: single dates", () => {
  test("a day is one day", () => {
    expect(parsed("2020-01-03")).toMatchObject({
      kind: "date",
      precision: "day",
      earliest: "2020-01-03",
      latest: "2020-01-03",
      approximate: false,
      uncertain: false,
    });
  });

  test("a month covers all its days, leap years included", () => {
    expect(parsed("2014-06")).toMatchObject({ precision: "month", earliest: "2014-06-01", latest: "2014-06-30" });
    expect(parsed("2020-02")).toMatchObject({ earliest: "2020-02-01", latest: "2020-02-29" });
    expect(parsed("2021-02")).toMatchObject({ earliest: "2021-02-01", latest: "2021-02-28" });
    expect(parsed("1900-02").latest).toBe("1900-02-28"); // divisible by 100, not by 400
    expect(parsed("2000-02").latest).toBe("2000-02-29"); // divisible by 400
  });

  test("a year is the whole year, never 1 January", () => {
    expect(parsed("2019")).toMatchObject({ precision: "year", earliest: "2019-01-01", latest: "2019-12-31" });
  });

  test("seasons are northern meteorological seasons; winter runs into the next year", () => {
    expect(parsed("2014-21")).toMatchObject({ precision: "season", earliest: "2014-03-01", latest: "2014-05-31" });
    expect(parsed("2014-22")).toMatchObject({ earliest: "2014-06-01", latest: "2014-08-31" });
    expect(parsed("2014-23")).toMatchObject({ earliest: "2014-09-01", latest: "2014-11-30" });
    expect(parsed("2014-24")).toMatchObject({ earliest: "2014-12-01", latest: "2015-02-28" });
    expect(parsed("2015-24").latest).toBe("2016-02-29");
    expect(parsed("2014-23").start).toMatchObject({ year: 2014, season: 23 });
  });

  test("201X is a decade and 20XX a century", () => {
    expect(parsed("201X")).toMatchObject({ precision: "decade", earliest: "2010-01-01", latest: "2019-12-31" });
    expect(parsed("19XX")).toMatchObject({ precision: "century", earliest: "1900-01-01", latest: "1999-12-31" });
  });

  test("qualifiers: ~ approximate, ? uncertain, % both; the dates covered do not change", () => {
    expect(parsed("2019~")).toMatchObject({ approximate: true, uncertain: false, earliest: "2019-01-01" });
    expect(parsed("2019?")).toMatchObject({ approximate: false, uncertain: true, latest: "2019-12-31" });
    expect(parsed("2019%")).toMatchObject({ approximate: true, uncertain: true });
    expect(parsed("2020-01-03~")).toMatchObject({ precision: "day", approximate: true, earliest: "2020-01-03" });
    expect(parsed("2014-23?")).toMatchObject({ precision: "season", uncertain: true });
    expect(parsed("201X~")).toMatchObject({ precision: "decade", approximate: true });
  });

  test("the parts of a date are exposed", () => {
    expect(parsed("2020-01-03").start).toEqual({
      precision: "day",
      approximate: false,
      uncertain: false,
      earliest: "2020-01-03",
      latest: "2020-01-03",
      year: 2020,
      month: 1,
      day: 3,
    } satisfies EdtfDate);
  });
});

describe("parseEdtf: intervals", () => {
  test("a closed interval spans from the first day of its start to the last day of its end", () => {
    expect(parsed("2019-12/2020-01")).toMatchObject({
      kind: "interval",
      precision: "month",
      earliest: "2019-12-01",
      latest: "2020-01-31",
    });
  });

  test("its precision is the coarser of its two ends", () => {
    expect(parsed("2019-12-03/2020").precision).toBe("year");
    expect(parsed("2014-23/2015-06").precision).toBe("season");
    expect(parsed("201X/2015-06-01").precision).toBe("decade");
  });

  test("open ends: .. (or empty) leave that side null", () => {
    expect(parsed("2014/..")).toMatchObject({ earliest: "2014-01-01", latest: null, precision: "year" });
    expect(parsed("../1983")).toMatchObject({ earliest: null, latest: "1983-12-31", start: null });
    expect(parsed("2014-06/..").precision).toBe("month");
    expect(parsed("2014/")).toMatchObject({ earliest: "2014-01-01", latest: null });
    expect(parsed("/2014")).toMatchObject({ earliest: null, latest: "2014-12-31" });
  });

  test("a qualifier on either end qualifies the interval", () => {
    expect(parsed("2019~/2020")).toMatchObject({ approximate: true, uncertain: false });
    expect(parsed("2019/2020?")).toMatchObject({ approximate: false, uncertain: true });
  });

  test("an interval may start and end in the same period", () => {
    expect(parsed("2014-06/2014")).toMatchObject({ earliest: "2014-06-01", latest: "2014-12-31" });
  });
});

describe("parseEdtf: invalid input says exactly what is wrong", () => {
  test.each([
    ["2020-13", '"2020-13": month 13 is not 01–12 (or 21–24 for a season)'],
    ["2020-00", '"2020-00": month 00 is not 01–12 (or 21–24 for a season)'],
    ["2020-25", '"2020-25": month 25 is not 01–12 (or 21–24 for a season)'],
    ["2021-02-29", '"2021-02-29": 2021-02 has no day 29'],
    ["2020-02-30", '"2020-02-30": 2020-02 has no day 30'],
    ["2020-04-31", '"2020-04-31": 2020-04 has no day 31'],
    ["2020-01-00", '"2020-01-00": 2020-01 has no day 00'],
    ["2014-23-01", '"2014-23-01": a season (21–24) cannot carry a day'],
    ["201X-05", '"201X-05": a decade or century (201X, 20XX) cannot carry a month or day'],
    ["2020/2019", '"2020/2019": the interval starts (2020-01-01) after it ends (2019-12-31)'],
    ["2020-03-01/2020-02", '"2020-03-01/2020-02": the interval starts (2020-03-01) after it ends (2020-02-29)'],
    ["../..", '"../..": an interval needs at least one known end'],
    ["/", '"/": an interval needs at least one known end'],
    ["2019/2020/2021", '"2019/2020/2021": an interval has exactly one "/"'],
    ["", '"" is empty or has surrounding whitespace'],
    [" 2020", '" 2020" is empty or has surrounding whitespace'],
  ])("%j", (input, error) => {
    expect(rejected(input)).toBe(error);
  });

  test.each([
    "soon",
    "Jan 2020",
    "2020-1-3",
    "20",
    "20200103",
    "2020-01-03T10:00",
    "201x",
    "2XXX",
    "-0500",
    "2019~?",
    "2019-?06",
  ])("%j is outside the subset, and the error lists what is supported", (input) => {
    expect(rejected(input)).toBe(
      `"${input}" is not a supported EDTF date (use YYYY, YYYY-MM, YYYY-MM-DD, YYYY-21..24 for seasons, 201X for a decade, optionally followed by ~ ? or %)`,
    );
  });

  test("an invalid end of an interval is reported by itself", () => {
    expect(rejected("2019/2020-13")).toBe('"2020-13": month 13 is not 01–12 (or 21–24 for a season)');
    expect(rejected("garbage/..")).toMatch(/^"garbage" is not a supported EDTF date/);
  });
});

describe("helpers", () => {
  test("coarser picks the coarser precision whatever the order", () => {
    expect(coarser("day", "month")).toBe("month");
    expect(coarser("century", "day")).toBe("century");
    expect(coarser("season", "year")).toBe("year");
    expect(coarser("season", "month")).toBe("season");
  });

  test("daysInMonth", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => daysInMonth(2021, m))).toEqual([
      31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31,
    ]);
    expect(daysInMonth(2024, 2)).toBe(29);
  });
});

/**
 * Conformance with the `edtf` library (inukshuk/edtf.js), the reference implementation of EDTF in
 * JavaScript: for every string of our subset, our first and last days equal the library's min and
 * max (UTC epoch milliseconds, turned into dates). Open ends are null for us and ±Infinity or null
 * for the library.
 */
describe("conformance with the edtf library", () => {
  const day = (ms: number | null) =>
    ms === null || !Number.isFinite(ms) ? null : new Date(ms).toISOString().slice(0, 10);

  const AGREED = [
    // day, month, year
    "2020-01-03",
    "2003-03-20",
    "1999-12-31",
    "2020-02-29",
    "2000-02-29",
    "2014-06",
    "2020-02",
    "2021-02",
    "1900-02",
    "2019",
    "1958",
    "0999",
    // decade, century
    "201X",
    "199X",
    "20XX",
    "19XX",
    // qualifiers
    "2019~",
    "2019?",
    "2019%",
    "2014-06~",
    "2020-01-03?",
    "2020-01-03%",
    "2014-06?",
    // closed intervals
    "2019-12/2020-01",
    "2019-12-31/2020",
    "2003/2011",
    "2014-06-10/2017-12",
    "201X/2015",
    "2019~/2020",
    "2019-12~/2020-01?",
    "2019%/2020",
    // open and unknown ends
    "2014/..",
    "2014-06/..",
    "2020-01-03/..",
    "../1983",
    "../2014-06",
    "../2003-03-20",
    "2014/",
    "/2014",
    "201X/..",
  ];

  test.each(AGREED)("%s", (input) => {
    const ours = parsed(input);
    const theirs = edtf(input);
    expect({ earliest: ours.earliest, latest: ours.latest }).toEqual({
      earliest: day(theirs.min),
      latest: day(theirs.max),
    });
  });

  /*
   * Seasons: we disagree with the library, on purpose. ISO 8601-2 (and the EDTF specification)
   * defines 21–24 as spring, summer, autumn, winter "independent of location" and gives them no
   * months; it has separate codes for hemisphere-specific seasons (25–32) and for quarters (33–36).
   * edtf.js reads 21–24 as the quarters: spring = January–March, summer = April–June. No
   * hemisphere has a January spring, so for an atlas of Iraq (northern hemisphere) we read 21–24
   * as the northern meteorological seasons, what 25–28 would give: spring = March–May,
   * summer = June–August, autumn = September–November, winter = December to February of the next year.
   */
  test.each([
    ["2014-21", { earliest: "2014-03-01", latest: "2014-05-31" }, { earliest: "2014-01-01", latest: "2014-03-31" }],
    ["2014-22", { earliest: "2014-06-01", latest: "2014-08-31" }, { earliest: "2014-04-01", latest: "2014-06-30" }],
    ["2014-23", { earliest: "2014-09-01", latest: "2014-11-30" }, { earliest: "2014-07-01", latest: "2014-09-30" }],
    ["2014-24", { earliest: "2014-12-01", latest: "2015-02-28" }, { earliest: "2014-10-01", latest: "2014-12-31" }],
  ])("seasons: %s is a meteorological season here, a quarter in edtf.js", (input, ours, library) => {
    const p = parsed(input);
    expect({ earliest: p.earliest, latest: p.latest }).toEqual(ours);
    const theirs = edtf(input);
    expect({ earliest: day(theirs.min), latest: day(theirs.max) }).toEqual(library);
  });

  // edtf.js turns 29 February 2021 into 1 March 2021 (Date arithmetic); February 2021 has 28 days, so we reject it.
  test("2021-02-29: the library rolls over to 1 March, we reject it", () => {
    expect(day(edtf("2021-02-29").min)).toBe("2021-03-01");
    expect(rejected("2021-02-29")).toBe('"2021-02-29": 2021-02 has no day 29');
  });

  // edtf.js requires the upper bound to begin strictly after the lower one begins. We reject only
  // an interval that cannot hold (it ends before it starts): "from June 2014 until later in 2014"
  // and "from 2014 to 2014" are odd but possible.
  test("2014-06/2014: the library rejects an interval whose end begins first; we accept it", () => {
    expect(() => edtf("2014-06/2014")).toThrow(/invalid upper bound/);
    expect(parsed("2014-06/2014").latest).toBe("2014-12-31");
  });

  // ISO 8601-2 lists qualification and unspecified digits as separate level-1 features and the
  // library's grammar does not combine them. "About the 2010s" is a reading documents need, and the
  // meaning is unambiguous (the qualifier covers the whole date), so we accept it.
  test("201X~: the library rejects a qualified decade; we accept it", () => {
    expect(() => edtf("201X~")).toThrow();
    expect(parsed("201X~")).toMatchObject({ precision: "decade", approximate: true, earliest: "2010-01-01" });
  });

  // Both reject what cannot be a date at all.
  test.each(["2020-13", "2019/2020/2021", "soon"])("both reject %s", (input) => {
    expect(() => edtf(input)).toThrow();
    rejected(input);
  });
});
