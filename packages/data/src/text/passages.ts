/**
 * A document as search reads it: its article text in passages of at most
 * PASSAGE_CHARS characters. Whole paragraphs where they fit (short ones share a passage), and a
 * longer paragraph cut at the last whitespace before the limit (or at the limit, for a run with
 * no whitespace). Every writer of sources (seed, bulk load, ingest) stores these rows, so a
 * search never ranks or highlights more than a few passages of any document, however large.
 */

import { isArticleRole, type Segment } from "@atlas/schema";

export const PASSAGE_CHARS = 4000;

/** What search reads of a document: its article segments (no cookie notices, no credits), joined. */
export const articleText = (source: { text: string; segments: Pick<Segment, "start" | "end" | "role">[] }) =>
  source.segments
    .filter((s) => isArticleRole(s.role))
    .map((s) => source.text.slice(s.start, s.end))
    .join("\n\n");

const isSpace = (code: number) => code === 0x20 || code === 0x0a || code === 0x09 || code === 0x0d || code === 0x0c;

/** Where to cut `text` at or before `max`: after the last whitespace in its second half, else at `max`. */
function cutAt(text: string, max: number): number {
  for (let i = max; i > max / 2; i--) if (isSpace(text.charCodeAt(i))) return i;
  // No whitespace: cut at the limit, but never between the two halves of a surrogate pair.
  const code = text.charCodeAt(max - 1);
  return code >= 0xd800 && code <= 0xdbff ? max - 1 : max;
}

/** The article text's passages, in order; none is empty and none is longer than `max`. */
export function splitPassages(text: string, max = PASSAGE_CHARS): string[] {
  const out: string[] = [];
  let current = "";
  const flush = () => {
    if (current) out.push(current);
    current = "";
  };
  for (const raw of text.split(/\n[ \t\r\f]*\n/)) {
    let paragraph = raw.trim();
    if (!paragraph) continue;
    if (current && current.length + 2 + paragraph.length <= max) {
      current += `\n\n${paragraph}`;
      continue;
    }
    flush();
    while (paragraph.length > max) {
      const cut = cutAt(paragraph, max);
      out.push(paragraph.slice(0, cut).trimEnd());
      paragraph = paragraph.slice(cut).trimStart();
    }
    current = paragraph;
  }
  flush();
  return out;
}

export interface PassageRow {
  sourceId: string;
  ord: number;
  title: string;
  text: string;
}

/** The rows of `source_passages` for one document; a document without article text keeps one, for its title. */
export function passageRows(source: {
  id: string;
  title: string;
  text: string;
  segments: Pick<Segment, "start" | "end" | "role">[];
}): PassageRow[] {
  const passages = splitPassages(articleText(source));
  return (passages.length > 0 ? passages : [""]).map((text, ord) => ({
    sourceId: source.id,
    ord,
    title: source.title,
    text,
  }));
}
