/**
 * tRPC setup. Errors never carry stack traces; invalid input comes back as BAD_REQUEST with one
 * line per problem naming the field ("limit: Too big…"), and the same issues as data.
 */
import { type Db, InvalidCursorError, type Reference, unknownReference } from "@atlas/data";
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

/** Writes: a bearer token equal to ATLAS_INGEST_TOKEN; refused when none is configured. */
export const protectedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.ingestToken) {
    throw new TRPCError({
      code: "FORBIDDEN",
      message: "Writes are disabled: start the API with ATLAS_INGEST_TOKEN set.",
    });
  }
  if (ctx.token !== ctx.ingestToken) {
    throw new TRPCError({
      code: "UNAUTHORIZED",
      message: "Writes need the header Authorization: Bearer <ATLAS_INGEST_TOKEN>.",
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
