/**
 * A deterministic force layout, computed on the server: ForceAtlas2 (graphology's, with the
 * Barnes–Hut approximation on large graphs) from a fixed spiral of nodes in id order, a fixed
 * number of iterations — the same graph always lands in the same place, so a shared URL shows the
 * same picture, and the interactive graph starts from the picture the SVG fallback drew. The
 * result is fitted into the SVG's viewBox.
 */
import Graph from "graphology";
import forceAtlas2 from "graphology-layout-forceatlas2";
import type { GraphEdge, GraphNode } from "./types";

export const WIDTH = 1000;
export const HEIGHT = 720;
/** An actor's neighbourhood is drawn on a small square canvas, so it fits a phone's screen legibly. */
export const EGO_SIZE = { width: 560, height: 560 };
const PAD = 40;

export interface Canvas {
  width: number;
  height: number;
}

export interface PlacedNode extends GraphNode {
  x: number;
  y: number;
  r: number;
}

export interface PlacedEdge extends GraphEdge {
  /** SVG path from the source's rim to the target's rim; parallel edges bend apart. */
  d: string;
  /** Where a label sits (the curve's midpoint). */
  mx: number;
  my: number;
}

export const radius = (degree: number) => 4 + Math.sqrt(degree) * 2.6;

/** Iterations: enough to settle a small graph; fewer, each cheaper with Barnes–Hut, on a large one. */
const iterationsFor = (n: number) => (n <= 150 ? 600 : Math.max(120, Math.round(60_000 / n)));

/**
 * Layouts already computed, by what determines them (the layout is deterministic): the server
 * lays out the same whole graph or neighbourhood for every reader of /graph or a profile, and
 * the whole graph costs tens of milliseconds before the page's first byte. The oldest go first.
 */
const LAYOUTS_KEPT = 64;
const layouts = new Map<string, Map<string, { x: number; y: number }>>();

/** Forgets the layouts computed so far: for a benchmark that times the computation itself. */
export const forgetLayouts = () => layouts.clear();

/** Positions in layout units (not yet fitted), for any graph. The focus, when given, is pinned at 0,0. */
export function forceLayout(
  nodes: GraphNode[],
  edges: GraphEdge[],
  focusId?: string,
): Map<string, { x: number; y: number }> {
  const ordered = [...nodes].sort((a, b) => a.id.localeCompare(b.id));
  const key = JSON.stringify([focusId ?? null, ordered.map((n) => [n.id, n.degree]), edges.map((e) => [e.from, e.to])]);
  const known = layouts.get(key);
  if (known) return known;
  const positions = computeLayout(ordered, edges, focusId);
  if (layouts.size >= LAYOUTS_KEPT) layouts.delete(layouts.keys().next().value as string);
  layouts.set(key, positions);
  return positions;
}

function computeLayout(
  ordered: GraphNode[],
  edges: GraphEdge[],
  focusId: string | undefined,
): Map<string, { x: number; y: number }> {
  const graph = new Graph({ type: "undirected", multi: true, allowSelfLoops: false });
  // A sunflower spiral: every node starts somewhere different, the same way every time.
  ordered.forEach((n, i) => {
    const angle = i * Math.PI * (3 - Math.sqrt(5));
    const distance = 10 * Math.sqrt(i + 0.5);
    const pinned = n.id === focusId;
    graph.addNode(n.id, {
      x: pinned ? 0 : Math.cos(angle) * distance,
      y: pinned ? 0 : Math.sin(angle) * distance,
      size: radius(n.degree),
      fixed: pinned,
    });
  });
  for (const e of edges) if (graph.hasNode(e.from) && graph.hasNode(e.to)) graph.addEdge(e.from, e.to);
  const large = ordered.length > 150;
  forceAtlas2.assign(graph, {
    iterations: iterationsFor(ordered.length),
    settings: {
      ...forceAtlas2.inferSettings(graph),
      barnesHutOptimize: large,
      // Node sizes keep discs apart on graphs small enough to read one by one.
      adjustSizes: !large,
      gravity: 1,
      scalingRatio: large ? 10 : 40,
    },
  });
  return new Map(graph.mapNodes((id, a) => [id, { x: a.x as number, y: a.y as number }] as const));
}

export function layoutGraph(
  nodes: GraphNode[],
  edges: GraphEdge[],
  focusId?: string,
  canvas: Canvas = { width: WIDTH, height: HEIGHT },
): { nodes: PlacedNode[]; edges: PlacedEdge[] } {
  const ordered = [...nodes].sort((a, b) => a.id.localeCompare(b.id));
  const positions = forceLayout(ordered, edges, focusId);
  const at = (id: string) => positions.get(id) ?? { x: 0, y: 0 };

  // Fit into the viewBox, keeping the aspect ratio; a pinned focus stays at the centre.
  const xs = ordered.map((n) => at(n.id).x);
  const ys = ordered.map((n) => at(n.id).y);
  let [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  if (focusId) {
    const reachX = Math.max(Math.abs(minX), Math.abs(maxX));
    const reachY = Math.max(Math.abs(minY), Math.abs(maxY));
    [minX, maxX, minY, maxY] = [-reachX, reachX, -reachY, reachY];
  }
  const scale = Math.min(
    (canvas.width - 2 * PAD) / Math.max(maxX - minX, 1),
    (canvas.height - 2 * PAD) / Math.max(maxY - minY, 1),
    // A handful of actors is not blown up to fill the frame.
    8,
  );
  const offX = (canvas.width - (maxX - minX) * scale) / 2;
  const offY = (canvas.height - (maxY - minY) * scale) / 2;
  const placed = new Map<string, PlacedNode>();
  for (const n of ordered) {
    placed.set(n.id, {
      ...n,
      x: round(offX + (at(n.id).x - minX) * scale),
      y: round(offY + (at(n.id).y - minY) * scale),
      r: radius(n.degree),
    });
  }

  // Parallel edges between the same two actors get distinct bends.
  const pairCount = new Map<string, number>();
  const pairIndex = new Map<string, number>();
  const pairKey = (e: GraphEdge) => [e.from, e.to].sort().join("|");
  for (const e of edges) pairCount.set(pairKey(e), (pairCount.get(pairKey(e)) ?? 0) + 1);
  const placedEdges: PlacedEdge[] = [];
  for (const e of edges) {
    const a = placed.get(e.from);
    const b = placed.get(e.to);
    if (!a || !b) continue;
    const key = pairKey(e);
    const index = pairIndex.get(key) ?? 0;
    pairIndex.set(key, index + 1);
    const count = pairCount.get(key) ?? 1;
    placedEdges.push({ ...e, ...curve(a, b, count === 1 ? 0 : (index - (count - 1) / 2) * 28) });
  }
  return { nodes: [...placed.values()], edges: placedEdges };
}

const round = (n: number) => Math.round(n * 10) / 10;

/** A quadratic curve from a's rim to b's rim, bent sideways by `bend` pixels (0: straight). */
function curve(a: PlacedNode, b: PlacedNode, bend: number) {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len = Math.hypot(dx, dy) || 1;
  const [ux, uy] = [dx / len, dy / len];
  const [nx, ny] = [-uy, ux];
  const cx = (a.x + b.x) / 2 + nx * bend;
  const cy = (a.y + b.y) / 2 + ny * bend;
  const start = towards(a, cx, cy, a.r + 1);
  const end = towards(b, cx, cy, b.r + 4);
  return {
    d: `M${round(start.x)},${round(start.y)} Q${round(cx)},${round(cy)} ${round(end.x)},${round(end.y)}`,
    mx: round((start.x + 2 * cx + end.x) / 4),
    my: round((start.y + 2 * cy + end.y) / 4),
  };
}

function towards(n: PlacedNode, x: number, y: number, distance: number) {
  const dx = x - n.x;
  const dy = y - n.y;
  const len = Math.hypot(dx, dy) || 1;
  return { x: n.x + (dx / len) * distance, y: n.y + (dy / len) * distance };
}

/**
 * An actor's neighbourhood within a graph: everyone within `depth` relations of it, and every
 * relation among them (so the view shows how the neighbours relate to each other too).
 */
export function neighbourhood(
  graph: { nodes: GraphNode[]; edges: GraphEdge[] },
  focusId: string,
  depth: number,
): { nodes: GraphNode[]; edges: GraphEdge[] } {
  const keep = new Set([focusId]);
  let frontier = [focusId];
  for (let d = 0; d < depth; d++) {
    const next: string[] = [];
    for (const e of graph.edges) {
      for (const [a, b] of [
        [e.from, e.to],
        [e.to, e.from],
      ] as const) {
        if (frontier.includes(a) && !keep.has(b)) {
          keep.add(b);
          next.push(b);
        }
      }
    }
    frontier = next;
  }
  const edges = graph.edges.filter((e) => keep.has(e.from) && keep.has(e.to));
  const degree = new Map<string, number>();
  for (const e of edges) for (const id of [e.from, e.to]) degree.set(id, (degree.get(id) ?? 0) + 1);
  const nodes = graph.nodes.filter((n) => keep.has(n.id)).map((n) => ({ ...n, degree: degree.get(n.id) ?? 0 }));
  return { nodes, edges };
}

/** Relation types in families, for edge colours. */
export const EDGE_FAMILIES = {
  command: {
    label: "Leadership and command",
    types: ["leads", "commands", "subordinate_of", "deputy_of", "spokesperson_of", "founded"],
  },
  membership: { label: "Membership and structure", types: ["member_of", "part_of", "employed_by", "researcher_at"] },
  support: { label: "Backing and alignment", types: ["backed_by", "directed_by", "allied_with", "linked_to"] },
  hostility: { label: "Hostility and sanctions", types: ["opposes", "killed", "sanctioned_by", "designated_by"] },
  kin: { label: "Kinship", types: ["kin_of"] },
} as const;
export type EdgeFamily = keyof typeof EDGE_FAMILIES;

export function familyOf(type: string): EdgeFamily {
  for (const [family, { types }] of Object.entries(EDGE_FAMILIES)) {
    if ((types as readonly string[]).includes(type)) return family as EdgeFamily;
  }
  return "support";
}

export interface PlacedLabel {
  id: string;
  x: number;
  y: number;
  anchor: "start" | "middle" | "end";
}

/**
 * Greedy label placement: most connected first, above the node, else below, right or left;
 * a label that would overlap one already placed (or another node) is left out — the node keeps
 * its tooltip and accessible name. The first `hubs` labels may cover other nodes.
 */
export function placeLabels(
  nodes: PlacedNode[],
  wanted: string[],
  fontSize = 12,
  hubs = 8,
  canvas: Canvas = { width: WIDTH, height: HEIGHT },
): PlacedLabel[] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const boxes: { x0: number; y0: number; x1: number; y1: number }[] = [];
  const placed: PlacedLabel[] = [];
  const overlapsLabel = (b: (typeof boxes)[number]) =>
    boxes.some((o) => b.x0 < o.x1 && b.x1 > o.x0 && b.y0 < o.y1 && b.y1 > o.y0);
  const overlaps = (b: (typeof boxes)[number]) =>
    overlapsLabel(b) || nodes.some((n) => n.x + n.r > b.x0 && n.x - n.r < b.x1 && n.y + n.r > b.y0 && n.y - n.r < b.y1);
  for (const [rank, id] of wanted.entries()) {
    const n = byId.get(id);
    if (!n) continue;
    const w = n.name.length * fontSize * 0.56;
    const h = fontSize;
    const options: { x: number; y: number; anchor: PlacedLabel["anchor"]; box: (typeof boxes)[number] }[] = [
      {
        x: n.x,
        y: n.y - n.r - 4,
        anchor: "middle",
        box: { x0: n.x - w / 2, y0: n.y - n.r - 4 - h, x1: n.x + w / 2, y1: n.y - n.r - 3 },
      },
      {
        x: n.x,
        y: n.y + n.r + h,
        anchor: "middle",
        box: { x0: n.x - w / 2, y0: n.y + n.r + 1, x1: n.x + w / 2, y1: n.y + n.r + h + 2 },
      },
      {
        x: n.x + n.r + 4,
        y: n.y + h / 3,
        anchor: "start",
        box: { x0: n.x + n.r + 3, y0: n.y - h / 2, x1: n.x + n.r + 4 + w, y1: n.y + h / 2 },
      },
      {
        x: n.x - n.r - 4,
        y: n.y + h / 3,
        anchor: "end",
        box: { x0: n.x - n.r - 4 - w, y0: n.y - h / 2, x1: n.x - n.r - 3, y1: n.y + h / 2 },
      },
    ];
    const inside = (b: (typeof boxes)[number]) =>
      b.x0 >= 0 && b.x1 <= canvas.width && b.y0 >= 0 && b.y1 <= canvas.height;
    // A hub sits among its neighbours, where no side is free of nodes; its name matters most, so
    // it may cover a node (the label's halo keeps both readable), never another label.
    const choice =
      options.find((o) => inside(o.box) && !overlaps(o.box)) ??
      (rank < hubs ? options.find((o) => inside(o.box) && !overlapsLabel(o.box)) : undefined);
    if (!choice) continue;
    boxes.push(choice.box);
    placed.push({ id, x: Math.round(choice.x), y: Math.round(choice.y), anchor: choice.anchor });
  }
  return placed;
}
