/** Follows cursors until `limit` items (or all of them) are in hand. */
import type { Atlas } from "./data.js";

export const PAGE_MAX = 200;

export async function collect<T>(
  fetchPage: (page: { limit: number; cursor?: string }) => Promise<{ items: T[]; nextCursor: string | null }>,
  limit = Number.POSITIVE_INFINITY,
): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  while (items.length < limit) {
    const page = await fetchPage({ limit: Math.min(PAGE_MAX, limit - items.length), ...(cursor ? { cursor } : {}) });
    items.push(...page.items);
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return items;
}

export const allActors = (atlas: Atlas) => collect((p) => atlas.actors(p));
export const allEvents = (atlas: Atlas) => collect((p) => atlas.events(p));
export const allClaims = (atlas: Atlas) => collect((p) => atlas.claims(p));
export const allContradictions = (atlas: Atlas) => collect((p) => atlas.contradictions(p));
export const allSources = (atlas: Atlas) => collect((p) => atlas.sources(p));
