/** The ingest progress line: only on a terminal, only once the work is slow, redrawn in place, cleared at the end. */
import { describe, expect, it, vi } from "vitest";
import { progressLine, startProgress } from "./progress.js";

function terminal(isTTY = true) {
  const writes: string[] = [];
  return { isTTY, columns: 120, writes, write: (t: string) => writes.push(t) };
}

describe("ingest progress", () => {
  it("says the phase, how far, and for how long; over HTTP a spinner and the time", () => {
    expect(
      progressLine("ingesting a.txt (2.0 MB)", { phase: "analyze", done: 1_250_000, total: 2_500_000 }, 3400, 0),
    ).toBe("⠋ ingesting a.txt (2.0 MB): finding suggestions 50% of 2.5 M characters · 3 s");
    expect(progressLine("ingesting a.txt", { phase: "write", done: 40, total: 1200 }, 500, 1)).toBe(
      "⠙ ingesting a.txt: writing 3% of 1,200 rows · 0 s",
    );
    expect(
      progressLine(
        "importing atlas.json (11 MB)",
        { phase: "match", done: 5000, total: 20_000, matched: 1200, added: 3700, suggested: 100 },
        2100,
        3,
      ),
    ).toBe(
      "⠸ importing atlas.json (11 MB): matching 25% of 20,000 records · 1,200 matched, 3,700 new, 100 for review · 2 s",
    );
    expect(progressLine("sending a.txt (2.0 MB) to the API", null, 12_000, 2)).toBe(
      "⠹ sending a.txt (2.0 MB) to the API… 12 s",
    );
  });

  it("writes nothing when stderr is not a terminal", () => {
    const t = terminal(false);
    const p = startProgress("x", t, { delayMs: 0, now: () => 1000 });
    p.update({ phase: "read", done: 1, total: 2 });
    p.stop();
    expect(t.writes).toEqual([]);
  });

  it("stays quiet for quick work, then redraws one line in place and clears it", () => {
    vi.useFakeTimers();
    try {
      let now = 0;
      const t = terminal();
      const p = startProgress("ingesting big.txt", t, { delayMs: 300, intervalMs: 100, now: () => now });
      now = 100;
      p.update({ phase: "read", done: 10, total: 10 });
      expect(t.writes).toEqual([]);
      // The analysis calls update() synchronously: updates draw without waiting for the timer.
      now = 400;
      p.update({ phase: "analyze", done: 500, total: 1000 });
      expect(t.writes).toEqual([
        "\r\u001B[2Katlas: ⠋ ingesting big.txt: finding suggestions 50% of 1,000 characters · 0 s",
      ]);
      now = 1500;
      vi.advanceTimersByTime(100);
      expect(t.writes.at(-1)).toBe(
        "\r\u001B[2Katlas: ⠙ ingesting big.txt: finding suggestions 50% of 1,000 characters · 1 s",
      );
      p.stop();
      expect(t.writes.at(-1)).toBe("\r\u001B[2K");
      expect(t.writes).toHaveLength(3);
    } finally {
      vi.useRealTimers();
    }
  });
});
