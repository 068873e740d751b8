/**
 * The sources side by side, for an event more than one source reports: a row per source, and for
 * its date, deaths, perpetrator and place what that source's words say, each with the quote.
 * "Not in its words" means that source does not say.
 */
import { describeDeathCount, describeTime } from "@atlas/schema";
import { ActorLink } from "@/components/actor-link";
import { Section } from "@/components/page";
import Link from "@/components/ui/link";
import { WideDrawing } from "@/components/wide-drawing";
import { roleLabel } from "@/lib/labels";
import { placeHref, sourceHref, spanHref } from "@/lib/links";
import type { EventDetail, Quote } from "@/lib/types";
import { SourceReliabilityLine } from "./event-sources";

export function SideBySideSection({ event }: { event: EventDetail }) {
  return (
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
  );
}

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
