/**
 * What an import will write, worked out before it writes anything: the new documents, the
 * records that go straight in, the suggestions for review, what waits for them, and the counts
 * the report gives. Both formats (an atlas dataset, a STIX bundle) plan into this shape and one
 * writer (write.ts) writes it in one transaction.
 *
 * A record's references to records that are not in the atlas yet (an actor still in review) are
 * taken out of it as links, written once both ends are in the atlas (pending.ts); references
 * to what is there stay in the record, so a record whose references are all settled is written
 * exactly as the file gives it.
 */
import type { Claim, Event, Source } from "@atlas/schema";
import type { IngestRecord } from "../ingest/records.js";
import type { Proposal, SuggestionKind } from "../ingest/types.js";
import { type Key, keyOf, type PendingItem } from "./pending.js";
import type { RefCollection } from "./refs.js";

export interface PlannedSuggestion {
  id: string;
  sourceId: string;
  kind: SuggestionKind;
  start: number;
  end: number;
  quote: string;
  label: string;
  proposal: Proposal;
}

export type Counts = Record<string, number>;

export class ImportPlan {
  readonly sources: Source[] = [];
  readonly records: IngestRecord[] = [];
  readonly suggestions: PlannedSuggestion[] = [];
  readonly pending: { item: PendingItem; needs: Key[] }[] = [];
  /** What pending items need that is settled now: the file's key and the atlas id. */
  readonly ids = new Map<Key, string>();
  readonly read: Counts = {};
  readonly matched: Counts = {};
  readonly added: Counts = {};
  readonly suggested: Counts = {};
  readonly waiting: Counts = {};
  readonly renamed: { collection: string; from: string; to: string }[] = [];
  readonly warnings: string[] = [];

  count(tally: Counts, what: string, n = 1) {
    tally[what] = (tally[what] ?? 0) + n;
  }

  /** Holds an item back until the records it needs are decided. */
  wait(item: PendingItem, needs: Key[]) {
    this.pending.push({ item, needs });
  }
}

/** The atlas id of a record of the file, when it is settled now; null when it waits for review. */
export type Now = (collection: RefCollection, importedId: string) => string | null;

export interface LinkOut {
  item: Extract<PendingItem, { kind: "link" }>;
  needs: Key[];
}

const link = (
  field: LinkOut["item"]["field"],
  from: Key,
  to: Key,
  sourceId: string,
  extra: Partial<Pick<LinkOut["item"], "role" | "note" | "span">> = {},
): LinkOut => ({ item: { kind: "link", field, from, to, sourceId, ...extra }, needs: [from, to] });

/**
 * An event with the references that are settled now in the atlas's ids; those that are not (an
 * actor, event or claim still in review) taken out as links from `from`.
 */
export function detachEvent(e: Event, now: Now, from: Key): { event: Event; links: LinkOut[] } {
  const links: LinkOut[] = [];
  const sourceId = (e.evidence[0] as Event["evidence"][number]).sourceId;
  const participants = e.participants.flatMap((p) => {
    const id = now("actor", p.actorId);
    if (id) return [{ ...p, actorId: id }];
    links.push(link("participants", from, keyOf("actor", p.actorId), sourceId, { role: p.role, note: p.note }));
    return [];
  });
  const fatalities = e.fatalities.map((f) => {
    const span = f.evidence[0] as Event["evidence"][number];
    const reportedById = f.reportedById === null ? null : now("actor", f.reportedById);
    if (f.reportedById !== null && !reportedById)
      links.push(link("fatalityReportedBy", from, keyOf("actor", f.reportedById), sourceId, { span }));
    const claimId = f.claimId === null ? null : now("claim", f.claimId);
    if (f.claimId !== null && !claimId)
      links.push(link("fatalityClaim", from, keyOf("claim", f.claimId), sourceId, { span }));
    return { ...f, reportedById, claimId };
  });
  const partOfId = e.partOfId === null ? null : now("event", e.partOfId);
  if (e.partOfId !== null && !partOfId) links.push(link("partOfId", from, keyOf("event", e.partOfId), sourceId));
  const responseToIds = e.responseToIds.flatMap((id) => {
    const to = now("event", id);
    if (to) return [to];
    links.push(link("responseToIds", from, keyOf("event", id), sourceId));
    return [];
  });
  return {
    event: {
      ...e,
      placeId: e.placeId === null ? null : now("place", e.placeId),
      participants,
      fatalities,
      partOfId,
      responseToIds,
      evidence: e.evidence,
    },
    links,
  };
}

/**
 * A claim with its settled references in the atlas's ids and the others taken out as links. The
 * claimant cannot be a link (a claim has a speaker): when it is not settled it keeps the file's
 * id, and the caller holds the claim back until it is.
 */
export function detachClaim(c: Claim, now: Now, from: Key): { claim: Claim; links: LinkOut[] } {
  const links: LinkOut[] = [];
  const sourceId = (c.evidence[0] as Claim["evidence"][number]).sourceId;
  const one = (field: "onBehalfOfId" | "viaId", id: string | null) => {
    if (id === null) return null;
    const to = now("actor", id);
    if (!to) links.push(link(field, from, keyOf("actor", id), sourceId));
    return to;
  };
  const many = (
    field: "aboutActorIds" | "aboutEventIds" | "supportsIds" | "contradictsIds",
    collection: RefCollection,
    ids: string[],
  ) =>
    ids.flatMap((id) => {
      const to = now(collection, id);
      if (to) return [to];
      links.push(link(field, from, keyOf(collection, id), sourceId));
      return [];
    });
  return {
    claim: {
      ...c,
      claimantId: now("actor", c.claimantId) ?? c.claimantId,
      onBehalfOfId: one("onBehalfOfId", c.onBehalfOfId),
      viaId: one("viaId", c.viaId),
      about: {
        actorIds: many("aboutActorIds", "actor", c.about.actorIds),
        eventIds: many("aboutEventIds", "event", c.about.eventIds),
      },
      supportsIds: many("supportsIds", "claim", c.supportsIds),
      contradictsIds: many("contradictsIds", "claim", c.contradictsIds),
    },
    links,
  };
}
