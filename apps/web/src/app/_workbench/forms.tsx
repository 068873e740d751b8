"use client";
/**
 * The forms that grade and correct a record on its page. Plain forms posting to server actions
 * (they work without JavaScript); with it, a refused form keeps everything typed and shows the
 * API's words. Each carries the version the page showed, so a change someone else made in
 * between is refused rather than overwritten.
 */
import { CREDIBILITY, RELIABILITY } from "@atlas/schema";
import { startTransition, useActionState, useId } from "react";
import { ActionForm, ActionMessage } from "@/app/review/_components/action-form";
import { gradeChoices } from "@/components/grades";
import { Button } from "@/components/ui/button";
import { choicesOf, Input, Label, SelectField, Textarea } from "@/components/ui/form";
import type { CorrectableType, FormField } from "@/lib/corrections";
import {
  addEvidenceAction,
  editRecordAction,
  gradeAction,
  removeAliasAction,
  removeEvidenceAction,
  restoreAction,
  retireAction,
} from "./actions";

interface Target {
  type: string;
  id: string;
  version: number;
}

function Hidden({ type, id, version }: Target) {
  return (
    <>
      <input type="hidden" name="type" value={type} />
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
    </>
  );
}

function Reason({ required, label, defaultValue }: { required: boolean; label: string; defaultValue?: string }) {
  return (
    <Label>
      {label}
      <Textarea name="reason" required={required} rows={2} maxLength={2000} defaultValue={defaultValue} />
    </Label>
  );
}

/** A form's last part: the reason for the history and the button that sends it. */
function Submit({
  required,
  reason,
  label,
  outline = false,
}: {
  required: boolean;
  reason: string;
  label: string;
  outline?: boolean;
}) {
  return (
    <>
      <Reason required={required} label={reason} />
      <div>
        <Button type="submit" variant={outline ? "outline" : "default"}>
          {label}
        </Button>
      </div>
    </>
  );
}

/** A source's reliability (A–F) or a claim's credibility (1–6), with the reason; "not graded" clears it. */
export function GradeForm({ type, id, version, current }: Target & { type: "claim" | "source"; current: string }) {
  const scale = type === "claim" ? CREDIBILITY : RELIABILITY;
  return (
    <ActionForm action={gradeAction} label={type === "claim" ? "Grade this claim" : "Grade this source"}>
      <Hidden type={type} id={id} version={version} />
      <SelectField
        label={type === "claim" ? "Credibility (1–6)" : "Reliability (A–F)"}
        name="grade"
        required
        defaultValue={current}
        choices={[
          { value: "", label: "Choose a grade", disabled: true },
          ...gradeChoices(scale),
          { value: "none", label: "Not graded (clear the grade)" },
        ]}
      />
      <Submit required reason="Why this grade (for the history)" label="Save grade" />
    </ActionForm>
  );
}

/** Every field a correction may set, filled with what the page shows; only what changes is sent. */
export function EditRecordForm({
  type,
  id,
  version,
  fields,
  values,
}: Target & { type: CorrectableType; fields: FormField[]; values: Record<string, string> }) {
  const [state, formAction, pending] = useActionState(editRecordAction, null);
  const prefix = useId();
  const typed = state && !state.ok ? state.values : null;
  return (
    <form
      action={formAction}
      aria-label={`Edit this ${type}`}
      aria-busy={pending}
      className="flex flex-col gap-3"
      onSubmit={(event) => {
        // Sent without resetting the form: a refused correction keeps what was typed.
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        startTransition(() => formAction(data));
      }}
    >
      <Hidden type={type} id={id} version={version} />
      <fieldset disabled={pending} className="contents">
        <div className="grid gap-3 sm:grid-cols-2">
          {fields.map((f) => {
            const hintId = `${prefix}-${f.field}-hint`;
            const common = {
              name: `f.${f.field}`,
              defaultValue: typed?.[f.field] ?? values[f.field] ?? "",
              "aria-describedby": f.hint ? hintId : undefined,
            };
            return (
              <div key={f.field} className={f.multiline ? "flex flex-col gap-1 sm:col-span-2" : "flex flex-col gap-1"}>
                <input type="hidden" name={`o.${f.field}`} value={values[f.field] ?? ""} />
                {f.options ? (
                  <SelectField
                    label={f.label}
                    {...common}
                    choices={choicesOf(f.options, (o) => (f.kind === "boolean" ? (o === "true" ? "yes" : "no") : o))}
                  />
                ) : (
                  <Label>
                    {f.label}
                    {f.multiline ? <Textarea {...common} rows={3} /> : <Input {...common} />}
                  </Label>
                )}
                {f.hint && (
                  <p id={hintId} className="text-xs text-muted-foreground">
                    {f.hint}
                  </p>
                )}
              </div>
            );
          })}
        </div>
        <Reason required label="Why (for the history)" defaultValue={state && !state.ok ? state.reason : undefined} />
        <div>
          <Button type="submit">Save changes</Button>
        </div>
      </fieldset>
      <ActionMessage state={state} pending={pending} />
    </form>
  );
}

/** Takes the record out of every view and export; it stays in the history and can be restored. */
export function RetireForm({ type, id, version }: Target) {
  return (
    <ActionForm action={retireAction} label={`Retire this ${type}`}>
      <Hidden type={type} id={id} version={version} />
      <Submit required reason="Why retire it (for the history)" label="Retire" outline />
    </ActionForm>
  );
}

/** One of a record's quotes, as the remove-evidence form lists it. */
export interface EvidenceChoice {
  /** `source-id:start-end`, what the action reads back. */
  span: string;
  quote: string;
  source: string;
}

/** Drops quotes from a record's evidence, with a reason; the API refuses to drop the last one. */
export function RemoveEvidenceForm({ type, id, version, quotes }: Target & { quotes: EvidenceChoice[] }) {
  return (
    <ActionForm action={removeEvidenceAction} label={`Remove evidence from this ${type}`}>
      <Hidden type={type} id={id} version={version} />
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 text-sm font-medium">The quotes to remove</legend>
        {quotes.map((q) => (
          <label key={q.span} className="flex items-start gap-2 text-sm">
            <input type="checkbox" name="remove" value={q.span} className="mt-1 size-4 shrink-0" />
            <span>
              “{q.quote}” <span className="text-muted-foreground">— {q.source}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <Submit required reason="Why remove them (for the history)" label="Remove the chosen quotes" outline />
    </ActionForm>
  );
}

/** More words for a record: the document (its own documents offered), the exact words, which occurrence. */
export function AddEvidenceForm({ type, id, version, sources }: Target & { sources: { id: string; title: string }[] }) {
  const listId = useId();
  return (
    <ActionForm action={addEvidenceAction} label={`Add evidence to this ${type}`}>
      <Hidden type={type} id={id} version={version} />
      <Label>
        Document (its id, as in its address)
        <Input name="sourceId" required list={listId} defaultValue={sources[0]?.id ?? ""} autoComplete="off" />
      </Label>
      <datalist id={listId}>
        {sources.map((s) => (
          <option key={s.id} value={s.id}>
            {s.title}
          </option>
        ))}
      </datalist>
      <Label>
        The exact words, as in the document
        <Textarea name="quote" required rows={2} maxLength={5000} />
      </Label>
      <Label>
        Which occurrence, when the words occur more than once (empty for the first)
        <Input name="occurrence" inputMode="numeric" pattern="[0-9]*" className="w-24" />
      </Label>
      <Submit required reason="Why add them (for the history)" label="Add the quote" outline />
    </ActionForm>
  );
}

/** Takes one of an actor's names away, with a reason; its own name is listed too, and refused with why. */
export function RemoveAliasForm({
  id,
  version,
  name,
  aliases,
}: Omit<Target, "type"> & { name: string; aliases: string[] }) {
  return (
    <ActionForm action={removeAliasAction} label="Remove a name of this actor">
      <Hidden type="actor" id={id} version={version} />
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 text-sm font-medium">The name to remove</legend>
        {[name, ...aliases].map((n) => (
          <label key={n} className="flex items-center gap-2 text-sm">
            <input type="radio" name="alias" value={n} required className="size-4 shrink-0" />
            <span>
              {n}
              {n === name ? <span className="text-muted-foreground"> (its primary name)</span> : null}
            </span>
          </label>
        ))}
      </fieldset>
      <Submit required reason="Why remove it (for the history)" label="Remove the name" outline />
    </ActionForm>
  );
}

/** Brings a retired record back as it was. */
export function RestoreForm({ type, id, version }: Target) {
  return (
    <ActionForm action={restoreAction} label={`Restore this ${type}`}>
      <Hidden type={type} id={id} version={version} />
      <Submit required={false} reason="Why restore it (optional, for the history)" label="Restore" />
    </ActionForm>
  );
}
