/** The pure pieces behind the pages: cutting text into annotated pieces and the time scale. */
import { expect, test } from "@playwright/test";
import { buildBlocks, parseSpan } from "../src/lib/reader";
import { barFor, lastDayOf, scaleFor } from "../src/lib/time-scale";

test("overlapping annotations cut the text into pieces that keep the original offsets", () => {
  const text = "Kataib Hezbollah denied it.\nThen more.";
  const blocks = buildBlocks(
    text,
    [{ start: 0, end: text.length, role: "body", article: true }],
    [
      { type: "claim", start: 0, end: 26 },
      { type: "mention", start: 0, end: 16 },
    ],
    { start: 7, end: 23 },
  );
  const pieces = blocks[0]?.paragraphs.flat() ?? [];
  for (const p of pieces) expect(text.slice(p.start, p.end)).toBe(p.text);
  expect(pieces.map((p) => p.text).join("")).toBe(text.replace("\n", ""));
  expect(blocks[0]?.paragraphs).toHaveLength(2);
  const hezbollah = pieces.find((p) => p.text === "Hezbollah");
  expect(hezbollah?.layers.sort()).toEqual(["claims", "mentions"]);
  expect(hezbollah?.inSpan).toBe(true);
  expect(
    pieces
      .filter((p) => p.inSpan)
      .map((p) => p.text)
      .join(""),
  ).toBe(text.slice(7, 23));
});

test("boilerplate segments stay separate blocks, marked as not article", () => {
  const text = "Headline\n(photo credit: X)\nBody.";
  const blocks = buildBlocks(
    text,
    [
      { start: 0, end: 8, role: "headline", article: true },
      { start: 9, end: 26, role: "credit", article: false },
      { start: 27, end: 32, role: "body", article: true },
    ],
    [],
  );
  expect(blocks.map((b) => [b.role, b.article])).toEqual([
    ["headline", true],
    ["credit", false],
    ["body", true],
  ]);
});

test("spans are parsed strictly", () => {
  expect(parseSpan("10-20", 100)).toEqual({ start: 10, end: 20 });
  expect(parseSpan("20-10", 100)).toBe("invalid");
  expect(parseSpan("10-200", 100)).toBe("invalid");
  expect(parseSpan("abc", 100)).toBe("invalid");
  expect(parseSpan(undefined, 100)).toBeNull();
});

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
