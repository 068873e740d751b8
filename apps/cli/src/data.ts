/**
 * Where the data comes from, behind one interface: the API over HTTP (a typed tRPC client) when
 * a server answers at ATLAS_API_URL, otherwise the embedded database opened in this process
 * through the same router. Both paths are loaded lazily so a command pays only for the one it uses.
 */
import type { AppRouter } from "@atlas/api";
import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import { DataError, fromProcedureError } from "./errors.js";

export type Inputs = inferRouterInputs<AppRouter>;
export type Outputs = inferRouterOutputs<AppRouter>;

export type ActorPage = Outputs["actors"]["list"];
export type ActorSummary = ActorPage["items"][number];
export type ActorDetail = Outputs["actors"]["byId"];
export type EventPage = Outputs["events"]["timeline"];
export type EventSummary = EventPage["items"][number];
export type EventDetail = Outputs["events"]["byId"];
export type ClaimPage = Outputs["claims"]["list"];
export type ClaimSummary = ClaimPage["items"][number];
export type ClaimDetail = Outputs["claims"]["byId"];
export type SourcePage = Outputs["sources"]["list"];
export type SourceSummary = SourcePage["items"][number];
export type SourceDetail = Outputs["sources"]["byId"];
export type SearchResult = Outputs["search"]["query"];
export type SearchHit = SearchResult["groups"]["actor"][number];
export type DatasetExport = Outputs["export"]["dataset"];

export type Via =
  | { kind: "api"; url: string }
  | { kind: "embedded"; engine: "pglite" | "postgres"; location: string; seeded: boolean };

/** Every read the CLI makes. Errors come out as CLI errors (not found, usage, data). */
export interface Atlas {
  readonly via: Via;
  actors(input: Inputs["actors"]["list"]): Promise<ActorPage>;
  actor(id: string): Promise<ActorDetail>;
  events(input: Inputs["events"]["timeline"]): Promise<EventPage>;
  event(id: string): Promise<EventDetail>;
  claims(input: Inputs["claims"]["list"]): Promise<ClaimPage>;
  claim(id: string): Promise<ClaimDetail>;
  sources(input: Inputs["sources"]["list"]): Promise<SourcePage>;
  source(id: string): Promise<SourceDetail>;
  search(input: Inputs["search"]["query"]): Promise<SearchResult>;
  exportDataset(): Promise<DatasetExport>;
  close(): Promise<void>;
}

/** The procedures both the tRPC proxy client and the server-side caller can be reduced to. */
export interface Procedures {
  actors: { list(i: Inputs["actors"]["list"]): Promise<ActorPage>; byId(i: { id: string }): Promise<ActorDetail> };
  events: {
    timeline(i: Inputs["events"]["timeline"]): Promise<EventPage>;
    byId(i: { id: string }): Promise<EventDetail>;
  };
  claims: { list(i: Inputs["claims"]["list"]): Promise<ClaimPage>; byId(i: { id: string }): Promise<ClaimDetail> };
  sources: {
    list(i: Inputs["sources"]["list"]): Promise<SourcePage>;
    byId(i: { id: string }): Promise<SourceDetail>;
  };
  search: { query(i: Inputs["search"]["query"]): Promise<SearchResult> };
  export: { dataset(i?: Record<string, never>): Promise<DatasetExport> };
}

function guard<A extends unknown[], R>(fn: (...args: A) => Promise<R>, what: (...args: A) => string) {
  return async (...args: A): Promise<R> => {
    try {
      return await fn(...args);
    } catch (e) {
      throw fromProcedureError(e, what(...args));
    }
  };
}

export function atlasFrom(p: Procedures, via: Via, close: () => Promise<void>): Atlas {
  return {
    via,
    actors: guard(
      (i: Inputs["actors"]["list"]) => p.actors.list(i),
      () => "actors",
    ),
    actor: guard(
      (id: string) => p.actors.byId({ id }),
      (id) => `actor "${id}"`,
    ),
    events: guard(
      (i: Inputs["events"]["timeline"]) => p.events.timeline(i),
      () => "events",
    ),
    event: guard(
      (id: string) => p.events.byId({ id }),
      (id) => `event "${id}"`,
    ),
    claims: guard(
      (i: Inputs["claims"]["list"]) => p.claims.list(i),
      () => "claims",
    ),
    claim: guard(
      (id: string) => p.claims.byId({ id }),
      (id) => `claim "${id}"`,
    ),
    sources: guard(
      (i: Inputs["sources"]["list"]) => p.sources.list(i),
      () => "sources",
    ),
    source: guard(
      (id: string) => p.sources.byId({ id }),
      (id) => `source "${id}"`,
    ),
    search: guard(
      (i: Inputs["search"]["query"]) => p.search.query(i),
      (i) => `search results for "${i.q}"`,
    ),
    exportDataset: guard(
      () => p.export.dataset({}),
      () => "the dataset",
    ),
    close,
  };
}

/** "info": which source is used (--verbose); "progress": something slow is happening (creating, seeding). */
export type Log = (line: string, level?: "info" | "progress") => void;

export interface ConnectOptions {
  apiUrl: string;
  /** Progress and the source used, for --verbose and the TUI's status line. */
  log?: Log;
}

type Probe = { answered: true } | { answered: false; why: string };

/** Is the Militia Atlas API at `url`? No answer → embedded; a wrong answer → an error. */
async function probe(url: string): Promise<Probe> {
  let res: Response;
  try {
    res = await fetch(`${url}/health`, { signal: AbortSignal.timeout(2000) });
  } catch (e) {
    const cause = (e as { cause?: { code?: string } }).cause;
    const why = (e as Error).name === "TimeoutError" ? "no answer within 2 s" : (cause?.code ?? (e as Error).message);
    return { answered: false, why };
  }
  const body = (await res.json().catch(() => null)) as { ok?: unknown } | null;
  if (!res.ok || body?.ok !== true) {
    throw new DataError(
      `Something answers at ${url} (GET /health → ${res.status}), but it is not the Militia Atlas API. ` +
        "Set ATLAS_API_URL to the API's address, or unset it to use the embedded database.",
    );
  }
  return { answered: true };
}

export async function connect({ apiUrl, log = () => {} }: ConnectOptions): Promise<Atlas> {
  const found = await probe(apiUrl);
  if (found.answered) {
    const { connectApi } = await import("./api-client.js");
    log(`using the API at ${apiUrl}`);
    return connectApi(apiUrl);
  }
  log(`no API at ${apiUrl} (${found.why}); opening the embedded database`);
  const { openEmbedded } = await import("./embedded.js");
  return openEmbedded({ apiUrl, log });
}
