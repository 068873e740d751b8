/** `atlas export --format json`: the whole dataset, valid against @atlas/schema's Dataset. */
import { existsSync, statSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import type { Command } from "commander";
import { DataError, UsageError } from "../errors.js";
import { withAtlas } from "./context.js";

const FORMATS = ["json"] as const;

export function registerExport(program: Command): void {
  program
    .command("export")
    .description("export the whole dataset (sources, actors, relations, events, claims, mentions)")
    .option("--format <format>", "the file format: json", "json")
    .option("--out <file>", "write to this file instead of standard output")
    .action(async (opts: { format: string; out?: string }, cmd: Command) => {
      if (!(FORMATS as readonly string[]).includes(opts.format)) {
        throw new UsageError(`--format: "${opts.format}" is not a format this command writes; use json`);
      }
      if (opts.out !== undefined) {
        if (!opts.out.trim()) throw new UsageError("--out: is empty; give a file name");
        const dir = dirname(resolve(opts.out));
        if (!existsSync(dir) || !statSync(dir).isDirectory()) {
          throw new UsageError(`--out: the directory ${dir} does not exist; create it first`);
        }
        if (existsSync(opts.out) && statSync(opts.out).isDirectory()) {
          throw new UsageError(`--out: ${opts.out} is a directory; give a file name`);
        }
      }
      await withAtlas(cmd, async (atlas, out) => {
        const dataset = await atlas.exportDataset();
        const text = `${JSON.stringify(dataset, null, 2)}\n`;
        if (!opts.out) return out.text(text);
        try {
          writeFileSync(opts.out, text);
        } catch (e) {
          throw new DataError(`--out: could not write ${opts.out}: ${(e as Error).message}`);
        }
        process.stderr.write(`atlas: wrote ${opts.out} (${Math.round(text.length / 1024)} KiB)\n`);
      });
    });
}
