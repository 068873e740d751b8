/** Listing suggestions: a document's, one by id, and the documents with suggestions to review. */
import { and, asc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/client.js";
import * as t from "../../db/schema/index.js";
import { decodeCursor, type Page, PageInput, toPage } from "../../queries/page.js";
import { all } from "../../queries/run.js";
import {
  type IngestedDocument,
  type Proposal,
  SuggestionKind,
  SuggestionStatus,
  type SuggestionView,
} from "../types.js";
import { lookupsFor } from "./lookups.js";
import { published } from "./suggestion.js";
import { recordsOf, view } from "./view.js";

export const SuggestionListInput = PageInput.extend({
  sourceId: z.string().min(1).max(200).describe("The ingested document."),
  kind: SuggestionKind.optional(),
  status: SuggestionStatus.optional().describe("Only suggestions with this status (default: all)."),
});
export type SuggestionListInput = z.input<typeof SuggestionListInput>;

/** A document's suggestions in text order (by kind, then position), with cursor pages. */
export async function listSuggestions(db: Db, input: SuggestionListInput): Promise<Page<SuggestionView>> {
  const { sourceId, kind, status, limit, cursor } = SuggestionListInput.parse(input);
  const after = decodeCursor(cursor);
  const rows = await db
    .select()
    .from(t.suggestions)
    .where(
      and(
        eq(t.suggestions.sourceId, sourceId),
        published,
        kind ? eq(t.suggestions.kind, kind) : undefined,
        status ? eq(t.suggestions.status, status) : undefined,
        after ? sql`${t.suggestions.ord} > ${Number(after[0])}` : undefined,
      ),
    )
    .orderBy(asc(t.suggestions.ord))
    .limit(limit + 1);
  const records = await recordsOf(
    db,
    rows.slice(0, limit).map((r) => r.id),
  );
  const lookups = await lookupsFor(
    db,
    rows.map((r) => r.proposal as Proposal),
    sourceId,
  );
  return toPage(
    rows.map((r) => view(r, records.get(r.id) ?? [], lookups)),
    limit,
    (s) => [rows.find((r) => r.id === s.id)?.ord ?? 0, s.id],
  );
}

export async function suggestionById(db: Db, id: string): Promise<SuggestionView | null> {
  const [row] = await db
    .select()
    .from(t.suggestions)
    .where(and(eq(t.suggestions.id, id), published));
  if (!row) return null;
  return view(
    row,
    (await recordsOf(db, [id])).get(id) ?? [],
    await lookupsFor(db, [row.proposal as Proposal], row.sourceId),
  );
}

/**
 * Documents with suggestions to review, newest first, with suggestion counts by kind and status:
 * the ingested ones, and those an import proposed records in (a STIX bundle's document, or the
 * documents of a dataset's uncertain matches).
 */
export async function listIngested(db: Db): Promise<IngestedDocument[]> {
  const docs = await all<Omit<IngestedDocument, "suggestions">>(
    db,
    sql`select * from (
          select d.source_id as "sourceId", s.title, s.publisher, s.published, d.format, d.file_name as "fileName",
            d.bytes, d.ingested_at::text as "ingestedAt", d.warnings, null as "importId"
          from ingest_documents d join sources s on s.id = d.source_id
          union all
          select s.id, s.title, s.publisher, s.published, i.format, i.file_name, i.bytes, i.imported_at::text, i.warnings, i.id
          from sources s
          join lateral (
            select i.* from imports i where exists (select 1 from suggestions g where g.import_id = i.id and g.source_id = s.id)
            order by i.imported_at desc limit 1
          ) i on true
          where not exists (select 1 from ingest_documents d where d.source_id = s.id)
        ) docs
        order by "ingestedAt" desc, "sourceId"`,
  );
  const counts = await all<{ sourceId: string; kind: string; status: string; n: number }>(
    db,
    sql`select source_id as "sourceId", kind, status, count(*)::int as n from suggestions group by 1, 2, 3`,
  );
  return docs.map((d) => {
    const suggestions: Record<string, Record<string, number>> = {};
    for (const c of counts.filter((x) => x.sourceId === d.sourceId)) {
      suggestions[c.kind] = { ...suggestions[c.kind], [c.status]: c.n };
    }
    return { ...d, suggestions };
  });
}
