/** The dataset's download formats, as the API serves them (GET /api/export/{format}), and what each is for. */
import type { Inputs } from "@/trpc/client";

type Format = Inputs["export"]["as"]["format"];

export interface ExportFormatInfo {
  format: Format;
  label: string;
  file: string;
  description: string;
  /** What a reader would use it for. */
  purpose: string;
  /** The tools that read it as it is. */
  tools: string;
}

export const EXPORT_FORMATS: ExportFormatInfo[] = [
  {
    format: "json",
    label: "JSON",
    file: "militia-atlas.json",
    description: "The whole dataset, valid against @atlas/schema’s Dataset: every record with its evidence.",
    purpose:
      "Your own analysis or program: every record, every quote with its document and position, every date with how it is known.",
    tools: "Any programming language; validate it with the @atlas/schema package or its JSON Schema files; jq; pandas.",
  },
  {
    format: "stix",
    label: "STIX 2.1",
    file: "militia-atlas.stix.json",
    description: "A STIX bundle for threat-intelligence tools such as OpenCTI.",
    purpose:
      "A threat-intelligence platform: groups and people as identities and intrusion sets, events as incidents, claims as opinions and notes, sources as reports.",
    tools: "OpenCTI (import the bundle), MISP's STIX import, the OASIS stix2 Python library.",
  },
  {
    format: "csv",
    label: "CSV",
    file: "militia-atlas.csv",
    description: "Events, one row per event, in ACLED’s style, with dates as ranges.",
    purpose:
      "A spreadsheet or a conflict dataset: one row per event (per claim or actor when you export those lists), with dates as ranges and deaths as reported.",
    tools:
      "Excel, LibreOffice, Google Sheets, R and pandas; its event columns follow ACLED’s, to set beside an ACLED download.",
  },
  {
    format: "ftm",
    label: "FollowTheMoney",
    file: "militia-atlas.ftm.jsonl",
    description: "Entities as JSON lines, for Aleph and other FollowTheMoney tools.",
    purpose:
      "An investigation platform: people, organisations and their links as entities, with the documents they come from.",
    tools: "Aleph (ftm import), the followthemoney command-line tools.",
  },
];

export const isExportFormat = (s: string): s is Format => EXPORT_FORMATS.some((f) => f.format === s);

export const exportHref = (format: Format) => `/export/${format}`;
