/**
 * The reader: a source's text, rendered as text, with every annotation highlighted in layers the
 * URL switches on and off; boilerplate shown dimmed and labelled (or hidden); metadata with the
 * reasoning behind every inferred field. ?span=<start>-<end> scrolls to and emphasises a span —
 * every evidence link in the app lands here.
 */
import { describePages, type SegmentRole } from "@atlas/schema";
import { Check, EyeOff } from "lucide-react";
import type { Metadata } from "next";
import { Fragment } from "react";
import { SourceHeader } from "@/app/sources/_components/source-header";
import { ApiFailure } from "@/components/api-failure";
import { RecordHistory } from "@/components/record-history";
import { SignInToWrite } from "@/components/sign-in-to-write";
import { TimeDetails, timeText } from "@/components/time";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import Link from "@/components/ui/link";
import { SEGMENT_ROLE_LABELS } from "@/lib/labels";
import { actorHref, claimHref, eventHref, placeHref, query, relationHref, sourceHref } from "@/lib/links";
import { type Block, buildBlocks, LAYER_KEYS, LAYERS, type Layer, layerOf, type Piece, parseSpan } from "@/lib/reader";
import { all, allowed, first, type SearchParams } from "@/lib/search-params";
import type { Annotation, SourceDetail } from "@/lib/types";
import { cn } from "@/lib/utils";
import { api } from "@/trpc/client";
import { load } from "@/trpc/load";
import { getSource, titleFrom } from "@/trpc/records";
import { signedIn } from "@/trpc/write";
import { Annotator, type AnnotatorProps } from "./_components/annotator";
import { ReaderInteractions, type ReaderRecord } from "./_components/reader-interactions";

interface Props {
  params: Promise<{ id: string }>;
  searchParams: Promise<SearchParams>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  return titleFrom(
    () => getSource(id),
    (s) => ({
      title: s.title,
      description: `${s.publisher ?? "Publisher not stated"} — the full text with every annotation highlighted.`,
    }),
    "Source",
  );
}

function recordHref(a: Annotation): string {
  switch (a.type) {
    case "mention":
    case "actor":
      return actorHref(a.recordId);
    case "place":
      return placeHref(a.recordId);
    case "relation":
      return relationHref(a.recordId);
    case "event":
    case "fatality":
      return eventHref(a.recordId);
    default:
      return claimHref(a.recordId);
  }
}

const clip = (s: string, n = 180) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

function PieceView({ piece, first }: { piece: Piece; first: boolean }) {
  if (piece.annotations.length === 0 && !piece.inSpan) return piece.text;
  return (
    <mark
      id={first ? "span-start" : undefined}
      data-a={piece.annotations.length ? piece.annotations.join(",") : undefined}
      tabIndex={-1}
      className={cn(
        piece.annotations.length ? "hl" : "bg-transparent text-inherit",
        piece.layers.map((l) => `hl-${l}`),
        piece.inSpan && "in-span",
      )}
    >
      {piece.text}
    </mark>
  );
}

// Every role keeps the generous line height: the highlight bands live in the gap between lines.
const ROLE_STYLE: Record<string, string> = {
  headline: "text-xl font-semibold font-sans leading-[2.1]",
  subtitle: "italic text-muted-foreground",
  caption: "text-sm font-sans text-muted-foreground border-l-2 pl-3 leading-[2.4]",
  byline: "text-sm font-sans text-muted-foreground leading-[2.4]",
  dateline: "text-sm font-sans uppercase tracking-wide text-muted-foreground leading-[2.4]",
  heading: "font-semibold font-sans",
};

function BlockView({ block, firstSpanPiece }: { block: Block; firstSpanPiece: number | null }) {
  const paragraphs = block.paragraphs.map((p) => (
    // data-s: the offset of the paragraph's first character, so selected words map to the document (annotating).
    <p key={p[0]?.start} data-s={p[0]?.start} className={cn("mb-4", block.role && ROLE_STYLE[block.role])}>
      {p.map((piece) => (
        <PieceView key={piece.start} piece={piece} first={piece.start === firstSpanPiece} />
      ))}
    </p>
  ));
  if (block.article) return <div data-role={block.role ?? "text"}>{paragraphs}</div>;
  const role = block.role as SegmentRole | null;
  const label = `Boilerplate · ${role ? SEGMENT_ROLE_LABELS[role] : "unclassified"} — not part of the article`;
  const className = "mb-4 rounded-md border border-dashed px-3 pt-2 text-sm text-muted-foreground";
  const heading = "mb-1 font-sans text-xs font-medium tracking-wide text-muted-foreground uppercase";
  // A long notice (a cookie banner runs to thousands of characters) is folded: it is labelled and
  // one click away, without pushing the article down the page.
  if (block.end - block.start > LONG_BOILERPLATE) {
    return (
      <details data-role={block.role} data-boilerplate className={cn(className, "pb-2")}>
        <summary className={cn(heading, "cursor-pointer")}>
          {label} · {(block.end - block.start).toLocaleString("en")} characters, folded
        </summary>
        <div className="mt-2">{paragraphs}</div>
      </details>
    );
  }
  return (
    <div data-role={block.role} data-boilerplate className={className}>
      <p className={heading}>{label}</p>
      {paragraphs}
    </div>
  );
}

/** Where a page of the original (a PDF) begins. */
function PageMarker({ page }: { page: number }) {
  return (
    <p
      id={`page-${page}`}
      data-page={page}
      className="my-3 flex items-center gap-3 font-sans text-xs text-muted-foreground uppercase tracking-wide before:h-px before:flex-1 before:bg-border after:h-px after:flex-1 after:bg-border"
    >
      Page {page}
    </p>
  );
}

/** Boilerplate longer than this is folded in the reader. */
const LONG_BOILERPLATE = 600;

function SourceMetadata({ source }: { source: SourceDetail }) {
  const basis = (b: string) => (
    <Badge variant={b === "stated" ? "secondary" : "warning"} className="ml-1">
      {b}
    </Badge>
  );
  return (
    <Card id="about" className="scroll-mt-20">
      <CardHeader>
        <CardTitle level={2} className="text-sm">
          About this document
        </CardTitle>
      </CardHeader>
      <CardContent>
        <dl className="flex flex-col gap-2 text-sm">
          <div>
            <dt className="text-xs text-muted-foreground">Publisher</dt>
            <dd>
              {source.publisher ?? <span className="italic">not stated</span>}
              {basis(source.publisherBasis)}
            </dd>
          </div>
          <div>
            <dt className="text-xs text-muted-foreground">Authors</dt>
            <dd>
              {source.authors.length ? source.authors.join(", ") : <span className="italic">not named</span>}
              {basis(source.authorsBasis)}
            </dd>
          </div>
          <div>
            <dt className="text-xs text-muted-foreground">Published</dt>
            <dd>
              <TimeDetails time={source.published} />
            </dd>
          </div>
          <div>
            <dt className="text-xs text-muted-foreground">Title</dt>
            <dd>
              {source.titleBasis === "stated"
                ? "the document's own headline"
                : "assigned by the editors (the document has none)"}
            </dd>
          </div>
          <div>
            <dt className="text-xs text-muted-foreground">Genre and language</dt>
            <dd>
              {source.genre} · {source.language}
            </dd>
          </div>
          {source.dateline && (
            <div>
              <dt className="text-xs text-muted-foreground">Dateline</dt>
              <dd>{source.dateline}</dd>
            </div>
          )}
          {source.url && (
            <div>
              <dt className="text-xs text-muted-foreground">Published at</dt>
              <dd className="break-all">{source.url}</dd>
            </div>
          )}
          <div>
            <dt className="text-xs text-muted-foreground">Fingerprint of the text (SHA-256)</dt>
            <dd className="font-mono text-xs break-all">{source.hash}</dd>
          </div>
        </dl>
      </CardContent>
    </Card>
  );
}

function Notes({ source, spanLink }: { source: SourceDetail; spanLink: (s: number, e: number) => string }) {
  if (source.notes.length === 0) return null;
  return (
    <Card>
      <CardHeader>
        <CardTitle level={2} className="text-sm">
          How the metadata was worked out
        </CardTitle>
      </CardHeader>
      <CardContent>
        <ul className="flex flex-col gap-3 text-sm">
          {source.notes.map((n) => (
            <li key={`${n.field}:${n.text.slice(0, 20)}`} className="flex flex-col gap-1">
              <span className="text-xs font-medium text-muted-foreground uppercase">{n.field}</span>
              <p>{n.text}</p>
              {n.evidence.length > 0 && (
                <ul className="flex flex-col gap-1">
                  {n.evidence.map((e) => (
                    <li key={e.start}>
                      <Link href={spanLink(e.start, e.end)} className="font-serif text-primary hover:underline">
                        “{clip(e.quote, 120)}”
                      </Link>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      </CardContent>
    </Card>
  );
}

/** Every annotation, by layer: the keyboard-friendly way to every highlight. */
function AnnotationIndex({
  annotations,
  hrefOf,
  spanLink,
}: {
  annotations: Annotation[];
  hrefOf: (a: Annotation) => string;
  spanLink: (s: number, e: number) => string;
}) {
  return (
    <Card>
      <CardHeader>
        <CardTitle level={2} className="text-sm">
          Annotations in this document
        </CardTitle>
      </CardHeader>
      <CardContent className="flex flex-col gap-1 text-sm">
        {LAYER_KEYS.map((layer) => {
          const items = annotations.filter((a) => layerOf(a.type) === layer);
          if (items.length === 0) return null;
          const grouped = new Map<string, Annotation[]>();
          for (const a of items)
            grouped.set(`${a.type}:${a.recordId}`, [...(grouped.get(`${a.type}:${a.recordId}`) ?? []), a]);
          return (
            <details key={layer} className="rounded-md border px-2 py-1">
              <summary className="flex items-center gap-2 py-0.5">
                <span aria-hidden className={`inline-block size-2.5 rounded-full swatch-${layer}`} />
                {LAYERS[layer].label}
                <span className="ml-auto text-xs text-muted-foreground tabular-nums">{items.length}</span>
              </summary>
              <ul className="mt-1 mb-1 flex flex-col gap-1.5">
                {[...grouped.values()].map((group) => {
                  const a = group[0] as Annotation;
                  return (
                    <li key={`${a.type}:${a.recordId}`} className="flex flex-col">
                      <Link href={hrefOf(a)} className="text-primary hover:underline">
                        {clip(a.label, 140)}
                      </Link>
                      <span className="flex flex-wrap gap-x-2 text-xs text-muted-foreground">
                        {group.slice(0, 6).map((g, i) => (
                          <Link key={`${g.start}-${g.end}`} href={spanLink(g.start, g.end)} className="hover:underline">
                            {group.length === 1 ? "show in text" : `#${i + 1}`}
                          </Link>
                        ))}
                        {group.length > 6 && <span>+{group.length - 6}</span>}
                      </span>
                    </li>
                  );
                })}
              </ul>
            </details>
          );
        })}
      </CardContent>
    </Card>
  );
}

/** Every page of a list, for the annotate form's choices (the atlas holds hundreds, not millions). */
async function everyPage<T>(fetch: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor: string | null }>) {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await fetch(cursor);
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return items;
}

/**
 * What the annotate form offers: every actor (with its names), every event and every claim (for
 * what a new claim is about, supports or contradicts), this document's own first.
 */
async function annotationChoices(source: SourceDetail) {
  const [actors, events, claims] = await Promise.all([
    everyPage((cursor) => api.actors.list.query({ limit: 200, sort: "name", cursor })),
    everyPage((cursor) => api.events.timeline.query({ limit: 200, cursor })),
    everyPage((cursor) => api.claims.list.query({ limit: 200, cursor })),
  ]);
  const ownFirst = <T extends { id: string }>(type: "event" | "claim", items: T[]) => {
    const here = new Set(source.annotations.filter((a) => a.type === type).map((a) => a.recordId));
    return [...items.filter((x) => here.has(x.id)), ...items.filter((x) => !here.has(x.id))];
  };
  const short = (s: string) => (s.length > 100 ? `${s.slice(0, 99)}…` : s);
  return {
    actors: actors.map((a) => ({ id: a.id, name: a.name, aliases: a.aliases })),
    events: ownFirst("event", events).map((e): [string, string] => [e.id, e.title]),
    claims: ownFirst("claim", claims).map((c): [string, string] => [
      c.id,
      short(`${c.claimant.name} ${c.stance}: ${c.statement}`),
    ]),
  };
}

export default async function ReaderPage({ params, searchParams }: Props) {
  const [{ id }, sp] = await Promise.all([params, searchParams]);
  const result = await load("the document", () => getSource(id));
  if (!result.ok) return <ApiFailure failure={result.failure} />;
  const source = result.data;
  // Only a signed-in reviewer annotates; the form's choices are loaded for them alone.
  const reviewer = await signedIn();
  const choices = reviewer
    ? await load("the actors and events to annotate with", () => annotationChoices(source))
    : null;
  const annotator: AnnotatorProps | null =
    choices?.ok === true
      ? {
          sourceId: source.id,
          text: source.text,
          segments: source.segments.map((s) => ({ start: s.start, end: s.end, article: s.article })),
          mentions: source.annotations.filter((a) => a.type === "mention").map((a) => [a.start, a.end, a.recordId]),
          ...choices.data,
          textId: "doc-text",
        }
      : null;

  const layerParam = first(sp.layers);
  const layers: Layer[] = layerParam === undefined ? LAYER_KEYS : allowed(all(sp.layers), LAYER_KEYS);
  const hideBoilerplate = first(sp.boilerplate) === "hide";
  const spanParam = first(sp.span);
  const span = parseSpan(spanParam, source.text.length);
  const validSpan = span === "invalid" ? null : span;
  // The records whose words are exactly the span asked for: what the link came from.
  const spanRecords = validSpan
    ? source.annotations.filter((a) => a.start === validSpan.start && a.end === validSpan.end && a.type !== "mention")
    : [];

  const visible = source.annotations.filter((a) => {
    const layer = layerOf(a.type);
    return layer !== null && layers.includes(layer);
  });
  const records: ReaderRecord[] = visible.map((a) => [a.type, a.start, a.end, clip(a.label), recordHref(a)]);
  const allBlocks = buildBlocks(source.text, source.segments, visible, validSpan, source.pages);
  const spanPages = validSpan ? describePages(source.pages, validSpan.start, validSpan.end) : null;
  const blocks = hideBoilerplate
    ? allBlocks.filter((b) => b.article || (validSpan && validSpan.start < b.end && validSpan.end > b.start))
    : allBlocks;
  const hidden = allBlocks.length - blocks.length;
  const firstSpanPiece = blocks.flatMap((b) => b.paragraphs.flat()).find((p) => p.inSpan)?.start ?? null;

  const base = sourceHref(source.id);
  const keep = { layers: layerParam, boilerplate: hideBoilerplate ? "hide" : undefined };
  const spanLink = (s: number, e: number) => `${base}${query({ ...keep, span: `${s}-${e}` })}`;
  const toggled = (layer: Layer) => {
    const next = layers.includes(layer) ? layers.filter((l) => l !== layer) : [...layers, layer];
    const value = next.length === LAYER_KEYS.length ? undefined : next.length === 0 ? "none" : next.join(",");
    return `${base}${query({ layers: value, boilerplate: keep.boilerplate, span: spanParam })}`;
  };
  const boilerplateToggle = `${base}${query({ layers: layerParam, boilerplate: hideBoilerplate ? undefined : "hide", span: spanParam })}`;
  const spanBase = `${base}${query(keep)}${query(keep) ? "&" : "?"}`;

  return (
    <>
      <SourceHeader
        title={source.title}
        where={
          <>
            <span>{source.publisher ?? "publisher not stated"}</span>
            <Badge variant="outline">{source.genre}</Badge>
          </>
        }
      >
        {source.subtitle}
      </SourceHeader>

      {/* On a narrow screen the details come after the text: say when it was published up front. */}
      <p className="text-sm text-muted-foreground lg:hidden">
        Published {source.published ? timeText(source.published) : "date unknown"}
        {source.published && source.published.basis !== "explicit" && ` (${source.published.basis})`} ·{" "}
        <a href="#about" className="text-primary underline">
          how we know, and the rest of this document's details
        </a>
      </p>
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="flex min-w-0 flex-col gap-4">
          <div className="flex flex-col gap-2 rounded-lg border bg-card p-3">
            <p id="layers-label" className="text-xs font-medium text-muted-foreground">
              Highlight layers (click one to switch it on or off)
            </p>
            <ul aria-labelledby="layers-label" className="flex flex-wrap gap-1.5">
              {LAYER_KEYS.map((layer) => {
                const on = layers.includes(layer);
                const count = source.annotations.filter((a) => layerOf(a.type) === layer).length;
                return (
                  <li key={layer}>
                    <Link
                      href={toggled(layer)}
                      scroll={false}
                      title={LAYERS[layer].description}
                      className={cn(
                        "inline-flex items-center gap-1.5 rounded-full border px-2.5 py-1 text-xs hover:bg-muted",
                        on ? "border-primary bg-accent" : "text-muted-foreground",
                      )}
                      data-layer={layer}
                      data-on={on}
                    >
                      <span
                        aria-hidden
                        className={cn("inline-block h-1 w-4 rounded", `swatch-${layer}`, !on && "opacity-40")}
                      />
                      {LAYERS[layer].label}
                      <span className="tabular-nums text-muted-foreground">{count}</span>
                      {on ? <Check aria-hidden className="size-3" /> : null}
                      <span className="sr-only">{on ? "(shown; hide)" : "(hidden; show)"}</span>
                    </Link>
                  </li>
                );
              })}
              <li>
                <Link
                  href={boilerplateToggle}
                  scroll={false}
                  className="inline-flex items-center gap-1.5 rounded-full border border-dashed px-2.5 py-1 text-xs hover:bg-muted"
                >
                  <EyeOff aria-hidden className="size-3" />
                  {hideBoilerplate ? `Show boilerplate (${hidden} hidden)` : "Hide boilerplate"}
                </Link>
              </li>
            </ul>
          </div>

          {span === "invalid" && (
            <p role="alert" className="rounded-md border border-danger/40 bg-card p-3 text-sm">
              The link points to words this document does not have (it is shorter than the link says): the link is
              broken or was made for another version of the document. The whole document is below.
            </p>
          )}
          {validSpan && (
            <p className="rounded-md border bg-card p-3 text-sm" data-testid="span-banner">
              Showing the words a link pointed to
              {spanPages && <>, on {spanPages} of the original</>}
              {spanRecords.length > 0 && (
                <>
                  , the evidence for{" "}
                  {spanRecords.map((a, i) => (
                    <span key={`${a.type}:${a.recordId}`}>
                      {i > 0 && "; "}
                      <Link href={recordHref(a)} className="text-primary underline">
                        {a.label}
                      </Link>
                    </span>
                  ))}
                </>
              )}
              , emphasised below:{" "}
              <q className="font-serif">{clip(source.text.slice(validSpan.start, validSpan.end), 160)}</q>{" "}
              <Link href={`${base}${query(keep)}`} scroll={false} className="text-primary underline">
                clear
              </Link>
            </p>
          )}

          {annotator ? (
            <Annotator {...annotator} />
          ) : choices && !choices.ok ? (
            <ApiFailure failure={choices.failure} />
          ) : (
            <SignInToWrite next={base} what="Annotating this document's words" />
          )}
          <section
            id="doc-text"
            // biome-ignore lint/a11y/noNoninteractiveTabindex: the text is one tab stop; arrow keys move between its highlights.
            tabIndex={0}
            aria-label="Document text. Highlights are annotations: click one, or focus it with the arrow keys and press Enter, to see its records."
            className="rounded-lg border bg-card px-4 py-5 font-serif text-[1.05rem] leading-[2.3] sm:px-8"
          >
            {blocks.map((b, i) => (
              <Fragment key={b.start}>
                {b.page !== null && b.page !== blocks[i - 1]?.page && <PageMarker page={b.page} />}
                <BlockView block={b} firstSpanPiece={firstSpanPiece} />
              </Fragment>
            ))}
          </section>
          <p className="text-xs text-muted-foreground">
            The text exactly as received, never altered · in the text, ← and → move between highlights.
          </p>
        </div>

        <aside className="flex flex-col gap-4" aria-label="Document details">
          <SourceMetadata source={source} />
          <Notes source={source} spanLink={spanLink} />
          <AnnotationIndex annotations={source.annotations} hrefOf={(a) => recordHref(a)} spanLink={spanLink} />
        </aside>
      </div>
      <ReaderInteractions textId="doc-text" records={records} spanBase={spanBase} />
      <RecordHistory type="source" id={id} />
    </>
  );
}
