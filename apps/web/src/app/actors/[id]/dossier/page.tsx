/**
 * An actor's dossier: the profile in the form journalists cite, every line with numbered
 * footnotes to the verbatim quote, its source and date. Built by the API (the same dossier the
 * terminal prints and the Markdown file holds); this page only lays it out, for the screen and for
 * print (the print styles drop the site's navigation, so "Save as PDF" gives a clean document).
 */
import { Download } from "lucide-react";
import type { Metadata } from "next";
import { ApiFailure } from "@/components/api-failure";
import { PageHeader } from "@/components/page";
import { PrintButton } from "@/components/print-button";
import { ButtonLink } from "@/components/ui/button";
import Link from "@/components/ui/link";
import { kindLabel } from "@/lib/labels";
import { actorHref, claimHref, dossierHref, eventHref, spanHref } from "@/lib/links";
import type { Dossier } from "@/lib/types";
import { cn, plural } from "@/lib/utils";
import { api } from "@/trpc/client";
import { load } from "@/trpc/load";
import { titleFrom } from "@/trpc/records";

interface Props {
  params: Promise<{ id: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  return titleFrom(
    () => api.actors.dossier.query({ id }),
    (d) => ({ title: `${d.actor.name}: dossier`, description: d.actor.description }),
    "Dossier",
  );
}

type Line = Dossier["sections"][number]["lines"][number];
type Part = Line["parts"][number];

const lineKey = (line: Line) => `${line.parts.map((p) => p.text).join("")}|${line.notes.join(",")}`;

function PartText({ part }: { part: Part }) {
  const href = part.actorId
    ? actorHref(part.actorId)
    : part.eventId
      ? eventHref(part.eventId)
      : part.claimId
        ? claimHref(part.claimId)
        : null;
  return href ? (
    <Link href={href} className="text-primary underline decoration-dotted underline-offset-2 hover:decoration-solid">
      {part.text}
    </Link>
  ) : (
    part.text
  );
}

function Notes({ notes }: { notes: number[] }) {
  return (
    <>
      {notes.map((n) => (
        <sup key={n} className="ml-0.5">
          <a href={`#note-${n}`} id={`ref-${n}`} className="text-primary hover:underline print:text-inherit">
            [{n}]
          </a>
        </sup>
      ))}
    </>
  );
}

export default async function DossierPage({ params }: Props) {
  const { id } = await params;
  const result = await load("the dossier", () => api.actors.dossier.query({ id }));
  if (!result.ok) return <ApiFailure failure={result.failure} />;
  const d = result.data;
  return (
    <article className="dossier flex max-w-3xl flex-col gap-6" data-testid="dossier">
      <PageHeader
        title={d.actor.name}
        eyebrow={
          <>
            <Link href={actorHref(d.actor.id)} className="hover:underline print:hidden">
              Profile
            </Link>
            <span aria-hidden className="print:hidden">
              /
            </span>
            <span>
              {kindLabel(d.actor.kind)} · dossier built only from {plural(d.sources.length, "source")}
            </span>
          </>
        }
        actions={
          <div className="flex flex-wrap gap-2 print:hidden">
            <ButtonLink href={`${dossierHref(d.actor.id)}.md`} variant="outline" size="sm" download>
              <Download aria-hidden />
              Markdown with footnotes
            </ButtonLink>
            <PrintButton />
          </div>
        }
      >
        Every line is footnoted to the words that state it. Where the documents say nothing, the dossier says so; it
        adds nothing from outside them.
      </PageHeader>
      {d.sections.map((section) => (
        <section key={section.id} aria-labelledby={`${section.id}-heading`} className="flex flex-col gap-2">
          <h2 id={`${section.id}-heading`} className="text-lg font-semibold tracking-tight">
            {section.title}
          </h2>
          {section.id === "about" || !section.reported ? (
            section.lines.map((line) => (
              <p key={lineKey(line)} className={cn(!section.reported && "text-muted-foreground italic")}>
                {line.parts.map((p) => (
                  <PartText key={p.text} part={p} />
                ))}
                <Notes notes={line.notes} />
              </p>
            ))
          ) : (
            <ul className="flex list-disc flex-col gap-1 pl-5">
              {section.lines.map((line) => (
                <li key={lineKey(line)} className="break-inside-avoid">
                  {line.parts.map((p) => (
                    <PartText key={p.text} part={p} />
                  ))}
                  <Notes notes={line.notes} />
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
      <section aria-labelledby="notes-heading" className="flex flex-col gap-2 border-t pt-4">
        <h2 id="notes-heading" className="text-lg font-semibold tracking-tight">
          Notes
        </h2>
        <ol className="flex flex-col gap-2 text-sm" data-testid="dossier-notes">
          {d.notes.map(({ n, quote, citation }) => (
            <li key={n} id={`note-${n}`} className="grid scroll-mt-4 grid-cols-[2.5rem_1fr] break-inside-avoid">
              <a
                href={`#ref-${n}`}
                className="text-muted-foreground tabular-nums"
                aria-label={`Note ${n}, back to the text`}
              >
                [{n}]
              </a>
              <span>
                <q className="font-serif">{quote.quote.replace(/\s+/g, " ").trim()}</q> — {citation}.{" "}
                <Link
                  href={spanHref(quote.sourceId, quote.start, quote.end)}
                  className="text-xs text-primary hover:underline print:hidden"
                >
                  Read in context
                </Link>
                <span className="hidden text-xs print:inline">
                  Source {quote.sourceId}, characters {quote.start}–{quote.end}.
                </span>
              </span>
            </li>
          ))}
        </ol>
      </section>
    </article>
  );
}
