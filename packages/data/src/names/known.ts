/** The atlas's actors with every name they go by: what ingest and import match new names against. */
import type { ActorKind, AliasAttestation, AliasKind } from "@atlas/schema";
import type { Db } from "../db/client.js";
import * as t from "../db/schema/index.js";

export interface KnownActor {
  id: string;
  name: string;
  kind: ActorKind;
  description: string;
  aliases: { name: string; kind: AliasKind; sourceIds: string[]; outside: AliasAttestation | null }[];
}

export async function knownActors(db: Db): Promise<KnownActor[]> {
  const [actors, aliases] = await Promise.all([
    db
      .select({ id: t.actors.id, name: t.actors.name, kind: t.actors.kind, description: t.actors.description })
      .from(t.actors),
    db
      .select({
        actorId: t.aliases.actorId,
        name: t.aliases.name,
        kind: t.aliases.kind,
        sourceIds: t.aliases.sourceIds,
        outside: t.aliases.outside,
      })
      .from(t.aliases),
  ]);
  const aliasesOf = new Map<string, KnownActor["aliases"]>();
  for (const { actorId, kind, ...rest } of aliases) {
    aliasesOf.set(actorId, [...(aliasesOf.get(actorId) ?? []), { ...rest, kind: kind as AliasKind }]);
  }
  return actors.map((a) => ({ ...a, kind: a.kind as ActorKind, aliases: aliasesOf.get(a.id) ?? [] }));
}
