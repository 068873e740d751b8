import { describe, expect, it } from "vitest";
import { PASSAGE_CHARS, passageRows, splitPassages } from "./passages.js";

const words = (s: string) => s.split(/\s+/).filter(Boolean);

describe("passages", () => {
  it("keeps short paragraphs together and never cuts one that fits", () => {
    const paragraphs = Array.from({ length: 30 }, (_, i) => `Paragraph ${i} ${"word ".repeat(60).trim()}.`);
    const passages = splitPassages(paragraphs.join("\n\n"));
    expect(passages.length).toBeGreaterThan(1);
    expect(passages.length).toBeLessThan(paragraphs.length);
    for (const p of passages) {
      expect(p.length).toBeLessThanOrEqual(PASSAGE_CHARS);
      for (const paragraph of p.split("\n\n")) expect(paragraphs).toContain(paragraph);
    }
  });

  it("cuts a 2 MB run of lines into passages under the limit, at whitespace, losing no word", () => {
    const text = Array.from({ length: 200_000 }, (_, i) => `line ${i}`).join("\n");
    const passages = splitPassages(text);
    expect(Math.max(...passages.map((p) => p.length))).toBeLessThanOrEqual(PASSAGE_CHARS);
    expect(passages.every((p) => p.trim() === p && p.length > 0)).toBe(true);
    expect(passages.flatMap(words)).toEqual(words(text));
  });

  it("cuts text without whitespace at the limit, never inside a surrogate pair", () => {
    const text = "𝔸".repeat(PASSAGE_CHARS);
    const passages = splitPassages(text);
    expect(passages.join("")).toBe(text);
    // A lone surrogate would not survive a round trip through UTF-8.
    for (const p of passages) expect(Buffer.from(p, "utf8").toString("utf8")).toBe(p);
  });

  it("gives a document without article text one passage, for its title", () => {
    const source = {
      id: "d",
      title: "Only a title",
      text: "Cookies. Accept",
      segments: [{ start: 0, end: 15, role: "cookie-notice" as const }],
    };
    expect(passageRows(source)).toEqual([{ sourceId: "d", ord: 0, title: "Only a title", text: "" }]);
  });
});
