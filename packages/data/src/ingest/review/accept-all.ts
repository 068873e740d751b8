/** Accepting every pending suggestion of one kind in a document at once. */
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import * as t from "../../db/schema/index.js";
import { preview } from "../../review/model.js";
import { mentionId } from "../../workbench/records.js";
import { type Reviewer, write } from "../../workbench/write.js";
import { actorIds } from "../checks.js";
import { ReviewError } from "../errors.js";
import { applyRecords, type IngestRecord, keepInLedger, recordIdOf } from "../records.js";
import type { Proposal, ProposalOf, SuggestionEdit, SuggestionKind } from "../types.js";
import { acceptSuggestion } from "./accept.js";
import { published } from "./suggestion.js";

const BATCH = 500;

export interface AcceptManyResult {
  accepted: number;
  failed: { id: string; message: string }[];
}

/**
 * Accepts every pending suggestion of one kind in a document (mentions, typically), each in its
 * own transaction; those that cannot be accepted as they stand are listed with the reason.
 */
export async function acceptAll(
  db: Db,
  sourceId: string,
  kind: SuggestionKind,
  { minConfidence = 0, by }: { minConfidence?: number | undefined; by: Reviewer },
): Promise<AcceptManyResult> {
  const sure = (p: Proposal) => !("confidence" in p) || p.confidence >= minConfidence;
  const pending = await db
    .select({ id: t.suggestions.id, proposal: t.suggestions.proposal })
    .from(t.suggestions)
    .where(
      and(
        eq(t.suggestions.sourceId, sourceId),
        published,
        eq(t.suggestions.kind, kind),
        eq(t.suggestions.status, "suggested"),
      ),
    )
    .orderBy(asc(t.suggestions.ord));
  const result: AcceptManyResult = { accepted: 0, failed: [] };
  if (kind === "mention" && pending.length > 0) {
    // Mentions only need their actor: one transaction, written in batches, so a long document's
    // thousands of mentions take seconds, not one round of queries each.
    await write(db, by, null, async (w) => {
      const tx = w.db;
      const rows = await tx
        .select()
        .from(t.suggestions)
        .where(
          and(
            eq(t.suggestions.sourceId, sourceId),
            eq(t.suggestions.kind, "mention"),
            eq(t.suggestions.status, "suggested"),
          ),
        )
        .orderBy(asc(t.suggestions.ord))
        .for("update");
      const known = await actorIds(tx);
      const records: { id: string; record: IngestRecord }[] = [];
      for (const row of rows) {
        const proposal = row.proposal as ProposalOf<"mention">;
        if (!sure(proposal)) continue;
        const edit = (row.edit as SuggestionEdit | null) ?? {};
        const actorId = edit.actorId ?? proposal.actorId;
        if (actorId === null) {
          result.failed.push({ id: row.id, message: `actorId: ${preview({ proposal, edit }).blocked}.` });
          continue;
        }
        if (!known.has(actorId)) {
          result.failed.push({ id: row.id, message: `actorId: no actor with id "${actorId}".` });
          continue;
        }
        const mention = {
          sourceId,
          start: row.start,
          end: row.end,
          quote: row.quote,
          actorId,
          alias:
            actorId === proposal.actorId
              ? proposal.alias
              : (proposal.candidates.find((c) => c.actorId === actorId)?.alias ?? row.quote),
        };
        records.push({ id: row.id, record: { type: "mention", mention } });
      }
      await applyRecords(
        tx,
        records.map((r) => r.record),
      );
      await keepInLedger(
        tx,
        records.map(({ id, record }) => ({ record, sourceId, suggestionId: id })),
      );
      for (let i = 0; i < records.length; i += BATCH) {
        const batch = records.slice(i, i + BATCH);
        await tx
          .update(t.suggestions)
          .set({ status: "accepted", reviewedAt: w.at })
          .where(
            inArray(
              t.suggestions.id,
              batch.map((r) => r.id),
            ),
          );
      }
      const versions = await w.versionsOf(
        "suggestion",
        records.map((r) => r.id),
      );
      await w.logAll(
        records.map(({ id, record }) => ({
          type: "suggestion" as const,
          id,
          version: (versions.get(id) ?? 1) + 1,
          action: "accepted" as const,
          before: { status: "suggested" },
          after: { status: "accepted", records: [{ type: "mention", recordId: recordIdOf(record) }] },
          mentions:
            record.type === "mention" ? [{ id: mentionId(record.mention), before: null, after: record.mention }] : [],
        })),
      );
      result.accepted = records.length;
    });
    return result;
  }
  for (const { id, proposal } of pending) {
    if (!sure(proposal as Proposal)) continue;
    try {
      await acceptSuggestion(db, id, { by });
      result.accepted++;
    } catch (e) {
      if (!(e instanceof ReviewError)) throw e;
      result.failed.push({ id, message: e.message });
    }
  }
  return result;
}
