/**
 * Progress of a long ingest or import on stderr, on one line rewritten in place — only when stderr is a
 * terminal, and only once the work has taken long enough to be worth a line (small documents
 * finish before it would appear). In-process the phases come from the ingest itself; over
 * HTTP the server answers only when done, so the line is a spinner with the time taken.
 */
import type { ImportProgress, IngestProgress } from "../data.js";

/** What an ingest or an import reports as it goes; an import adds its running tally. */
export type WorkProgress = IngestProgress | ImportProgress;

const SPINNER = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];

const PHASES: Record<WorkProgress["phase"], { doing: string; unit: string }> = {
  read: { doing: "reading", unit: "bytes" },
  check: { doing: "checking", unit: "records" },
  match: { doing: "matching", unit: "records" },
  extract: { doing: "extracting the text", unit: "characters" },
  analyze: { doing: "finding suggestions", unit: "characters" },
  write: { doing: "writing", unit: "rows" },
};

/** 1234 → "1,234"; 2_500_000 → "2.5 M". */
export function amount(n: number): string {
  if (n >= 1_000_000) return `${(n / 1_000_000).toFixed(1)} M`;
  return n.toLocaleString("en-US");
}

export function sizeLabel(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} bytes`;
}

/** The line shown: what is happening, how far (when known), and for how long. */
export function progressLine(what: string, p: WorkProgress | null, elapsedMs: number, tick: number): string {
  const spin = SPINNER[tick % SPINNER.length];
  const seconds = `${Math.floor(elapsedMs / 1000)} s`;
  if (!p) return `${spin} ${what}… ${seconds}`;
  const { doing, unit } = PHASES[p.phase];
  const share =
    p.total > 0 ? ` ${Math.min(100, Math.floor((100 * p.done) / p.total))}% of ${amount(p.total)} ${unit}` : "";
  const tally =
    "matched" in p && p.matched + p.added + p.suggested > 0
      ? ` · ${amount(p.matched)} matched, ${amount(p.added)} new, ${amount(p.suggested)} for review`
      : "";
  return `${spin} ${what}: ${doing}${share}${tally} · ${seconds}`;
}

export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

export interface Progress {
  update(p: WorkProgress): void;
  stop(): void;
}

export function startProgress(
  what: string,
  stream: ProgressStream = process.stderr,
  { delayMs = 300, intervalMs = 100, now = () => Date.now() } = {},
): Progress {
  if (!stream.isTTY) return { update: () => {}, stop: () => {} };
  const started = now();
  let latest: WorkProgress | null = null;
  let tick = 0;
  let shown = false;
  let drawnAt = Number.NEGATIVE_INFINITY;
  const draw = () => {
    const t = now();
    // The analysis runs synchronously and calls update() as it goes: the timer alone would
    // not fire until it is done, so updates draw too, at most once an interval.
    if (t - started < delayMs || t - drawnAt < intervalMs / 2) return;
    drawnAt = t;
    const line = `atlas: ${progressLine(what, latest, now() - started, tick++)}`;
    const width = Math.max(20, (stream.columns ?? 80) - 1);
    stream.write(`\r\u001B[2K${Array.from(line).slice(0, width).join("")}`);
    shown = true;
  };
  const timer = setInterval(draw, intervalMs);
  return {
    update: (p) => {
      latest = p;
      draw();
    },
    stop: () => {
      clearInterval(timer);
      if (shown) stream.write("\r\u001B[2K");
    },
  };
}
