/**
 * What the atlas holds that new records are matched against, read the one way ingest and both
 * imports read it: its places with their other names, and its events with their participants
 * (suggest/corroborate.ts decides which new account retells which). Its actors: names/known.ts.
 */
import type { Db } from "../db/client.js";
import * as t from "../db/schema/index.js";
import { type KnownEvent, knownEvents } from "./suggest/corroborate.js";

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
