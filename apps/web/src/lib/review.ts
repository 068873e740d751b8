/**
 * Review of ingested documents' suggestions, the pure part: what each kind is called, the values
 * a suggestion would be accepted with (its proposal with the reviewer's saved edit on top), the
 * edit a submitted form asks for, and where an accepted suggestion's records live.
 *
 * Edit forms carry each field twice: `f.<field>` (what the reviewer submits) and `o.<field>`
 * (what the form showed). Only fields that differ become the edit, so an untouched form never
 * overwrites the suggester's values (a date's basis and expression, say) with a re-typed copy.
 */
import { precisionOf, Time } from "@atlas/schema";
import { actorHref, claimHref, eventHref, spanHref } from "./links";
import type { ProposalOf, RecordRef, Suggestion, SuggestionEdit, SuggestionKind, SuggestionStatus } from "./types";

export const SUGGESTION_KINDS: { kind: SuggestionKind; title: string; one: string; description: string }[] = [
  {
    kind: "mention",
    title: "Mentions",
    one: "mention",
    description: "A known actor's name or alias in the text. Accepting records the mention.",
  },
  {
    kind: "actor",
    title: "Possible new actors",
    one: "actor",
    description:
      "A name that is not a known actor yet. Accepting creates the actor, or adds the name to an existing one.",
  },
  {
    kind: "date",
    title: "Dates",
    one: "date",
    description:
      "A date resolved against the publication date. Accepting creates an event, or adds the sentence to an existing one.",
  },
  {
    kind: "statement",
    title: "Statements",
    one: "statement",
    description: "Words attributed to someone. Accepting creates a claim — a claim, not a fact — with its speaker.",
  },
];

export const SUGGESTION_STATUSES: SuggestionStatus[] = ["suggested", "accepted", "rejected"];

export const kindInfo = (kind: SuggestionKind) =>
  SUGGESTION_KINDS.find((k) => k.kind === kind) ?? { kind, title: kind, one: kind, description: "" };

/** Which kind each edit field belongs to: `satisfies` makes a new field of the API a type error here. */
const FIELD_KIND = {
  actorId: "mention",
  name: "actor",
  actorKind: "actor",
  description: "actor",
  id: "actor",
  mergeInto: "actor",
  aliasKind: "actor",
  time: "date",
  eventId: "date",
  eventKind: "date",
  title: "date",
  summary: "date",
  placeId: "date",
  participants: "date",
  claimantId: "statement",
  stance: "statement",
  statement: "statement",
  aboutActorIds: "statement",
  aboutEventIds: "statement",
  said: "statement",
  onBehalfOfId: "statement",
} as const satisfies Record<keyof SuggestionEdit, SuggestionKind>;

type Field = keyof typeof FIELD_KIND;
export const EDIT_FIELDS = Object.fromEntries(
  SUGGESTION_KINDS.map(({ kind }) => [
    kind,
    (Object.keys(FIELD_KIND) as Field[]).filter((f) => FIELD_KIND[f] === kind),
  ]),
) as Record<SuggestionKind, Field[]>;

type TimeValue = NonNullable<SuggestionEdit["time"]>;
type Participant = NonNullable<SuggestionEdit["participants"]>[number];

/** The values accepting would use now: the proposal, overridden by the reviewer's saved edit. */
export function effectiveValues(s: Suggestion) {
  const e: SuggestionEdit = s.edit ?? {};
  const p = s.proposal;
  switch (p.kind) {
    case "mention":
      return { kind: p.kind, proposal: p, actorId: e.actorId ?? p.actorId } as const;
    case "actor":
      return {
        kind: p.kind,
        proposal: p,
        name: e.name ?? p.name,
        actorKind: e.actorKind ?? p.actorKind,
        description: e.description ?? p.description,
        id: e.id ?? null,
        mergeInto: e.mergeInto ?? null,
        aliasKind: e.aliasKind ?? "spelling",
      } as const;
    case "date":
      return {
        kind: p.kind,
        proposal: p,
        time: e.time ?? p.time,
        eventId: e.eventId ?? null,
        eventKind: e.eventKind ?? "other",
        title: e.title ?? null,
        summary: e.summary ?? flat(p.sentence.quote),
        placeId: e.placeId ?? null,
        participants: e.participants ?? [],
      } as const;
    case "statement":
      return {
        kind: p.kind,
        proposal: p,
        claimantId: e.claimantId ?? p.claimantId,
        stance: e.stance ?? p.stance,
        statement: flat(e.statement ?? p.statement),
        aboutActorIds: e.aboutActorIds ?? p.aboutActorIds,
        aboutEventIds: e.aboutEventIds ?? [],
        said: e.said !== undefined ? e.said : p.said,
        onBehalfOfId: e.onBehalfOfId ?? null,
      } as const;
  }
}
export type Effective = ReturnType<typeof effectiveValues>;

const flat = (s: string) => s.replace(/\s+/g, " ").trim();

/** A form's shown values, as the strings (or lists) its controls hold; also what `o.*` carries. */
export type FormValues = Partial<Record<Field, string | string[]>>;

export function formValues(s: Suggestion): FormValues {
  const v = effectiveValues(s);
  switch (v.kind) {
    case "mention":
      return { actorId: v.actorId };
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
      return {
        time: v.time.edtf,
        eventId: v.eventId ?? "",
        eventKind: v.eventKind,
        title: v.title ?? "",
        summary: v.summary,
        placeId: v.placeId ?? "",
        participants: JSON.stringify(v.participants.map((x) => ({ actorId: x.actorId, role: x.role }))),
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
      };
  }
}

/** The time a form field started from (so a corrected date keeps the document's words). */
export function originalTime(s: Suggestion, field: "time" | "said"): TimeValue | null {
  const v = effectiveValues(s);
  if (field === "time" && v.kind === "date") return v.time;
  if (field === "said" && v.kind === "statement") return v.said;
  return null;
}

/** A corrected or added date: its precision from the EDTF, the document's expression kept, and a note saying so. */
export function reviewedTime(edtf: string, original: TimeValue | null): TimeValue | string {
  let precision: TimeValue["precision"];
  try {
    precision = precisionOf(edtf) as TimeValue["precision"];
  } catch (e) {
    return (e as Error).message;
  }
  const time: TimeValue = original
    ? {
        edtf,
        precision,
        basis: original.basis,
        ...(original.expression ? { expression: original.expression } : {}),
        note: `Corrected in review; the suggestion read it as ${original.edtf}.`,
      }
    : { edtf, precision, basis: "inferred", note: "Given in review." };
  const checked = Time.safeParse(time);
  return checked.success ? time : checked.error.issues.map((i) => i.message).join("; ");
}

interface ReadForm {
  getAll(name: string): (string | File)[];
}
const strings = (form: ReadForm, name: string) => form.getAll(name).filter((v): v is string => typeof v === "string");
const one = (form: ReadForm, name: string) => (strings(form, name)[0] ?? "").trim();
const sameList = (a: string[], b: string[]) => [...a].sort().join("\n") === [...b].sort().join("\n");

/**
 * The edit a submitted form asks for: only fields whose value differs from what the form showed.
 * A blank text field keeps the suggested value; a blank "said" means the date is unknown.
 */
export function editFromForm(
  kind: SuggestionKind,
  form: ReadForm,
): { edit: SuggestionEdit; problems: string[]; original: (f: "time" | "said") => TimeValue | null } {
  const edit: Record<string, unknown> = {};
  const problems: string[] = [];
  const original = (f: "time" | "said"): TimeValue | null => {
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
    if (field === "aboutActorIds" || field === "aboutEventIds") {
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
      if (JSON.stringify(now) !== (one(form, "o.participants") || "[]")) edit.participants = now;
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
      if (typeof time === "string") problems.push(`${field === "time" ? "Date" : "Said"}: ${time}`);
      else edit[field] = time;
      continue;
    }
    if (!now) {
      if (field === "onBehalfOfId") edit.onBehalfOfId = null;
      continue;
    }
    edit[field] = now;
  }
  return { edit: edit as SuggestionEdit, problems, original };
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
export function recordLink(ref: RecordRef, s: Pick<Suggestion, "sourceId" | "start" | "end">) {
  switch (ref.type) {
    case "mention":
      return { href: spanHref(s.sourceId, s.start, s.end), what: "mention in the reader" };
    case "actor":
      return { href: actorHref(ref.recordId), what: "actor" };
    case "alias":
      return { href: actorHref(ref.recordId), what: "name added to the actor" };
    case "event":
      return { href: eventHref(ref.recordId), what: "event" };
    case "event-evidence":
      return { href: eventHref(ref.recordId), what: "evidence added to the event" };
    case "claim":
      return { href: claimHref(ref.recordId), what: "claim" };
  }
}

/** The actor a statement's speaker became, if its candidate-actor suggestion was accepted. */
export function acceptedSpeaker(
  p: ProposalOf<"statement">,
  actorSuggestions: Suggestion[],
): { actorId: string; suggestionId: string } | { actorId: null; suggestionId: string } | null {
  if (!p.claimantName) return null;
  const candidate = actorSuggestions.find((a) => a.proposal.kind === "actor" && a.proposal.name === p.claimantName);
  if (!candidate) return null;
  const made = candidate.records.find((r) => r.type === "actor" || r.type === "alias");
  return made ? { actorId: made.recordId, suggestionId: candidate.id } : { actorId: null, suggestionId: candidate.id };
}

/** "3 suggested · 1 accepted": a document's counts for one kind, in a fixed order. */
export function countsLine(counts: Record<string, number> | undefined): { status: SuggestionStatus; n: number }[] {
  return SUGGESTION_STATUSES.map((status) => ({ status, n: counts?.[status] ?? 0 })).filter((c) => c.n > 0);
}

/** "21 Nov 2026, 07:01 UTC" from the database's timestamp text; the raw text if it is not one. */
export function ingestedAtText(s: string): string {
  const d = new Date(s.replace(" ", "T").replace(/([+-]\d{2})$/, "$1:00"));
  if (Number.isNaN(d.getTime())) return s;
  return `${d.toLocaleString("en-GB", { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "UTC" })} UTC`;
}
