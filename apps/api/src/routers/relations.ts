import { Graph, GraphInput, relationGraph } from "@atlas/data";
import { publicProcedure, router, unlessUnknown } from "../trpc.js";

export const relationRouter = router({
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
});
