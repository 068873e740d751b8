import { describe, expect, test } from "vitest";
import { expectIssue, expectValid, issuesOf, span, TEXT } from "../test/fixtures.js";
import { Evidence, EvidenceList } from "./evidence.js";

describe("Evidence", () => {
  const denial = span("We had nothing to do with this attack");

  test("accepts a verbatim span, with and without prefix and suffix", () => {
    expectValid(Evidence, denial);
    expectValid(Evidence, { ...denial, prefix: "\u201C", suffix: ",\u201D" });
  });

  test("offsets count UTF-16 code units, so text.slice(start, end) is the quote", () => {
    // The fixture text is ASCII up to the em dash; these numbers are the ones an editor would see in JavaScript.
    const s = span("\u201CWe had nothing to do with this attack,\u201D");
    expect(TEXT.slice(s.start, s.end)).toBe(s.quote);
    expect(s.end - s.start).toBe(40);

    // An astral character (outside the Basic Multilingual Plane) is two code units, not one.
    const posted = "Posted on \u{1D54F}: \u201Cno comment\u201D";
    const quote = "\u201Cno comment\u201D";
    const start = posted.indexOf(quote);
    expect(start).toBe(14);
    expect([...posted.slice(0, start)].length).toBe(13); // what a code-point count would wrongly give
    expectValid(Evidence, { sourceId: "a-post", start, end: start + quote.length, quote });
  });

  test("rejects a quote whose length differs from end - start, naming the quote", () => {
    expectIssue(
      Evidence,
      { ...denial, end: denial.end + 1 },
      "quote",
      /quote has 37 characters but the span start\.\.end covers 38/,
    );
  });

  test("rejects end at or before start, naming end", () => {
    expectIssue(
      Evidence,
      { ...denial, end: denial.start },
      "end",
      `end (${denial.start}) must be greater than start (${denial.start})`,
    );
    expectIssue(Evidence, { ...denial, start: 50, end: 10 }, "end", "end (10) must be greater than start (50)");
  });

  test("rejects negative or fractional offsets", () => {
    expectIssue(Evidence, { ...denial, start: -1 }, "start", ">=0");
    expectIssue(Evidence, { ...denial, start: 1.5 }, "start", "expected int");
  });

  test("rejects an empty quote and a source id that is not a slug", () => {
    expectIssue(Evidence, { ...denial, quote: "" }, "quote", ">=1 characters");
    expectIssue(Evidence, { ...denial, sourceId: "Some File.txt" }, "sourceId", "must be a slug");
  });

  test("rejects a missing field", () => {
    const { quote: _, ...withoutQuote } = denial;
    expectIssue(Evidence, withoutQuote, "quote", "expected string, received undefined");
  });
});

describe("EvidenceList", () => {
  test("needs at least one span and says why", () => {
    expectValid(EvidenceList, [span("Erbil airport")]);
    expect(issuesOf(EvidenceList, [])).toEqual([
      "needs at least one evidence span: nothing in the atlas stands without the words that say it",
    ]);
  });

  test("names the index of a bad span", () => {
    expectIssue(
      EvidenceList,
      [span("Erbil airport"), { ...span("KH", 0, "KH said"), end: 1 }],
      "[1].quote",
      "quote has 2 characters",
    );
  });
});
