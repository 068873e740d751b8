/**
 * `atlas export --format json|stix|csv|ftm`: the whole dataset in one of the API's export
 * formats (`export.as`), to standard output or a file; given a directory, the file takes the
 * name the server suggests (militia-atlas.stix.json…).
 */
import { existsSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import type { Command } from "commander";
import { EXPORT_FORMATS } from "../data.js";
import { DataError, UsageError } from "../errors.js";
import { withAtlas } from "./context.js";
import { parseChoice } from "./options.js";

const isDirectory = (path: string) => existsSync(path) && statSync(path).isDirectory();

export function registerExport(program: Command): void {
  program
    .command("export")
    .description("export the whole dataset (sources, actors, relations, events, claims, mentions)")
    .option(
      "--format <format>",
      "json (@atlas/schema's Dataset), stix (a STIX 2.1 bundle), csv (events in ACLED's columns) or ftm (FollowTheMoney lines)",
      "json",
    )
    .option("--out <path>", "write to this file (or into this directory) instead of standard output")
    .action(async (opts: { format: string; out?: string }, cmd: Command) => {
      const format = parseChoice(opts.format, EXPORT_FORMATS, "--format", "a format this command writes") ?? "json";
      if (opts.out !== undefined) {
        if (!opts.out.trim()) throw new UsageError("--out: is empty; give a file or directory name");
        const dir = /[/\\]$/.test(opts.out) ? resolve(opts.out) : dirname(resolve(opts.out));
        if (!isDirectory(dir)) throw new UsageError(`--out: the directory ${dir} does not exist; create it first`);
      }
      await withAtlas(cmd, async (atlas, out) => {
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
