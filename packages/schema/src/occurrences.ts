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

/**
 * The words at `start..end` as a quote that resolves back to exactly that span: the occurrence
 * is counted among the article's occurrences, and given only when the words occur there more
 * than once. Null when the span starts or ends with whitespace or lies in boilerplate, which a
 * quote may not.
 */
export function quoteAt(
  source: { text: string; segments: readonly SegmentSpan[] },
  start: number,
  end: number,
): { quote: string; occurrence?: number } | null {
  const quote = source.text.slice(start, end);
  if (!quote || quote.trim() !== quote || boilerplateAt(source.segments, start, end)) return null;
  const usable = articleOccurrences(source.text, source.segments, quote);
  const index = usable.indexOf(start);
  if (index < 0) return null;
  return usable.length > 1 ? { quote, occurrence: index + 1 } : { quote };
}
