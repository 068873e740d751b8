/**
 * CSV for the lists that are not events ("export these" from the claims, actors and search
 * pages): one row per record the list shows, with its words and sources. Events use the
 * events CSV (csv.ts), whichever list they come from. RFC 4180, like every CSV here.
 */
import { type Dataset, describeGrade, describeTime } from "@atlas/schema";
import type { SearchResult } from "../queries/search.js";
import { csvField } from "./csv.js";

const table = (columns: readonly string[], rows: (string | number | null)[][]) =>
  `${[columns.join(","), ...rows.map((r) => r.map(csvField).join(","))].join("\r\n")}\r\n`;

const titles = (d: Dataset) => new Map(d.sources.map((s) => [s.id, s.title]));
const quotes = (spans: { quote: string }[]) => spans.map((s) => `“${s.quote}”`).join(" | ");
const sourcesOf = (spans: { sourceId: string }[], title: Map<string, string>) =>
  [...new Set(spans.map((s) => title.get(s.sourceId) ?? s.sourceId))].join(" | ");

export const CLAIM_CSV_COLUMNS = [
  "claim_id",
  "claimant",
  "stance",
  "statement",
  "said",
  "mode",
  "about_actors",
  "about_events",
  "contradicts",
  "sources",
  "words",
  "credibility",
  "source_reliability",
] as const;

/** The claims listed (in that order), one row each. */
export function claimsCsv(d: Dataset, ids: readonly string[]): string {
  const actor = new Map(d.actors.map((a) => [a.id, a.name]));
  const event = new Map(d.events.map((e) => [e.id, e.title]));
  const title = titles(d);
  const byId = new Map(d.claims.map((c) => [c.id, c]));
  const reliability = new Map(d.sources.map((s) => [s.id, s.reliability]));
  const rows = ids.flatMap((id) => {
    const c = byId.get(id);
    if (!c) return [];
    return [
      [
        c.id,
        actor.get(c.claimantId) ?? c.claimantId,
        c.stance,
        c.statement,
        c.said ? describeTime(c.said) : null,
        c.mode,
        c.about.actorIds.map((a) => actor.get(a) ?? a).join(" | "),
        c.about.eventIds.map((e) => event.get(e) ?? e).join(" | "),
        c.contradictsIds.join(" | "),
        sourcesOf(c.evidence, title),
        quotes(c.evidence),
        describeGrade(c.credibility),
        [...new Set(c.evidence.map((e) => e.sourceId))]
          .map((id) => `${title.get(id) ?? id}: ${describeGrade(reliability.get(id))}`)
          .join(" | "),
      ],
    ];
  });
  return table(CLAIM_CSV_COLUMNS, rows);
}

export const ACTOR_CSV_COLUMNS = [
  "actor_id",
  "name",
  "kind",
  "other_names",
  "description",
  "sources",
  "words",
] as const;

/** The actors listed (in that order), one row each. */
export function actorsCsv(d: Dataset, ids: readonly string[]): string {
  const title = titles(d);
  const byId = new Map(d.actors.map((a) => [a.id, a]));
  const rows = ids.flatMap((id) => {
    const a = byId.get(id);
    if (!a) return [];
    return [
      [
        a.id,
        a.name,
        a.kind,
        a.aliases.map((x) => x.name).join(" | "),
        a.description,
        sourcesOf(a.evidence, title),
        quotes(a.evidence),
      ],
    ];
  });
  return table(ACTOR_CSV_COLUMNS, rows);
}

export const SEARCH_CSV_COLUMNS = ["type", "id", "title", "detail", "why_matched"] as const;

/** Search results as listed, best first within each kind. */
export function searchCsv(result: SearchResult): string {
  const rows = Object.values(result.groups)
    .flat()
    .map((h) => [h.type, h.id, h.title, h.detail, h.why?.summary ?? null]);
  return table(SEARCH_CSV_COLUMNS, rows);
}
