/**
 * What each kind of text looks like. With colour: Ink props (TUI) or ANSI codes (subcommands).
 * Without colour (NO_COLOR, --no-color, not a terminal) the distinctions that carry meaning —
 * a mention, a claim's words, an event's evidence, a search hit — become visible marks instead,
 * so nothing is lost on a monochrome screen or in a pipe.
 */
export type Tone =
  | "title"
  | "heading"
  | "muted"
  | "accent"
  | "stance"
  | "hit"
  | "mention"
  | "claim"
  | "event"
  | "boilerplate"
  | "focus"
  | "marked"
  | "cursor"
  | "warn";

export interface InkStyle {
  color?: string;
  bold?: boolean;
  dimColor?: boolean;
  inverse?: boolean;
  underline?: boolean;
}

const INK: Record<Tone, InkStyle> = {
  title: { bold: true },
  heading: { bold: true, color: "cyan" },
  muted: { dimColor: true },
  accent: { color: "cyan" },
  stance: { color: "yellow" },
  hit: { bold: true, color: "yellow" },
  mention: { color: "cyan", underline: true },
  claim: { color: "yellow" },
  event: { color: "magenta" },
  boilerplate: { dimColor: true },
  focus: { inverse: true },
  marked: { inverse: true, color: "green" },
  cursor: { inverse: true, bold: true },
  warn: { color: "red", bold: true },
};

const SGR: Record<Tone, [string, string]> = {
  title: ["\u001B[1m", "\u001B[22m"],
  heading: ["\u001B[1;36m", "\u001B[22;39m"],
  muted: ["\u001B[2m", "\u001B[22m"],
  accent: ["\u001B[36m", "\u001B[39m"],
  stance: ["\u001B[33m", "\u001B[39m"],
  hit: ["\u001B[1;33m", "\u001B[22;39m"],
  mention: ["\u001B[4;36m", "\u001B[24;39m"],
  claim: ["\u001B[33m", "\u001B[39m"],
  event: ["\u001B[35m", "\u001B[39m"],
  boilerplate: ["\u001B[2m", "\u001B[22m"],
  focus: ["\u001B[7m", "\u001B[27m"],
  marked: ["\u001B[7;32m", "\u001B[27;39m"],
  cursor: ["\u001B[1;7m", "\u001B[22;27m"],
  warn: ["\u001B[1;31m", "\u001B[22;39m"],
};

/** Marks used instead of colour. Only tones whose difference carries meaning have one. */
export const MARKS: Partial<Record<Tone, [string, string]>> = {
  hit: ["*", "*"],
  mention: ["[", "]"],
  claim: ["«", "»"],
  event: ["{", "}"],
  focus: ["⟦", "⟧"],
  marked: ["⟨", "⟩"],
  cursor: ["⌈", "⌉"],
};

export interface Theme {
  color: boolean;
  ink(tone: Tone | undefined): InkStyle;
  ansi(tone: Tone | undefined, text: string): string;
  /** The opening and closing marks for a tone when colour is off; empty strings otherwise. */
  marks(tone: Tone | undefined): [string, string];
}

export function makeTheme(color: boolean): Theme {
  return {
    color,
    ink: (tone) => (color && tone ? INK[tone] : {}),
    ansi: (tone, text) => (color && tone ? `${SGR[tone][0]}${text}${SGR[tone][1]}` : text),
    marks: (tone) => (!color && tone ? (MARKS[tone] ?? ["", ""]) : ["", ""]),
  };
}

/** Colour only on a terminal that wants it: not with NO_COLOR, --no-color, TERM=dumb or a pipe. */
export function wantsColor(opts: { noColorEnv: boolean; flag?: boolean; isTTY: boolean | undefined }): boolean {
  if (opts.flag === false || opts.noColorEnv) return false;
  if (process.env.FORCE_COLOR === "0") return false;
  if (process.env.TERM === "dumb") return false;
  return opts.isTTY === true;
}
