/**
 * Reviewers: who may write. An admin adds one (the token is shown once) and revokes one. Before
 * any admin exists, the first can be made only in the process that holds the database (the CLI
 * on the embedded database, or with DATABASE_URL): whoever can open its files can change them.
 */
import {
  addReviewer,
  listReviewers,
  NewReviewer,
  ReviewerName,
  ReviewerView,
  reviewerCounts,
  revokeReviewer,
} from "@atlas/data";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { adminProcedure, protectedProcedure, publicProcedure, reviewerOf, router } from "../trpc.js";
import { clientErrors } from "./ingest.js";

export const reviewerRouter = router({
  me: protectedProcedure
    .meta({
      rest: {
        method: "GET",
        path: "/reviewers/me",
        summary: "Who the token belongs to (a sign-in check)",
        tags: ["reviewers"],
        output: z.object({ name: z.string(), admin: z.boolean() }),
        protected: true,
      },
    })
    .input(z.object({}).optional())
    .query(({ ctx }) => ctx.reviewer),
  list: publicProcedure
    .meta({
      rest: {
        method: "GET",
        path: "/reviewers",
        summary: "The reviewers, revoked ones included (an admin's token, once an admin exists)",
        tags: ["reviewers"],
        output: z.array(ReviewerView),
        protected: true,
      },
    })
    .input(z.object({}).optional())
    .query(async ({ ctx }) => {
      if ((await reviewerCounts(ctx.db)).admins > 0) {
        const reviewer = await reviewerOf(ctx);
        if (!reviewer.admin) {
          throw new TRPCError({
            code: "FORBIDDEN",
            message: `Only an admin lists reviewers; "${reviewer.name}" is not one.`,
          });
        }
      }
      return listReviewers(ctx.db);
    }),
  add: publicProcedure
    .meta({
      rest: {
        method: "POST",
        path: "/reviewers",
        summary: "Add a reviewer; the answer holds their token, shown this once (an admin's token)",
        tags: ["reviewers"],
        output: NewReviewer,
        protected: true,
      },
    })
    .input(z.object({ name: ReviewerName, admin: z.boolean().default(false) }))
    .mutation(async ({ ctx, input }) => {
      if ((await reviewerCounts(ctx.db)).admins === 0 && !ctx.token) {
        if (!ctx.inProcess) {
          throw new TRPCError({
            code: "FORBIDDEN",
            message:
              "No admin exists yet, and the first one is made where the database is: run atlas reviewers add NAME --admin with the API stopped (embedded database) or with DATABASE_URL, or start the API with ATLAS_INGEST_TOKEN.",
          });
        }
        if (!input.admin) {
          throw new TRPCError({
            code: "BAD_REQUEST",
            message: "admin: the first reviewer must be an admin (--admin).",
          });
        }
        return clientErrors(() => addReviewer(ctx.db, { ...input, by: null }));
      }
      const by = await reviewerOf(ctx);
      if (!by.admin)
        throw new TRPCError({ code: "FORBIDDEN", message: `Only an admin adds reviewers; "${by.name}" is not one.` });
      return clientErrors(() => addReviewer(ctx.db, { ...input, by }));
    }),
  revoke: adminProcedure
    .meta({
      rest: {
        method: "POST",
        path: "/reviewers/{name}/revoke",
        summary: "Revoke a reviewer's token; their changes keep their name",
        tags: ["reviewers"],
        output: ReviewerView,
        protected: true,
      },
    })
    .input(z.object({ name: z.string().min(1).max(40) }))
    .mutation(({ ctx, input }) => clientErrors(() => revokeReviewer(ctx.db, input.name, ctx.reviewer))),
});
