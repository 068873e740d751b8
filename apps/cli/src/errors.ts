/**
 * The CLI's errors and exit codes: 0 ok, 1 not found or the data could not be reached, 2 usage
 * error. Each error carries a message a person can act on; none prints a stack trace.
 */
export const EXIT = { ok: 0, failure: 1, notFound: 1, usage: 2 } as const;

/** Bad arguments, flags or environment: the message names the flag or variable. Exit 2. */
export class UsageError extends Error {
  readonly exitCode = EXIT.usage;
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

/** A record that does not exist. Exit 1. */
export class NotFoundError extends Error {
  readonly exitCode = EXIT.notFound;
  constructor(message: string) {
    super(message);
    this.name = "NotFoundError";
  }
}

/** The data could not be reached or the server failed. Exit 1. */
export class DataError extends Error {
  readonly exitCode = EXIT.failure;
  constructor(message: string) {
    super(message);
    this.name = "DataError";
  }
}

/** The server (or the CLI on its behalf) refused what was sent: a document, a review. Exit 1. */
export class RefusedError extends Error {
  readonly exitCode = EXIT.failure;
  constructor(message: string) {
    super(message);
    this.name = "RefusedError";
  }
}

export type CliError = UsageError | NotFoundError | DataError | RefusedError;

export const isCliError = (e: unknown): e is CliError =>
  e instanceof UsageError || e instanceof NotFoundError || e instanceof DataError || e instanceof RefusedError;

interface ProcedureErrorShape {
  name?: string;
  message?: string;
  code?: string;
  data?: { code?: string; issues?: { path: string; message: string }[] | null } | null;
  cause?: { issues?: { path?: PropertyKey[]; message: string }[] } | null;
}

/** The error's tRPC code: the in-process caller's TRPCError has `code`, the HTTP client's error `data.code`. */
export const procedureCode = (e: unknown): string | undefined => {
  const err = e as ProcedureErrorShape | null;
  return err?.data?.code ?? (err?.name === "TRPCError" ? err.code : undefined);
};

/**
 * Input the procedure's schema refused, as "field: problem" lines: over HTTP the server has
 * formatted them already; in-process the TRPCError's cause is the ZodError itself.
 */
export function inputIssues(e: unknown): string | null {
  const err = e as ProcedureErrorShape | null;
  if (procedureCode(e) !== "BAD_REQUEST") return null;
  if (err?.data?.issues?.length) return err.data.issues.map((i) => `${i.path}: ${i.message}`).join("; ");
  const issues = err?.cause?.issues;
  if (Array.isArray(issues) && issues.length) {
    return issues.map((i) => `${(i.path ?? []).map(String).join(".") || "(input)"}: ${i.message}`).join("; ");
  }
  return null;
}

/**
 * Turns an error from either data path into a CLI error. The in-process caller throws TRPCError
 * (`code`), the HTTP client throws TRPCClientError (`data.code`); both are matched by shape so
 * this module loads neither library.
 */
export function fromProcedureError(e: unknown, what: string): CliError {
  if (isCliError(e)) return e;
  const err = e as ProcedureErrorShape | null;
  const code = procedureCode(e);
  const message = err?.message ?? String(e);
  if (code === "NOT_FOUND") return new NotFoundError(message);
  if (code === "BAD_REQUEST") return new UsageError(inputIssues(e) ?? message.replace(/^Invalid input: /, ""));
  if (err?.name === "TRPCClientError" && !code) {
    return new DataError(`The API stopped answering while loading ${what}: ${message}`);
  }
  return new DataError(`Could not load ${what}: ${message}`);
}
