import { listSources, pageOf, SourceDetail, SourceListInput, SourceSummary, sourceById } from "@atlas/data";
import { z } from "zod";
import { notFound, publicProcedure, router } from "../trpc.js";

export const IdInput = z.object({ id: z.string().min(1).max(200).describe("The record's id (a slug).") });

export const sourceRouter = router({
  list: publicProcedure
    .meta({
      rest: {
        method: "GET",
        path: "/sources",
        summary: "List sources, oldest first",
        tags: ["sources"],
        output: pageOf(SourceSummary),
      },
    })
    .input(SourceListInput)
    .query(({ ctx, input }) => listSources(ctx.db, input)),
  byId: publicProcedure
    .meta({
      rest: {
        method: "GET",
        path: "/sources/{id}",
        summary: "A source with its text, segments, metadata reasoning and every annotation span",
        tags: ["sources"],
        output: SourceDetail,
      },
    })
    .input(IdInput)
    .query(async ({ ctx, input }) => (await sourceById(ctx.db, input.id)) ?? notFound("source", input.id)),
});
