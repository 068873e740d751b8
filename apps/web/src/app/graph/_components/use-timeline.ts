/**
 * The network at a chosen month: the month (null for all dates), whether relations the sources do
 * not date are kept, playback through the months, and which relations and actors that leaves drawn.
 * The month and the undated choice live in the URL, so the view can be shared.
 */
import { useEffect, useMemo, useState } from "react";
import { holdsIn, monthAt, monthNumber, monthSpan } from "@/lib/graph-time";
import type { ExplorerRelation } from "./graph-data";

const PLAY_MS = 350;

export function useTimeline({
  relations,
  at,
  showUndated,
  ready,
}: {
  relations: ExplorerRelation[];
  /** The month the page was asked for (?at=). */
  at: string | undefined;
  showUndated: boolean;
  /** Whether the canvas is up: until then the URL is left as the page had it. */
  ready: boolean;
}) {
  const [month, setMonth] = useState<string | null>(at ?? null);
  const [undated, setUndated] = useState(showUndated);
  const [playing, setPlaying] = useState(false);
  const span = useMemo(() => monthSpan(relations.map((r) => ({ ...r, time: r.when }))), [relations]);

  // Playback: the month moves on until the last one.
  useEffect(() => {
    if (!playing || !span) return;
    const step = Math.max(1, Math.round((span.last - span.first) / 120));
    const timer = setInterval(() => {
      setMonth((m) => {
        const next = Math.min(span.last, (m ? monthNumber(m) : span.first) + step);
        if (next >= span.last) setPlaying(false);
        return monthAt(next);
      });
    }, PLAY_MS);
    return () => clearInterval(timer);
  }, [playing, span]);

  useEffect(() => {
    if (!ready) return;
    const url = new URL(window.location.href);
    if (month) url.searchParams.set("at", month);
    else url.searchParams.delete("at");
    if (undated) url.searchParams.delete("undated");
    else url.searchParams.set("undated", "hide");
    window.history.replaceState(window.history.state, "", url);
  }, [ready, month, undated]);

  return { span, month, setMonth, undated, setUndated, playing, setPlaying };
}

/**
 * The relations drawn: both ends on screen and, at a month, holding then (or undated, when those
 * are kept); and the actors on screen with none of them, drawn faint.
 */
export function useDrawn({
  relations,
  shownIds,
  shown,
  month,
  undated,
}: {
  relations: ExplorerRelation[];
  shownIds: string[];
  shown: ReadonlySet<string>;
  month: string | null;
  undated: boolean;
}) {
  const visible = useMemo(
    () =>
      relations.filter((r) => {
        if (!shown.has(r.from) || !shown.has(r.to)) return false;
        if (month === null) return true;
        const holding = holdsIn({ ...r, time: r.when }, month);
        return holding === "holds" || (holding === "undated" && undated);
      }),
    [relations, shown, month, undated],
  );
  const faded = useMemo(() => {
    if (month === null) return new Set<string>();
    const tied = new Set(visible.flatMap((r) => [r.from, r.to]));
    return new Set(shownIds.filter((id) => !tied.has(id)));
  }, [month, visible, shownIds]);
  return { visible, faded };
}
