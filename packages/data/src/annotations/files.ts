/**
 * Reading the annotation files: the catalogue's and the documents' YAML, each parsed against its
 * format. A file that is not valid YAML or does not fit its format is a problem, and reading goes
 * on with the next file, so one run reports every problem.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describeIssues, type Source } from "@atlas/schema";
import { parse } from "yaml";
import type { z } from "zod";
import type { Problem } from "./errors.js";
import { CatalogueFile, type DocumentFile } from "./format.js";

export function readYaml(path: string, problems: Problem[], label: string): unknown {
  try {
    return parse(readFileSync(path, "utf8"));
  } catch (e) {
    problems.push({ file: label, message: `is not valid YAML: ${(e as Error).message.split("\n")[0]}` });
    return undefined;
  }
}

/** The `.yaml` files of a directory, in name order; none when it does not exist. */
function yamlIn(dir: string) {
  try {
    return readdirSync(dir)
      .filter((f) => f.endsWith(".yaml"))
      .sort()
      .map((f) => join(dir, f));
  } catch {
    return [];
  }
}

/**
 * Reads each file of `dir` against `schema` and hands over those that fit, as they are read.
 * An empty file reads as `ifEmpty` when given.
 */
function readEach<T>(
  dir: string,
  schema: z.ZodType<T>,
  problems: Problem[],
  label: (path: string) => string,
  each: (file: string, data: T) => void,
  ifEmpty?: object,
) {
  for (const path of yamlIn(dir)) {
    const file = label(path);
    const raw = readYaml(path, problems, file);
    if (raw === undefined) continue;
    const parsed = schema.safeParse(raw === null && ifEmpty ? ifEmpty : raw);
    if (!parsed.success) {
      for (const message of describeIssues(parsed.error)) problems.push({ file, message });
      continue;
    }
    each(file, parsed.data);
  }
}

/** Reads a catalogue directory (an empty file is an empty catalogue). */
export function readCatalogue(
  dir: string,
  problems: Problem[],
  label: (path: string) => string,
  add: (file: string, data: CatalogueFile) => void,
) {
  readEach(dir, CatalogueFile, problems, label, add, {});
}

export interface DocumentsRead<T extends DocumentFile> {
  dir: string;
  schema: z.ZodType<T>;
  /** The sources these documents may annotate, and the file that lists them. */
  ownSources: Set<string>;
  sourcesFile: string;
}

/**
 * Reads a directory of document files, one per source, and hands over each as it is read;
 * returns those handed over. `annotated` holds the sources already annotated, across directories.
 */
export function readDocuments<T extends DocumentFile>(
  { dir, schema, ownSources, sourcesFile }: DocumentsRead<T>,
  ctx: { problems: Problem[]; sources: Map<string, Source>; annotated: Set<string> },
  label: (path: string) => string,
  add: (file: string, sourceId: string, data: T) => void,
) {
  const added: { file: string; data: T; source: Source }[] = [];
  readEach(dir, schema, ctx.problems, label, (file, data) => {
    const source = ctx.sources.get(data.source);
    if (!source || !ownSources.has(source.id)) {
      ctx.problems.push({ file, field: "source", message: `"${data.source}" is not a source id in ${sourcesFile}` });
      return;
    }
    if (ctx.annotated.has(data.source)) {
      ctx.problems.push({
        file,
        field: "source",
        message: `a second file annotates "${data.source}"; use one file per document`,
      });
    }
    ctx.annotated.add(data.source);
    add(file, data.source, data);
    added.push({ file, data, source });
  });
  return added;
}
