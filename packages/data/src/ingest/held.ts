/**
 * What the atlas holds that new records are matched against, read the one way ingest and both
 * imports read it: its places with their other names, and its events with their participants
 * and its relations (suggest/corroborate.ts decides which new account retells which, and which tie
 * the atlas holds already). Its actors: names/known.ts.
 */

import type { RelationType } from "@atlas/schema";
import type { Db } from "../db/client.js";
import * as t from "../db/schema/index.js";
import { type KnownEvent, type KnownRelation, knownEvents } from "./suggest/corroborate.js";

export async function heldPlaces(db: Db) {
  return db
    .select({ id: t.places.id, name: t.places.name, aliases: t.places.aliases, kind: t.places.kind })
    .from(t.places);
}

export async function heldEvents(db: Db): Promise<KnownEvent[]> {
  const [events, participants] = await Promise.all([
    db
      .select({
        id: t.events.id,
        kind: t.events.kind,
        title: t.events.title,
        time: t.events.time,
        placeId: t.events.placeId,
      })
      .from(t.events),
    db
      .select({ eventId: t.participants.eventId, actorId: t.participants.actorId, role: t.participants.role })
      .from(t.participants),
  ]);
  return knownEvents(events, participants);
}

export async function heldRelations(db: Db): Promise<KnownRelation[]> {
  const rows = await db
    .select({
      id: t.relations.id,
      type: t.relations.type,
      fromId: t.relations.fromId,
      toId: t.relations.toId,
      time: t.relations.time,
      former: t.relations.former,
    })
    .from(t.relations);
  return rows.map((r) => ({ ...r, type: r.type as RelationType }));
}
