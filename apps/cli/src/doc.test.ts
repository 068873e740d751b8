import { describe, expect, it } from "vitest";
import { DocBuilder, docToText, lineText, marked, truncate, wrap } from "./doc.js";
import { makeTheme } from "./theme.js";

const text = (lines: ReturnType<typeof wrap>) => lines.map(lineText);

describe("wrap", () => {
  it("breaks at spaces within the width, indents the first line and hangs the rest", () => {
    expect(text(wrap([{ text: "one two three four five" }], 12, 2, 2))).toEqual([
      "  one two",
      "    three",
      "    four",
      "    five",
    ]);
  });

  it("keeps styles across breaks", () => {
    const lines = wrap([{ text: "plain " }, { text: "marked words here", tone: "claim" }], 12);
    expect(lines[1]).toEqual([{ text: "words here", tone: "claim" }]);
  });

  it("cuts a word longer than the line, and keeps newlines as breaks", () => {
    expect(text(wrap([{ text: "abcdefghij\nxy" }], 4))).toEqual(["abcd", "efgh", "ij", "xy"]);
  });

  it("keeps an empty paragraph as an empty line", () => {
    expect(text(wrap([{ text: "a\n\nb" }], 10))).toEqual(["a", "", "b"]);
  });
});

describe("marks and truncation", () => {
  it("marks meaningful tones only when colour is off", () => {
    const segs = [{ text: "KH", tone: "mention" as const }, { text: " said" }];
    expect(marked(segs, makeTheme(false)).map((s) => s.text)).toEqual(["[KH]", " said"]);
    expect(marked(segs, makeTheme(true)).map((s) => s.text)).toEqual(["KH", " said"]);
  });

  it("truncates with an ellipsis", () => {
    expect(lineText(truncate([{ text: "Kataib Hezbollah" }], 8))).toBe("Kataib …");
    expect(lineText(truncate([{ text: "short" }], 8))).toBe("short");
  });

  it("prints a document as text, with ANSI styles only with colour", () => {
    const build = (color: boolean) => {
      const b = new DocBuilder(40, makeTheme(color));
      b.heading("Relations", 1).text([{ text: "→ backed by " }, { text: "Iran", tone: "accent" }], { indent: 2 });
      return docToText(b.build(), makeTheme(color));
    };
    expect(build(false)).toBe("Relations (1)\n  → backed by Iran");
    expect(build(true)).toBe("\u001B[1;36mRelations (1)\u001B[22;39m\n  → backed by \u001B[36mIran\u001B[39m");
  });
});
