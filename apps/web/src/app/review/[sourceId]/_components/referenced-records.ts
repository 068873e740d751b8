/**
 * The atlas's records the suggestions on a review page refer to, loaded so their cards can show
 * them beside the suggestion: events they retell or are added to, claims statements answer,
 * relations they repeat or contradict (from their ends' profiles).
 */
import type { ActorRef, ClaimDetail, EventDetail, Suggestion } from "@/lib/types";
import { api } from "@/trpc/client";
import type { HeldRelation } from "./card-context";

/** Each id looked up once; one that cannot be loaded (since removed) is left out, and its card says what it knows. */
async function byIds<T>(
  ids: Iterable<string | null | undefined>,
  get: (id: string) => Promise<T>,
): Promise<Map<string, T>> {
  const wanted = [...new Set([...ids].filter((x): x is string => Boolean(x)))];
  const found = await Promise.all(
    wanted.map((id) =>
      get(id).then(
        (v) => [id, v] as const,
        () => null,
      ),
    ),
  );
  return new Map(found.filter((x) => x !== null));
}

/** The records the suggestions refer to, by id. */
export async function referenced(items: Suggestion[]) {
  const eventIds: (string | null)[] = [];
  const claimIds: string[] = [];
  const relationIds = new Set<string>();
  const ends: (string | null)[] = [];
  for (const s of items) {
    const p = s.proposal;
    const v = s.effective;
    if (v.kind === "event" || v.kind === "date") eventIds.push(v.eventId);
    if (p.kind === "event") eventIds.push(p.corroborates?.id ?? null);
    eventIds.push(...s.records.filter((r) => r.type === "event-evidence").map((r) => r.recordId));
    if (v.kind === "statement") claimIds.push(...v.supportsIds, ...v.contradictsIds);
    if (p.kind === "statement") claimIds.push(...[...p.supports, ...p.contradicts].map((m) => m.id));
    if (p.kind === "relation" && v.kind === "relation" && (p.existing || p.conflicts)) {
      for (const m of [p.existing, p.conflicts]) if (m) relationIds.add(m.id);
      ends.push(v.fromId, v.toId);
    }
  }
  const [events, claims, profiles] = await Promise.all([
    byIds(eventIds, (id) => api.events.byId.query({ id })),
    byIds(claimIds, (id) => api.claims.byId.query({ id })),
    byIds(ends, (id) => api.actors.byId.query({ id })),
  ]);
  const relations = new Map<string, HeldRelation>();
  for (const actor of profiles.values()) {
    const self: ActorRef = { id: actor.id, name: actor.name, kind: actor.kind };
    for (const r of actor.relations) {
      if (!relationIds.has(r.id)) continue;
      const [from, to] = r.direction === "outgoing" ? [self, r.other] : [r.other, self];
      relations.set(r.id, { id: r.id, type: r.type, role: r.role, former: r.former, from, to, evidence: r.evidence });
    }
  }
  return { events: events as Map<string, EventDetail>, claims: claims as Map<string, ClaimDetail>, relations };
}
