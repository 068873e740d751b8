/** The places the TUI can show: five sections, each with a list, and the records they lead to. */

export const SECTIONS = ["actors", "events", "claims", "sources", "search"] as const;
export type Section = (typeof SECTIONS)[number];

export const SECTION_LABELS: Record<Section, string> = {
  actors: "Actors",
  events: "Events",
  claims: "Claims",
  sources: "Sources",
  search: "Search",
};

/** A record (or a list within a section) to open. The reader may be opened on a span (the quote that led there). */
export type Target =
  | { kind: "actor"; id: string }
  | { kind: "event"; id: string }
  | { kind: "claim"; id: string }
  | { kind: "source"; id: string }
  | { kind: "reader"; id: string; focus?: { start: number; end: number } | undefined }
  /** In Claims: the pairs of claims that contradict each other, side by side. */
  | { kind: "contradictions" };

export type View = { kind: "list" } | Target;

export const sameView = (a: View, b: View) => JSON.stringify(a) === JSON.stringify(b);

export const ACTOR_SORTS = ["name", "mentions", "events", "claims", "relations"] as const;
export type ActorSort = (typeof ACTOR_SORTS)[number];
