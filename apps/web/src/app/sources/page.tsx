/** The documents: who published each, when (and how we know), and how much the atlas draws from it. */

import { describeGrade } from "@atlas/schema";
import type { Metadata } from "next";
import { ApiFailure } from "@/components/api-failure";
import { gradedBy } from "@/components/grades";
import { PageHeader } from "@/components/page";
import { TimeText } from "@/components/time";
import { Badge } from "@/components/ui/badge";
import Link from "@/components/ui/link";
import { sourceHref } from "@/lib/links";
import { plural } from "@/lib/utils";
import { api } from "@/trpc/client";
import { load } from "@/trpc/load";

export const metadata: Metadata = {
  title: "Sources",
  description: "The source documents of Militia Atlas, with publisher, publication date and how each was established.",
};

export default async function SourcesPage() {
  const result = await load("the sources", () => api.sources.list.query({ limit: 200 }));
  if (!result.ok) return <ApiFailure failure={result.failure} />;
  return (
    <>
      <PageHeader title="Sources">
        Every fact in the atlas quotes one of these documents. Open one to read it with every annotation highlighted.
      </PageHeader>
      <ul className="flex flex-col gap-3">
        {result.data.items.map((s) => (
          <li key={s.id} className="flex flex-col gap-1.5 rounded-lg border bg-card p-4">
            <Link href={sourceHref(s.id)} className="text-lg font-medium text-primary hover:underline">
              {s.title}
            </Link>
            {s.subtitle && <p className="text-sm text-muted-foreground">{s.subtitle}</p>}
            <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
              <span>
                {s.publisher ?? <span className="italic">publisher not stated</span>}
                {s.publisherBasis !== "stated" && s.publisher && (
                  <Badge variant="warning" className="ml-1">
                    {s.publisherBasis}
                  </Badge>
                )}
              </span>
              <span>{s.authors.length ? s.authors.join(", ") : <span className="italic">no byline</span>}</span>
              <TimeText time={s.published} />
              <Badge variant="outline">{s.genre}</Badge>
            </p>
            <p className="text-xs text-muted-foreground tabular-nums">
              {plural(s.counts.mentions, "mention")} of {plural(s.counts.actors, "actor")} ·{" "}
              {plural(s.counts.events, "event")} · {plural(s.counts.claims, "claim")}
            </p>
            <p
              className="flex flex-wrap items-baseline gap-x-2 text-sm"
              data-reliability={s.reliability?.grade ?? "none"}
            >
              <span className="text-muted-foreground">Reliability</span>
              <span className="font-medium" title={s.reliability ? gradedBy(s.reliability) : undefined}>
                {describeGrade(s.reliability)}
              </span>
              <Link href={`${sourceHref(s.id)}/grade`} className="text-primary underline underline-offset-2">
                Grade<span className="sr-only"> {s.title}</span>
              </Link>
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}
