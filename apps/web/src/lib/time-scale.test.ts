/** The timeline's scale: where a bar sits for each precision, and the ticks of a zoomed window. */
import { expect, test } from "vitest";
import { barFor, lastDayOf, scaleFor } from "./time-scale";

test("a year spans the year on the scale; an open start reaches the edge", () => {
  const scale = scaleFor([], { from: "2014-01-01", to: "2014-12-31" });
  expect(scale).not.toBeNull();
  if (!scale) return;
  const year = barFor(scale, { earliest: "2014-01-01", latest: "2014-12-31" });
  expect(year.left).toBe(0);
  expect(year.width).toBeCloseTo(100, 5);
  const day = barFor(scale, { earliest: "2014-04-07", latest: "2014-04-07" });
  expect(day.point).toBe(true);
  const open = barFor(scale, { earliest: null, latest: "2014-06-30" });
  expect(open.openStart).toBe(true);
  expect(open.left).toBe(0);
  expect(lastDayOf("2016-02")).toBe("2016-02-29");
});

test("a window zooms the axis: months or weeks as ticks, not years", () => {
  const twoMonths = scaleFor([], { from: "2019-12-01", to: "2020-01-31" });
  expect(twoMonths?.ticks.map((t) => t.label)).toEqual([
    "1 Dec 2019",
    "8 Dec",
    "15 Dec",
    "22 Dec",
    "29 Dec",
    "5 Jan",
    "12 Jan",
    "19 Jan",
    "26 Jan",
  ]);
  const months = scaleFor([], { from: "2019-05-01", to: "2020-04-30" });
  expect(months?.ticks[0]?.label).toBe("May 2019");
  expect(months?.ticks.map((t) => t.label)).toContain("Jan 2020");
  // A day in the middle of a two-month window is drawn where it is, not squeezed into a year.
  const day = twoMonths && barFor(twoMonths, { earliest: "2019-12-27", latest: "2019-12-27" });
  expect(day?.left).toBeGreaterThan(40);
  expect(day?.left).toBeLessThan(45);
});
