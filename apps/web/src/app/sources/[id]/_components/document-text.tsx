/**
 * The document's text as the reader draws it: block by block, each paragraph's pieces highlighted
 * by the annotations over them, boilerplate dimmed and labelled (a long notice folded), and a
 * marker where each page of the original begins. The text itself is never altered.
 */
import type { SegmentRole } from "@atlas/schema";
import { Fragment } from "react";
import { SEGMENT_ROLE_LABELS } from "@/lib/labels";
import type { Block, Piece } from "@/lib/reader";
import { cn } from "@/lib/utils";

/** Boilerplate longer than this is folded in the reader. */
const LONG_BOILERPLATE = 600;

// Every role keeps the generous line height: the highlight bands live in the gap between lines.
const ROLE_STYLE: Record<string, string> = {
  headline: "text-xl font-semibold font-sans leading-[2.1]",
  subtitle: "italic text-muted-foreground",
  caption: "text-sm font-sans text-muted-foreground border-l-2 pl-3 leading-[2.4]",
  byline: "text-sm font-sans text-muted-foreground leading-[2.4]",
  dateline: "text-sm font-sans uppercase tracking-wide text-muted-foreground leading-[2.4]",
  heading: "font-semibold font-sans",
};

/** The text, one tab stop whose highlights the arrow keys move between (reader-interactions.tsx). */
export function DocumentText({ blocks, firstSpanPiece }: { blocks: Block[]; firstSpanPiece: number | null }) {
  return (
    <section
      id="doc-text"
      // biome-ignore lint/a11y/noNoninteractiveTabindex: the text is one tab stop; arrow keys move between its highlights.
      tabIndex={0}
      aria-label="Document text. Highlights are annotations: click one, or focus it with the arrow keys and press Enter, to see its records."
      className="rounded-lg border bg-card px-4 py-5 font-serif text-[1.05rem] leading-[2.3] sm:px-8"
    >
      {blocks.map((b, i) => (
        <Fragment key={b.start}>
          {b.page !== null && b.page !== blocks[i - 1]?.page && <PageMarker page={b.page} />}
          <BlockView block={b} firstSpanPiece={firstSpanPiece} />
        </Fragment>
      ))}
    </section>
  );
}

function PieceView({ piece, first }: { piece: Piece; first: boolean }) {
  if (piece.annotations.length === 0 && !piece.inSpan) return piece.text;
  return (
    <mark
      id={first ? "span-start" : undefined}
      data-a={piece.annotations.length ? piece.annotations.join(",") : undefined}
      tabIndex={-1}
      className={cn(
        piece.annotations.length ? "hl" : "bg-transparent text-inherit",
        piece.layers.map((l) => `hl-${l}`),
        piece.inSpan && "in-span",
      )}
    >
      {piece.text}
    </mark>
  );
}

function BlockView({ block, firstSpanPiece }: { block: Block; firstSpanPiece: number | null }) {
  const paragraphs = block.paragraphs.map((p) => (
    // data-s: the offset of the paragraph's first character, so selected words map to the document (annotating).
    <p key={p[0]?.start} data-s={p[0]?.start} className={cn("mb-4", block.role && ROLE_STYLE[block.role])}>
      {p.map((piece) => (
        <PieceView key={piece.start} piece={piece} first={piece.start === firstSpanPiece} />
      ))}
    </p>
  ));
  if (block.article) return <div data-role={block.role ?? "text"}>{paragraphs}</div>;
  const role = block.role as SegmentRole | null;
  const label = `Boilerplate · ${role ? SEGMENT_ROLE_LABELS[role] : "unclassified"} — not part of the article`;
  const className = "mb-4 rounded-md border border-dashed px-3 pt-2 text-sm text-muted-foreground";
  const heading = "mb-1 font-sans text-xs font-medium tracking-wide text-muted-foreground uppercase";
  // A long notice (a cookie banner runs to thousands of characters) is folded: it is labelled and
  // one click away, without pushing the article down the page.
  if (block.end - block.start > LONG_BOILERPLATE) {
    return (
      <details data-role={block.role} data-boilerplate className={cn(className, "pb-2")}>
        <summary className={cn(heading, "cursor-pointer")}>
          {label} · {(block.end - block.start).toLocaleString("en")} characters, folded
        </summary>
        <div className="mt-2">{paragraphs}</div>
      </details>
    );
  }
  return (
    <div data-role={block.role} data-boilerplate className={className}>
      <p className={heading}>{label}</p>
      {paragraphs}
    </div>
  );
}

/** Where a page of the original (a PDF) begins. */
function PageMarker({ page }: { page: number }) {
  return (
    <p
      id={`page-${page}`}
      data-page={page}
      className="my-3 flex items-center gap-3 font-sans text-xs text-muted-foreground uppercase tracking-wide before:h-px before:flex-1 before:bg-border after:h-px after:flex-1 after:bg-border"
    >
      Page {page}
    </p>
  );
}
