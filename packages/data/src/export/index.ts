/**
 * Export formats: the dataset as JSON (valid against @atlas/schema), STIX 2.1, CSV in ACLED's columns
 * and FollowTheMoney JSON lines. Each is a pure function of the dataset; `exportAs` reads the
 * database once and formats it.
 */
import type { Dataset } from "@atlas/schema";
import { z } from "zod";
import type { Db } from "../db/client.js";
import { cached } from "../queries/cache.js";
import { exportDataset } from "../queries/export.js";
import { toCsv } from "./csv.js";
import { toFtm } from "./ftm.js";
import { toStix } from "./stix.js";

export const EXPORT_FORMATS = {
  json: {
    contentType: "application/json; charset=utf-8",
    extension: "json",
    description: "The dataset, valid against @atlas/schema's Dataset",
  },
  stix: { contentType: "application/stix+json;version=2.1", extension: "stix.json", description: "A STIX 2.1 bundle" },
  csv: {
    contentType: "text/csv; charset=utf-8; header=present",
    extension: "csv",
    description: "Events, one row per event: ACLED's columns first, then the atlas's",
  },
  ftm: {
    contentType: "application/x-ndjson; charset=utf-8",
    extension: "ftm.jsonl",
    description: "FollowTheMoney entities, one per line",
  },
} as const;

export const ExportFormat = z.enum(["json", "stix", "csv", "ftm"]).meta({
  id: "ExportFormat",
  description:
    "json — the dataset (@atlas/schema); stix — STIX 2.1 bundle; csv — events, one per row, ACLED's columns first (appendable to an ACLED download), then the atlas's; ftm — FollowTheMoney JSON lines.",
});
export type ExportFormat = z.infer<typeof ExportFormat>;

export const ExportResult = z
  .object({
    format: ExportFormat,
    contentType: z.string(),
    filename: z.string(),
    body: z.string().describe("The export itself, as text."),
  })
  .meta({ id: "ExportResult", description: "An export: the text and how to serve or save it." });
export type ExportResult = z.infer<typeof ExportResult>;

export interface ExportOptions {
  /** The export's as-of time (an ISO timestamp with milliseconds): STIX created/modified, the CSV's ACLED `timestamp`; fixed by default for stable exports. */
  timestamp?: string;
}

export function formatDataset(dataset: Dataset, format: ExportFormat, options: ExportOptions = {}): string {
  switch (format) {
    case "json":
      return `${JSON.stringify(dataset, null, 2)}\n`;
    case "stix":
      return `${JSON.stringify(toStix(dataset, options), null, 2)}\n`;
    case "csv":
      return toCsv(dataset, options);
    case "ftm":
      return toFtm(dataset);
  }
}

async function build(db: Db, format: ExportFormat, options: ExportOptions): Promise<ExportResult> {
  const dataset = await exportDataset(db);
  const { contentType, extension } = EXPORT_FORMATS[format];
  return { format, contentType, filename: `militia-atlas.${extension}`, body: formatDataset(dataset, format, options) };
}

// Each format is built once per data version and then served from memory; an export with a
// caller's own as-of timestamp is built each time (a cache entry per timestamp would grow without end).
const buildOnce = cached("exportAs", (db: Db, format: ExportFormat) => build(db, format, {}));

/** The export as text. The result is shared until the data changes: callers must not mutate it. */
export function exportAs(db: Db, format: ExportFormat, options: ExportOptions = {}): Promise<ExportResult> {
  return options.timestamp ? build(db, format, options) : buildOnce(db, format);
}

export { ACLED_COLUMNS, ATLAS_COLUMNS, CSV_COLUMNS, csvField, toCsv } from "./csv.js";
export { FTM_ACTOR_SCHEMA, type FtmEntity, ftmId, toFtm } from "./ftm.js";
export {
  ACTOR_MAPPING,
  INCIDENT_KINDS,
  ROLE_RELATIONSHIP,
  STIX_TIMESTAMP,
  type StixBundle,
  type StixObject,
  toStix,
} from "./stix.js";
export { ATLAS_NAMESPACE, uuidv5 } from "./uuid.js";
