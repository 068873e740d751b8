// `pnpm --silent export:json > dataset.json`: the curated dataset as one JSON document valid
// against @atlas/schema's Dataset. Built from the corpus and annotations; needs no database.
import { AnnotationError } from "../annotations/errors.js";
import { buildDataset } from "../annotations/load.js";

try {
  const { dataset } = buildDataset();
  process.stdout.write(`${JSON.stringify(dataset, null, 2)}\n`);
} catch (e) {
  if (e instanceof AnnotationError) {
    console.error(e.message);
    process.exit(1);
  }
  throw e;
}
