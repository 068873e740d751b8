/**
 * One suggestion: its words in context, what was found (with the reviewer's edits applied), what
 * accepting it would create — or why it cannot be accepted yet and what to do — and the
 * reviewer's controls. Suggested items are outlined with dashes and badged "Suggestion" so they
 * never pass for curated facts. Text is rendered as text. The values shown are the API's
 * (effective values and preview from the review model): nothing is recomputed here.
 *
 * Every control carries a key (`data-key`) for the page's keyboard review (review-keys.tsx).
 */
import { ArrowUpRight, Pencil } from "lucide-react";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { Button, ButtonLink } from "@/components/ui/button";
import Link from "@/components/ui/link";
import { spanHref } from "@/lib/links";
import { contextOf, recordLink, waitsFor } from "@/lib/review";
import type { RecordRef, Suggestion } from "@/lib/types";
import { cn } from "@/lib/utils";
import { ActionForm } from "../../_components/action-form";
import { StatusBadge } from "../../_components/suggestion-badge";
import { reviewSuggestion } from "../../actions";
import { type CardContext, cardId, isKind } from "./card-context";
import { Found, titleOf } from "./found";

const sentence = (s: string) => `${s.charAt(0).toUpperCase()}${s.slice(1)}${/[.!?…”]$/.test(s) ? "" : "."}`;

/** What accepting would do, in the model's words; a blocked one says why and what to do. */
function Outlook({ s, ctx }: { s: Suggestion; ctx: CardContext }) {
  const { text, blocked } = s.preview;
  const candidate = waitsFor(s, ctx.actorSuggestions);
  return (
    <div className="flex flex-col gap-1">
      <p data-preview>{sentence(text)}</p>
      {blocked && (
        <p id={`${cardId(s.id)}-blocked`} data-blocked className="rounded-md bg-warning-bg px-2 py-1 text-warning-fg">
          <strong className="font-semibold">Cannot be accepted as it stands:</strong> {sentence(blocked)}
          {candidate && (
            <>
              {" "}
              <Link href={ctx.cardHref(candidate, "actor")} className="font-medium underline">
                Go to that candidate actor
              </Link>
              .
            </>
          )}
          {ctx.canWrite && (
            <>
              {" "}
              <Link href={ctx.editHref(s.id)} className="font-medium underline">
                Edit it
              </Link>
              .
            </>
          )}
        </p>
      )}
    </div>
  );
}

/** A created record's name in words: the actor's name, the claim's statement, the event's title. */
function recordLabel(r: RecordRef, s: Suggestion, ctx: CardContext): string {
  const v = s.effective;
  if (r.type === "actor" || r.type === "alias") return ctx.actors.get(r.recordId)?.name ?? r.recordId;
  if (r.type === "mention") return `“${s.quote}”`;
  if (r.type === "claim" && v.kind === "statement") return `“${v.statement}”`;
  if (r.type === "event" && (v.kind === "date" || v.kind === "event")) return v.title;
  if (r.type === "event-evidence") return ctx.events.get(r.recordId)?.title ?? r.recordId;
  return r.recordId;
}

function Created({ s, ctx }: { s: Suggestion; ctx: CardContext }) {
  if (s.records.length === 0) return <p className="text-muted-foreground">Accepted; it created no new record.</p>;
  return (
    <ul className="flex flex-col gap-1" aria-label="Records created">
      {s.records.map((r) => {
        const link = recordLink(r, s);
        return (
          <li key={`${r.type}:${r.recordId}`} className="flex flex-wrap items-baseline gap-x-1.5">
            <span className="text-muted-foreground">Created the {link.what}:</span>
            <Link
              href={link.href}
              data-record={r.type}
              className="inline-flex items-center gap-0.5 font-medium text-primary hover:underline"
            >
              {recordLabel(r, s, ctx)}
              <ArrowUpRight aria-hidden className="size-3" />
            </Link>
          </li>
        );
      })}
    </ul>
  );
}

interface Choice {
  key: string;
  label: string;
  /** The field's value this choice submits ("" for none). */
  value: string;
  current: boolean;
}

/**
 * Accepting one of a few values of one field, in one click (or key): a mention's candidate
 * actors, or "this document's account of <event>" against "a new event". Each button submits the
 * field itself (`f.<field>`) beside what the card showed (`o.<field>`), as the edit form does.
 */
function ChoiceForm({ s, field, shown, choices }: { s: Suggestion; field: string; shown: string; choices: Choice[] }) {
  return (
    <ActionForm action={reviewSuggestion}>
      <input type="hidden" name="id" value={s.id} />
      <input type="hidden" name="kind" value={s.kind} />
      <input type="hidden" name="edit" value="1" />
      <input type="hidden" name="intent" value="accept" />
      <input type="hidden" name={`o.${field}`} value={shown} />
      <div className="flex flex-wrap gap-2">
        {choices.map((c) => (
          <Button
            key={c.key}
            type="submit"
            name={`f.${field}`}
            value={c.value}
            size="sm"
            variant={c.current ? "default" : "outline"}
            data-key={c.key}
            data-current={c.current || undefined}
            aria-keyshortcuts={c.key}
            aria-describedby={`${cardId(s.id)}-label`}
            className="h-auto min-h-8 py-1 whitespace-normal text-left"
          >
            {c.label}
            <kbd className="ml-1 rounded border px-1 text-[0.65rem] font-normal opacity-80">{c.key}</kbd>
          </Button>
        ))}
      </div>
    </ActionForm>
  );
}

/** The one-click choices a suggestion offers before the plain Accept, if any. */
function choicesOf(s: Suggestion, ctx: CardContext): { field: string; shown: string; choices: Choice[] } | null {
  if (isKind(s, "mention") && s.proposal.candidates.length > 1) {
    return {
      field: "actorId",
      shown: s.effective.actorId ?? "",
      choices: s.proposal.candidates.slice(0, 9).map((c, i) => ({
        key: String(i + 1),
        label: `Accept as ${ctx.actors.get(c.actorId)?.name ?? c.actorName}`,
        value: c.actorId,
        current: s.effective.actorId === c.actorId,
      })),
    };
  }
  const match = isKind(s, "event")
    ? { field: "eventId", held: s.proposal.corroborates, now: s.effective.eventId, what: "event" }
    : isKind(s, "relation")
      ? { field: "relationId", held: s.proposal.existing, now: s.effective.relationId, what: "relation" }
      : null;
  if (!match?.held) return null;
  const merge = match.now === match.held.id;
  return {
    field: match.field,
    shown: match.now ?? "",
    choices: [
      {
        key: "m",
        label:
          match.what === "event"
            ? `Add as this document’s account of “${match.held.title}”`
            : `Add these words as evidence of “${match.held.title}”`,
        value: match.held.id,
        current: merge,
      },
      { key: "c", label: `Accept as a new ${match.what}`, value: "", current: !merge && match.now === null },
    ],
  };
}

/** Reject, in the card's controls and in its edit form alike (key r). */
export function RejectButton({ describedBy }: { describedBy?: string }) {
  return (
    <Button
      type="submit"
      name="intent"
      value="reject"
      size="sm"
      variant="outline"
      data-key="r"
      aria-keyshortcuts="r"
      aria-describedby={describedBy}
    >
      Reject
    </Button>
  );
}

function Controls({ s, ctx, editPanel }: { s: Suggestion; ctx: CardContext; editPanel?: ReactNode }) {
  if (editPanel) return editPanel;
  const choice = choicesOf(s, ctx);
  const describedBy = [`${cardId(s.id)}-label`, s.preview.blocked ? `${cardId(s.id)}-blocked` : null]
    .filter(Boolean)
    .join(" ");
  return (
    <div className="flex flex-col gap-2">
      {choice && <ChoiceForm s={s} {...choice} />}
      <ActionForm action={reviewSuggestion}>
        <input type="hidden" name="id" value={s.id} />
        <input type="hidden" name="kind" value={s.kind} />
        <div className="flex flex-wrap gap-2">
          {!choice && (
            <Button
              type="submit"
              name="intent"
              value="accept"
              size="sm"
              data-key="a"
              aria-keyshortcuts="a"
              aria-describedby={describedBy}
            >
              Accept
            </Button>
          )}
          <RejectButton describedBy={`${cardId(s.id)}-label`} />
          <ButtonLink
            href={ctx.editHref(s.id)}
            size="sm"
            variant="ghost"
            data-key="e"
            aria-keyshortcuts="e"
            aria-describedby={`${cardId(s.id)}-label`}
          >
            <Pencil aria-hidden />
            Edit
          </ButtonLink>
        </div>
      </ActionForm>
    </div>
  );
}

export function SuggestionCard({ s, ctx, editPanel }: { s: Suggestion; ctx: CardContext; editPanel?: ReactNode }) {
  const c = contextOf(ctx.text, s.start, s.end);
  const pending = s.status === "suggested";
  return (
    <article
      id={cardId(s.id)}
      data-suggestion={s.id}
      data-kind={s.kind}
      data-status={s.status}
      aria-labelledby={`${cardId(s.id)}-label`}
      tabIndex={-1}
      className={cn(
        "flex scroll-mt-4 flex-col gap-3 rounded-lg border bg-card p-4 text-sm focus-visible:outline-2 focus-visible:outline-ring",
        pending && "border-2 border-dashed",
        s.status === "rejected" && "bg-muted/40",
      )}
    >
      <header className="flex flex-wrap items-center gap-2">
        <StatusBadge status={s.status} />
        <h3 id={`${cardId(s.id)}-label`} className="font-medium">
          {titleOf(s, ctx)}
        </h3>
        {s.edit && pending && <Badge variant="outline">edited</Badge>}
      </header>
      <figure className="flex flex-col gap-1">
        <blockquote className="border-l-2 border-dashed border-primary/60 pl-3 font-serif text-[0.95rem] leading-relaxed">
          <span className="text-muted-foreground">
            {c.cutBefore && "…"}
            {c.before}
          </span>
          <mark className="search-hit">{c.quote}</mark>
          <span className="text-muted-foreground">
            {c.after}
            {c.cutAfter && "…"}
          </span>
        </blockquote>
        <figcaption className="pl-3 text-xs">
          <Link
            href={spanHref(s.sourceId, s.start, s.end)}
            className="inline-flex items-center gap-0.5 font-medium text-primary hover:underline"
          >
            Read in context
            <ArrowUpRight aria-hidden className="size-3" />
          </Link>
        </figcaption>
      </figure>
      <Found s={s} ctx={ctx} />
      <div className="flex flex-col gap-1">
        <h4 className="text-xs font-medium text-muted-foreground">
          {pending ? "If accepted" : s.status === "accepted" ? "Accepted" : "Rejected: nothing was created"}
        </h4>
        {s.status === "accepted" ? <Created s={s} ctx={ctx} /> : pending ? <Outlook s={s} ctx={ctx} /> : null}
        {s.edit && pending && <p className="text-xs text-muted-foreground">Shown with the reviewer’s saved changes.</p>}
        {s.reviewNote && <p className="text-xs text-muted-foreground">Note: {s.reviewNote}</p>}
      </div>
      {pending && ctx.canWrite && <Controls s={s} ctx={ctx} editPanel={editPanel} />}
    </article>
  );
}
