/** A STIX import's actors: each a candidate actor, proposed to merge into the atlas's own when the name resolver is sure. */
import type { ActorKind } from "@atlas/schema";
import { slugify, unique } from "../ingest/ids.js";
import type { ActorMatch } from "../ingest/types.js";
import type { Candidate, NameResolver } from "../names/resolver.js";
import { aliasScope } from "./accept.js";
import type { Planning } from "./stix-planning.js";
import { type ActorObject, aliasesOf, kindOf, TYPE_NAMES, validId } from "./stix-read.js";

type AtlasActor = Planning["atlasActors"][number];

/**
 * The atlas actor a bundle's actor is proposed to merge into: the one it was exported as
 * (`x_atlas_id`) when the resolver finds it by one of its names or it has the same name, else the
 * resolver's only candidate, by its exact name or a spelling and of the same kind. Without one,
 * every candidate is listed for the reviewer.
 */
function matchActor(
  a: ActorObject,
  kind: ActorKind,
  other: string[],
  resolver: NameResolver,
  atlasById: Map<string, AtlasActor>,
): { mergeInto: string | null; listed: ActorMatch[] } {
  const candidates = new Map<string, Candidate>();
  for (const name of [a.name, ...other]) {
    for (const c of resolver.resolve(name)) {
      const prev = candidates.get(c.actorId);
      if (!prev || c.confidence > prev.confidence) candidates.set(c.actorId, c);
    }
  }
  const atlasId = validId(a.x_atlas_id);
  const sameId = atlasId ? atlasById.get(atlasId) : undefined;
  let mergeInto: string | null = null;
  if (sameId && (candidates.has(sameId.id) || sameId.name.toLowerCase() === a.name.toLowerCase()))
    mergeInto = sameId.id;
  else if (candidates.size === 1) {
    const [[id, c]] = [...candidates] as [[string, Candidate]];
    if ((c.rule === "exact" || c.rule === "spelling") && atlasById.get(id)?.kind === kind) mergeInto = id;
  }
  const listed: ActorMatch[] = mergeInto
    ? []
    : [...candidates.values()].map((c) => ({
        actorId: c.actorId,
        actorName: atlasById.get(c.actorId)?.name ?? c.actorId,
        why: `${c.rule} (“${c.name}”)`,
      }));
  return { mergeInto, listed };
}

/** Actors, matched against the atlas's by the name resolver. */
export function planActors(p: Planning): void {
  const { plan, importId, sourceId, b, evidenceOf, suggestionId, step, resolver, mergeOf } = p;
  const atlasById = new Map(p.atlasActors.map((a) => [a.id, a]));
  const takenActorIds = new Set(atlasById.keys());
  for (const a of b.actors) {
    const kind = kindOf(a);
    const other = aliasesOf(a);
    const { mergeInto, listed } = matchActor(a, kind, other, resolver, atlasById);
    if (mergeInto) mergeOf.set(a.id, mergeInto);
    const atlasId = validId(a.x_atlas_id);
    const id = unique(atlasId ?? (slugify(a.name, 80) || "actor"), (x) => takenActorIds.has(x));
    takenActorIds.add(id);
    const evidence = evidenceOf(a.id);
    const first = evidence[0] as (typeof evidence)[number];
    const description =
      a.description?.trim() || `${a.name}, as the STIX bundle names it (${TYPE_NAMES[a.type]?.toLowerCase()}).`;
    plan.suggestions.push({
      id: suggestionId.get(a.id) as string,
      sourceId,
      kind: "actor",
      start: first.start,
      end: first.end,
      quote: first.quote,
      label: `${a.name} (${a.id})${mergeInto ? ` — the atlas's ${atlasById.get(mergeInto)?.name}` : listed.length ? ` — may be ${listed.map((c) => c.actorName).join(" or ")}` : ""}`,
      proposal: {
        kind: "actor",
        name: a.name,
        nameSpan: first,
        actorKind: kind,
        title: null,
        role: null,
        shortNames: other,
        occurrences: 1,
        description,
        imported: {
          importId,
          format: "stix",
          externalId: a.id,
          waitsFor: [],
          record: {
            id,
            name: a.name,
            kind,
            aliases: other.map((name) => ({
              name,
              kind: "spelling" as const,
              sourceIds: aliasScope(name, [sourceId]),
            })),
            description,
            evidence: evidence.map((e) => ({ ...e })),
          },
          mentions: [],
          mergeInto,
          candidates: listed,
        },
      },
    });
    plan.count(plan.suggested, "actor");
    step();
  }
}
