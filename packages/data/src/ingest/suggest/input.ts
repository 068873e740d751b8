/** What the suggestion pipeline reads and what it returns. */
import type { ActorKind, Alias, AliasAttestation, PlaceKind, RelationType, Segment, Time } from "@atlas/schema";
import type { NameResolver } from "../../names/resolver.js";
import type { Draft } from "../types.js";
import type { KnownEvent } from "./corroborate.js";
import type { KnownClaim } from "./links.js";

export interface SuggestInput {
  text: string;
  segments: Segment[];
  published: Time | null;
  actors: {
    id: string;
    name: string;
    kind?: ActorKind;
    aliases: (Pick<Alias, "name" | "sourceIds"> &
      Partial<Pick<Alias, "kind">> & { outside?: AliasAttestation | null })[];
  }[];
  /** Events the atlas holds: a date may be counted from one ("three months after the strike"). */
  events?: KnownEvent[];
  /** Relations the atlas holds: a new one may be more evidence for one, or disagree with it. */
  relations?: { id: string; type: RelationType; fromId: string; toId: string; time: Time | null; former: boolean }[];
  /** Claims the atlas holds: a new statement may support or contradict one. */
  claims?: KnownClaim[];
  /** A resolver already built for these actors (it is the costly part with many names); built here when absent. */
  resolver?: NameResolver;
  places: { id?: string; name: string; aliases: string[]; kind?: PlaceKind }[];
  /** Characters analyzed so far, of the total. */
  onProgress?: (done: number, total: number) => void;
}

export interface SuggestResult {
  drafts: Draft[];
  warnings: string[];
}
