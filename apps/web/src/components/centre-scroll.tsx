"use client";
/** Scrolls a sideways-scrolling drawing to its middle once, on a screen too narrow to show it whole. */
import { useEffect } from "react";

export function CentreScroll({ targetId }: { targetId: string }) {
  useEffect(() => {
    const el = document.getElementById(targetId);
    if (el && el.scrollWidth > el.clientWidth) el.scrollLeft = (el.scrollWidth - el.clientWidth) / 2;
  }, [targetId]);
  return null;
}
