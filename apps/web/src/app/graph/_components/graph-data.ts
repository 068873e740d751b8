/** What the graph to work in is given (the page's data) and what can be selected in it. */

export interface ExplorerActor {
  id: string;
  name: string;
  kind: string;
  degree: number;
}

export interface ExplorerRelation {
  id: string;
  from: string;
  to: string;
  type: string;
  role: string | null;
  former: boolean;
  earliest: string | null;
  latest: string | null;
  /** When it held, in words; null when the sources do not say. */
  when: string | null;
}

export interface GraphData {
  actors: ExplorerActor[];
  relations: ExplorerRelation[];
  /** The actors on screen at first, where the server's layout put them. */
  positions: Record<string, { x: number; y: number }>;
  focusId?: string | undefined;
  /** Relations on the paths asked for: drawn heavier. */
  highlight: string[];
  at?: string | undefined;
  showUndated: boolean;
}

/** The actor or relation the reader tapped (or picked in the table); null for none. */
export type Selection = { kind: "actor"; id: string } | { kind: "relation"; id: string } | null;
