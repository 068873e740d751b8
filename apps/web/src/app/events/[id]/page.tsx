/**
 * One event: when (honestly), where, who took part in what role, deaths as each source reported
 * them, how it connects to other events, and every source that reports it, quote by quote.
 */
import { describeDeathCount, describeGrade, describeTime } from "@atlas/schema";
import { CalendarRange, MapPin, Newspaper } from "lucide-react";
import type { Metadata } from "next";
import { CorrectRecord, retiredPage } from "@/app/_workbench/sections";
import { ActorLink } from "@/components/actor-link";
import { ApiFailure } from "@/components/api-failure";
import { ClaimCard } from "@/components/claim-card";
import { Evidence, QuoteBlock, SourceLine } from "@/components/evidence";
import { gradedBy } from "@/components/grades";
import { Empty, PageHeader, Section } from "@/components/page";
import { RecordHistory } from "@/components/record-history";
import { TimeDetails } from "@/components/time";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import Link from "@/components/ui/link";
import { WideDrawing } from "@/components/wide-drawing";
import { eventValues } from "@/lib/corrections";
import { byStanceGroup, eventKindDescription, roleDescription, roleLabel } from "@/lib/labels";
import { claimHref, eventHref, placeHref, query, sourceHref, spanHref } from "@/lib/links";
import type { EventDetail, Quote } from "@/lib/types";
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
                {[...new Map(f.evidence.map((q) => [q.source.id, q.source])).values()].map((source, i) => (
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
  const retired = await retiredPage("event", id);
  if (retired) return retired;
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
                ? "One day."
                : `Any day from ${event.earliest ? dayWords(event.earliest) : "an unknown start (no earlier bound)"} to ${event.latest ? dayWords(event.latest) : "an unknown end (no later bound)"}.`}
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
              {event.sources.length > 1 ? (
                <>
                  Corroborated:{" "}
                  <a href="#sources" className="text-primary underline">
                    the sources side by side
                  </a>
                  . {event.deathsAgreement}
                </>
              ) : (
                "One source only: its words are below."
              )}
            </p>
          </CardContent>
        </Card>
      </div>

      {event.sources.length > 1 && (
        <Section
          id="side-by-side"
          title="The sources side by side"
          count={event.sources.length}
          description="What each source's words about the event say of its date, deaths, perpetrator and place, each with the quote. “Not in its words” means that source does not say."
        >
          <p className="font-medium" data-testid="deaths-agreement">
            {event.deathsAgreement}
          </p>
          <SourcesSideBySide event={event} />
        </Section>
      )}

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
        title={event.sources.length > 1 ? "Every source that reports it" : "The source that reports it"}
        count={event.sources.length}
        description="The event in each document's own words."
      >
        <div className="flex flex-col gap-3">
          {event.sources.map((s) => (
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

/** A reporting source's reliability grade (A–F), "not graded" when nobody graded it. */
function SourceReliabilityLine({ account }: { account: EventDetail["sources"][number] }) {
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

const dayWords = (iso: string) => describeTime({ edtf: iso });

/** A short quote under a fact, linking into the reader at those words. */
function CellQuote({ quote }: { quote: Quote }) {
  return (
    <span className="mt-1 block font-serif text-xs leading-snug text-muted-foreground">
      “{quote.quote}”{" "}
      <Link
        href={spanHref(quote.sourceId, quote.start, quote.end)}
        className="tap inline-flex items-center font-sans font-medium text-primary hover:underline"
        aria-label={`Read in context: these words in ${quote.source.title}`}
      >
        in context
      </Link>
    </span>
  );
}

const notSaid = <span className="text-muted-foreground italic">not in its words</span>;

/** Source × date, deaths, perpetrator, place: each cell what that source's words say, with the quote. */
function SourcesSideBySide({ event }: { event: EventDetail }) {
  return (
    <WideDrawing label="The sources side by side (scrolls sideways on a narrow screen)" className="bg-card">
      <table className="w-full text-sm" data-testid="sources-table">
        <caption className="sr-only">What each source says of the event's date, deaths, perpetrator and place</caption>
        <thead className="text-left text-xs text-muted-foreground">
          <tr className="border-b">
            {["Source", "Date", "Deaths", "Perpetrator", "Place"].map((h) => (
              <th key={h} scope="col" className="p-2 font-medium">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {event.sources.map((s) => (
            <tr key={s.source.id} className="border-b align-top last:border-0">
              <th scope="row" className="w-48 p-2 text-left font-normal">
                <Link href={sourceHref(s.source.id)} className="font-medium text-primary hover:underline">
                  <cite className="not-italic">{s.source.title}</cite>
                </Link>
                <span className="block text-xs text-muted-foreground">
                  {s.source.publisher ?? "publisher not stated"}
                </span>
                <SourceReliabilityLine account={s} />
              </th>
              <td className="p-2">
                {s.when ? (
                  <>
                    <span className="font-medium">{describeTime(s.when.time)}</span>
                    <CellQuote quote={s.when.quote} />
                  </>
                ) : (
                  notSaid
                )}
              </td>
              <td className="p-2">
                {s.deaths.length === 0 ? (
                  <span className="text-muted-foreground italic">not reported</span>
                ) : (
                  s.deaths.map((f, i) => (
                    <span key={i} className="block">
                      <span className="font-medium">{describeDeathCount(f)}</span> — {f.who}
                      {f.reportedBy && (
                        <span className="text-muted-foreground"> (according to {f.reportedBy.name})</span>
                      )}
                      {f.evidence
                        .filter((q) => q.sourceId === s.source.id)
                        .slice(0, 1)
                        .map((q) => (
                          <CellQuote key={q.start} quote={q} />
                        ))}
                    </span>
                  ))
                )}
              </td>
              <td className="p-2">
                {s.perpetrators.length === 0
                  ? notSaid
                  : s.perpetrators.map((p) => (
                      <span key={p.actor.id} className="block">
                        <ActorLink actor={p.actor} />
                        {p.role !== "perpetrator" && (
                          <span className="text-muted-foreground"> ({roleLabel(p.role)})</span>
                        )}
                        <CellQuote quote={p.quote} />
                      </span>
                    ))}
              </td>
              <td className="p-2">
                {s.place ? (
                  <>
                    <Link href={placeHref(s.place.id)} className="font-medium text-primary hover:underline">
                      {s.place.name}
                    </Link>
                    <CellQuote quote={s.place.quote} />
                  </>
                ) : (
                  notSaid
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </WideDrawing>
  );
}

/** Claims about the event by what their claimants do — denials, accusations, assertions — not one flat list. */
function ClaimsByStance({ event }: { event: EventDetail }) {
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
