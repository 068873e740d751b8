/**
 * What statements are read into: spans, the speakers found, the statements, the context a sentence
 * is read in and the document's memory of who was named; and the sorts and kinds an actor may be
 * referred back to by ("he", "the militia"). Shared by statements.ts, memory.ts and read.ts.
 */
import type { ActorKind, Stance } from "@atlas/schema";
import type { NlpToken } from "./nlp.js";

export interface Span {
  start: number;
  end: number;
}

/** A span alone, without what else its object holds. */
export const spanOf = (s: Span): Span => ({ start: s.start, end: s.end });

export interface KnownHit extends Span {
  /** null when the words could name several known actors. */
  actorId: string | null;
  kind?: ActorKind;
}

/** A name in the text that is not a known actor (a candidate), for speakers and back-references. */
export interface NameHit extends Span {
  name: string;
  kind: ActorKind;
}

export interface Speaker extends Span {
  /** The speaker as written: name, title, role, description or pronoun. */
  text: string;
  actorId: string | null;
  /** The speaker's name or description when not a known actor (titles stripped). */
  name: string | null;
  from: "name" | "pronoun" | "description" | "context";
  /** The organisation a described speaker speaks for ("a spokesperson for the PMF"). */
  onBehalfOfId: string | null;
  /** What the speaker is, for back-references: a person ("he"), a body ("it", "the group"), people ("they"). */
  sort: "person" | "body" | "people" | "unknown";
  /** The actor's kind when known: "the militia" is an armed group, not a state or a news agency. */
  kind?: ActorKind;
}

export interface Via {
  actorId: string | null;
  name: string;
  span: Span;
}

export interface StatementHit {
  speaker: Speaker;
  verb: string;
  stance: Stance;
  mode: "direct" | "indirect";
  evidence: Span;
  attribution: Span;
  /** Where the verb (or "according to") is: a date right after it says when it was said. */
  verbAt: Span;
  via: Via | null;
  confidence: number;
}

export interface StatementContext {
  text: string;
  tokens: NlpToken[];
  /** Known actors' mentions in the window. */
  known: KnownHit[];
  /** Names not known yet, in the window. */
  names: NameHit[];
  /** Quotation spans in the window (inside the marks). */
  quotes: Span[];
  /** The document so far: recent speakers and actors, for "he said" and "the group said". */
  memory: Memory;
  /** Quotations already taken as a speaker's continued words. */
  continued: Set<number>;
}

export interface Memory {
  speakers: Speaker[];
  /** Actors and names seen, most recent last: what "it", "the group", "he" may refer to. */
  seen: { speaker: Speaker; at: number }[];
}

export const newMemory = (): Memory => ({ speakers: [], seen: [] });

const PERSON_KINDS = new Set<ActorKind>(["person", "religious_authority", "author"]);
const PEOPLE_KINDS = new Set<ActorKind>(["group_of_people"]);
export const sortOf = (kind: ActorKind | undefined): Speaker["sort"] =>
  kind === undefined ? "unknown" : PERSON_KINDS.has(kind) ? "person" : PEOPLE_KINDS.has(kind) ? "people" : "body";

/** The sorts of speaker a pronoun may stand for. */
export const pronounSorts = (pronoun: string): Speaker["sort"][] =>
  pronoun === "he" || pronoun === "she" ? ["person"] : pronoun === "it" ? ["body"] : ["people", "body"];

/** The kinds of actor a body noun may stand for: "the militia" is no news agency, "the government" no militia. */
const kinds = (s: string) => new Set(s.split(" ") as ActorKind[]);
const ARMED = kinds("armed_group coalition political_party organization military");
/** "the group", "the militia": a state's armed forces are no group. */
const GROUPS = kinds("armed_group coalition political_party organization");
const MEDIA = kinds("media");
const OFFICIAL = kinds("state government_body");
export const ANY_BODY = kinds(
  "armed_group coalition political_party organization military state government_body media think_tank international_organization religious_authority",
);
export const BODY_KINDS: Record<string, Set<ActorKind>> = {
  group: GROUPS,
  militia: GROUPS,
  militias: GROUPS,
  movement: GROUPS,
  faction: GROUPS,
  factions: GROUPS,
  brigade: ARMED,
  brigades: ARMED,
  organization: ARMED,
  organisation: ARMED,
  coalition: kinds("coalition armed_group military political_party"),
  alliance: kinds("coalition political_party armed_group"),
  party: kinds("political_party coalition"),
  bloc: kinds("coalition political_party"),
  foundation: kinds("organization ngo government_body"),
  force: kinds("military armed_group"),
  forces: kinds("military armed_group"),
  army: kinds("military armed_group"),
  military: kinds("military"),
  government: OFFICIAL,
  administration: OFFICIAL,
  ministry: kinds("government_body"),
  department: kinds("government_body"),
  agency: kinds("government_body media"),
  network: MEDIA,
  channel: MEDIA,
  outlet: MEDIA,
  newspaper: MEDIA,
  broadcaster: MEDIA,
  office: kinds("government_body"),
  embassy: kinds("government_body"),
  council: kinds("government_body coalition"),
  commission: kinds("government_body"),
  committee: kinds("government_body"),
};
