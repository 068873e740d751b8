/** Counts per document and in total: what the closing notes and `validate` report. */
import type { Claim, Dataset, Evidence } from "@atlas/schema";

/**
 * Every contradiction once: an unordered pair of claims, as [lower id, higher id], sorted. The
 * loader records a contradiction on both claims; a pair is one contradiction however it is stored.
 * The database's rule is the same (queries/claims.ts, contradictionPairs).
 */
export function contradictionPairs(claims: Pick<Claim, "id" | "contradictsIds">[]): [string, string][] {
  const pairs = new Map<string, [string, string]>();
  for (const c of claims)
    for (const other of c.contradictsIds) {
      const pair: [string, string] = c.id < other ? [c.id, other] : [other, c.id];
      pairs.set(pair.join("\0"), pair);
    }
  return [...pairs.values()].sort((x, y) => x[0].localeCompare(y[0]) || x[1].localeCompare(y[1]));
}

export function perSource(d: Dataset) {
  const touches = (spans: Evidence[], id: string) => spans.some((e) => e.sourceId === id);
  return d.sources.map((s) => ({
    source: s.id,
    actors: d.actors.filter((a) => touches(a.evidence, s.id)).length,
    relations: d.relations.filter((r) => touches(r.evidence, s.id)).length,
    events: d.events.filter((e) => touches(e.evidence, s.id)).length,
    claims: d.claims.filter((c) => touches(c.evidence, s.id)).length,
    mentions: d.mentions.filter((m) => m.sourceId === s.id).length,
  }));
}

/** A plain-text table: the first column left-aligned, the others (counts) right-aligned. */
export function formatTable(header: string[], rows: (string | number)[][]): string[] {
  const table = [header, ...rows.map((row) => row.map(String))];
  const widths = header.map((_, i) => Math.max(...table.map((row) => (row[i] as string).length)));
  return table.map((row) =>
    row.map((c, i) => (i === 0 ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number))).join("  "),
  );
}

export function datasetStats(d: Dataset): string {
  const rows = perSource(d);
  const table = formatTable(
    ["source", "actors", "relations", "events", "claims", "mentions"],
    rows.map((r) => [r.source, r.actors, r.relations, r.events, r.claims, r.mentions]),
  );
  const crossDoc = d.events.filter((e) => new Set(e.evidence.map((x) => x.sourceId)).size > 1).length;
  const contradictions = contradictionPairs(d.claims).length;
  return [
    ...table,
    "",
    `total: ${d.sources.length} sources, ${d.actors.length} actors, ${d.places.length} places, ${d.relations.length} relations, ${d.events.length} events (${crossDoc} told by more than one source), ${d.claims.length} claims (${contradictions} contradiction pairs), ${d.mentions.length} mentions`,
  ].join("\n");
}
