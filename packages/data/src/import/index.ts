/**
 * `importFile`: brings an atlas dataset or a STIX bundle into the atlas in one transaction — all
 * or nothing. The file is read and checked first (read.ts); then, inside the transaction, it is
 * matched against what the atlas holds (dataset.ts, stix.ts) and written (write.ts). What goes
 * straight in and what becomes a suggestion is described in ../export/MAPPING.md ("Import").
 */
import { eq, like, or } from "drizzle-orm";
import type { Db } from "../db/client.js";
import * as t from "../db/schema/index.js";
import { slugify, unique } from "../ingest/ids.js";
import { bumpDataVersion } from "../queries/cache.js";
import { type Reviewer, type Writer, write } from "../workbench/write.js";
import { planDataset } from "./dataset.js";
import { ImportError } from "./errors.js";
import type { ImportPlan } from "./plan.js";
import { readImport } from "./read.js";
import { planStix } from "./stix.js";
import type { ImportFormat, ImportReport, OnImportProgress } from "./types.js";
import { writePlan } from "./write.js";

export interface ImportInput {
  /** The file: raw bytes (checked as UTF-8) or text already decoded. */
  content: Uint8Array | string;
  fileName?: string;
  /** Detected from the content when omitted. */
  format?: ImportFormat;
}

const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

/** `import-<file name>`, the first not taken. */
async function importIdFor(db: Db, fileName: string | undefined): Promise<string> {
  const base = `import-${slugify((fileName ?? "file").replace(/\.(stix\.)?json$/i, ""), 60) || "file"}`;
  const taken = new Set(
    (
      await db
        .select({ id: t.imports.id })
        .from(t.imports)
        .where(or(eq(t.imports.id, base), like(t.imports.id, `${base}-%`)))
    ).map((r) => r.id),
  );
  return unique(base, (x) => taken.has(x));
}

export async function importFile(
  db: Db,
  input: ImportInput,
  {
    onProgress,
    by,
  }: {
    onProgress?: OnImportProgress | undefined;
    /** Who imports, for the history; tools that load files without a person (benchmarks) leave it out. */
    by?: Reviewer | undefined;
  } = {},
): Promise<ImportReport> {
  const started = performance.now();
  let tally = { matched: 0, added: 0, suggested: 0 };
  const progress = (phase: "read" | "check" | "match" | "write", done: number, total: number) =>
    onProgress?.({ phase, done, total, ...tally });
  const size = typeof input.content === "string" ? Buffer.byteLength(input.content, "utf8") : input.content.length;
  progress("read", 0, size);
  const file = readImport(input.content, input.format);
  progress("read", size, size);
  const records =
    file.format === "json"
      ? Object.values(file.dataset).reduce<number>((n, v) => n + (Array.isArray(v) ? v.length : 0), 0)
      : file.bundle.objects.length;
  progress("check", records, records);
  const fileName = input.fileName ?? null;
  try {
    const work = async (tx: Db, w: Writer | null) => {
      const [before] = await tx
        .select({ id: t.imports.id, at: t.imports.importedAt })
        .from(t.imports)
        .where(eq(t.imports.originalHash, file.hash));
      if (before) {
        throw new ImportError(
          "duplicate",
          `This file was imported before, as ${before.id} (${before.at.slice(0, 16).replace("T", " ")}): same content hash. Nothing was imported.`,
        );
      }
      const importId = await importIdFor(tx, input.fileName);
      const onMatched = (done: number, plan: ImportPlan) => {
        tally = { matched: sum(plan.matched), added: sum(plan.added), suggested: sum(plan.suggested) };
        progress("match", done, records);
      };
      const plan =
        file.format === "json"
          ? await planDataset(tx, file.dataset, importId, onMatched)
          : await planStix(tx, file.bundle, { importId, fileName }, onMatched);
      onMatched(records, plan);
      const meta = { importId, format: file.format, fileName, bytes: file.bytes, hash: file.hash };
      const { review } = await writePlan(tx, meta, plan, (done, total) => progress("write", done, total), w);
      const report: ImportReport = {
        importId,
        format: file.format,
        fileName,
        bytes: file.bytes,
        read: plan.read,
        matched: plan.matched,
        added: plan.added,
        suggested: plan.suggested,
        waiting: plan.waiting,
        renamed: plan.renamed,
        review,
        warnings: plan.warnings,
        ms: performance.now() - started,
      };
      await tx.update(t.imports).set({ report }).where(eq(t.imports.id, importId));
      return report;
    };
    if (by) return await write(db, by, null, (w) => work(w.db, w));
    return await db.transaction(async (tx) => {
      const report = await work(tx, null);
      await bumpDataVersion(db, tx);
      return report;
    });
  } catch (e) {
    const message = `${(e as Error).message} ${((e as Error).cause as Error | undefined)?.message ?? ""}`;
    if (!(e instanceof ImportError) && /duplicate key|unique constraint/i.test(message) && /imports/.test(message)) {
      throw new ImportError("duplicate", "This file was imported by someone else a moment ago. Nothing was imported.");
    }
    throw e;
  }
}

export { ImportError, type ImportErrorCode } from "./errors.js";
export { settleImport } from "./pending.js";
export * from "./types.js";
