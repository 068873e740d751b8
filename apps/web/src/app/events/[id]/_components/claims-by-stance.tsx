/** Claims about the event by what their claimants do — denials, accusations, assertions — not one flat list. */
import { ClaimCard } from "@/components/claim-card";
import { Section } from "@/components/page";
import Link from "@/components/ui/link";
import { byStanceGroup } from "@/lib/labels";
import { query } from "@/lib/links";
import type { EventDetail } from "@/lib/types";

export function ClaimsByStance({ event }: { event: EventDetail }) {
  const groups = byStanceGroup(event.claims);
  const contested = event.claims.some((c) => c.contradictsCount > 0);
  return (
    <Section
      id="claims"
      title="Claims about this event"
      count={event.claims.length}
      description={
        <>
          Who said what about it, grouped by what they do:{" "}
          {groups.map((g) => `${g.title.toLowerCase()} (${g.items.length})`).join(", ")}.
          {contested && (
            <>
              {" "}
              <Link href={`/claims/contradictions${query({ event: event.id })}`} className="text-primary underline">
                See the contradictions about this event
              </Link>
              .
            </>
          )}
        </>
      }
    >
      {groups.map((g) => (
        <section
          key={g.key}
          aria-labelledby={`claims-${g.key}`}
          className="flex flex-col gap-2"
          data-stance-group={g.key}
        >
          <h3 id={`claims-${g.key}`} className="font-medium">
            {g.title} <span className="text-sm font-normal text-muted-foreground tabular-nums">{g.items.length}</span>
          </h3>
          <div className="grid gap-3 lg:grid-cols-2">
            {g.items.map((c) => (
              <ClaimCard key={c.id} claim={c} headingLevel={4} />
            ))}
          </div>
        </section>
      ))}
    </Section>
  );
}
