/**
 * Writes (ingest, review) go through their own client, which carries the API's bearer token.
 * Only server actions import this; the token stays in the server's environment. Without a token
 * there is no writer at all, and the review pages say how to enable one.
 */
import "server-only";
import type { AppRouter } from "@atlas/api";
import { createTRPCClient, httpLink, TRPCClientError } from "@trpc/client";
import { headers } from "next/headers";
import { env } from "@/env";
import { apiUrl } from "./client";
import { describeFailure } from "./load";

const token = env.ATLAS_INGEST_TOKEN;

export const canWrite = token !== undefined;

/** The reader a write is made for, as the web server named them (server.mjs), for the API's per-client limits. */
async function readerHeader(): Promise<Record<string, string>> {
  try {
    const reader = (await headers()).get("x-atlas-client");
    return reader ? { "x-atlas-client": reader } : {};
  } catch {
    return {};
  }
}

export const writer = token
  ? createTRPCClient<AppRouter>({
      links: [
        httpLink({
          url: `${apiUrl}/trpc`,
          headers: async () => ({ authorization: `Bearer ${token}`, ...(await readerHeader()) }),
        }),
      ],
    })
  : null;

/** The API's error code for a failed write ("CONFLICT", "BAD_REQUEST"…), or null if it never answered. */
export const codeOf = (e: unknown): string | null => {
  if (!(e instanceof TRPCClientError)) return null;
  const data = e.data as { code?: unknown } | undefined;
  return typeof data?.code === "string" ? data.code : null;
};

/**
 * What a refused write tells the user. The API's own refusals (empty, binary, duplicate, a
 * speaker who is not an actor yet…) are shown as they are: they already say what to do. A token
 * the API does not accept, or an API that is down, is explained in terms of how to fix it.
 */
export function writeFailure(what: string, e: unknown): string {
  const code = codeOf(e);
  if (code === "BAD_REQUEST" || code === "CONFLICT" || code === "PAYLOAD_TOO_LARGE" || code === "NOT_FOUND") {
    return (e as Error).message;
  }
  if (code === "UNAUTHORIZED") {
    return "The API refused this web server's token. Give the API and the web server the same ATLAS_INGEST_TOKEN, then restart both.";
  }
  if (code === "FORBIDDEN") {
    return "The API has writes switched off. Start it with ATLAS_INGEST_TOKEN set (the same token as this web server's).";
  }
  const failure = describeFailure(what, e);
  console.error(`web: ${what}: ${failure.message}`);
  return failure.kind === "unreachable"
    ? `${failure.message} Start it (pnpm --filter @atlas/api start, or pnpm start) and try again.`
    : failure.message;
}
