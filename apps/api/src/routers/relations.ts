import { Graph, GraphInput, relationGraph } from "@atlas/data";
import { publicProcedure, router } from "../trpc.js";

export const relationRouter = router({
  graph: publicProcedure
    .meta({
      rest: {
        method: "GET",
        path: "/graph",
        summary: "The relation graph: actors as nodes, typed relations as edges",
        tags: ["relations"],
        output: Graph,
      },
    })
    .input(GraphInput)
    .query(({ ctx, input }) => relationGraph(ctx.db, input)),
});
