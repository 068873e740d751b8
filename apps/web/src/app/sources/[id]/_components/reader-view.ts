/**
 * How the reader shows a document, read from its URL: which highlight layers are on, whether
 * boilerplate is hidden, the span a link asked for (and the records whose words it is), the
 * blocks of text to draw, and the reader's own addresses with one setting changed.
 */
import { describePages } from "@atlas/schema";
import { actorHref, claimHref, eventHref, placeHref, query, relationHref, sourceHref } from "@/lib/links";
import { type Block, buildBlocks, LAYER_KEYS, type Layer, layerOf, parseSpan } from "@/lib/reader";
import { all, allowed, first, type SearchParams } from "@/lib/search-params";
import type { Annotation, SourceDetail } from "@/lib/types";
import type { ReaderRecord } from "./reader-interactions";

/** The page of the record an annotation stands for. */
export function recordHref(a: Annotation): string {
  switch (a.type) {
    case "mention":
    case "actor":
      return actorHref(a.recordId);
    case "place":
      return placeHref(a.recordId);
    case "relation":
      return relationHref(a.recordId);
    case "event":
    case "fatality":
      return eventHref(a.recordId);
    default:
      return claimHref(a.recordId);
  }
}

/** Words cut to n characters, with an ellipsis where they were cut. */
export const clip = (s: string, n = 180) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export interface ReaderView {
  layers: Layer[];
  hideBoilerplate: boolean;
  /** The span asked for; "invalid" when the document is shorter than the link says. */
  span: ReturnType<typeof parseSpan>;
  validSpan: { start: number; end: number } | null;
  /** The records whose words are exactly the span asked for: what the link came from. */
  spanRecords: Annotation[];
  /** The pages of the original the span is on ("page 3"), when the document has pages. */
  spanPages: string | null;
  /** The highlights shown, for the interactions in the browser. */
  records: ReaderRecord[];
  blocks: Block[];
  /** How many boilerplate blocks are hidden. */
  hidden: number;
  /** Where the span's first piece starts (it carries the id the page scrolls to). */
  firstSpanPiece: number | null;
  /** The reader's address, with the layers and boilerplate kept. */
  base: string;
  keptHref: string;
  spanLink: (s: number, e: number) => string;
  toggled: (layer: Layer) => string;
  boilerplateToggle: string;
  /** The address a span is appended to ("…&span=" or "…?span="), for links made in the browser. */
  spanBase: string;
}

/** Reads the URL into what the reader shows of the document. */
export function readerView(source: SourceDetail, sp: SearchParams): ReaderView {
  const layerParam = first(sp.layers);
  const layers: Layer[] = layerParam === undefined ? LAYER_KEYS : allowed(all(sp.layers), LAYER_KEYS);
  const hideBoilerplate = first(sp.boilerplate) === "hide";
  const spanParam = first(sp.span);
  const span = parseSpan(spanParam, source.text.length);
  const validSpan = span === "invalid" ? null : span;
  const spanRecords = validSpan
    ? source.annotations.filter((a) => a.start === validSpan.start && a.end === validSpan.end && a.type !== "mention")
    : [];

  const visible = source.annotations.filter((a) => {
    const layer = layerOf(a.type);
    return layer !== null && layers.includes(layer);
  });
  const records: ReaderRecord[] = visible.map((a) => [a.type, a.start, a.end, clip(a.label), recordHref(a)]);
  const allBlocks = buildBlocks(source.text, source.segments, visible, validSpan, source.pages);
  const spanPages = validSpan ? describePages(source.pages, validSpan.start, validSpan.end) : null;
  const blocks = hideBoilerplate
    ? allBlocks.filter((b) => b.article || (validSpan && validSpan.start < b.end && validSpan.end > b.start))
    : allBlocks;
  const hidden = allBlocks.length - blocks.length;
  const firstSpanPiece = blocks.flatMap((b) => b.paragraphs.flat()).find((p) => p.inSpan)?.start ?? null;

  const base = sourceHref(source.id);
  const keep = { layers: layerParam, boilerplate: hideBoilerplate ? "hide" : undefined };
  const spanLink = (s: number, e: number) => `${base}${query({ ...keep, span: `${s}-${e}` })}`;
  const toggled = (layer: Layer) => {
    const next = layers.includes(layer) ? layers.filter((l) => l !== layer) : [...layers, layer];
    const value = next.length === LAYER_KEYS.length ? undefined : next.length === 0 ? "none" : next.join(",");
    return `${base}${query({ layers: value, boilerplate: keep.boilerplate, span: spanParam })}`;
  };
  const boilerplateToggle = `${base}${query({ layers: layerParam, boilerplate: hideBoilerplate ? undefined : "hide", span: spanParam })}`;
  const spanBase = `${base}${query(keep)}${query(keep) ? "&" : "?"}`;
  return {
    layers,
    hideBoilerplate,
    span,
    validSpan,
    spanRecords,
    spanPages,
    records,
    blocks,
    hidden,
    firstSpanPiece,
    base,
    keptHref: `${base}${query(keep)}`,
    spanLink,
    toggled,
    boilerplateToggle,
    spanBase,
  };
}
