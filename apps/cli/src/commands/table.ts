/**
 * Borderless tables (like `ls -l` or `kubectl get`) that fit the terminal: fixed columns take
 * what their content needs up to a cap, the flexible column gets the rest and wraps.
 */
import Table from "cli-table3";
import { width } from "../format/text.js";
import type { Output } from "./context.js";

export interface Column {
  header: string;
  /** Most columns this one may take; the flexible column takes whatever is left. */
  max?: number;
  flex?: boolean;
  align?: "left" | "right";
  /** Ids: never cut; too long for the column, they break after a hyphen (the hyphen stays). */
  id?: boolean;
}

/** "a-long-slug-id" at width 8 → "a-long-\nslug-id": whole, and still readable. */
export function breakId(id: string, w: number): string {
  const lines: string[] = [];
  let line = "";
  for (const part of id.split(/(?<=-)/)) {
    if (line && width(line + part) > w) {
      lines.push(line);
      line = "";
    }
    line += part;
  }
  lines.push(line);
  return lines.join("\n");
}

const GAP = 2;
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching ANSI colour codes is the point
const ANSI = /\u001B\[[0-9;]*m/g;
const visible = (s: string) => width(s.replace(ANSI, ""));
const NO_BORDERS = {
  top: "",
  "top-mid": "",
  "top-left": "",
  "top-right": "",
  bottom: "",
  "bottom-mid": "",
  "bottom-left": "",
  "bottom-right": "",
  left: "",
  "left-mid": "",
  mid: "",
  "mid-mid": "",
  right: "",
  "right-mid": "",
  middle: " ".repeat(GAP),
};

export function renderTable(columns: Column[], rows: string[][], out: Output): string {
  const natural = columns.map((c, i) =>
    Math.max(width(c.header), ...rows.flatMap((r) => (r[i] ?? "").split("\n").map(visible))),
  );
  const widths = columns.map((c, i) => (c.flex ? 0 : Math.min(natural[i] ?? 0, c.max ?? Number.POSITIVE_INFINITY)));
  const cells = rows.map((r) => r.map((v, i) => (columns[i]?.id ? breakId(v, widths[i] ?? 0) : v)));
  // A piece of an id longer than its column widens the column rather than be cut.
  columns.forEach((c, i) => {
    if (c.id) widths[i] = Math.max(widths[i] ?? 0, ...cells.flatMap((r) => (r[i] ?? "").split("\n").map(visible)));
  });
  const fixed = widths.reduce((a, b) => a + b, 0) + GAP * (columns.length - 1);
  const flexIndex = columns.findIndex((c) => c.flex);
  if (flexIndex >= 0) widths[flexIndex] = Math.max(12, Math.min(natural[flexIndex] ?? 0, out.columns - fixed));
  const table = new Table({
    head: columns.map((c) => out.theme.ansi("title", c.header)),
    chars: NO_BORDERS,
    style: { head: [], border: [], "padding-left": 0, "padding-right": 0 },
    colWidths: widths,
    colAligns: columns.map((c) => c.align ?? "left"),
    wordWrap: true,
    wrapOnWordBoundary: true,
  });
  table.push(...cells);
  return table
    .toString()
    .split("\n")
    .map((l) => l.trimEnd())
    .join("\n");
}
