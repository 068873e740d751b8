// `pnpm --filter @atlas/data validate`: checks the corpus and annotations and prints counts per document.
import { AnnotationError } from "../annotations/errors.js";
import { buildDataset } from "../annotations/load.js";
import { datasetStats } from "../stats.js";

const args = process.argv.slice(2);
const onlyAt = args.indexOf("--only");
const only = onlyAt === -1 ? undefined : args.slice(onlyAt + 1).filter((a) => !a.startsWith("--"));
if (onlyAt !== -1 && only?.length === 0) {
  console.error("--only needs one or more source ids, e.g. --only 2021-not-just-iranian-proxies");
  process.exit(2);
}

try {
  const { dataset } = buildDataset({ only });
  console.log(datasetStats(dataset));
  console.log("\nvalid: every quote found verbatim in article text, every reference resolved.");
} catch (e) {
  if (e instanceof AnnotationError) {
    console.error(e.message);
    process.exit(1);
  }
  throw e;
}
