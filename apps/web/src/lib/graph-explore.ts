/**
 * Working in the graph: which actors are on screen, growing it from one actor by a relation type,
 * shrinking it back, and where newcomers are put. Pure functions over ids, so the interactive
 * graph's reducer stays small and these rules are tested without a browser.
 */

export interface Link {
  id: string;
  from: string;
  to: string;
  type: string;
}

const otherEnd = (l: Link, id: string) => (l.from === id ? l.to : l.from);
const touches = (l: Link, id: string) => l.from === id || l.to === id;

/**
 * The actors around one that are not on screen yet: how many by relation type, and in all (an
 * actor tied by two types counts once).
 */
export function hiddenNeighbours(
  links: Link[],
  shown: ReadonlySet<string>,
  id: string,
): { byType: Map<string, number>; total: number } {
  const byType = new Map<string, Set<string>>();
  for (const l of links) {
    if (!touches(l, id) || shown.has(otherEnd(l, id))) continue;
    byType.set(l.type, (byType.get(l.type) ?? new Set()).add(otherEnd(l, id)));
  }
  return {
    byType: new Map([...byType].sort(([a], [b]) => a.localeCompare(b)).map(([t, ids]) => [t, ids.size])),
    total: new Set([...byType.values()].flatMap((ids) => [...ids])).size,
  };
}

/** The actor's neighbours through relations of `type` (any type when null), added to what is shown. */
export function expand(links: Link[], shown: ReadonlySet<string>, id: string, type: string | null): string[] {
  const added = new Set<string>();
  for (const l of links) {
    if (touches(l, id) && (type === null || l.type === type) && !shown.has(otherEnd(l, id))) added.add(otherEnd(l, id));
  }
  return [...added].sort();
}

/**
 * What collapsing an actor takes away: its neighbours on screen that hang on it alone (no
 * relation to anyone else shown). `keep` (the focus of the view) never goes.
 */
export function collapse(links: Link[], shown: ReadonlySet<string>, id: string, keep: ReadonlySet<string>): string[] {
  const removed: string[] = [];
  for (const n of shown) {
    if (n === id || keep.has(n)) continue;
    const ties = links.filter((l) => touches(l, n) && shown.has(otherEnd(l, n)));
    if (ties.length > 0 && ties.every((l) => otherEnd(l, n) === id)) removed.push(n);
  }
  return removed.sort();
}

/** Newcomers around their actor: a ring, wider for more of them, starting above it. */
export function ringAround(
  center: { x: number; y: number },
  count: number,
  minRadius = 70,
): { x: number; y: number }[] {
  const radius = Math.max(minRadius, (count * 26) / (2 * Math.PI));
  return Array.from({ length: count }, (_, i) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / Math.max(count, 1);
    return { x: Math.round(center.x + radius * Math.cos(angle)), y: Math.round(center.y + radius * Math.sin(angle)) };
  });
}
