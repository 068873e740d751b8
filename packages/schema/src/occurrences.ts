/**
 * Where a quote occurs in a document's article text: evidence never rests on boilerplate, and
 * "occurrence N" counts only these. One rule for the data package, which resolves a quote, and
 * the reader, which numbers the words a reviewer selected.
 */
import type { Segment } from "./source.js";

type SegmentSpan = Pick<Segment, "start" | "end" | "article">;

/** Every offset where `quote` begins in `text`, overlapping occurrences included. */
export function occurrences(text: string, quote: string): number[] {
  const at: number[] = [];
  if (!quote) return at;
  for (let i = text.indexOf(quote); i !== -1; i = text.indexOf(quote, i + 1)) at.push(i);
  return at;
}

/** The boilerplate segment (navigation, a cookie notice…) that start..end overlaps, if any. */
export const boilerplateAt = <S extends SegmentSpan>(segments: readonly S[], start: number, end: number) =>
  segments.find((s) => !s.article && s.start < end && start < s.end);

/** The offsets of `quote` outside boilerplate: what "occurrence 1, 2…" of a quote counts. */
export const articleOccurrences = (text: string, segments: readonly SegmentSpan[], quote: string): number[] =>
  occurrences(text, quote).filter((at) => !boilerplateAt(segments, at, at + quote.length));
