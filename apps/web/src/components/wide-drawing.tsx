/**
 * A drawing (the graph, the map) that keeps its labels readable on a narrow screen: below its
 * minimum width it scrolls sideways instead of shrinking its text to a few pixels. The scrolling
 * region is a tab stop, so a keyboard can scroll it too.
 */
import type { ReactNode } from "react";
import { cn } from "@/lib/utils";
import { CentreScroll } from "./centre-scroll";

export function WideDrawing({
  label,
  className,
  children,
  fit = false,
  centre = false,
}: {
  label: string;
  className?: string;
  children: ReactNode;
  /** Shrink to the screen instead of scrolling (a drawing legible at any width). */
  fit?: boolean;
  /** Open scrolled to the middle, where the drawing's centre of interest is. */
  centre?: boolean;
}) {
  const id = label.replace(/\W+/g, "-").toLowerCase();
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard.
    <section id={id} tabIndex={0} aria-label={label} className={cn("overflow-x-auto rounded-lg border", className)}>
      <div className={fit ? "min-w-0" : "min-w-[44rem]"}>{children}</div>
      {centre && !fit && <CentreScroll targetId={id} />}
    </section>
  );
}

/** Said under a drawing on a narrow screen only. */
export const SCROLL_HINT = "On a narrow screen, scroll the drawing sideways.";
