/**
 * What readers see of the curated records is prose: no file of the atlas's own (sources.yaml, a
 * corpus .txt) is named in a note, a description, a summary or a statement.
 */
import { describe, expect, it } from "vitest";
import { buildDataset } from "./load.js";

const PROSE = new Set(["note", "description", "summary", "statement", "placeNote", "setting", "who", "title"]);

function proseOf(value: unknown, key = "", out: [string, string][] = []): [string, string][] {
  if (typeof value === "string") {
    if (PROSE.has(key)) out.push([key, value]);
  } else if (Array.isArray(value)) {
    for (const item of value) proseOf(item, key, out);
  } else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) if (k !== "text") proseOf(v, k, out);
  }
  return out;
}

describe("curated prose", () => {
  it("names no file of the atlas's own", () => {
    const { dataset } = buildDataset();
    const prose = proseOf(dataset);
    expect(prose.length).toBeGreaterThan(500);
    expect(prose.filter(([, text]) => /\b[\w-]+\.(ya?ml|txt|json)\b/.test(text))).toEqual([]);
  });
});
