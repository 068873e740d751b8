/**
 * One event: when (honestly), where, who took part in what role, deaths as each source reported
 * them, how it connects to other events, and every source that reports it, quote by quote.
 */
import { describeTime } from "@atlas/schema";
import type { Metadata } from "next";
import { CorrectRecord, retiredPage } from "@/app/_workbench/sections";
import { ApiFailure } from "@/components/api-failure";
import { PageHeader } from "@/components/page";
import { RecordHistory } from "@/components/record-history";
import { Badge } from "@/components/ui/badge";
import Link from "@/components/ui/link";
import { eventValues } from "@/lib/corrections";
import { eventKindDescription } from "@/lib/labels";
import { words } from "@/lib/utils";
import { getEvent, titleFrom } from "@/trpc/records";
import { ClaimsByStance } from "./_components/claims-by-stance";
import { loadEvent } from "./_components/event-data";
import { EventFacts } from "./_components/event-facts";
import { EventFatalities } from "./_components/event-fatalities";
import { EventParticipants } from "./_components/event-participants";
import { EventSources } from "./_components/event-sources";
import { RelatedEvents } from "./_components/related-events";
import { SideBySideSection } from "./_components/sources-side-by-side";

interface Props {
  params: Promise<{ id: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  return titleFrom(
    () => getEvent(id),
    (e) => ({ title: `${e.title} (${describeTime(e.time)})`, description: e.summary }),
    "Event",
  );
}

export default async function EventPage({ params }: Props) {
  const { id } = await params;
  const retired = await retiredPage("event", id);
  if (retired) return retired;
  const result = await loadEvent(id);
  if (!result.ok) return <ApiFailure failure={result.failure} />;
  const event = result.data;
  return (
    <>
      <PageHeader
        title={event.title}
        eyebrow={
          <>
            <Link href="/timeline" className="hover:underline">
              Timeline
            </Link>
            <span aria-hidden>/</span>
            <Badge variant="outline" title={eventKindDescription(event.kind)}>
              {words(event.kind)}
            </Badge>
          </>
        }
      >
        <p className="text-foreground">{event.summary}</p>
      </PageHeader>
      <EventFacts event={event} />
      {event.sources.length > 1 && <SideBySideSection event={event} />}
      <EventParticipants participants={event.participants} />
      <EventFatalities event={event} />
      <RelatedEvents event={event} />
      <EventSources sources={event.sources} />
      {event.claims.length > 0 && <ClaimsByStance event={event} />}
      <CorrectRecord
        type="event"
        id={id}
        values={eventValues(event)}
        evidence={event.sources.flatMap((s) => s.quotes)}
      />
      <RecordHistory type="event" id={id} />
    </>
  );
}
