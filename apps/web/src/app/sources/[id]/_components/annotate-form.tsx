/**
 * The form the reader's "Annotate the selected words" opens (annotator.tsx): the quote and which of
 * its occurrences it is, the kind of record to make of it with that kind's fields, and what saving
 * did. The quote's state and the prefill are use-annotation-draft.ts; the fields annotate-fields.tsx.
 */
import { startTransition, useActionState, useEffect, useId, useRef, useState } from "react";
import { ActionAlert } from "@/app/review/_components/action-form";
import { Button } from "@/components/ui/button";
import { choicesOf, Input, Label, SelectField, Textarea } from "@/components/ui/form";
import Link from "@/components/ui/link";
import { ANNOTATION_KINDS, type AnnotationKind, KIND_LABELS } from "@/lib/annotate";
import { type AnnotateResult, annotate } from "../actions";
import {
  ClaimFields,
  EventFields,
  NamedActorFields,
  NewActorFields,
  PrefillNote,
  RelationFields,
} from "./annotate-fields";
import type { AnnotatorProps } from "./annotator";
import { type Selected, useAnnotationDraft } from "./use-annotation-draft";

/** What the form says of the typed words: to type them, that the document lacks them, or how often it has them. */
function occurrenceNote(typed: string, count: number): string {
  if (!typed)
    return "Type the words exactly as the document has them, or select them in the text and press Annotate again.";
  if (count === 0)
    return "These words are not in the document's article text as typed: the atlas will refuse them. Check spaces and quotation marks.";
  if (count === 1) return "These words occur once in the document.";
  return `These words occur ${count} times in the document: say which one is meant.`;
}

export function AnnotateForm({
  selected,
  sourceId,
  text,
  segments,
  mentions,
  actors,
  events,
  claims,
  onClose,
}: Omit<AnnotatorProps, "textId"> & { selected: Selected; onClose: () => void }) {
  const [state, formAction, pending] = useActionState<AnnotateResult | null, FormData>(annotate, null);
  const draft = useAnnotationDraft({ selected, text, segments, mentions, actors });
  const { prefill, kind, basis } = draft;
  const [eventId, setEventId] = useState("");
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>("textarea, select, input:not([type=hidden])")?.focus();
  }, []);

  const byId = new Map(actors.map((a) => [a.id, a]));
  const name = (id: string) => byId.get(id)?.name ?? id;
  return (
    <form
      id="annotate-form"
      ref={formRef}
      action={formAction}
      aria-label="Annotate these words"
      aria-busy={pending}
      className="flex flex-col gap-3 border-t pt-3"
      onChange={(e) => {
        const target: EventTarget = e.target;
        if (target instanceof HTMLElement && target.getAttribute("name") !== "quote") draft.touch();
      }}
      onKeyDown={(e) => {
        if (e.key === "Escape") {
          e.preventDefault();
          onClose();
        }
      }}
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        startTransition(() => formAction(data));
      }}
    >
      <input type="hidden" name="sourceId" value={sourceId} />
      <fieldset disabled={pending} className="contents">
        <QuoteFields
          quote={draft.quote}
          setQuote={draft.setQuote}
          onBlur={draft.rebase}
          typed={draft.typed}
          count={draft.count}
          occurrence={draft.occurrence}
        />
        <SelectField
          label="Make them"
          className="max-w-md"
          name="kind"
          value={kind}
          onChange={(e) => draft.setKind(e.target.value as AnnotationKind)}
          choices={choicesOf(ANNOTATION_KINDS, (k) => KIND_LABELS[k])}
        />
        <div key={basis} className="contents">
          <PrefillNote prefill={prefill} name={name} />
          {kind === "claim" && (
            <ClaimFields prefill={prefill} basis={basis} actors={actors} events={events} claims={claims} name={name} />
          )}
          {(kind === "mention" || kind === "alias") && (
            <NamedActorFields kind={kind} prefill={prefill} actors={actors} />
          )}
          {kind === "event" && (
            <EventFields prefill={prefill} events={events} eventId={eventId} setEventId={setEventId} />
          )}
          {kind === "relation" && <RelationFields prefill={prefill} actors={actors} />}
          {kind === "actor" && <NewActorFields basis={basis} />}
        </div>
        <Label>
          Why (optional, for the history)
          <Input name="reason" />
        </Label>
        <div className="flex flex-wrap gap-2">
          <Button type="submit">Save</Button>
          <Button type="button" variant="outline" onClick={onClose}>
            Close
          </Button>
        </div>
      </fieldset>
      <SaveOutcome state={state} pending={pending} />
    </form>
  );
}

/** The quote (the evidence), what the document makes of it, and — when it occurs more than once — which occurrence. */
function QuoteFields({
  quote,
  setQuote,
  onBlur,
  typed,
  count,
  occurrence,
}: {
  quote: string;
  setQuote: (quote: string) => void;
  onBlur: () => void;
  /** The quote without the spaces at its ends: what the document is searched for. */
  typed: string;
  /** How often the document's article text has the words. */
  count: number;
  /** Which occurrence the selected words are, when known. */
  occurrence: number | null;
}) {
  const ids = useId();
  return (
    <>
      <Label>
        The exact words (the evidence)
        <Textarea
          name="quote"
          value={quote}
          onChange={(e) => setQuote(e.target.value)}
          onBlur={onBlur}
          rows={Math.min(6, Math.max(2, Math.ceil(quote.length / 80)))}
          className="font-serif"
          required
          aria-describedby={`${ids}-occ`}
        />
      </Label>
      <p id={`${ids}-occ`} className="text-xs text-muted-foreground" aria-live="polite">
        {occurrenceNote(typed, count)}
      </p>
      {count > 1 && (
        <Label className="max-w-48">
          Which occurrence (1–{count})
          <Input
            name="occurrence"
            type="number"
            min={1}
            max={count}
            defaultValue={occurrence ?? undefined}
            key={`${typed}:${occurrence}`}
            required
          />
        </Label>
      )}
    </>
  );
}

/** What saving did: "Saving…", then the message with a link to the record (focused, so it is heard), or why it was refused. */
function SaveOutcome({ state, pending }: { state: AnnotateResult | null; pending: boolean }) {
  const resultLink = useRef<HTMLAnchorElement>(null);
  useEffect(() => {
    if (state?.ok && state.href) resultLink.current?.focus();
  }, [state]);
  return (
    <>
      <p role="status" className="text-sm empty:hidden">
        {pending ? "Saving…" : state?.ok ? state.message : ""}
        {!pending && state?.ok && state.href && (
          <>
            {" "}
            <Link ref={resultLink} href={state.href} className="font-medium text-primary underline">
              {state.linkText}
            </Link>
          </>
        )}
      </p>
      {!pending && state && !state.ok && <ActionAlert message={state.message} />}
    </>
  );
}
