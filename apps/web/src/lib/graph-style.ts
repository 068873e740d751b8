/**
 * How the interactive graph draws (cytoscape.js's stylesheet), from colours resolved out of the
 * page's CSS tokens so the canvas follows the theme like the SVG does. Plain JSON: the benchmark
 * draws its synthetic graph with the same style and options.
 */
import type { CytoscapeOptions, StylesheetJson } from "cytoscape";

/**
 * The canvas's behaviour, for the explorer and the benchmark alike. Edges stay drawn while
 * moving: at 500 actors and 2,000 relations the benchmark still draws 60 frames a second.
 */
export const CANVAS_OPTIONS: CytoscapeOptions = { wheelSensitivity: 0.4, minZoom: 0.1, maxZoom: 6 };

export interface GraphColors {
  text: string;
  halo: string;
  ring: string;
  path: string;
}

/** Node data: label, color (its kind's), size (px); edge data: color (its family's). */
export function graphStyle(c: GraphColors): StylesheetJson {
  return [
    {
      selector: "node",
      style: {
        "background-color": "data(color)",
        width: "data(size)",
        height: "data(size)",
        "border-width": 1.5,
        "border-color": c.halo,
        label: "data(label)",
        color: c.text,
        "font-size": 11,
        "font-family": "system-ui, sans-serif",
        "text-valign": "top",
        "text-margin-y": -3,
        "text-outline-color": c.halo,
        "text-outline-width": 2,
        // Names appear as one zooms in (the best connected first), so 500 actors stay readable
        // rather than a blur of text.
        "min-zoomed-font-size": 14,
      },
    },
    { selector: "node.hub", style: { "font-weight": "bold", "font-size": 13, "min-zoomed-font-size": 6 } },
    { selector: "node.focus", style: { "border-width": 4, "border-color": c.ring } },
    { selector: "node:selected", style: { "border-width": 4, "border-color": c.ring, "min-zoomed-font-size": 0 } },
    { selector: "node.faded", style: { opacity: 0.3 } },
    {
      selector: "edge",
      style: {
        width: 1.4,
        "line-color": "data(color)",
        "target-arrow-color": "data(color)",
        "target-arrow-shape": "triangle",
        "arrow-scale": 0.8,
        // Parallel relations between the same two actors bend apart.
        "curve-style": "bezier",
        opacity: 0.8,
      },
    },
    { selector: "edge.former", style: { "line-style": "dashed", "line-dash-pattern": [6, 4], opacity: 0.55 } },
    { selector: "edge:selected", style: { width: 3.5, opacity: 1 } },
    { selector: "edge.path", style: { width: 4, opacity: 1, "line-color": c.path, "target-arrow-color": c.path } },
  ];
}
