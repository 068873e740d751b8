/**
 * The TUI's state and the actions on it, as types: the reducer (use-app-state.ts) and the key
 * mapping (keys.ts) both read them, so they live apart from either.
 */
import type { Doc } from "../doc.js";
import type { Geometry } from "./geometry.js";
import type { KeyFlags } from "./keypress.js";
import type { Mark, MarkKey, ReaderLayout, Status } from "./mark.js";
import type { ActorSort, Section, Target, View } from "./views.js";

export interface Nav {
  view: View;
  /** Item index of the cursor; null until the user moves (the document's anchor is used). */
  cursor: number | null;
  /** First visible row; null until the user moves. */
  scroll: number | null;
}

export interface SearchState {
  /** What is typed in the box. */
  text: string;
  editing: boolean;
  /** The query whose results are shown. */
  query: string | null;
}

export interface AppState {
  section: Section;
  stacks: Record<Section, Nav[]>;
  search: SearchState;
  /** The help page, with its own scroll position, when open. */
  help: Nav | null;
  actorSort: ActorSort;
  /** Marking a span in the reader, and what to make of it (state/mark.ts); null when not. */
  mark: Mark | null;
  /** What the last write did (or why it was refused), until the view changes. */
  status: Status | null;
  /** Set by q or Ctrl-C; the app exits when it sees it. */
  quit: boolean;
}

export type Action =
  | { type: "move"; by: number; geo: Geometry }
  | { type: "page"; by: 1 | -1; geo: Geometry }
  | { type: "edge"; to: "start" | "end"; geo: Geometry }
  | { type: "open"; target: Target }
  | { type: "back" }
  | { type: "section"; to: Section }
  | { type: "cycle"; by: 1 | -1 }
  | { type: "search/start" }
  | { type: "search/type"; text: string }
  | { type: "search/erase" }
  | { type: "search/submit" }
  | { type: "search/cancel" }
  | { type: "help"; open: boolean }
  | { type: "sort" }
  | { type: "quit" }
  /** A key while marking (or `m` starting it), with the reader's words and lines. */
  | { type: "mark"; key: MarkKey; reader: ReaderLayout; geo: Geometry }
  /** The write the form asked for is done: written (marking ends) or refused (the form again). */
  | { type: "mark/sent"; status: Status; written: boolean }
  /** Raw keys, mapped by keys.ts against the current state. */
  | { type: "keys"; input: string; key: KeyFlags; doc: Doc; geo: Geometry };
