/**
 * What the relation readers share: an actor as a tie's end, a tie read, what the document has told
 * before (back-references), the ties the atlas holds, and what a reader of the words between two
 * actors sees.
 */
import type { RelationType } from "@atlas/schema";

export interface RelationActor {
  start: number;
  end: number;
  actorId: string | null;
  name: string;
  kind?: string;
}

export interface RelationHit {
  type: RelationType;
  from: RelationActor;
  to: RelationActor;
  role: string | null;
  former: boolean;
  pattern: string;
  start: number;
  end: number;
  confidence: number;
}

/** What "his" or "the group's" stands for: the person, or the body a noun names, named last before a position. */
export interface BackReferences {
  person: (at: number) => RelationActor | null;
  body: (at: number, noun: string) => RelationActor | null;
  /** Who imposed the sanctions told last before `at` ("The United States sanctioned …"). */
  sanctioner?: (at: number) => RelationActor | null;
}

/** A relation the atlas holds: a title or a possessive that restates it is more evidence for it. */
export interface HeldRelation {
  type: RelationType;
  fromId: string;
  toId: string;
  former: boolean;
}

/** What a reader of the words between two actors sees, and where it puts the tie it reads. */
export interface TieReading {
  text: string;
  actors: RelationActor[];
  held: readonly HeldRelation[];
  knownAs: (name: string) => RelationActor | null;
  /** The ties read so far in the sentence. */
  out: readonly RelationHit[];
  push: (h: Omit<RelationHit, "start" | "end"> & { start?: number; end?: number }) => void;
}
