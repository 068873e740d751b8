/**
 * Review: the documents analysts have added, how far the review of each has come, and a form
 * to add another. What the suggester finds stays a suggestion until someone accepts it.
 */
import type { Metadata } from "next";
import { ApiFailure } from "@/components/api-failure";
import { Empty, PageHeader, Section } from "@/components/page";
import { SignInToWrite } from "@/components/sign-in-to-write";
import { TimeText } from "@/components/time";
import { Badge } from "@/components/ui/badge";
import Link from "@/components/ui/link";
import { FORMAT_LABELS } from "@/lib/labels";
import { ingestedAtText, KIND_INFO, SUGGESTION_KINDS } from "@/lib/review";
import type { IngestedDocument } from "@/lib/types";
import { plural } from "@/lib/utils";
import { api } from "@/trpc/client";
import { load } from "@/trpc/load";
import { signedIn } from "@/trpc/write";
import { AddDocumentForm } from "./_components/add-document-form";

export const metadata: Metadata = {
  title: "Review",
  description:
    "Add a document to Militia Atlas and review what was found in it — mentions, possible actors, statements, events, relations and dates — before any of it becomes part of the atlas.",
};

const reviewHref = (id: string) => `/review/${encodeURIComponent(id)}`;

function Counts({ doc }: { doc: IngestedDocument }) {
  const rows = SUGGESTION_KINDS.filter((k) => doc.suggestions[k]);
  if (rows.length === 0) return <p className="text-sm text-muted-foreground">Nothing was found to suggest.</p>;
  return (
    <table className="w-full max-w-xl text-sm">
      <caption className="sr-only">Suggestions in {doc.title}, by kind and status</caption>
      <thead>
        <tr className="text-left text-xs text-muted-foreground">
          <th scope="col" className="py-1 pr-3 font-medium">
            Kind
          </th>
          <th scope="col" className="py-1 pr-3 text-right font-medium">
            Waiting
          </th>
          <th scope="col" className="py-1 pr-3 text-right font-medium">
            Accepted
          </th>
          <th scope="col" className="py-1 text-right font-medium">
            Rejected
          </th>
        </tr>
      </thead>
      <tbody className="tabular-nums">
        {rows.map((k) => {
          const c = doc.suggestions[k] ?? {};
          return (
            <tr key={k} data-kind={k} className="border-t">
              <th scope="row" className="py-1 pr-3 text-left font-normal">
                <Link href={`${reviewHref(doc.sourceId)}?kind=${k}`} className="text-primary hover:underline">
                  {KIND_INFO[k].title}
                </Link>
              </th>
              <td className="py-1 pr-3 text-right">{c.suggested ?? 0}</td>
              <td className="py-1 pr-3 text-right">{c.accepted ?? 0}</td>
              <td className="py-1 text-right">{c.rejected ?? 0}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export default async function ReviewPage() {
  const result = await load("the ingested documents", () => api.ingest.documents.query());
  const canWrite = (await signedIn()) !== null;
  return (
    <>
      <PageHeader title="Review">
        Add a news article or report, then review what was found in it: mentions of known actors, possible new actors,
        statements that may be claims, events and relations, and dates. Each stays a suggestion — apart from the atlas —
        until you accept it; accepting creates the record with the document’s exact words as its evidence.
      </PageHeader>
      <Section id="add" title="Add a document">
        {canWrite ? (
          <AddDocumentForm />
        ) : (
          <SignInToWrite next="/review" what="Adding documents and reviewing suggestions" />
        )}
      </Section>
      {!result.ok ? (
        <ApiFailure failure={result.failure} />
      ) : (
        <Section
          id="documents"
          title="Added documents"
          count={result.data.length}
          description="Newest first, with how many suggestions in each are waiting, accepted or rejected."
        >
          {result.data.length === 0 ? (
            <Empty>No documents have been added yet. The five curated sources are in Sources.</Empty>
          ) : (
            <ul className="flex flex-col gap-3">
              {result.data.map((doc) => {
                const waiting = SUGGESTION_KINDS.reduce((n, k) => n + (doc.suggestions[k]?.suggested ?? 0), 0);
                return (
                  <li
                    key={doc.sourceId}
                    data-document={doc.sourceId}
                    className="flex flex-col gap-2 rounded-lg border bg-card p-4"
                  >
                    <div className="flex flex-wrap items-baseline justify-between gap-2">
                      <Link
                        href={reviewHref(doc.sourceId)}
                        className="text-lg font-medium text-primary hover:underline"
                      >
                        {doc.title}
                      </Link>
                      <Badge variant={waiting > 0 ? "warning" : "secondary"}>
                        {waiting > 0 ? `${plural(waiting, "suggestion")} to review` : "reviewed"}
                      </Badge>
                    </div>
                    <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
                      <span>{doc.publisher ?? <span className="italic">publisher not stated</span>}</span>
                      <TimeText time={doc.published} />
                      <span className="text-muted-foreground">
                        {FORMAT_LABELS[doc.format]}
                        {doc.fileName ? ` · ${doc.fileName}` : " · pasted"} · {plural(doc.bytes, "byte")} · added{" "}
                        {ingestedAtText(doc.ingestedAt)}
                      </span>
                    </p>
                    {doc.warnings.length > 0 && (
                      <ul className="flex flex-col gap-1 text-sm">
                        {doc.warnings.map((w) => (
                          <li key={w} className="rounded-md bg-warning-bg px-2 py-1 text-warning-fg">
                            {w}
                          </li>
                        ))}
                      </ul>
                    )}
                    <Counts doc={doc} />
                  </li>
                );
              })}
            </ul>
          )}
        </Section>
      )}
    </>
  );
}
