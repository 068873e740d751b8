/**
 * The TUI's state and its reducer (pure, tested on its own). Each section keeps its own stack of
 * views, so Tab between sections returns to where you were; Esc/Backspace pops the stack.
 * Movement actions carry the current document's geometry, which the reducer needs to keep the
 * cursor on selectable items and in view.
 */
import { useReducer } from "react";
import type { Action, AppState, Nav } from "./app-state.js";
import { clampScroll, ensureVisible } from "./geometry.js";
import { keyToAction, splitKeys } from "./keys.js";
import { type Mark, markKey, type ReaderLayout, unsent, wordAt } from "./mark.js";
import { edge, move, page } from "./movement.js";
import { ACTOR_SORTS, SECTIONS, type Section, sameView } from "./views.js";

export function initialState(section: Section = "actors"): AppState {
  return {
    section,
    stacks: { actors: root(), events: root(), claims: root(), sources: root(), search: root() },
    search: { text: "", editing: false, query: null },
    help: null,
    actorSort: "name",
    mark: null,
    status: null,
    quit: false,
  };
}

const rootNav = (): Nav => ({ view: { kind: "list" }, cursor: null, scroll: null });
const root = (): Nav[] => [rootNav()];

/** The view the keys act on: the help page when open, else the top of the section's stack. */
export const currentNav = (s: AppState): Nav => s.help ?? s.stacks[s.section].at(-1) ?? rootNav();

function withNav(s: AppState, nav: Nav): AppState {
  if (s.help) return { ...s, help: nav };
  const stack = s.stacks[s.section];
  return { ...s, stacks: { ...s.stacks, [s.section]: [...stack.slice(0, -1), nav] } };
}

export function reduce(s: AppState, a: Action): AppState {
  switch (a.type) {
    case "move":
      return withNav(s, move(currentNav(s), a.geo, a.by));
    case "page":
      return withNav(s, page(currentNav(s), a.geo, a.by));
    case "edge":
      return withNav(s, edge(currentNav(s), a.geo, a.to));
    case "open": {
      if (sameView(currentNav(s).view, a.target)) return s;
      const stack = s.stacks[s.section];
      const next: Nav = { view: a.target, cursor: null, scroll: null };
      return { ...s, ...LEAVE, help: null, stacks: { ...s.stacks, [s.section]: [...stack, next] } };
    }
    case "back": {
      if (s.help) return { ...s, help: null };
      const stack = s.stacks[s.section];
      if (stack.length <= 1) return s;
      return { ...s, ...LEAVE, stacks: { ...s.stacks, [s.section]: stack.slice(0, -1) } };
    }
    case "section":
      return { ...s, ...LEAVE, section: a.to, help: null };
    case "cycle": {
      const i = SECTIONS.indexOf(s.section);
      const to = SECTIONS[(i + a.by + SECTIONS.length) % SECTIONS.length] ?? "actors";
      return { ...s, ...LEAVE, section: to, help: null };
    }
    case "mark": {
      const nav = currentNav(s);
      const { reader, geo } = a;
      let mark: Mark | null;
      if (s.mark) mark = markKey(s.mark, a.key, reader);
      else {
        // The cursor starts on the quote the reader was opened at, else on the first line in view.
        const focus = nav.view.kind === "reader" ? nav.view.focus : undefined;
        const top = ensureVisible(geo, -1, nav.scroll);
        const line = reader.lines.find((l) => (geo.starts[l.item] ?? 0) >= top);
        const at = focus && (geo.starts[itemOf(reader, focus.start)] ?? -1) >= top ? focus.start : (line?.start ?? 0);
        mark = { sourceId: reader.source.id, cursor: wordAt(reader.words, at), phase: { kind: "cursor" } };
      }
      if (!mark) return { ...s, mark: null };
      // The reader scrolls to keep the cursor's word in view.
      const word = reader.words[mark.cursor];
      const row = word ? (geo.starts[itemOf(reader, word.start)] ?? 0) : 0;
      let scroll = ensureVisible(geo, -1, nav.scroll);
      if (row < scroll) scroll = row;
      if (row >= scroll + geo.height) scroll = row - geo.height + 1;
      return withNav({ ...s, mark, status: null }, { ...nav, scroll: clampScroll(geo, scroll) });
    }
    case "mark/sent":
      return { ...s, status: a.status, mark: a.written || !s.mark ? null : unsent(s.mark) };
    case "search/start":
      return { ...s, section: "search", help: null, search: { ...s.search, editing: true } };
    case "search/type":
      return { ...s, search: { ...s.search, text: s.search.text + a.text } };
    case "search/erase":
      return { ...s, search: { ...s.search, text: Array.from(s.search.text).slice(0, -1).join("") } };
    case "search/submit": {
      const query = s.search.text.trim() || null;
      return {
        ...s,
        search: { text: query ?? "", editing: false, query },
        stacks: { ...s.stacks, search: root() },
      };
    }
    case "search/cancel":
      return { ...s, search: { ...s.search, editing: false, text: s.search.query ?? "" } };
    case "help":
      return { ...s, help: a.open ? rootNav() : null };
    case "sort": {
      const next = ACTOR_SORTS[(ACTOR_SORTS.indexOf(s.actorSort) + 1) % ACTOR_SORTS.length] ?? "name";
      const actors = s.stacks.actors.map((n, i) => (i === 0 ? { ...n, cursor: null, scroll: null } : n));
      return { ...s, actorSort: next, stacks: { ...s.stacks, actors } };
    }
    case "quit":
      return { ...s, quit: true };
    case "keys": {
      let next = s;
      let viewChanged = false;
      for (const press of splitKeys(a.input, a.key)) {
        const action = keyToAction(next, press, a.doc, a.geo);
        if (!action) continue;
        // After a key that changed the view, keys that need its layout (not known yet) are dropped.
        if (viewChanged && NEEDS_LAYOUT.has(action.type)) continue;
        next = reduce(next, action);
        if (!WITHIN_VIEW.has(action.type)) viewChanged = true;
      }
      return next;
    }
  }
}

/** Leaving a view ends marking in it and forgets the last write's status. */
const LEAVE = { mark: null, status: null } as const;

/** The item of the line an offset is on. */
function itemOf(reader: ReaderLayout, offset: number): number {
  const line = reader.lines.find((l) => offset >= l.start && offset < Math.max(l.end, l.start + 1));
  return line?.item ?? reader.lines.findLast((l) => l.start <= offset)?.item ?? 0;
}

const WITHIN_VIEW = new Set(["move", "page", "edge", "search/type", "search/erase", "mark"]);
const NEEDS_LAYOUT = new Set(["move", "page", "edge", "open"]);

export function useAppState(section?: Section) {
  return useReducer(reduce, section, initialState);
}
