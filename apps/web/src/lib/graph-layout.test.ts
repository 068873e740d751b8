/** The relation graph's layout: the same graph lands in the same place, inside the canvas, labels never collide. */

import type { RelationType } from "@atlas/schema";
import { describe, expect, test } from "vitest";
import {
  EGO_SIZE,
  familyOf,
  HEIGHT,
  layoutGraph,
  neighbourhood,
  type PlacedNode,
  placeLabels,
  WIDTH,
} from "./graph-layout";
import type { GraphEdge, GraphNode } from "./types";

const node = (id: string, degree = 1): GraphNode => ({ id, name: `Actor ${id}`, kind: "armed_group", degree });
const edge = (id: string, from: string, to: string, type: RelationType = "allied_with"): GraphEdge => ({
  id,
  from,
  to,
  type,
  role: null,
  former: false,
  time: null,
  earliest: null,
  latest: null,
});

// A hub with five spokes, a chain off one spoke, and a second relation between the hub and a spoke.
const nodes = [node("hub", 6), ...["a", "b", "c", "d", "e"].map((id) => node(id)), node("f"), node("g")];
const edges = [
  ...["a", "b", "c", "d", "e"].map((id) => edge(`hub-${id}`, "hub", id)),
  edge("hub-a-2", "a", "hub", "backed_by"),
  edge("a-f", "a", "f"),
  edge("f-g", "f", "g"),
];

describe("layoutGraph", () => {
  test("is deterministic: the same graph, in any order, gives the same picture", () => {
    const once = layoutGraph(nodes, edges);
    const shuffled = layoutGraph([...nodes].reverse(), edges);
    const at = (placed: PlacedNode[]) => Object.fromEntries(placed.map((n) => [n.id, [n.x, n.y]]));
    expect(at(shuffled.nodes)).toEqual(at(once.nodes));
    expect(once.edges.map((e) => e.d)).toEqual(shuffled.edges.map((e) => e.d));
  });

  test("every node lies inside the canvas, with no two on the same spot", () => {
    const { nodes: placed } = layoutGraph(nodes, edges);
    expect(placed).toHaveLength(nodes.length);
    for (const n of placed) {
      expect(n.x - n.r).toBeGreaterThanOrEqual(0);
      expect(n.x + n.r).toBeLessThanOrEqual(WIDTH);
      expect(n.y - n.r).toBeGreaterThanOrEqual(0);
      expect(n.y + n.r).toBeLessThanOrEqual(HEIGHT);
    }
    expect(new Set(placed.map((n) => `${n.x},${n.y}`)).size).toBe(placed.length);
  });

  test("a focused actor is pinned at the centre of its canvas", () => {
    const { nodes: placed } = layoutGraph(nodes, edges, "f", EGO_SIZE);
    const focus = placed.find((n) => n.id === "f");
    expect(focus).toMatchObject({ x: EGO_SIZE.width / 2, y: EGO_SIZE.height / 2 });
  });

  test("two relations between the same actors bend apart; a single one is straight", () => {
    const placed = layoutGraph(nodes, edges).edges;
    const [first, second] = placed.filter((e) => e.id === "hub-a" || e.id === "hub-a-2");
    expect(first?.d).not.toBe(second?.d);
    // A straight quadratic curve has its control point on the line, midway between the ends.
    const straight = placed.find((e) => e.id === "f-g");
    const [, sx, sy, cx, cy, ex, ey] = (
      straight?.d.match(/M([\d.-]+),([\d.-]+) Q([\d.-]+),([\d.-]+) ([\d.-]+),([\d.-]+)/) ?? []
    ).map(Number);
    const cross =
      ((cx as number) - (sx as number)) * ((ey as number) - (sy as number)) -
      ((cy as number) - (sy as number)) * ((ex as number) - (sx as number));
    expect(Math.abs(cross)).toBeLessThan(50);
  });
});

describe("neighbourhood", () => {
  test("keeps everyone within the depth and every relation among them, with degrees recounted", () => {
    const one = neighbourhood({ nodes, edges }, "f", 1);
    expect(one.nodes.map((n) => n.id).sort()).toEqual(["a", "f", "g"]);
    expect(one.edges.map((e) => e.id).sort()).toEqual(["a-f", "f-g"]);
    expect(Object.fromEntries(one.nodes.map((n) => [n.id, n.degree]))).toEqual({ a: 1, f: 2, g: 1 });

    const two = neighbourhood({ nodes, edges }, "f", 2);
    expect(two.nodes.map((n) => n.id).sort()).toEqual(["a", "f", "g", "hub"]);
    expect(two.edges.map((e) => e.id).sort()).toEqual(["a-f", "f-g", "hub-a", "hub-a-2"]);
  });
});

test("relation types fall into their colour families; an unknown type is drawn as support", () => {
  expect(familyOf("leads")).toBe("command");
  expect(familyOf("member_of")).toBe("membership");
  expect(familyOf("opposes")).toBe("hostility");
  expect(familyOf("kin_of")).toBe("kin");
  expect(familyOf("something_new")).toBe("support");
});

describe("placeLabels", () => {
  const at = (id: string, x: number, y: number, name = `Actor ${id}`): PlacedNode => ({
    ...node(id),
    name,
    x,
    y,
    r: 6,
  });

  test("puts a label above its node when there is room", () => {
    expect(placeLabels([at("a", 500, 300)], ["a"])).toEqual([{ id: "a", x: 500, y: 290, anchor: "middle" }]);
  });

  test("never lets two labels overlap, and leaves out what cannot fit", () => {
    // Four nodes stacked tightly: each label needs a side the others have not taken.
    const crowd = ["a", "b", "c", "d", "e"].map((id, i) => at(id, 500 + (i % 2) * 4, 300 + i * 4, "A long actor name"));
    const labels = placeLabels(crowd, ["a", "b", "c", "d", "e"], 12, 0);
    expect(labels.length).toBeGreaterThan(0);
    expect(labels.length).toBeLessThan(crowd.length);
    const w = "A long actor name".length * 12 * 0.56;
    const box = (l: (typeof labels)[number]) => {
      const x0 = l.anchor === "middle" ? l.x - w / 2 : l.anchor === "start" ? l.x : l.x - w;
      return { x0, x1: x0 + w, y0: l.y - 12, y1: l.y };
    };
    for (const [i, a] of labels.entries())
      for (const b of labels.slice(i + 1)) {
        const [p, q] = [box(a), box(b)];
        expect(p.x0 < q.x1 && p.x1 > q.x0 && p.y0 < q.y1 && p.y1 > q.y0, `${a.id} overlaps ${b.id}`).toBe(false);
      }
  });

  test("keeps a label inside the canvas: at the top edge it goes below the node", () => {
    expect(placeLabels([at("a", 500, 8)], ["a"])[0]?.y).toBeGreaterThan(8);
  });
});
