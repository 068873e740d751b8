/**
 * One suggestion under review: found while it is still undecided, its edit checked against its
 * kind, and each decision kept in the history (and, for an import's suggestion, in the import).
 */
import { describeIssues, type Mention } from "@atlas/schema";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import * as t from "../../db/schema/index.js";
import { decided } from "../../import/pending.js";
import { EDIT_FIELDS } from "../../review/model.js";
import { mentionId } from "../../workbench/records.js";
import type { Writer } from "../../workbench/write.js";
import { ReviewError } from "../errors.js";
import { type Proposal, SuggestionEdit, type SuggestionKind } from "../types.js";

export type SuggestionRow = typeof t.suggestions.$inferSelect;

/**
 * A suggestion exists for readers and reviewers once its document does: an ingest writes its
 * suggestions before the document's row (see ingest.ts), and until then they are not there.
 */
export const published = sql`exists (select 1 from ${t.sources} where ${t.sources.id} = ${t.suggestions.sourceId})`;

export function checkEdit(kind: SuggestionKind, edit: SuggestionEdit | undefined): SuggestionEdit {
  const parsed = SuggestionEdit.safeParse(edit ?? {});
  if (!parsed.success) throw new ReviewError("invalid", `Invalid edit: ${describeIssues(parsed.error).join("; ")}`);
  const wrong = Object.keys(parsed.data).filter((k) => !(EDIT_FIELDS[kind] as readonly string[]).includes(k));
  if (wrong.length > 0) {
    throw new ReviewError(
      "invalid",
      `Invalid edit: ${wrong.join(", ")} ${wrong.length === 1 ? "does" : "do"} not apply to a ${kind} suggestion; it takes ${EDIT_FIELDS[kind].join(", ")}.`,
    );
  }
  return parsed.data;
}

/** The suggestion to decide, locked until the decision is written; refused once decided. */
export async function undecided(db: Db, id: string): Promise<SuggestionRow> {
  const [row] = await db
    .select()
    .from(t.suggestions)
    .where(and(eq(t.suggestions.id, id), published))
    .for("update");
  if (!row) throw new ReviewError("not_found", `No suggestion with id "${id}".`);
  if (row.status !== "suggested") {
    throw new ReviewError(
      "conflict",
      `Suggestion "${id}" was already ${row.status}${row.reviewedAt ? ` (${row.reviewedAt})` : ""}.`,
    );
  }
  return row;
}

/** A suggestion's review in the history: who accepted, edited or rejected it, and the mentions it made. */
export async function logSuggestion(
  w: Writer,
  row: SuggestionRow,
  action: "accepted" | "edited" | "rejected",
  before: unknown,
  after: unknown,
  mentions: Mention[] = [],
) {
  await w.log(
    "suggestion",
    row.id,
    (await w.versionOf("suggestion", row.id, true)) + 1,
    action,
    before,
    after,
    mentions.map((m) => ({ id: mentionId(m), before: null, after: m })),
  );
}

/** An import's suggestion was decided: what waited for it is written (or dropped, when rejected). */
export async function settleDecision(db: Db, row: SuggestionRow, atlasId: string | null) {
  const p = row.proposal as Proposal;
  if (row.importId === null || !("imported" in p) || !p.imported) return;
  await decided(db, row.importId, { kind: p.kind, externalId: p.imported.externalId }, atlasId);
}
