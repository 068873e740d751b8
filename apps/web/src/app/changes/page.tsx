/**
 * What changed in the atlas: every change since a day, newest first — when, who, which record
 * (linked to its page: a relation's too), what changed and why. The web's view of the change feed
 * (`GET /api/changes?since=`, `atlas changes --since`); a day typed in the form sets `since=`.
 */
import type { Metadata } from "next";
import { ApiFailure } from "@/components/api-failure";
import { Empty, PageHeader, Section } from "@/components/page";
import { ChangeEntry, historyTime } from "@/components/record-history";
import { Button } from "@/components/ui/button";
import { Input, Label } from "@/components/ui/form";
import Link from "@/components/ui/link";
import { recordPageHref } from "@/lib/links";
import { first, type SearchParams } from "@/lib/search-params";
import { plural } from "@/lib/utils";
import { api } from "@/trpc/client";
import { load } from "@/trpc/load";

export const metadata: Metadata = {
  title: "Changes",
  description: "Every change made in the atlas since a day: who, when, which record, what and why.",
};

/** How far back the page looks when the address does not say. */
const DEFAULT_DAYS = 7;
/** The newest changes shown; the feed itself (the API, the CLI) has them all. */
const SHOWN = 200;

const daysAgo = (days: number) => new Date(Date.now() - days * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);

export default async function ChangesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const since = first((await searchParams).since) ?? daysAgo(DEFAULT_DAYS);
  const result = await load("the changes", () => api.records.changes.query({ since }));
  const form = (
    <form action="/changes" className="flex flex-wrap items-end gap-2">
      <Label>
        Since (a day, or a time: 2026-12-01T09:00:00Z)
        <Input name="since" defaultValue={since} className="w-64" />
      </Label>
      <Button type="submit" variant="outline">
        Show
      </Button>
    </form>
  );
  if (!result.ok) {
    return (
      <>
        <PageHeader title="Changes">{form}</PageHeader>
        <ApiFailure failure={result.failure} />
      </>
    );
  }
  const feed = result.data;
  const newest = [...feed.entries].reverse().slice(0, SHOWN);
  return (
    <>
      <PageHeader title="Changes">
        <p>
          Every change made in the atlas — records added by hand, corrected, retired, restored, merged; suggestions
          accepted; grades — with who made it and why. Scripts read the same feed: <code>GET /api/changes?since=</code>{" "}
          or <code>atlas changes --since</code>.
        </p>
        {form}
      </PageHeader>
      <Section
        id="changes"
        title="Since"
        count={feed.entries.length}
        description={`${plural(feed.created.length, "record")} created, ${plural(feed.changed.length, "record")} changed, ${plural(feed.retired.length, "record")} retired after ${historyTime(feed.since)}.${feed.entries.length > SHOWN ? ` The newest ${SHOWN} are shown.` : ""}`}
      >
        {newest.length === 0 ? (
          <Empty>No changes in this window.</Empty>
        ) : (
          <ol className="flex flex-col gap-2 text-sm">
            {newest.map((e) => {
              const href = recordPageHref(e.recordType, e.recordId);
              const label = `${e.recordType} ${e.recordId}`;
              return (
                <ChangeEntry
                  key={e.seq}
                  entry={e}
                  record={
                    href ? (
                      <Link href={href} className="text-primary underline underline-offset-2">
                        {label}
                      </Link>
                    ) : (
                      <span>{label}</span>
                    )
                  }
                />
              );
            })}
          </ol>
        )}
      </Section>
    </>
  );
}
