/**
 * Accepting a suggestion: it becomes real records with verbatim evidence in the ingested
 * document, kept in the ledger and written to the curated tables, all in one transaction. What
 * accepting uses and creates is the review model's (review/model.ts): this only checks it against
 * the database and writes it.
 */
import type { Segment } from "@atlas/schema";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import * as t from "../../db/schema/index.js";
import { effective } from "../../review/model.js";
import { type Reviewer, type Writer, write } from "../../workbench/write.js";
import { ReviewError } from "../errors.js";
import { applyRecords, keepInLedger, recordIdOf } from "../records.js";
import { statementLabel } from "../suggest/labels.js";
import type { NamedActor, Proposal, ProposalOf, RecordRef, SuggestionEdit, SuggestionView } from "../types.js";
import { lookupsFor } from "./lookups.js";
import { mentionsIn } from "./mentions.js";
import { buildRecords } from "./records.js";
import { linkRetellings } from "./retellings.js";
import { checkEdit, logSuggestion, settleDecision, undecided } from "./suggestion.js";
import { view } from "./view.js";

export interface AcceptResult {
  suggestion: SuggestionView;
  records: RecordRef[];
}

async function acceptIn(
  w: Writer,
  id: string,
  edit: SuggestionEdit | undefined,
  note: string | undefined,
): Promise<AcceptResult> {
  const db = w.db;
  const row = await undecided(db, id);
  const merged = { ...((row.edit as SuggestionEdit | null) ?? {}), ...checkEdit(row.kind, edit) };
  // An imported record carries its evidence, checked when it was imported: the text is not needed.
  const imported =
    "imported" in (row.proposal as Proposal) && Boolean((row.proposal as { imported?: unknown }).imported);
  const [source] = await db
    .select({ id: t.sources.id, text: imported ? sql<string>`''` : t.sources.text })
    .from(t.sources)
    .where(eq(t.sources.id, row.sourceId));
  if (!source) throw new ReviewError("not_found", `The document "${row.sourceId}" is gone.`);
  const segments = imported
    ? []
    : ((await db
        .select({ start: t.segments.start, end: t.segments.end, role: t.segments.role, article: t.segments.article })
        .from(t.segments)
        .where(eq(t.segments.sourceId, source.id))) as Segment[]);
  const edited = { ...row, edit: Object.keys(merged).length ? merged : null };
  const lookups = await lookupsFor(db, [row.proposal as Proposal], row.sourceId);
  const v = effective({ proposal: row.proposal as Proposal, edit: edited.edit }, lookups);
  const records = await buildRecords(db, edited, v, lookups, { ...source, segments });
  // Each record accepting writes to, before and after, into the history: the seed replays it.
  const logged = await w.beforeWriting(records);
  const applied = await applyRecords(db, records);
  if (applied.skipped.length > 0) throw new ReviewError("invalid", (applied.skipped[0] as { reason: string }).reason);
  await keepInLedger(
    db,
    records.map((record) => ({ record, sourceId: source.id, suggestionId: id, importId: row.importId })),
  );
  const refs: RecordRef[] = records.map((record) => ({ type: record.type, recordId: recordIdOf(record) }));
  const [updated] = await db
    .update(t.suggestions)
    .set({
      status: "accepted",
      edit: Object.keys(merged).length ? merged : null,
      reviewedAt: w.at,
      reviewNote: note ?? null,
    })
    .where(eq(t.suggestions.id, id))
    .returning();
  await logged("accepted");
  await logSuggestion(
    w,
    row,
    "accepted",
    { status: "suggested" },
    { status: "accepted", records: refs },
    mentionsIn(records),
  );
  await settleDecision(db, row, records[0] ? recordIdOf(records[0]) : null);
  const created = records.find((r) => r.type === "actor");
  if (row.kind === "actor" && created?.type === "actor" && row.importId === null) {
    await linkNames(db, row.sourceId, (row.proposal as ProposalOf<"actor">).name, created.actor);
  }
  // A new event: the document's other pending accounts of it become its evidence by default.
  const event = records.find((r) => r.type === "event");
  if (event?.type === "event" && row.importId === null) await linkRetellings(db, row.sourceId, event.event);
  return {
    suggestion: view(updated ?? row, refs, await lookupsFor(db, [row.proposal as Proposal], row.sourceId)),
    records: refs,
  };
}

/**
 * Suggestions that name a candidate actor wait for it: once it is accepted (perhaps renamed),
 * the document's pending statements by it (as speaker or channel), events it takes part in and
 * relations it is an end of name the new actor, so their defaults and titles are the actor.
 */
async function linkNames(db: Db, sourceId: string, candidateName: string, actor: { id: string; name: string }) {
  const pending = await db
    .select()
    .from(t.suggestions)
    .where(
      and(
        eq(t.suggestions.sourceId, sourceId),
        inArray(t.suggestions.kind, ["statement", "event", "relation"]),
        eq(t.suggestions.status, "suggested"),
      ),
    );
  const link = (a: NamedActor): NamedActor =>
    !a.actorId && !a.suggestionId && a.name === candidateName ? { ...a, actorId: actor.id } : a;
  for (const row of pending) {
    const before = row.proposal as Proposal;
    // An import's suggestions name the suggestions that decide their actors, not names.
    if ("imported" in before && before.imported) continue;
    let proposal: Proposal = before;
    if (before.kind === "statement") {
      const speaks = !before.claimantId && before.claimantName === candidateName;
      const relays = before.via && !before.via.actorId && before.via.name === candidateName;
      if (!speaks && !relays) continue;
      proposal = {
        ...before,
        ...(speaks ? { claimantId: actor.id, claimantName: actor.name } : {}),
        ...(relays && before.via ? { via: { ...before.via, actorId: actor.id } } : {}),
      };
    } else if (before.kind === "event") {
      if (!before.participants.some((x) => !x.actorId && x.name === candidateName)) continue;
      proposal = { ...before, participants: before.participants.map((x) => ({ ...x, ...link(x) })) };
    } else if (before.kind === "relation") {
      const from = link(before.from);
      const to = link(before.to);
      if (from === before.from && to === before.to) continue;
      proposal = { ...before, from, to };
    } else continue;
    await db
      .update(t.suggestions)
      .set({ proposal, ...(proposal.kind === "statement" ? { label: statementLabel(proposal) } : {}) })
      .where(eq(t.suggestions.id, row.id));
  }
}

/** Accepts a suggestion (with the stored edit and `edit` on top) in one write. */
export async function acceptSuggestion(
  db: Db,
  id: string,
  { edit, note, by }: { edit?: SuggestionEdit | undefined; note?: string | undefined; by: Reviewer },
): Promise<AcceptResult> {
  return write(db, by, note, (w) => acceptIn(w, id, edit, note));
}
