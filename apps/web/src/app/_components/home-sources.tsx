/**
 * "The sources": each document with its publisher, authors, genre and publication date, and how
 * many actors, events and claims were found in it. A publisher not stated is said to be so.
 */
import { Section } from "@/components/page";
import { TimeText } from "@/components/time";
import Link from "@/components/ui/link";
import { sourceHref } from "@/lib/links";
import { plural } from "@/lib/utils";
import type { Outputs } from "@/trpc/client";

export function HomeSources({ sources }: { sources: Outputs["sources"]["list"]["items"] }) {
  return (
    <Section
      title="The sources"
      count={sources.length}
      description="Each document with its publisher and publication date. Where a document does not state them, the atlas says so, and shows how a date was inferred."
    >
      <ol className="flex flex-col divide-y rounded-lg border bg-card">
        {sources.map((s) => (
          <li key={s.id} className="flex flex-col gap-1 p-4 sm:flex-row sm:items-baseline sm:justify-between sm:gap-6">
            <div className="min-w-0">
              <Link href={sourceHref(s.id)} className="font-medium text-primary hover:underline">
                {s.title}
              </Link>
              <p className="text-sm text-muted-foreground">
                {s.publisher ?? <span className="italic">publisher not stated</span>}
                {s.authors.length > 0 && ` · ${s.authors.join(", ")}`}
                {" · "}
                {s.genre}
              </p>
            </div>
            <div className="flex shrink-0 flex-col items-start gap-1 text-sm sm:items-end">
              <TimeText time={s.published} />
              <span className="text-xs text-muted-foreground tabular-nums">
                {plural(s.counts.actors, "actor")} · {plural(s.counts.events, "event")} ·{" "}
                {plural(s.counts.claims, "claim")}
              </span>
            </div>
          </li>
        ))}
      </ol>
    </Section>
  );
}
