/**
 * Keys to actions, as a pure mapping that runs inside the reducer: a burst of keys arriving in
 * one read ("jjj", a pasted "/Kataib⏎") is applied in order, each against the state the key
 * before it left.
 */
import type { Doc } from "../doc.js";
import type { Action, AppState } from "./app-state.js";
import { cursorOf, type Geometry } from "./geometry.js";
import type { KeyFlags, Keypress } from "./keypress.js";
import type { MarkKey } from "./mark.js";
import { SECTIONS } from "./views.js";

const SPECIAL: (keyof KeyFlags)[] = [
  "upArrow",
  "downArrow",
  "leftArrow",
  "rightArrow",
  "pageUp",
  "pageDown",
  "home",
  "end",
  "return",
  "escape",
  "ctrl",
  "meta",
  "tab",
  "backspace",
  "delete",
];

/** Several characters in one read become one keypress each; escape sequences Ink already split. */
export function splitKeys(input: string, key: KeyFlags): Keypress[] {
  const chars = Array.from(input);
  if (chars.length <= 1 || SPECIAL.some((k) => key[k])) return [{ input, key }];
  return chars.map((ch) => {
    if (ch === "\r" || ch === "\n") return { input: "", key: { return: true } };
    if (ch === "\t") return { input: "", key: { tab: true } };
    if (ch === "\u007F" || ch === "\b") return { input: "", key: { backspace: true } };
    return { input: ch, key: /[A-Z]/.test(ch) ? { shift: true } : {} };
  });
}

export type KeyResult = Action | { type: "quit" } | null;

/** Moving the cursor, the same in the explorer and the review. */
export type Movement =
  | { type: "move"; by: number; geo: Geometry }
  | { type: "page"; by: 1 | -1; geo: Geometry }
  | { type: "edge"; to: "start" | "end"; geo: Geometry };

export function movementKey({ input, key }: Keypress, geo: Geometry): Movement | null {
  if (key.upArrow || input === "k") return { type: "move", by: -1, geo };
  if (key.downArrow || input === "j") return { type: "move", by: 1, geo };
  if (key.pageDown || input === " ") return { type: "page", by: 1, geo };
  if (key.pageUp || input === "b") return { type: "page", by: -1, geo };
  if (key.home || input === "g") return { type: "edge", to: "start", geo };
  if (key.end || input === "G") return { type: "edge", to: "end", geo };
  return null;
}

/** A keypress as marking reads it. */
function markKeyOf({ input, key }: Keypress): MarkKey {
  return {
    input,
    left: key.leftArrow,
    right: key.rightArrow,
    up: key.upArrow,
    down: key.downArrow,
    enter: key.return,
    escape: key.escape,
    tab: key.tab,
    shift: key.shift,
    backspace: key.backspace || key.delete,
    ctrl: key.ctrl,
  };
}

/** What one key means in the current state. */
export function keyToAction(state: AppState, { input, key }: Keypress, doc: Doc, geo: Geometry): KeyResult {
  if (key.ctrl && input === "c") return { type: "quit" };
  // Marking in the reader takes every key but Ctrl-C (and q outside its form); `m`, ←/→ or h/l start it.
  const reader = state.help ? undefined : doc.reader;
  if (state.mark) {
    // q quits, except in the form, where it is a letter.
    if (input === "q" && state.mark.phase.kind !== "form") return { type: "quit" };
    if (reader?.source.id !== state.mark.sourceId) return null;
    return { type: "mark", key: markKeyOf({ input, key }), reader, geo };
  }
  const starts = input === "m" || input === "h" || input === "l" || key.leftArrow || key.rightArrow;
  if (reader && starts && !state.search.editing) {
    return { type: "mark", key: { input: "" }, reader, geo };
  }
  if (input === "o" && state.status?.open && !state.search.editing) return { type: "open", target: state.status.open };
  if (state.search.editing) {
    if (key.return) return { type: "search/submit" };
    if (key.escape) return { type: "search/cancel" };
    if (key.backspace || key.delete) return { type: "search/erase" };
    if (input && !key.ctrl && !key.meta && !key.tab) return { type: "search/type", text: input };
    return null;
  }
  if (input === "q") return { type: "quit" };
  if (input === "?") return { type: "help", open: !state.help };
  if (input === "/") return { type: "search/start" };
  if (key.tab) return { type: "cycle", by: key.shift ? -1 : 1 };
  if (/^[1-5]$/.test(input)) return { type: "section", to: SECTIONS[Number(input) - 1] ?? "actors" };
  const movement = movementKey({ input, key }, geo);
  if (movement) return movement;
  if (key.return) {
    const nav = state.help ?? state.stacks[state.section].at(-1);
    const target = doc.mode === "cursor" && nav ? doc.items[cursorOf(geo, nav.cursor)]?.target : undefined;
    return target ? { type: "open", target } : null;
  }
  if (key.escape || key.backspace || key.delete) return { type: "back" };
  if (input === "s" && state.section === "actors" && !state.help && state.stacks.actors.length === 1) {
    return { type: "sort" };
  }
  if (input === "x" && state.section === "claims" && !state.help && state.stacks.claims.length === 1) {
    return { type: "open", target: { kind: "contradictions" } };
  }
  return null;
}
