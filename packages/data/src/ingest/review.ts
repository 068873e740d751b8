/**
 * Review: a suggestion is accepted (possibly edited), edited without accepting, or rejected.
 * Accepting turns it into real records with verbatim evidence in the ingested document — a
 * mention, an actor (or an alias of an existing one), an event (or evidence for an existing
 * one), a claim — validated against @atlas/schema, kept in the ledger and written to the
 * curated tables, all in one transaction.
 */
import { Actor, Claim, describeIssues, Event, type Evidence, type Mention, type Segment } from "@atlas/schema";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import { span } from "../annotations/quotes.js";
import type { Db } from "../db/client.js";
import * as t from "../db/schema/index.js";
import { NameResolver } from "../names/resolver.js";
import { bumpDataVersion } from "../queries/cache.js";
import { decodeCursor, type Page, PageInput, toPage } from "../queries/page.js";
import { all } from "../queries/run.js";
import { foldName } from "../text/fold.js";
import { ReviewError } from "./errors.js";
import { slugify, unique } from "./ids.js";
import { applyRecords, type IngestRecord, recordIdOf } from "./records.js";
import { statementLabel } from "./suggest/index.js";
import {
  EDIT_FIELDS,
  type IngestedDocument,
  type Proposal,
  type ProposalOf,
  type RecordRef,
  SuggestionEdit,
  SuggestionKind,
  SuggestionStatus,
  type SuggestionView,
  type TextSpan,
} from "./types.js";

export const SuggestionListInput = PageInput.extend({
  sourceId: z.string().min(1).max(200).describe("The ingested document."),
  kind: SuggestionKind.optional(),
  status: SuggestionStatus.optional().describe("Only suggestions with this status (default: all)."),
});
export type SuggestionListInput = z.input<typeof SuggestionListInput>;

type Row = typeof t.suggestions.$inferSelect;

async function recordsOf(db: Db, ids: string[]): Promise<Map<string, RecordRef[]>> {
  const map = new Map<string, RecordRef[]>();
  if (ids.length === 0) return map;
  const rows = await db
    .select({
      suggestionId: t.ingestRecords.suggestionId,
      type: t.ingestRecords.type,
      recordId: t.ingestRecords.recordId,
    })
    .from(t.ingestRecords)
    .where(inArray(t.ingestRecords.suggestionId, ids))
    .orderBy(asc(t.ingestRecords.seq));
  for (const r of rows)
    map.set(r.suggestionId, [...(map.get(r.suggestionId) ?? []), { type: r.type, recordId: r.recordId }]);
  return map;
}

const view = (row: Row, records: RecordRef[]): SuggestionView => ({
  id: row.id,
  sourceId: row.sourceId,
  kind: row.kind,
  status: row.status,
  start: row.start,
  end: row.end,
  quote: row.quote,
  label: row.label,
  proposal: row.proposal as Proposal,
  edit: (row.edit as SuggestionEdit | null) ?? null,
  records,
  reviewedAt: row.reviewedAt,
  reviewNote: row.reviewNote,
});

/** A document's suggestions in text order (by kind, then position), with cursor pages. */
export async function listSuggestions(db: Db, input: SuggestionListInput): Promise<Page<SuggestionView>> {
  const { sourceId, kind, status, limit, cursor } = SuggestionListInput.parse(input);
  const after = decodeCursor(cursor);
  const rows = await db
    .select()
    .from(t.suggestions)
    .where(
      and(
        eq(t.suggestions.sourceId, sourceId),
        kind ? eq(t.suggestions.kind, kind) : undefined,
        status ? eq(t.suggestions.status, status) : undefined,
        after ? sql`${t.suggestions.ord} > ${Number(after[0])}` : undefined,
      ),
    )
    .orderBy(asc(t.suggestions.ord))
    .limit(limit + 1);
  const records = await recordsOf(
    db,
    rows.slice(0, limit).map((r) => r.id),
  );
  return toPage(
    rows.map((r) => view(r, records.get(r.id) ?? [])),
    limit,
    (s) => [rows.find((r) => r.id === s.id)?.ord ?? 0, s.id],
  );
}

export async function suggestionById(db: Db, id: string): Promise<SuggestionView | null> {
  const [row] = await db.select().from(t.suggestions).where(eq(t.suggestions.id, id));
  if (!row) return null;
  return view(row, (await recordsOf(db, [id])).get(id) ?? []);
}

/** Ingested documents, newest first, with suggestion counts by kind and status. */
export async function listIngested(db: Db): Promise<IngestedDocument[]> {
  const docs = await all<Omit<IngestedDocument, "suggestions">>(
    db,
    sql`select d.source_id as "sourceId", s.title, s.publisher, s.published, d.format, d.file_name as "fileName",
          d.bytes, d.ingested_at::text as "ingestedAt", d.warnings
        from ingest_documents d join sources s on s.id = d.source_id
        order by d.ingested_at desc, d.source_id`,
  );
  const counts = await all<{ sourceId: string; kind: string; status: string; n: number }>(
    db,
    sql`select source_id as "sourceId", kind, status, count(*)::int as n from suggestions group by 1, 2, 3`,
  );
  return docs.map((d) => {
    const suggestions: Record<string, Record<string, number>> = {};
    for (const c of counts.filter((x) => x.sourceId === d.sourceId)) {
      suggestions[c.kind] = { ...suggestions[c.kind], [c.status]: c.n };
    }
    return { ...d, suggestions };
  });
}

function checkEdit(kind: SuggestionKind, edit: SuggestionEdit | undefined): SuggestionEdit {
  const parsed = SuggestionEdit.safeParse(edit ?? {});
  if (!parsed.success) throw new ReviewError("invalid", `Invalid edit: ${describeIssues(parsed.error).join("; ")}`);
  const wrong = Object.keys(parsed.data).filter((k) => !EDIT_FIELDS[kind].includes(k as keyof SuggestionEdit));
  if (wrong.length > 0) {
    throw new ReviewError(
      "invalid",
      `Invalid edit: ${wrong.join(", ")} ${wrong.length === 1 ? "does" : "do"} not apply to a ${kind} suggestion; it takes ${EDIT_FIELDS[kind].join(", ")}.`,
    );
  }
  return parsed.data;
}

async function load(db: Db, id: string): Promise<Row> {
  const [row] = await db.select().from(t.suggestions).where(eq(t.suggestions.id, id)).for("update");
  if (!row) throw new ReviewError("not_found", `No suggestion with id "${id}".`);
  if (row.status !== "suggested") {
    throw new ReviewError(
      "conflict",
      `Suggestion "${id}" was already ${row.status}${row.reviewedAt ? ` (${row.reviewedAt})` : ""}.`,
    );
  }
  return row;
}

/** Saves changes to a suggestion without accepting it; it stays "suggested". */
export async function editSuggestion(db: Db, id: string, edit: SuggestionEdit): Promise<SuggestionView> {
  return db.transaction(async (tx) => {
    const row = await load(tx, id);
    const merged = { ...((row.edit as SuggestionEdit | null) ?? {}), ...checkEdit(row.kind, edit) };
    await tx.update(t.suggestions).set({ edit: merged }).where(eq(t.suggestions.id, id));
    return view({ ...row, edit: merged }, []);
  });
}

export async function rejectSuggestion(db: Db, id: string, note?: string): Promise<SuggestionView> {
  return db.transaction(async (tx) => {
    const row = await load(tx, id);
    const [updated] = await tx
      .update(t.suggestions)
      .set({ status: "rejected", reviewedAt: sql`now()`, reviewNote: note ?? null })
      .where(eq(t.suggestions.id, id))
      .returning();
    return view(updated ?? row, []);
  });
}

interface SourceText {
  id: string;
  text: string;
  segments: Segment[];
}

const spanOf = (source: SourceText, s: TextSpan): Evidence => {
  if (source.text.slice(s.start, s.end) !== s.quote) {
    throw new ReviewError("invalid", `The span ${s.start}..${s.end} no longer matches the text of "${source.id}".`);
  }
  return span(source.id, source.text, s.start, s.end);
};

const flat = (s: string) => s.replace(/\s+/g, " ").trim();
const headline = (s: string, n = 90) => {
  const f = flat(s);
  if (f.length <= n) return f.replace(/[.,;:]$/, "");
  const cut = f.slice(0, n);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), n / 2)).replace(/[.,;:]$/, "")}…`;
};

/** Every occurrence of the names in the document's article text, outside existing mentions. */
async function mentionsOf(
  db: Db,
  source: SourceText,
  actorId: string,
  names: { name: string; alias: string }[],
): Promise<Mention[]> {
  const existing = await db
    .select({ start: t.mentions.start, end: t.mentions.end })
    .from(t.mentions)
    .where(eq(t.mentions.sourceId, source.id));
  // The names as written (exact), each standing for the alias it is recorded under.
  const resolver = new NameResolver(
    names.map((n) => ({ actorId: n.alias, name: n.name, origin: "alias" as const, sourceIds: [] })),
  );
  // Hits, boilerplate and existing mentions all come in text order: one sweep, however long the document.
  const taken = [...source.segments.filter((s) => !s.article), ...existing].sort((a, b) => a.start - b.start);
  const out: Mention[] = [];
  let k = 0;
  let reach = -1;
  for (const h of resolver
    .find(source.text, { rules: "exact" })
    .flatMap((m) => (m.candidates[0] ? [{ ...m, alias: m.candidates[0].actorId }] : []))) {
    while (k < taken.length && (taken[k] as { start: number }).start < h.end) {
      reach = Math.max(reach, (taken[k] as { end: number }).end);
      k++;
    }
    // Everything that starts before the hit ends has been swept; it overlaps if it reaches past the hit's start.
    if (reach > h.start) continue;
    out.push({
      sourceId: source.id,
      start: h.start,
      end: h.end,
      quote: source.text.slice(h.start, h.end),
      actorId,
      alias: h.alias,
    });
  }
  return out;
}

const validate = <T>(
  schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: z.ZodError } },
  value: unknown,
  what: string,
): T => {
  const r = schema.safeParse(value);
  if (!r.success)
    throw new ReviewError("invalid", `The ${what} would be invalid: ${describeIssues(r.error).join("; ")}`);
  return r.data;
};

async function actorIds(db: Db): Promise<Set<string>> {
  return new Set((await db.select({ id: t.actors.id }).from(t.actors)).map((a) => a.id));
}

async function requireActor(db: Db, id: string, field: string) {
  const [a] = await db.select({ id: t.actors.id }).from(t.actors).where(eq(t.actors.id, id));
  if (!a) throw new ReviewError("invalid", `${field}: no actor with id "${id}".`);
}

/** The actor a name refers to: its name or one of its unscoped aliases, folded. */
async function actorByName(db: Db, name: string): Promise<string | null> {
  const key = foldName(name);
  const rows = await all<{ id: string }>(
    db,
    sql`select id from actors where name_folded = ${key}
        union select actor_id as id from aliases where name_folded = ${key} and cardinality(source_ids) = 0
        limit 2`,
  );
  return rows.length === 1 ? (rows[0] as { id: string }).id : null;
}

const ambiguous = (p: ProposalOf<"mention">) =>
  `actorId: the words could name ${p.candidates.map((c) => `${c.actorName} (${c.actorId})`).join(" or ")}; choose one with an edit of actorId.`;

/** The actor an accepted mention names: the reviewer's choice, else the one the words were linked to. */
function mentionActor(proposal: ProposalOf<"mention">, edit: SuggestionEdit): string {
  const actorId = edit.actorId ?? proposal.actorId;
  if (actorId === null) throw new ReviewError("invalid", ambiguous(proposal));
  return actorId;
}

async function buildRecords(db: Db, row: Row, edit: SuggestionEdit, source: SourceText): Promise<IngestRecord[]> {
  const proposal = row.proposal as Proposal;
  switch (proposal.kind) {
    case "mention": {
      const actorId = mentionActor(proposal, edit);
      await requireActor(db, actorId, "actorId");
      const quote = source.text.slice(row.start, row.end);
      return [
        {
          type: "mention",
          mention: {
            sourceId: source.id,
            start: row.start,
            end: row.end,
            quote,
            actorId,
            alias: edit.actorId ? quote : proposal.alias,
          },
        },
      ];
    }
    case "actor":
      return [await actorRecord(db, row, proposal, edit, source)];
    case "date": {
      const evidence = [spanOf(source, proposal.sentence)];
      if (edit.eventId) {
        const [e] = await db.select({ id: t.events.id }).from(t.events).where(eq(t.events.id, edit.eventId));
        if (!e) throw new ReviewError("invalid", `eventId: no event with id "${edit.eventId}".`);
        return [{ type: "event-evidence", eventId: edit.eventId, evidence }];
      }
      const time = edit.time ?? proposal.time;
      const title = edit.title ?? headline(proposal.sentence.quote);
      if (edit.placeId) {
        const [p] = await db.select({ id: t.places.id }).from(t.places).where(eq(t.places.id, edit.placeId));
        if (!p) throw new ReviewError("invalid", `placeId: no place with id "${edit.placeId}".`);
      }
      for (const p of edit.participants ?? []) await requireActor(db, p.actorId, "participants");
      const taken = new Set((await db.select({ id: t.events.id }).from(t.events)).map((e) => e.id));
      const datePart = time.edtf.replace(/[^0-9-].*$/, "").replace(/-$/, "");
      const id = unique(slugify(`${datePart} ${title}`, 80), (x) => taken.has(x));
      const event = validate<Event>(
        Event,
        {
          id,
          kind: edit.eventKind ?? "other",
          title,
          summary: edit.summary ?? flat(proposal.sentence.quote),
          time,
          placeId: edit.placeId ?? null,
          placeNote: null,
          participants: (edit.participants ?? []).map((p) => ({ ...p, note: null })),
          fatalities: [],
          partOfId: null,
          responseToIds: [],
          evidence,
        },
        "event",
      );
      return [{ type: "event", event }];
    }
    case "statement":
      return [await claimRecord(db, row, proposal, edit, source)];
  }
}

async function actorRecord(
  db: Db,
  row: Row,
  proposal: ProposalOf<"actor">,
  edit: SuggestionEdit,
  source: SourceText,
): Promise<IngestRecord> {
  const evidence = [spanOf(source, { start: row.start, end: row.end, quote: row.quote })];
  const name = edit.name ?? proposal.name;
  const shortNames = proposal.shortNames.map((n) => ({ name: n, alias: n }));
  if (edit.mergeInto) {
    const [target] = await db
      .select({ id: t.actors.id, name: t.actors.name })
      .from(t.actors)
      .where(eq(t.actors.id, edit.mergeInto));
    if (!target) throw new ReviewError("invalid", `mergeInto: no actor with id "${edit.mergeInto}".`);
    const existing = await db.select({ name: t.aliases.name }).from(t.aliases).where(eq(t.aliases.actorId, target.id));
    const known = [target.name, ...existing.map((a) => a.name)].some((n) => n.toLowerCase() === name.toLowerCase());
    return {
      type: "alias",
      actorId: target.id,
      // A full name matches everywhere; a single word only in this document, where we know what it means.
      alias: known
        ? null
        : { name, kind: edit.aliasKind ?? "spelling", sourceIds: name.includes(" ") ? [] : [source.id] },
      evidence,
      mentions: await mentionsOf(db, source, target.id, [{ name, alias: name }, ...shortNames]),
    };
  }
  const clash = await actorByName(db, name);
  if (clash) {
    throw new ReviewError(
      "conflict",
      `An actor named "${name}" already exists ("${clash}"). Accept with mergeInto: "${clash}" to add this document's evidence to it.`,
    );
  }
  const taken = await actorIds(db);
  if (edit.id && taken.has(edit.id)) {
    throw new ReviewError(
      "conflict",
      `id: an actor with id "${edit.id}" already exists; choose another id, or use mergeInto.`,
    );
  }
  const id = edit.id ?? unique(slugify(name, 80), (x) => taken.has(x));
  const actor = validate<Actor>(
    Actor,
    {
      id,
      name,
      kind: edit.actorKind ?? proposal.actorKind,
      aliases: proposal.shortNames
        .filter((n) => n.toLowerCase() !== name.toLowerCase())
        .map((n) => ({ name: n, kind: "short_name", sourceIds: [source.id] })),
      description: edit.description ?? proposal.description,
      evidence,
    },
    "actor",
  );
  return { type: "actor", actor, mentions: await mentionsOf(db, source, id, [{ name, alias: name }, ...shortNames]) };
}

async function claimRecord(
  db: Db,
  row: Row,
  proposal: ProposalOf<"statement">,
  edit: SuggestionEdit,
  source: SourceText,
): Promise<IngestRecord> {
  let claimantId = edit.claimantId ?? proposal.claimantId;
  if (!claimantId && proposal.claimantName) claimantId = await actorByName(db, proposal.claimantName);
  if (!claimantId) {
    const [candidate] = await db
      .select({ id: t.suggestions.id })
      .from(t.suggestions)
      .where(
        and(
          eq(t.suggestions.sourceId, row.sourceId),
          eq(t.suggestions.kind, "actor"),
          sql`${t.suggestions.proposal}->>'name' = ${proposal.claimantName ?? ""}`,
        ),
      );
    throw new ReviewError(
      "invalid",
      `The speaker "${proposal.claimantName ?? proposal.speaker}" is not a known actor. ${
        candidate ? `Accept the candidate actor suggestion ${candidate.id} first, or give` : "Give"
      } claimantId (an existing actor's id).`,
    );
  }
  await requireActor(db, claimantId, "claimantId");
  if (edit.onBehalfOfId) await requireActor(db, edit.onBehalfOfId, "onBehalfOfId");
  const known = await actorIds(db);
  const aboutEvents = edit.aboutEventIds ?? [];
  if (aboutEvents.length > 0) {
    const found = await db.select({ id: t.events.id }).from(t.events).where(inArray(t.events.id, aboutEvents));
    const missing = aboutEvents.filter((e) => !found.some((f) => f.id === e));
    if (missing.length > 0) throw new ReviewError("invalid", `aboutEventIds: no event with id "${missing[0]}".`);
  }
  for (const a of edit.aboutActorIds ?? [])
    if (!known.has(a)) throw new ReviewError("invalid", `aboutActorIds: no actor with id "${a}".`);
  const stance = edit.stance ?? proposal.stance;
  const statement = flat(edit.statement ?? proposal.statement);
  const taken = new Set((await db.select({ id: t.claims.id }).from(t.claims)).map((c) => c.id));
  const id = unique(slugify(`${claimantId} ${stance} ${statement}`, 90), (x) => taken.has(x));
  const evidence = spanOf(source, proposal.evidence);
  const attribution = spanOf(source, proposal.attribution);
  const claim = validate<Claim>(
    Claim,
    {
      id,
      claimantId,
      onBehalfOfId: edit.onBehalfOfId ?? null,
      viaId: null,
      stance,
      statement,
      mode: proposal.mode,
      about: {
        actorIds: [
          ...new Set((edit.aboutActorIds ?? proposal.aboutActorIds).filter((a) => a !== claimantId && known.has(a))),
        ].sort(),
        eventIds: [...new Set(aboutEvents)].sort(),
      },
      said: edit.said !== undefined ? edit.said : proposal.said,
      setting: null,
      evidence: [evidence],
      // Words already inside the evidence need no separate attribution span.
      attribution: attribution.start >= evidence.start && attribution.end <= evidence.end ? [] : [attribution],
      supportsIds: [],
      contradictsIds: [],
      note: null,
    },
    "claim",
  );
  return { type: "claim", claim };
}

export interface AcceptResult {
  suggestion: SuggestionView;
  records: RecordRef[];
}

async function acceptIn(
  db: Db,
  id: string,
  edit: SuggestionEdit | undefined,
  note: string | undefined,
): Promise<AcceptResult> {
  const row = await load(db, id);
  const merged = { ...((row.edit as SuggestionEdit | null) ?? {}), ...checkEdit(row.kind, edit) };
  const [source] = await db
    .select({ id: t.sources.id, text: t.sources.text })
    .from(t.sources)
    .where(eq(t.sources.id, row.sourceId));
  if (!source) throw new ReviewError("not_found", `The document "${row.sourceId}" is gone.`);
  const segments = (await db
    .select({ start: t.segments.start, end: t.segments.end, role: t.segments.role, article: t.segments.article })
    .from(t.segments)
    .where(eq(t.segments.sourceId, source.id))) as Segment[];
  const records = await buildRecords(db, row, merged, { ...source, segments });
  const applied = await applyRecords(db, records);
  if (applied.skipped.length > 0) throw new ReviewError("invalid", (applied.skipped[0] as { reason: string }).reason);
  const refs: RecordRef[] = [];
  for (const record of records) {
    const recordId = recordIdOf(record);
    await db
      .insert(t.ingestRecords)
      .values({ suggestionId: id, sourceId: source.id, type: record.type, recordId, record });
    refs.push({ type: record.type, recordId });
  }
  const [updated] = await db
    .update(t.suggestions)
    .set({
      status: "accepted",
      edit: Object.keys(merged).length ? merged : null,
      reviewedAt: sql`now()`,
      reviewNote: note ?? null,
    })
    .where(eq(t.suggestions.id, id))
    .returning();
  const created = records.find((r) => r.type === "actor");
  if (row.kind === "actor" && created?.type === "actor") {
    await linkSpeakers(db, row.sourceId, (row.proposal as ProposalOf<"actor">).name, created.actor);
  }
  return { suggestion: view(updated ?? row, refs), records: refs };
}

/**
 * A statement whose speaker was a candidate actor waits for that actor: once the candidate is
 * accepted (perhaps renamed), the document's pending statements by it name the new actor, so
 * the reviewer's default speaker and the suggestion's title are the actor, not "not known".
 */
async function linkSpeakers(db: Db, sourceId: string, candidateName: string, actor: { id: string; name: string }) {
  const pending = await db
    .select()
    .from(t.suggestions)
    .where(
      and(
        eq(t.suggestions.sourceId, sourceId),
        eq(t.suggestions.kind, "statement"),
        eq(t.suggestions.status, "suggested"),
        sql`${t.suggestions.proposal}->>'claimantName' = ${candidateName}`,
        sql`${t.suggestions.proposal}->>'claimantId' is null`,
      ),
    );
  for (const row of pending) {
    const proposal = { ...(row.proposal as ProposalOf<"statement">), claimantId: actor.id, claimantName: actor.name };
    await db
      .update(t.suggestions)
      .set({ proposal, label: statementLabel(proposal) })
      .where(eq(t.suggestions.id, row.id));
  }
}

/** Accepts a suggestion (with the stored edit and `edit` on top) in one transaction. */
export async function acceptSuggestion(
  db: Db,
  id: string,
  { edit, note }: { edit?: SuggestionEdit; note?: string } = {},
): Promise<AcceptResult> {
  return db.transaction(async (tx) => {
    const result = await acceptIn(tx, id, edit, note);
    // Readers cache query results until the data version changes.
    await bumpDataVersion(db, tx);
    return result;
  });
}

const BATCH = 500;

export interface AcceptManyResult {
  accepted: number;
  failed: { id: string; message: string }[];
}

/**
 * Accepts every pending suggestion of one kind in a document (mentions, typically), each in its
 * own transaction; those that cannot be accepted as they stand are listed with the reason.
 */
export async function acceptAll(db: Db, sourceId: string, kind: SuggestionKind): Promise<AcceptManyResult> {
  const pending = await db
    .select({ id: t.suggestions.id })
    .from(t.suggestions)
    .where(
      and(eq(t.suggestions.sourceId, sourceId), eq(t.suggestions.kind, kind), eq(t.suggestions.status, "suggested")),
    )
    .orderBy(asc(t.suggestions.ord));
  const result: AcceptManyResult = { accepted: 0, failed: [] };
  if (kind === "mention" && pending.length > 0) {
    // Mentions only need their actor: one transaction, written in batches, so a long document's
    // thousands of mentions take seconds, not one round of queries each.
    await db.transaction(async (tx) => {
      const rows = await tx
        .select()
        .from(t.suggestions)
        .where(
          and(
            eq(t.suggestions.sourceId, sourceId),
            eq(t.suggestions.kind, "mention"),
            eq(t.suggestions.status, "suggested"),
          ),
        )
        .orderBy(asc(t.suggestions.ord))
        .for("update");
      const known = await actorIds(tx);
      const records: { id: string; record: IngestRecord }[] = [];
      for (const row of rows) {
        const proposal = row.proposal as ProposalOf<"mention">;
        const edit = (row.edit as SuggestionEdit | null) ?? {};
        const actorId = edit.actorId ?? proposal.actorId;
        if (actorId === null) {
          result.failed.push({ id: row.id, message: ambiguous(proposal) });
          continue;
        }
        if (!known.has(actorId)) {
          result.failed.push({ id: row.id, message: `actorId: no actor with id "${actorId}".` });
          continue;
        }
        const mention = {
          sourceId,
          start: row.start,
          end: row.end,
          quote: row.quote,
          actorId,
          alias: edit.actorId ? row.quote : proposal.alias,
        };
        records.push({ id: row.id, record: { type: "mention", mention } });
      }
      await applyRecords(
        tx,
        records.map((r) => r.record),
      );
      for (let i = 0; i < records.length; i += BATCH) {
        const batch = records.slice(i, i + BATCH);
        await tx.insert(t.ingestRecords).values(
          batch.map(({ id, record }) => ({
            suggestionId: id,
            sourceId,
            type: record.type,
            recordId: recordIdOf(record),
            record,
          })),
        );
        await tx
          .update(t.suggestions)
          .set({ status: "accepted", reviewedAt: sql`now()` })
          .where(
            inArray(
              t.suggestions.id,
              batch.map((r) => r.id),
            ),
          );
      }
      result.accepted = records.length;
      if (records.length > 0) await bumpDataVersion(db, tx);
    });
    return result;
  }
  for (const { id } of pending) {
    try {
      await acceptSuggestion(db, id);
      result.accepted++;
    } catch (e) {
      if (!(e instanceof ReviewError)) throw e;
      result.failed.push({ id, message: e.message });
    }
  }
  return result;
}
