import {
  ClaimDetail,
  ClaimListInput,
  ClaimSummary,
  ContradictionPage,
  ContradictionsInput,
  claimById,
  contradictions,
  listClaims,
  pageOf,
} from "@atlas/data";
import { notFound, publicProcedure, router, unlessUnknown } from "../trpc.js";
import { IdInput } from "./sources.js";

export const claimRouter = router({
  list: publicProcedure
    .meta({
      rest: {
        method: "GET",
        path: "/claims",
        summary: "Claims filtered by claimant, subject, stance or source",
        tags: ["claims"],
        output: pageOf(ClaimSummary),
        errors: { 404: "A filter names no record: no actor, event or source with that id." },
      },
    })
    .input(ClaimListInput)
    .query(async ({ ctx, input }) => {
      const page = await listClaims(ctx.db, input);
      return unlessUnknown(ctx.db, page, page.items.length === 0, [
        ["claimantId", "actor", input.claimantId],
        ["aboutActorId", "actor", input.aboutActorId],
        ["aboutEventId", "event", input.aboutEventId],
        ["sourceId", "source", input.sourceId],
      ]);
    }),
  byId: publicProcedure
    .meta({
      rest: {
        method: "GET",
        path: "/claims/{id}",
        summary: "A claim with its attribution and the claims that support or contradict it",
        tags: ["claims"],
        output: ClaimDetail,
      },
    })
    .input(IdInput)
    .query(async ({ ctx, input }) => (await claimById(ctx.db, input.id)) ?? notFound("claim", input.id)),
  contradictions: publicProcedure
    .meta({
      rest: {
        method: "GET",
        path: "/contradictions",
        summary:
          "Every pair of claims that contradict each other, side by side, a page at a time; narrowed to pairs with a claim by, about or reported by something",
        tags: ["claims"],
        output: ContradictionPage,
      },
    })
    .input(ContradictionsInput)
    .query(async ({ ctx, input }) => {
      const page = await contradictions(ctx.db, input);
      return unlessUnknown(ctx.db, page, page.items.length === 0, [
        ["claimantId", "actor", input.claimantId],
        ["aboutActorId", "actor", input.aboutActorId],
        ["aboutEventId", "event", input.aboutEventId],
        ["sourceId", "source", input.sourceId],
      ]);
    }),
});
