/**
 * An ingest's analysis on its own thread: the same result as in-process (its suggestions crossing
 * in parts), progress reported as it goes, and a step that runs past its limit stopped and refused.
 */
import { describe, expect, it } from "vitest";
import { makePdf } from "../testing/documents.js";
import { syntheticDocument } from "../testing/synthetic.js";
import {
  analyzerThread,
  DRAFTS_PER_MESSAGE,
  inProcess,
  keepAnalysisWarm,
  suggestLimit,
  TIME_LIMITS,
} from "./analyze-thread.js";
import { IngestError } from "./errors.js";
import type { IngestProgress } from "./types.js";

const text = syntheticDocument(0.2, 5);
const given = { title: "A compilation", published: "2021-03-01" };
const known = { actors: [{ id: "kataib-hezbollah", name: "Kataib Hezbollah", aliases: [] }], places: [] };

describe("the analysis thread", () => {
  it("reads and analyzes a document as in-process does, reporting progress from the thread", async () => {
    const thread = analyzerThread();
    try {
      const progress: IngestProgress[] = [];
      const read = await thread.read(text, given, (p) => progress.push(p));
      expect(read).toEqual(await inProcess.read(text, given));
      const input = { text: read.prepared.text, segments: read.prepared.segments, published: null, ...known };
      const found = await thread.suggest(input, (p) => progress.push(p));
      expect(found).toEqual(await inProcess.suggest(input));
      // They crossed in several parts, each asked for in turn, and none was lost or reordered.
      expect(found.drafts.length).toBeGreaterThan(2 * DRAFTS_PER_MESSAGE);
      expect(found.drafts.some((d) => d.kind === "mention")).toBe(true);
      expect(new Set(progress.map((p) => p.phase))).toEqual(new Set(["read", "extract", "analyze"]));
    } finally {
      await thread.close();
    }
  });

  it("reads a PDF on the thread as in-process, with its pages", async () => {
    const pdf = makePdf([[{ x: 72, y: 700, text: "Kataib Hezbollah denied the attack, its spokesman said." }]]);
    const thread = analyzerThread();
    try {
      const read = await thread.read(pdf, {});
      expect(read).toEqual(await inProcess.read(pdf, {}));
      expect(read.prepared).toMatchObject({ format: "pdf", pageCount: 1 });
    } finally {
      await thread.close();
    }
  });

  it("refuses, with a message, what it cannot read; and a document whose analysis runs past its limit", async () => {
    const thread = analyzerThread({ ...TIME_LIMITS, suggest: 1, suggestPerMb: 0 });
    try {
      const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      await expect(thread.read(png, {})).rejects.toMatchObject({ code: "binary" });
      const read = await thread.read(text, given);
      const stopped = await thread
        .suggest({ text: read.prepared.text, segments: read.prepared.segments, published: null, ...known })
        .catch((e: unknown) => e);
      expect(stopped).toBeInstanceOf(IngestError);
      expect(stopped).toMatchObject({ code: "too_complex", message: expect.stringContaining("took longer than") });
    } finally {
      await thread.close();
    }
  });

  it("gives a larger text more time to find its suggestions, within a bound", () => {
    const small = suggestLimit(TIME_LIMITS, "A short article.");
    const largest = suggestLimit(TIME_LIMITS, "x".repeat(16_000_000));
    expect(small).toBeGreaterThanOrEqual(TIME_LIMITS.suggest);
    expect(small).toBeLessThan(TIME_LIMITS.suggest + 1000);
    // 16 MB takes about 160 s on an idle core of the 2-core machine, twice that on a busy one.
    expect(largest).toBeGreaterThan(3 * 320_000);
    expect(largest).toBeLessThan(30 * 60_000);
  });

  it("refuses, with a message, a document whose analysis needs more memory than an ingest may use", async () => {
    const thread = analyzerThread({ ...TIME_LIMITS, memoryMb: 64 });
    try {
      const read = await thread.read(syntheticDocument(12, 9), given);
      const stopped = await thread
        .suggest({ text: read.prepared.text, segments: read.prepared.segments, published: null, ...known })
        .catch((e: unknown) => e);
      expect(stopped).toBeInstanceOf(IngestError);
      expect(stopped).toMatchObject({ code: "too_complex", message: expect.stringContaining("64 MB of memory") });
    } finally {
      await thread.close();
    }
  });

  // Last: from here on this file's threads are started ahead (as the API's are).
  it("kept warm, each ingest in turn still gets a thread of its own that reads as in-process does", async () => {
    keepAnalysisWarm();
    const pdf = makePdf([[{ x: 72, y: 700, text: "Kataib Hezbollah denied the attack, its spokesman said." }]]);
    for (let i = 0; i < 2; i++) {
      const thread = analyzerThread();
      try {
        expect(await thread.read(pdf, {})).toEqual(await inProcess.read(pdf, {}));
      } finally {
        await thread.close();
      }
    }
  });
});
