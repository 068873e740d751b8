/** Deciding without accepting: an edit saved for later, or a rejection. */
import { eq } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import * as t from "../../db/schema/index.js";
import { type Reviewer, write } from "../../workbench/write.js";
import type { Proposal, SuggestionEdit, SuggestionView } from "../types.js";
import { lookupsFor } from "./lookups.js";
import { checkEdit, logSuggestion, settleDecision, undecided } from "./suggestion.js";
import { view } from "./view.js";

/** Saves changes to a suggestion without accepting it; it stays "suggested". */
export async function editSuggestion(db: Db, id: string, edit: SuggestionEdit, by: Reviewer): Promise<SuggestionView> {
  return write(db, by, null, async (w) => {
    const row = await undecided(w.db, id);
    const merged = { ...((row.edit as SuggestionEdit | null) ?? {}), ...checkEdit(row.kind, edit) };
    await w.db.update(t.suggestions).set({ edit: merged }).where(eq(t.suggestions.id, id));
    await logSuggestion(w, row, "edited", { status: row.status, edit: row.edit }, { status: row.status, edit: merged });
    return view({ ...row, edit: merged }, [], await lookupsFor(w.db, [row.proposal as Proposal], row.sourceId));
  });
}

export async function rejectSuggestion(
  db: Db,
  id: string,
  note: string | undefined,
  by: Reviewer,
): Promise<SuggestionView> {
  return write(db, by, note, async (w) => {
    const row = await undecided(w.db, id);
    const [updated] = await w.db
      .update(t.suggestions)
      .set({ status: "rejected", reviewedAt: w.at, reviewNote: note ?? null })
      .where(eq(t.suggestions.id, id))
      .returning();
    await logSuggestion(w, row, "rejected", { status: row.status }, { status: "rejected" });
    await settleDecision(w.db, row, null);
    return view(updated ?? row, [], await lookupsFor(w.db, [row.proposal as Proposal], row.sourceId));
  });
}
