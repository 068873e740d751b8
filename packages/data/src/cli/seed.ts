// `pnpm seed`: validates the corpus and annotations, then writes them to the database in one
// transaction (PGlite by default, PostgreSQL when DATABASE_URL is set). `--force` rewrites even
// when the database already holds this exact dataset. An atlas kept empty (ATLAS_SEED=none, or
// created so) is refused: ATLAS_SEED=curated adds the corpus to it.
import { AnnotationError } from "../annotations/errors.js";
import { buildDataset } from "../annotations/load.js";
import { openDatabase } from "../db/client.js";
import { DatabaseLockedError } from "../db/lock.js";
import { seedDatabase, seedModeOf } from "../seed/seed.js";

const force = process.argv.includes("--force");
const started = performance.now();
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)}s`;

let built: ReturnType<typeof buildDataset>;
try {
  built = buildDataset();
} catch (e) {
  if (e instanceof AnnotationError) {
    console.error(`seed refused; the database was not touched.\n${e.message}`);
    process.exit(1);
  }
  throw e;
}
console.log(`validated ${built.dataset.sources.length} sources and their annotations (${elapsed()})`);

try {
  const database = await openDatabase();
  console.log(`opened ${database.engine} at ${database.location} (${elapsed()})`);
  try {
    if ((await seedModeOf(database)) === "none") {
      console.error(
        "This atlas is kept without the curated corpus (ATLAS_SEED=none, or it was created so); nothing was written. Set ATLAS_SEED=curated to add the curated documents to it.",
      );
      process.exitCode = 1;
    } else {
      const report = await seedDatabase(database, built.dataset, {
        force,
        onProgress: ({ table, done, total }) => {
          if (done === total) console.log(`  ${table.padEnd(16)} ${String(total).padStart(6)} rows`);
        },
      });
      if (report.skipped)
        console.log("the database already holds this dataset; nothing to do (use --force to rewrite)");
      else console.log(`seeded in one transaction (${elapsed()} in all)`);
    }
  } finally {
    await database.close();
  }
} catch (e) {
  if (e instanceof DatabaseLockedError) {
    console.error(e.message);
    process.exit(1);
  }
  console.error(`seed failed; the transaction was rolled back and the database is unchanged.\n${(e as Error).message}`);
  process.exit(1);
}
