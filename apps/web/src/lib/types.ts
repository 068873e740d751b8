/** The API's result shapes, inferred from its router: the web app never redeclares them. */
import type { ActorDetail, ClaimSummary, EventDetail, SourceDetail, Suggestion, SuggestionKind } from "@atlas/api";
import type { Outputs } from "@/trpc/client";

export type * from "@atlas/api/client-types";

export type Stats = Outputs["stats"]["get"];
export type Annotation = SourceDetail["annotations"][number];
export type Segment = SourceDetail["segments"][number];
export type RelationView = ActorDetail["relations"][number];
export type Quote = ActorDetail["evidence"][number];
export type SourceRef = Quote["source"];
export type Contradiction = Outputs["claims"]["contradictions"]["items"][number];
export type Fatality = EventDetail["fatalities"][number];
export type ActorRef = ClaimSummary["claimant"];
export type Time = NonNullable<ClaimSummary["said"]>;
export type Place = Outputs["places"]["list"][number];
export type Graph = Outputs["relations"]["graph"];
export type RelationDetail = Outputs["relations"]["byId"];
/** One change in a record's history or the change feed, as the API sends it. */
export type ChangeView = Outputs["records"]["history"]["entries"][number];
export type GraphNode = Graph["nodes"][number];
export type GraphEdge = Graph["edges"][number];
export type Paths = Outputs["relations"]["paths"];
export type Dossier = Outputs["actors"]["dossier"];
export type EventCounts = Outputs["events"]["counts"];
export type Proposal = Suggestion["proposal"];
export type ProposalOf<K extends SuggestionKind> = Extract<Proposal, { kind: K }>;
export type RecordRef = Suggestion["records"][number];
