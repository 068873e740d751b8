/** A STIX import's relationships between two actors: relations, their type the atlas's own or the nearest. */
import { RELATION_TYPES, type RelationType } from "@atlas/schema";
import type { Db } from "../db/client.js";
import { heldRelations } from "../ingest/held.js";
import { slugify, unique } from "../ingest/ids.js";
import { relationMatches } from "../ingest/suggest/corroborate.js";
import type { Planning } from "./stix-planning.js";
import { atlasTime, seenTime, validId } from "./stix-read.js";

/** STIX relationship types between actors that are not the atlas's own, and the atlas's nearest. */
const NEAREST: Record<string, RelationType> = {
  "cooperates-with": "allied_with",
  "allied-with": "allied_with",
  targets: "opposes",
  "related-to": "linked_to",
  "derived-from": "part_of",
  "attributed-to": "linked_to",
};

const snake = (s: string) => s.replace(/-/g, "_");

/** Relationships between actors: relations, waiting for both ends. */
export async function planRelations(db: Db, p: Planning): Promise<void> {
  const { plan, importId, sourceId, b, evidenceOf, suggestionId, waiting, namedActor, step, actorNames, mergeOf } = p;
  const { nameOf } = b;
  const atlasRelations = await heldRelations(db);
  const takenRelationIds = new Set(atlasRelations.map((r) => r.id));
  for (const r of b.kept) {
    const own = snake(r.relationship_type);
    const type: RelationType =
      own in RELATION_TYPES ? (own as RelationType) : (NEAREST[r.relationship_type] ?? "linked_to");
    const role = r.x_atlas_role ?? (own in RELATION_TYPES ? null : r.relationship_type.replace(/-/g, " "));
    const time =
      atlasTime(r.x_atlas_time) ?? seenTime(r.start_time, r.stop_time, "relationship's start_time/stop_time");
    const from = mergeOf.get(r.source_ref) ?? null;
    const to = mergeOf.get(r.target_ref) ?? null;
    const { existing, conflicts } = relationMatches(
      { type, from: { actorId: from }, to: { actorId: to }, former: r.x_atlas_former ?? false },
      atlasRelations,
      actorNames,
    );
    const evidence = evidenceOf(r.id);
    const first = evidence[0] as (typeof evidence)[number];
    const id = unique(
      validId(r.x_atlas_id) ?? (slugify(`${nameOf(r.source_ref)} ${type} ${nameOf(r.target_ref)}`, 120) || "relation"),
      (x) => takenRelationIds.has(x),
    );
    takenRelationIds.add(id);
    plan.suggestions.push({
      id: suggestionId.get(r.id) as string,
      sourceId,
      kind: "relation",
      start: first.start,
      end: first.end,
      quote: first.quote,
      label: `${nameOf(r.source_ref)} ${RELATION_TYPES[type]} ${nameOf(r.target_ref)} (${r.id})`,
      proposal: {
        kind: "relation",
        relationType: type,
        from: namedActor(r.source_ref),
        to: namedActor(r.target_ref),
        role,
        time,
        former: r.x_atlas_former ?? false,
        pattern: `STIX relationship ${r.relationship_type}`,
        evidence: first,
        existing,
        conflicts,
        confidence: 1,
        imported: {
          importId,
          format: "stix",
          externalId: r.id,
          waitsFor: [waiting(r.source_ref, "actor"), waiting(r.target_ref, "actor")],
          record: {
            id,
            fromId: r.source_ref,
            type,
            toId: r.target_ref,
            role,
            time,
            former: r.x_atlas_former ?? false,
            note: r.x_atlas_note ?? null,
            evidence,
          },
        },
      },
    });
    plan.count(plan.suggested, "relation");
    step();
  }
}
