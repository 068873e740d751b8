/** What a suggestion card needs besides the suggestion: the text, names for ids, and the atlas records it refers to. */
import type { ActorRef, ClaimDetail, EventDetail, Quote, Suggestion } from "@/lib/types";

/** A relation the atlas holds, with both ends named (from an end's profile). */
export interface HeldRelation {
  id: string;
  type: string;
  role: string | null;
  from: ActorRef;
  to: ActorRef;
  former: boolean;
  evidence: Quote[];
}

export interface CardContext {
  text: string;
  actors: Map<string, ActorRef>;
  places: Map<string, string>;
  /** The atlas's events a suggestion would add to or corroborate, by id. */
  events: Map<string, EventDetail>;
  /** The atlas's claims a statement would support or contradict, by id. */
  claims: Map<string, ClaimDetail>;
  /** The atlas's relations a relation suggestion matches or conflicts with, by id. */
  relations: Map<string, HeldRelation>;
  /** The document's candidate-actor suggestions, to point a blocked suggestion at the one to accept first. */
  actorSuggestions: Suggestion[];
  canWrite: boolean;
  /** The page's address with ?edit= set to a suggestion (and its anchor). */
  editHref: (id: string) => string;
  /** Where another suggestion's card is, whatever the filters show now. */
  cardHref: (id: string, kind: Suggestion["kind"]) => string;
}

export const cardId = (id: string) => `s-${id}`;

type Effective = Suggestion["effective"];
type Proposal = Suggestion["proposal"];
/** A suggestion of one kind, its proposal and effective values narrowed with it. */
export type SuggestionOf<K extends Suggestion["kind"]> = Suggestion & {
  kind: K;
  proposal: Extract<Proposal, { kind: K }>;
  effective: Extract<Effective, { kind: K }>;
};

export const isKind = <K extends Suggestion["kind"]>(s: Suggestion, kind: K): s is SuggestionOf<K> =>
  s.kind === kind && s.proposal.kind === kind && s.effective.kind === kind;
