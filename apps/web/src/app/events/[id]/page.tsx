/**
 * One event: when (honestly), where, who took part in what role, deaths as each source reported
 * them, how it connects to other events, and every source that reports it, quote by quote.
 */
import { describeDeathCount, describeTime } from "@atlas/schema";
import { CalendarRange, MapPin, Newspaper } from "lucide-react";
import type { Metadata } from "next";
import { ActorLink } from "@/components/actor-link";
import { ApiFailure } from "@/components/api-failure";
import { ClaimCard } from "@/components/claim-card";
import { Evidence, QuoteBlock, SourceLine } from "@/components/evidence";
import { Empty, PageHeader, Section } from "@/components/page";
import { TimeDetails } from "@/components/time";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import Link from "@/components/ui/link";
import { eventKindDescription, roleDescription, roleLabel } from "@/lib/labels";
import { claimHref, eventHref, placeHref, sourceHref } from "@/lib/links";
import type { EventDetail } from "@/lib/types";
import { plural, words } from "@/lib/utils";
import { load } from "@/trpc/load";
import { getEvent, titleFrom } from "@/trpc/records";

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

function Fatalities({ event }: { event: EventDetail }) {
  return (
    <Section
      id="fatalities"
      title="Fatalities as reported"
      description="Each figure as one source gives it, with who gave it. A toll that no source reports is unknown — not zero."
    >
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
                Reported by {f.reportedBy ? <ActorLink actor={f.reportedBy} /> : <span>the document's own voice</span>}
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

function Links({ event }: { event: EventDetail }) {
  const groups = [
    { title: "Part of", items: event.partOf ? [event.partOf] : [] },
    { title: "Parts of this event", items: event.parts },
    { title: "In response to", items: event.respondsTo },
    { title: "Responses to this event", items: event.responses },
  ].filter((g) => g.items.length > 0);
  if (groups.length === 0) return null;
  return (
    <Section id="related" title="Related events">
      <div className="grid gap-3 sm:grid-cols-2">
        {groups.map((g) => (
          <Card key={g.title}>
            <CardHeader>
              <CardTitle className="text-sm">{g.title}</CardTitle>
            </CardHeader>
            <CardContent>
              <ul className="flex flex-col gap-1">
                {g.items.map((e) => (
                  <li key={e.id}>
                    <Link href={eventHref(e.id)} className="text-primary hover:underline">
                      {e.title}
                    </Link>
                  </li>
                ))}
              </ul>
            </CardContent>
          </Card>
        ))}
      </div>
    </Section>
  );
}

export default async function EventPage({ params }: Props) {
  const { id } = await params;
  const result = await load("the event", () => getEvent(id));
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

      <div className="grid gap-3 md:grid-cols-3">
        <Card>
          <CardHeader>
            <CardTitle className="flex items-center gap-2 text-sm">
              <CalendarRange aria-hidden className="size-4 text-primary" />
              When
            </CardTitle>
          </CardHeader>
          <CardContent className="text-sm">
            <TimeDetails time={event.time} />
            <p className="mt-1 text-xs text-muted-foreground">
              {event.earliest && event.earliest === event.latest
                ? `One day: ${event.earliest}.`
                : `Any day from ${event.earliest ?? "an unknown start (no earlier bound)"} to ${event.latest ?? "an unknown end (no later bound)"}.`}
            </p>
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle className="flex items-center gap-2 text-sm">
              <MapPin aria-hidden className="size-4 text-primary" />
              Where
            </CardTitle>
          </CardHeader>
          <CardContent className="text-sm">
            {event.place ? (
              <Link href={placeHref(event.place.id)} className="text-base font-medium text-primary hover:underline">
                {event.place.name}
              </Link>
            ) : (
              <p className="text-muted-foreground italic">Place not recorded</p>
            )}
            {event.placeNote && <p className="mt-1 text-muted-foreground">{event.placeNote}</p>}
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle className="flex items-center gap-2 text-sm">
              <Newspaper aria-hidden className="size-4 text-primary" />
              Reported by
            </CardTitle>
          </CardHeader>
          <CardContent className="text-sm">
            <p className="text-base font-medium">{plural(event.sources.length, "source")}</p>
            <p className="text-muted-foreground">
              {event.sources.length > 1
                ? "Corroborated: each source's words are below."
                : "One source only: its words are below."}
            </p>
          </CardContent>
        </Card>
      </div>

      <Section id="participants" title="Participants and roles" count={event.participants.length}>
        {event.participants.length === 0 ? (
          <Empty>No participants recorded.</Empty>
        ) : (
          <ul className="grid gap-2 sm:grid-cols-2">
            {event.participants.map((p) => (
              <li key={`${p.actor.id}:${p.role}`} className="flex flex-col gap-1 rounded-lg border bg-card p-3">
                <div className="flex flex-wrap items-center gap-2">
                  <ActorLink actor={p.actor} />
                  <Badge
                    variant={p.role === "alleged_perpetrator" ? "warning" : "outline"}
                    title={roleDescription(p.role)}
                  >
                    {roleLabel(p.role)}
                  </Badge>
                </div>
                <p className="text-xs text-muted-foreground">{roleDescription(p.role)}</p>
                {p.note && <p className="text-sm">{p.note}</p>}
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Fatalities event={event} />
      <Links event={event} />

      <Section
        id="sources"
        title="Every source that reports it"
        count={event.sources.length}
        description="Corroboration, quote by quote: the same event in each document's own words."
      >
        <div className="flex flex-col gap-3">
          {event.sources.map((s) => (
            <article key={s.source.id} className="flex flex-col gap-2 rounded-lg border bg-card p-4">
              <h3 className="text-sm">
                <Link href={sourceHref(s.source.id)} className="hover:underline">
                  <SourceLine source={s.source} />
                </Link>
              </h3>
              {s.quotes.map((q) => (
                <QuoteBlock key={q.start} quote={q} showSource={false} />
              ))}
            </article>
          ))}
        </div>
      </Section>

      {event.claims.length > 0 && (
        <Section
          id="claims"
          title="Claims about this event"
          count={event.claims.length}
          description="Who said what about it — attributions and denials included."
        >
          <div className="grid gap-3 lg:grid-cols-2">
            {event.claims.map((c) => (
              <ClaimCard key={c.id} claim={c} />
            ))}
          </div>
        </Section>
      )}
    </>
  );
}
