/**
 * Calls the API and turns failures into something a page can show: a missing record becomes the
 * real 404 page; an API that does not answer becomes a message saying what failed and how to
 * start it; a bad filter in the URL becomes a message naming the filter. Pages never go blank.
 */
import "server-only";
import { TRPCClientError } from "@trpc/client";
import { notFound } from "next/navigation";
import { apiUrl } from "./client";

export interface Failure {
  /** What the page was loading, in words ("the actor profile"). */
  what: string;
  /**
   * unreachable: no answer at all (the page says how to start the API); input: the address's
   * filters are refused; busy: the API asked to come back shortly; server: anything else.
   */
  kind: "unreachable" | "input" | "busy" | "server";
  message: string;
  apiUrl: string;
}

export type Loaded<T> = { ok: true; data: T } | { ok: false; failure: Failure };

const codeOf = (e: unknown): string | null => {
  if (!(e instanceof TRPCClientError)) return null;
  const data = e.data as { code?: unknown } | undefined;
  return typeof data?.code === "string" ? data.code : null;
};

/** Why a fetch failed, from the bottom of the cause chain: an errno code ("ECONNREFUSED") or the message. */
function networkCause(e: unknown): string | null {
  let cause: unknown = e;
  let deepest: string | null = null;
  let fetchFailed = false;
  for (let depth = 0; depth < 6 && typeof cause === "object" && cause !== null; depth++) {
    const c = cause as { code?: unknown; message?: unknown; cause?: unknown };
    if (typeof c.code === "string" && /^E[A-Z]+$/.test(c.code)) return c.code;
    if (typeof c.message === "string") {
      if (/fetch failed/i.test(c.message)) fetchFailed = true;
      deepest = c.message;
    }
    cause = c.cause;
  }
  return fetchFailed ? deepest : null;
}

export function describeFailure(what: string, e: unknown): Failure {
  const code = codeOf(e);
  if (code === "BAD_REQUEST" || code === "PAYLOAD_TOO_LARGE") {
    return { what, kind: "input", message: (e as Error).message, apiUrl };
  }
  if (code === "SERVICE_UNAVAILABLE" || code === "TOO_MANY_REQUESTS") {
    return { what, kind: "busy", message: (e as Error).message, apiUrl };
  }
  const network = networkCause(e);
  if (network) {
    return { what, kind: "unreachable", message: `The API at ${apiUrl} did not answer (${network}).`, apiUrl };
  }
  // It answered, so it runs: an answer that is not the API's own says nothing about starting it.
  return {
    what,
    kind: "server",
    message: code ? `The API answered ${code}: ${(e as Error).message}` : "The API's answer could not be read.",
    apiUrl,
  };
}

export async function load<T>(what: string, fn: () => Promise<T>): Promise<Loaded<T>> {
  let failure: Failure;
  try {
    return { ok: true, data: await fn() };
  } catch (e) {
    if (codeOf(e) === "NOT_FOUND") notFound();
    failure = describeFailure(what, e);
    if (failure.kind === "unreachable" || failure.kind === "server") console.error(`web: ${what}: ${failure.message}`);
  }
  return { ok: false, failure };
}
