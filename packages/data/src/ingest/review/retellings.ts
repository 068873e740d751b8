/**
 * One happening a document tells several times is proposed once per sentence. Once the reviewer
 * accepts one account as a new event, the document's other pending accounts of it (by the same
 * rule that matches an account with an event the atlas held before: corroborate.ts) become further
 * evidence for that event by default: accepting one adds its sentence to the event, not a second
 * event. The reviewer can still choose otherwise (eventId in the edit).
 */
import type { Event } from "@atlas/schema";
import { and, eq } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import * as t from "../../db/schema/index.js";
import { corroborated, tieWeights } from "../suggest/corroborate.js";
import { eventLabel } from "../suggest/labels.js";
import type { Proposal } from "../types.js";

export async function linkRetellings(db: Db, sourceId: string, event: Event): Promise<number> {
  const pending = await db
    .select({ id: t.suggestions.id, proposal: t.suggestions.proposal, edit: t.suggestions.edit })
    .from(t.suggestions)
    .where(
      and(eq(t.suggestions.sourceId, sourceId), eq(t.suggestions.kind, "event"), eq(t.suggestions.status, "suggested")),
    );
  // A suggestion the reviewer has edited is theirs to decide: it is left as they made it.
  const open = pending.filter((row) => {
    const p = row.proposal as Proposal;
    return p.kind === "event" && !p.corroborates && !p.imported && !row.edit;
  });
  if (open.length === 0) return 0;
  const [actors, places] = await Promise.all([
    db.select({ id: t.actors.id, name: t.actors.name, kind: t.actors.kind }).from(t.actors),
    db.select({ id: t.places.id, kind: t.places.kind }).from(t.places),
  ]);
  const names = new Map(actors.map((a) => [a.id, a.name]));
  const weights = tieWeights(actors, places);
  const known = {
    id: event.id,
    kind: event.kind,
    title: event.title,
    time: event.time,
    participants: event.participants,
    placeId: event.placeId,
  };
  let linked = 0;
  for (const row of open) {
    const p = row.proposal as Proposal;
    if (p.kind !== "event") continue;
    const participants = p.participants.flatMap((x) => (x.actorId ? [{ actorId: x.actorId, role: x.role }] : []));
    const placeId = p.place?.placeId ?? null;
    const match = corroborated({ kind: p.eventKind, time: p.time, participants, placeId }, [known], names, {
      ...weights,
      sameDocument: true,
    });
    if (!match) continue;
    const proposal = {
      ...p,
      corroborates: { ...match, why: ["accepted from another account in this document", ...match.why] },
    };
    await db
      .update(t.suggestions)
      .set({ proposal, label: eventLabel(proposal) })
      .where(and(eq(t.suggestions.id, row.id), eq(t.suggestions.status, "suggested")));
    linked++;
  }
  return linked;
}
