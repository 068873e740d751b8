import { EventDetail, eventById, eventsTimeline, TimelineInput, TimelinePage } from "@atlas/data";
import { notFound, publicProcedure, router, unlessUnknown } from "../trpc.js";
import { IdInput } from "./sources.js";

export const eventRouter = router({
  timeline: publicProcedure
    .meta({
      rest: {
        method: "GET",
        path: "/events",
        summary:
          "Events in time order (or most sources first), filtered by dates (overlap, or inside the window), kind, actor, place, source or corroboration",
        tags: ["events"],
        output: TimelinePage,
        errors: { 404: "A filter names no record: no actor, place or source with that id." },
      },
    })
    .input(TimelineInput)
    .query(async ({ ctx, input }) => {
      const page = await eventsTimeline(ctx.db, input);
      return unlessUnknown(ctx.db, page, page.items.length === 0, [
        ["actorId", "actor", input.actorId],
        ["placeId", "place", input.placeId],
        ["sourceId", "source", input.sourceId],
      ]);
    }),
  byId: publicProcedure
    .meta({
      rest: {
        method: "GET",
        path: "/events/{id}",
        summary: "An event with participants, fatalities as reported and every source that reports it",
        tags: ["events"],
        output: EventDetail,
      },
    })
    .input(IdInput)
    .query(async ({ ctx, input }) => (await eventById(ctx.db, input.id)) ?? notFound("event", input.id)),
});
