/** Shapes the query layer returns: what the API serves and the frontends render. */
import type { MetadataNote, Segment, Time } from "@atlas/schema";

export interface ActorRef {
  id: string;
  name: string;
  kind: string;
}

export interface Span {
  sourceId: string;
  start: number;
  end: number;
  quote: string;
  prefix: string | null;
  suffix: string | null;
}

export interface SourceRef {
  id: string;
  title: string;
  publisher: string | null;
  published: Time | null;
}

/** A span with the source it comes from, for showing evidence without a second lookup. */
export interface Quote extends Span {
  source: SourceRef;
}

export interface SourceSummary extends SourceRef {
  titleBasis: string;
  subtitle: string | null;
  publisherBasis: string;
  authors: string[];
  authorsBasis: string;
  genre: string;
  origin: string;
  counts: { mentions: number; events: number; claims: number; actors: number };
}

export type AnnotationType = "mention" | "actor" | "relation" | "event" | "fatality" | "claim" | "attribution";

/** One highlight in the reader: a span and the record it belongs to. */
export interface Annotation {
  type: AnnotationType;
  start: number;
  end: number;
  /** The record id (actor, relation, event, claim); for a mention, the actor's id. */
  recordId: string;
  label: string;
}

export interface SourceDetail extends SourceSummary {
  text: string;
  hash: string;
  file: string;
  dateline: string | null;
  language: string;
  url: string | null;
  segments: Segment[];
  notes: MetadataNote[];
  annotations: Annotation[];
}

export interface ActorSummary extends ActorRef {
  description: string;
  aliases: string[];
  counts: { mentions: number; sources: number; events: number; claims: number; relations: number };
}

export interface RelationView {
  id: string;
  type: string;
  role: string | null;
  time: Time | null;
  former: boolean;
  note: string | null;
  direction: "outgoing" | "incoming";
  other: ActorRef;
  evidence: Quote[];
}

export interface EventSummary {
  id: string;
  kind: string;
  title: string;
  summary: string;
  time: Time;
  earliest: string | null;
  latest: string | null;
  place: { id: string; name: string } | null;
  placeNote: string | null;
  participants: { actor: ActorRef; role: string }[];
  sourceIds: string[];
}

export interface ClaimSummary {
  id: string;
  stance: string;
  statement: string;
  mode: string;
  said: Time | null;
  setting: string | null;
  claimant: ActorRef;
  onBehalfOf: ActorRef | null;
  via: ActorRef | null;
  note: string | null;
  evidence: Quote[];
  contradictsCount: number;
  supportsCount: number;
}

export interface MentionSnippet {
  sourceId: string;
  start: number;
  end: number;
  quote: string;
  before: string;
  after: string;
}

export interface ActorDetail extends ActorSummary {
  aliasDetails: { name: string; kind: string; sourceIds: string[] }[];
  evidence: Quote[];
  relations: RelationView[];
  events: (EventSummary & { roles: string[] })[];
  claimsBy: ClaimSummary[];
  claimsAbout: ClaimSummary[];
  mentionsBySource: { source: SourceRef; count: number; snippets: MentionSnippet[] }[];
}

export interface FatalityView {
  low: number | null;
  high: number | null;
  who: string;
  reportedBy: ActorRef | null;
  claimId: string | null;
  evidence: Quote[];
}

export interface EventDetail extends EventSummary {
  participants: { actor: ActorRef; role: string; note: string | null }[];
  fatalities: FatalityView[];
  partOf: { id: string; title: string } | null;
  parts: { id: string; title: string }[];
  respondsTo: { id: string; title: string }[];
  responses: { id: string; title: string }[];
  /** Corroboration: each source that reports the event, with its quotes in text order. */
  sources: { source: SourceRef; quotes: Quote[] }[];
  claims: ClaimSummary[];
}

export interface ClaimDetail extends ClaimSummary {
  attribution: Quote[];
  about: { actors: ActorRef[]; events: { id: string; title: string }[] };
  supports: ClaimSummary[];
  supportedBy: ClaimSummary[];
  contradicts: ClaimSummary[];
}

export interface PlaceView {
  id: string;
  name: string;
  kind: string;
  aliases: string[];
  within: { id: string; name: string } | null;
  coordinates: { lat: number; lon: number; source: string; approximate: boolean } | null;
  eventCount: number;
}

export interface GraphNode extends ActorRef {
  degree: number;
}
export interface GraphEdge {
  id: string;
  from: string;
  to: string;
  type: string;
  role: string | null;
  former: boolean;
}
