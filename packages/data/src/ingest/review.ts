/**
 * Review: a suggestion is accepted (possibly edited), edited without accepting, or rejected.
 * Accepting turns it into real records with verbatim evidence in the ingested document — a
 * mention, an actor (or an alias of an existing one), an event (or this document's account of
 * one the atlas holds), a relation (or evidence for one), a claim with its links — validated
 * against @atlas/schema, kept in the ledger and written to the curated tables, all in one
 * transaction. What accepting uses and creates is the review model's (review/model.ts): this
 * module only checks it against the database and writes it.
 */
import {
  Actor,
  Claim,
  describeIssues,
  Event,
  type Evidence,
  type FatalityReport,
  type Mention,
  Relation,
  type Segment,
} from "@atlas/schema";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import { span } from "../annotations/quotes.js";
import type { Db } from "../db/client.js";
import * as t from "../db/schema/index.js";
import { importedRecords } from "../import/accept.js";
import { decided } from "../import/pending.js";
import { NameResolver } from "../names/resolver.js";
import { decodeCursor, type Page, PageInput, toPage } from "../queries/page.js";
import { all } from "../queries/run.js";
import {
  type Decided,
  EDIT_FIELDS,
  type Effective,
  type EffectiveOf,
  effective,
  type Lookups,
  preview,
} from "../review/model.js";
import { foldName } from "../text/fold.js";
import { mentionId } from "../workbench/records.js";
import { type Reviewer, type Writer, write } from "../workbench/write.js";
import {
  actorByName,
  actorIdFor,
  actorIds,
  claimIdFor,
  eventIdFor,
  relationIdFor,
  requireActors,
  requireIds,
  validate,
} from "./checks.js";
import { ReviewError } from "./errors.js";
import { applyRecords, type IngestRecord, keepInLedger, recordIdOf } from "./records.js";
import { statementLabel } from "./suggest/labels.js";
import {
  type IngestedDocument,
  type NamedActor,
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
  for (const { suggestionId: id, type, recordId } of rows)
    if (id) map.set(id, [...(map.get(id) ?? []), { type, recordId }]);
  return map;
}

function view(row: Row, records: RecordRef[], lookups: Lookups): SuggestionView {
  const s = { proposal: row.proposal as Proposal, edit: (row.edit as SuggestionEdit | null) ?? null };
  const v = effective(s, lookups);
  return {
    id: row.id,
    sourceId: row.sourceId,
    kind: row.kind,
    status: row.status,
    start: row.start,
    end: row.end,
    quote: row.quote,
    label: row.label,
    proposal: s.proposal,
    edit: s.edit,
    effective: v,
    preview: preview(s, v, lookups),
    records,
    reviewedAt: row.reviewedAt,
    reviewNote: row.reviewNote,
  };
}

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
        string | null
      >`(select r.record_id from ingest_records r where r.suggestion_id = ${t.suggestions.id} order by r.seq limit 1)`,
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
async function lookupsFor(db: Db, proposals: Proposal[], sourceId?: string): Promise<Lookups> {
  const names = [...new Set(proposals.flatMap(pendingNames))];
  const keys = [...new Set(names.map(foldName))].filter(Boolean);
  const found = new Map<string, string | null>();
  const candidates = new Map<string, string>();
  if (keys.length > 0) {
    const rows = await all<{ key: string; id: string }>(
      db,
      sql`select name_folded as key, id from actors where name_folded in ${keys}
          union select name_folded as key, actor_id as id from aliases where name_folded in ${keys} and cardinality(source_ids) = 0`,
    );
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

/** A document's suggestions in text order (by kind, then position), with cursor pages. */
/**
 * A suggestion exists for readers and reviewers once its document does: an ingest writes its
 * suggestions before the document's row (see ingest.ts), and until then they are not there.
 */
const published = sql`exists (select 1 from ${t.sources} where ${t.sources.id} = ${t.suggestions.sourceId})`;

export async function listSuggestions(db: Db, input: SuggestionListInput): Promise<Page<SuggestionView>> {
  const { sourceId, kind, status, limit, cursor } = SuggestionListInput.parse(input);
  const after = decodeCursor(cursor);
  const rows = await db
    .select()
    .from(t.suggestions)
    .where(
      and(
        eq(t.suggestions.sourceId, sourceId),
        published,
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
  const lookups = await lookupsFor(
    db,
    rows.map((r) => r.proposal as Proposal),
    sourceId,
  );
  return toPage(
    rows.map((r) => view(r, records.get(r.id) ?? [], lookups)),
    limit,
    (s) => [rows.find((r) => r.id === s.id)?.ord ?? 0, s.id],
  );
}

export async function suggestionById(db: Db, id: string): Promise<SuggestionView | null> {
  const [row] = await db
    .select()
    .from(t.suggestions)
    .where(and(eq(t.suggestions.id, id), published));
  if (!row) return null;
  return view(
    row,
    (await recordsOf(db, [id])).get(id) ?? [],
    await lookupsFor(db, [row.proposal as Proposal], row.sourceId),
  );
}

/**
 * Documents with suggestions to review, newest first, with suggestion counts by kind and status:
 * the ingested ones, and those an import proposed records in (a STIX bundle's document, or the
 * documents of a dataset's uncertain matches).
 */
export async function listIngested(db: Db): Promise<IngestedDocument[]> {
  const docs = await all<Omit<IngestedDocument, "suggestions">>(
    db,
    sql`select * from (
          select d.source_id as "sourceId", s.title, s.publisher, s.published, d.format, d.file_name as "fileName",
            d.bytes, d.ingested_at::text as "ingestedAt", d.warnings, null as "importId"
          from ingest_documents d join sources s on s.id = d.source_id
          union all
          select s.id, s.title, s.publisher, s.published, i.format, i.file_name, i.bytes, i.imported_at::text, i.warnings, i.id
          from sources s
          join lateral (
            select i.* from imports i where exists (select 1 from suggestions g where g.import_id = i.id and g.source_id = s.id)
            order by i.imported_at desc limit 1
          ) i on true
          where not exists (select 1 from ingest_documents d where d.source_id = s.id)
        ) docs
        order by "ingestedAt" desc, "sourceId"`,
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
  const wrong = Object.keys(parsed.data).filter((k) => !(EDIT_FIELDS[kind] as readonly string[]).includes(k));
  if (wrong.length > 0) {
    throw new ReviewError(
      "invalid",
      `Invalid edit: ${wrong.join(", ")} ${wrong.length === 1 ? "does" : "do"} not apply to a ${kind} suggestion; it takes ${EDIT_FIELDS[kind].join(", ")}.`,
    );
  }
  return parsed.data;
}

async function load(db: Db, id: string): Promise<Row> {
  const [row] = await db
    .select()
    .from(t.suggestions)
    .where(and(eq(t.suggestions.id, id), published))
    .for("update");
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
export async function editSuggestion(db: Db, id: string, edit: SuggestionEdit, by: Reviewer): Promise<SuggestionView> {
  return write(db, by, null, async (w) => {
    const row = await load(w.db, id);
    const merged = { ...((row.edit as SuggestionEdit | null) ?? {}), ...checkEdit(row.kind, edit) };
    await w.db.update(t.suggestions).set({ edit: merged }).where(eq(t.suggestions.id, id));
    await logSuggestion(w, row, "edited", { status: row.status, edit: row.edit }, { status: row.status, edit: merged });
    return view({ ...row, edit: merged }, [], await lookupsFor(w.db, [row.proposal as Proposal], row.sourceId));
  });
}

export async function rejectSuggestion(
  db: Db,
  id: string,
  note: string | undefined,
  by: Reviewer,
): Promise<SuggestionView> {
  return write(db, by, note, async (w) => {
    const row = await load(w.db, id);
    const [updated] = await w.db
      .update(t.suggestions)
      .set({ status: "rejected", reviewedAt: w.at, reviewNote: note ?? null })
      .where(eq(t.suggestions.id, id))
      .returning();
    await logSuggestion(w, row, "rejected", { status: row.status }, { status: "rejected" });
    await settleDecision(w.db, row, null);
    return view(updated ?? row, [], await lookupsFor(w.db, [row.proposal as Proposal], row.sourceId));
  });
}

/** A suggestion's review in the history: who accepted, edited or rejected it, and the mentions it made. */
async function logSuggestion(
  w: Writer,
  row: Row,
  action: "accepted" | "edited" | "rejected",
  before: unknown,
  after: unknown,
  mentions: Mention[] = [],
) {
  await w.log(
    "suggestion",
    row.id,
    (await w.versionOf("suggestion", row.id, true)) + 1,
    action,
    before,
    after,
    mentions.map((m) => ({ id: mentionId(m), before: null, after: m })),
  );
}

const mentionsIn = (records: IngestRecord[]): Mention[] =>
  records.flatMap((r) =>
    r.type === "mention" ? [r.mention] : r.type === "actor" || r.type === "alias" ? r.mentions : [],
  );

export interface SourceText {
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

/** Every occurrence of the names in the document's article text, outside existing mentions. */
export async function mentionsOf(
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

/** Stops with the preview's reason when the suggestion cannot be accepted as it stands. */
function requireAcceptable(row: Row, v: Effective, lookups: Lookups) {
  const { blocked } = preview(
    { proposal: row.proposal as Proposal, edit: (row.edit as SuggestionEdit | null) ?? null },
    v,
    lookups,
  );
  if (!blocked) return;
  const field: Partial<Record<Effective["kind"], string>> = {
    mention: "actorId",
    statement: "claimantId",
    event: "time",
    date: "time",
    relation: "fromId/toId",
  };
  throw new ReviewError("invalid", `${field[v.kind] ?? "edit"}: ${blocked}.`);
}

async function buildRecords(
  db: Db,
  row: Row,
  v: Effective,
  lookups: Lookups,
  source: SourceText,
): Promise<IngestRecord[]> {
  const proposal = row.proposal as Proposal;
  requireAcceptable(row, v, lookups);
  if ("imported" in proposal && proposal.imported && v.kind !== "mention" && v.kind !== "date") {
    return importedRecords(db, proposal, (row.edit as SuggestionEdit | null) ?? {}, v, lookups);
  }
  switch (v.kind) {
    case "mention": {
      const p = proposal as ProposalOf<"mention">;
      const actorId = v.actorId as string;
      await requireActors(db, [actorId], "actorId");
      const quote = source.text.slice(row.start, row.end);
      const chosen = actorId !== p.actorId ? p.candidates.find((c) => c.actorId === actorId) : null;
      return [
        {
          type: "mention",
          mention: {
            sourceId: source.id,
            start: row.start,
            end: row.end,
            quote,
            actorId,
            alias: actorId === p.actorId ? p.alias : (chosen?.alias ?? quote),
          },
        },
      ];
    }
    case "actor":
      return [await actorRecord(db, row, proposal as ProposalOf<"actor">, v, source)];
    case "date":
    case "event":
      return [await eventRecord(db, row, proposal, v, source)];
    case "statement":
      return [await claimRecord(db, proposal as ProposalOf<"statement">, v, source)];
    case "relation":
      return [await relationRecord(db, proposal as ProposalOf<"relation">, v, source)];
  }
}

/** A new event, or this document's account of an event the atlas holds (corroboration). */
async function eventRecord(
  db: Db,
  row: Row,
  proposal: Proposal,
  v: EffectiveOf<"event" | "date">,
  source: SourceText,
): Promise<IngestRecord> {
  const sentence = proposal.kind === "event" || proposal.kind === "date" ? proposal.sentence : null;
  const evidence = [spanOf(source, sentence ?? { start: row.start, end: row.end, quote: row.quote })];
  await requireActors(
    db,
    v.participants.map((x) => x.actorId),
    "participants",
  );
  await requireIds(db, t.places, [v.placeId], "placeId", "place");
  const fatalities: FatalityReport[] =
    proposal.kind === "event"
      ? proposal.fatalities.map((f) => ({
          low: f.low,
          high: f.high,
          who: f.who,
          ...(f.expression ? { expression: f.expression } : {}),
          reportedById: null,
          claimId: null,
          evidence: [spanOf(source, f.span)],
        }))
      : [];
  if (v.eventId) {
    await requireIds(db, t.events, [v.eventId], "eventId", "event");
    return {
      type: "event-evidence",
      eventId: v.eventId,
      evidence,
      fatalities,
      participants: v.participants.map((x) => ({ ...x, note: null })),
    };
  }
  const time = v.time as NonNullable<typeof v.time>;
  const id = await eventIdFor(db, time.edtf, v.title);
  const event = validate<Event>(
    Event,
    {
      id,
      kind: v.eventKind,
      title: v.title,
      summary: v.summary,
      time,
      placeId: v.placeId,
      placeNote: proposal.kind === "event" && proposal.place && !proposal.place.placeId ? proposal.place.name : null,
      participants: v.participants.map((x) => ({ ...x, note: null })),
      fatalities,
      partOfId: null,
      responseToIds: [],
      evidence,
    },
    "event",
  );
  return { type: "event", event };
}

async function relationRecord(
  db: Db,
  proposal: ProposalOf<"relation">,
  v: EffectiveOf<"relation">,
  source: SourceText,
): Promise<IngestRecord> {
  const evidence = [spanOf(source, proposal.evidence)];
  if (v.relationId) {
    await requireIds(db, t.relations, [v.relationId], "relationId", "relation");
    return { type: "relation-evidence", relationId: v.relationId, evidence };
  }
  await requireActors(db, [v.fromId, v.toId], "fromId/toId");
  const fromId = v.fromId as string;
  const toId = v.toId as string;
  const id = await relationIdFor(db, fromId, v.relationType, toId);
  const relation = validate<Relation>(
    Relation,
    {
      id,
      fromId,
      type: v.relationType,
      toId,
      role: v.role,
      time: v.time,
      former: v.former,
      note: null,
      evidence,
    },
    "relation",
  );
  return { type: "relation", relation };
}

async function actorRecord(
  db: Db,
  row: Row,
  proposal: ProposalOf<"actor">,
  v: EffectiveOf<"actor">,
  source: SourceText,
): Promise<IngestRecord> {
  const evidence = [spanOf(source, { start: row.start, end: row.end, quote: row.quote })];
  const name = v.name;
  const shortNames = proposal.shortNames.map((n) => ({ name: n, alias: n }));
  if (v.mergeInto) {
    const [target] = await db
      .select({ id: t.actors.id, name: t.actors.name })
      .from(t.actors)
      .where(eq(t.actors.id, v.mergeInto));
    if (!target) throw new ReviewError("invalid", `mergeInto: no actor with id "${v.mergeInto}".`);
    const existing = await db.select({ name: t.aliases.name }).from(t.aliases).where(eq(t.aliases.actorId, target.id));
    const known = [target.name, ...existing.map((a) => a.name)].some((n) => n.toLowerCase() === name.toLowerCase());
    return {
      type: "alias",
      actorId: target.id,
      // A full name matches everywhere; a single word only in this document, where we know what it means.
      alias: known ? null : { name, kind: v.aliasKind, sourceIds: name.includes(" ") ? [] : [source.id] },
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
  const id = await actorIdFor(db, v.id ?? undefined, name, "choose another id, or use mergeInto");
  const actor = validate<Actor>(
    Actor,
    {
      id,
      name,
      kind: v.actorKind,
      aliases: proposal.shortNames
        .filter((n) => n.toLowerCase() !== name.toLowerCase())
        .map((n) => ({ name: n, kind: "short_name", sourceIds: [source.id] })),
      description: v.description,
      evidence,
    },
    "actor",
  );
  return { type: "actor", actor, mentions: await mentionsOf(db, source, id, [{ name, alias: name }, ...shortNames]) };
}

async function claimRecord(
  db: Db,
  proposal: ProposalOf<"statement">,
  v: EffectiveOf<"statement">,
  source: SourceText,
): Promise<IngestRecord> {
  const claimantId = v.claimantId as string;
  await requireActors(db, [claimantId], "claimantId");
  await requireActors(db, [v.onBehalfOfId], "onBehalfOfId");
  await requireActors(db, [v.viaId], "viaId");
  await requireActors(db, v.aboutActorIds, "aboutActorIds");
  await requireIds(db, t.events, v.aboutEventIds, "aboutEventIds", "event");
  await requireIds(db, t.claims, [...v.supportsIds, ...v.contradictsIds], "supportsIds/contradictsIds", "claim");
  const id = await claimIdFor(db, claimantId, v.stance, v.statement);
  const evidence = spanOf(source, proposal.evidence);
  const attribution = spanOf(source, proposal.attribution);
  const claim = validate<Claim>(
    Claim,
    {
      id,
      claimantId,
      onBehalfOfId: v.onBehalfOfId === claimantId ? null : v.onBehalfOfId,
      viaId: v.viaId,
      stance: v.stance,
      statement: v.statement,
      mode: proposal.mode,
      about: {
        actorIds: [...new Set(v.aboutActorIds.filter((a) => a !== claimantId))].sort(),
        eventIds: [...new Set(v.aboutEventIds)].sort(),
      },
      said: v.said,
      setting: null,
      evidence: [evidence],
      // Words already inside the evidence need no separate attribution span.
      attribution: attribution.start >= evidence.start && attribution.end <= evidence.end ? [] : [attribution],
      supportsIds: [...new Set(v.supportsIds)].sort(),
      contradictsIds: [...new Set(v.contradictsIds)].sort(),
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
  w: Writer,
  id: string,
  edit: SuggestionEdit | undefined,
  note: string | undefined,
): Promise<AcceptResult> {
  const db = w.db;
  const row = await load(db, id);
  const merged = { ...((row.edit as SuggestionEdit | null) ?? {}), ...checkEdit(row.kind, edit) };
  // An imported record carries its evidence, checked when it was imported: the text is not needed.
  const imported =
    "imported" in (row.proposal as Proposal) && Boolean((row.proposal as { imported?: unknown }).imported);
  const [source] = await db
    .select({ id: t.sources.id, text: imported ? sql<string>`''` : t.sources.text })
    .from(t.sources)
    .where(eq(t.sources.id, row.sourceId));
  if (!source) throw new ReviewError("not_found", `The document "${row.sourceId}" is gone.`);
  const segments = imported
    ? []
    : ((await db
        .select({ start: t.segments.start, end: t.segments.end, role: t.segments.role, article: t.segments.article })
        .from(t.segments)
        .where(eq(t.segments.sourceId, source.id))) as Segment[]);
  const edited = { ...row, edit: Object.keys(merged).length ? merged : null };
  const lookups = await lookupsFor(db, [row.proposal as Proposal], row.sourceId);
  const v = effective({ proposal: row.proposal as Proposal, edit: edited.edit }, lookups);
  const records = await buildRecords(db, edited, v, lookups, { ...source, segments });
  // Each record accepting writes to, before and after, into the history: the seed replays it.
  const logged = await w.beforeWriting(records);
  const applied = await applyRecords(db, records);
  if (applied.skipped.length > 0) throw new ReviewError("invalid", (applied.skipped[0] as { reason: string }).reason);
  await keepInLedger(
    db,
    records.map((record) => ({ record, sourceId: source.id, suggestionId: id, importId: row.importId })),
  );
  const refs: RecordRef[] = records.map((record) => ({ type: record.type, recordId: recordIdOf(record) }));
  const [updated] = await db
    .update(t.suggestions)
    .set({
      status: "accepted",
      edit: Object.keys(merged).length ? merged : null,
      reviewedAt: w.at,
      reviewNote: note ?? null,
    })
    .where(eq(t.suggestions.id, id))
    .returning();
  await logged("accepted");
  await logSuggestion(
    w,
    row,
    "accepted",
    { status: "suggested" },
    { status: "accepted", records: refs },
    mentionsIn(records),
  );
  await settleDecision(db, row, records[0] ? recordIdOf(records[0]) : null);
  const created = records.find((r) => r.type === "actor");
  if (row.kind === "actor" && created?.type === "actor" && row.importId === null) {
    await linkNames(db, row.sourceId, (row.proposal as ProposalOf<"actor">).name, created.actor);
  }
  return {
    suggestion: view(updated ?? row, refs, await lookupsFor(db, [row.proposal as Proposal], row.sourceId)),
    records: refs,
  };
}

/** An import's suggestion was decided: what waited for it is written (or dropped, when rejected). */
async function settleDecision(db: Db, row: Row, atlasId: string | null) {
  const p = row.proposal as Proposal;
  if (row.importId === null || !("imported" in p) || !p.imported) return;
  await decided(db, row.importId, { kind: p.kind, externalId: p.imported.externalId }, atlasId);
}

/**
 * Suggestions that name a candidate actor wait for it: once it is accepted (perhaps renamed),
 * the document's pending statements by it (as speaker or channel), events it takes part in and
 * relations it is an end of name the new actor, so their defaults and titles are the actor.
 */
async function linkNames(db: Db, sourceId: string, candidateName: string, actor: { id: string; name: string }) {
  const pending = await db
    .select()
    .from(t.suggestions)
    .where(
      and(
        eq(t.suggestions.sourceId, sourceId),
        inArray(t.suggestions.kind, ["statement", "event", "relation"]),
        eq(t.suggestions.status, "suggested"),
      ),
    );
  const link = (a: NamedActor): NamedActor =>
    !a.actorId && !a.suggestionId && a.name === candidateName ? { ...a, actorId: actor.id } : a;
  for (const row of pending) {
    const before = row.proposal as Proposal;
    // An import's suggestions name the suggestions that decide their actors, not names.
    if ("imported" in before && before.imported) continue;
    let proposal: Proposal = before;
    if (before.kind === "statement") {
      const speaks = !before.claimantId && before.claimantName === candidateName;
      const relays = before.via && !before.via.actorId && before.via.name === candidateName;
      if (!speaks && !relays) continue;
      proposal = {
        ...before,
        ...(speaks ? { claimantId: actor.id, claimantName: actor.name } : {}),
        ...(relays && before.via ? { via: { ...before.via, actorId: actor.id } } : {}),
      };
    } else if (before.kind === "event") {
      if (!before.participants.some((x) => !x.actorId && x.name === candidateName)) continue;
      proposal = { ...before, participants: before.participants.map((x) => ({ ...x, ...link(x) })) };
    } else if (before.kind === "relation") {
      const from = link(before.from);
      const to = link(before.to);
      if (from === before.from && to === before.to) continue;
      proposal = { ...before, from, to };
    } else continue;
    await db
      .update(t.suggestions)
      .set({ proposal, ...(proposal.kind === "statement" ? { label: statementLabel(proposal) } : {}) })
      .where(eq(t.suggestions.id, row.id));
  }
}

/** Accepts a suggestion (with the stored edit and `edit` on top) in one write. */
export async function acceptSuggestion(
  db: Db,
  id: string,
  { edit, note, by }: { edit?: SuggestionEdit | undefined; note?: string | undefined; by: Reviewer },
): Promise<AcceptResult> {
  return write(db, by, note, (w) => acceptIn(w, id, edit, note));
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
export async function acceptAll(
  db: Db,
  sourceId: string,
  kind: SuggestionKind,
  { minConfidence = 0, by }: { minConfidence?: number | undefined; by: Reviewer },
): Promise<AcceptManyResult> {
  const sure = (p: Proposal) => !("confidence" in p) || p.confidence >= minConfidence;
  const pending = await db
    .select({ id: t.suggestions.id, proposal: t.suggestions.proposal })
    .from(t.suggestions)
    .where(
      and(
        eq(t.suggestions.sourceId, sourceId),
        published,
        eq(t.suggestions.kind, kind),
        eq(t.suggestions.status, "suggested"),
      ),
    )
    .orderBy(asc(t.suggestions.ord));
  const result: AcceptManyResult = { accepted: 0, failed: [] };
  if (kind === "mention" && pending.length > 0) {
    // Mentions only need their actor: one transaction, written in batches, so a long document's
    // thousands of mentions take seconds, not one round of queries each.
    await write(db, by, null, async (w) => {
      const tx = w.db;
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
        if (!sure(proposal)) continue;
        const edit = (row.edit as SuggestionEdit | null) ?? {};
        const actorId = edit.actorId ?? proposal.actorId;
        if (actorId === null) {
          result.failed.push({ id: row.id, message: `actorId: ${preview({ proposal, edit }).blocked}.` });
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
          alias:
            actorId === proposal.actorId
              ? proposal.alias
              : (proposal.candidates.find((c) => c.actorId === actorId)?.alias ?? row.quote),
        };
        records.push({ id: row.id, record: { type: "mention", mention } });
      }
      await applyRecords(
        tx,
        records.map((r) => r.record),
      );
      await keepInLedger(
        tx,
        records.map(({ id, record }) => ({ record, sourceId, suggestionId: id })),
      );
      for (let i = 0; i < records.length; i += BATCH) {
        const batch = records.slice(i, i + BATCH);
        await tx
          .update(t.suggestions)
          .set({ status: "accepted", reviewedAt: w.at })
          .where(
            inArray(
              t.suggestions.id,
              batch.map((r) => r.id),
            ),
          );
      }
      const versions = await w.versionsOf(
        "suggestion",
        records.map((r) => r.id),
      );
      await w.logAll(
        records.map(({ id, record }) => ({
          type: "suggestion" as const,
          id,
          version: (versions.get(id) ?? 1) + 1,
          action: "accepted" as const,
          before: { status: "suggested" },
          after: { status: "accepted", records: [{ type: "mention", recordId: recordIdOf(record) }] },
          mentions:
            record.type === "mention" ? [{ id: mentionId(record.mention), before: null, after: record.mention }] : [],
        })),
      );
      result.accepted = records.length;
    });
    return result;
  }
  for (const { id, proposal } of pending) {
    if (!sure(proposal as Proposal)) continue;
    try {
      await acceptSuggestion(db, id, { by });
      result.accepted++;
    } catch (e) {
      if (!(e instanceof ReviewError)) throw e;
      result.failed.push({ id, message: e.message });
    }
  }
  return result;
}
