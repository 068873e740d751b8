"use client";
import { articleOccurrences, quoteAt } from "@atlas/schema";
/**
 * Annotating in the reader (shown to a signed-in reviewer). Select words in the text, then press
 * "Annotate the selected words" (a button, so a keyboard reaches it with Tab): the form opens with
 * the exact words as the quote, which of their occurrences they are, and fields prefilled from
 * them — the known actors they name, a date they state, a reporting verb that makes them a claim.
 * The quote stays editable: a keyboard user types the words instead of selecting them. The
 * server action adds the record through the workbench (records.add) and links to it.
 */
import { TriangleAlert } from "lucide-react";
import { startTransition, useActionState, useEffect, useId, useMemo, useRef, useState } from "react";
import { ActorKindField } from "@/components/actor-kind-field";
import { Button } from "@/components/ui/button";
import {
  CheckChip,
  type Choice,
  choicesOf,
  Input,
  Label,
  recordChoices,
  SelectField,
  Textarea,
} from "@/components/ui/form";
import Link from "@/components/ui/link";
import {
  ANNOTATION_KINDS,
  type AnnotationKind,
  actorsIn,
  dateIn,
  KIND_LABELS,
  type KnownActor,
  kindFor,
  type MentionSpan,
  reportingVerbIn,
  trimSpan,
} from "@/lib/annotate";
import {
  ALIAS_KINDS,
  aliasKindLabel,
  EVENT_KIND_LIST,
  kindLabel,
  RELATION_TYPE_LIST,
  relationVerb,
  STANCE_LIST,
} from "@/lib/labels";
import { type AnnotateResult, annotate } from "../actions";

export interface AnnotatorProps {
  sourceId: string;
  /** The document's text: offsets and occurrences refer to it. */
  text: string;
  segments: { start: number; end: number; article: boolean }[];
  mentions: MentionSpan[];
  actors: KnownActor[];
  /** [id, title]: the events this document is evidence for first, then the rest. */
  events: [id: string, title: string][];
  /** [id, "claimant stance: statement"]: the claims this document reports first, then the rest. */
  claims: [id: string, label: string][];
  /** The id of the element holding the text (paragraphs carry data-s, their first character's offset). */
  textId: string;
}

interface Selected {
  quote: string;
  start: number | null;
}

/** The document offsets the browser's selection covers inside the text, or null when it is elsewhere or empty. */
function selectionIn(root: HTMLElement, text: string): { start: number; end: number } | null {
  const sel = window.getSelection();
  if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
  const range = sel.getRangeAt(0);
  let start: number | null = null;
  let end: number | null = null;
  for (const p of root.querySelectorAll<HTMLElement>("p[data-s]")) {
    if (!range.intersectsNode(p)) continue;
    let at = Number(p.dataset.s);
    const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const length = node.textContent?.length ?? 0;
      if (range.intersectsNode(node)) {
        const from = node === range.startContainer ? at + range.startOffset : at;
        const to = node === range.endContainer ? at + range.endOffset : at + length;
        if (to > from) {
          start = start === null ? from : Math.min(start, from);
          end = end === null ? to : Math.max(end, to);
        }
      }
      at += length;
    }
  }
  return start === null || end === null ? null : trimSpan(text, start, end);
}

export function Annotator({ sourceId, text, segments, mentions, actors, events, claims, textId }: AnnotatorProps) {
  const [open, setOpen] = useState<Selected | null>(null);
  const [current, setCurrent] = useState<{ start: number; end: number } | null>(null);
  const openButton = useRef<HTMLButtonElement>(null);

  // The last words selected in the text: a click on the button must not lose them.
  useEffect(() => {
    const root = document.getElementById(textId);
    if (!root) return;
    const onChange = () => {
      const span = selectionIn(root, text);
      if (span) setCurrent(span);
      else if (window.getSelection()?.isCollapsed && root.contains(document.activeElement)) setCurrent(null);
    };
    document.addEventListener("selectionchange", onChange);
    return () => document.removeEventListener("selectionchange", onChange);
  }, [textId, text]);

  const start = () => {
    const root = document.getElementById(textId);
    const span = (root && selectionIn(root, text)) ?? current;
    setOpen(span ? { quote: text.slice(span.start, span.end), start: span.start } : { quote: "", start: null });
  };

  const preview = current ? text.slice(current.start, current.end) : "";
  return (
    <section aria-label="Annotate" className="flex flex-col gap-3 rounded-lg border bg-card p-3">
      <div className="flex flex-wrap items-center gap-2">
        <Button
          ref={openButton}
          type="button"
          onClick={start}
          aria-expanded={open !== null}
          aria-controls="annotate-form"
        >
          Annotate the selected words
        </Button>
        <p className="min-w-0 flex-1 text-xs text-muted-foreground" aria-live="polite">
          {preview ? (
            <>
              Selected: <q className="font-serif">{preview.length > 90 ? `${preview.slice(0, 89)}…` : preview}</q>
            </>
          ) : (
            "Select words in the text, or press the button and type them: they become a record's evidence."
          )}
        </p>
      </div>
      {open && (
        <AnnotateForm
          key={`${open.start}:${open.quote}`}
          selected={open}
          sourceId={sourceId}
          text={text}
          segments={segments}
          mentions={mentions}
          actors={actors}
          events={events}
          claims={claims}
          onClose={() => {
            setOpen(null);
            openButton.current?.focus();
          }}
        />
      )}
    </section>
  );
}

/** A choice of actor: those the words name first, then every actor. */
function ActorField({
  label,
  name,
  defaultValue,
  actors,
  found,
  required = true,
}: {
  label: string;
  name: string;
  defaultValue: string;
  actors: KnownActor[];
  found: string[];
  required?: boolean;
}) {
  const byId = new Map(actors.map((a) => [a.id, a]));
  return (
    <SelectField
      label={label}
      name={name}
      defaultValue={defaultValue}
      required={required}
      empty="— choose an actor —"
      choices={[
        { group: "Named in these words", choices: found.map((id) => ({ value: id, label: byId.get(id)?.name ?? id })) },
        { group: "Every actor", choices: recordChoices(actors, (a) => a.name) },
      ]}
    />
  );
}

/** [id, label] pairs (events, claims) as choices. */
const pairChoices = (pairs: [id: string, label: string][]): Choice[] =>
  pairs.map(([value, label]) => ({ value, label }));

function AnnotateForm({
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
  const [quote, setQuote] = useState(selected.quote);
  const typed = quote.trim();
  // The selection's own start, while the quote is still the selected words.
  const at = typed === selected.quote ? selected.start : null;
  const count = useMemo(() => articleOccurrences(text, segments, typed).length, [text, segments, typed]);
  // Which occurrence the selected words are, by the rule the API resolves a quote with (given when there are several).
  const occurrence = useMemo(
    () => (at === null ? null : (quoteAt({ text, segments }, at, at + typed.length)?.occurrence ?? null)),
    [text, segments, typed, at],
  );
  // Prefill once: from the selected words the form opened with, or — opened without a selection —
  // from the words first typed, when the quote field is left before anything else was filled in.
  // Later edits of the quote keep whatever was filled in below.
  const [basis, setBasis] = useState(selected.quote);
  const prefill = useMemo(() => {
    const from = basis === selected.quote ? selected.start : (articleOccurrences(text, segments, basis)[0] ?? null);
    const span = from === null ? null : { start: from, end: from + basis.length };
    const verb = reportingVerbIn(basis);
    const found = actorsIn(basis, span, mentions, actors);
    return {
      verb,
      found,
      date: dateIn(basis),
      kind: basis ? kindFor(verb, found, basis) : ("claim" as AnnotationKind),
    };
  }, [basis, selected, text, segments, mentions, actors]);
  const [kind, setKind] = useState<AnnotationKind>(prefill.kind);
  // Whether anything below the quote was filled in yet: a prefill never overwrites it.
  const touched = useRef(false);
  const rebase = () => {
    if (!typed || basis !== "" || touched.current) return;
    setBasis(typed);
    const verb = reportingVerbIn(typed);
    setKind(kindFor(verb, actorsIn(typed, null, mentions, actors), typed));
  };
  const [eventId, setEventId] = useState("");
  const ids = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const resultLink = useRef<HTMLAnchorElement>(null);

  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>("textarea, select, input:not([type=hidden])")?.focus();
  }, []);
  useEffect(() => {
    if (state?.ok && state.href) resultLink.current?.focus();
  }, [state]);

  const byId = new Map(actors.map((a) => [a.id, a]));
  const claimant = prefill.found[0] ?? "";
  const dateValue = prefill.date?.date ?? "";
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
        if (target instanceof HTMLElement && target.getAttribute("name") !== "quote") touched.current = true;
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
        <Label>
          The exact words (the evidence)
          <Textarea
            name="quote"
            value={quote}
            onChange={(e) => setQuote(e.target.value)}
            onBlur={rebase}
            rows={Math.min(6, Math.max(2, Math.ceil(quote.length / 80)))}
            className="font-serif"
            required
            aria-describedby={`${ids}-occ`}
          />
        </Label>
        <p id={`${ids}-occ`} className="text-xs text-muted-foreground" aria-live="polite">
          {!typed
            ? "Type the words exactly as the document has them, or select them in the text and press Annotate again."
            : count === 0
              ? "These words are not in the document's article text as typed: the atlas will refuse them. Check spaces and quotation marks."
              : count === 1
                ? "These words occur once in the document."
                : `These words occur ${count} times in the document: say which one is meant.`}
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
        <SelectField
          label="Make them"
          className="max-w-md"
          name="kind"
          value={kind}
          onChange={(e) => setKind(e.target.value as AnnotationKind)}
          choices={choicesOf(ANNOTATION_KINDS, (k) => KIND_LABELS[k])}
        />
        <div key={basis} className="contents">
          {(prefill.verb || prefill.found.length > 0 || prefill.date) && (
            <p className="text-xs text-muted-foreground" data-testid="prefill">
              Found in the words:{" "}
              {[
                prefill.verb && `the reporting verb “${prefill.verb.word}” (${prefill.verb.stance})`,
                prefill.found.length > 0 && `${prefill.found.map((id) => byId.get(id)?.name ?? id).join(", ")}`,
                prefill.date && `the date “${prefill.date.words}” (${prefill.date.date})`,
              ]
                .filter(Boolean)
                .join("; ")}
              .
            </p>
          )}

          {kind === "claim" && (
            <div className="grid gap-3 sm:grid-cols-2">
              <ActorField
                label="Who makes the claim"
                name="claimantId"
                defaultValue={claimant}
                actors={actors}
                found={prefill.found}
              />
              <SelectField
                label="Stance"
                name="stance"
                defaultValue={prefill.verb?.stance ?? "asserts"}
                required
                choices={choicesOf(STANCE_LIST, (k) => k)}
              />
              <Label className="sm:col-span-2">
                What the claim says (in your words)
                <Textarea name="statement" defaultValue={basis.replace(/\s+/g, " ")} rows={2} required />
              </Label>
              <fieldset className="flex flex-col gap-1.5 sm:col-span-2">
                <legend className="mb-1 text-xs font-medium text-muted-foreground">What it is about</legend>
                <div className="flex flex-wrap gap-1.5">
                  {prefill.found.map((id) => (
                    <CheckChip key={id} name="aboutActorIds" value={id} defaultChecked={id !== claimant}>
                      {byId.get(id)?.name ?? id}
                    </CheckChip>
                  ))}
                </div>
                <ActorField
                  label="Another actor it is about"
                  name="aboutActorIds"
                  defaultValue=""
                  required={false}
                  actors={actors}
                  found={[]}
                />
              </fieldset>
              <Label>
                When it was said (YYYY-MM-DD, or as written)
                <Input name="said" defaultValue={dateValue} placeholder="e.g. 2021-03-09" />
              </Label>
              <SelectField
                label="An event it is about"
                name="aboutEventIds"
                defaultValue=""
                empty="— none —"
                choices={pairChoices(events)}
              />
              <SelectField
                label="A claim it supports"
                name="supportsIds"
                defaultValue=""
                empty="— none —"
                choices={pairChoices(claims)}
              />
              <SelectField
                label="A claim it contradicts"
                name="contradictsIds"
                defaultValue=""
                empty="— none —"
                choices={pairChoices(claims)}
              />
            </div>
          )}

          {(kind === "mention" || kind === "alias") && (
            <div className="grid gap-3 sm:grid-cols-2">
              <ActorField
                label={kind === "mention" ? "The actor the words name" : "The actor this is another name of"}
                name="actorId"
                defaultValue={prefill.found[0] ?? ""}
                actors={actors}
                found={prefill.found}
              />
              {kind === "alias" && (
                <>
                  <SelectField
                    label="What kind of name"
                    name="aliasKind"
                    defaultValue="spelling"
                    choices={choicesOf(ALIAS_KINDS, aliasKindLabel)}
                  />
                  <CheckChip name="documentOnly" className="self-start">
                    Only in this document (a first name, say)
                  </CheckChip>
                </>
              )}
            </div>
          )}

          {kind === "event" && (
            <div className="grid gap-3 sm:grid-cols-2">
              <SelectField
                label="The event these words are about"
                className="sm:col-span-2"
                name="eventId"
                value={eventId}
                onChange={(e) => setEventId(e.target.value)}
                empty="— a new event —"
                choices={pairChoices(events)}
              />
              {eventId === "" && (
                <>
                  <SelectField
                    label="Kind"
                    name="eventKind"
                    defaultValue=""
                    required
                    empty="— choose —"
                    choices={choicesOf(EVENT_KIND_LIST, kindLabel)}
                  />
                  <Label>
                    When (YYYY-MM-DD, or as written)
                    <Input name="time" defaultValue={dateValue} required />
                  </Label>
                  <Label className="sm:col-span-2">
                    Title
                    <Input name="title" required />
                  </Label>
                </>
              )}
            </div>
          )}

          {kind === "relation" && (
            <div className="grid gap-3 sm:grid-cols-3">
              <ActorField
                label="From"
                name="fromId"
                defaultValue={prefill.found[0] ?? ""}
                actors={actors}
                found={prefill.found}
              />
              <SelectField
                label="Relation"
                name="relationType"
                defaultValue=""
                required
                empty="— choose —"
                choices={choicesOf(RELATION_TYPE_LIST, relationVerb)}
              />
              <ActorField
                label="To"
                name="toId"
                defaultValue={prefill.found[1] ?? ""}
                actors={actors}
                found={prefill.found}
              />
              <Label>
                Since when (optional)
                <Input name="time" defaultValue={dateValue} />
              </Label>
            </div>
          )}

          {kind === "actor" && (
            <div className="grid gap-3 sm:grid-cols-2">
              <Label>
                Name (the words, unless given)
                <Input name="name" defaultValue={basis.replace(/\s+/g, " ")} />
              </Label>
              <ActorKindField name="actorKind" />
              <Label className="sm:col-span-2">
                Description
                <Textarea name="description" rows={2} required />
              </Label>
            </div>
          )}
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
      {!pending && state && !state.ok && (
        <p role="alert" className="flex gap-2 rounded-md border border-danger/40 bg-card px-3 py-2 text-sm">
          <TriangleAlert aria-hidden className="mt-0.5 size-4 shrink-0 text-danger" />
          <span>{state.message}</span>
        </p>
      )}
    </form>
  );
}
