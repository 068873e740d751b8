/** Fixed-width cells for lists and tables. Widths count code points (the corpus has no wide characters). */

export const width = (s: string) => Array.from(s).length;

/** Cuts to `w` columns with "…", then pads to exactly `w`. */
export function cell(s: string, w: number, align: "left" | "right" = "left"): string {
  const chars = Array.from(s);
  const cut = chars.length > w ? `${chars.slice(0, Math.max(0, w - 1)).join("")}…` : s;
  const pad = " ".repeat(Math.max(0, w - width(cut)));
  return align === "left" ? cut + pad : pad + cut;
}
