/**
 * Cuts a document into what the reader renders: blocks (the source's segments, article or
 * boilerplate), paragraphs, and pieces of text that each carry the annotations covering them.
 * Overlapping annotations are the norm (a mention inside a claim inside an event), so pieces
 * are cut at every annotation edge. Offsets stay those of the original text throughout. A
 * block of a paged document (a PDF) knows the page it begins on.
 */
import { type Page, pagesOf } from "@atlas/schema";

export const LAYERS = {
  mentions: { label: "Mentions", types: ["mention"], description: "every name of an actor" },
  identity: {
    label: "Actors & places",
    types: ["actor", "place"],
    description: "words that identify an actor or place",
  },
  relations: { label: "Relations", types: ["relation"], description: "evidence for relations between actors" },
  events: { label: "Events", types: ["event", "fatality"], description: "evidence for events and death tolls" },
  claims: { label: "Claims", types: ["claim", "attribution"], description: "claim quotes and their attribution" },
} as const;
export type Layer = keyof typeof LAYERS;
export const LAYER_KEYS = Object.keys(LAYERS) as Layer[];

export function layerOf(type: string): Layer | null {
  for (const key of LAYER_KEYS) if ((LAYERS[key].types as readonly string[]).includes(type)) return key;
  return null;
}

export interface Annotated {
  type: string;
  start: number;
  end: number;
}

export interface Piece {
  start: number;
  end: number;
  text: string;
  /** Indices into the annotation list given to buildBlocks. */
  annotations: number[];
  layers: Layer[];
  inSpan: boolean;
}

export interface Block {
  start: number;
  end: number;
  role: string | null;
  article: boolean;
  /** The page of the original the block begins on (a PDF); null for a document without pages. */
  page: number | null;
  paragraphs: Piece[][];
}

export interface SegmentLike {
  start: number;
  end: number;
  role: string;
  article: boolean;
}

/** Segments plus any uncovered stretch that holds more than whitespace. */
function blockRanges(text: string, segments: SegmentLike[]) {
  const sorted = [...segments].sort((a, b) => a.start - b.start);
  const ranges: { start: number; end: number; role: string | null; article: boolean }[] = [];
  let at = 0;
  const gap = (start: number, end: number) => {
    if (end > start && text.slice(start, end).trim()) ranges.push({ start, end, role: null, article: true });
  };
  for (const s of sorted) {
    gap(at, s.start);
    ranges.push({ start: s.start, end: s.end, role: s.role, article: s.article });
    at = Math.max(at, s.end);
  }
  gap(at, text.length);
  return ranges;
}

export function buildBlocks(
  text: string,
  segments: SegmentLike[],
  annotations: Annotated[],
  span: { start: number; end: number } | null = null,
  pages: readonly Page[] | null = null,
): Block[] {
  return blockRanges(text, segments).map((range) => {
    const inside = annotations.map((a, i) => ({ a, i })).filter(({ a }) => a.start < range.end && a.end > range.start);
    const cuts = new Set([range.start, range.end]);
    for (const { a } of inside) {
      if (a.start > range.start) cuts.add(a.start);
      if (a.end < range.end) cuts.add(a.end);
    }
    if (span) {
      for (const c of [span.start, span.end]) if (c > range.start && c < range.end) cuts.add(c);
    }
    const edges = [...cuts].sort((x, y) => x - y);
    const pieces: Piece[] = [];
    for (let k = 0; k + 1 < edges.length; k++) {
      const start = edges[k] as number;
      const end = edges[k + 1] as number;
      const covering = inside.filter(({ a }) => a.start <= start && a.end >= end);
      const layers = [...new Set(covering.map(({ a }) => layerOf(a.type)).filter((l): l is Layer => l !== null))];
      pieces.push({
        start,
        end,
        text: text.slice(start, end),
        annotations: covering.map(({ i }) => i),
        layers,
        inSpan: span !== null && start >= span.start && end <= span.end,
      });
    }
    return { ...range, page: pagesOf(pages, range.start, range.end)?.first ?? null, paragraphs: paragraphs(pieces) };
  });
}

/** Splits pieces at newlines into paragraphs; the newlines themselves become paragraph breaks. */
function paragraphs(pieces: Piece[]): Piece[][] {
  const out: Piece[][] = [];
  let current: Piece[] = [];
  const flush = () => {
    if (current.some((p) => p.text.trim())) out.push(current);
    current = [];
  };
  for (const piece of pieces) {
    const lines = piece.text.split("\n");
    let offset = piece.start;
    lines.forEach((line, n) => {
      if (n > 0) {
        flush();
        offset += 1; // the newline
      }
      if (line) current.push({ ...piece, start: offset, end: offset + line.length, text: line });
      offset += line.length;
    });
  }
  flush();
  return out;
}

/** "120-180" → { start: 120, end: 180 } when it lies inside a text of `length` characters. */
export function parseSpan(
  value: string | undefined,
  length: number,
): { start: number; end: number } | "invalid" | null {
  if (!value) return null;
  const m = /^(\d+)-(\d+)$/.exec(value);
  if (!m) return "invalid";
  const start = Number(m[1]);
  const end = Number(m[2]);
  return start < end && end <= length ? { start, end } : "invalid";
}
