/**
 * Cursor and scroll movement over a document's geometry: by items, by pages, to either end.
 * Shared by the explorer's reducer and the review's; each keeps its own positions.
 */
import {
  clampScroll,
  cursorOf,
  ensureVisible,
  type Geometry,
  itemAtRow,
  maxScroll,
  nextSelectable,
} from "./geometry.js";

export interface Position {
  /** Item index of the cursor; null until the user moves (the document's anchor is used). */
  cursor: number | null;
  /** First visible row; null until the user moves. */
  scroll: number | null;
}

export function move<P extends Position>(nav: P, g: Geometry, by: number): P {
  if (g.mode === "scroll") {
    const s = ensureVisible(g, -1, nav.scroll);
    return { ...nav, scroll: clampScroll(g, s + by) };
  }
  let c = cursorOf(g, nav.cursor);
  let s = ensureVisible(g, c, nav.scroll);
  if (c < 0) return { ...nav, scroll: clampScroll(g, s + by) };
  const dir = by > 0 ? 1 : -1;
  for (let n = 0; n < Math.abs(by); n++) {
    const next = nextSelectable(g, c, dir);
    if (next >= 0) {
      c = next;
      s = ensureVisible(g, c, s);
      continue;
    }
    // Nothing more to select that way: scroll to show the rest, as long as the cursor stays visible.
    const start = g.starts[c] ?? 0;
    const end = start + (g.heights[c] ?? 1);
    const t = clampScroll(g, s + dir);
    if (t <= start && t + g.height >= end) s = t;
  }
  return { ...nav, cursor: c, scroll: s };
}

export function page<P extends Position>(nav: P, g: Geometry, by: 1 | -1): P {
  const step = Math.max(1, g.height - 1);
  if (g.mode === "scroll") {
    const s = ensureVisible(g, -1, nav.scroll);
    return { ...nav, scroll: clampScroll(g, s + by * step) };
  }
  const c = cursorOf(g, nav.cursor);
  // Nothing to select (the help): a page scrolls, as ↑↓ do.
  if (c < 0) return { ...nav, scroll: clampScroll(g, ensureVisible(g, -1, nav.scroll) + by * step) };
  const s = clampScroll(g, ensureVisible(g, c, nav.scroll) + by * step);
  // The cursor goes to the first selectable item on the new page (or the last item at the end).
  let target = itemAtRow(g, s);
  if (!g.selectable[target]) target = nextSelectable(g, target, 1);
  if (by > 0 && s === maxScroll(g) && (g.starts[c] ?? 0) >= s) target = lastSelectable(g);
  if (target < 0) target = c;
  return { ...nav, cursor: target, scroll: ensureVisible(g, target, s) };
}

const lastSelectable = (g: Geometry) => g.selectable.lastIndexOf(true);

export function edge<P extends Position>(nav: P, g: Geometry, to: "start" | "end"): P {
  if (g.mode === "scroll") return { ...nav, scroll: to === "start" ? 0 : maxScroll(g) };
  const c = to === "start" ? g.selectable.indexOf(true) : lastSelectable(g);
  if (c < 0) return { ...nav, scroll: to === "start" ? 0 : maxScroll(g) };
  return { ...nav, cursor: c, scroll: to === "start" ? 0 : maxScroll(g) };
}
