/** What the parts of a STIX import's plan share, and how it is built (stix.ts starts it, stix-actors.ts and its siblings use it). */
import type { Db } from "../db/client.js";
import type { LinkField } from "../ingest/records.js";
import type { NamedActor, TextSpan, WaitingRef } from "../ingest/types.js";
import { knownActors } from "../names/known.js";
import { actorNameEntries, NameResolver } from "../names/resolver.js";
import type { ImportPlan } from "./plan.js";
import type { ReadObject, StixOf } from "./stix-bundle.js";
import type { Blocks, Sorted } from "./stix-document.js";
import { isActor, isEvent } from "./stix-read.js";

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

/**
 * The context built once the bundle is rendered and its source planned: each object's suggestion
 * id, numbered in the order they are planned, and its relationships indexed.
 */
export async function startPlanning(
  db: Db,
  {
    plan,
    importId,
    sourceId,
    b,
    blocks,
    step,
  }: Pick<Planning, "plan" | "importId" | "sourceId" | "b" | "blocks" | "step">,
): Promise<Planning> {
  const evidenceOf = (id: string) => {
    const block = blocks.get(id) as { heading: TextSpan; description: TextSpan | null };
    return [block.heading, ...(block.description ? [block.description] : [])].map((s) => ({ sourceId, ...s }));
  };
  let n = 0;
  const suggestionId = new Map<string, string>();
  const kindOfSuggestion = (o: ReadObject) =>
    isActor(o) ? "actor" : isEvent(o) ? "event" : o.type === "note" ? "statement" : "relation";
  for (const o of [...b.actors, ...b.kept, ...b.events, ...b.notes])
    suggestionId.set(o.id, `${importId}.${kindOfSuggestion(o)}-${++n}`);
  const waiting = (id: string, collection: WaitingRef["collection"]): WaitingRef => ({
    id,
    collection,
    name: b.nameOf(id),
    suggestionId: suggestionId.get(id) as string,
  });
  const namedActor = (id: string): NamedActor => ({
    actorId: null,
    name: b.nameOf(id),
    span: null,
    suggestionId: suggestionId.get(id),
  });

  // Each object's relationships, indexed once: a bundle holds tens of thousands.
  const outgoing = new Map<string, typeof b.relationships>();
  for (const r of b.relationships) {
    const list = outgoing.get(r.source_ref);
    if (list) list.push(r);
    else outgoing.set(r.source_ref, [r]);
  }
  const from = (id: string) => outgoing.get(id) ?? [];
  const hold = (field: LinkField, fromKey: string, toKey: string, extra: { role?: string } = {}) => {
    plan.wait({ kind: "link", field, from: fromKey, to: toKey, sourceId, ...extra }, [fromKey, toKey]);
    plan.count(plan.waiting, "links");
  };
  const atlasActors = await knownActors(db);
  return {
    plan,
    importId,
    sourceId,
    b,
    blocks,
    evidenceOf,
    suggestionId,
    waiting,
    namedActor,
    step,
    hold,
    from,
    atlasActors,
    actorNames: new Map(atlasActors.map((a) => [a.id, a.name])),
    resolver: new NameResolver(actorNameEntries(atlasActors)),
    mergeOf: new Map(),
  };
}
