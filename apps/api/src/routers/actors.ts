import { ActorDetail, ActorListInput, ActorSummary, actorById, listActors, pageOf } from "@atlas/data";
import { notFound, publicProcedure, router } from "../trpc.js";
import { IdInput } from "./sources.js";

export const actorRouter = router({
  list: publicProcedure
    .meta({
      rest: {
        method: "GET",
        path: "/actors",
        summary: "List actors, filtered and sorted",
        tags: ["actors"],
        output: pageOf(ActorSummary),
      },
    })
    .input(ActorListInput)
    .query(({ ctx, input }) => listActors(ctx.db, input)),
  byId: publicProcedure
    .meta({
      rest: {
        method: "GET",
        path: "/actors/{id}",
        summary: "An actor's profile: aliases, relations both ways, events with roles, claims by and about, mentions",
        tags: ["actors"],
        output: ActorDetail,
      },
    })
    .input(IdInput)
    .query(async ({ ctx, input }) => (await actorById(ctx.db, input.id)) ?? notFound("actor", input.id)),
});
