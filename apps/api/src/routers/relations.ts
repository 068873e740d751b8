import {
  Graph,
  GraphInput,
  PathInput,
  Paths,
  RelationDetail,
  relationById,
  relationGraph,
  relationPaths,
  unknownReference,
} from "@atlas/data";
import { TRPCError } from "@trpc/server";
import { notFound, publicProcedure, router, unlessUnknown } from "../trpc.js";
import { IdInput } from "./sources.js";

export const relationRouter = router({
  byId: publicProcedure
    .meta({
      rest: {
        method: "GET",
        path: "/relations/{id}",
        summary: "A relation: its two actors, type, when it held, and the quotes that state it",
        tags: ["relations"],
        output: RelationDetail,
      },
    })
    .input(IdInput)
    .query(async ({ ctx, input }) => (await relationById(ctx.db, input.id)) ?? notFound("relation", input.id)),
  graph: publicProcedure
    .meta({
      rest: {
        method: "GET",
        path: "/graph",
        summary: "The relation graph: actors as nodes, typed relations as edges",
        tags: ["relations"],
        output: Graph,
        errors: { 404: "actorId names no actor." },
      },
    })
    .input(GraphInput)
    .query(async ({ ctx, input }) => {
      const graph = await relationGraph(ctx.db, input);
      return unlessUnknown(ctx.db, graph, graph.nodes.length === 0, [["actorId", "actor", input.actorId]]);
    }),
  paths: publicProcedure
    .meta({
      rest: {
        method: "GET",
        path: "/paths",
        summary:
          "What connects two actors: the shortest chains of relations between them, each step with its relations and their quotes",
        tags: ["relations"],
        output: Paths,
        errors: { 404: "`from` or `to` names no actor." },
      },
    })
    .input(PathInput)
    .query(async ({ ctx, input }) => {
      const paths = await relationPaths(ctx.db, input);
      if (paths) return paths;
      const [field, , id] = (await unknownReference(ctx.db, [
        ["from", "actor", input.from],
        ["to", "actor", input.to],
      ])) ?? ["from", "actor", input.from];
      throw new TRPCError({ code: "NOT_FOUND", message: `${field}: no actor with id "${id}".` });
    }),
});
