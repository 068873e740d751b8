/** What the parts of a STIX import's plan share (stix.ts builds it, stix-actors.ts and its siblings use it). */
import type { LinkField } from "../ingest/records.js";
import type { NamedActor, TextSpan, WaitingRef } from "../ingest/types.js";
import type { knownActors } from "../names/known.js";
import type { NameResolver } from "../names/resolver.js";
import type { ImportPlan } from "./plan.js";
import type { StixOf } from "./stix-bundle.js";
import type { Blocks, Sorted } from "./stix-document.js";

/** What every part of the plan shares: the bundle, the source its evidence is in, and the suggestions' ids. */
export interface Planning {
  plan: ImportPlan;
  importId: string;
  sourceId: string;
  /** The bundle's objects, sorted. */
  b: Sorted;
  blocks: Blocks;
  evidenceOf: (id: string) => ({ sourceId: string } & TextSpan)[];
  suggestionId: Map<string, string>;
  waiting: (id: string, collection: WaitingRef["collection"]) => WaitingRef;
  namedActor: (id: string) => NamedActor;
  /** One more object planned (progress). */
  step: () => void;
  /** A link written once both its ends are accepted. */
  hold: (field: LinkField, fromKey: string, toKey: string, extra?: { role?: string }) => void;
  /** The relationships from an object. */
  from: (id: string) => StixOf<"relationship">[];
  atlasActors: Awaited<ReturnType<typeof knownActors>>;
  actorNames: Map<string, string>;
  resolver: NameResolver;
  /** The atlas actor each of the bundle's actors is proposed to merge into. */
  mergeOf: Map<string, string>;
}
