/**
 * The edit form of the review: the fields a reviewer may change before accepting, per kind of
 * suggestion, filled with the values accepting would use now (the API's effective values), as
 * pure functions of the form. Text fields take typing; choice fields (kinds, stances, a mention's
 * candidates) cycle with ←/→ or jump to a typed first letter. What accepting would create is
 * the review model's preview of the form's edit, so it changes as the reviewer types.
 */
import { effective, type Lookups, type Preview, preview } from "@atlas/data/review";
import { ActorKind, EventKind, ParticipantRole, RelationType, reviewedTime, Stance, type Time } from "@atlas/schema";
import type { Suggestion, SuggestionEdit } from "../data.js";

export type FieldKey = keyof SuggestionEdit;

/**
 * How a field's text becomes an edit: as written (blank keeps the suggested value), or blank
 * meaning none; a list of ids; an EDTF date; "actor-id role" pairs; yes/no.
 */
type Parse = "text" | "nullable" | "list" | "time" | "participants" | "flag";

export interface FormField {
  key: FieldKey;
  label: string;
  value: string;
  /** What the suggestion holds now; a field left at it is not sent. */
  initial: string;
  choices?: readonly string[];
  parse: Parse;
  hint: string;
}

export interface EditForm {
  id: string;
  fields: FormField[];
  focus: number;
  /** The time the date field started from, so a correction keeps the document's words. */
  time: Time | null;
}

const field = (
  key: FieldKey,
  label: string,
  initial: string | null,
  hint: string,
  opts: { parse?: Parse; choices?: readonly string[] } = {},
): FormField => ({
  key,
  label,
  value: initial ?? "",
  initial: initial ?? "",
  parse: opts.parse ?? "text",
  hint,
  ...(opts.choices ? { choices: opts.choices } : {}),
});

const FLAG = ["no", "yes"] as const;
const ids = (xs: string[]) => xs.join(", ");
const participantsOf = (ps: { actorId: string; role: string }[]) => ps.map((x) => `${x.actorId} ${x.role}`).join(", ");

const DATE_HINT = "EDTF: 2020-01-03, 2020-01, 2019-12/2020-01";

export function formFor(s: Suggestion): EditForm {
  const v = s.effective;
  const p = s.proposal;
  let fields: FormField[] = [];
  let time: Time | null = null;
  switch (v.kind) {
    case "mention": {
      const candidates = p.kind === "mention" ? p.candidates.map((c) => c.actorId) : [];
      fields = [
        candidates.length > 1
          ? field("actorId", "Actor", v.actorId, "←→ to choose among the actors the words could name", {
              choices: v.actorId ? candidates : ["", ...candidates],
            })
          : field("actorId", "Actor", v.actorId, "the id of the actor these words refer to (see atlas actors)"),
      ];
      break;
    }
    case "actor":
      fields = [
        field("name", "Name", v.name, "the name to show"),
        field("actorKind", "Kind", v.actorKind, "←→ to change: a guess from titles and words", {
          choices: ActorKind.options,
        }),
        field(
          "mergeInto",
          "Merge into",
          v.mergeInto,
          "an existing actor's id: adds the name to it instead of creating a new actor",
        ),
      ];
      break;
    case "date":
    case "event":
      time = v.time;
      fields = [
        ...(v.kind === "event"
          ? [
              field(
                "eventId",
                "Add to",
                v.eventId,
                "an event's id: this document's account of it (empty: a new event)",
                { parse: "nullable" },
              ),
            ]
          : []),
        field("eventKind", "Event kind", v.eventKind, "←→ to change: what happened", { choices: EventKind.options }),
        field("title", "Title", v.title, "a neutral headline"),
        field("time", "Date", v.time?.edtf ?? null, DATE_HINT, { parse: "time" }),
        ...(v.kind === "event"
          ? [
              field("placeId", "Place", v.placeId, "a place's id in the gazetteer (empty: not given)", {
                parse: "nullable",
              }),
              field(
                "participants",
                "Who",
                participantsOf(v.participants),
                "actor-id role, …: perpetrator, target, victim…",
                {
                  parse: "participants",
                },
              ),
            ]
          : [
              field("eventId", "Add to", v.eventId, "an existing event's id instead of a new event", {
                parse: "nullable",
              }),
            ]),
      ];
      break;
    case "statement":
      fields = [
        field("stance", "Stance", v.stance, "←→ to change: what the speaker does in saying it", {
          choices: Stance.options,
        }),
        field("statement", "Statement", v.statement, "one plain sentence: what is claimed"),
        field(
          "claimantId",
          "Claimant",
          v.claimantId,
          "the id of the actor who said it (empty: the speaker, once an actor)",
        ),
        field("viaId", "Through", v.viaId, "the channel's actor id, “according to …” (empty: none)", {
          parse: "nullable",
        }),
        field("onBehalfOfId", "On behalf of", v.onBehalfOfId, "the organisation the speaker speaks for (empty: none)", {
          parse: "nullable",
        }),
        field("supportsIds", "Supports", ids(v.supportsIds), "claim ids it restates (empty: none)", { parse: "list" }),
        field("contradictsIds", "Contradicts", ids(v.contradictsIds), "claim ids it contradicts (empty: none)", {
          parse: "list",
        }),
      ];
      break;
    case "relation":
      time = v.time;
      fields = [
        field("relationType", "Relation", v.relationType, "←→ to change: the type of tie", {
          choices: RelationType.options,
        }),
        field("fromId", "From", v.fromId, "the actor it starts from (an id)"),
        field("toId", "To", v.toId, "the actor it points to (an id)"),
        field("role", "Role", v.role, "in the text's words (empty: none)", { parse: "nullable" }),
        field("time", "Date", v.time?.edtf ?? null, DATE_HINT, { parse: "time" }),
        field("former", "Former", v.former ? "yes" : "no", "←→: the text says it has ended", {
          choices: FLAG,
          parse: "flag",
        }),
        field("relationId", "Add to", v.relationId, "a relation's id: these words as its evidence (empty: a new one)", {
          parse: "nullable",
        }),
      ];
      break;
  }
  return { id: s.id, fields, focus: 0, time };
}

const ROLES: readonly string[] = ParticipantRole.options;

function parseParticipants(
  text: string,
): { value: { actorId: string; role: ParticipantRole }[] } | { problem: string } {
  const value: { actorId: string; role: ParticipantRole }[] = [];
  for (const pair of text
    .split(",")
    .map((x) => x.trim())
    .filter(Boolean)) {
    const [actorId, role = "participant", ...rest] = pair.split(/\s+/);
    if (!actorId || rest.length || !ROLES.includes(role)) {
      return { problem: `Who: “${pair}” is not "actor-id role" (roles: ${ROLES.join(", ")})` };
    }
    value.push({ actorId, role: role as ParticipantRole });
  }
  return { value };
}

/** The changed fields, as the edit to send (empty when nothing changed), and what cannot be sent. */
export function formEdit(form: EditForm): { edit: SuggestionEdit; problems: string[] } {
  const edit: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const f of form.fields) {
    const v = f.value.replace(/\s+/g, " ").trim();
    if (v === f.initial) continue;
    switch (f.parse) {
      case "text":
        if (v) edit[f.key] = v;
        break;
      case "nullable":
        edit[f.key] = v || null;
        break;
      case "list":
        edit[f.key] = v.split(/[\s,]+/).filter(Boolean);
        break;
      case "flag":
        edit[f.key] = v === "yes";
        break;
      case "time": {
        if (!v) break;
        const time = reviewedTime(v, form.time);
        if (typeof time === "string") problems.push(`${f.label}: ${time}`);
        else edit[f.key] = time;
        break;
      }
      case "participants": {
        const parsed = parseParticipants(v);
        if ("problem" in parsed) problems.push(parsed.problem);
        else edit[f.key] = parsed.value;
        break;
      }
    }
  }
  // Choice fields only ever hold one of their choices, so the strings are the API's enum values.
  return { edit: edit as SuggestionEdit, problems };
}

/**
 * What the server knew when it answered (which names are actors, which candidate actor to accept
 * first), read back from its answer, so the form's preview matches the server's for what the
 * reviewer has not changed.
 */
export function lookupsOf(s: Suggestion, document: Suggestion[]): Lookups {
  const names = new Map<string, string | null>();
  const p = s.proposal;
  const v = s.effective;
  const e = s.edit ?? {};
  if (p.kind === "statement" && v.kind === "statement") {
    if (e.claimantId === undefined) names.set(v.speaker, v.claimantId);
    if (p.via && e.viaId === undefined) names.set(p.via.name, v.viaId);
  }
  if (p.kind === "relation" && v.kind === "relation") {
    if (e.fromId === undefined) names.set(p.from.name, v.fromId);
    if (e.toId === undefined) names.set(p.to.name, v.toId);
  }
  if (p.kind === "event" && v.kind === "event" && e.participants === undefined) {
    // The participants the server found for names: those it did not get from the proposal, by role.
    const given = new Set(p.participants.flatMap((x) => (x.actorId ? [`${x.actorId} ${x.role}`] : [])));
    const found = v.participants.filter((x) => !given.has(`${x.actorId} ${x.role}`));
    for (const x of p.participants) {
      if (x.actorId || v.unknownParticipants.includes(x.name)) continue;
      const i = found.findIndex((f) => f.role === x.role);
      if (i >= 0) names.set(x.name, found.splice(i, 1)[0]?.actorId ?? null);
    }
  }
  const candidates = new Map(
    document.flatMap((x) => (x.proposal.kind === "actor" && x.status === "suggested" ? [[x.proposal.name, x.id]] : [])),
  );
  return { actorNamed: (name) => names.get(name) ?? null, candidateFor: (name) => candidates.get(name) ?? null };
}

/** What accepting with the form's values would create: the review model's preview of the edit. */
export function formPreview(form: EditForm, s: Suggestion, document: Suggestion[]): Preview {
  const { edit } = formEdit(form);
  const edited = { proposal: s.proposal, edit: { ...(s.edit ?? {}), ...edit } };
  const lookups = lookupsOf(s, document);
  return preview(edited, effective(edited, lookups), lookups);
}

const withField = (form: EditForm, change: (f: FormField) => FormField): EditForm => ({
  ...form,
  fields: form.fields.map((f, i) => (i === form.focus ? change(f) : f)),
});

export const focusBy = (form: EditForm, by: 1 | -1): EditForm => ({
  ...form,
  focus: (form.focus + by + form.fields.length) % form.fields.length,
});

export const choose = (form: EditForm, by: 1 | -1): EditForm =>
  withField(form, (f) => {
    if (!f.choices) return f;
    const i = f.choices.indexOf(f.value);
    return { ...f, value: f.choices[(i + by + f.choices.length) % f.choices.length] ?? f.value };
  });

export const typeInto = (form: EditForm, text: string): EditForm =>
  withField(form, (f) => {
    // biome-ignore lint/suspicious/noControlCharactersInRegex: typed control characters are dropped
    const clean = text.replace(/[\u0000-\u001F\u007F]/g, "");
    if (!clean) return f;
    if (!f.choices) return { ...f, value: f.value + clean };
    // A letter jumps to the next choice that starts with it.
    const letter = clean.at(-1)?.toLowerCase() ?? "";
    const start = f.choices.indexOf(f.value);
    for (let n = 1; n <= f.choices.length; n++) {
      const c = f.choices[(start + n) % f.choices.length];
      if (c?.startsWith(letter)) return { ...f, value: c };
    }
    return f;
  });

export const erase = (form: EditForm): EditForm =>
  withField(form, (f) => (f.choices ? f : { ...f, value: Array.from(f.value).slice(0, -1).join("") }));

export const clear = (form: EditForm): EditForm => withField(form, (f) => (f.choices ? f : { ...f, value: "" }));
