/**
 * The text layer of a PDF, with pdf.js: each page's words in reading order, one block per
 * paragraph, and where each page lies in the text. Words are joined into lines by their
 * baseline; a line broken by a wide gap is two fragments (two columns, or a table's cells);
 * rows whose fragments share a gutter are read column by column when both sides are prose, row
 * by row when they are narrow cells. Paragraphs end at a wider gap than the line spacing or a
 * change of type size; a larger size is a heading, the largest at the top of the first page the
 * headline. A page's running header and footer — the top and bottom lines that repeat on other
 * pages, or a lone page number — are kept as boilerplate segments, which no annotation may cite.
 * A PDF without a text layer (a scan) is refused: storing it empty would hide that it was never read.
 */
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { Page, SegmentRole } from "@atlas/schema";
import { assemble, type Part } from "./assemble.js";
import { boilerplateRole } from "./blocks.js";
import { IngestError } from "./errors.js";

/** A run of text on one baseline, from left (x0) to right (x1); y is the baseline, up from the bottom. */
interface Fragment {
  x0: number;
  x1: number;
  y: number;
  size: number;
  text: string;
}

interface PdfItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
}

export interface ExtractedPdf {
  text: string;
  segments: ReturnType<typeof assemble>["segments"];
  pages: Page[];
  pageCount: number;
  title: string | null;
  /** Pages with no text layer (scanned), and how many running headers and footers were marked. */
  imagePages: number[];
  headersAndFooters: number;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[Math.floor(s.length / 2)] as number) : 0;
};

/** Runs on one baseline, left to right, split into fragments at gaps wider than two characters' height. */
function fragments(items: PdfItem[]): Fragment[] {
  // pdf.js fills the gap between two runs on a line with a run of spaces: spaces come from the
  // geometry here instead, so a wide gap (a column's gutter, a table's cells) stays a gap.
  const runs = items
    .filter((i) => i.str.trim() !== "")
    .map((i) => {
      const size = Math.hypot(i.transform[2] ?? 0, i.transform[3] ?? 0) || i.height || 1;
      const x0 = i.transform[4] ?? 0;
      return { x0, x1: x0 + i.width, y: i.transform[5] ?? 0, size, str: i.str };
    })
    .sort((a, b) => b.y - a.y || a.x0 - b.x0);
  const lines: (typeof runs)[] = [];
  for (const run of runs) {
    const line = lines[lines.length - 1];
    const first = line?.[0];
    if (line && first && Math.abs(first.y - run.y) <= 0.35 * Math.min(first.size, run.size)) line.push(run);
    else lines.push([run]);
  }
  const out: Fragment[] = [];
  for (const line of lines) {
    line.sort((a, b) => a.x0 - b.x0);
    let current: Fragment | null = null;
    for (const run of line) {
      const gap = current ? run.x0 - current.x1 : 0;
      if (current && gap <= 2 * Math.max(current.size, run.size)) {
        const space = gap > 0.15 * run.size && !/\s$/.test(current.text) && !/^\s/.test(run.str);
        current.text += (space ? " " : "") + run.str;
        current.x1 = Math.max(current.x1, run.x1);
        current.size = Math.max(current.size, run.size);
      } else {
        current = { x0: run.x0, x1: run.x1, y: run.y, size: run.size, text: run.str };
        out.push(current);
      }
    }
  }
  return out.map((f) => ({ ...f, text: f.text.replace(/\s+/g, " ").trim() })).filter((f) => f.text !== "");
}

/** Fragments grouped by baseline, top to bottom, each row left to right. */
function rows(frags: Fragment[]): Fragment[][] {
  const sorted = [...frags].sort((a, b) => b.y - a.y || a.x0 - b.x0);
  const out: Fragment[][] = [];
  for (const f of sorted) {
    const row = out[out.length - 1];
    const first = row?.[0];
    if (row && first && Math.abs(first.y - f.y) <= 0.35 * Math.min(first.size, f.size)) row.push(f);
    else out.push([f]);
  }
  return out;
}

/** The widest gap between a row's fragments, as [left edge, right edge]; null for a single fragment. */
function gutter(row: Fragment[]): [number, number] | null {
  let best: [number, number] | null = null;
  for (let i = 1; i < row.length; i++) {
    const [a, b] = [row[i - 1] as Fragment, row[i] as Fragment];
    if (!best || b.x0 - a.x1 > best[1] - best[0]) best = [a.x1, b.x0];
  }
  return best;
}

/**
 * Reading order: top to bottom, except that a run of rows sharing a gutter (no fragment
 * crosses it) is read left column, then right column — when both sides are prose, lines at
 * least a quarter of the text's width. Narrow cells (a table) are read row by row.
 */
function readingOrder(frags: Fragment[]): Fragment[] {
  const all = rows(frags);
  const width = Math.max(...frags.map((f) => f.x1)) - Math.min(...frags.map((f) => f.x0));
  const prose = (side: Fragment[]) => side.length > 0 && median(side.map((f) => f.x1 - f.x0)) >= width / 4;
  const out: Fragment[] = [];
  for (let i = 0; i < all.length; ) {
    const gap = gutter(all[i] as Fragment[]);
    let j = i + 1;
    if (gap) while (j < all.length && (all[j] as Fragment[]).every((f) => f.x1 <= gap[0] || f.x0 >= gap[1])) j++;
    const band = all.slice(i, j);
    const left = band.flat().filter((f) => gap && f.x1 <= gap[0]);
    const right = band.flat().filter((f) => gap && f.x0 >= gap[1]);
    if (gap && band.length >= 2 && prose(left) && prose(right)) out.push(...readingOrder(left), ...readingOrder(right));
    else out.push(...band.flat());
    i = j;
  }
  return out;
}

/**
 * Paragraphs: consecutive fragments on the same row (a table's cells) or on the next line,
 * broken where the gap exceeds the line spacing, the type size changes or the column does.
 */
function paragraphs(ordered: Fragment[]): Fragment[][] {
  const out: Fragment[][] = [];
  for (const f of ordered) {
    const block = out[out.length - 1];
    const prev = block?.[block.length - 1];
    const drop = prev ? prev.y - f.y : 0;
    const sameSize = prev ? Math.abs(prev.size - f.size) <= 0.15 * prev.size : false;
    const sameRow = prev ? Math.abs(drop) <= 0.35 * prev.size : false;
    if (block && prev && sameSize && (sameRow || (drop > 0 && drop <= 1.6 * prev.size))) block.push(f);
    else out.push([f]);
  }
  return out;
}

/** Lines joined with a space; a line ending in a hyphen after a letter runs on ("Iran-" + "backed"). */
const joinLines = (block: Fragment[]) =>
  block.reduce((text, f) => (text === "" ? f.text : /\p{L}-$/u.test(text) ? text + f.text : `${text} ${f.text}`), "");

// Normalised for comparing across pages: digits (page numbers, dates) do not count.
const shape = (text: string) => text.toLowerCase().replace(/\d+/g, "#").replace(/\s+/g, " ").trim();
const PAGE_NUMBER = /^(page\s*)?[-–—]?\s*\d{1,4}\s*[-–—]?(\s*(of|\/)\s*\d{1,4})?$/i;

/** The share of the page's height at its top and bottom where running headers and footers sit. */
const MARGIN = 0.12;

interface PageText {
  number: number;
  height: number;
  frags: Fragment[];
}

type MarginRole = Extract<SegmentRole, "page-header" | "page-footer">;

/** The top and bottom rows in the margins that are running headers or footers. */
function marginRows(pages: PageText[]): Map<Fragment, MarginRole> {
  const candidates = pages.map((p) => {
    const r = rows(p.frags);
    const top = r.slice(0, 2).filter((row) => (row[0] as Fragment).y >= p.height * (1 - MARGIN));
    const bottom = r.slice(-2).filter((row) => (row[0] as Fragment).y <= p.height * MARGIN && !top.includes(row));
    return { top, bottom };
  });
  const count = (zone: "top" | "bottom") => {
    const seen = new Map<string, number>();
    for (const c of candidates) {
      for (const s of new Set(c[zone].map((row) => shape(row.map((f) => f.text).join(" ")))))
        seen.set(s, (seen.get(s) ?? 0) + 1);
    }
    return seen;
  };
  const repeats = { top: count("top"), bottom: count("bottom") };
  const needed = Math.max(2, Math.ceil(pages.length / 2));
  const out = new Map<Fragment, MarginRole>();
  for (const c of candidates) {
    for (const zone of ["top", "bottom"] as const) {
      for (const row of c[zone]) {
        const text = row.map((f) => f.text).join(" ");
        if ((repeats[zone].get(shape(text)) ?? 0) >= needed || PAGE_NUMBER.test(text.trim())) {
          for (const f of row) out.set(f, zone === "top" ? "page-header" : "page-footer");
        }
      }
    }
  }
  return out;
}

async function load(bytes: Uint8Array) {
  // pdf.js is large: only ingesting a PDF loads it.
  const { getDocument } = await import("pdfjs-dist/legacy/build/pdf.mjs");
  // The metrics of the 14 standard fonts, for PDFs that use them without embedding them.
  const fonts = join(dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json")), "standard_fonts/");
  try {
    // A copy: pdf.js takes ownership of (detaches) the buffer it is given.
    return await getDocument({
      data: new Uint8Array(bytes),
      standardFontDataUrl: fonts,
      isEvalSupported: false,
      disableFontFace: true,
      verbosity: 0,
    }).promise;
  } catch (e) {
    // Only what is wrong with the file is the analyst's to fix; anything else is ours, and is thrown.
    const name = (e as Error).name;
    if (name === "PasswordException") {
      throw new IngestError("unreadable", "The PDF is password-protected: remove the password, then ingest it again.");
    }
    if (name === "InvalidPDFException" || name === "FormatError") {
      throw new IngestError(
        "unreadable",
        `The file starts like a PDF but cannot be read (${(e as Error).message}): it may be damaged or cut short. Save or download it again.`,
      );
    }
    throw e;
  }
}

export async function extractPdf(bytes: Uint8Array): Promise<ExtractedPdf> {
  const doc = await load(bytes);
  try {
    const pages: PageText[] = [];
    const imagePages: number[] = [];
    for (let number = 1; number <= doc.numPages; number++) {
      const page = await doc.getPage(number);
      const content = await page.getTextContent();
      const frags = fragments(content.items.flatMap((i) => ("str" in i ? [i as PdfItem] : [])));
      if (frags.length === 0) imagePages.push(number);
      else pages.push({ number, height: page.getViewport({ scale: 1 }).height, frags });
      page.cleanup();
    }
    const margins = marginRows(pages);
    // The body's type size: the size that carries the most characters.
    const chars = new Map<number, number>();
    for (const f of pages.flatMap((p) => p.frags)) {
      if (!margins.has(f))
        chars.set(Math.round(f.size * 10) / 10, (chars.get(Math.round(f.size * 10) / 10) ?? 0) + f.text.length);
    }
    const bodySize = [...chars].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0;
    const parts: Part[] = [];
    let title: string | null = null;
    for (const page of pages) {
      const [header, body, footer] = [
        page.frags.filter((f) => margins.get(f) === "page-header"),
        page.frags.filter((f) => !margins.has(f)),
        page.frags.filter((f) => margins.get(f) === "page-footer"),
      ];
      for (const row of rows(header)) parts.push({ text: joinLines(row), role: "page-header", page: page.number });
      for (const block of paragraphs(body.length ? readingOrder(body) : [])) {
        const text = joinLines(block);
        const size = Math.max(...block.map((f) => f.size));
        let role: SegmentRole = boilerplateRole(text) ?? "body";
        if (role === "body" && size >= bodySize * 1.15 && text.length <= 300) {
          const first = parts.every((p) => p.role === "page-header");
          role = first && page.number === 1 ? "headline" : "heading";
          if (role === "headline") title = text;
        }
        parts.push({ text, role, page: page.number });
      }
      for (const row of rows(footer)) parts.push({ text: joinLines(row), role: "page-footer", page: page.number });
    }
    const assembled = assemble(parts);
    if (!parts.some((p) => p.role !== "page-header" && p.role !== "page-footer")) {
      throw new IngestError(
        "no_text",
        `This PDF has no text layer${pages.length ? " beyond its page headers and footers" : ""}: its ${doc.numPages === 1 ? "page is an image" : `${doc.numPages} pages are images`} (a scan). Run OCR on it (for example with ocrmypdf) and ingest the result. Nothing was stored.`,
      );
    }
    return {
      ...assembled,
      pageCount: doc.numPages,
      title,
      imagePages,
      headersAndFooters: parts.filter((p) => p.role === "page-header" || p.role === "page-footer").length,
    };
  } finally {
    await doc.destroy();
  }
}
