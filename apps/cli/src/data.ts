/**
 * Where the data comes from, behind one interface: the API over HTTP (a typed tRPC client) when
 * a server answers at ATLAS_API_URL, otherwise the embedded database opened in this process
 * through the same router (connect.ts chooses and loads the one a command uses).
 * Writes (ingest, review) carry the API's token over HTTP; in-process the CLI owns the database.
 */
import type {
  ActorDetail,
  ClaimDetail,
  EventDetail,
  IngestedDocument,
  RouterInputs,
  RouterOutputs,
  SearchResult,
  SourceDetail,
  Suggestion,
  SuggestionStatus,
} from "@atlas/api";
import type { OnImportProgress, OnIngestProgress } from "@atlas/data";
import {
  type CliError,
  DataError,
  fromProcedureError,
  inputIssues,
  isCliError,
  NotFoundError,
  procedureCode,
  RefusedError,
  UsageError,
} from "./errors.js";
import type { IngestToken } from "./token.js";

export type Inputs = RouterInputs;
export type Outputs = RouterOutputs;
export type * from "@atlas/api/client-types";

export type ActorPage = Outputs["actors"]["list"];
export type EventPage = Outputs["events"]["timeline"];
export type ClaimPage = Outputs["claims"]["list"];
export type ContradictionPage = Outputs["claims"]["contradictions"];
export type Contradiction = ContradictionPage["items"][number];
export type SourcePage = Outputs["sources"]["list"];
export type PathInput = Inputs["relations"]["paths"];
export type Paths = Outputs["relations"]["paths"];
export type Dossier = Outputs["actors"]["dossier"];
export type DossierFile = Outputs["actors"]["dossierMarkdown"];
export type IngestInput = Inputs["ingest"]["add"];
export type IngestReport = Outputs["ingest"]["add"];
export type ImportInput = Inputs["ingest"]["importFile"];
export type ImportReport = Outputs["ingest"]["importFile"];
export type SuggestionListInput = Inputs["ingest"]["suggestions"];
export type SuggestionPage = Outputs["ingest"]["suggestions"];
export type AcceptInput = Inputs["review"]["accept"];
export type AcceptResult = Outputs["review"]["accept"];
export type RejectInput = Inputs["review"]["reject"];
export type AcceptAllInput = Inputs["review"]["acceptAll"];
export type AcceptManyResult = Outputs["review"]["acceptAll"];
export type WriteResult = Outputs["records"]["add"];
export type RecordHistory = Outputs["records"]["history"];
export type ChangeFeed = Outputs["records"]["changes"];
export type ReviewerView = Outputs["reviewers"]["list"][number];
export type NewReviewer = Outputs["reviewers"]["add"];
export type ExportInput = Inputs["export"]["as"];
export type ExportFormat = ExportInput["format"];
export type ExportFile = Outputs["export"]["as"];
export type { ImportProgress, IngestProgress, OnImportProgress, OnIngestProgress } from "@atlas/data";

export const SUGGESTION_STATUSES = ["suggested", "accepted", "rejected"] as const satisfies readonly SuggestionStatus[];
export const EXPORT_FORMATS = ["json", "stix", "csv", "ftm"] as const satisfies readonly ExportFormat[];

export type Via =
  | { kind: "api"; url: string }
  | { kind: "embedded"; engine: "pglite" | "postgres"; location: string; seeded: boolean };

/** Everything the CLI asks of the data. Errors come out as CLI errors (not found, usage, refused, data). */
export interface Atlas {
  readonly via: Via;
  actors(input: Inputs["actors"]["list"]): Promise<ActorPage>;
  actor(id: string): Promise<ActorDetail>;
  events(input: Inputs["events"]["timeline"]): Promise<EventPage>;
  event(id: string): Promise<EventDetail>;
  claims(input: Inputs["claims"]["list"]): Promise<ClaimPage>;
  claim(id: string): Promise<ClaimDetail>;
  contradictions(input: Inputs["claims"]["contradictions"]): Promise<ContradictionPage>;
  sources(input: Inputs["sources"]["list"]): Promise<SourcePage>;
  source(id: string): Promise<SourceDetail>;
  search(input: Inputs["search"]["query"]): Promise<SearchResult>;
  paths(input: PathInput): Promise<Paths>;
  dossier(id: string): Promise<Dossier>;
  dossierMarkdown(id: string): Promise<DossierFile>;
  exportAs(input: ExportInput): Promise<ExportFile>;
  ingestedDocuments(): Promise<IngestedDocument[]>;
  suggestions(input: SuggestionListInput): Promise<SuggestionPage>;
  /** Writes. `onProgress` hears the phases when the database is in this process; over HTTP it is not called. */
  ingest(input: IngestInput, onProgress?: OnIngestProgress): Promise<IngestReport>;
  importFile(input: ImportInput, onProgress?: OnImportProgress): Promise<ImportReport>;
  accept(input: AcceptInput): Promise<AcceptResult>;
  reject(input: RejectInput): Promise<Suggestion>;
  acceptAll(input: AcceptAllInput): Promise<AcceptManyResult>;
  /** The workbench: a write (`what` says what it tried, for its error) or a read of the history. */
  write<R>(what: string, fn: (p: Workbench) => Promise<R>): Promise<R>;
  read<R>(what: string, fn: (p: Workbench) => Promise<R>): Promise<R>;
  /** Starts opening what later questions need, when answers kept from before gave the first (answer-cache.ts). */
  warm?(): void;
  close(): Promise<void>;
}

/** The workbench's and the reviewers' procedures. */
export interface Workbench {
  records: {
    add(i: Inputs["records"]["add"]): Promise<WriteResult>;
    edit(i: Inputs["records"]["edit"]): Promise<WriteResult>;
    retire(i: Inputs["records"]["retire"]): Promise<WriteResult>;
    restore(i: Inputs["records"]["restore"]): Promise<WriteResult>;
    grade(i: Inputs["records"]["grade"]): Promise<WriteResult>;
    merge(i: Inputs["records"]["merge"]): Promise<Outputs["records"]["merge"]>;
    unmerge(i: Inputs["records"]["unmerge"]): Promise<WriteResult>;
    split(i: Inputs["records"]["split"]): Promise<Outputs["records"]["split"]>;
    history(i: Inputs["records"]["history"]): Promise<RecordHistory>;
    changes(i: Inputs["records"]["changes"]): Promise<ChangeFeed>;
  };
  reviewers: {
    me(): Promise<Outputs["reviewers"]["me"]>;
    list(): Promise<ReviewerView[]>;
    add(i: Inputs["reviewers"]["add"]): Promise<NewReviewer>;
    revoke(i: Inputs["reviewers"]["revoke"]): Promise<ReviewerView>;
  };
}

/** The procedures both the tRPC proxy client and the server-side caller can be reduced to. */
export interface Procedures {
  actors: {
    list(i: Inputs["actors"]["list"]): Promise<ActorPage>;
    byId(i: { id: string }): Promise<ActorDetail>;
    dossier(i: { id: string }): Promise<Dossier>;
    dossierMarkdown(i: { id: string }): Promise<DossierFile>;
  };
  relations: { paths(i: PathInput): Promise<Paths> };
  events: {
    timeline(i: Inputs["events"]["timeline"]): Promise<EventPage>;
    byId(i: { id: string }): Promise<EventDetail>;
  };
  claims: {
    list(i: Inputs["claims"]["list"]): Promise<ClaimPage>;
    byId(i: { id: string }): Promise<ClaimDetail>;
    contradictions(i: Inputs["claims"]["contradictions"]): Promise<ContradictionPage>;
  };
  sources: {
    list(i: Inputs["sources"]["list"]): Promise<SourcePage>;
    byId(i: { id: string }): Promise<SourceDetail>;
  };
  search: { query(i: Inputs["search"]["query"]): Promise<SearchResult> };
  export: { as(i: ExportInput): Promise<ExportFile> };
  ingest: {
    add(i: IngestInput, onProgress?: OnIngestProgress): Promise<IngestReport>;
    importFile(i: ImportInput, onProgress?: OnImportProgress): Promise<ImportReport>;
    documents(i?: Record<string, never>): Promise<IngestedDocument[]>;
    suggestions(i: SuggestionListInput): Promise<SuggestionPage>;
  };
  review: {
    accept(i: AcceptInput): Promise<AcceptResult>;
    reject(i: RejectInput): Promise<Suggestion>;
    acceptAll(i: AcceptAllInput): Promise<AcceptManyResult>;
  };
  workbench: Workbench;
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

/**
 * A write's failure as a CLI error. Refusals of what was sent (an empty or duplicate document, a
 * claim whose speaker is not an actor yet) keep the server's message and exit 1; input the
 * schema refused is a usage error; a refused token says how to get the right one.
 */
export function fromWriteError(e: unknown, what: string, via: Via, token: IngestToken | null): CliError {
  if (isCliError(e)) return e;
  const code = procedureCode(e);
  const message = (e as Error | null)?.message ?? String(e);
  const where = via.kind === "api" ? `The API at ${via.url}` : "The embedded database";
  if (code === "UNAUTHORIZED") {
    if (!token) {
      return new DataError(
        `${where} refused to ${what}: writes name their reviewer, and atlas found no token (ATLAS_TOKEN and ATLAS_INGEST_TOKEN are unset, and there is no .data/ingest-token at the repository root). ` +
          "Set ATLAS_TOKEN to your reviewer token (atlas reviewers add NAME prints one; npm start keeps the first admin's in .data/ingest-token).",
      );
    }
    return new DataError(`${where} refused to ${what}, with the token from ${token.from}: ${message}`);
  }
  if (code === "FORBIDDEN") return new DataError(`${where} refused to ${what}: ${message}`);
  if (code === "NOT_FOUND") return new NotFoundError(message);
  const issues = inputIssues(e);
  if (issues) return new UsageError(issues);
  if (code === "BAD_REQUEST" || code === "CONFLICT" || code === "PAYLOAD_TOO_LARGE") return new RefusedError(message);
  if ((e as { name?: string })?.name === "TRPCClientError" && !code) {
    return new DataError(`The API stopped answering while trying to ${what}: ${message}`);
  }
  return new DataError(`Could not ${what}: ${message}`);
}

export function atlasFrom(p: Procedures, via: Via, close: () => Promise<void>, token: () => IngestToken | null): Atlas {
  const write =
    <A extends unknown[], R>(fn: (...args: A) => Promise<R>, what: (...args: A) => string) =>
    async (...args: A): Promise<R> => {
      try {
        return await fn(...args);
      } catch (e) {
        throw fromWriteError(e, what(...args), via, token());
      }
    };
  return {
    via,
    write: (what, fn) =>
      write(
        () => fn(p.workbench),
        () => what,
      )(),
    read: (what, fn) =>
      guard(
        () => fn(p.workbench),
        () => what,
      )(),
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
    contradictions: guard(
      (i: Inputs["claims"]["contradictions"]) => p.claims.contradictions(i),
      () => "contradictions",
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
    paths: guard(
      (i: PathInput) => p.relations.paths(i),
      (i) => `the paths from "${i.from}" to "${i.to}"`,
    ),
    dossier: guard(
      (id: string) => p.actors.dossier({ id }),
      (id) => `the dossier of "${id}"`,
    ),
    dossierMarkdown: guard(
      (id: string) => p.actors.dossierMarkdown({ id }),
      (id) => `the dossier of "${id}"`,
    ),
    exportAs: guard(
      (i: ExportInput) => p.export.as(i),
      (i) => `the ${i.format} export`,
    ),
    ingestedDocuments: guard(
      () => p.ingest.documents({}),
      () => "the ingested documents",
    ),
    suggestions: guard(
      (i: SuggestionListInput) => p.ingest.suggestions(i),
      (i) => `the suggestions for "${i.sourceId}"`,
    ),
    ingest: write(
      (i: IngestInput, onProgress?: OnIngestProgress) => p.ingest.add(i, onProgress),
      () => "ingest the document",
    ),
    importFile: write(
      (i: ImportInput, onProgress?: OnImportProgress) => p.ingest.importFile(i, onProgress),
      () => "import the file",
    ),
    accept: write(
      (i: AcceptInput) => p.review.accept(i),
      (i) => `accept suggestion "${i.id}"`,
    ),
    reject: write(
      (i: RejectInput) => p.review.reject(i),
      (i) => `reject suggestion "${i.id}"`,
    ),
    acceptAll: write(
      (i: AcceptAllInput) => p.review.acceptAll(i),
      (i) => `accept the ${i.kind} suggestions of "${i.sourceId}"`,
    ),
    close,
  };
}

/** "info": which source is used (--verbose); "progress": something slow is happening (creating, seeding). */
export type Log = (line: string, level?: "info" | "progress") => void;
