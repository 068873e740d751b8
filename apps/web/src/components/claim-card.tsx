/**
 * A claim as a claim, never as a fact: who said it (on whose behalf, through whom), the stance,
 * whether the words are a direct quote or reported speech, when it was said, and the words
 * themselves with their source.
 */
import { Link2, MessageSquareQuote, Swords } from "lucide-react";
import Link from "@/components/ui/link";
import { stanceDescription } from "@/lib/labels";
import { claimHref } from "@/lib/links";
import type { ClaimSummary } from "@/lib/types";
import { cn, plural } from "@/lib/utils";
import { ActorLink } from "./actor-link";
import { Evidence, QuoteBlock } from "./evidence";
import { ClaimGrades } from "./grades";
import { TimeText } from "./time";
import { Badge } from "./ui/badge";

export function StanceBadge({ stance }: { stance: string }) {
  const strong = ["denies", "accuses", "alleges", "threatens", "condemns"].includes(stance);
  return (
    <Badge variant={strong ? "warning" : "secondary"} title={stanceDescription(stance)} data-stance={stance}>
      {stance}
    </Badge>
  );
}

export function ModeLabel({ mode }: { mode: string }) {
  return (
    <span className="text-xs text-muted-foreground">
      {mode === "direct" ? "direct quote" : mode === "indirect" ? "reported speech" : mode}
    </span>
  );
}

/** Claimant, on behalf of, via: the chain of attribution in one line. */
export function Attribution({ claim }: { claim: ClaimSummary }) {
  return (
    <span className="inline-flex flex-wrap items-baseline gap-x-1.5 gap-y-0.5">
      <ActorLink actor={claim.claimant} />
      {claim.onBehalfOf && (
        <span className="text-sm text-muted-foreground">
          on behalf of <ActorLink actor={claim.onBehalfOf} />
        </span>
      )}
      {claim.via && (
        <span className="text-sm text-muted-foreground">
          via <ActorLink actor={claim.via} />
        </span>
      )}
      <StanceBadge stance={claim.stance} />
    </span>
  );
}

export function ClaimCard({
  claim,
  className,
  headingLevel = 3,
  showLinks = true,
  compact = false,
}: {
  claim: ClaimSummary;
  className?: string;
  headingLevel?: 2 | 3 | 4;
  showLinks?: boolean;
  /** The words behind a toggle (long lists such as a profile's), not set out in full. */
  compact?: boolean;
}) {
  const Heading = `h${headingLevel}` as const;
  return (
    <article className={cn("flex flex-col gap-2 rounded-lg border bg-card p-4", className)} data-claim={claim.id}>
      <header className="flex flex-col gap-1">
        <Attribution claim={claim} />
        <p className="flex flex-wrap items-center gap-x-2 text-xs text-muted-foreground">
          <span>
            said <TimeText time={claim.said} />
          </span>
          <span aria-hidden>·</span>
          <ModeLabel mode={claim.mode} />
          {claim.setting && (
            <>
              <span aria-hidden>·</span>
              <span>{claim.setting}</span>
            </>
          )}
        </p>
        <ClaimGrades claim={claim} />
      </header>
      <Heading className="font-medium leading-snug">
        <Link href={claimHref(claim.id)} className="hover:underline">
          {claim.statement}
        </Link>
      </Heading>
      {compact ? (
        <Evidence quotes={claim.evidence} label="The words" />
      ) : (
        claim.evidence.map((q) => <QuoteBlock key={`${q.sourceId}:${q.start}`} quote={q} />)
      )}
      {claim.note && <p className="text-xs text-muted-foreground">Note: {claim.note}</p>}
      {showLinks && (claim.contradictsCount > 0 || claim.supportsCount > 0) && (
        <p className="flex flex-wrap gap-3 text-xs">
          {claim.contradictsCount > 0 && (
            <Link href={claimHref(claim.id)} className="inline-flex items-center gap-1 text-danger hover:underline">
              <Swords aria-hidden className="size-3.5" />
              contradicts {plural(claim.contradictsCount, "claim")}
            </Link>
          )}
          {claim.supportsCount > 0 && (
            <Link href={claimHref(claim.id)} className="inline-flex items-center gap-1 text-primary hover:underline">
              <Link2 aria-hidden className="size-3.5" />
              supports {plural(claim.supportsCount, "claim")}
            </Link>
          )}
        </p>
      )}
    </article>
  );
}

export const ClaimIcon = MessageSquareQuote;
