import { describe, expect, it } from "vitest";
import { shortestPaths } from "./paths.js";

const link = (pair: string) => {
  const [from, to] = pair.split("-") as [string, string];
  return { from, to };
};

describe("shortest paths between two actors", () => {
  it("walks relations either way and lists every shortest path in order, counting them all", () => {
    // a–b–d and a–c–d are shortest; a–e–f–d is longer.
    const links = ["a-b", "d-b", "c-a", "c-d", "a-e", "e-f", "f-d"].map(link);
    expect(shortestPaths(links, "a", "d", 10)).toEqual({
      length: 2,
      total: 2,
      paths: [
        ["a", "b", "d"],
        ["a", "c", "d"],
      ],
    });
  });

  it("lists at most `limit` paths but still says how many there are", () => {
    // Three parallel routes of two steps each: 3 × 3 = 9 shortest paths.
    const links = ["a-x1", "a-x2", "a-x3", "x1-m", "x2-m", "x3-m", "m-y1", "m-y2", "m-y3", "y1-z", "y2-z", "y3-z"].map(
      link,
    );
    const found = shortestPaths(links, "a", "z", 4);
    expect(found).toMatchObject({ length: 4, total: 9 });
    expect(found.paths).toHaveLength(4);
  });

  it("says there is no path rather than inventing one", () => {
    expect(shortestPaths(["a-b", "c-d"].map(link), "a", "d", 10)).toEqual({ length: null, total: 0, paths: [] });
  });
});
