import {
  ActorsExportInput,
  ClaimsExportInput,
  EventsExportInput,
  EXPORT_FORMATS,
  ExportFormat,
  ExportResult,
  exportAs,
  exportDataset,
  exportList,
  type ListExport,
  listPlaces,
  PlaceView,
  SearchExportInput,
  SearchInput,
  SearchResult,
  Stats,
  search,
  stats,
} from "@atlas/data";
import { Dataset } from "@atlas/schema";
import { z } from "zod";
import { publicProcedure, router } from "../trpc.js";

const NoInput = z.object({}).optional();

/** What each export file is, for the OpenAPI document: the JSON ones by shape; CSV and JSON lines are text. */
const FILE_SCHEMAS: Record<ExportFormat, z.ZodType | undefined> = {
  json: Dataset,
  stix: z
    .looseObject({
      type: z.literal("bundle"),
      id: z.string(),
      objects: z.array(z.looseObject({ type: z.string(), id: z.string() })),
    })
    .meta({
      id: "StixBundle",
      description: "A STIX 2.1 bundle: every actor, event, claim and source as STIX objects.",
    }),
  csv: undefined,
  ftm: undefined,
};
const exportFiles = Object.entries(EXPORT_FORMATS).map(([format, { contentType }]) => ({
  contentType,
  schema: FILE_SCHEMAS[format as ExportFormat],
}));

export const placeRouter = router({
  list: publicProcedure
    .meta({
      rest: {
        method: "GET",
        path: "/places",
        summary: "Places with coordinates (and their source) and event counts",
        tags: ["places"],
        output: z.array(PlaceView),
      },
    })
    .input(NoInput)
    .query(({ ctx }) => listPlaces(ctx.db)),
});

export const searchRouter = router({
  query: publicProcedure
    .meta({
      rest: {
        method: "GET",
        path: "/search",
        summary: "Search actors (names and aliases, tolerating misspellings), events, claims and source texts",
        tags: ["search"],
        output: SearchResult,
      },
    })
    .input(SearchInput)
    .query(({ ctx, input }) => search(ctx.db, input)),
});

export const statsRouter = router({
  get: publicProcedure
    .meta({
      rest: {
        method: "GET",
        path: "/stats",
        summary: "What the atlas holds, for a dashboard",
        tags: ["stats"],
        output: Stats,
      },
    })
    .input(NoInput)
    .query(({ ctx }) => stats(ctx.db)),
});

/** "Export these": one route per list, taking that list's filters and the format. */
const listExport = <Of extends ListExport["of"]>(
  of: Of,
  input: z.ZodType<Extract<ListExport, { of: Of }>["input"]>,
  what: string,
) =>
  publicProcedure
    .meta({
      expensive: "an export",
      rest: {
        method: "GET",
        path: `/export/{format}/${of}`,
        summary: `${what}, with the list's own filters, as json, stix, csv or ftm; REST serves the file itself`,
        tags: ["export"],
        output: ExportResult,
        raw: exportFiles,
      },
    })
    .input(input)
    .query(({ ctx, input }) => exportList(ctx.db, { of, input } as ListExport));

export const exportRouter = router({
  events: listExport("events", EventsExportInput, "The events a timeline filter shows"),
  claims: listExport("claims", ClaimsExportInput, "The claims a claims filter shows"),
  actors: listExport("actors", ActorsExportInput, "The actors a directory filter shows"),
  search: listExport("search", SearchExportInput, "What a search finds"),
  dataset: publicProcedure
    .meta({
      expensive: "an export",
      rest: {
        method: "GET",
        path: "/export/dataset",
        summary: "The whole dataset, valid against @atlas/schema's Dataset",
        tags: ["export"],
        output: Dataset,
      },
    })
    .input(NoInput)
    .query(({ ctx }) => exportDataset(ctx.db)),
  as: publicProcedure
    .meta({
      expensive: "an export",
      rest: {
        method: "GET",
        path: "/export/{format}",
        summary:
          "The dataset as json (@atlas/schema), stix (STIX 2.1 bundle), csv (events in ACLED's columns) or ftm (FollowTheMoney JSON lines); REST serves the file itself",
        tags: ["export"],
        output: ExportResult,
        raw: exportFiles,
      },
    })
    .input(
      z.object({
        format: ExportFormat,
        timestamp: z
          .string()
          .regex(
            /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/,
            "must be a UTC timestamp with milliseconds, e.g. 2026-05-01T00:00:00.000Z",
          )
          // The shape alone lets through a 99th minute: the time must exist.
          .refine((t) => !Number.isNaN(Date.parse(t)) && new Date(t).toISOString() === t, "is not a time that exists")
          .optional()
          .describe(
            "stix only: created/modified of every object; fixed by default so identical data exports identically.",
          ),
      }),
    )
    .query(({ ctx, input }) => exportAs(ctx.db, input.format, { timestamp: input.timestamp })),
});
