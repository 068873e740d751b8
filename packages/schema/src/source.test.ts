import { describe, expect, test } from "vitest";
import { expectIssue, expectValid, source, TEXT } from "../test/fixtures.js";
import { ARTICLE_ROLES, BOILERPLATE_ROLES, describePages, isArticleRole, pagesOf, Source } from "./source.js";

describe("Source", () => {
  test("accepts a document with its metadata, segments and notes", () => {
    expectValid(Source, source());
  });

  test("keeps the text exactly as received: no trimming, no normalization", () => {
    const parsed = Source.parse(source());
    expect(parsed.text).toBe(TEXT);
    expect(parsed.text).toContain("14\u00A0rockets");
    expect(parsed.text.endsWith("\n")).toBe(true);
  });

  test("accepts a publication date of any precision, or none", () => {
    expectValid(Source, { ...source(), published: { edtf: "2021-02", precision: "month", basis: "explicit" } });
    expectValid(Source, { ...source(), published: null });
  });

  test("rejects a segment running past the end of the text", () => {
    const s = source();
    s.segments = s.segments.map((seg, i) => (i === 3 ? { ...seg, end: TEXT.length + 5 } : seg));
    expectIssue(Source, s, "segments[3]", `source "${s.id}": segment`);
    expectIssue(Source, s, "segments[3]", `runs past the text (${TEXT.length} characters)`);
  });

  test("rejects overlapping or unsorted segments", () => {
    const s = source();
    s.segments = s.segments.map((seg, i) => (i === 1 ? { ...seg, start: 10 } : seg));
    expectIssue(Source, s, "segments[1]", "overlaps the previous one; segments must be sorted and disjoint");
    const unsorted = source();
    unsorted.segments = [...unsorted.segments].reverse();
    expectIssue(Source, unsorted, "segments[1]", "overlaps the previous one");
  });

  test("places a paged document's text on its pages, and refuses pages out of order or past the text", () => {
    const pages = [
      { number: 1, start: 0, end: 40 },
      { number: 2, start: 42, end: 80 },
      { number: 4, start: 82, end: TEXT.length },
    ];
    expectValid(Source, { ...source(), pages });
    expectIssue(Source, { ...source(), pages: [pages[1], pages[0]] }, "pages[1]", "is empty, runs past the text");
    expectIssue(
      Source,
      { ...source(), pages: [{ number: 1, start: 0, end: TEXT.length + 1 }] },
      "pages[0]",
      `runs past the text (${TEXT.length} characters)`,
    );
    expect(pagesOf(pages, 10, 20)).toEqual({ first: 1, last: 1 });
    expect(pagesOf(pages, 30, 50)).toEqual({ first: 1, last: 2 });
    // Between two pages: the page before. A document without pages: none.
    expect(pagesOf(pages, 40, 42)).toEqual({ first: 1, last: 1 });
    expect(describePages(pages, 85, 90)).toBe("page 4");
    expect(describePages(pages, 50, 90)).toBe("pages 2–4");
    expect(describePages(undefined, 0, 5)).toBeNull();
  });

  test("rejects an empty segment", () => {
    const s = source();
    s.segments = [{ start: 5, end: 5, role: "headline", article: true }];
    expectIssue(Source, s, "segments[0]", "is empty or runs past the text");
  });

  test("the article flag must agree with the role", () => {
    const s = source();
    s.segments = s.segments.map((seg) => (seg.role === "credit" ? { ...seg, article: true } : seg));
    expectIssue(
      Source,
      s,
      "segments[3].article",
      'source "2021-02-16-kh-denies-erbil-attack": a "credit" segment has article=true',
    );
  });

  test('a basis is "unknown" exactly when the value is unknown', () => {
    expectIssue(
      Source,
      { ...source(), publisherBasis: "stated" },
      "publisherBasis",
      'publisher is empty but publisherBasis is "stated"',
    );
    expectIssue(
      Source,
      { ...source(), publisher: "Reuters" },
      "publisherBasis",
      'publisher is given but publisherBasis is "unknown"',
    );
    expectIssue(Source, { ...source(), authors: [] }, "authorsBasis", 'authors is empty but authorsBasis is "stated"');
    expectValid(Source, { ...source(), authors: [], authorsBasis: "unknown" });
  });

  test("rejects malformed metadata, naming each field", () => {
    expectIssue(Source, { ...source(), language: "eng" }, "language", "Invalid string");
    expectIssue(Source, { ...source(), hash: "sha1:abc" }, "hash", "Invalid string");
    expectIssue(Source, { ...source(), url: "not a url" }, "url", "must be an http(s) address");
    // Addresses that would run or open something else wherever a source is shown or exported.
    for (const url of ["javascript:alert(1)", "data:text/html,<b>x</b>", "file:///etc/passwd"]) {
      expectIssue(Source, { ...source(), url }, "url", "must be an http(s) address");
    }
    expectIssue(Source, { ...source(), titleBasis: "guessed" }, "titleBasis", '"stated"|"assigned"');
    expectIssue(Source, { ...source(), genre: "blog" }, "genre", '"news"|"feature"|"opinion"|"analysis"');
    expectIssue(
      Source,
      { ...source(), title: " Kataib Hezbollah denies" },
      "title",
      "must not start or end with whitespace",
    );
    expectIssue(Source, { ...source(), text: "" }, "text", ">=1 characters");
    expectIssue(Source, { ...source(), authors: ["Sara Ahmed", ""] }, "authors[1]", "must not be empty");
  });

  test("rejects a malformed publication date inside the source", () => {
    expectIssue(
      Source,
      { ...source(), published: { edtf: "2021-02-16", precision: "month", basis: "explicit" } },
      "published.precision",
      "does not match",
    );
    expectIssue(
      Source,
      { ...source(), published: { edtf: "2021-02-16", precision: "day", basis: "inferred" } },
      "published.note",
      "needs the document's expression or a note",
    );
  });

  test("rejects a bad metadata note, naming the note and field", () => {
    const s = source();
    s.notes = [{ field: "language", text: "English.", evidence: [] }] as unknown as typeof s.notes;
    expectIssue(Source, s, "notes[0].field", '"title"|"publisher"');
  });
});

describe("segment roles", () => {
  test("article and boilerplate roles are disjoint and classified by isArticleRole", () => {
    for (const role of ARTICLE_ROLES) expect(isArticleRole(role)).toBe(true);
    for (const role of BOILERPLATE_ROLES) expect(isArticleRole(role)).toBe(false);
    expect(ARTICLE_ROLES.filter((r) => (BOILERPLATE_ROLES as readonly string[]).includes(r))).toEqual([]);
  });
});
