import { EventDetail, EventSummary, eventById, eventsTimeline, pageOf, TimelineInput } from "@atlas/data";
import { notFound, publicProcedure, router, unlessUnknown } from "../trpc.js";
import { IdInput } from "./sources.js";

export const eventRouter = router({
  timeline: publicProcedure
    .meta({
      rest: {
        method: "GET",
        path: "/events",
        summary: "Events in time order, filtered by dates (overlap), kind, actor, place or source",
        tags: ["events"],
        output: pageOf(EventSummary),
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
