/** The API's result shapes, inferred from its router: the web app never redeclares them. */
import type { Outputs } from "@/trpc/client";

export type Stats = Outputs["stats"]["get"];
export type SourceSummary = Outputs["sources"]["list"]["items"][number];
export type SourceDetail = Outputs["sources"]["byId"];
export type Annotation = SourceDetail["annotations"][number];
export type Segment = SourceDetail["segments"][number];
export type ActorSummary = Outputs["actors"]["list"]["items"][number];
export type ActorDetail = Outputs["actors"]["byId"];
export type RelationView = ActorDetail["relations"][number];
export type Quote = ActorDetail["evidence"][number];
export type SourceRef = Quote["source"];
export type ClaimSummary = ActorDetail["claimsBy"][number];
export type ClaimDetail = Outputs["claims"]["byId"];
export type Contradiction = Outputs["claims"]["contradictions"][number];
export type EventSummary = Outputs["events"]["timeline"]["items"][number];
export type EventDetail = Outputs["events"]["byId"];
export type Fatality = EventDetail["fatalities"][number];
export type ActorRef = ClaimSummary["claimant"];
export type Time = NonNullable<ClaimSummary["said"]>;
export type SearchResult = Outputs["search"]["query"];
export type SearchHit = SearchResult["groups"]["actor"][number];
export type Place = Outputs["places"]["list"][number];
export type Graph = Outputs["relations"]["graph"];
export type GraphNode = Graph["nodes"][number];
export type GraphEdge = Graph["edges"][number];
