/**
 * Merging one actor into another and undoing it, and splitting one of an actor's names off into an
 * actor of its own. Each is one write (write.ts): validated, all or nothing, in the history.
 */
import type { Actor, Alias, AliasKind, Claim, Event, Mention } from "@atlas/schema";
import { and, eq, or, sql } from "drizzle-orm";
import type { Db } from "../db/client.js";
import type { MentionChange } from "../db/schema/history.js";
import * as t from "../db/schema/index.js";
import { actorIdFor } from "../ingest/checks.js";
import { ReviewError } from "../ingest/errors.js";
import { rows } from "../queries/run.js";
import { foldName } from "../text/fold.js";
import { batchEntries } from "./history.js";
import { live } from "./live.js";
import type { RecordOf, RecordType, WriteResult } from "./model.js";
import { mentionId, readMentionsOf } from "./records.js";
import { withSpan } from "./spans.js";
import { label } from "./validate.js";
import { done, lastChange, type Reviewer, type Writer, write } from "./write.js";

export interface MergeState {
  id: string;
  actorId: string;
  intoId: string;
  /** Every record the merge changed, at the version it left them: undoing checks they are still so. */
  records: { recordType: RecordType; recordId: string; version: number }[];
}

const swap = (id: string | null, from: string, to: string) => (id === from ? to : id);

/** A record the merge changed, at the version it left it. */
type Track = (type: RecordType, id: string, version: number) => void;

/** Refuses a merge of two actors a relation links: one actor cannot relate to itself. */
async function refuseRelated(w: Writer, from: string, into: string): Promise<void> {
  const between = await w.db
    .select({ id: t.relations.id })
    .from(t.relations)
    .where(
      or(
        and(eq(t.relations.fromId, from), eq(t.relations.toId, into)),
        and(eq(t.relations.fromId, into), eq(t.relations.toId, from)),
      ),
    );
  if (between.length) {
    throw new ReviewError(
      "conflict",
      `${from} and ${into} are linked by ${between.map((r) => `relation ${r.id}`).join(", ")}; one actor cannot relate to itself. Retire those relations first.`,
    );
  }
}

/** The names the merged actor brings: its own name and aliases that the other lacks, each saying where it came from. */
function movedNames(a: Actor, b: Actor, aliasKind: AliasKind | undefined): Alias[] {
  const names = new Set([b.name, ...b.aliases.map((x) => x.name)].map((n) => n.toLowerCase()));
  const moved: Alias[] = [];
  for (const alias of [{ name: a.name, kind: aliasKind ?? "spelling", sourceIds: [] } as Alias, ...a.aliases]) {
    if (names.has(alias.name.toLowerCase())) continue;
    names.add(alias.name.toLowerCase());
    moved.push({ ...alias, mergedFrom: alias.mergedFrom ?? a.id });
  }
  return moved;
}

/** The relations from or to the merged actor join the other. */
async function renameInRelations(w: Writer, from: string, into: string, track: Track): Promise<void> {
  for (const id of (
    await w.db
      .select({ id: t.relations.id })
      .from(t.relations)
      .where(or(eq(t.relations.fromId, from), eq(t.relations.toId, from)))
  ).map((r) => r.id)) {
    const r = await live(w.db, "relation", id);
    track(
      "relation",
      id,
      (
        await w.change(
          "relation",
          id,
          { ...r, fromId: swap(r.fromId, from, into) as string, toId: swap(r.toId, from, into) as string },
          { action: "merged", before: r },
        )
      ).version,
    );
  }
}

/** The claims the merged actor made, made for, passed on or is the subject of name the other. */
async function renameInClaims(w: Writer, from: string, into: string, track: Track): Promise<void> {
  const claimIds = await rows(
    w.db,
    sql<Pick<typeof t.claims.$inferSelect, "id">>`select ${t.claims.id} from ${t.claims}
        where ${t.claims.claimantId} = ${from} or ${t.claims.onBehalfOfId} = ${from} or ${t.claims.viaId} = ${from}
        union select ${t.claimActors.claimId} as id from ${t.claimActors} where ${t.claimActors.actorId} = ${from}`,
  );
  for (const { id } of claimIds) {
    const c = await live(w.db, "claim", id);
    const claimantId = swap(c.claimantId, from, into) as string;
    const next: Claim = {
      ...c,
      claimantId,
      onBehalfOfId: swap(c.onBehalfOfId, from, into) === claimantId ? null : swap(c.onBehalfOfId, from, into),
      viaId: swap(c.viaId, from, into),
      about: {
        ...c.about,
        actorIds: [...new Set(c.about.actorIds.map((x) => swap(x, from, into) as string))].sort(),
      },
    };
    track("claim", id, (await w.change("claim", id, next, { action: "merged", before: c })).version);
  }
}

/** The events the merged actor took part in, or reported deaths of, name the other. */
async function renameInEvents(w: Writer, from: string, into: string, track: Track): Promise<void> {
  const eventIds = await rows(
    w.db,
    sql<{
      id: string;
    }>`select ${t.participants.eventId} as id from ${t.participants} where ${t.participants.actorId} = ${from}
        union select ${t.fatalities.eventId} as id from ${t.fatalities} where ${t.fatalities.reportedById} = ${from}`,
  );
  for (const { id } of eventIds) {
    const e = await live(w.db, "event", id);
    const participants = e.participants
      .map((p) => ({ ...p, actorId: swap(p.actorId, from, into) as string }))
      .filter((p, i, list) => list.findIndex((q) => q.actorId === p.actorId && q.role === p.role) === i);
    const next: Event = {
      ...e,
      participants,
      fatalities: e.fatalities.map((f) => ({ ...f, reportedById: swap(f.reportedById, from, into) })),
    };
    track("event", id, (await w.change("event", id, next, { action: "merged", before: e })).version);
  }
}

/** The next free merge id, `merge-<n>`. */
async function nextMergeId(w: Writer): Promise<string> {
  const existing = await w.db
    .selectDistinct({ id: t.changes.recordId })
    .from(t.changes)
    .where(eq(t.changes.recordType, "merge"));
  const taken = new Set(existing.map((r) => r.id));
  let n = taken.size + 1;
  while (taken.has(`merge-${n}`)) n++;
  return `merge-${n}`;
}

/**
 * Merges one actor into another: its names (each remembering where it came from), its evidence
 * and mentions move, and every record that named it names the other. The merge is itself a
 * record (`merge-<n>`), so it can be undone while nothing it changed has changed since.
 */
export async function mergeActors(
  db: Db,
  by: Reviewer,
  input: { actorId: string; intoId: string; aliasKind?: AliasKind; version?: number },
  reason?: string | null,
): Promise<WriteResult & { mergeId: string }> {
  return write(db, by, reason, async (w) => {
    const { actorId: from, intoId: into } = input;
    if (from === into) throw new ReviewError("invalid", "An actor cannot be merged into itself.");
    const a = await live(w.db, "actor", from);
    const b = await live(w.db, "actor", into);
    await refuseRelated(w, from, into);
    const moved = movedNames(a, b, input.aliasKind);
    let evidence = b.evidence;
    for (const e of a.evidence) evidence = withSpan(evidence, e);
    const records: MergeState["records"] = [];
    const track: Track = (type, id, version) => records.push({ recordType: type, recordId: id, version });
    track(
      "actor",
      into,
      (
        await w.change(
          "actor",
          into,
          { ...b, aliases: [...b.aliases, ...moved].sort((x, y) => x.name.localeCompare(y.name)), evidence },
          { action: "merged", before: b, expectVersion: input.version },
        )
      ).version,
    );

    // Everything that named it names the other.
    await renameInRelations(w, from, into, track);
    await renameInClaims(w, from, into, track);
    await renameInEvents(w, from, into, track);
    const mentions = (await readMentionsOf(w.db, from)).map((m) => ({
      id: mentionId(m),
      after: { ...m, actorId: into },
    }));
    track("actor", from, (await w.change("actor", from, null, { action: "merged", before: a, mentions })).version);

    const mergeId = await nextMergeId(w);
    const state: MergeState = { id: mergeId, actorId: from, intoId: into, records };
    await w.log("merge", mergeId, 1, "merged", null, state);
    return { ...done(w), mergeId };
  });
}

/**
 * Undoes a merge: every record it changed goes back to how it was before, provided none has
 * changed since (else the refusal names it and who changed it: undo that first, or correct by hand).
 */
export async function unmergeActors(
  db: Db,
  by: Reviewer,
  mergeId: string,
  reason?: string | null,
): Promise<WriteResult> {
  return write(db, by, reason, async (w) => {
    const last = await w.db
      .select({ after: t.changes.after, batch: t.changes.batch, version: t.changes.version })
      .from(t.changes)
      .where(and(eq(t.changes.recordType, "merge"), eq(t.changes.recordId, mergeId)))
      .orderBy(sql`${t.changes.seq} desc`)
      .limit(1);
    const entry = last[0];
    if (!entry) throw new ReviewError("not_found", `No merge with id "${mergeId}".`);
    if (entry.after === null) throw new ReviewError("conflict", `${mergeId} was undone already.`);
    const merge = entry.after as MergeState;
    for (const r of merge.records) {
      const now = await lastChange(w.db, r.recordType, r.recordId);
      if (now && now.version !== r.version) {
        throw new ReviewError(
          "conflict",
          `${label(r.recordType, r.recordId)} changed since ${mergeId} (by ${now.reviewer} at ${now.at}); undo or redo that change by hand before undoing the merge.`,
        );
      }
    }
    const entries = await batchEntries(w.db, [entry.batch]);
    const beforeOf = (type: string, id: string) => entries.find((e) => e.recordType === type && e.recordId === id);
    // The merged actor first (the others name it), the actor it went into last.
    const order = [
      ...merge.records.filter((r) => r.recordId === merge.actorId),
      ...merge.records.filter((r) => r.recordId !== merge.actorId && r.recordId !== merge.intoId),
      ...merge.records.filter((r) => r.recordType === "actor" && r.recordId === merge.intoId),
    ];
    for (const r of order) {
      const e = beforeOf(r.recordType, r.recordId);
      if (!e) continue;
      const rows = await w.db
        .select({ mentions: t.changes.mentions })
        .from(t.changes)
        .where(
          and(
            eq(t.changes.batch, entry.batch),
            eq(t.changes.recordType, r.recordType),
            eq(t.changes.recordId, r.recordId),
          ),
        );
      const mentions = (rows[0]?.mentions ?? []).map((m: MentionChange) => ({
        id: m.id,
        after: (m.before as Mention | null) ?? null,
      }));
      await w.change(r.recordType, r.recordId, e.before as RecordOf[RecordType] | null, {
        action: "unmerged",
        mentions,
      });
    }
    await w.log("merge", mergeId, entry.version + 1, "unmerged", merge, null);
    return done(w);
  });
}

/**
 * Splits one of an actor's names off into an actor of its own: the mentions found by that name
 * go with it, and its first mention's words are its evidence.
 */
export async function splitAlias(
  db: Db,
  by: Reviewer,
  input: {
    actorId: string;
    alias: string;
    id?: string;
    actorKind?: Actor["kind"];
    description: string;
    version?: number;
  },
  reason?: string | null,
): Promise<WriteResult & { actorId: string }> {
  return write(db, by, reason, async (w) => {
    const actor = await live(w.db, "actor", input.actorId);
    const alias = actor.aliases.find((a) => a.name.toLowerCase() === input.alias.toLowerCase());
    if (!alias) {
      throw new ReviewError(
        "invalid",
        `alias: ${actor.id} has no other name "${input.alias}"; its names are ${actor.aliases.map((a) => `"${a.name}"`).join(", ") || "none"}.`,
      );
    }
    const key = foldName(alias.name);
    const mine = (await readMentionsOf(w.db, actor.id)).filter((m) => foldName(m.alias) === key);
    const first = mine[0];
    const evidence = first
      ? [
          actor.evidence.find((e) => e.sourceId === first.sourceId && e.start <= first.start && e.end >= first.end) ?? {
            sourceId: first.sourceId,
            start: first.start,
            end: first.end,
            quote: first.quote,
          },
        ]
      : [];
    if (evidence.length === 0) {
      throw new ReviewError(
        "invalid",
        `No document's words use "${alias.name}" as a mention of ${actor.id}; make the actor with atlas add actor and the words that name it.`,
      );
    }
    const id = await actorIdFor(w.db, input.id, alias.name, "choose another id");
    const created: Actor = {
      id,
      name: alias.name,
      kind: input.actorKind ?? actor.kind,
      aliases: [],
      description: input.description,
      evidence,
    };
    await w.change(
      "actor",
      actor.id,
      { ...actor, aliases: actor.aliases.filter((a) => a !== alias) },
      { action: "split", before: actor, expectVersion: input.version },
    );
    await w.change("actor", id, created, {
      action: "split",
      mentions: mine.map((m) => ({ id: mentionId(m), after: { ...m, actorId: id } })),
    });
    return { ...done(w), actorId: id };
  });
}
