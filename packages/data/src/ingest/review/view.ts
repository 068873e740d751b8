/** A suggestion as readers and reviewers see it: what it proposes, its edit, their effect, the records it made. */
import { asc, inArray } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import * as t from "../../db/schema/index.js";
import { effective, type Lookups, preview } from "../../review/model.js";
import type { Proposal, RecordRef, SuggestionEdit, SuggestionView } from "../types.js";
import type { SuggestionRow } from "./suggestion.js";

export async function recordsOf(db: Db, ids: string[]): Promise<Map<string, RecordRef[]>> {
  const map = new Map<string, RecordRef[]>();
  if (ids.length === 0) return map;
  const rows = await db
    .select({
      suggestionId: t.ingestRecords.suggestionId,
      type: t.ingestRecords.type,
      recordId: t.ingestRecords.recordId,
    })
    .from(t.ingestRecords)
    .where(inArray(t.ingestRecords.suggestionId, ids))
    .orderBy(asc(t.ingestRecords.seq));
  for (const { suggestionId: id, type, recordId } of rows)
    if (id) map.set(id, [...(map.get(id) ?? []), { type, recordId }]);
  return map;
}

export function view(row: SuggestionRow, records: RecordRef[], lookups: Lookups): SuggestionView {
  const s = { proposal: row.proposal as Proposal, edit: (row.edit as SuggestionEdit | null) ?? null };
  const v = effective(s, lookups);
  return {
    id: row.id,
    sourceId: row.sourceId,
    kind: row.kind,
    status: row.status,
    start: row.start,
    end: row.end,
    quote: row.quote,
    label: row.label,
    proposal: s.proposal,
    edit: s.edit,
    effective: v,
    preview: preview(s, v, lookups),
    records,
    reviewedAt: row.reviewedAt,
    reviewNote: row.reviewNote,
  };
}
