/** A key as the mappings read it: the typed text and the flags of Ink's Key. */
import type { Key } from "ink";

/** The parts of Ink's Key the mapping reads. */
export type KeyFlags = Partial<
  Pick<
    Key,
    | "upArrow"
    | "downArrow"
    | "leftArrow"
    | "rightArrow"
    | "pageUp"
    | "pageDown"
    | "home"
    | "end"
    | "return"
    | "escape"
    | "ctrl"
    | "meta"
    | "shift"
    | "tab"
    | "backspace"
    | "delete"
  >
>;

export interface Keypress {
  input: string;
  key: KeyFlags;
}
