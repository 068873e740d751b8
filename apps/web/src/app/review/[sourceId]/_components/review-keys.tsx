"use client";
/**
 * Reviewing by keyboard, as in the terminal: j/k move between suggestions, n/p to the next or
 * previous one still waiting, and on the focused one a accepts, r rejects, e edits, m adds it to
 * the event or relation the atlas holds, c makes a new one, 1–9 accept a mention as that
 * candidate; A goes to the "accept all" control of its kind. The keys press the card's own
 * buttons (their `data-key`), so they do exactly what a click does, and never fire while typing
 * in a field. When a reviewed card loses its buttons, focus moves on to the next one waiting.
 */
import { useEffect } from "react";

const CARD = "article[data-suggestion]";
const WAITING = "article[data-suggestion][data-status='suggested']";

const typing = (t: EventTarget | null) =>
  t instanceof HTMLElement && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));

function currentCard(): HTMLElement | null {
  return document.activeElement instanceof HTMLElement ? document.activeElement.closest<HTMLElement>(CARD) : null;
}

function focusCard(card: Element | undefined) {
  if (!(card instanceof HTMLElement)) return false;
  card.focus();
  card.scrollIntoView({ block: "nearest" });
  return true;
}

/** The next (or previous) card matching `selector` from the focused one, or the first (last). */
function step(selector: string, by: 1 | -1) {
  const all = [...document.querySelectorAll(CARD)];
  const here = currentCard();
  const from = here ? all.indexOf(here) : by > 0 ? -1 : all.length;
  for (let i = from + by; i >= 0 && i < all.length; i += by) {
    if ((all[i] as Element).matches(selector)) return focusCard(all[i]);
  }
  return false;
}

export function ReviewKeys() {
  useEffect(() => {
    let last: HTMLElement | null = null;
    const onFocus = () => {
      last = currentCard() ?? last;
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || typing(e.target)) return;
      const card = currentCard();
      let done = false;
      if (e.key === "j") done = step(CARD, 1);
      else if (e.key === "k") done = step(CARD, -1);
      else if (e.key === "n") done = step(WAITING, 1);
      else if (e.key === "p") done = step(WAITING, -1);
      else if (e.key === "A" && card) {
        const control = document.querySelector<HTMLElement>(
          `[data-accept-all='${card.dataset.kind}'] input, [data-accept-all='${card.dataset.kind}'] button`,
        );
        control?.focus();
        done = Boolean(control);
      } else if (card && /^[arecm1-9]$/.test(e.key)) {
        const button =
          card.querySelector<HTMLElement>(`[data-key='${e.key}']`) ??
          (e.key === "a" ? card.querySelector<HTMLElement>("[data-current]") : null);
        button?.click();
        done = Boolean(button);
      }
      if (done) e.preventDefault();
    };
    // A card whose review is done re-renders without its buttons: move on to the next one waiting.
    const observer = new MutationObserver((changes) => {
      for (const c of changes) {
        const card = c.target as HTMLElement;
        if (card !== last || !card.matches(CARD) || card.dataset.status === "suggested") continue;
        const focus = document.activeElement;
        if (focus && focus !== document.body && !card.contains(focus)) continue;
        const waiting = [...document.querySelectorAll(WAITING)];
        const next = waiting.find((w) => card.compareDocumentPosition(w) & Node.DOCUMENT_POSITION_FOLLOWING);
        if (!focusCard(next ?? waiting[0])) focusCard(card);
      }
    });
    observer.observe(document.body, { subtree: true, attributes: true, attributeFilter: ["data-status"] });
    document.addEventListener("focusin", onFocus);
    document.addEventListener("keydown", onKey);
    return () => {
      observer.disconnect();
      document.removeEventListener("focusin", onFocus);
      document.removeEventListener("keydown", onKey);
    };
  }, []);
  return (
    <p className="hidden text-xs text-muted-foreground sm:block" data-testid="review-keys">
      Keys: <kbd>j</kbd>/<kbd>k</kbd> move · <kbd>n</kbd>/<kbd>p</kbd> next or previous waiting · <kbd>a</kbd> accept ·{" "}
      <kbd>r</kbd> reject · <kbd>e</kbd> edit · <kbd>m</kbd> add to the atlas’s event or relation · <kbd>c</kbd> a new
      one · <kbd>1</kbd>–<kbd>9</kbd> accept a mention as that actor · <kbd>A</kbd> accept all of the kind.
    </p>
  );
}
