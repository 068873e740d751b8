/**
 * Resolves a curated quote to its exact span in a source. Matching is exact — the source is
 * never normalized — but when a quote is not found, the error shows the near match (same
 * words with different spaces, quotes or apostrophes) and the exact string to paste instead.
 */
import { boilerplateAt, type Evidence, occurrences, type Segment } from "@atlas/schema";
import { fold } from "../text/fold.js";

export interface QuoteRef {
  quote: string;
  /** 1-based, among occurrences in article text; needed only when the quote occurs more than once. */
  occurrence?: number | undefined;
}

export type Resolved = { ok: true; span: Evidence } | { ok: false; error: string };

const CONTEXT = 32;

/** How to write a string so YAML reproduces it exactly (double-quoted, invisible characters escaped). */
export function yamlExact(s: string): string {
  const escaped = s
    .replaceAll("\\", "\\\\")
    .replaceAll('"', '\\"')
    .replaceAll("\u00a0", "\\u00a0")
    .replaceAll("\n", "\\n")
    .replaceAll("\t", "\\t");
  return `"${escaped}"`;
}

export function span(sourceId: string, text: string, start: number, end: number): Evidence {
  return {
    sourceId,
    start,
    end,
    quote: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - CONTEXT), start),
    suffix: text.slice(end, end + CONTEXT),
  };
}

export function resolveQuote(
  source: { id: string; text: string; segments: Segment[] },
  ref: QuoteRef,
  { allowBoilerplate = false } = {},
): Resolved {
  const { quote } = ref;
  if (quote.trim() !== quote) {
    return { ok: false, error: `quote ${JSON.stringify(quote)} starts or ends with whitespace; trim it` };
  }
  const all = occurrences(source.text, quote);
  if (all.length === 0) return { ok: false, error: notFound(source, quote) };
  const usable = allowBoilerplate ? all : all.filter((at) => !boilerplateAt(source.segments, at, at + quote.length));
  if (usable.length === 0) {
    const seg = boilerplateAt(source.segments, all[0] as number, (all[0] as number) + quote.length);
    return {
      ok: false,
      error: `quote ${JSON.stringify(short(quote))} occurs only in boilerplate (${seg?.role} at ${seg?.start}..${seg?.end}) of "${source.id}"; cite article text`,
    };
  }
  if (ref.occurrence === undefined && usable.length > 1) {
    return {
      ok: false,
      error: `quote ${JSON.stringify(short(quote))} occurs ${usable.length} times in "${source.id}" (at ${usable.join(", ")}); lengthen it or add occurrence: 1..${usable.length}`,
    };
  }
  const index = (ref.occurrence ?? 1) - 1;
  const at = usable[index];
  if (at === undefined) {
    return {
      ok: false,
      error: `occurrence ${ref.occurrence} of ${JSON.stringify(short(quote))} requested, but "${source.id}" has ${usable.length}`,
    };
  }
  return { ok: true, span: span(source.id, source.text, at, at + quote.length) };
}

const short = (s: string) => (s.length > 70 ? `${s.slice(0, 67)}…` : s);

function notFound(source: { id: string; text: string }, quote: string): string {
  const base = `quote ${JSON.stringify(short(quote))} is not in "${source.id}" verbatim`;
  const f = fold(source.text);
  const q = fold(quote).text.trim();
  const at = q ? f.text.indexOf(q) : -1;
  if (at === -1) return `${base}, nor with spaces, quotes or case normalized; check the words`;
  const start = f.origin[at] as number;
  const end = (f.origin[at + q.length - 1] as number) + 1;
  const exact = source.text.slice(start, end);
  return `${base}; the text at ${start}..${end} differs only in spaces, quotes, apostrophes or case. Write it exactly as: ${yamlExact(exact)}`;
}
