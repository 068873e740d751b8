/**
 * `atlas ingest <file>`: adds a document (UTF-8 text, HTML, a PDF with a text layer or a Word
 * file) and reports what was stored — the source id, warnings and the suggestions found, by
 * kind — with the command to review them. The bytes are sent as they are (base64), so the
 * server itself recognises a PDF or a Word file, refuses what it cannot read and hashes the
 * exact file; a refusal writes nothing and exits 1.
 */
import { readFileSync, statSync } from "node:fs";
import { basename } from "node:path";
import { SUGGESTION_KINDS } from "@atlas/data/review";
import { documentTooLarge, MAX_DOCUMENT_SIZE } from "@atlas/schema";
import type { Command } from "commander";
import type { IngestInput, IngestReport } from "../data.js";
import { NotFoundError, RefusedError, UsageError } from "../errors.js";
import { plural } from "../screens/common.js";
import { countOf } from "../screens/suggestion.js";
import { type Output, withAtlas } from "./context.js";
import { parseChoice, parseDate } from "./options.js";
import { sizeLabel, startProgress } from "./progress.js";

const FORMATS = ["text", "html", "pdf", "docx"] as const;

interface Options {
  title?: string;
  publisher?: string;
  published?: string;
  url?: string;
  format?: string;
  json?: boolean;
}

function text(value: string | undefined, flag: string, max: number): string | undefined {
  if (value === undefined) return undefined;
  const t = value.trim();
  if (!t) throw new UsageError(`${flag}: is empty; give some text or leave the flag out`);
  if (t.length > max) throw new UsageError(`${flag}: is ${t.length} characters long; ${max} at most`);
  return t;
}

function url(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  let parsed: URL | null = null;
  try {
    parsed = new URL(value);
  } catch {
    // Reported below with what a URL looks like.
  }
  if (!parsed || !/^https?:$/.test(parsed.protocol)) {
    throw new UsageError(`--url: "${value}" is not an http(s) address such as https://example.com/article`);
  }
  return value;
}

/** Metadata flags checked before the file is read: a mistake here is a usage error (exit 2). */
export function ingestMetadata(opts: Options, file: string): Omit<IngestInput, "text" | "base64"> {
  const published = parseDate(opts.published, "--published");
  const format = parseChoice(opts.format, FORMATS, "--format", "a format atlas ingests");
  const title = text(opts.title, "--title", 500);
  const publisher = text(opts.publisher, "--publisher", 200);
  const address = url(opts.url);
  const fileName = basename(file).slice(0, 255);
  return {
    fileName,
    ...(title ? { title } : {}),
    ...(publisher ? { publisher } : {}),
    ...(published ? { published } : {}),
    ...(address ? { url: address } : {}),
    ...(format ? { format } : {}),
  };
}

/** The file's bytes; a file that is not there, or too large to be a document, is refused (exit 1). */
function readDocument(file: string): Buffer {
  let size: number;
  try {
    const s = statSync(file);
    if (s.isDirectory()) throw new RefusedError(`${file}: is a directory; give the document's file`);
    size = s.size;
  } catch (e) {
    if (e instanceof RefusedError) throw e;
    throw new NotFoundError(`${file}: no such file`);
  }
  // The server's limit, checked here too so a huge file is not read and sent for nothing.
  const tooLarge = documentTooLarge(size);
  if (tooLarge) throw new RefusedError(`${file}: ${tooLarge} Nothing was added.`);
  return readFileSync(file);
}

function printReport(r: IngestReport, out: Output): void {
  const total = Object.values(r.suggestions).reduce((a, b) => a + b, 0);
  const lines = [
    `Stored “${r.title}” as ${r.sourceId}`,
    `  ${[r.format, sizeLabel(r.bytes), r.pages === null ? null : plural(r.pages, "page"), `${r.characters.toLocaleString("en-US")} characters`, `${(r.ms / 1000).toFixed(1)} s`].filter(Boolean).join(" · ")}`,
    `Suggestions (${total.toLocaleString("en-US")}): ${SUGGESTION_KINDS.flatMap((k) => (r.suggestions[k] ? [countOf(k, r.suggestions[k])] : [])).join(" · ")}`,
  ];
  if (r.warnings.length > 0) {
    lines.push(`Warnings (${r.warnings.length}):`, ...r.warnings.map((w) => `  - ${w}`));
  }
  lines.push(
    total > 0
      ? `Review them: atlas review ${r.sourceId}`
      : `Nothing to review. Read it with: atlas source ${r.sourceId} --text`,
  );
  out.text(lines.join("\n"));
}

export function registerIngest(program: Command): void {
  program
    .command("ingest")
    .description("add a document (text, HTML, PDF or Word) and find suggestions in it to review")
    .argument(
      "<file>",
      `the document: plain text (UTF-8), a saved web page (HTML), a PDF with a text layer or a Word file (.docx), at most ${MAX_DOCUMENT_SIZE}`,
    )
    .option("--title <text>", "the headline (default: taken from the document)")
    .option("--publisher <name>", "who published it")
    .option("--published <date>", 'publication date, YYYY-MM-DD; relative dates ("last June") resolve against it')
    .option("--url <url>", "where it was published")
    .option(
      "--format <format>",
      "text, html, pdf or docx (default: a PDF or Word file by its bytes; else text or html by the extension or content)",
    )
    .option("--json", "print the result (source id, counts by kind, warnings) as JSON")
    .action(async (file: string, opts: Options, cmd: Command) => {
      const metadata = ingestMetadata(opts, file);
      const bytes = readDocument(file);
      await withAtlas(cmd, async (atlas, out) => {
        const what =
          atlas.via.kind === "api"
            ? `sending ${metadata.fileName} (${sizeLabel(bytes.length)}) to the API`
            : `ingesting ${metadata.fileName} (${sizeLabel(bytes.length)})`;
        const progress = startProgress(what);
        let report: IngestReport;
        try {
          report = await atlas.ingest({ ...metadata, base64: bytes.toString("base64") }, progress.update);
        } catch (e) {
          if (e instanceof RefusedError) throw new RefusedError(`${file}: ${e.message}`);
          throw e;
        } finally {
          progress.stop();
        }
        if (opts.json) return out.json(report);
        printReport(report, out);
      });
    });
}
