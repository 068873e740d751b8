/** The API path: a typed tRPC client over HTTP, reduced to the procedures the CLI calls. */
import type { AppRouter } from "@atlas/api";
import { createTRPCClient, httpBatchLink } from "@trpc/client";
import { type Atlas, atlasFrom } from "./data.js";

export function connectApi(url: string): Atlas {
  const client = createTRPCClient<AppRouter>({ links: [httpBatchLink({ url: `${url}/trpc` })] });
  return atlasFrom(
    {
      actors: { list: (i) => client.actors.list.query(i), byId: (i) => client.actors.byId.query(i) },
      events: { timeline: (i) => client.events.timeline.query(i), byId: (i) => client.events.byId.query(i) },
      claims: { list: (i) => client.claims.list.query(i), byId: (i) => client.claims.byId.query(i) },
      sources: { list: (i) => client.sources.list.query(i), byId: (i) => client.sources.byId.query(i) },
      search: { query: (i) => client.search.query.query(i) },
      export: { dataset: () => client.export.dataset.query({}) },
    },
    { kind: "api", url },
    async () => {},
  );
}
