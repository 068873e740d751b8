/**
 * The article inside a web page. Navigation, cookie banners, share bars, related-link lists and
 * photo credits are removed first (by element and class), Readability picks the article, and
 * the blocks it keeps are checked once more for boilerplate words. The text we store is built
 * from the kept blocks, one per paragraph, so every offset refers to clean article text; what
 * was dropped is counted for the source's notes.
 */
import type { Segment, SegmentRole } from "@atlas/schema";
import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { assemble, type Part } from "./assemble.js";
import { authorsOf, type BoilerplateRole, boilerplateRole } from "./blocks.js";
import { IngestError } from "./errors.js";

export interface Extracted {
  text: string;
  segments: Segment[];
  title: string | null;
  byline: string | null;
  authors: string[];
  publishedTime: string | null;
  siteName: string | null;
  url: string | null;
  /** What was removed, by kind, for the source's notes. */
  dropped: Partial<Record<BoilerplateRole | "navigation" | "other", number>>;
}

type Dropped = Extracted["dropped"];

// Removed before Readability runs: never article text.
const ALWAYS = "script, style, noscript, template, iframe, svg, canvas, form, button, input, select, textarea, dialog";
const REMOVE: [string, keyof Dropped][] = [
  [
    "nav, [role=navigation], [role=menubar], [class*=breadcrumb], [class*=site-nav], [class*=navbar], [id*=navbar]",
    "navigation",
  ],
  [
    "[id*=cookie], [class*=cookie], [id*=consent], [class*=consent], [class*=gdpr], [id*=gdpr], [aria-label*=cookie i]",
    "cookie-notice",
  ],
  [
    "[class*=related], [id*=related], [class*=recommend], [class*=more-stories], [class*=read-more], [class*=newsletter], [class*=promo], [class*=share], [class*=social], [class*=trending], [class*=most-read], [class*=most-popular]",
    "related-link",
  ],
  ["[class*=credit], [class*=copyright], [class*=photographer]", "credit"],
];
const OUTSIDE_ARTICLE = "header, footer, aside, [role=banner], [role=contentinfo], [role=complementary]";

const BLOCK_TAGS = new Set([
  "P",
  "H1",
  "H2",
  "H3",
  "H4",
  "H5",
  "H6",
  "LI",
  "BLOCKQUOTE",
  "PRE",
  "FIGCAPTION",
  "DD",
  "DT",
  "TD",
  "TH",
  "CAPTION",
  "DIV",
  "SECTION",
  "ARTICLE",
  "UL",
  "OL",
  "DL",
  "TABLE",
  "FIGURE",
  "MAIN",
  "HEADER",
  "FOOTER",
  "TR",
  "TBODY",
  "THEAD",
]);

interface El {
  tagName: string;
  textContent: string | null;
  children: ArrayLike<El>;
  closest(selector: string): El | null;
  remove(): void;
  querySelectorAll(selector: string): ArrayLike<El>;
  getAttribute(name: string): string | null;
}

// As a browser does: runs of ASCII whitespace are one space; a non-breaking space stays.
const clean = (s: string | null | undefined) => (s ?? "").replace(/[ \t\n\r\f]+/g, " ").replace(/^ | $/g, "");

function removeAll(root: El, selector: string, kind: keyof Dropped, dropped: Dropped, keepInside?: string) {
  for (const el of Array.from(root.querySelectorAll(selector))) {
    if (keepInside && el.closest(keepInside)) continue;
    if (clean(el.textContent) !== "") dropped[kind] = (dropped[kind] ?? 0) + 1;
    el.remove();
  }
}

/** Leaf blocks in document order: elements with text and no block-level children. */
export function leafBlocks(root: El): { tag: string; text: string; el: El }[] {
  const out: { tag: string; text: string; el: El }[] = [];
  const walk = (el: El) => {
    const kids = Array.from(el.children);
    const hasBlockChild = kids.some((k) => BLOCK_TAGS.has(k.tagName));
    if (!hasBlockChild) {
      const text = clean(el.textContent);
      if (text) out.push({ tag: el.tagName, text, el });
      return;
    }
    for (const k of kids) walk(k);
  };
  walk(root);
  return out;
}

export const roleOfTag = (tag: string): SegmentRole =>
  /^H[1-6]$/.test(tag) ? "heading" : tag === "FIGCAPTION" || tag === "CAPTION" ? "caption" : "body";

/** Mostly links (a list of related stories), not prose. */
function isLinkList(el: El): boolean {
  if (el.tagName !== "LI" && el.tagName !== "UL" && el.tagName !== "OL") return false;
  const list = el.closest("ul, ol") ?? el;
  const text = clean(list.textContent).length;
  const links = Array.from(list.querySelectorAll("a")).reduce((n, a) => n + clean(a.textContent).length, 0);
  return text > 0 && links / text > 0.8;
}

/**
 * Real pages nest a few dozen levels (browsers' parsers stop at 512). Much deeper pages exist to
 * break parsers: the article extraction slows down with depth (and would recurse past the
 * stack), so they are refused before it starts.
 */
export const MAX_HTML_DEPTH = 256;

// Elements that never hold others, or whose end tag a page may leave out: not counted as nesting.
const FLAT = new Set(
  "area base br col embed hr img input link meta source track wbr p li dt dd tr td th option optgroup colgroup tbody thead tfoot rb rt rtc rp".split(
    " ",
  ),
);

/**
 * How deep the tags nest, read from the text before parsing (the parser takes seconds on a page
 * nested tens of thousands deep). An estimate, so it only refuses far beyond the limit; the tree
 * is measured exactly once parsed.
 */
function tagDepth(html: string, stopAt: number): number {
  let depth = 0;
  let deepest = 0;
  for (const m of html.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9-]*)[^>]*?(\/?)>/g)) {
    const tag = (m[2] as string).toLowerCase();
    if (m[3] || FLAT.has(tag)) continue;
    depth = m[1] ? Math.max(0, depth - 1) : depth + 1;
    if (depth > deepest) deepest = depth;
    if (deepest > stopAt) break;
  }
  return deepest;
}

/** How deep the tree nests, counted without recursion (the tree may be deeper than the stack). */
function treeDepth(root: El): number {
  let deepest = 0;
  const stack: [El, number][] = [[root, 1]];
  while (stack.length > 0) {
    const [el, depth] = stack.pop() as [El, number];
    if (depth > deepest) deepest = depth;
    if (deepest > MAX_HTML_DEPTH) return deepest;
    for (const child of Array.from(el.children)) stack.push([child, depth + 1]);
  }
  return deepest;
}

const tooDeep = () =>
  new IngestError(
    "too_complex",
    `The HTML nests elements more than ${MAX_HTML_DEPTH} levels deep (real pages nest a few dozen); nothing was added. Save the article's text, or a simpler copy of the page, and ingest that.`,
  );

export function extractArticle(html: string): Extracted {
  if (tagDepth(html, 4 * MAX_HTML_DEPTH) > 4 * MAX_HTML_DEPTH) throw tooDeep();
  const { document } = parseHTML(html);
  const doc = document as unknown as El & { title?: string; body: El | null; documentElement: El };
  if (treeDepth(doc.documentElement) > MAX_HTML_DEPTH) throw tooDeep();
  const meta = (selector: string) => clean(doc.querySelectorAll(selector)[0]?.getAttribute("content")) || null;
  const url =
    meta('meta[property="og:url"]') ??
    (clean(doc.querySelectorAll('link[rel="canonical"]')[0]?.getAttribute("href")) || null);
  const dropped: Dropped = {};
  // The article's own headline: the <h1> inside the article, or the page's only <h1>. The
  // <title> (Readability's choice) often carries the site's name or an SEO variant.
  const inArticle = doc.querySelectorAll("article h1, main h1, [role=main] h1");
  const allHeadings = doc.querySelectorAll("h1");
  const headline =
    clean((inArticle.length > 0 ? inArticle[0] : allHeadings.length === 1 ? allHeadings[0] : null)?.textContent) ||
    null;

  removeAll(doc.documentElement, ALWAYS, "other", {});
  for (const [selector, kind] of REMOVE) removeAll(doc.documentElement, selector, kind, dropped);
  removeAll(doc.documentElement, OUTSIDE_ARTICLE, "navigation", dropped, "article, main, [role=main]");

  const article = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0], {
    serializer: (node) => node,
    charThreshold: 200,
  }).parse();
  const root = (article?.content as unknown as El | null) ?? doc.body;
  const title = (headline && headline.length <= 300 ? headline : null) || clean(article?.title) || null;
  const byline = clean(article?.byline) || null;

  const parts: Part[] = [];
  if (title) parts.push({ text: title, role: "headline" });
  if (byline) parts.push({ text: byline, role: "byline" });
  for (const block of root ? leafBlocks(root) : []) {
    if (block.text === title || block.text === byline) continue;
    const role = boilerplateRole(block.text) ?? (isLinkList(block.el) ? "related-link" : null);
    if (role) {
      dropped[role] = (dropped[role] ?? 0) + 1;
      continue;
    }
    parts.push({ text: block.text, role: roleOfTag(block.tag) });
  }

  const { text, segments } = assemble(parts);
  return {
    text,
    segments,
    title,
    byline,
    authors: authorsOf(byline),
    publishedTime: clean(article?.publishedTime) || meta('meta[property="article:published_time"]'),
    siteName: clean(article?.siteName) || meta('meta[property="og:site_name"]'),
    url,
    dropped,
  };
}

const LABELS: Record<keyof Dropped, string> = {
  navigation: "navigation",
  "cookie-notice": "cookie notice",
  "related-link": "related links",
  credit: "credits",
  contact: "contact lines",
  disclaimer: "disclaimers",
  other: "other",
};

/** "navigation (3), cookie notice (1), credits (2)". */
export const describeDropped = (dropped: Dropped) =>
  Object.entries(dropped)
    .filter(([, n]) => (n ?? 0) > 0)
    .map(([k, n]) => `${LABELS[k as keyof Dropped]} (${n})`)
    .join(", ");
