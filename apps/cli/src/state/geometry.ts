/**
 * Where a document's items sit in rows, and the scroll position that keeps the cursor in view
 * (with the headings just above it, so an item is never shown without its section).
 */
import type { Doc } from "../doc.js";

export interface Geometry {
  starts: number[];
  heights: number[];
  selectable: boolean[];
  total: number;
  /** The item the cursor starts on; -1 when nothing is selectable. */
  anchor: number;
  mode: Doc["mode"];
  /** Rows of the viewport. */
  height: number;
}

export function geometryOf(doc: Doc, height: number): Geometry {
  const starts: number[] = [];
  const heights: number[] = [];
  let row = 0;
  for (const item of doc.items) {
    starts.push(row);
    heights.push(item.lines.length);
    row += item.lines.length;
  }
  const selectable = doc.items.map((i) => i.selectable);
  const first = selectable.indexOf(true);
  const anchor = doc.anchor !== undefined && selectable[doc.anchor] ? doc.anchor : first;
  return { starts, heights, selectable, total: row, anchor, mode: doc.mode, height: Math.max(1, height) };
}

export const maxScroll = (g: Geometry) => Math.max(0, g.total - g.height);
export const clampScroll = (g: Geometry, s: number) => Math.min(Math.max(0, s), maxScroll(g));

/** The cursor item, or the anchor when none was chosen (or the document changed under it). */
export function cursorOf(g: Geometry, cursor: number | null): number {
  if (cursor !== null && g.selectable[cursor]) return cursor;
  return g.anchor;
}

/** The first row of the non-selectable run (headings, blank lines) right above an item. */
function contextStart(g: Geometry, item: number): number {
  let i = item;
  while (i > 0 && !g.selectable[i - 1]) i--;
  return g.starts[i] ?? 0;
}

/** A scroll position at which the cursor item is visible, moving as little as possible from `scroll`. */
export function ensureVisible(g: Geometry, cursor: number, scroll: number | null): number {
  if (g.mode === "scroll") {
    const anchorRow = g.anchor >= 0 ? Math.max(0, (g.starts[g.anchor] ?? 0) - 2) : 0;
    return clampScroll(g, scroll ?? anchorRow);
  }
  let s = scroll ?? 0;
  if (cursor < 0) return clampScroll(g, s);
  const start = g.starts[cursor] ?? 0;
  const end = start + (g.heights[cursor] ?? 1);
  if (end > s + g.height) s = end - g.height;
  if (start < s) s = start;
  const context = contextStart(g, cursor);
  if (context < s && end - context <= g.height) s = context;
  return clampScroll(g, s);
}

/** The next selectable item from `from` in a direction, or -1. */
export function nextSelectable(g: Geometry, from: number, dir: 1 | -1): number {
  for (let i = from + dir; i >= 0 && i < g.selectable.length; i += dir) if (g.selectable[i]) return i;
  return -1;
}

/** The item shown at a row. */
export function itemAtRow(g: Geometry, row: number): number {
  let lo = 0;
  for (let i = 0; i < g.starts.length; i++) if ((g.starts[i] ?? 0) <= row) lo = i;
  return lo;
}
