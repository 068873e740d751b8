/**
 * Export time per format (prints figures; not a test). 1) The seeded atlas: `exportAs` on an
 * embedded database holding the curated dataset — reading it back and formatting — for JSON,
 * STIX, CSV and FtM. 2) 10,000 synthetic events (the curated events repeated under new ids,
 * with their participants, places, fatalities and evidence): formatting alone, per format.
 * Each figure is the median of several runs after a warm-up.
 *
 *   npx tsx --conditions=@atlas/source bench/export.ts [events=10000]
 */
import { buildDataset } from "../src/annotations/load.js";
import { openDatabase } from "../src/db/client.js";
import { EXPORT_FORMATS, type ExportFormat, exportAs, formatDataset } from "../src/export/index.js";
import { seedDatabase } from "../src/seed/seed.js";
import { synthetic } from "./synthetic.js";

const EVENTS = Number(process.argv[2] ?? 10_000);
const FORMATS = Object.keys(EXPORT_FORMATS) as ExportFormat[];
const RUNS = 5;

async function median(work: () => Promise<number> | number): Promise<{ ms: number; bytes: number }> {
  let bytes = await work(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    bytes = await work();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(RUNS / 2)] as number, bytes };
}

const row = (format: string, { ms, bytes }: { ms: number; bytes: number }) =>
  `  ${format.padEnd(5)} ${ms.toFixed(1).padStart(8)} ms ${(bytes / 1024 / 1024).toFixed(2).padStart(8)} MB`;

const { dataset } = buildDataset();
const database = await openDatabase({ memory: true, url: null });
await seedDatabase(database, dataset);
console.log(
  `seeded atlas (${dataset.events.length} events, ${dataset.actors.length} actors, ${dataset.claims.length} claims, ${dataset.sources.length} sources), exportAs on PGlite: read + format, median of ${RUNS}:`,
);
for (const format of FORMATS) {
  console.log(row(format, await median(async () => Buffer.byteLength((await exportAs(database.db, format)).body))));
}
await database.close();

const big = synthetic(dataset, EVENTS);
console.log(`\n${EVENTS.toLocaleString("en-US")} synthetic events, formatting only, median of ${RUNS}:`);
for (const format of FORMATS) {
  console.log(row(format, await median(() => Buffer.byteLength(formatDataset(big, format)))));
}
