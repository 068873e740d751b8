/**
 * Suggestion-pipeline throughput on large synthetic documents built from the corpus's own
 * sentences (shuffled into paragraphs with a fixed seed): 1, 4, 16 and 64 MB of text, or 1, 2,
 * 4 MB with --quick. Prints MB/s per size and how time grows with size: linear work keeps MB/s
 * flat, so the time ratio should track the size ratio. A measurement, not a test.
 *
 *   npx tsx --conditions=@atlas/source bench/ingest.ts [--quick] [--sizes=1,4,16,64]
 */
import { buildDataset } from "../src/annotations/load.js";
import { classifyText } from "../src/ingest/blocks.js";
import { suggest } from "../src/ingest/suggest/index.js";
import { corpusSentences, syntheticDocument as document } from "../src/testing/synthetic.js";

const MB = 1024 * 1024;
const arg = process.argv.find((a) => a.startsWith("--sizes="));
const sizes = arg ? arg.slice(8).split(",").map(Number) : process.argv.includes("--quick") ? [1, 2, 4] : [1, 4, 16, 64];

const { dataset } = buildDataset();
const pool = corpusSentences();

const actors = dataset.actors.map((a) => ({ id: a.id, name: a.name, aliases: a.aliases }));
const published = { edtf: "2021-03-15", precision: "day" as const, basis: "explicit" as const };

// Warm-up: let the JIT compile the pipeline first, so the smallest size is not mostly compile time.
{
  const text = document(1);
  suggest({
    text,
    segments: classifyText(text, null).blocks.map((b) => ({ ...b, article: true })),
    published,
    actors,
    places: dataset.places,
  });
}

console.log(`corpus: ${pool.length} sentences from ${dataset.sources.length} documents; ${actors.length} known actors`);
console.log("size         chars   wall ms   MB/s (wall)   MB/s (CPU)   suggestions (mention/actor/date/statement)");
const results: { mb: number; ms: number; mbps: number; cpuMbps: number }[] = [];
for (const mb of sizes) {
  const text = document(mb);
  const { blocks } = classifyText(text, null);
  const segments = blocks.map((b) => ({ ...b, article: true }));
  (globalThis as { gc?: () => void }).gc?.();
  const started = performance.now();
  const cpu = process.cpuUsage();
  const { drafts } = suggest({ text, segments, published, actors, places: dataset.places });
  const used = process.cpuUsage(cpu);
  const ms = performance.now() - started;
  const cpuMs = (used.user + used.system) / 1000;
  const chars = text.length / MB;
  const mbps = chars / (ms / 1000);
  const cpuMbps = chars / (cpuMs / 1000);
  const count = (k: string) => drafts.filter((d) => d.kind === k).length;
  results.push({ mb, ms, mbps, cpuMbps });
  console.log(
    `${`${mb} MB`.padEnd(8)} ${String(text.length).padStart(10)} ${ms.toFixed(0).padStart(9)} ${mbps.toFixed(2).padStart(13)} ${cpuMbps.toFixed(2).padStart(12)}   ${count("mention")}/${count("actor")}/${count("date")}/${count("statement")}`,
  );
}
console.log("");
for (let i = 1; i < results.length; i++) {
  const [a, b] = [results[i - 1], results[i]] as [(typeof results)[number], (typeof results)[number]];
  console.log(
    `${b.mb} MB vs ${a.mb} MB: ${(b.mb / a.mb).toFixed(0)}× the text, ${(b.ms / a.ms).toFixed(2)}× the wall time; CPU throughput ratio ${(b.cpuMbps / a.cpuMbps).toFixed(2)} (1.00 = linear)`,
  );
}
const first = results[0];
const last = results.at(-1);
if (first && last && last !== first) {
  console.log(
    `overall ${last.mb} MB vs ${first.mb} MB: throughput ratio ${(last.mbps / first.mbps).toFixed(2)} wall, ${(last.cpuMbps / first.cpuMbps).toFixed(2)} CPU (1.00 = perfectly linear; CPU time is steadier than wall time on a shared machine)`,
  );
}
