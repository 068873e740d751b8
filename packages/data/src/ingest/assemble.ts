/**
 * The stored text of an extracted document (a web page's article, a PDF, a Word file): its
 * blocks in reading order, one per paragraph, separated by a blank line, each a segment with its
 * role — and, for a paged original, where each page lies. Every offset of the source refers to
 * this text.
 */
import { isArticleRole, type Page, type Segment, type SegmentRole } from "@atlas/schema";

export interface Part {
  text: string;
  role: SegmentRole;
  /** The page of the original the block is on (PDF). */
  page?: number;
}

export function assemble(parts: Part[]): { text: string; segments: Segment[]; pages: Page[] } {
  let text = "";
  const segments: Segment[] = [];
  const pages: Page[] = [];
  for (const part of parts) {
    if (text) text += "\n\n";
    const start = text.length;
    text += part.text;
    segments.push({ start, end: text.length, role: part.role, article: isArticleRole(part.role) });
    if (part.page === undefined) continue;
    const page = pages[pages.length - 1];
    if (page?.number === part.page) page.end = text.length;
    else pages.push({ number: part.page, start, end: text.length });
  }
  return { text, segments, pages };
}
