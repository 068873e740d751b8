import {
  ActorDetail,
  ActorListInput,
  ActorSummary,
  actorById,
  Dossier,
  DossierFile,
  dossier,
  dossierFile,
  listActors,
  pageOf,
} from "@atlas/data";
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
  dossier: publicProcedure
    .meta({
      rest: {
        method: "GET",
        path: "/actors/{id}/dossier",
        summary:
          "An actor's citable profile (leadership, parent and units, backers, designations, attacks, claims…), every line footnoted to a quote",
        tags: ["actors"],
        output: Dossier,
      },
    })
    .input(IdInput)
    .query(async ({ ctx, input }) => (await dossier(ctx.db, input.id)) ?? notFound("actor", input.id)),
  dossierMarkdown: publicProcedure
    .meta({
      rest: {
        method: "GET",
        path: "/actors/{id}/dossier.md",
        summary: "The dossier as Markdown with footnotes (quote, source, date); REST serves the file itself",
        tags: ["actors"],
        output: DossierFile,
        raw: [{ contentType: "text/markdown; charset=utf-8" }],
      },
    })
    .input(IdInput)
    .query(async ({ ctx, input }) => (await dossierFile(ctx.db, input.id)) ?? notFound("actor", input.id)),
});
