/**
 * The review's key handler hook: every keypress goes to the reducer, which maps it (review-keys.ts)
 * against what is on screen now. Inactive when stdin cannot be put in raw mode (a pipe, a test
 * without a TTY), so the review never throws "Raw mode is not supported".
 */
import { useInput } from "ink";
import { type Dispatch, useRef } from "react";
import type { ReviewAction, ShownView } from "./use-review-state.js";

export function useReviewKeys(
  dispatch: Dispatch<ReviewAction>,
  view: ShownView,
  { isActive }: { isActive: boolean },
): void {
  // Keys are read against what is on screen now: the handler Ink holds may be from a render ago.
  const shown = useRef(view);
  shown.current = view;
  useInput((input, key) => dispatch({ type: "keys", input, key, view: shown.current }), { isActive });
}
