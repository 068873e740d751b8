/**
 * The analyst's workbench, the pure part, for every screen: which records can be corrected,
 * which of their fields and how a typed value becomes a field's value (`--set time=2020-01`,
 * a web form's input), how a correction applies to a record, and the shapes of history entries
 * and of the change feed. No database here (`@atlas/data/workbench`): the web app imports it.
 */
import {
  type Actor,
  ActorKind,
  AliasKind,
  type Claim,
  ClaimCredibility,
  CredibilityGrade,
  type Event,
  EventKind,
  Id,
  type Mention,
  ParticipantRole,
  parseEdtf,
  precisionOf,
  type Relation,
  RelationType,
  ReliabilityGrade,
  readDate,
  SourceReliability,
  Stance,
  Time,
} from "@atlas/schema";
import { z } from "zod";

/** Records an analyst can create, correct or retire. */
export const RECORD_TYPES = ["actor", "relation", "event", "claim", "mention", "source"] as const;
export const RecordType = z.enum(RECORD_TYPES).meta({
  id: "RecordType",
  description: "A kind of record the workbench changes (a source only by its reliability grade).",
});
export type RecordType = z.infer<typeof RecordType>;

/** What a history entry can be about: a record, a merge of two actors, a suggestion reviewed, a reviewer. */
export const HISTORY_TYPES = [...RECORD_TYPES, "merge", "suggestion", "reviewer"] as const;
export const HistoryType = z.enum(HISTORY_TYPES);
export type HistoryType = z.infer<typeof HistoryType>;

export const ACTIONS = [
  "created",
  "edited",
  "retired",
  "restored",
  "merged",
  "unmerged",
  "split",
  "graded",
  "accepted",
  "rejected",
  "ingested",
  "imported",
] as const;
export const Action = z.enum(ACTIONS);
export type Action = z.infer<typeof Action>;

/** A record's state by type: what a history entry's before and after hold. */
export interface SourceGradeState {
  id: string;
  reliability: SourceReliability | null;
}
export interface RecordOf {
  actor: Actor;
  relation: Relation;
  event: Event;
  claim: Claim;
  mention: Mention;
  source: SourceGradeState;
}

// ---- fields a correction may set ------------------------------------------------------------

export type FieldKind =
  | "text"
  | "optional-text"
  | "choice"
  | "actor"
  | "optional-actor"
  | "actors"
  | "optional-event"
  | "events"
  | "claims"
  | "optional-place"
  | "time"
  | "optional-time"
  | "boolean"
  | "participants"
  | "aliases";

export interface FieldSpec {
  field: string;
  label: string;
  kind: FieldKind;
  /** For a choice: the allowed values. */
  options?: readonly string[];
  /** Where the value lives in the record, when not at `field` (a claim's about.actorIds). */
  path?: readonly [string, string];
}

const choice = (field: string, label: string, options: readonly string[]): FieldSpec => ({
  field,
  label,
  kind: "choice",
  options,
});

export const EDIT_FIELDS: Record<Exclude<RecordType, "source">, readonly FieldSpec[]> = {
  actor: [
    { field: "name", label: "Name", kind: "text" },
    choice("kind", "Kind", ActorKind.options),
    { field: "description", label: "Description", kind: "text" },
    { field: "aliases", label: "Other names", kind: "aliases" },
  ],
  relation: [
    { field: "fromId", label: "From (actor)", kind: "actor" },
    choice("type", "Relation", RelationType.options),
    { field: "toId", label: "To (actor)", kind: "actor" },
    { field: "role", label: "Role in the document's words", kind: "optional-text" },
    { field: "time", label: "When it held", kind: "optional-time" },
    { field: "former", label: "Former (ended)", kind: "boolean" },
    { field: "note", label: "Note", kind: "optional-text" },
  ],
  event: [
    choice("kind", "Kind", EventKind.options),
    { field: "title", label: "Title", kind: "text" },
    { field: "summary", label: "Summary", kind: "text" },
    { field: "time", label: "When", kind: "time" },
    { field: "placeId", label: "Place", kind: "optional-place" },
    { field: "placeNote", label: "The document's words for the place", kind: "optional-text" },
    { field: "participants", label: "Participants (actor:role)", kind: "participants" },
    { field: "partOfId", label: "Part of (event)", kind: "optional-event" },
    { field: "responseToIds", label: "In response to (events)", kind: "events" },
  ],
  claim: [
    { field: "claimantId", label: "Claimant", kind: "actor" },
    choice("stance", "Stance", Stance.options),
    { field: "statement", label: "Statement", kind: "text" },
    choice("mode", "Mode", ["direct", "indirect"]),
    { field: "aboutActorIds", label: "About (actors)", kind: "actors", path: ["about", "actorIds"] },
    { field: "aboutEventIds", label: "About (events)", kind: "events", path: ["about", "eventIds"] },
    { field: "said", label: "When it was said", kind: "optional-time" },
    { field: "onBehalfOfId", label: "On behalf of", kind: "optional-actor" },
    { field: "viaId", label: "Through", kind: "optional-actor" },
    { field: "setting", label: "Setting", kind: "optional-text" },
    { field: "supportsIds", label: "Supports (claims)", kind: "claims" },
    { field: "contradictsIds", label: "Contradicts (claims)", kind: "claims" },
    { field: "note", label: "Note", kind: "optional-text" },
  ],
  mention: [{ field: "actorId", label: "Actor", kind: "actor" }],
};

export type EditableType = keyof typeof EDIT_FIELDS;
export const isEditable = (type: RecordType): type is EditableType => type !== "source";

export function fieldSpec(type: RecordType, field: string): FieldSpec | string {
  if (!isEditable(type)) return `a source is changed only by its reliability grade (atlas grade)`;
  const spec = EDIT_FIELDS[type].find((f) => f.field === field);
  return (
    spec ?? `${field}: a ${type} has no such field; its fields are ${EDIT_FIELDS[type].map((f) => f.field).join(", ")}`
  );
}

const LIST_KINDS: readonly FieldKind[] = ["actors", "events", "claims", "participants", "aliases"];
export const isListField = (spec: FieldSpec) => LIST_KINDS.includes(spec.kind);

/**
 * A time typed by a reviewer: an EDTF value ("2020-01-03", "2019-12/2020-01"), a date in words
 * ("3 January 2020", "Dec 2019") or a whole Time as JSON. A bare date is the reviewer's reading,
 * so it is marked inferred and says who gave it; the document's own words, when the reviewer
 * selects them, come from the date resolver instead (see the workbench's prefill).
 */
export function timeFromInput(raw: string, by: string): Time | string {
  const text = raw.trim();
  if (text.startsWith("{")) {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return "is not valid JSON";
    }
    const parsed = Time.safeParse(json);
    return parsed.success ? parsed.data : parsed.error.issues.map((i) => i.message).join("; ");
  }
  const edtf = parseEdtf(text).ok ? text : readDate(text);
  if (!edtf) return `"${text}" is not a date: write 2020-01-03, 2020-01, 2019-12/2020-01 or "3 January 2020"`;
  return { edtf, precision: precisionOf(edtf), basis: "inferred", note: `Given by ${by}.` };
}

const list = (raw: string) =>
  raw
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);

const ids = (raw: string, what: string): string[] | string => {
  const values = list(raw);
  const bad = values.find((v) => !Id.safeParse(v).success);
  return bad ? `"${bad}" is not ${what} id (a slug such as kataib-hezbollah)` : values;
};

/**
 * A typed value for one field from what was typed: `none` (or empty) clears an optional field,
 * lists are comma-separated, participants are `actor:role`. Returns the value, or what is wrong.
 */
export function parseFieldValue(spec: FieldSpec, raw: string, by = "the reviewer"): unknown | { problem: string } {
  const text = raw.trim();
  const none = text === "" || text === "none" || text === "null";
  const problem = (p: string) => ({ problem: `${spec.field}: ${p}` });
  switch (spec.kind) {
    case "text":
      return none ? problem("must not be empty") : text;
    case "optional-text":
      return none ? null : text;
    case "choice":
      return spec.options?.includes(text) ? text : problem(`must be one of ${spec.options?.join(", ")}`);
    case "actor":
      if (none) return problem("must name an actor");
      return Id.safeParse(text).success ? text : problem(`"${text}" is not an actor id`);
    case "optional-actor":
    case "optional-event":
    case "optional-place":
      if (none) return null;
      return Id.safeParse(text).success ? text : problem(`"${text}" is not an id`);
    case "actors":
    case "events":
    case "claims": {
      const r = ids(text, spec.kind === "actors" ? "an actor" : spec.kind === "events" ? "an event" : "a claim");
      return typeof r === "string" ? problem(r) : r;
    }
    case "time":
    case "optional-time": {
      if (none) return spec.kind === "time" ? problem("an event needs a time") : null;
      const t = timeFromInput(text, by);
      // As typed: the server makes it a Time, naming the reviewer and keeping the document's words.
      return typeof t === "string" ? problem(t) : text.startsWith("{") ? t : text;
    }
    case "boolean":
      if (["true", "yes", "1"].includes(text)) return true;
      if (["false", "no", "0"].includes(text)) return false;
      return problem("must be true or false");
    case "participants": {
      const out: { actorId: string; role: string; note: null }[] = [];
      for (const item of list(text)) {
        const [actorId = "", role = "participant"] = item.split(":").map((s) => s.trim());
        if (!Id.safeParse(actorId).success) return problem(`"${actorId}" is not an actor id`);
        if (!ParticipantRole.safeParse(role).success) {
          return problem(`"${role}" is not a role; roles are ${ParticipantRole.options.join(", ")}`);
        }
        out.push({ actorId, role, note: null });
      }
      return out;
    }
    case "aliases":
      return list(text);
  }
}

// ---- a correction -----------------------------------------------------------------------------

/** A quote for evidence: the exact words in a document, the nth occurrence when they repeat. */
export const QuoteRef = z.object({
  sourceId: Id.describe("The document the words are in."),
  quote: z.string().min(1).max(5000).describe("The exact words, as in the document."),
  occurrence: z.int().positive().optional().describe("Which occurrence (1-based) when the words occur more than once."),
});
export type QuoteRef = z.infer<typeof QuoteRef>;

export const SpanRef = z.object({
  sourceId: Id,
  start: z.int().nonnegative(),
  end: z.int().positive(),
});
export type SpanRef = z.infer<typeof SpanRef>;

export const Patch = z
  .object({
    set: z
      .record(z.string(), z.unknown())
      .optional()
      .describe("Fields to set, by name (see the record's fields); null clears an optional field."),
    add: z
      .record(z.string(), z.array(z.unknown()))
      .optional()
      .describe("Values to add to list fields (ids, participants)."),
    remove: z
      .record(z.string(), z.array(z.unknown()))
      .optional()
      .describe("Values to remove from list fields (ids, participants by actor id, aliases by name)."),
    addEvidence: z.array(QuoteRef).optional().describe("More words that state the record."),
    removeEvidence: z.array(SpanRef).optional().describe("Spans to drop (a record keeps at least one)."),
    addAttribution: z
      .array(QuoteRef)
      .optional()
      .describe("A claim's words naming its speaker, when outside the evidence."),
  })
  .meta({ id: "Patch", description: "A correction of one record: fields to set, list items, evidence." });
export type Patch = z.infer<typeof Patch>;

const getPath = (record: Record<string, unknown>, spec: FieldSpec): unknown =>
  spec.path ? (record[spec.path[0]] as Record<string, unknown>)[spec.path[1]] : record[spec.field];

const setPath = (record: Record<string, unknown>, spec: FieldSpec, value: unknown) => {
  if (spec.path) record[spec.path[0]] = { ...(record[spec.path[0]] as object), [spec.path[1]]: value };
  else record[spec.field] = value;
};

/** An item's identity in a list field: a participant by actor and role, an alias by name. */
const itemKey = (spec: FieldSpec, item: unknown): string => {
  if (spec.kind === "participants") {
    const p = item as { actorId: string; role?: string };
    return p.role ? `${p.actorId}:${p.role}` : p.actorId;
  }
  if (spec.kind === "aliases") return (typeof item === "string" ? item : (item as { name: string }).name).toLowerCase();
  return String(item);
};

/**
 * The record with the patch's fields and list items applied (evidence is the server's: it must
 * find the words in the document). Returns what is wrong instead when a field is unknown or a
 * list item is not there to remove.
 */
export function applyFields<T extends object>(type: RecordType, record: T, patch: Patch): T | string {
  const next = structuredClone(record) as Record<string, unknown>;
  for (const [field, value] of Object.entries(patch.set ?? {})) {
    const spec = fieldSpec(type, field);
    if (typeof spec === "string") return spec;
    if (spec.kind === "aliases")
      return "aliases: add a name with atlas add alias (it needs the document's words); remove one with remove";
    setPath(next, spec, value);
  }
  for (const [field, values] of Object.entries(patch.add ?? {})) {
    const spec = fieldSpec(type, field);
    if (typeof spec === "string") return spec;
    if (!isListField(spec)) return `${field}: not a list; use set`;
    if (spec.kind === "aliases") return "aliases: add a name with atlas add alias (it needs the document's words)";
    const current = getPath(next, spec) as unknown[];
    const keys = new Set(current.map((x) => itemKey(spec, x)));
    setPath(next, spec, [...current, ...values.filter((v) => !keys.has(itemKey(spec, v)))]);
  }
  for (const [field, values] of Object.entries(patch.remove ?? {})) {
    const spec = fieldSpec(type, field);
    if (typeof spec === "string") return spec;
    if (!isListField(spec)) return `${field}: not a list; use set with none to clear it`;
    const current = getPath(next, spec) as unknown[];
    for (const v of values) {
      const key = itemKey(spec, v);
      // A participant named without a role removes every role the actor has.
      const matches = (x: unknown) =>
        spec.kind === "participants" && !key.includes(":")
          ? (x as { actorId: string }).actorId === key
          : itemKey(spec, x) === key;
      if (!current.some(matches)) return `${field}: ${JSON.stringify(v)} is not there to remove`;
      setPath(
        next,
        spec,
        (getPath(next, spec) as unknown[]).filter((x) => !matches(x)),
      );
    }
  }
  return next as T;
}

// ---- making records by hand -----------------------------------------------------------------

const TimeOrText = z
  .union([Time, z.string().min(1).max(200)])
  .describe(
    "A time: a full Time, or as typed (2020-01-03, 2019-12/2020-01, 3 January 2020); a date the selected words state keeps their expression.",
  );
const Reason = z.string().trim().max(2000);
const Words = {
  sourceId: Id.describe("The document the words are in."),
  quote: z.string().min(1).max(5000).describe("The exact words, as in the document: the record's evidence."),
  occurrence: z.int().positive().optional().describe("Which occurrence (1-based) when the words occur more than once."),
};
const Participants = z.array(z.object({ actorId: Id, role: ParticipantRole }));

export const AddRecordInput = z
  .discriminatedUnion("kind", [
    z.object({
      kind: z.literal("actor"),
      ...Words,
      name: z.string().trim().min(1).optional().describe("The name; the words themselves when not given."),
      actorKind: ActorKind,
      description: z.string().trim().min(1),
      id: Id.optional(),
    }),
    z.object({
      kind: z.literal("alias"),
      ...Words,
      actorId: Id,
      name: z.string().trim().min(1).optional(),
      aliasKind: AliasKind.optional(),
      documentOnly: z
        .boolean()
        .optional()
        .describe("Match the name as a mention only in this document (a first name)."),
    }),
    z.object({ kind: z.literal("mention"), ...Words, actorId: Id }),
    z.object({
      kind: z.literal("relation"),
      ...Words,
      relationId: Id.optional().describe("A relation the atlas holds: the words become more evidence for it."),
      fromId: Id.optional(),
      type: RelationType.optional(),
      toId: Id.optional(),
      role: z.string().trim().min(1).nullable().optional(),
      time: TimeOrText.nullable().optional(),
      former: z.boolean().optional(),
      note: z.string().trim().min(1).nullable().optional(),
    }),
    z.object({
      kind: z.literal("event"),
      ...Words,
      eventId: Id.optional().describe("An event the atlas holds: the words become this document's account of it."),
      eventKind: EventKind.optional(),
      title: z.string().trim().min(1).optional(),
      summary: z.string().trim().min(1).optional(),
      time: TimeOrText.optional(),
      placeId: Id.nullable().optional(),
      placeNote: z.string().trim().min(1).nullable().optional(),
      participants: Participants.optional(),
    }),
    z.object({
      kind: z.literal("claim"),
      ...Words,
      claimantId: Id,
      stance: Stance,
      statement: z.string().trim().min(1),
      mode: z.enum(["direct", "indirect"]).optional(),
      aboutActorIds: z.array(Id).optional(),
      aboutEventIds: z.array(Id).optional(),
      said: TimeOrText.nullable().optional(),
      onBehalfOfId: Id.nullable().optional(),
      viaId: Id.nullable().optional(),
      setting: z.string().trim().min(1).nullable().optional(),
      supportsIds: z.array(Id).optional(),
      contradictsIds: z.array(Id).optional(),
      attribution: QuoteRef.optional().describe("The words naming the speaker, when outside the quote."),
      note: z.string().trim().min(1).nullable().optional(),
    }),
  ])
  .meta({
    id: "AddRecordInput",
    description:
      "A record made by hand from words of a document: an actor, another name of one, a mention, a relation, an event (or more words for one) or a claim.",
  });
export type AddRecordInput = z.infer<typeof AddRecordInput>;

export const WriteResult = z
  .object({
    batch: z.string(),
    at: z.string(),
    reviewer: z.string(),
    records: z.array(z.object({ recordType: HistoryType, recordId: z.string(), version: z.int() })),
  })
  .meta({ id: "WriteResult", description: "What a write changed: each record and its new version." });
export type WriteResult = z.infer<typeof WriteResult>;

export { Reason };

// ---- grades -----------------------------------------------------------------------------------

/** "B" for a source, "3" for a claim, "none" to clear; what is wrong otherwise. */
export function parseGrade(type: "source" | "claim", raw: string): string | number | null | { problem: string } {
  const text = raw.trim();
  if (text === "none") return null;
  if (type === "source") {
    const g = ReliabilityGrade.safeParse(text.toUpperCase());
    return g.success ? g.data : { problem: `grade: a source's reliability is A–F (or none), not "${text}"` };
  }
  const g = CredibilityGrade.safeParse(Number(text));
  return g.success ? g.data : { problem: `grade: a claim's credibility is 1–6 (or none), not "${text}"` };
}

export { ClaimCredibility, SourceReliability };

// ---- history and the change feed -----------------------------------------------------------

export const HistoryEntry = z
  .object({
    seq: z.int().describe("The change's number: later changes have higher numbers."),
    batch: z.string().describe("Entries made by one write share it (a merge changes several records at once)."),
    at: z.string().describe("When, as an ISO timestamp."),
    reviewer: z.string().describe("Who made the change."),
    action: Action,
    recordType: HistoryType,
    recordId: z.string(),
    version: z.int().describe("The record's version after this change; a record never changed is at version 1."),
    before: z.unknown().describe("The record before (null when this change created it)."),
    after: z.unknown().describe("The record after (null when this change retired it)."),
    reason: z.string().nullable(),
    mentions: z.int().describe("How many mentions moved, appeared or went with this change."),
  })
  .meta({ id: "HistoryEntry", description: "One change: who, when, which record, before and after, and why." });
export type HistoryEntry = z.infer<typeof HistoryEntry>;

export const RecordHistory = z
  .object({
    recordType: HistoryType,
    recordId: z.string(),
    version: z.int().describe("The record's current version."),
    retired: z.boolean().describe("True when the record is retired (out of every view and export; restorable)."),
    entries: z.array(HistoryEntry).describe("Oldest first."),
  })
  .meta({ id: "RecordHistory", description: "Every change to one record, oldest first." });
export type RecordHistory = z.infer<typeof RecordHistory>;

const ChangedRecord = z.object({
  recordType: HistoryType,
  recordId: z.string(),
  at: z.string().describe("Its latest change in the window."),
  version: z.int(),
});

export const ChangeFeed = z
  .object({
    since: z.string().describe("The start of the window (exclusive)."),
    until: z.string().describe("The end of the window: the latest change's time; ask again with since=until."),
    revision: z.int().describe("The atlas's latest change number."),
    created: z.array(ChangedRecord).describe("Records created in the window and still there."),
    changed: z.array(ChangedRecord).describe("Records that existed before and changed (or were restored)."),
    retired: z.array(ChangedRecord).describe("Records retired in the window: drop them from your copy."),
    entries: z.array(HistoryEntry).describe("Every change in the window, oldest first."),
  })
  .meta({
    id: "ChangeFeed",
    description: "What changed since a time: created, changed and retired record ids, and every entry.",
  });
export type ChangeFeed = z.infer<typeof ChangeFeed>;

// ---- reviewers -----------------------------------------------------------------------------

export const ReviewerName = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9._-]{0,39}$/,
    "must be 1–40 lowercase letters, digits, '.', '_' or '-', starting with a letter or digit",
  )
  .describe("The reviewer's name, as the history shows it.");

export const ReviewerView = z
  .object({
    name: z.string(),
    admin: z.boolean(),
    createdAt: z.string(),
    createdBy: z.string().nullable(),
    revokedAt: z.string().nullable(),
    revokedBy: z.string().nullable(),
  })
  .meta({ id: "Reviewer", description: "A reviewer: who may write, and whether they manage reviewers." });
export type ReviewerView = z.infer<typeof ReviewerView>;

export const NewReviewer = z
  .object({
    name: z.string(),
    admin: z.boolean(),
    token: z.string().describe("The reviewer's token, shown this once; the atlas keeps only its hash."),
  })
  .meta({ id: "NewReviewer", description: "A reviewer just added, with the token they sign in with." });
export type NewReviewer = z.infer<typeof NewReviewer>;

// ---- describing a change -------------------------------------------------------------------

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/** The fields a change touched (top level), in the record's order. */
export function changedFields(before: unknown, after: unknown): FieldChange[] {
  if (!before || !after || typeof before !== "object" || typeof after !== "object") return [];
  const b = before as Record<string, unknown>;
  const a = after as Record<string, unknown>;
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return fields
    .filter((f) => JSON.stringify(b[f] ?? null) !== JSON.stringify(a[f] ?? null))
    .map((field) => ({ field, before: b[field] ?? null, after: a[field] ?? null }));
}

const clip = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

/** A field's value in a few words, for a history line: quotes for text, ids joined, spans counted. */
export function describeValue(value: unknown, max = 60): string {
  if (value === null || value === undefined) return "none";
  if (typeof value === "string") return `“${clip(value.replace(/\s+/g, " "), max)}”`;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return "none";
    const first = value[0] as Record<string, unknown>;
    if (typeof first === "string") return clip(value.join(", "), max);
    if (first && "quote" in first && "start" in first) {
      return `${value.length} span${value.length === 1 ? "" : "s"}: ${value.map((e) => `“${clip(String((e as { quote: string }).quote), 40)}”`).join(", ")}`;
    }
    if (first && "actorId" in first && "role" in first) {
      return clip(
        value.map((p) => `${(p as { actorId: string }).actorId}:${(p as { role: string }).role}`).join(", "),
        max,
      );
    }
    if (first && "name" in first) return clip(value.map((x) => (x as { name: string }).name).join(", "), max);
    return `${value.length} items`;
  }
  const o = value as Record<string, unknown>;
  if ("edtf" in o) return String(o.edtf);
  if ("grade" in o) return `${o.grade}${o.reason ? ` (“${clip(String(o.reason), 40)}”)` : ""}`;
  return clip(JSON.stringify(value), max);
}

/** "edited: stance: “alleges” → “accuses”; note: none → “…”", or the action alone when it says it all. */
export function describeChange(entry: { action: Action; before?: unknown; after?: unknown }): string {
  if (entry.before == null || entry.after == null) return entry.action;
  const fields = changedFields(entry.before, entry.after);
  if (fields.length === 0) return entry.action;
  return `${entry.action}: ${fields.map((f) => `${f.field}: ${describeValue(f.before, 40)} → ${describeValue(f.after, 40)}`).join("; ")}`;
}
