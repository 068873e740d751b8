/** The dataset's download formats, as the API serves them (GET /api/export/{format}). */
import type { Inputs } from "@/trpc/client";

type Format = Inputs["export"]["as"]["format"];

export const EXPORT_FORMATS: { format: Format; label: string; file: string; description: string }[] = [
  {
    format: "json",
    label: "JSON",
    file: "militia-atlas.json",
    description: "The whole dataset, valid against @atlas/schema’s Dataset: every record with its evidence.",
  },
  {
    format: "stix",
    label: "STIX 2.1",
    file: "militia-atlas.stix.json",
    description: "A STIX bundle for threat-intelligence tools such as OpenCTI.",
  },
  {
    format: "csv",
    label: "CSV",
    file: "militia-atlas.csv",
    description: "Events, one row per event, in ACLED’s style, with dates as ranges.",
  },
  {
    format: "ftm",
    label: "FollowTheMoney",
    file: "militia-atlas.ftm.jsonl",
    description: "Entities as JSON lines, for Aleph and other FollowTheMoney tools.",
  },
];

export const isExportFormat = (s: string): s is Format => EXPORT_FORMATS.some((f) => f.format === s);

export const exportHref = (format: Format) => `/export/${format}`;
