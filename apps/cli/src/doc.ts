/**
 * A document of styled lines: what every screen builds and what both the TUI (a scrolling
 * viewport with a cursor) and the subcommands (plain or ANSI text) print. Screens wrap text to
 * the width they are given, so the TUI knows exactly how many rows each item takes.
 */
import type { ReaderLayout } from "./state/mark.js";
import type { Target } from "./state/views.js";
import type { Theme, Tone } from "./theme.js";

export interface Seg {
  text: string;
  tone?: Tone | undefined;
}
export type Line = Seg[];

export interface Item {
  lines: Line[];
  /** Where Enter goes from this item. */
  target?: Target | undefined;
  /** The cursor stops here; headings and blank lines are passed over. */
  selectable: boolean;
}

export interface Doc {
  items: Item[];
  /** The item to put the cursor on first (the first selectable one when absent). */
  anchor?: number | undefined;
  /** "scroll": a page to read, moved line by line with no cursor (the reader). */
  mode: "cursor" | "scroll";
  /** The reader's words and lines, for marking a span by keys. */
  reader?: ReaderLayout | undefined;
}

interface Glyph {
  ch: string;
  tone: Tone | undefined;
}

const glyphs = (segs: Seg[]): Glyph[] => segs.flatMap((s) => Array.from(s.text, (ch) => ({ ch, tone: s.tone })));

function merge(gs: Glyph[]): Line {
  const line: Line = [];
  for (const g of gs) {
    const last = line.at(-1);
    if (last && last.tone === g.tone) last.text += g.ch;
    else line.push({ text: g.ch, tone: g.tone });
  }
  return line;
}

/** Surrounds each segment with its tone's marks (colour off only). */
export function marked(segs: Seg[], theme: Theme): Seg[] {
  return segs.map((s) => {
    const [open, close] = theme.marks(s.tone);
    return open || close ? { ...s, text: `${open}${s.text}${close}` } : s;
  });
}

/**
 * Word-wraps styled text to `width` columns: the first line indented by `indent`, every other
 * line (including after a newline) by `indent + hang`. A word longer than a line is cut.
 */
export function wrap(segs: Seg[], width: number, indent = 0, hang = 0): Line[] {
  const lines: Line[] = [];
  const paragraphs: Glyph[][] = [[]];
  for (const g of glyphs(segs)) {
    if (g.ch === "\n") paragraphs.push([]);
    else paragraphs.at(-1)?.push(g);
  }
  paragraphs.forEach((para, p) => {
    let pad = p === 0 ? indent : indent + hang;
    let line: Glyph[] = [];
    const room = () => Math.max(1, width - pad);
    const flush = () => {
      lines.push(pad > 0 ? [{ text: " ".repeat(pad) }, ...merge(line)] : merge(line));
      line = [];
      pad = indent + hang;
    };
    // Words are runs of non-spaces, each with the spaces before it.
    const words: { gap: Glyph[]; word: Glyph[] }[] = [];
    let i = 0;
    while (i < para.length) {
      const gapStart = i;
      while (i < para.length && para[i]?.ch === " ") i++;
      const wordStart = i;
      while (i < para.length && para[i]?.ch !== " ") i++;
      words.push({ gap: para.slice(gapStart, wordStart), word: para.slice(wordStart, i) });
    }
    words.forEach(({ gap, word }, n) => {
      // Spaces that open a paragraph are kept; spaces at a line break are dropped.
      const piece = line.length > 0 || n === 0 ? [...gap, ...word] : word;
      if (line.length + piece.length <= room()) {
        line.push(...piece);
        return;
      }
      if (line.length > 0) flush();
      let rest = word;
      while (rest.length > room()) {
        line = rest.slice(0, room());
        rest = rest.slice(room());
        flush();
      }
      line = rest;
    });
    if (line.length > 0 || words.length === 0) flush();
  });
  return lines;
}

/** Cuts a line to `width` columns, ending in "…" when cut. */
export function truncate(line: Line, width: number): Line {
  const gs = glyphs(line);
  if (gs.length <= width) return line;
  const kept = gs.slice(0, Math.max(0, width - 1));
  return [...merge(kept), { text: "…", tone: kept.at(-1)?.tone }];
}

export const lineText = (line: Line) => line.map((s) => s.text).join("");

/** Helpers for building a document at a given width. */
export class DocBuilder {
  readonly items: Item[] = [];
  constructor(
    readonly width: number,
    readonly theme: Theme,
  ) {}

  blank(): this {
    this.items.push({ lines: [[]], selectable: false });
    return this;
  }

  /** A section heading, with a blank line above it unless it opens the document. */
  heading(text: string, count?: number): this {
    if (this.items.length) this.blank();
    const label = count === undefined ? text : `${text} (${count})`;
    this.items.push({ lines: [[{ text: label, tone: "heading" }]], selectable: false });
    return this;
  }

  /** Wrapped text; selectable when it leads somewhere or when asked. */
  text(
    segs: Seg[],
    opts: { indent?: number; hang?: number; target?: Target; selectable?: boolean; raw?: boolean } = {},
  ): this {
    const styled = opts.raw ? segs : marked(segs, this.theme);
    this.items.push({
      lines: wrap(styled, this.width, opts.indent ?? 0, opts.hang ?? 0),
      target: opts.target,
      selectable: opts.selectable ?? opts.target !== undefined,
    });
    return this;
  }

  /**
   * One item of several parts, each wrapped with its own indent, or lines already laid out and
   * marked (a table): the cursor moves over it as one (a suggestion with its details).
   */
  parts(
    parts: ({ segs: Seg[]; indent?: number; hang?: number } | { lines: Line[] })[],
    opts: { selectable?: boolean } = {},
  ): this {
    this.items.push({
      lines: parts.flatMap((p) =>
        "lines" in p
          ? p.lines.map((line) => truncate(line, this.width))
          : wrap(marked(p.segs, this.theme), this.width, p.indent ?? 0, p.hang ?? 0),
      ),
      selectable: opts.selectable ?? true,
    });
    return this;
  }

  /** One line, cut to the width: a row of a list. */
  row(segs: Seg[], target?: Target): this {
    this.items.push({
      lines: [truncate(marked(segs, this.theme), this.width)],
      target,
      selectable: true,
    });
    return this;
  }

  /** One line cut to the width that the cursor passes over (column headers). */
  label(segs: Seg[]): this {
    this.items.push({ lines: [truncate(marked(segs, this.theme), this.width)], selectable: false });
    return this;
  }

  /** A muted note ("none recorded"), not selectable. */
  note(text: string, indent = 2): this {
    this.items.push({ lines: wrap([{ text, tone: "muted" }], this.width, indent), selectable: false });
    return this;
  }

  build(mode: Doc["mode"] = "cursor", anchor?: number): Doc {
    return { items: this.items, mode, anchor };
  }
}

/** Renders a document as text for a terminal or a pipe. */
export function docToText(doc: Doc, theme: Theme): string {
  return doc.items
    .flatMap((item) => item.lines)
    .map((line) =>
      line
        .map((s) => theme.ansi(s.tone, s.text))
        .join("")
        .trimEnd(),
    )
    .join("\n");
}
