/**
 * The API path: a typed tRPC client over HTTP, reduced to the procedures the CLI calls. Writes
 * (mutations) carry `Authorization: Bearer <token>`; reads carry nothing.
 */
import type { AppRouter } from "@atlas/api";
import { MAX_BATCH } from "@atlas/api/limits";
import { createTRPCClient, httpBatchLink } from "@trpc/client";
import { type Atlas, atlasFrom } from "./data.js";
import type { IngestToken } from "./token.js";

export function connectApi(url: string, lookupToken: () => IngestToken | null): Atlas {
  let looked: { token: IngestToken | null } | null = null;
  const token = () => {
    looked ??= { token: lookupToken() };
    return looked.token;
  };
  const client = createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: `${url}/trpc`,
        // No larger than the API takes.
        maxItems: MAX_BATCH,
        headers: ({ opList }) => {
          // Writes, and the reviewers' list (an admin's), say who asks.
          const t = opList.some((op) => op.type === "mutation" || op.path.startsWith("reviewers.")) ? token() : null;
          return t ? { authorization: `Bearer ${t.token}` } : {};
        },
      }),
    ],
  });
  return atlasFrom(
    {
      actors: {
        list: (i) => client.actors.list.query(i),
        byId: (i) => client.actors.byId.query(i),
        dossier: (i) => client.actors.dossier.query(i),
        dossierMarkdown: (i) => client.actors.dossierMarkdown.query(i),
      },
      relations: { paths: (i) => client.relations.paths.query(i) },
      events: { timeline: (i) => client.events.timeline.query(i), byId: (i) => client.events.byId.query(i) },
      claims: {
        list: (i) => client.claims.list.query(i),
        byId: (i) => client.claims.byId.query(i),
        contradictions: (i) => client.claims.contradictions.query(i),
      },
      sources: { list: (i) => client.sources.list.query(i), byId: (i) => client.sources.byId.query(i) },
      search: { query: (i) => client.search.query.query(i) },
      export: { as: (i) => client.export.as.query(i) },
      // The server does all the work in one request; progress is the caller's spinner.
      ingest: {
        add: (i) => client.ingest.add.mutate(i),
        importFile: (i) => client.ingest.importFile.mutate(i),
        documents: () => client.ingest.documents.query({}),
        suggestions: (i) => client.ingest.suggestions.query(i),
      },
      review: {
        accept: (i) => client.review.accept.mutate(i),
        reject: (i) => client.review.reject.mutate(i),
        acceptAll: (i) => client.review.acceptAll.mutate(i),
      },
      workbench: {
        records: {
          add: (i) => client.records.add.mutate(i),
          edit: (i) => client.records.edit.mutate(i),
          retire: (i) => client.records.retire.mutate(i),
          restore: (i) => client.records.restore.mutate(i),
          grade: (i) => client.records.grade.mutate(i),
          merge: (i) => client.records.merge.mutate(i),
          unmerge: (i) => client.records.unmerge.mutate(i),
          split: (i) => client.records.split.mutate(i),
          history: (i) => client.records.history.query(i),
          changes: (i) => client.records.changes.query(i),
        },
        reviewers: {
          me: () => client.reviewers.me.query({}),
          list: () => client.reviewers.list.query({}),
          add: (i) => client.reviewers.add.mutate(i),
          revoke: (i) => client.reviewers.revoke.mutate(i),
        },
      },
    },
    { kind: "api", url },
    async () => {},
    token,
  );
}
