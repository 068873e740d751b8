/**
 * A drawing (the graph, the map) that keeps its labels readable on a narrow screen: below its
 * minimum width it scrolls sideways instead of shrinking its text to a few pixels. The scrolling
 * region is a tab stop, so a keyboard can scroll it too.
 */
import type { ReactNode } from "react";
import { cn } from "@/lib/utils";

export function WideDrawing({
  label,
  className,
  children,
}: {
  label: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard.
    <section tabIndex={0} aria-label={label} className={cn("overflow-x-auto rounded-lg border", className)}>
      <div className="min-w-[44rem]">{children}</div>
    </section>
  );
}

/** Said under a drawing on a narrow screen only. */
export const SCROLL_HINT = "On a narrow screen, scroll the drawing sideways.";
