/**
 * `atlas export --format json|stix|csv|ftm`: the whole dataset in one of the API's export
 * formats (`export.as`), to standard output or a file; given a directory, the file takes the
 * name the server suggests (militia-atlas.stix.json…). `--format yaml --out DIR` writes the
 * dataset as the repository's annotation files (catalogue/, documents/, outside/), for a curator
 * to diff against packages/data/src/annotations and commit.
 */
import { existsSync, mkdirSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import type { Dataset } from "@atlas/schema";
import type { Command } from "commander";
import { type Atlas, EXPORT_FORMATS } from "../data.js";
import { DataError, UsageError } from "../errors.js";
import { type Output, withAtlas } from "./context.js";
import { parseChoice } from "./options.js";

const isDirectory = (path: string) => existsSync(path) && statSync(path).isDirectory();

export function registerExport(program: Command): void {
  program
    .command("export")
    .description("export the whole dataset (sources, actors, relations, events, claims, mentions)")
    .option(
      "--format <format>",
      "json (@atlas/schema's Dataset), stix (a STIX 2.1 bundle), csv (events in ACLED's columns), ftm (FollowTheMoney lines) or yaml (the repository's annotation files, into the --out directory)",
      "json",
    )
    .option("--out <path>", "write to this file (or into this directory) instead of standard output")
    .action(async (opts: { format: string; out?: string }, cmd: Command) => {
      const format =
        parseChoice(opts.format, [...EXPORT_FORMATS, "yaml"] as const, "--format", "a format this command writes") ??
        "json";
      if (format === "yaml" && !opts.out?.trim()) {
        throw new UsageError("--out: --format yaml writes a directory of annotation files; give its name");
      }
      if (opts.out !== undefined) {
        if (!opts.out.trim()) throw new UsageError("--out: is empty; give a file or directory name");
        const dir = format === "yaml" || /[/\\]$/.test(opts.out) ? resolve(opts.out) : dirname(resolve(opts.out));
        const parent = format === "yaml" ? dirname(dir) : dir;
        if (!isDirectory(parent))
          throw new UsageError(`--out: the directory ${parent} does not exist; create it first`);
      }
      await withAtlas(cmd, async (atlas, out) => {
        if (format === "yaml") return writeAnnotations(atlas, out, resolve(opts.out as string));
        const file = await atlas.exportAs({ format });
        if (!opts.out) return out.text(file.body);
        const path = isDirectory(opts.out) ? join(opts.out, file.filename) : opts.out;
        try {
          writeFileSync(path, file.body);
        } catch (e) {
          throw new DataError(`--out: could not write ${path}: ${(e as Error).message}`);
        }
        const kib = Math.max(1, Math.round(Buffer.byteLength(file.body) / 1024));
        process.stderr.write(`atlas: wrote ${path} (${format}, ${kib} KiB)\n`);
      });
    });
}

/** The dataset as annotation files under `dir`: what the atlas holds now, edits and all. */
async function writeAnnotations(atlas: Atlas, out: Output, dir: string): Promise<void> {
  const dataset = JSON.parse((await atlas.exportAs({ format: "json" })).body) as Dataset;
  // Loaded here: its YAML writer is needed by no other command, and every command's start would parse it.
  const { annotationFiles } = await import("@atlas/data/annotations-export");
  const { files, counts } = annotationFiles(dataset);
  try {
    for (const [path, text] of files) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
  } catch (e) {
    throw new DataError(`--out: could not write into ${dir}: ${(e as Error).message}`);
  }
  out.text(
    [
      `Wrote ${files.size} annotation files to ${dir} (revision ${dataset.revision ?? 0}): ` +
        `${counts.documents} documents, ${counts.actors} actors, ${counts.relations} relations, ${counts.events} events, ${counts.claims} claims.`,
      `Compare them with the repository's: diff -r packages/data/src/annotations/documents ${join(dir, "documents")}`,
    ].join("\n"),
  );
}
