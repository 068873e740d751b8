/**
 * tRPC setup. Errors never carry stack traces; invalid input comes back as BAD_REQUEST with one
 * line per problem naming the field ("limit: Too big…"), and the same issues as data.
 */
import {
  authenticate,
  type Db,
  InvalidCursorError,
  type Reference,
  type Reviewer,
  reviewerCounts,
  unknownReference,
} from "@atlas/data";
import { initTRPC, TRPCError } from "@trpc/server";
import type { z } from "zod";
import type { Context } from "./context.js";

export interface RestMeta {
  rest?: {
    method: "GET" | "POST";
    /** Path under /api, with {param} for path parameters taken from the input. */
    path: string;
    summary: string;
    tags: string[];
    /** The response body's schema, for the OpenAPI document. */
    output: z.ZodType;
    /** Writes need the bearer token. */
    protected?: boolean;
    /**
     * The procedure returns a file ({ contentType, filename, body }); REST sends the body itself
     * with its content type (one of these) instead of JSON.
     */
    raw?: string[];
  };
}

export interface Issue {
  path: string;
  message: string;
}

const issuesOf = (cause: unknown): Issue[] | null => {
  if (!cause || typeof cause !== "object" || !("issues" in cause) || !Array.isArray(cause.issues)) return null;
  return (cause.issues as { path?: PropertyKey[] | { key: PropertyKey }[]; message: string }[]).map((i) => ({
    path:
      (i.path ?? [])
        .map((p) => (typeof p === "object" && p !== null && "key" in p ? String(p.key) : String(p)))
        .join(".") || "(input)",
    message: i.message,
  }));
};

/** The one error shape, for tRPC and REST alike: a code, a message naming the field, the issues. */
export function errorBody(error: TRPCError): { code: string; message: string; issues: Issue[] | null } {
  const issues = error.code === "BAD_REQUEST" ? issuesOf(error.cause) : null;
  return {
    code: error.code,
    message: issues ? `Invalid input: ${issues.map((i) => `${i.path}: ${i.message}`).join("; ")}` : error.message,
    issues,
  };
}

const t = initTRPC
  .context<Context>()
  .meta<RestMeta>()
  .create({
    isDev: false,
    errorFormatter({ shape, error }) {
      const { message, issues } = errorBody(error);
      return {
        ...shape,
        message,
        data: { code: shape.data.code, httpStatus: shape.data.httpStatus, path: shape.data.path, issues },
      };
    },
  });

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Maps the query layer's own errors to client errors; anything else is an internal error with no detail. */
const errors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof InvalidCursorError) {
    throw new TRPCError({ code: "BAD_REQUEST", message: `cursor: ${result.error.cause.message}` });
  }
  if (!result.ok && result.error.code === "INTERNAL_SERVER_ERROR") {
    console.error(result.error.cause ?? result.error);
    throw new TRPCError({
      code: "INTERNAL_SERVER_ERROR",
      message: "The server failed to answer; the error is in its log.",
    });
  }
  return result;
});

export const publicProcedure = t.procedure.use(errors);

/** Who a request's token belongs to, or why it may not write. */
export async function reviewerOf(ctx: Context): Promise<Reviewer> {
  if (!ctx.token) {
    if ((await reviewerCounts(ctx.db)).active === 0) {
      throw new TRPCError({
        code: "FORBIDDEN",
        message:
          "Writes are off: no reviewer exists yet. Create the first admin with `atlas reviewers add NAME --admin` where the database is (it prints the token), or start the API with ATLAS_INGEST_TOKEN (npm start does, and keeps it in .data/ingest-token).",
      });
    }
    throw new TRPCError({
      code: "UNAUTHORIZED",
      message:
        "Writes name their reviewer: send your token as Authorization: Bearer <token> (an admin makes one with atlas reviewers add NAME).",
    });
  }
  const found = await authenticate(ctx.db, ctx.token);
  if (found.ok) return found.reviewer;
  throw new TRPCError({
    code: "UNAUTHORIZED",
    message:
      found.reason === "revoked"
        ? `The token of reviewer "${found.name}" was revoked (${found.revokedAt}${found.revokedBy ? `, by ${found.revokedBy}` : ""}); ask an admin for a new one.`
        : "This token is no reviewer's: check it, or ask an admin for one (atlas reviewers add NAME).",
  });
}

/** Writes: the caller's token must be a reviewer's, who is then named in the history. */
export const protectedProcedure = publicProcedure.use(async ({ ctx, next }) =>
  next({ ctx: { reviewer: await reviewerOf(ctx) } }),
);

/** Managing reviewers: an admin's token. */
export const adminProcedure = protectedProcedure.use(({ ctx, next }) => {
  if (!ctx.reviewer.admin) {
    throw new TRPCError({
      code: "FORBIDDEN",
      message: `Only an admin manages reviewers; "${ctx.reviewer.name}" is not one.`,
    });
  }
  return next();
});

export const notFound = (what: string, id: string): never => {
  throw new TRPCError({ code: "NOT_FOUND", message: `No ${what} with id "${id}".` });
};

/**
 * A filtered result that came back empty may be empty because a filter names nothing ("nobody"
 * is no actor): then it is NOT_FOUND naming the filter, not an empty list that hides the typo.
 * Asked only for empty results, so the usual request pays nothing.
 */
export async function unlessUnknown<T>(db: Db, result: T, empty: boolean, references: Reference[]): Promise<T> {
  if (!empty) return result;
  const unknown = await unknownReference(db, references);
  if (unknown) {
    const [field, kind, id] = unknown;
    throw new TRPCError({ code: "NOT_FOUND", message: `${field}: no ${kind} with id "${id}".` });
  }
  return result;
}
