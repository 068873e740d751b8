/**
 * Import time (prints figures; not a test). Each run imports into a fresh embedded database
 * (PGlite, in memory), timed from the file's bytes to the committed transaction:
 * 1) the seeded atlas's JSON export into an empty atlas (every record new), and into the atlas
 *    it came from (every record matched); its STIX export into an empty atlas (every object a
 *    suggestion for review);
 * 2) 10,000 synthetic events (the curated events repeated under new ids) as JSON and as STIX.
 * Figures are medians of several runs for the seeded atlas, one run for the large file.
 *
 *   npx tsx --conditions=@atlas/source bench/import.ts [events=10000]
 */
import type { Dataset } from "@atlas/schema";
import { buildDataset } from "../src/annotations/load.js";
import { type Database, openDatabase } from "../src/db/client.js";
import { formatDataset } from "../src/export/index.js";
import { importFile } from "../src/import/index.js";
import type { ImportReport } from "../src/import/types.js";
import { exportDataset } from "../src/queries/export.js";
import { seedDatabase } from "../src/seed/seed.js";
import { synthetic } from "./synthetic.js";

const EVENTS = Number(process.argv[2] ?? 10_000);
const RUNS = 3;

const sum = (c: Record<string, number>) => Object.values(c).reduce((a, b) => a + b, 0);

/** Median time of importing `content` into a database `prepare` makes, fresh for each run. */
async function timed(content: string, prepare: () => Promise<Database>, runs: number) {
  const times: number[] = [];
  let report: ImportReport | null = null;
  for (let i = 0; i < runs; i++) {
    const database = await prepare();
    const t0 = performance.now();
    report = await importFile(database.db, { content, fileName: `bench-${i}.json` });
    times.push(performance.now() - t0);
    await database.close();
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(runs / 2)] as number, report: report as ImportReport };
}

function row(what: string, content: string, { ms, report }: Awaited<ReturnType<typeof timed>>) {
  const mb = (Buffer.byteLength(content) / 1024 / 1024).toFixed(2);
  const records = sum(report.read);
  console.log(
    `  ${what.padEnd(34)} ${mb.padStart(6)} MB ${records.toLocaleString("en-US").padStart(7)} read ${(ms / 1000).toFixed(2).padStart(7)} s ` +
      `· matched ${sum(report.matched)}, new ${sum(report.added)}, for review ${sum(report.suggested)}`,
  );
}

const empty = () => openDatabase({ memory: true, url: null });
const { dataset } = buildDataset();
const seededWith = (d: Dataset) => async () => {
  const database = await empty();
  await seedDatabase(database, d);
  return database;
};

const source = await seededWith(dataset)();
const exported = await exportDataset(source.db);
await source.close();
const json = formatDataset(exported, "json");
const stix = formatDataset(exported, "stix");
console.log(
  `seeded atlas (${dataset.events.length} events, ${dataset.actors.length} actors, ${dataset.claims.length} claims), into PGlite, median of ${RUNS}:`,
);
row("JSON into an empty atlas", json, await timed(json, empty, RUNS));
// Another file of the same records (a different hash), so it is not refused as imported before.
const again = `${json}\n`;
row("JSON into the atlas it came from", again, await timed(again, seededWith(dataset), RUNS));
row("STIX into an empty atlas", stix, await timed(stix, empty, RUNS));

const big = synthetic(exported, EVENTS);
const bigJson = formatDataset(big, "json");
const bigStix = formatDataset(big, "stix");
console.log(`\n${EVENTS.toLocaleString("en-US")} synthetic events, into PGlite, one run:`);
row("JSON into an empty atlas", bigJson, await timed(bigJson, empty, 1));
row("STIX into an empty atlas", bigStix, await timed(bigStix, empty, 1));
console.log(`  peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
