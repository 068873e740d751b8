/**
 * The edit form of the review: the fields a reviewer may change before accepting, per kind of
 * suggestion (a subset of the API's SuggestionEdit), as pure functions of the form. Text fields
 * take typing; choice fields (kinds, stances) cycle with ←/→ or jump to a typed first letter.
 */
import { ActorKind, EventKind, Stance } from "@atlas/schema";
import type { Suggestion, SuggestionEdit } from "../data.js";

export type FieldKey =
  | "actorId"
  | "name"
  | "actorKind"
  | "mergeInto"
  | "eventKind"
  | "title"
  | "stance"
  | "statement"
  | "claimantId";

export interface FormField {
  key: FieldKey;
  label: string;
  value: string;
  /** What the suggestion holds now; a field left at it is not sent. */
  initial: string;
  choices?: readonly string[];
  hint: string;
}

export interface EditForm {
  id: string;
  fields: FormField[];
  focus: number;
}

const field = (
  key: FieldKey,
  label: string,
  initial: string,
  hint: string,
  choices?: readonly string[],
): FormField => ({ key, label, value: initial, initial, hint, ...(choices ? { choices } : {}) });

export function formFor(s: Suggestion): EditForm {
  const e = s.edit ?? {};
  const p = s.proposal;
  let fields: FormField[];
  switch (p.kind) {
    case "mention":
      fields = [
        field(
          "actorId",
          "Actor",
          e.actorId ?? p.actorId,
          "the id of the actor these words refer to (see atlas actors)",
        ),
      ];
      break;
    case "actor":
      fields = [
        field("name", "Name", e.name ?? p.name, "the name to show"),
        field(
          "actorKind",
          "Kind",
          e.actorKind ?? p.actorKind,
          "←→ to change: a guess from titles and words",
          ActorKind.options,
        ),
        field(
          "mergeInto",
          "Merge into",
          e.mergeInto ?? "",
          "an existing actor's id: adds the name to it instead of creating a new actor",
        ),
      ];
      break;
    case "date":
      fields = [
        field("eventKind", "Event kind", e.eventKind ?? "other", "←→ to change: what happened", EventKind.options),
        field("title", "Title", e.title ?? "", "a neutral headline (empty: the sentence, shortened)"),
      ];
      break;
    case "statement":
      fields = [
        field(
          "stance",
          "Stance",
          e.stance ?? p.stance,
          "←→ to change: what the speaker does in saying it",
          Stance.options,
        ),
        field("statement", "Statement", e.statement ?? p.statement, "one plain sentence: what is claimed"),
        field(
          "claimantId",
          "Claimant",
          e.claimantId ?? p.claimantId ?? "",
          "the id of the actor who said it (empty: the speaker, once an actor)",
        ),
      ];
      break;
  }
  return { id: s.id, fields, focus: 0 };
}

/** The changed fields, as the edit to send (empty when nothing changed). */
export function formEdit(form: EditForm): SuggestionEdit {
  const edit: Record<string, string> = {};
  for (const f of form.fields) {
    const v = f.value.replace(/\s+/g, " ").trim();
    if (v && v !== f.initial) edit[f.key] = v;
  }
  // Choice fields only ever hold one of their choices, so the strings are the API's enum values.
  return edit as SuggestionEdit;
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
