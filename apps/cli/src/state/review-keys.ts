/**
 * The review's keys, as a pure mapping from a keypress (in the state the key before it left) to
 * what the reviewer wants: move, accept, reject, edit, choose one of a suggestion's one-key
 * choices (a mention's candidate, the atlas's event or a new one), accept all of a kind.
 * The reducer (use-review-state.ts) does the rest.
 */
import type { Suggestion } from "../data.js";
import { cursorOf } from "./geometry.js";
import type { Keypress } from "./keypress.js";
import { movementKey } from "./keys.js";
import type { ReviewAction, ReviewState, ShownView } from "./use-review-state.js";

/** The edit a one-key choice stands for, on this suggestion; null when the key offers nothing here. */
export function choiceEdit(s: Suggestion, input: string): Suggestion["edit"] {
  const p = s.proposal;
  if (p.kind === "mention" && /^[1-9]$/.test(input) && p.candidates.length > 1) {
    const c = p.candidates[Number(input) - 1];
    return c ? { actorId: c.actorId } : null;
  }
  if (input !== "m" && input !== "c") return null;
  if (p.kind === "event" && p.corroborates) return { eventId: input === "m" ? p.corroborates.id : null };
  if (p.kind === "relation" && p.existing) return { relationId: input === "m" ? p.existing.id : null };
  return null;
}

function formKey(input: string, key: Keypress["key"]): ReviewAction | null {
  if (key.escape) return { type: "form/cancel" };
  if (key.return) return { type: "form/submit" };
  if (key.tab) return { type: "form/focus", by: key.shift ? -1 : 1 };
  if (key.downArrow) return { type: "form/focus", by: 1 };
  if (key.upArrow) return { type: "form/focus", by: -1 };
  if (key.rightArrow) return { type: "form/choose", by: 1 };
  if (key.leftArrow) return { type: "form/choose", by: -1 };
  if (key.backspace || key.delete) return { type: "form/erase" };
  if (key.ctrl && input === "u") return { type: "form/clear" };
  if (input && !key.ctrl && !key.meta) return { type: "form/type", text: input };
  return null;
}

function promptKey(input: string, key: Keypress["key"]): ReviewAction {
  if (key.return || input === "y" || input === "Y") return { type: "accept-all/confirm" };
  if (key.backspace || key.delete) return { type: "accept-all/erase" };
  if (/^[0-9.]$/.test(input)) return { type: "accept-all/type", text: input };
  return { type: "accept-all/cancel" };
}

export function reviewKeyToAction(s: ReviewState, { input, key }: Keypress, view: ShownView): ReviewAction | null {
  if (key.ctrl && input === "c") return { type: "quit" };
  if (s.form) return formKey(input, key);
  if (s.prompt) return promptKey(input, key);
  if (input === "q") return { type: "quit" };
  const movement = movementKey({ input, key }, view.geo);
  if (movement) return movement;
  const id = view.keys[cursorOf(view.geo, s.pos[s.screen].cursor)];
  if (s.screen === "documents") return key.return && id ? { type: "open", sourceId: id } : null;
  if (key.escape || key.backspace || key.delete) return { type: "back" };
  if (input === "n") return { type: "next", dir: 1, view };
  if (input === "p") return { type: "next", dir: -1, view };
  if (!id) return null;
  if (input === "a") return { type: "accept", id };
  if (input === "r") return { type: "reject", id };
  if (input === "e" || key.return) return { type: "edit", id };
  if (input === "A") return { type: "accept-all/ask", id };
  const sug = s.document.status === "ready" ? s.document.value.suggestions.find((x) => x.id === id) : undefined;
  const edit = sug ? choiceEdit(sug, input) : null;
  return edit ? { type: "accept", id, edit } : null;
}
