/** Every source that reports the event, each with its reliability grade and the event in its own words. */
import { describeGrade } from "@atlas/schema";
import { QuoteBlock, SourceLine } from "@/components/evidence";
import { gradedBy } from "@/components/grades";
import { Section } from "@/components/page";
import Link from "@/components/ui/link";
import { sourceHref } from "@/lib/links";
import type { EventDetail } from "@/lib/types";

export function EventSources({ sources }: { sources: EventDetail["sources"] }) {
  return (
    <Section
      id="sources"
      title={sources.length > 1 ? "Every source that reports it" : "The source that reports it"}
      count={sources.length}
      description="The event in each document's own words."
    >
      <div className="flex flex-col gap-3">
        {sources.map((s) => (
          <article key={s.source.id} className="flex flex-col gap-2 rounded-lg border bg-card p-4">
            <h3 className="text-sm">
              <Link href={sourceHref(s.source.id)} className="hover:underline">
                <SourceLine source={s.source} />
              </Link>
            </h3>
            <SourceReliabilityLine account={s} />
            {s.quotes.map((q) => (
              <QuoteBlock key={q.start} quote={q} showSource={false} />
            ))}
          </article>
        ))}
      </div>
    </Section>
  );
}

/** A reporting source's reliability grade (A–F), "not graded" when nobody graded it. */
export function SourceReliabilityLine({ account }: { account: EventDetail["sources"][number] }) {
  return (
    <span
      className="block text-xs"
      data-reliability={account.reliability?.grade ?? "none"}
      title={account.reliability ? gradedBy(account.reliability) : undefined}
    >
      <span className="text-muted-foreground">Reliability </span>
      {describeGrade(account.reliability)}
    </span>
  );
}
