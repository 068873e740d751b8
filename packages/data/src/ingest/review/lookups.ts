/**
 * What a suggestion's effect depends on beyond itself: whether the names it gives are actors now,
 * which candidate actor suggestion stands for a name, and what became of the suggestions it waits for.
 */
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import * as t from "../../db/schema/index.js";
import type { Decided, Lookups } from "../../review/model.js";
import { foldName } from "../../text/fold.js";
import { actorsNamed } from "../checks.js";
import type { NamedActor, Proposal } from "../types.js";

/** The names a proposal gives for actors that may not be actors yet (speakers, participants, relation ends). */
function pendingNames(p: Proposal): string[] {
  // An imported record's references wait for the suggestions that decide them, not for names.
  const open = (x: NamedActor) => !x.actorId && !x.suggestionId;
  switch (p.kind) {
    case "statement":
      return p.imported
        ? []
        : [p.claimantId ? null : (p.claimantName ?? p.speaker), p.via && !p.via.actorId ? p.via.name : null].filter(
            (n): n is string => n !== null,
          );
    case "event":
      return p.participants.filter(open).map((x) => x.name);
    case "relation":
      return [p.from, p.to].filter(open).map((x) => x.name);
    default:
      return [];
  }
}

/** The suggestions an imported proposal waits for. */
const waitedFor = (p: Proposal): string[] =>
  "imported" in p && p.imported ? p.imported.waitsFor.map((w) => w.suggestionId) : [];

/** What became of the suggestions these wait for: their status, and the record accepting made or added to. */
async function decisions(db: Db, ids: string[]): Promise<Map<string, Decided>> {
  const map = new Map<string, Decided>();
  if (ids.length === 0) return map;
  const rows = await db
    .select({
      id: t.suggestions.id,
      status: t.suggestions.status,
      recordId: sql<
        (typeof t.ingestRecords.$inferSelect)["recordId"] | null
      >`(select ${t.ingestRecords.recordId} from ${t.ingestRecords} where ${t.ingestRecords.suggestionId} = ${t.suggestions.id} order by ${t.ingestRecords.seq} limit 1)`,
    })
    .from(t.suggestions)
    .where(inArray(t.suggestions.id, ids));
  for (const r of rows) map.set(r.id, { status: r.status, recordId: r.recordId });
  return map;
}

/**
 * Whether names are actors now (a candidate the reviewer accepted, an actor added since): their
 * name or an alias used everywhere, folded, when it names exactly one actor. One query for all.
 */
export async function lookupsFor(db: Db, proposals: Proposal[], sourceId?: string): Promise<Lookups> {
  const names = [...new Set(proposals.flatMap(pendingNames))];
  const keys = [...new Set(names.map(foldName))].filter(Boolean);
  const found = new Map<string, string | null>();
  const candidates = new Map<string, string>();
  if (keys.length > 0) {
    const rows = await actorsNamed(db, keys);
    for (const r of rows) found.set(r.key, found.has(r.key) && found.get(r.key) !== r.id ? null : r.id);
    if (sourceId) {
      const pending = await db
        .select({ id: t.suggestions.id, name: sql<string>`${t.suggestions.proposal}->>'name'` })
        .from(t.suggestions)
        .where(
          and(
            eq(t.suggestions.sourceId, sourceId),
            eq(t.suggestions.kind, "actor"),
            eq(t.suggestions.status, "suggested"),
            inArray(sql<string>`${t.suggestions.proposal}->>'name'`, names),
          ),
        );
      for (const c of pending) candidates.set(c.name, c.id);
    }
  }
  const decided = await decisions(db, [...new Set(proposals.flatMap(waitedFor))]);
  return {
    actorNamed: (name) => found.get(foldName(name)) ?? null,
    candidateFor: (name) => candidates.get(name) ?? null,
    decided: (id) => decided.get(id) ?? null,
  };
}
