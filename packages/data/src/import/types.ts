/**
 * Shapes of an import: the formats, what an import reports back, and its progress. Zod schemas,
 * so the API validates and publishes them. No imports from ingest: ingest's suggestion shapes
 * refer to these.
 */
import { z } from "zod";

export const ImportFormat = z.enum(["json", "stix"]).meta({
  id: "ImportFormat",
  description:
    "json — an atlas dataset, valid against @atlas/schema's Dataset (another atlas's `export --format json`); stix — a STIX 2.1 bundle (as OpenCTI exports).",
});
export type ImportFormat = z.infer<typeof ImportFormat>;

const counts = z.record(z.string(), z.int());

export const ImportReport = z
  .object({
    importId: z.string().describe("The import's id; its suggestions and records say they came from it."),
    format: ImportFormat,
    fileName: z.string().nullable(),
    bytes: z.int(),
    read: counts.describe("Records read from the file, by collection (sources, actors…) or STIX type."),
    matched: counts.describe("Records the atlas already held: their evidence was added, nothing duplicated."),
    added: counts.describe("Records the atlas did not hold, brought in as they are."),
    suggested: counts.describe("Suggestions made for review, by kind: the matches that are not sure."),
    waiting: counts.describe(
      "Records that need an actor in review (a relation's end, a claim's speaker), and links to records in review: written once it is decided.",
    ),
    renamed: z
      .array(z.object({ collection: z.string(), from: z.string(), to: z.string() }))
      .describe("Records whose id the atlas already uses for another record: brought in under a new id."),
    review: z
      .array(z.object({ sourceId: z.string(), title: z.string(), suggestions: z.int() }))
      .describe("The documents holding the suggestions: review them there (atlas review <sourceId>)."),
    warnings: z.array(z.string()),
    ms: z.number(),
  })
  .meta({ id: "ImportReport", description: "What an import read, matched, added and left for review." });
export type ImportReport = z.infer<typeof ImportReport>;

export type ImportPhase = "read" | "check" | "match" | "write";
/**
 * Progress: `done` of `total` (bytes read, records checked, matched or written), and the running
 * tally of records matched to the atlas's, added new, and left for review.
 */
export interface ImportProgress {
  phase: ImportPhase;
  done: number;
  total: number;
  matched: number;
  added: number;
  suggested: number;
}
export type OnImportProgress = (p: ImportProgress) => void;
