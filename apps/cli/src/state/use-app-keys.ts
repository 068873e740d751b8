/**
 * The key handler hook: every keypress goes to the reducer (see keys.ts for the mapping).
 * Inactive when stdin cannot be put in raw mode (a pipe, a test without a TTY), so the TUI never
 * throws "Raw mode is not supported".
 */
import { useInput } from "ink";
import { type Dispatch, useRef } from "react";
import type { Doc } from "../doc.js";
import type { Action } from "./app-state.js";
import type { Geometry } from "./geometry.js";

export function useAppKeys(
  dispatch: Dispatch<Action>,
  { doc, geo }: { doc: Doc; geo: Geometry },
  { isActive }: { isActive: boolean },
): void {
  // Keys are read against what is on screen now: the handler Ink holds may be from a render ago.
  const shown = useRef({ doc, geo });
  shown.current = { doc, geo };
  useInput((input, key) => dispatch({ type: "keys", input, key, ...shown.current }), { isActive });
}
