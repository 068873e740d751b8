/**
 * The reader: a source's text, rendered as text, with every annotation highlighted in layers the
 * URL switches on and off; boilerplate shown dimmed and labelled (or hidden); metadata with the
 * reasoning behind every inferred field. ?span=<start>-<end> scrolls to and emphasises a span —
 * every evidence link in the app lands here.
 */
import type { Metadata } from "next";
import { SourceHeader } from "@/app/sources/_components/source-header";
import { ApiFailure } from "@/components/api-failure";
import { RecordHistory } from "@/components/record-history";
import { SignInToWrite } from "@/components/sign-in-to-write";
import { Badge } from "@/components/ui/badge";
import type { SearchParams } from "@/lib/search-params";
import { load } from "@/trpc/load";
import { getSource, titleFrom } from "@/trpc/records";
import { signedIn } from "@/trpc/write";
import { annotationChoices, annotatorProps } from "./_components/annotation-choices";
import { AnnotationIndex } from "./_components/annotation-index";
import { Annotator } from "./_components/annotator";
import { DocumentText } from "./_components/document-text";
import { LayerSwitches } from "./_components/layer-switches";
import { ReaderInteractions } from "./_components/reader-interactions";
import { readerView, recordHref } from "./_components/reader-view";
import { Notes, PublishedUpFront, SourceMetadata } from "./_components/source-details";
import { SpanNotice } from "./_components/span-notice";

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
  const view = readerView(source, sp);

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
      <PublishedUpFront published={source.published} />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="flex min-w-0 flex-col gap-4">
          <LayerSwitches annotations={source.annotations} view={view} />
          <SpanNotice source={source} view={view} />
          {choices?.ok === true ? (
            <Annotator {...annotatorProps(source, choices.data)} />
          ) : choices && !choices.ok ? (
            <ApiFailure failure={choices.failure} />
          ) : (
            <SignInToWrite next={view.base} what="Annotating this document's words" />
          )}
          <DocumentText blocks={view.blocks} firstSpanPiece={view.firstSpanPiece} />
          <p className="text-xs text-muted-foreground">
            The text exactly as received, never altered · in the text, ← and → move between highlights.
          </p>
        </div>

        <aside className="flex flex-col gap-4" aria-label="Document details">
          <SourceMetadata source={source} />
          <Notes source={source} spanLink={view.spanLink} />
          <AnnotationIndex annotations={source.annotations} hrefOf={(a) => recordHref(a)} spanLink={view.spanLink} />
        </aside>
      </div>
      <ReaderInteractions textId="doc-text" records={view.records} spanBase={view.spanBase} />
      <RecordHistory type="source" id={id} />
    </>
  );
}
