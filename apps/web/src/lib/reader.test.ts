/** The reader's cutting of a document into annotated pieces, and its span parameter. */
import { expect, test } from "vitest";
import { buildBlocks, parseSpan } from "./reader";

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
