/**
 * Deaths as each source reported them: the figure, who died, who gave it and where, the claim that
 * carries it, and the quotes. A toll no source gives is said to be unknown, never zero.
 */
import { describeDeathCount } from "@atlas/schema";
import { ActorLink } from "@/components/actor-link";
import { Evidence } from "@/components/evidence";
import { Section } from "@/components/page";
import Link from "@/components/ui/link";
import { claimHref, sourceHref } from "@/lib/links";
import type { EventDetail } from "@/lib/types";
import { reportingSources } from "./event-data";

export function EventFatalities({ event }: { event: EventDetail }) {
  return (
    <Section
      id="fatalities"
      title="Fatalities as reported"
      count={event.fatalities.length}
      description="Each figure as one source gives it, with who gave it. A toll that no source reports is unknown — not zero."
    >
      {event.fatalities.length > 0 && event.sources.length > 1 && (
        <p className="font-medium">{event.deathsAgreement}</p>
      )}
      {event.fatalities.length === 0 ? (
        <p className="rounded-md border border-dashed p-4 text-sm">
          <strong>Not reported.</strong> No source gives a death toll for this event. That is unknown, not zero.
        </p>
      ) : (
        <ul className="flex flex-col gap-3">
          {event.fatalities.map((f, i) => (
            <li key={i} className="flex flex-col gap-1.5 rounded-lg border bg-card p-4">
              <p>
                <span className="text-xl font-semibold tabular-nums">{describeDeathCount(f)}</span>{" "}
                <span className="text-muted-foreground">— {f.who}</span>
              </p>
              <p className="text-sm text-muted-foreground">
                {f.reportedBy ? (
                  <>
                    Given by <ActorLink actor={f.reportedBy} />, as reported in{" "}
                  </>
                ) : (
                  "Reported in "
                )}
                {reportingSources(f).map((source, i) => (
                  <span key={source.id}>
                    {i > 0 && ", "}
                    <Link href={sourceHref(source.id)} className="text-primary underline">
                      <cite className="not-italic">{source.title}</cite>
                    </Link>
                  </span>
                ))}
                {f.claimId && (
                  <>
                    {" · "}
                    <Link href={claimHref(f.claimId)} className="text-primary underline">
                      the claim that carries this figure
                    </Link>
                  </>
                )}
              </p>
              <Evidence quotes={f.evidence} />
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
