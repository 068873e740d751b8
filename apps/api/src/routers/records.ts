/**
 * The analyst's workbench: records made by hand from a document's words, corrected, retired and
 * restored, actors merged (and unmerged) and split, sources and claims graded — every write in
 * the history under its reviewer's name — and the history itself, per record and as a feed.
 */
import {
  AddRecordInput,
  addRecord,
  ChangeFeed,
  changesSince,
  editRecord,
  gradeRecord,
  HistoryType,
  mergeActors,
  Patch,
  Reason,
  RecordHistory,
  recordHistory,
  restoreRecord,
  retireRecord,
  splitAlias,
  unmergeActors,
  WriteResult,
} from "@atlas/data";
import { ActorKind, AliasKind, CredibilityGrade, Id, ReliabilityGrade } from "@atlas/schema";
import { z } from "zod";
import { protectedProcedure, publicProcedure, router } from "../trpc.js";
import { clientErrors } from "./ingest.js";

const RecordId = z.string().min(1).max(300).describe("The record's id (a mention's is <source>@<start>).");
const Version = z
  .int()
  .positive()
  .optional()
  .describe("The version the change was made against; if the record has changed since, the change is refused (409).");
const Type = HistoryType.optional().describe("Which kind of record, when two kinds share the id.");
const Why = Reason.optional().describe("Why, for the history.");

const write = (summary: string, path: string, output: z.ZodType = WriteResult) => ({
  rest: { method: "POST" as const, path, summary, tags: ["workbench"], output, protected: true },
});

export const recordRouter = router({
  add: protectedProcedure
    .meta(
      write(
        "Make a record from words of a document (the words must occur in it): an actor, another name of one, a mention, a relation, an event or more words for one, a claim",
        "/records",
      ),
    )
    .input(z.object({ record: AddRecordInput, reason: Why }))
    .mutation(({ ctx, input }) => clientErrors(() => addRecord(ctx.db, ctx.reviewer, input.record, input.reason))),
  edit: protectedProcedure
    .meta(write("Correct a record: set fields, add or remove list items and evidence", "/records/{id}/edit"))
    .input(z.object({ id: RecordId, type: Type, patch: Patch, version: Version, reason: Why }))
    .mutation(({ ctx, input }) =>
      clientErrors(() =>
        editRecord(
          ctx.db,
          ctx.reviewer,
          { id: input.id, type: input.type, patch: input.patch, version: input.version },
          input.reason,
        ),
      ),
    ),
  retire: protectedProcedure
    .meta(
      write(
        "Retire a record: it leaves every view and export, stays in the history and can be restored",
        "/records/{id}/retire",
      ),
    )
    .input(
      z.object({ id: RecordId, type: Type, version: Version, reason: Reason.min(1).describe("Why it is retired.") }),
    )
    .mutation(({ ctx, input }) => clientErrors(() => retireRecord(ctx.db, ctx.reviewer, input, input.reason))),
  restore: protectedProcedure
    .meta(write("Restore a retired record as it was", "/records/{id}/restore"))
    .input(z.object({ id: RecordId, type: Type, reason: Why }))
    .mutation(({ ctx, input }) => clientErrors(() => restoreRecord(ctx.db, ctx.reviewer, input, input.reason))),
  grade: protectedProcedure
    .meta(
      write(
        "Grade a source's reliability (A–F) or a claim's credibility (1–6), with the reason; null clears it",
        "/records/{id}/grade",
      ),
    )
    .input(
      z.discriminatedUnion("type", [
        z.object({
          id: Id,
          type: z.literal("source"),
          grade: ReliabilityGrade.nullable(),
          version: Version,
          reason: Reason,
        }),
        z.object({
          id: Id,
          type: z.literal("claim"),
          grade: CredibilityGrade.nullable(),
          version: Version,
          reason: Reason,
        }),
      ]),
    )
    .mutation(({ ctx, input }) => clientErrors(() => gradeRecord(ctx.db, ctx.reviewer, input, input.reason))),
  merge: protectedProcedure
    .meta(
      write(
        "Merge an actor into another: names (with their origin), evidence, mentions and every record naming it move; undo with the merge's id",
        "/actors/{actorId}/merge",
        WriteResult.extend({ mergeId: z.string() }),
      ),
    )
    .input(
      z.object({
        actorId: Id.describe("The actor that goes."),
        intoId: Id.describe("The actor that stays."),
        aliasKind: AliasKind.optional().describe("What the merged actor's name becomes (default: spelling)."),
        version: Version,
        reason: Why,
      }),
    )
    .mutation(({ ctx, input }) => clientErrors(() => mergeActors(ctx.db, ctx.reviewer, input, input.reason))),
  unmerge: protectedProcedure
    .meta(write("Undo a merge, while nothing it changed has changed since", "/merges/{mergeId}/undo"))
    .input(z.object({ mergeId: Id, reason: Why }))
    .mutation(({ ctx, input }) => clientErrors(() => unmergeActors(ctx.db, ctx.reviewer, input.mergeId, input.reason))),
  split: protectedProcedure
    .meta(
      write(
        "Split one of an actor's names off into an actor of its own, with the mentions found by that name",
        "/actors/{actorId}/split",
        WriteResult.extend({ actorId: z.string() }),
      ),
    )
    .input(
      z.object({
        actorId: Id,
        alias: z.string().min(1).describe("The name to split off."),
        id: Id.optional(),
        actorKind: ActorKind.optional(),
        description: z.string().trim().min(1),
        version: Version,
        reason: Why,
      }),
    )
    .mutation(({ ctx, input }) => clientErrors(() => splitAlias(ctx.db, ctx.reviewer, input, input.reason))),
  history: publicProcedure
    .meta({
      rest: {
        method: "GET",
        path: "/records/{id}/history",
        summary: "Every change to a record, oldest first: who, when, before and after, why (retired records too)",
        tags: ["workbench"],
        output: RecordHistory,
      },
    })
    .input(z.object({ id: RecordId, type: Type }))
    .query(({ ctx, input }) => clientErrors(() => recordHistory(ctx.db, input.id, input.type))),
  changes: publicProcedure
    .meta({
      rest: {
        method: "GET",
        path: "/changes",
        summary: "What changed since a time: created, changed and retired record ids, and every change",
        tags: ["workbench"],
        output: ChangeFeed,
      },
    })
    .input(
      z.object({
        since: z
          .string()
          .min(1)
          .describe("An ISO timestamp (2026-12-06T10:00:00Z); the changes after it. Follow with the answer's `until`."),
      }),
    )
    .query(({ ctx, input }) => clientErrors(() => changesSince(ctx.db, input.since))),
});
