/**
 * Benchmark (prints figures; a test guards the goal): search quality on forty analyst queries
 * over the curated corpus — the share whose expected result comes first, and precision at 5.
 *
 *   tsx --conditions=@atlas/source bench/search-quality.ts [--all]   (--all lists every query)
 */
import { openDatabase } from "../src/db/client.js";
import { seedFromFiles } from "../src/seed/seed.js";
import { JUDGED_QUERIES, PRECISION_GOAL, RANK, scoreSearch } from "./search-queries.js";

const database = await openDatabase({ memory: true, url: null });
try {
  await seedFromFiles(database);
  const { scores, firstRate, precision } = await scoreSearch(database.db);
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  console.log(`search quality, ${JUDGED_QUERIES.length} analyst queries on the curated corpus (PGlite):`);
  console.log(
    `  expected result first        ${scores.filter((s) => s.firstOk).length}/${scores.length} (${pct(firstRate)})`,
  );
  console.log(`  precision at ${RANK}               ${precision.toFixed(3)} (goal ≥ ${PRECISION_GOAL})`);
  const shown = process.argv.includes("--all") ? scores : scores.filter((s) => !s.firstOk || s.precision < 1);
  for (const s of shown) {
    console.log(
      `  ${s.firstOk ? "first ok " : "FIRST MISS"} p@${RANK} ${s.precision.toFixed(2)}  ${s.query.type} “${s.query.q}” → ${s.top.join(", ") || "(nothing)"}`,
    );
  }
} finally {
  await database.close();
}
