/**
 * `atlas import <file>`: brings in an atlas dataset (another atlas's `export --format json`) or a
 * STIX 2.1 bundle (OpenCTI's export) in one transaction. Records the atlas surely holds are
 * matched and add their evidence; new ones come in as they are; uncertain matches, and every
 * STIX object, become suggestions to review like any other. A large import shows records read,
 * matched and new as it goes; a refusal names what is wrong, writes nothing and exits 1.
 */
import { readFileSync, statSync } from "node:fs";
import { basename } from "node:path";
import { importTooLarge, MAX_IMPORT_BYTES } from "@atlas/schema";
import type { Command } from "commander";
import type { ImportReport } from "../data.js";
import { NotFoundError, RefusedError } from "../errors.js";
import { plural } from "../screens/common.js";
import { type Output, withAtlas } from "./context.js";
import { parseChoice } from "./options.js";
import { sizeLabel, startProgress } from "./progress.js";

const FORMATS = ["json", "stix"] as const;

interface Options {
  format?: string;
  json?: boolean;
}

/** The file's bytes; a file that is not there, or over the limit, is refused before it is read. */
function readImportFile(file: string): Buffer {
  let size: number;
  try {
    const s = statSync(file);
    if (s.isDirectory()) throw new RefusedError(`${file}: is a directory; give the file to import`);
    size = s.size;
  } catch (e) {
    if (e instanceof RefusedError) throw e;
    throw new NotFoundError(`${file}: no such file`);
  }
  const tooLarge = importTooLarge(size);
  if (tooLarge) throw new RefusedError(`${file}: ${tooLarge} Nothing was imported.`);
  return readFileSync(file);
}

/** "actors 12, events 3" (collections, STIX types or suggestion kinds, as the report names them); "none" for nothing. */
const counts = (c: Record<string, number>) =>
  Object.entries(c)
    .filter(([, n]) => n > 0)
    .map(([what, n]) => `${what} ${n.toLocaleString("en-US")}`)
    .join(", ") || "none";

export function printImport(r: ImportReport, out: Output): void {
  const lines = [
    `Imported ${r.fileName ?? "the file"} as ${r.importId} (${r.format === "stix" ? "STIX bundle" : "atlas dataset"}, ${sizeLabel(r.bytes)}, ${(r.ms / 1000).toFixed(1)} s)`,
    `  read:      ${counts(r.read)}`,
    `  matched:   ${counts(r.matched)}`,
    `  new:       ${counts(r.added)}`,
    `  to review: ${counts(r.suggested)}`,
  ];
  const waiting = Object.values(r.waiting).reduce((a, b) => a + b, 0);
  if (waiting > 0) lines.push(`  waiting:   ${counts(r.waiting)} (written once what they need is accepted)`);
  if (r.renamed.length > 0) {
    lines.push(
      `Renamed (${r.renamed.length}): the atlas uses these ids for other records`,
      ...r.renamed.slice(0, 10).map((x) => `  - ${x.collection} ${x.from} → ${x.to}`),
      ...(r.renamed.length > 10 ? [`  … and ${r.renamed.length - 10} more`] : []),
    );
  }
  if (r.warnings.length > 0) lines.push(`Warnings (${r.warnings.length}):`, ...r.warnings.map((w) => `  - ${w}`));
  lines.push(
    ...(r.review.length > 0
      ? r.review.map((d) => `Review ${plural(d.suggestions, "suggestion")} in “${d.title}”: atlas review ${d.sourceId}`)
      : ["Nothing to review."]),
  );
  out.text(lines.join("\n"));
}

export function registerImport(program: Command): void {
  program
    .command("import")
    .description(
      "import an atlas dataset or a STIX 2.1 bundle: matched records add evidence, the rest come in or go to review",
    )
    .argument(
      "<file>",
      `an atlas dataset (another atlas's \`export --format json\`) or a STIX 2.1 bundle (OpenCTI's export), at most ${MAX_IMPORT_BYTES / 1024 / 1024} MB`,
    )
    .option("--format <format>", "json or stix (default: told from the content)")
    .option("--json", "print the import's report (counts read, matched, new and for review; warnings) as JSON")
    .action(async (file: string, opts: Options, cmd: Command) => {
      const format = parseChoice(opts.format, FORMATS, "--format", "a format atlas imports");
      const bytes = readImportFile(file);
      const fileName = basename(file).slice(0, 255);
      await withAtlas(cmd, async (atlas, out) => {
        const what =
          atlas.via.kind === "api"
            ? `sending ${fileName} (${sizeLabel(bytes.length)}) to the API`
            : `importing ${fileName} (${sizeLabel(bytes.length)})`;
        const progress = startProgress(what);
        let report: ImportReport;
        try {
          report = await atlas.importFile(
            { base64: bytes.toString("base64"), fileName, ...(format ? { format } : {}) },
            progress.update,
          );
        } catch (e) {
          if (e instanceof RefusedError) throw new RefusedError(`${file}: ${e.message}`);
          throw e;
        } finally {
          progress.stop();
        }
        if (opts.json) return out.json(report);
        printImport(report, out);
      });
    });
}
