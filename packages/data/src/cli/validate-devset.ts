// `pnpm --filter @atlas/data validate:devset`: checks the development set (built together with the
// curated corpus) and prints what each devset document annotates.
import { loadDevset } from "../devset/load.js";
import { formatTable, perSource } from "../stats.js";
import { onlyArgument, reportingProblems } from "./args.js";

const only = onlyArgument("dev-01-k1-base-attack");
reportingProblems(() => {
  const { dataset, documents } = loadDevset({ only });
  const missing = (only ?? []).filter((id) => !documents.some((d) => d.sourceId === id));
  if (missing.length > 0) {
    console.error(
      `No devset document for ${missing.map((id) => `"${id}"`).join(", ")}: give the source id of a file in devset/annotations/documents/ (its name without .yaml).`,
    );
    process.exit(2);
  }
  const counts = new Map(perSource(dataset).map((r) => [r.source, r]));
  const rows = documents.map((d) => {
    const c = counts.get(d.sourceId);
    return [
      d.knownActorIds.length,
      d.newActorIds.length,
      d.describedActorIds.length,
      d.aliasesAdded.length,
      c?.mentions ?? 0,
      c?.claims ?? 0,
      c?.events ?? 0,
      c?.relations ?? 0,
      d.dates.length,
    ];
  });
  const total = rows.reduce((sum, row) => sum.map((n, i) => n + (row[i] as number)), [0, 0, 0, 0, 0, 0, 0, 0, 0]);
  const header = [
    "source",
    "known",
    "new",
    "described",
    "aliases",
    "mentions",
    "claims",
    "events",
    "relations",
    "dates",
  ];
  const table = [...documents.map((d, i) => [d.sourceId, ...(rows[i] as number[])]), ["total", ...total]];
  console.log(formatTable(header, table).join("\n"));
  console.log(
    `\n${documents.length} devset documents valid: every quote and date found verbatim in article text, every reference resolved, every source has its url.`,
  );
  console.log(
    "known: actors the curated atlas holds; new: actors it lacks that the text names; described: actors it lacks that the text only describes (“a security source”); aliases: the spellings a document adds.",
  );
});
