/**
 * What a client of the router reads and sends, inferred from the router once (as create-t3-turbo
 * does): RouterInputs and RouterOutputs, and the record shapes both the web app and the terminal
 * name. A change to a procedure's output changes these, and every client that reads them fails
 * to typecheck instead of drifting.
 */
import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "./root.js";

export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;

export type ActorSummary = RouterOutputs["actors"]["list"]["items"][number];
export type ActorDetail = RouterOutputs["actors"]["byId"];
export type EventSummary = RouterOutputs["events"]["timeline"]["items"][number];
export type EventDetail = RouterOutputs["events"]["byId"];
export type ClaimSummary = RouterOutputs["claims"]["list"]["items"][number];
export type ClaimDetail = RouterOutputs["claims"]["byId"];
export type SourceSummary = RouterOutputs["sources"]["list"]["items"][number];
export type SourceDetail = RouterOutputs["sources"]["byId"];
export type SearchResult = RouterOutputs["search"]["query"];
export type SearchHit = SearchResult["groups"]["actor"][number];
export type IngestedDocument = RouterOutputs["ingest"]["documents"][number];
export type Suggestion = RouterOutputs["ingest"]["suggestions"]["items"][number];
export type SuggestionKind = Suggestion["kind"];
export type SuggestionStatus = Suggestion["status"];
export type SuggestionEdit = NonNullable<RouterInputs["review"]["accept"]["edit"]>;
