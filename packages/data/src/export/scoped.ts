/**
 * "Export these": a filtered list (timeline, claims, actors, search) as a file, with the same
 * filter the list uses — the list's own query finds the records, every page of them — in any
 * export format. JSON, STIX and FollowTheMoney carry the chosen records with what they refer to
 * (select.ts); CSV has one row per listed record (events in the events CSV, ACLED's columns first).
 */
import type { z } from "zod";
import type { Db } from "../db/client.js";
import { ActorListInput, listActors } from "../queries/actors.js";
import { ClaimListInput, listClaims } from "../queries/claims.js";
import { checkWindow, eventsTimeline, TimelineFilter } from "../queries/events.js";
import { exportDataset } from "../queries/export.js";
import { MAX_LIMIT } from "../queries/page.js";
import { SearchInput, search } from "../queries/search.js";
import { EXPORT_FORMATS, ExportFormat, type ExportOptions, type ExportResult, formatDataset } from "./index.js";
import { actorsCsv, claimsCsv, searchCsv } from "./list-csv.js";
import { selectDataset } from "./select.js";

const withFormat = { format: ExportFormat };

export const EventsExportInput = TimelineFilter.extend(withFormat).superRefine(checkWindow);
export const ClaimsExportInput = ClaimListInput.omit({ limit: true, cursor: true }).extend(withFormat);
export const ActorsExportInput = ActorListInput.omit({ limit: true, cursor: true }).extend(withFormat);
export const SearchExportInput = SearchInput.extend(withFormat);

export type ListExport =
  | { of: "events"; input: z.input<typeof EventsExportInput> }
  | { of: "claims"; input: z.input<typeof ClaimsExportInput> }
  | { of: "actors"; input: z.input<typeof ActorsExportInput> }
  | { of: "search"; input: z.input<typeof SearchExportInput> };

/** Every id a paged list yields, page after page. */
async function allIds(
  page: (cursor: string | undefined) => Promise<{ items: { id: string }[]; nextCursor: string | null }>,
) {
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const p = await page(cursor);
    ids.push(...p.items.map((i) => i.id));
    cursor = p.nextCursor ?? undefined;
  } while (cursor);
  return ids;
}

export async function exportList(db: Db, list: ListExport, options: ExportOptions = {}): Promise<ExportResult> {
  const dataset = await exportDataset(db);
  let format: ExportFormat;
  let body: string;
  switch (list.of) {
    case "events": {
      const { format: f, ...filter } = EventsExportInput.parse(list.input);
      format = f;
      const ids = await allIds((cursor) => eventsTimeline(db, { ...filter, cursor, limit: MAX_LIMIT }));
      const subset = selectDataset(dataset, { events: ids });
      body = formatDataset(subset, format, options);
      break;
    }
    case "claims": {
      const { format: f, ...filter } = ClaimsExportInput.parse(list.input);
      format = f;
      const ids = await allIds((cursor) => listClaims(db, { ...filter, cursor, limit: MAX_LIMIT }));
      const subset = selectDataset(dataset, { claims: ids });
      body = format === "csv" ? claimsCsv(subset, ids) : formatDataset(subset, format, options);
      break;
    }
    case "actors": {
      const { format: f, ...filter } = ActorsExportInput.parse(list.input);
      format = f;
      const ids = await allIds((cursor) => listActors(db, { ...filter, cursor, limit: MAX_LIMIT }));
      const subset = selectDataset(dataset, { actors: ids });
      body = format === "csv" ? actorsCsv(subset, ids) : formatDataset(subset, format, options);
      break;
    }
    case "search": {
      const { format: f, ...query } = SearchExportInput.parse(list.input);
      format = f;
      const result = await search(db, query);
      const ids = (type: "event" | "claim" | "actor") => result.groups[type].map((h) => h.id);
      const subset = selectDataset(dataset, { events: ids("event"), claims: ids("claim"), actors: ids("actor") });
      body = format === "csv" ? searchCsv(result) : formatDataset(subset, format, options);
      break;
    }
  }
  const { contentType, extension } = EXPORT_FORMATS[format];
  return { format, contentType, filename: `militia-atlas-${list.of}.${extension}`, body };
}
