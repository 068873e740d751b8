import { describe, expect, it } from "vitest";
import { fold } from "../text/fold.js";
import { NameMatcher } from "./matcher.js";

const found = (names: string[], text: string) =>
  new NameMatcher(names.map((name) => ({ name, value: name })))
    .find(text)
    .map((m) => [text.slice(m.start, m.end), m.value]);

describe("fold", () => {
  it("ignores case, diacritics and apostrophes and keeps a map back to the original offsets", () => {
    const text = "Asa’ib\u00a0Ahl al-Haq in Tikrīt";
    const f = fold(text);
    expect(f.text).toBe("asaib ahl al haq in tikrit");
    const at = f.text.indexOf("tikrit");
    expect(text.slice(f.origin[at], (f.origin[at + 5] as number) + 1)).toBe("Tikrīt");
  });
});

describe("NameMatcher", () => {
  it("prefers the longest name: Kifa Haider is not Haider", () => {
    expect(found(["Haider", "Kifa Haider"], "said Kifa Haider, not Haider.")).toEqual([
      ["Kifa Haider", "Kifa Haider"],
      ["Haider", "Haider"],
    ]);
  });

  it("matches whole words only", () => {
    expect(found(["Iraq", "Ali"], "Iraqi army, Alis and Ali.")).toEqual([["Ali", "Ali"]]);
  });

  it("finds names before a possessive apostrophe, returning the name without it", () => {
    expect(found(["Haider", "Iraq"], "Haider’s son and Iraq's soul")).toEqual([
      ["Haider", "Haider"],
      ["Iraq", "Iraq"],
    ]);
  });

  it("treats spellings that differ in apostrophes, hyphens, spaces or case as the same name", () => {
    expect(found(["Asaib Ahl al-Haq"], "Asa’ib Ahl al-Haq and Asaib ahl al Haq")).toEqual([
      ["Asa’ib Ahl al-Haq", "Asaib Ahl al-Haq"],
      ["Asaib ahl al Haq", "Asaib Ahl al-Haq"],
    ]);
  });

  it("matches an abbreviation in capitals only: 'it wasn't us' is not the US", () => {
    expect(found(["US", "U.S."], "“it wasn't us,” the US said of U.S. forces")).toEqual([
      ["US", "US"],
      ["U.S.", "U.S."],
    ]);
  });

  it("lets the caller veto a hit, then tries shorter names", () => {
    const m = new NameMatcher([
      { name: "Ali", value: "scoped" },
      { name: "Ali al-Sistani", value: "sistani" },
    ]);
    expect(m.find("Ali al-Sistani and Ali", (p) => p.value !== "scoped").map((x) => x.value)).toEqual(["sistani"]);
  });

  it("does linear work for long texts: 2 MB with 1,000 names in well under a few seconds", () => {
    const names = Array.from({ length: 1000 }, (_, i) => ({ name: `Name${i} Surname${i}`, value: i }));
    const text = "Name7 Surname7 met Name999 Surname999 in Baghdad. ".repeat(40_000);
    const m = new NameMatcher(names);
    const t0 = performance.now();
    expect(m.find(text)).toHaveLength(80_000);
    expect(performance.now() - t0).toBeLessThan(10_000);
  });
});
