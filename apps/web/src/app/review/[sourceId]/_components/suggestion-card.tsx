/**
 * One suggestion: its words in context, what accepting it would create (or what it created),
 * and the reviewer's controls. Suggested items are outlined with dashes and badged "Suggestion"
 * so they never pass for curated facts. Text is rendered as text.
 */
import { ArrowUpRight, Pencil } from "lucide-react";
import type { ReactNode } from "react";
import { ActorLink } from "@/components/actor-link";
import { TimeText } from "@/components/time";
import { Badge } from "@/components/ui/badge";
import { Button, ButtonLink } from "@/components/ui/button";
import Link from "@/components/ui/link";
import { kindLabel, roleLabel, stanceDescription } from "@/lib/labels";
import { eventHref, placeHref, spanHref } from "@/lib/links";
import { acceptedSpeaker, contextOf, effectiveValues, recordLink } from "@/lib/review";
import type { ActorRef, RecordRef, Suggestion } from "@/lib/types";
import { cn, plural, words } from "@/lib/utils";
import { ActionForm } from "../../_components/action-form";
import { StatusBadge } from "../../_components/suggestion-badge";
import { reviewSuggestion } from "../../actions";

export interface CardContext {
  text: string;
  actors: Map<string, ActorRef>;
  /** The document's candidate-actor suggestions, to link a statement's unknown speaker to one. */
  actorSuggestions: Suggestion[];
  canWrite: boolean;
  /** The page's address with ?edit= set to a suggestion (and its anchor). */
  editHref: (id: string) => string;
}

export const cardId = (id: string) => `s-${id}`;

function Actor({ id, actors }: { id: string; actors: Map<string, ActorRef> }) {
  const actor = actors.get(id);
  return actor ? (
    <ActorLink actor={actor} />
  ) : (
    <span>
      <code>{id}</code> <span className="text-muted-foreground">(no such actor)</span>
    </span>
  );
}

function Words({ children }: { children: ReactNode }) {
  return <q className="font-serif">{children}</q>;
}

/** What accepting would create, from the proposal with the saved edit on top. */
function Preview({ s, ctx }: { s: Suggestion; ctx: CardContext }) {
  const v = effectiveValues(s);
  switch (v.kind) {
    case "mention":
      return (
        <p>
          A mention of <Actor id={v.actorId} actors={ctx.actors} /> for the words <Words>{s.quote}</Words>.
        </p>
      );
    case "actor":
      if (v.mergeInto) {
        return (
          <p>
            The name <Words>{v.name}</Words> as a {words(v.aliasKind)} of <Actor id={v.mergeInto} actors={ctx.actors} />
            , with this passage as evidence and every occurrence here as a mention.
          </p>
        );
      }
      return (
        <div className="flex flex-col gap-1">
          <p>
            A new actor, <strong>{v.name}</strong> ({kindLabel(v.actorKind).toLowerCase()}
            {v.proposal.title ? `; title “${v.proposal.title}”` : ""}
            {v.id ? `; id ${v.id}` : ""}), with this passage as its evidence. Description: {v.description}
          </p>
          <p className="text-muted-foreground">
            {v.proposal.shortNames.length > 0 && (
              <>
                Also called here: {v.proposal.shortNames.map((n) => `“${n}”`).join(", ")} (kept as names used only in
                this document).{" "}
              </>
            )}
            Its {plural(v.proposal.occurrences, "occurrence")} in the article become mentions.
          </p>
        </div>
      );
    case "date":
      if (v.eventId) {
        return (
          <p>
            The sentence as further evidence for the event{" "}
            <Link href={eventHref(v.eventId)} className="font-medium text-primary hover:underline">
              {v.eventId}
            </Link>{" "}
            (corroboration).
          </p>
        );
      }
      return (
        <div className="flex flex-col gap-1">
          <p>
            A new event ({words(v.eventKind)}) dated <TimeText time={v.time} />,{" "}
            {v.title ? (
              <>
                titled <Words>{v.title}</Words>
              </>
            ) : (
              "titled with the sentence’s first words"
            )}
            , with this sentence as its evidence:
          </p>
          <blockquote className="border-l-2 border-dashed pl-3 font-serif text-muted-foreground">
            {v.proposal.sentence.quote}
          </blockquote>
          {(v.placeId || v.participants.length > 0) && (
            <p className="text-muted-foreground">
              {v.placeId && (
                <>
                  Place:{" "}
                  <Link href={placeHref(v.placeId)} className="text-primary hover:underline">
                    {v.placeId}
                  </Link>
                  .{" "}
                </>
              )}
              {v.participants.map((p, i) => (
                <span key={`${p.actorId}:${p.role}`}>
                  {i > 0 ? ", " : "Participants: "}
                  <Actor id={p.actorId} actors={ctx.actors} /> ({roleLabel(p.role)})
                </span>
              ))}
            </p>
          )}
        </div>
      );
    case "statement": {
      const speaker = v.claimantId ? null : acceptedSpeaker(v.proposal, ctx.actorSuggestions);
      const claimant = v.claimantId ?? speaker?.actorId ?? null;
      return (
        <div className="flex flex-col gap-1">
          <p>
            A claim —{" "}
            {claimant ? (
              <Actor id={claimant} actors={ctx.actors} />
            ) : (
              <strong>{v.proposal.claimantName ?? v.proposal.speaker}</strong>
            )}{" "}
            <span title={stanceDescription(v.stance)}>{v.stance}</span>: <Words>{v.statement}</Words>
          </p>
          <p className="text-muted-foreground">
            {v.proposal.mode === "direct" ? "Direct quote" : "Reported speech"}, attributed by the words{" "}
            <Words>{v.proposal.attribution.quote}</Words>
            {v.said ? (
              <>
                ; said <TimeText time={v.said} />
              </>
            ) : (
              "; when it was said is not given"
            )}
            {v.aboutActorIds.length > 0 && (
              <>
                ; about{" "}
                {v.aboutActorIds.map((id, i) => (
                  <span key={id}>
                    {i > 0 && ", "}
                    <Actor id={id} actors={ctx.actors} />
                  </span>
                ))}
              </>
            )}
            .
          </p>
          {!claimant && (
            <p className="rounded-md bg-warning-bg px-2 py-1 text-warning-fg">
              The speaker is not an actor in the atlas yet, so this cannot be accepted as it stands.{" "}
              {speaker ? (
                <>
                  Accept the{" "}
                  <a href={`#${cardId(speaker.suggestionId)}`} className="font-medium underline">
                    possible new actor “{v.proposal.claimantName}”
                  </a>{" "}
                  first, or choose the speaker under Edit.
                </>
              ) : (
                "Choose the speaker under Edit."
              )}
            </p>
          )}
        </div>
      );
    }
  }
}

/** A created record's name in words: the actor's name, the claim's statement, the event's title. */
function recordLabel(r: RecordRef, s: Suggestion, ctx: CardContext): string {
  const v = effectiveValues(s);
  if (r.type === "actor" || r.type === "alias") return ctx.actors.get(r.recordId)?.name ?? r.recordId;
  if (r.type === "mention") return `“${s.quote}”`;
  if (r.type === "claim" && v.kind === "statement") return `“${v.statement}”`;
  if (r.type === "event" && v.kind === "date" && v.title) return v.title;
  return r.recordId;
}

function Created({ s, ctx }: { s: Suggestion; ctx: CardContext }) {
  if (s.records.length === 0) return <p className="text-muted-foreground">Accepted; it created no new record.</p>;
  return (
    <ul className="flex flex-col gap-1" aria-label="Records created">
      {s.records.map((r) => {
        const link = recordLink(r, s);
        const label = recordLabel(r, s, ctx);
        return (
          <li key={`${r.type}:${r.recordId}`} className="flex flex-wrap items-baseline gap-x-1.5">
            <span className="text-muted-foreground">Created the {link.what}:</span>
            <Link
              href={link.href}
              data-record={r.type}
              className="inline-flex items-center gap-0.5 font-medium text-primary hover:underline"
            >
              {label}
              <ArrowUpRight aria-hidden className="size-3" />
            </Link>
          </li>
        );
      })}
    </ul>
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
      className={cn(
        "flex scroll-mt-4 flex-col gap-3 rounded-lg border bg-card p-4 text-sm",
        pending && "border-2 border-dashed",
        s.status === "rejected" && "bg-muted/40",
      )}
    >
      <header className="flex flex-wrap items-center gap-2">
        <StatusBadge status={s.status} />
        <h3 id={`${cardId(s.id)}-label`} className="font-medium">
          {s.label}
        </h3>
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
      <div className="flex flex-col gap-1">
        <h4 className="text-xs font-medium text-muted-foreground">
          {pending ? "Accepting would create" : s.status === "accepted" ? "Accepted" : "Rejected: nothing was created"}
        </h4>
        {s.status === "accepted" ? <Created s={s} ctx={ctx} /> : <Preview s={s} ctx={ctx} />}
        {s.edit && pending && (
          <p className="text-xs text-muted-foreground">
            <Badge variant="outline">edited</Badge> The reviewer’s changes are shown above.
          </p>
        )}
        {s.reviewNote && <p className="text-xs text-muted-foreground">Note: {s.reviewNote}</p>}
      </div>
      {pending &&
        ctx.canWrite &&
        (editPanel ?? (
          <ActionForm action={reviewSuggestion}>
            <input type="hidden" name="id" value={s.id} />
            <input type="hidden" name="kind" value={s.kind} />
            <div className="flex flex-wrap gap-2">
              <Button type="submit" name="intent" value="accept" size="sm" aria-describedby={`${cardId(s.id)}-label`}>
                Accept
              </Button>
              <Button
                type="submit"
                name="intent"
                value="reject"
                size="sm"
                variant="outline"
                aria-describedby={`${cardId(s.id)}-label`}
              >
                Reject
              </Button>
              <ButtonLink
                href={ctx.editHref(s.id)}
                size="sm"
                variant="ghost"
                aria-describedby={`${cardId(s.id)}-label`}
              >
                <Pencil aria-hidden />
                Edit
              </ButtonLink>
            </div>
          </ActionForm>
        ))}
    </article>
  );
}
