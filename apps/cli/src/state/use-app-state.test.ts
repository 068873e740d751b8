/** The reducer on its own: cursor movement over documents, stacks per pane, search, bursts of keys. */
import { describe, expect, it } from "vitest";
import type { Doc, Item } from "../doc.js";
import type { Action, AppState } from "./app-state.js";
import { cursorOf, ensureVisible, geometryOf } from "./geometry.js";
import { currentNav, initialState, reduce } from "./use-app-state.js";

const heading = (text: string): Item => ({ lines: [[{ text }]], selectable: false });
const row = (text: string, height = 1): Item => ({
  lines: Array.from({ length: height }, (_, i) => [{ text: `${text}.${i}` }]),
  selectable: true,
  target: { kind: "actor", id: text },
});

// 0 Title, 1 a, 2 b (3 rows), 3 Section, 4 c, 5 d, 6 e  → rows: 1 + 1 + 3 + 1 + 1 + 1 + 1 = 9
const doc: Doc = {
  mode: "cursor",
  items: [heading("Title"), row("a"), row("b", 3), heading("Section"), row("c"), row("d"), row("e")],
};
const geo = geometryOf(doc, 4);

const run = (state: AppState, ...actions: Action[]) => actions.reduce(reduce, state);
const keys = (state: AppState, input: string, key = {}) => reduce(state, { type: "keys", input, key, doc, geo });
const nav = (s: AppState) => currentNav(s);

describe("moving", () => {
  it("starts on the first selectable item, with the heading above it in view", () => {
    const s = initialState();
    expect(cursorOf(geo, nav(s).cursor)).toBe(1);
    expect(ensureVisible(geo, 1, nav(s).scroll)).toBe(0);
  });

  it("passes over headings and scrolls so the whole item and its section heading show", () => {
    let s = run(initialState(), { type: "move", by: 1, geo });
    expect(nav(s).cursor).toBe(2);
    // b spans rows 2–4; the viewport (4 rows) moves to start at row 1.
    expect(nav(s).scroll).toBe(1);
    s = run(s, { type: "move", by: 1, geo });
    expect(nav(s).cursor).toBe(4);
    // c is at row 6 with "Section" (row 5) above it.
    expect(nav(s).scroll).toBe(3);
    s = run(s, { type: "move", by: -1, geo }, { type: "move", by: -1, geo });
    expect(nav(s)).toMatchObject({ cursor: 1, scroll: 0 });
  });

  it("stops at the ends, and pages and jumps to the ends", () => {
    let s = run(initialState(), { type: "move", by: -1, geo });
    expect(nav(s)).toMatchObject({ cursor: 1, scroll: 0 });
    s = run(s, { type: "edge", to: "end", geo });
    expect(nav(s)).toMatchObject({ cursor: 6, scroll: 5 });
    s = run(s, { type: "move", by: 5, geo });
    expect(nav(s).cursor).toBe(6);
    s = run(s, { type: "page", by: -1, geo });
    expect(nav(s).cursor).toBeLessThan(6);
    s = run(s, { type: "edge", to: "start", geo });
    expect(nav(s)).toMatchObject({ cursor: 1, scroll: 0 });
  });

  it("scrolls a reading document line by line, within its length", () => {
    const page: Doc = { ...doc, mode: "scroll" };
    const g = geometryOf(page, 4);
    let s = run(initialState(), { type: "move", by: 2, geo: g });
    expect(nav(s).scroll).toBe(2);
    s = run(s, { type: "move", by: 100, geo: g });
    expect(nav(s).scroll).toBe(5);
    s = run(s, { type: "page", by: -1, geo: g });
    expect(nav(s).scroll).toBe(2);
  });
});

describe("panes and stacks", () => {
  it("opens onto the current pane's stack and goes back to the cursor it left", () => {
    let s = run(initialState(), { type: "move", by: 1, geo });
    s = run(s, { type: "open", target: { kind: "actor", id: "b" } });
    expect(nav(s).view).toEqual({ kind: "actor", id: "b" });
    s = run(s, { type: "back" });
    expect(nav(s)).toMatchObject({ view: { kind: "list" }, cursor: 2 });
    // Back at the bottom of a stack stays put.
    expect(run(s, { type: "back" })).toBe(s);
  });

  it("keeps each pane's stack when Tab moves between panes, and wraps around", () => {
    let s = run(initialState(), { type: "open", target: { kind: "actor", id: "b" } });
    s = run(s, { type: "cycle", by: 1 });
    expect(s.section).toBe("events");
    expect(nav(s).view).toEqual({ kind: "list" });
    s = run(s, { type: "cycle", by: -1 }, { type: "cycle", by: -1 });
    expect(s.section).toBe("search");
    s = run(s, { type: "cycle", by: 1 });
    expect(s.section).toBe("actors");
    expect(nav(s).view).toEqual({ kind: "actor", id: "b" });
  });

  it("does not stack the same view twice", () => {
    const s = run(initialState(), { type: "open", target: { kind: "actor", id: "b" } });
    expect(run(s, { type: "open", target: { kind: "actor", id: "b" } })).toBe(s);
  });
});

describe("keys", () => {
  it("maps j/k, Enter, Esc, Tab and digits", () => {
    let s = keys(initialState(), "j");
    expect(nav(s).cursor).toBe(2);
    s = keys(s, "", { return: true });
    expect(nav(s).view).toEqual({ kind: "actor", id: "b" });
    s = keys(s, "", { escape: true });
    expect(nav(s).view).toEqual({ kind: "list" });
    s = keys(s, "", { tab: true });
    expect(s.section).toBe("events");
    s = keys(s, "", { tab: true, shift: true });
    expect(s.section).toBe("actors");
    expect(keys(s, "3").section).toBe("claims");
  });

  it("applies a burst of keys in order (a held key, a paste)", () => {
    expect(nav(keys(initialState(), "jjj")).cursor).toBe(5);
    const s = keys(initialState(), "/Kataib\r");
    expect(s.section).toBe("search");
    expect(s.search).toEqual({ text: "Kataib", editing: false, query: "Kataib" });
  });

  it("drops keys of a burst that need a view not laid out yet", () => {
    const s = keys(initialState(), "\rjj");
    expect(nav(s)).toMatchObject({ view: { kind: "actor", id: "a" }, cursor: null });
  });

  it("types into the search box: q and j are letters there, Backspace erases, Esc cancels", () => {
    let s = keys(initialState(), "/");
    s = keys(s, "q");
    s = keys(s, "j");
    expect(s.search.text).toBe("qj");
    expect(s.quit).toBe(false);
    s = keys(s, "", { backspace: true });
    expect(s.search.text).toBe("q");
    s = keys(s, "", { escape: true });
    expect(s.search).toEqual({ text: "", editing: false, query: null });
  });

  it("runs a search: an empty one is no search, a new one starts at the top of the results", () => {
    let s = keys(initialState(), "/  \r");
    expect(s.search.query).toBeNull();
    s = keys(s, "/khazali\r");
    expect(s.search.query).toBe("khazali");
    expect(s.stacks.search).toHaveLength(1);
  });

  it("sorts the actor list with s, only there", () => {
    const s = keys(initialState(), "s");
    expect(s.actorSort).toBe("mentions");
    expect(keys({ ...s, section: "events" }, "s").actorSort).toBe("mentions");
  });

  it("opens and closes help with ? and Esc, and quits with q or Ctrl-C", () => {
    let s = keys(initialState(), "?");
    expect(s.help).not.toBeNull();
    s = keys(s, "", { escape: true });
    expect(s.help).toBeNull();
    expect(keys(s, "q").quit).toBe(true);
    expect(keys(s, "c", { ctrl: true }).quit).toBe(true);
  });
});
