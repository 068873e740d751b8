/**
 * The graph's colours, read from the page's CSS tokens when it is drawn and again when the theme
 * changes: the canvas library cannot read the stylesheet itself.
 */
import { familyOf } from "@/lib/graph-layout";
import type { GraphColors } from "@/lib/graph-style";

/** The colours the style sheet takes, and an actor kind's and a relation type's colour. */
export type ThemeColors = GraphColors & { kind: (k: string) => string; edge: (t: string) => string };

/** A CSS colour token as rgb(), which the canvas library reads (the tokens are oklch). */
function tokenColor(name: string, fallback = "#888"): string {
  const value = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  const ctx = document.createElement("canvas").getContext("2d", { willReadFrequently: true });
  if (!value || !ctx) return fallback;
  ctx.fillStyle = fallback;
  ctx.fillStyle = value;
  ctx.fillRect(0, 0, 1, 1);
  const [r, g, b] = ctx.getImageData(0, 0, 1, 1).data;
  return `rgb(${r}, ${g}, ${b})`;
}

export function themeColors(): ThemeColors {
  const cache = new Map<string, string>();
  const token = (name: string) => {
    let c = cache.get(name);
    if (!c) {
      c = tokenColor(name);
      cache.set(name, c);
    }
    return c;
  };
  return {
    text: token("--foreground"),
    halo: token("--card"),
    ring: token("--ring"),
    path: token("--foreground"),
    kind: (k) => token(`--kind-${k}`),
    edge: (t) => token(`--edge-${familyOf(t)}`),
  };
}
