/**
 * Review of ingested documents' suggestions, the web's part: what the review model
 * (`@atlas/data/review`, shared with the API and the terminal) says is rendered as it is — the
 * kinds, their edit fields, each suggestion's effective values and preview come from there or
 * from the API — and this module only turns a submitted form into an edit, and says where an
 * accepted suggestion's records live.
 *
 * Edit forms carry each field twice: `f.<field>` (what the reviewer submits) and `o.<field>`
 * (what the form showed). Only fields that differ become the edit, so an untouched form never
 * overwrites the suggester's values (a date's basis and expression, say) with a re-typed copy.
 */
import { EDIT_FIELDS } from "@atlas/data/review";
import { reviewedTime, Time } from "@atlas/schema";
import { actorHref, claimHref, eventHref, relationHref, spanHref } from "./links";
import type { RecordRef, Suggestion, SuggestionEdit, SuggestionKind, SuggestionStatus } from "./types";

export { KIND_INFO, SUGGESTION_KINDS } from "@atlas/data/review";

export const SUGGESTION_STATUSES: SuggestionStatus[] = ["suggested", "accepted", "rejected"];

type Field = keyof SuggestionEdit;
type TimeValue = NonNullable<SuggestionEdit["time"]>;
type Participant = NonNullable<SuggestionEdit["participants"]>[number];
type FieldOf<T> = { [K in Field]-?: T extends NonNullable<SuggestionEdit[K]> ? K : never }[Field];
/** Fields whose blank means "none" (null): a blank elsewhere keeps the suggested value. */
type NullableField = { [K in Field]-?: null extends SuggestionEdit[K] ? K : never }[Field];

const LISTS = new Set<Field>(["aboutActorIds", "aboutEventIds", "supportsIds", "contradictsIds"] satisfies FieldOf<
  string[]
>[]);
const NULLABLE = new Set<Field>([
  "eventId",
  "placeId",
  "role",
  "relationId",
  "onBehalfOfId",
  "viaId",
] satisfies NullableField[]);
const TIMES = ["time", "said"] as const satisfies FieldOf<TimeValue>[];
type TimeField = (typeof TIMES)[number];

/** A form's shown values, as the strings (or lists) its controls hold; also what `o.*` carries. */
export type FormValues = Partial<Record<Field, string | string[]>>;

const participantsText = (ps: Participant[]) => JSON.stringify(ps.map((x) => ({ actorId: x.actorId, role: x.role })));

/** What the edit form shows: the suggestion's effective values (the API's), as form strings. */
export function formValues(s: Suggestion): FormValues {
  const v = s.effective;
  switch (v.kind) {
    case "mention":
      return { actorId: v.actorId ?? "" };
    case "actor":
      return {
        name: v.name,
        actorKind: v.actorKind,
        description: v.description,
        id: v.id ?? "",
        mergeInto: v.mergeInto ?? "",
        aliasKind: v.aliasKind,
      };
    case "date":
    case "event":
      return {
        time: v.time?.edtf ?? "",
        eventId: v.eventId ?? "",
        eventKind: v.eventKind,
        title: v.title,
        summary: v.summary,
        placeId: v.placeId ?? "",
        participants: participantsText(v.participants),
      };
    case "statement":
      return {
        claimantId: v.claimantId ?? "",
        stance: v.stance,
        statement: v.statement,
        aboutActorIds: [...v.aboutActorIds],
        aboutEventIds: [...v.aboutEventIds],
        said: v.said?.edtf ?? "",
        onBehalfOfId: v.onBehalfOfId ?? "",
        viaId: v.viaId ?? "",
        supportsIds: [...v.supportsIds],
        contradictsIds: [...v.contradictsIds],
      };
    case "relation":
      return {
        relationId: v.relationId ?? "",
        relationType: v.relationType,
        fromId: v.fromId ?? "",
        toId: v.toId ?? "",
        role: v.role ?? "",
        time: v.time?.edtf ?? "",
        former: String(v.former),
      };
  }
}

/** The time a form field started from (so a corrected date keeps the document's words). */
export function originalTime(s: Suggestion, field: TimeField): TimeValue | null {
  const v = s.effective;
  if (field === "said") return v.kind === "statement" ? v.said : null;
  return v.kind === "date" || v.kind === "event" || v.kind === "relation" ? v.time : null;
}

interface ReadForm {
  getAll(name: string): (string | File)[];
}
const strings = (form: ReadForm, name: string) => form.getAll(name).filter((v): v is string => typeof v === "string");
const one = (form: ReadForm, name: string) => (strings(form, name)[0] ?? "").trim();
const sameList = (a: string[], b: string[]) => [...a].sort().join("\n") === [...b].sort().join("\n");
const TIME_LABEL: Record<TimeField, string> = { time: "Date", said: "Said" };

/**
 * The edit a submitted form asks for: only fields whose value differs from what the form showed.
 * A blank text field keeps the suggested value, except where blank means "none" (no place, no
 * channel, a new event rather than the proposed match, an unknown date said).
 */
export function editFromForm(kind: SuggestionKind, form: ReadForm): { edit: SuggestionEdit; problems: string[] } {
  const edit: Record<string, unknown> = {};
  const problems: string[] = [];
  const original = (f: TimeField): TimeValue | null => {
    const raw = one(form, `t.${f}`);
    if (!raw) return null;
    try {
      const parsed = Time.safeParse(JSON.parse(raw));
      return parsed.success ? (parsed.data as TimeValue) : null;
    } catch {
      return null;
    }
  };
  for (const field of EDIT_FIELDS[kind]) {
    if (LISTS.has(field)) {
      const now = strings(form, `f.${field}`).filter(Boolean);
      if (!sameList(now, strings(form, `o.${field}`).filter(Boolean))) edit[field] = now;
      continue;
    }
    if (field === "participants") {
      const actors = strings(form, "f.participants.actor");
      const roles = strings(form, "f.participants.role");
      const now: Participant[] = actors
        .map((actorId, i) => ({ actorId: actorId.trim(), role: (roles[i] ?? "participant") as Participant["role"] }))
        .filter((p) => p.actorId);
      if (participantsText(now) !== (one(form, "o.participants") || "[]")) edit.participants = now;
      continue;
    }
    if (field === "former") {
      // A checkbox: absent when unticked, so only a form that showed it (o.former) speaks of it.
      if (strings(form, "o.former").length === 0) continue;
      const now = String(strings(form, "f.former").includes("true"));
      if (now !== one(form, "o.former")) edit.former = now === "true";
      continue;
    }
    const now = one(form, `f.${field}`);
    if (now === one(form, `o.${field}`)) continue;
    if (field === "time" || field === "said") {
      if (!now) {
        if (field === "said") edit.said = null;
        continue;
      }
      const time = reviewedTime(now, original(field));
      if (typeof time === "string") problems.push(`${TIME_LABEL[field]}: ${time}`);
      else edit[field] = time;
      continue;
    }
    if (!now) {
      if (NULLABLE.has(field)) edit[field] = null;
      continue;
    }
    edit[field] = now;
  }
  return { edit: edit as SuggestionEdit, problems };
}

/** A few words either side of a span, within its paragraph, cut at spaces, for showing a quote in context. */
export function contextOf(text: string, start: number, end: number, width = 100) {
  const paragraphStart = text.lastIndexOf("\n", start - 1) + 1;
  const newline = text.indexOf("\n", end);
  const paragraphEnd = newline === -1 ? text.length : newline;
  let from = Math.max(paragraphStart, start - width);
  let to = Math.min(paragraphEnd, end + width);
  if (from > paragraphStart) {
    const space = text.indexOf(" ", from);
    if (space !== -1 && space < start) from = space + 1;
  }
  if (to < paragraphEnd) {
    const space = text.lastIndexOf(" ", to);
    if (space > end) to = space;
  }
  return {
    before: text.slice(from, start),
    quote: text.slice(start, end),
    after: text.slice(end, to),
    cutBefore: from > paragraphStart,
    cutAfter: to < paragraphEnd,
  };
}

/** Where a record an accepted suggestion created can be seen. */
export function recordLink(
  ref: RecordRef,
  s: Pick<Suggestion, "sourceId" | "start" | "end" | "effective">,
): { href: string; what: string } {
  switch (ref.type) {
    case "mention":
      return { href: spanHref(s.sourceId, s.start, s.end), what: "mention in the reader" };
    case "place":
      return { href: spanHref(s.sourceId, s.start, s.end), what: "place" };
    case "link":
      // A reference an import wrote once both its ends were accepted (a participant, what a claim is about).
      return { href: spanHref(s.sourceId, s.start, s.end), what: "link between records" };
    case "actor":
      return { href: actorHref(ref.recordId), what: "actor" };
    case "alias":
      return { href: actorHref(ref.recordId), what: "name added to the actor" };
    case "event":
      return { href: eventHref(ref.recordId), what: "event" };
    case "event-evidence":
      return { href: eventHref(ref.recordId), what: "account added to the event" };
    case "claim":
      return { href: claimHref(ref.recordId), what: "claim" };
    case "relation":
      return { href: relationHref(ref.recordId), what: "relation" };
    case "relation-evidence":
      return { href: relationHref(ref.recordId), what: "evidence added to the relation" };
  }
}

/** The document's candidate actor a blocked suggestion waits for, when its reason names one. */
export function waitsFor(s: Pick<Suggestion, "preview">, candidates: Pick<Suggestion, "id">[]): string | null {
  const blocked = s.preview.blocked;
  if (!blocked) return null;
  return candidates.find((c) => blocked.includes(c.id))?.id ?? null;
}

/** The confidence a suggestion carries (mentions, statements, events, relations); null for the other kinds. */
export function confidenceOf(s: Pick<Suggestion, "proposal">): number | null {
  const p = s.proposal;
  return "confidence" in p && typeof p.confidence === "number" ? p.confidence : null;
}

/**
 * A confidence floor as typed: "0.9", "90" or "90 %" all mean 0.9; blank means none. Anything
 * else is the message to show.
 */
export function parseConfidence(raw: string): number | undefined | string {
  const t = raw.trim();
  if (!t) return undefined;
  const n = Number(t.replace(/\s*%$/, ""));
  const value = t.endsWith("%") || n > 1 ? n / 100 : n;
  if (!Number.isFinite(n) || value < 0 || value > 1) {
    return `The confidence "${t}" is not a number between 0 and 1 (such as 0.9): give one, or leave it blank to accept them all.`;
  }
  return value;
}

export const percent = (n: number) => `${Math.round(n * 100)} %`;

/** "21 Nov 2026, 07:01 UTC" from the database's timestamp text; the raw text if it is not one. */
export function ingestedAtText(s: string): string {
  const d = new Date(s.replace(" ", "T").replace(/([+-]\d{2})$/, "$1:00"));
  if (Number.isNaN(d.getTime())) return s;
  return `${d.toLocaleString("en-GB", { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "UTC" })} UTC`;
}
