/** Listing suggestions: a document's, one by id, and the documents with suggestions to review. */
import { and, asc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/client.js";
import * as t from "../../db/schema/index.js";
import { decodeCursor, type Page, PageInput, toPage } from "../../queries/page.js";
import { rows } from "../../queries/run.js";
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
  const docs = await rows(db, ingestedDocuments);
  const counts = await db
    .select({
      sourceId: t.suggestions.sourceId,
      kind: t.suggestions.kind,
      status: t.suggestions.status,
      n: sql<number>`count(*)::int`,
    })
    .from(t.suggestions)
    .groupBy(t.suggestions.sourceId, t.suggestions.kind, t.suggestions.status);
  return docs.map((d) => {
    const suggestions: Record<string, Record<string, number>> = {};
    for (const c of counts.filter((x) => x.sourceId === d.sourceId)) {
      suggestions[c.kind] = { ...suggestions[c.kind], [c.status]: c.n };
    }
    return { ...d, suggestions };
  });
}

type DocumentRow = Pick<typeof t.sources.$inferSelect, "title" | "publisher" | "published"> &
  Pick<typeof t.ingestDocuments.$inferSelect, "sourceId" | "fileName" | "bytes" | "ingestedAt" | "warnings"> & {
    format: (typeof t.ingestDocuments.$inferSelect)["format"] | (typeof t.imports.$inferSelect)["format"];
    importId: (typeof t.imports.$inferSelect)["id"] | null;
  };

/**
 * The ingested documents, and each other document with suggestions an import made, with the
 * latest such import; newest first.
 */
const ingestedDocuments = (() => {
  const { ingestDocuments: d, sources: s, imports: i, suggestions: g } = t;
  return sql<DocumentRow>`select * from (
      select ${d.sourceId} as "sourceId", ${s.title} as title, ${s.publisher} as publisher, ${s.published} as published,
        ${d.format} as format, ${d.fileName} as "fileName", ${d.bytes} as bytes, ${d.ingestedAt}::text as "ingestedAt",
        ${d.warnings} as warnings, null as "importId"
      from ${d} join ${s} on ${s.id} = ${d.sourceId}
      union all
      (select distinct on (${s.id}) ${s.id}, ${s.title}, ${s.publisher}, ${s.published}, ${i.format}, ${i.fileName},
        ${i.bytes}, ${i.importedAt}::text, ${i.warnings}, ${i.id}
      from ${s} join ${i} on exists (select 1 from ${g} where ${g.importId} = ${i.id} and ${g.sourceId} = ${s.id})
      where not exists (select 1 from ${d} where ${d.sourceId} = ${s.id})
      order by ${s.id}, ${i.importedAt} desc)
    ) docs
    order by "ingestedAt" desc, "sourceId"`;
})();
