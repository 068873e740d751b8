// The relation graph at scale, on synthetic data (a benchmark: it prints figures, it asserts
// nothing). Two measures:
//   layout  — the server's ForceAtlas2 layout (src/lib/graph-layout.ts) at 100/400, 500/2,000 and
//             1,000/4,000 actors/relations, median of 5 runs;
//   canvas  — the interactive graph's library (cytoscape.js, with the explorer's style and options)
//             in headless Chromium at 500/2,000: time to the first drawn frame, then frame times
//             while zooming and panning continuously for two seconds.
//
//   pnpm --filter @atlas/web exec tsx bench/graph.ts        (pnpm bench runs it too)
import { createRequire } from "node:module";
import type { ActorKind, RelationType } from "@atlas/schema";
import { chromium } from "@playwright/test";
import { forgetLayouts, layoutGraph } from "../src/lib/graph-layout";
import { CANVAS_OPTIONS, graphStyle } from "../src/lib/graph-style";
import type { GraphEdge, GraphNode } from "../src/lib/types";

const KINDS: ActorKind[] = ["armed_group", "person", "state", "military", "government_body", "political_party"];
const TYPES: RelationType[] = [
  "leads",
  "member_of",
  "part_of",
  "backed_by",
  "allied_with",
  "opposes",
  "commands",
  "linked_to",
];

/** A graph that grows by preferential attachment (a few hubs, many small actors), seeded. */
export function syntheticGraph(actors: number, relations: number): { nodes: GraphNode[]; edges: GraphEdge[] } {
  let seed = 20_240_601;
  const random = () => {
    seed = (seed * 1_664_525 + 1_013_904_223) % 4_294_967_296;
    return seed / 4_294_967_296;
  };
  const ends: string[] = [];
  const edges: GraphEdge[] = [];
  for (let i = 0; i < relations; i++) {
    const from = `actor-${i < actors ? i : Math.floor(random() * actors)}`;
    let to =
      ends.length && random() < 0.8
        ? (ends[Math.floor(random() * ends.length)] as string)
        : `actor-${Math.floor(random() * actors)}`;
    if (to === from) to = `actor-${(Number(from.slice(6)) + 1) % actors}`;
    ends.push(from, to);
    const dated = random() < 0.3;
    const year = 1980 + Math.floor(random() * 40);
    edges.push({
      id: `relation-${i}`,
      from,
      to,
      type: TYPES[Math.floor(random() * TYPES.length)] as RelationType,
      role: null,
      former: random() < 0.15,
      time: dated ? { edtf: String(year), precision: "year", basis: "explicit" } : null,
      earliest: dated ? `${year}-01-01` : null,
      latest: dated ? `${year}-12-31` : null,
    });
  }
  const degree = new Map<string, number>();
  for (const e of edges) for (const id of [e.from, e.to]) degree.set(id, (degree.get(id) ?? 0) + 1);
  const nodes = Array.from({ length: actors }, (_, i) => ({
    id: `actor-${i}`,
    name: `Actor ${i}`,
    kind: KINDS[i % KINDS.length] as ActorKind,
    degree: degree.get(`actor-${i}`) ?? 0,
  }));
  return { nodes, edges };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const percentile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) * p)] as number;
const ms = (n: number) => `${n.toFixed(0)} ms`;

console.log("graph layout (ForceAtlas2 on the server), median of 5:");
for (const [actors, relations] of [
  [100, 400],
  [500, 2000],
  [1000, 4000],
] as const) {
  const g = syntheticGraph(actors, relations);
  const times: number[] = [];
  for (let run = 0; run < 5; run++) {
    forgetLayouts(); // the computation, not the server's cache of it
    const t = performance.now();
    layoutGraph(g.nodes, g.edges);
    times.push(performance.now() - t);
  }
  const t = performance.now();
  layoutGraph(g.nodes, g.edges);
  const cached = performance.now() - t;
  console.log(
    `  ${actors} actors / ${relations} relations: ${ms(median(times))} (fastest ${ms(Math.min(...times))}; again, from the cache: ${ms(cached)})`,
  );
}

const { nodes, edges } = layoutGraph(...(Object.values(syntheticGraph(500, 2000)) as [GraphNode[], GraphEdge[]]));
const colors = { text: "#222", halo: "#fff", ring: "#36c", path: "#222" };
const elements = [
  ...nodes.map((n) => ({
    group: "nodes",
    data: { id: n.id, label: n.name, color: "#c33", size: 2 * n.r },
    position: { x: n.x, y: n.y },
    classes: n.degree >= 8 ? "hub" : "",
  })),
  ...edges.map((e) => ({
    group: "edges",
    data: { id: e.id, source: e.from, target: e.to, color: "#888" },
    classes: e.former ? "former" : "",
  })),
];
/** In the page: draw the graph, wait for the first frame, then zoom and pan for two seconds. */
const IN_PAGE = `async ({ elements, style, options }) => {
  const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
  const start = performance.now();
  const cy = window.cytoscape({ container: document.getElementById("graph"), elements, style, layout: { name: "preset" }, ...options });
  cy.fit();
  await frame();
  await frame();
  const firstFrame = performance.now() - start;
  const intervals = [];
  let last = await frame();
  const until = last + 2000;
  for (let step = 0; last < until; step++) {
    cy.zoom(cy.zoom() * (step % 60 < 30 ? 1.01 : 0.99));
    cy.panBy({ x: step % 40 < 20 ? 3 : -3, y: 0 });
    const now = await frame();
    intervals.push(now - last);
    last = now;
  }
  return { firstFrame, intervals };
}`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu"],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  console.log("interactive graph (cytoscape.js, canvas) at 500 actors / 2,000 relations, headless Chromium:");
  await page.setContent('<div id="graph" style="width:1200px;height:720px"></div>');
  await page.addScriptTag({ path: createRequire(import.meta.url).resolve("cytoscape/dist/cytoscape.min.js") });
  // Plain JavaScript in a string: what runs in the page is not transpiled.
  const result = (await page.evaluate(
    `(${IN_PAGE})(${JSON.stringify({ elements, style: graphStyle(colors), options: CANVAS_OPTIONS })})`,
  )) as { firstFrame: number; intervals: number[] };
  const fps = 1000 / median(result.intervals);
  console.log(`  first frame drawn: ${ms(result.firstFrame)}`);
  console.log(
    `  zooming and panning for 2 s: ${result.intervals.length} frames, median ${median(result.intervals).toFixed(1)} ms (${fps.toFixed(0)} fps), 95th percentile ${percentile(result.intervals, 0.95).toFixed(1)} ms`,
  );
} finally {
  await browser.close();
}
