/**
 * tRPC setup. Errors never carry stack traces; invalid input comes back as BAD_REQUEST with one
 * line per problem naming the field ("limit: Too big…"), and the same issues as data.
 */
import {
  authenticate,
  type Db,
  InvalidCursorError,
  isStatementTimeout,
  type Reference,
  type Reviewer,
  reviewerCounts,
  unknownReference,
} from "@atlas/data";
import { initTRPC, TRPCError } from "@trpc/server";
import type { z } from "zod";
import type { Context } from "./context.js";
import { BusyError, MAX_BATCH, TooManyError } from "./limits.js";

export interface RestMeta {
  /**
   * Expensive work, named for messages ("an export"): one at a time per client (a second one
   * meanwhile gets 429), and never in a tRPC batch.
   */
  expensive?: string;
  /** Takes a whole document in its input: its body may be as large as MAX_INGEST_BODY_BYTES. */
  takesDocument?: boolean;
  /** Takes a whole file to import: its body may be as large as MAX_IMPORT_BODY_BYTES. */
  takesImport?: boolean;
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
     * with its content type, one of these (with the schema of a JSON one; text otherwise).
     */
    raw?: { contentType: string; schema?: z.ZodType }[];
    /** What this route's refusals mean besides invalid input (404 for an id in the path is implied). */
    errors?: { 404?: string; 409?: string; 422?: string };
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

/** Asks the client to come back later: 503 (busy, or a statement stopped) and 429 (one at a time). */
export function retryAfterSeconds(code: TRPCError["code"]): number | null {
  return code === "SERVICE_UNAVAILABLE" || code === "TOO_MANY_REQUESTS" ? 1 : null;
}

/** Maps the query layer's own errors to client errors; anything else is an internal error with no detail. */
const errors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof InvalidCursorError) {
    throw new TRPCError({ code: "BAD_REQUEST", message: `cursor: ${result.error.cause.message}` });
  }
  if (!result.ok && isStatementTimeout(result.error)) {
    throw new TRPCError({
      code: "SERVICE_UNAVAILABLE",
      message:
        "The database took too long to answer and stopped: try a narrower request (fewer words, a filter), or again in a moment.",
    });
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

/** Issues found before the input schema runs, in the shape zod gives (a path of keys), so errorBody reads both alike. */
class InputIssues extends Error {
  constructor(readonly issues: { path: string[]; message: string }[]) {
    super(issues.map((i) => `${i.path.join(".") || "(input)"}: ${i.message}`).join("; "));
  }
}

/** Where in an input a string holds a NUL character (the keys leading to it), or null. */
function nulAt(value: unknown, path: string[] = [], depth = 0): string[] | null {
  if (typeof value === "string") return value.includes("\0") ? path : null;
  if (depth > 32 || value === null || typeof value !== "object") return null;
  for (const [key, item] of Object.entries(value)) {
    const found = nulAt(item, [...path, key], depth + 1);
    if (found) return found;
  }
  return null;
}

/** No text in the atlas (nor in PostgreSQL) can hold a NUL character: refused by name, before any query. */
const refuseNul = t.middleware(async ({ getRawInput, next }) => {
  const path = nulAt(await getRawInput());
  if (path) {
    throw new TRPCError({
      code: "BAD_REQUEST",
      cause: new InputIssues([
        { path, message: "contains a NUL character (U+0000), which no text in the atlas can hold; remove it" },
      ]),
    });
  }
  return next();
});

/**
 * Waits for the server's admission to the database (none in-process); refused with 503 when busy.
 * An ingest or an import is not admitted this way: an ingest spends its time analyzing on a thread
 * of its own and writes in short statements, an import is one per client at a time (expensive),
 * and holding a turn for minutes would only keep readers waiting.
 */
const admitted = t.middleware(async ({ ctx, meta, next }) => {
  if (!ctx.admission || meta?.takesDocument || meta?.takesImport) return next();
  try {
    return await ctx.admission.run(() => next());
  } catch (e) {
    if (e instanceof BusyError) throw new TRPCError({ code: "SERVICE_UNAVAILABLE", message: e.message });
    throw e;
  }
});

/** Expensive work (`meta.expensive`): one at a time per client; a second one meanwhile gets 429. */
const oneAtATime = t.middleware(async ({ ctx, meta, next }) => {
  if (!meta?.expensive || !ctx.perClient) return next();
  try {
    return await ctx.perClient.run(ctx.client, meta.expensive, () => next());
  } catch (e) {
    if (e instanceof TooManyError) throw new TRPCError({ code: "TOO_MANY_REQUESTS", message: e.message });
    throw e;
  }
});

const base = t.procedure.use(errors).use(refuseNul).use(oneAtATime);

export const publicProcedure = base.use(admitted);

/** Why a write with `token` is refused, or the reviewer it belongs to. The server checks it before reading a body too. */
export async function writeCheck(
  db: Db,
  token: string | null,
): Promise<{ ok: true; reviewer: Reviewer } | { ok: false; code: "FORBIDDEN" | "UNAUTHORIZED"; message: string }> {
  if (!token) {
    if ((await reviewerCounts(db)).active === 0) {
      return {
        ok: false,
        code: "FORBIDDEN",
        message:
          "Writes are off: no reviewer exists yet. Create the first admin with `atlas reviewers add NAME --admin` where the database is (it prints the token), or start the API with ATLAS_INGEST_TOKEN (npm start does, and keeps it in .data/ingest-token).",
      };
    }
    return {
      ok: false,
      code: "UNAUTHORIZED",
      message:
        "Writes name their reviewer: send your token as Authorization: Bearer <token> (an admin makes one with atlas reviewers add NAME).",
    };
  }
  const found = await authenticate(db, token);
  if (found.ok) return { ok: true, reviewer: found.reviewer };
  return {
    ok: false,
    code: "UNAUTHORIZED",
    message:
      found.reason === "revoked"
        ? `The token of reviewer "${found.name}" was revoked (${found.revokedAt}${found.revokedBy ? `, by ${found.revokedBy}` : ""}); ask an admin for a new one.`
        : "This token is no reviewer's: check it, or ask an admin for one (atlas reviewers add NAME).",
  };
}

/** Who a request's token belongs to, or why it may not write. */
export async function reviewerOf(ctx: Context): Promise<Reviewer> {
  const check = await writeCheck(ctx.db, ctx.token);
  if (!check.ok) throw new TRPCError({ code: check.code, message: check.message });
  return check.reviewer;
}

/** Writes: the caller's token must be a reviewer's, who is then named in the history. */
export const protectedProcedure = base
  .use(async ({ ctx, next }) => next({ ctx: { reviewer: await reviewerOf(ctx) } }))
  .use(admitted);

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

/** A batch's calls, refused before any runs: too many, or an expensive one that must travel alone. */
export function batchRefusal(paths: string[], expensive: (path: string) => boolean): string | null {
  if (paths.length > MAX_BATCH) {
    return `A batch may hold at most ${MAX_BATCH} calls; this one has ${paths.length}. Send the rest in another request.`;
  }
  const alone = paths.find(expensive);
  if (alone && paths.length > 1) return `${alone} must be sent on its own, not in a batch.`;
  return null;
}

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
