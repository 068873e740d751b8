/** Contradiction pairs as a reader takes them in: by claim, each claim once. */
import type { ClaimSummary, Contradiction } from "./types";

export interface ContradictionGroup {
  claim: ClaimSummary;
  against: ClaimSummary[];
}

/**
 * Pairs grouped by claim, each pair once: the claim in most pairs leads a group with every claim
 * against it, then the next among the pairs left, so no claim repeats down the page.
 */
export function groupByClaim(pairs: Contradiction[]): ContradictionGroup[] {
  let left = [...pairs];
  const groups: ContradictionGroup[] = [];
  while (left.length > 0) {
    const count = new Map<string, { claim: ClaimSummary; n: number }>();
    for (const p of left) {
      for (const c of [p.a, p.b]) count.set(c.id, { claim: c, n: (count.get(c.id)?.n ?? 0) + 1 });
    }
    const lead = [...count.values()].sort((x, y) => y.n - x.n || x.claim.id.localeCompare(y.claim.id))[0];
    if (!lead) break;
    const mine = left.filter((p) => p.a.id === lead.claim.id || p.b.id === lead.claim.id);
    groups.push({ claim: lead.claim, against: mine.map((p) => (p.a.id === lead.claim.id ? p.b : p.a)) });
    left = left.filter((p) => !mine.includes(p));
  }
  return groups;
}
