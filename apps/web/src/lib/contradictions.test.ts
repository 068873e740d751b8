/** Claims grouped by stance and contradictions grouped by claim lose nothing and repeat nothing. */
import { expect, test } from "vitest";
import { groupByClaim } from "./contradictions";
import { STANCE_GROUPS, STANCE_LIST } from "./labels";
import type { Contradiction } from "./types";

test("every stance is in exactly one group, so grouping claims loses none", () => {
  for (const stance of STANCE_LIST) {
    expect(
      STANCE_GROUPS.filter((g) => g.stances.includes(stance)),
      stance,
    ).toHaveLength(1);
  }
});

test("contradictions grouped by claim keep every pair exactly once", () => {
  const claim = (id: string) => ({ id }) as Contradiction["a"];
  const pairs = [
    ["a", "x"],
    ["a", "y"],
    ["a", "z"],
    ["b", "x"],
    ["c", "d"],
  ].map(([a, b]) => ({ a: claim(a as string), b: claim(b as string) }));
  const groups = groupByClaim(pairs);
  expect(groups[0]?.claim.id).toBe("a");
  expect(groups[0]?.against.map((c) => c.id)).toEqual(["x", "y", "z"]);
  const seen = groups.flatMap((g) => g.against.map((c) => [g.claim.id, c.id].sort().join("|")));
  expect(seen.sort()).toEqual(pairs.map((p) => [p.a.id, p.b.id].sort().join("|")).sort());
});
