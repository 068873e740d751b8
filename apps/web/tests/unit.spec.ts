/** The pure pieces behind the pages: cutting text into annotated pieces and the time scale. */
import { expect, test } from "@playwright/test";
import { groupByClaim } from "../src/lib/contradictions";
import { collapse, expand, hiddenNeighbours } from "../src/lib/graph-explore";
import { holdsIn } from "../src/lib/graph-time";
import { STANCE_GROUPS, STANCE_LIST } from "../src/lib/labels";
import { buildBlocks, parseSpan } from "../src/lib/reader";
import { barFor, lastDayOf, scaleFor } from "../src/lib/time-scale";
import type { Contradiction } from "../src/lib/types";

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

test("a year spans the year on the scale; an open start reaches the edge", () => {
  const scale = scaleFor([], { from: "2014-01-01", to: "2014-12-31" });
  expect(scale).not.toBeNull();
  if (!scale) return;
  const year = barFor(scale, { earliest: "2014-01-01", latest: "2014-12-31" });
  expect(year.left).toBe(0);
  expect(year.width).toBeCloseTo(100, 5);
  const day = barFor(scale, { earliest: "2014-04-07", latest: "2014-04-07" });
  expect(day.point).toBe(true);
  const open = barFor(scale, { earliest: null, latest: "2014-06-30" });
  expect(open.openStart).toBe(true);
  expect(open.left).toBe(0);
  expect(lastDayOf("2016-02")).toBe("2016-02-29");
});

test("a window zooms the axis: months or weeks as ticks, not years", () => {
  const twoMonths = scaleFor([], { from: "2019-12-01", to: "2020-01-31" });
  expect(twoMonths?.ticks.map((t) => t.label)).toEqual([
    "1 Dec 2019",
    "8 Dec",
    "15 Dec",
    "22 Dec",
    "29 Dec",
    "5 Jan",
    "12 Jan",
    "19 Jan",
    "26 Jan",
  ]);
  const months = scaleFor([], { from: "2019-05-01", to: "2020-04-30" });
  expect(months?.ticks[0]?.label).toBe("May 2019");
  expect(months?.ticks.map((t) => t.label)).toContain("Jan 2020");
  // A day in the middle of a two-month window is drawn where it is, not squeezed into a year.
  const day = twoMonths && barFor(twoMonths, { earliest: "2019-12-27", latest: "2019-12-27" });
  expect(day?.left).toBeGreaterThan(40);
  expect(day?.left).toBeLessThan(45);
});

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

test("the server answers to its own host names and those in ATLAS_WEB_HOSTS, and no other", async () => {
  const { allowedHosts, refusal } = await import("../server/guard.mjs");
  const hosts = allowedHosts(3000, " atlas.example.org, Atlas.Internal:8080 ,");
  const asks = (host: string) => refusal({ method: "GET", url: "/", host, action: false }, hosts)?.status ?? 200;
  expect(
    ["127.0.0.1:3000", "localhost:3000", "atlas.example.org", "atlas.internal:8080", "LOCALHOST:3000"].map(asks),
  ).toEqual([200, 200, 200, 200, 200]);
  expect(["127.0.0.1:3001", "atlas.example.org:3000", "evil.example", ""].map(asks)).toEqual([403, 403, 403, 403]);
});

test("growing the graph from an actor adds its neighbours by type; collapsing takes back only those hanging on it", () => {
  const links = [
    { id: "1", from: "kh", to: "iran", type: "backed_by" },
    { id: "2", from: "aah", to: "iran", type: "backed_by" },
    { id: "3", from: "aah", to: "pmf", type: "part_of" },
    { id: "4", from: "kh", to: "pmf", type: "part_of" },
    { id: "5", from: "badr", to: "iran", type: "linked_to" },
  ];
  const shown = new Set(["kh", "iran"]);
  expect(hiddenNeighbours(links, shown, "iran")).toEqual({
    byType: new Map([
      ["backed_by", 1],
      ["linked_to", 1],
    ]),
    total: 2,
  });
  expect(expand(links, shown, "iran", "backed_by")).toEqual(["aah"]);
  const grown = new Set([...shown, ...expand(links, shown, "iran", null), "pmf"]);
  // Badr hangs on Iran alone; AAH is tied to the PMF too; the focus (KH) never goes.
  expect(collapse(links, grown, "iran", new Set(["kh"]))).toEqual(["badr"]);
});

test("a relation holds in a month its dates allow; open ends run on; undated is its own answer", () => {
  const edge = (earliest: string | null, latest: string | null, time: unknown = {}) => ({ earliest, latest, time });
  expect(holdsIn(edge("2018-01-01", null), "2021-06")).toBe("holds");
  expect(holdsIn(edge(null, "2020-01-03"), "2020-01")).toBe("holds");
  expect(holdsIn(edge(null, "2020-01-03"), "2020-02")).toBe("outside");
  expect(holdsIn(edge("1980-01-01", "1989-12-31"), "1979-12")).toBe("outside");
  expect(holdsIn(edge(null, null, null), "2020-01")).toBe("undated");
});
