/**
 * The reader: a document's text exactly as received, with its annotations highlighted — names
 * of actors (mentions), the words of claims, the evidence for events — and web boilerplate
 * dimmed and marked "┆". Opened from a quote, it starts at those words and shows them reversed,
 * and says which page of the original (a PDF) they are on; every page's start is marked.
 */
import { describePages } from "@atlas/schema";
import type { SourceDetail } from "../data.js";
import { type DocBuilder, type Line, lineText, type Seg, wrap } from "../doc.js";
import { compactTime } from "../format/time.js";
import { type Range, type ReaderLayout, wordsOf } from "../state/mark.js";
import type { Tone } from "../theme.js";
import { bylineParts, plural } from "./common.js";
import type { Screen } from "./screen.js";

type Layer = "mention" | "claim" | "event" | "focus" | "marked" | "cursor";
const LAYER_OF: Partial<Record<string, Layer>> = {
  mention: "mention",
  claim: "claim",
  attribution: "claim",
  event: "event",
  fatality: "event",
};
// When spans overlap, one colour wins: the narrowest, most specific kind.
// The span being marked, and the word cursor, show above everything.
const PRIORITY: Layer[] = ["cursor", "marked", "focus", "mention", "event", "claim"];

interface Span {
  start: number;
  end: number;
  layer: Layer;
}

/** Overlapping or touching spans of one layer merged, so marks are not doubled. */
function union(spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out.at(-1);
    if (last && last.layer === s.layer && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}

export interface ReaderFocus {
  start: number;
  end: number;
}

/** What is being marked: the span so far and the word cursor (see state/mark.ts). */
export interface ReaderMarking {
  span: Range | null;
  cursor: Range | null;
}

export function readerScreen(
  s: SourceDetail,
  focus: ReaderFocus | undefined,
  b: DocBuilder,
  marking?: ReaderMarking,
): Screen {
  const { theme, width } = b;
  const text = s.text;
  const spans: Span[] = [];
  const byLayer = new Map<Layer, Span[]>();
  for (const a of s.annotations) {
    const layer = LAYER_OF[a.type];
    if (!layer) continue;
    byLayer.set(layer, [...(byLayer.get(layer) ?? []), { start: a.start, end: a.end, layer }]);
  }
  if (focus) byLayer.set("focus", [{ ...focus, layer: "focus" }]);
  if (marking?.span) byLayer.set("marked", [{ ...marking.span, layer: "marked" }]);
  if (marking?.cursor) byLayer.set("cursor", [{ ...marking.cursor, layer: "cursor" }]);
  for (const list of byLayer.values()) spans.push(...union(list));

  // Each character's layers, and whether it is boilerplate.
  const layers: Set<Layer>[] = Array.from({ length: text.length }, () => new Set<Layer>());
  for (const sp of spans) for (let i = sp.start; i < sp.end && i < text.length; i++) layers[i]?.add(sp.layer);
  const boiler = new Uint8Array(text.length);
  for (const seg of s.segments) if (!seg.article) boiler.fill(1, seg.start, seg.end);

  const toneAt = (i: number): Tone | undefined => {
    const set = layers[i];
    const top = set ? PRIORITY.find((l) => set.has(l)) : undefined;
    if (top) return top;
    return boiler[i] ? "boilerplate" : undefined;
  };

  // Marks (colour off) at span edges: closing marks before opening ones, outer spans outside inner ones.
  const opens = new Map<number, string[]>();
  const closes = new Map<number, string[]>();
  if (!theme.color) {
    for (const sp of [...spans].sort((a, b) => b.end - b.start - (a.end - a.start))) {
      const [open, close] = theme.marks(sp.layer);
      opens.set(sp.start, [...(opens.get(sp.start) ?? []), open]);
      closes.set(sp.end, [close, ...(closes.get(sp.end) ?? [])]);
    }
  }

  // Header: what the document is, and what the highlights mean.
  const published = s.published
    ? `${compactTime(s.published)}${s.published.basis === "explicit" ? "" : ` (${s.published.basis})`}`
    : "date unknown";
  b.text([{ text: s.title, tone: "title" }]);
  b.text([
    {
      text: [...bylineParts(s), published].join(" · "),
      tone: "muted",
    },
  ]);
  const legend: Seg[] = [
    { text: "mention", tone: "mention" },
    { text: "  " },
    { text: "a claim's words", tone: "claim" },
    { text: "  " },
    { text: "event evidence", tone: "event" },
    { text: "  " },
    { text: "┆ boilerplate", tone: "boilerplate" },
  ];
  const counts = ["mention", "claim", "event"].map(
    (l) => s.annotations.filter((a) => LAYER_OF[a.type] === l).length,
  ) as [number, number, number];
  b.text([
    {
      text: `${plural(counts[0], "mention")} · ${plural(counts[1], "claim passage")} · ${plural(counts[2], "event passage")}`,
      tone: "muted",
    },
  ]);
  b.text(legend);
  const onPage = focus ? describePages(s.pages, focus.start, focus.end) : null;
  if (onPage) b.text([{ text: `The quote is on ${onPage} of the original.`, tone: "muted" }]);
  b.blank();

  // The text, one item per line, so the reader can start at the very line of the quote.
  let anchor: number | undefined;
  let pos = 0;
  const lineRanges: ReaderLayout["lines"] = [];
  const pageAt = new Map((s.pages ?? []).map((p) => [p.start, p.number]));
  for (const para of text.split("\n")) {
    const start = pos;
    const end = pos + para.length;
    pos = end + 1;
    const page = pageAt.get(start);
    if (page !== undefined) {
      const label = ` page ${page} `;
      const rule = "─".repeat(Math.max(2, Math.floor((width - label.length) / 2)));
      b.items.push({ lines: [[{ text: `${rule}${label}${rule}`, tone: "muted" }]], selectable: true });
    }
    const segs: Seg[] = [];
    // The document offset of each code unit of the line's text; -1 for a mark (colour off).
    const origin: number[] = [];
    const push = (t: string, tone: Tone | undefined, at = -1) => {
      const last = segs.at(-1);
      if (last && last.tone === tone) last.text += t;
      else segs.push({ text: t, tone });
      for (let k = 0; k < t.length; k++) origin.push(at);
    };
    for (let i = start; i <= end; i++) {
      const close = closes.get(i);
      if (close) push(close.join(""), undefined);
      const open = opens.get(i);
      if (open && i < end) push(open.join(""), undefined);
      if (i < end) push(text[i] ?? "", toneAt(i), i);
    }
    const isBoiler = para.length > 0 && boiler.subarray(start, end).every((x) => x === 1);
    let lines: Line[] = wrap(segs, width, isBoiler ? 2 : 0, 0);
    if (isBoiler) lines = lines.map((l) => [{ text: "┆ ", tone: "boilerplate" as const }, ...l.slice(1)]);
    const ranges = rangesOf(lines, segs, origin, isBoiler ? 2 : 0);
    lines.forEach((line, n) => {
      if (anchor === undefined && line.some((seg) => seg.tone === "focus")) anchor = b.items.length;
      const range = ranges[n];
      if (range) lineRanges.push({ ...range, item: b.items.length });
      b.items.push({ lines: [line], selectable: true });
    });
  }
  const doc = b.build("scroll", anchor);
  doc.reader = { source: s, words: wordsOf(text), lines: lineRanges };
  return { title: `Reader · ${s.title}`, doc };
}

/**
 * The document offsets each wrapped line shows: the line's text is found in the paragraph's
 * (spaces at a break belong to no line), and its code units' origins give the offsets, marks
 * (colour off) excluded — so the ranges are exact with colour and without.
 */
function rangesOf(lines: Line[], segs: Seg[], origin: number[], indent: number): (Range | undefined)[] {
  const all = segs.map((x) => x.text).join("");
  let g = 0;
  return lines.map((line, n) => {
    const content = lineText(line).slice(indent);
    if (n > 0) while (all[g] === " ") g++;
    const at = origin.slice(g, g + content.length).filter((o) => o >= 0);
    g += content.length;
    const first = at[0];
    const last = at.at(-1);
    return first === undefined || last === undefined ? undefined : { start: first, end: last + 1 };
  });
}
