/**
 * Large synthetic documents for benchmarks: the corpus's own article sentences, shuffled into
 * paragraphs with a fixed seed, so every run reads the same realistic English (names, dates,
 * quotations) and the figures compare across runs.
 */
import { buildDataset } from "../annotations/load.js";
import { sentences } from "../ingest/suggest/sentences.js";

const MB = 1024 * 1024;

/** A deterministic pseudo-random sequence (mulberry32). */
export function seededRandom(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let pool: string[] | null = null;

/** Every body sentence of the curated corpus. */
export function corpusSentences(): string[] {
  if (!pool) {
    const { dataset } = buildDataset();
    pool = dataset.sources.flatMap((s) =>
      s.segments
        .filter((seg) => seg.role === "body")
        .flatMap((seg) => sentences(s.text, seg.start, seg.end).map(([a, b]) => s.text.slice(a, b))),
    );
  }
  return pool;
}

/** About `megabytes` MB of text: a title line, then paragraphs of 2–6 corpus sentences. */
export function syntheticDocument(
  megabytes: number,
  seed = megabytes,
  title = "Militias in Iraq: a synthetic compilation",
): string {
  const next = seededRandom(seed);
  const from = corpusSentences();
  const paragraphs: string[] = [title];
  let length = title.length;
  while (length < megabytes * MB) {
    const n = 2 + Math.floor(next() * 5);
    const paragraph = Array.from({ length: n }, () => from[Math.floor(next() * from.length)]).join(" ");
    paragraphs.push(paragraph);
    length += paragraph.length + 2;
  }
  return paragraphs.join("\n\n");
}
