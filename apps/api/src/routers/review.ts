/**
 * Review of suggestions (writes: need the bearer token). Accepting creates real records with
 * verbatim evidence — mentions, actors or aliases, events, claims — which survive re-seeding.
 */
import {
  AcceptManyView,
  AcceptResultView,
  acceptAll,
  acceptSuggestion,
  editSuggestion,
  rejectSuggestion,
  SuggestionEdit,
  SuggestionKind,
  SuggestionView,
} from "@atlas/data";
import { z } from "zod";
import { protectedProcedure, router, unlessUnknown } from "../trpc.js";
import { clientErrors } from "./ingest.js";

const SuggestionId = z.string().min(1).max(300).describe("The suggestion's id.");
const Note = z.string().trim().min(1).max(1000).optional().describe("Why, for the record.");

export const reviewRouter = router({
  accept: protectedProcedure
    .meta({
      rest: {
        method: "POST",
        path: "/review/{id}/accept",
        summary: "Accept a suggestion, with optional edits; creates the records it proposes",
        tags: ["review"],
        output: AcceptResultView,
        protected: true,
        errors: { 404: "No suggestion with that id.", 409: "The suggestion was already reviewed." },
      },
    })
    .input(z.object({ id: SuggestionId, edit: SuggestionEdit.optional(), note: Note }))
    .mutation(({ ctx, input }) =>
      clientErrors(() => acceptSuggestion(ctx.db, input.id, { edit: input.edit, note: input.note, by: ctx.reviewer })),
    ),
  edit: protectedProcedure
    .meta({
      rest: {
        method: "POST",
        path: "/review/{id}/edit",
        summary: "Save changes to a suggestion without accepting it",
        tags: ["review"],
        output: SuggestionView,
        protected: true,
        errors: { 404: "No suggestion with that id.", 409: "The suggestion was already reviewed." },
      },
    })
    .input(z.object({ id: SuggestionId, edit: SuggestionEdit }))
    .mutation(({ ctx, input }) => clientErrors(() => editSuggestion(ctx.db, input.id, input.edit, ctx.reviewer))),
  reject: protectedProcedure
    .meta({
      rest: {
        method: "POST",
        path: "/review/{id}/reject",
        summary: "Reject a suggestion; nothing is created",
        tags: ["review"],
        output: SuggestionView,
        protected: true,
        errors: { 404: "No suggestion with that id.", 409: "The suggestion was already reviewed." },
      },
    })
    .input(z.object({ id: SuggestionId, note: Note }))
    .mutation(({ ctx, input }) => clientErrors(() => rejectSuggestion(ctx.db, input.id, input.note, ctx.reviewer))),
  acceptAll: protectedProcedure
    .meta({
      rest: {
        method: "POST",
        path: "/review/documents/{sourceId}/accept-all",
        summary: "Accept every pending suggestion of one kind in a document (mentions, typically)",
        tags: ["review"],
        output: AcceptManyView,
        protected: true,
        errors: { 404: "No ingested document with that id." },
      },
    })
    .input(
      z.object({
        sourceId: z.string().min(1).max(200),
        kind: SuggestionKind,
        minConfidence: z
          .number()
          .min(0)
          .max(1)
          .optional()
          .describe("Only suggestions at least this sure (0–1): the confident ones, leaving the rest for a look."),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const result = await clientErrors(() =>
        acceptAll(ctx.db, input.sourceId, input.kind, { minConfidence: input.minConfidence, by: ctx.reviewer }),
      );
      return unlessUnknown(ctx.db, result, result.accepted === 0 && result.failed.length === 0, [
        ["sourceId", "source", input.sourceId],
      ]);
    }),
});
