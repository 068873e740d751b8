/** Readable, unique slugs for ingested sources and the records reviewers accept. */
import { fold } from "../text/fold.js";

/** "Inside Iraq's Iranian-Backed Militias" → "inside-iraqs-iranian-backed-militias", cut at a word. */
export function slugify(text: string, max = 60): string {
  const slug = fold(text)
    .text.replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (slug.length <= max) return slug;
  const cut = slug.slice(0, max);
  const dash = cut.lastIndexOf("-");
  return (dash > max / 2 ? cut.slice(0, dash) : cut).replace(/-+$/, "");
}

/** `base`, or `base-2`, `base-3`… the first not taken. */
export function unique(base: string, taken: (id: string) => boolean): string {
  if (!taken(base)) return base;
  for (let n = 2; ; n++) if (!taken(`${base}-${n}`)) return `${base}-${n}`;
}
