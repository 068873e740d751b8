"use client";
/**
 * The reader's only client code. Clicking a highlight (or pressing Enter on it) opens a card with
 * every record whose evidence covers those words, each linking to its page. Inside the text,
 * ←/→ move between highlights. On load, an evidence link's ?span= is scrolled into view and focused.
 * The text itself is server-rendered; this component only listens.
 */
import Link from "next/link";
import { useCallback, useEffect, useRef, useState } from "react";
import { createPortal } from "react-dom";

/** [type, start, end, label, href] — compact, since a document can carry hundreds. */
export type ReaderRecord = [type: string, start: number, end: number, label: string, href: string];

const TYPE_LABELS: Record<string, string> = {
  mention: "Mention of",
  actor: "Describes actor",
  place: "Names place",
  relation: "Relation",
  event: "Event",
  fatality: "Death toll of",
  claim: "Claim",
  attribution: "Attributes claim",
};

const SWATCH: Record<string, string> = {
  mention: "swatch-mentions",
  actor: "swatch-identity",
  place: "swatch-identity",
  relation: "swatch-relations",
  event: "swatch-events",
  fatality: "swatch-events",
  claim: "swatch-claims",
  attribution: "swatch-claims",
};

interface Open {
  ids: number[];
  mark: HTMLElement;
  top: number;
  left: number;
}

export function ReaderInteractions({
  textId,
  records,
  spanBase,
}: {
  textId: string;
  records: ReaderRecord[];
  /** The reader's URL without ?span, to which a span is appended for "link to these words". */
  spanBase: string;
}) {
  const [open, setOpen] = useState<Open | null>(null);
  const cardRef = useRef<HTMLDivElement>(null);

  const show = useCallback((mark: HTMLElement) => {
    const ids = (mark.dataset.a ?? "").split(",").filter(Boolean).map(Number);
    if (ids.length === 0) return;
    const rect = mark.getBoundingClientRect();
    const width = Math.min(380, window.innerWidth - 16);
    setOpen({
      ids,
      mark,
      top: rect.bottom + window.scrollY + 6,
      left: Math.max(8, Math.min(rect.left + window.scrollX, window.scrollX + window.innerWidth - width - 8)),
    });
  }, []);

  const close = useCallback((refocus: boolean) => {
    setOpen((current) => {
      if (refocus) current?.mark.focus();
      return null;
    });
  }, []);

  // An evidence link (?span=) lands on its words.
  useEffect(() => {
    const target = document.getElementById("span-start");
    if (!target) return;
    target.scrollIntoView({ block: "center" });
    target.focus({ preventScroll: true });
  }, []);

  useEffect(() => {
    const root = document.getElementById(textId);
    if (!root) return;
    const marks = () => [...root.querySelectorAll<HTMLElement>("mark[data-a]")];
    const onClick = (e: MouseEvent) => {
      const mark = (e.target as Element).closest<HTMLElement>("mark[data-a]");
      if (mark) show(mark);
    };
    const onKey = (e: KeyboardEvent) => {
      const current = (e.target as Element).closest<HTMLElement>("mark[data-a]");
      if ((e.key === "Enter" || e.key === " ") && current) {
        e.preventDefault();
        show(current);
        return;
      }
      if (e.key !== "ArrowRight" && e.key !== "ArrowLeft") return;
      const all = marks();
      if (all.length === 0) return;
      e.preventDefault();
      const at = current ? all.indexOf(current) : -1;
      const next = e.key === "ArrowRight" ? (all[at + 1] ?? all[0]) : (all[at - 1] ?? all[all.length - 1]);
      next?.focus();
    };
    root.addEventListener("click", onClick);
    root.addEventListener("keydown", onKey);
    return () => {
      root.removeEventListener("click", onClick);
      root.removeEventListener("keydown", onKey);
    };
  }, [textId, show]);

  useEffect(() => {
    if (!open) return;
    cardRef.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") close(true);
    };
    const onDown = (e: MouseEvent) => {
      const target = e.target as Node;
      if (!cardRef.current?.contains(target) && !open.mark.contains(target)) close(false);
    };
    document.addEventListener("keydown", onKey);
    document.addEventListener("mousedown", onDown);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("mousedown", onDown);
    };
  }, [open, close]);

  if (!open) return null;
  const items = open.ids.map((i) => records[i]).filter((r): r is ReaderRecord => r !== undefined);
  return createPortal(
    <div
      ref={cardRef}
      role="dialog"
      aria-label="Records for these words"
      tabIndex={-1}
      className="absolute z-50 flex max-h-[60vh] w-[min(380px,calc(100vw-16px))] flex-col gap-2 overflow-y-auto rounded-lg border bg-card p-3 text-sm shadow-lg"
      style={{ top: open.top, left: open.left }}
    >
      <div className="flex items-center justify-between gap-2">
        <p className="text-xs font-medium text-muted-foreground">
          {items.length === 1 ? "1 record rests on these words" : `${items.length} records rest on these words`}
        </p>
        <button
          type="button"
          onClick={() => close(true)}
          className="rounded px-1.5 text-muted-foreground hover:bg-muted"
          aria-label="Close"
        >
          ×
        </button>
      </div>
      <ul className="flex flex-col gap-2">
        {items.map(([type, start, end, label, href]) => (
          <li key={`${type}:${start}:${end}:${href}`} className="flex flex-col gap-0.5 border-t pt-2">
            <span className="flex items-center gap-1.5 text-xs text-muted-foreground">
              <span aria-hidden className={`inline-block size-2 rounded-full ${SWATCH[type] ?? ""}`} />
              {TYPE_LABELS[type] ?? type}
            </span>
            <Link href={href} className="font-medium text-primary hover:underline">
              {label}
            </Link>
            <Link href={`${spanBase}span=${start}-${end}`} className="text-xs text-muted-foreground hover:underline">
              Link to these words ({start}–{end})
            </Link>
          </li>
        ))}
      </ul>
    </div>,
    document.body,
  );
}
