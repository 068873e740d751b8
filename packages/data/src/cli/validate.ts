// `pnpm --filter @atlas/data validate`: checks the corpus and annotations and prints counts per document.
import { buildDataset } from "../annotations/load.js";
import { datasetStats } from "../stats.js";
import { onlyArgument, reportingProblems } from "./args.js";

const only = onlyArgument("2021-not-just-iranian-proxies");
reportingProblems(() => {
  const { dataset } = buildDataset({ only });
  console.log(datasetStats(dataset));
  console.log("\nvalid: every quote found verbatim in article text, every reference resolved.");
});
