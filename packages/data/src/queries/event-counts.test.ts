import { describe, expect, it } from "vitest";
import { countByPeriod, eventDeaths } from "./event-counts.js";

const event = (
  earliest: string | null,
  latest: string | null,
  deaths: { low: number; high: number | null } | null = null,
) => ({
  earliest,
  latest,
  deaths,
});

describe("events over time", () => {
  it("counts an event in a month only when its dates lie inside it; a vaguer one is a band over its months", () => {
    const counts = countByPeriod(
      [event("2019-12-27", "2019-12-27", { low: 1, high: 1 }), event("2019-12-01", "2020-02-29")],
      { by: "month" },
    );
    expect(counts.periods.map((p) => [p.period, p.within, p.spanning])).toEqual([
      ["2019-12", 1, 1],
      ["2020-01", 0, 1],
      ["2020-02", 0, 1],
    ]);
    expect(counts.periods[0]?.label).toBe("December 2019");
  });

  it("adds deaths as ranges, keeps unknown apart from zero, and leaves open-ended dates out (counted)", () => {
    const counts = countByPeriod(
      [
        event("2020-01-03", "2020-01-03", { low: 1, high: null }),
        event("2020-01-08", "2020-01-08", { low: 0, high: 80 }),
        event("2020-01-10", "2020-01-10"),
        event("2014-01-01", null),
      ],
      { by: "year" },
    );
    expect(counts.periods).toHaveLength(1);
    expect(counts.periods[0]?.deaths).toEqual({ low: 1, high: null, reported: 2, unknown: 1 });
    expect([counts.charted, counts.openEnded]).toEqual([3, 1]);
  });

  it("lists empty periods between events, keeps to the window, and counts per year past 240 months", () => {
    const counts = countByPeriod([event("2001-05-01", "2001-05-31"), event("2003-01-01", "2003-12-31")], {
      from: "2002-01-01",
      by: "year",
    });
    expect(counts.periods.map((p) => p.period)).toEqual(["2002", "2003"]);
    const long = countByPeriod([event("1980-01-01", "1980-01-31"), event("2021-03-01", "2021-03-31")], { by: "month" });
    expect([long.by, long.coarsened, long.periods.length]).toEqual(["year", true, 42]);
  });

  it("reads a toll from its reports: the lowest low to the highest high, open when one is open", () => {
    expect(eventDeaths([])).toBeNull();
    expect(eventDeaths([{ low: null, high: null }])).toBeNull();
    expect(
      eventDeaths([
        { low: 24, high: null },
        { low: 25, high: 25 },
      ]),
    ).toEqual({ low: 24, high: null });
    expect(
      eventDeaths([
        { low: 0, high: 0 },
        { low: 80, high: 80 },
      ]),
    ).toEqual({ low: 0, high: 80 });
    expect(eventDeaths([{ low: null, high: 10 }])).toEqual({ low: 0, high: 10 });
  });
});
