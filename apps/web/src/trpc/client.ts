/**
 * The one way the web app reads data: a tRPC client for the API, typed by its router. Server
 * components only — the browser never talks to the API, so no API URL or CORS is involved.
 * Calls made in the same tick (Promise.all) travel in batched HTTP requests, each no larger than
 * the API takes (MAX_BATCH calls).
 */
import "server-only";
import type { AppRouter } from "@atlas/api";
import { MAX_BATCH } from "@atlas/api/limits";
import { createTRPCClient, httpBatchLink } from "@trpc/client";
import { env } from "@/env";

export const api = createTRPCClient<AppRouter>({
  links: [httpBatchLink({ url: `${env.ATLAS_API_URL}/trpc`, maxURLLength: 4000, maxItems: MAX_BATCH })],
});

export const apiUrl = env.ATLAS_API_URL;

export type { RouterInputs as Inputs, RouterOutputs as Outputs } from "@atlas/api";
