import {
  EventCounts,
  EventCountsInput,
  EventDetail,
  eventById,
  eventCounts,
  eventsTimeline,
  TimelineInput,
  TimelinePage,
} from "@atlas/data";
import { notFound, publicProcedure, router, unlessUnknown } from "../trpc.js";
import { IdInput } from "./sources.js";

export const eventRouter = router({
  counts: publicProcedure
    .meta({
      rest: {
        method: "GET",
        path: "/event-counts",
        summary:
          "Events per month or year with the timeline's filters: vague dates as a band, deaths as reported ranges (unknown is not zero)",
        tags: ["events"],
        output: EventCounts,
      },
    })
    .input(EventCountsInput)
    .query(async ({ ctx, input }) => {
      const counts = await eventCounts(ctx.db, input);
      return unlessUnknown(ctx.db, counts, counts.charted + counts.openEnded === 0, [
        ["actorId", "actor", input.actorId],
        ["placeId", "place", input.placeId],
        ["sourceId", "source", input.sourceId],
      ]);
    }),
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
