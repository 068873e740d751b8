/** The API: every procedure, exported as a type for clients and as a caller for tests and the CLI. */
import { actorRouter } from "./routers/actors.js";
import { claimRouter } from "./routers/claims.js";
import { eventRouter } from "./routers/events.js";
import { ingestRouter } from "./routers/ingest.js";
import { exportRouter, placeRouter, searchRouter, statsRouter } from "./routers/misc.js";
import { recordRouter } from "./routers/records.js";
import { relationRouter } from "./routers/relations.js";
import { reviewRouter } from "./routers/review.js";
import { reviewerRouter } from "./routers/reviewers.js";
import { sourceRouter } from "./routers/sources.js";
import { createCallerFactory, router } from "./trpc.js";

export const appRouter = router({
  sources: sourceRouter,
  actors: actorRouter,
  relations: relationRouter,
  events: eventRouter,
  claims: claimRouter,
  places: placeRouter,
  search: searchRouter,
  stats: statsRouter,
  export: exportRouter,
  ingest: ingestRouter,
  review: reviewRouter,
  records: recordRouter,
  reviewers: reviewerRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
