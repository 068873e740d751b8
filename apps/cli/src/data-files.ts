/**
 * What the embedded database's contents depend on outside it: @atlas/data's files (the curated
 * corpus and annotations, and the code that builds the dataset, which is seeded when it changes)
 * and its migrations (applied on open). Cheap fingerprints of both, for the checks that let a run
 * skip work (embedded.ts's seed stamp, answer-cache.ts).
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const dataPackage = () => dirname(createRequire(import.meta.url).resolve("@atlas/data/package.json"));

let dataFiles: string | null = null;

/**
 * Size and mtime of every file of @atlas/data's source: corpus, annotations and the code that
 * builds the dataset. Read once per process (the answers' key and the seed check both use it).
 */
export function dataPackageFingerprint(): string {
  dataFiles ??= readDataFiles();
  return dataFiles;
}

function readDataFiles(): string {
  const src = join(dataPackage(), "src");
  const hash = createHash("sha256").update(src);
  // A plain sort (the order only has to be stable): localeCompare over every name costs more.
  for (const file of readdirSync(src, { recursive: true, encoding: "utf8" }).sort()) {
    const s = statSync(join(src, file));
    if (s.isFile()) hash.update(`${file}\0${s.size}\0${s.mtimeMs}\n`);
  }
  return hash.digest("hex");
}

/** The migrations journal (drizzle lists every migration in it): a new migration changes it. */
export function migrationsFingerprint(): string {
  return createHash("sha256")
    .update(readFileSync(join(dataPackage(), "drizzle", "meta", "_journal.json")))
    .digest("hex");
}
