"use client";
/**
 * Annotating in the reader (shown to a signed-in reviewer). Select words in the text, then press
 * "Annotate the selected words" (a button, so a keyboard reaches it with Tab): the form opens with
 * the exact words as the quote, which of their occurrences they are, and fields prefilled from
 * them — the known actors they name, a date they state, a reporting verb that makes them a claim.
 * The quote stays editable: a keyboard user types the words instead of selecting them. The
 * server action adds the record through the workbench (records.add) and links to it. This module
 * is the button and the selection it takes; the form is annotate-form.tsx.
 */
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { type KnownActor, type MentionSpan, trimSpan } from "@/lib/annotate";
import { AnnotateForm } from "./annotate-form";
import type { Selected } from "./use-annotation-draft";

export interface AnnotatorProps {
  sourceId: string;
  /** The document's text: offsets and occurrences refer to it. */
  text: string;
  segments: { start: number; end: number; article: boolean }[];
  mentions: MentionSpan[];
  actors: KnownActor[];
  /** [id, title]: the events this document is evidence for first, then the rest. */
  events: [id: string, title: string][];
  /** [id, "claimant stance: statement"]: the claims this document reports first, then the rest. */
  claims: [id: string, label: string][];
  /** The id of the element holding the text (paragraphs carry data-s, their first character's offset). */
  textId: string;
}

/** The document offsets the browser's selection covers inside the text, or null when it is elsewhere or empty. */
function selectionIn(root: HTMLElement, text: string): { start: number; end: number } | null {
  const sel = window.getSelection();
  if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
  const range = sel.getRangeAt(0);
  let start: number | null = null;
  let end: number | null = null;
  for (const p of root.querySelectorAll<HTMLElement>("p[data-s]")) {
    if (!range.intersectsNode(p)) continue;
    let at = Number(p.dataset.s);
    const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const length = node.textContent?.length ?? 0;
      if (range.intersectsNode(node)) {
        const from = node === range.startContainer ? at + range.startOffset : at;
        const to = node === range.endContainer ? at + range.endOffset : at + length;
        if (to > from) {
          start = start === null ? from : Math.min(start, from);
          end = end === null ? to : Math.max(end, to);
        }
      }
      at += length;
    }
  }
  return start === null || end === null ? null : trimSpan(text, start, end);
}

export function Annotator({ sourceId, text, segments, mentions, actors, events, claims, textId }: AnnotatorProps) {
  const [open, setOpen] = useState<Selected | null>(null);
  const [current, setCurrent] = useState<{ start: number; end: number } | null>(null);
  const openButton = useRef<HTMLButtonElement>(null);

  // The last words selected in the text: a click on the button must not lose them.
  useEffect(() => {
    const root = document.getElementById(textId);
    if (!root) return;
    const onChange = () => {
      const span = selectionIn(root, text);
      if (span) setCurrent(span);
      else if (window.getSelection()?.isCollapsed && root.contains(document.activeElement)) setCurrent(null);
    };
    document.addEventListener("selectionchange", onChange);
    return () => document.removeEventListener("selectionchange", onChange);
  }, [textId, text]);

  const start = () => {
    const root = document.getElementById(textId);
    const span = (root && selectionIn(root, text)) ?? current;
    setOpen(span ? { quote: text.slice(span.start, span.end), start: span.start } : { quote: "", start: null });
  };

  const preview = current ? text.slice(current.start, current.end) : "";
  return (
    <section aria-label="Annotate" className="flex flex-col gap-3 rounded-lg border bg-card p-3">
      <div className="flex flex-wrap items-center gap-2">
        <Button
          ref={openButton}
          type="button"
          onClick={start}
          aria-expanded={open !== null}
          aria-controls="annotate-form"
        >
          Annotate the selected words
        </Button>
        <p className="min-w-0 flex-1 text-xs text-muted-foreground" aria-live="polite">
          {preview ? (
            <>
              Selected: <q className="font-serif">{preview.length > 90 ? `${preview.slice(0, 89)}…` : preview}</q>
            </>
          ) : (
            "Select words in the text, or press the button and type them: they become a record's evidence."
          )}
        </p>
      </div>
      {open && (
        <AnnotateForm
          key={`${open.start}:${open.quote}`}
          selected={open}
          sourceId={sourceId}
          text={text}
          segments={segments}
          mentions={mentions}
          actors={actors}
          events={events}
          claims={claims}
          onClose={() => {
            setOpen(null);
            openButton.current?.focus();
          }}
        />
      )}
    </section>
  );
}
