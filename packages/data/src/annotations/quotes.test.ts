import type { Segment } from "@atlas/schema";
import { quoteAt } from "@atlas/schema";
import { describe, expect, it } from "vitest";
import { resolveQuote, yamlExact } from "./quotes.js";

const text = "Kataib Hezbollah denied its involvement, claiming “it wasn’t us.”\u00a0Accept Cookies";
const segments: Segment[] = [
  { start: 0, end: 65, role: "body", article: true },
  { start: 66, end: 80, role: "cookie-notice", article: false },
];
const source = { id: "doc", text, segments };

describe("resolveQuote", () => {
  it("finds the exact words and computes offsets with context", () => {
    const r = resolveQuote(source, { quote: "“it wasn’t us.”" });
    expect(r.ok && r.span).toMatchObject({ sourceId: "doc", start: 50, end: 65, quote: "“it wasn’t us.”" });
    expect(r.ok && text.slice(r.span.start, r.span.end)).toBe("“it wasn’t us.”");
  });

  it("never normalizes: straight quotes miss, and the error shows the exact string to paste", () => {
    const r = resolveQuote(source, { quote: `"it wasn't us."` });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toContain('Write it exactly as: "“it wasn’t us.”"');
  });

  it("shows a missed non-breaking space as \\u00a0", () => {
    const r = resolveQuote(source, { quote: "us.” Accept" });
    expect(!r.ok && r.error).toContain("\\u00a0");
  });

  it("refuses a quote that occurs only in boilerplate", () => {
    const r = resolveQuote(source, { quote: "Accept Cookies" });
    expect(!r.ok && r.error).toMatch(/only in boilerplate \(cookie-notice/);
  });

  it("refuses an ambiguous quote unless an occurrence is given", () => {
    const twice = {
      id: "d",
      text: "the US and the US",
      segments: [{ start: 0, end: 17, role: "body" as const, article: true }],
    };
    const r = resolveQuote(twice, { quote: "the US" });
    expect(!r.ok && r.error).toMatch(/occurs 2 times.*occurrence: 1\.\.2/);
    const second = resolveQuote(twice, { quote: "the US", occurrence: 2 });
    expect(second.ok && second.span.start).toBe(11);
  });

  it("writes YAML-exact strings", () => {
    expect(yamlExact('a\u00a0"b"\n')).toBe('"a\\u00a0\\"b\\"\\n"');
  });
});

describe("quoteAt", () => {
  const twice = "The US said no. Then the US said yes. Cookies: the US";
  const segs: Segment[] = [
    { start: 0, end: 37, role: "body", article: true },
    { start: 38, end: twice.length, role: "cookie-notice", article: false },
  ];
  const doc = { id: "twice", text: twice, segments: segs };

  it("names the occurrence a span is, counted as resolveQuote counts it, so it resolves back to that span", () => {
    const second = twice.indexOf("the US", 16);
    const q = quoteAt(doc, second, second + 6);
    // Once more in the cookie notice, which does not count: the words are unique in the article.
    expect(q).toEqual({ quote: "the US" });
    const us = twice.lastIndexOf("US", 37);
    expect(quoteAt(doc, us, us + 2)).toEqual({ quote: "US", occurrence: 2 });
    const r = resolveQuote(doc, { quote: "US", occurrence: 2 });
    expect(r.ok && r.span.start).toBe(us);
  });

  it("leaves the occurrence out when the words are unique, and refuses edges of whitespace or boilerplate", () => {
    const no = twice.indexOf("said no");
    expect(quoteAt(doc, no, no + 7)).toEqual({ quote: "said no" });
    expect(quoteAt(doc, 0, 7)).toBeNull();
    expect(quoteAt(doc, 38, 45)).toBeNull();
  });
});
