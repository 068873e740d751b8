/**
 * A document's review page header: its title under "Review / added document", a link to read it,
 * its publisher, date and format, how many suggestions it has and in what state, and the warnings
 * from adding it.
 */
import { BookOpenText } from "lucide-react";
import { PageHeader } from "@/components/page";
import { TimeText } from "@/components/time";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import Link from "@/components/ui/link";
import { FORMAT_LABELS } from "@/lib/labels";
import { sourceHref } from "@/lib/links";
import type { SuggestionKind, SuggestionStatus } from "@/lib/types";
import { plural } from "@/lib/utils";
import { type ReviewDocument, suggestionCount } from "./review-data";

export function ReviewHeader({ doc, sourceId }: { doc: ReviewDocument; sourceId: string }) {
  const count = (k: SuggestionKind | undefined, st: SuggestionStatus | undefined) => suggestionCount(doc, k, st);
  return (
    <PageHeader
      title={doc.title}
      eyebrow={
        <>
          <Link href="/review" className="hover:underline">
            Review
          </Link>
          <span aria-hidden>/</span>
          <Badge variant="outline">added document</Badge>
        </>
      }
      actions={
        <ButtonLink href={sourceHref(sourceId)} variant="outline" size="sm">
          <BookOpenText aria-hidden />
          Read the document
        </ButtonLink>
      }
    >
      <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
        <span className="text-foreground">{doc.publisher ?? <span className="italic">publisher not stated</span>}</span>
        <TimeText time={doc.published} />
        <span>
          {FORMAT_LABELS[doc.format]}
          {doc.fileName ? ` · ${doc.fileName}` : " · pasted"}
        </span>
      </p>
      <p className="mt-1 text-sm">
        {plural(count(undefined, undefined), "suggestion")}: {count(undefined, "suggested")} waiting,{" "}
        {count(undefined, "accepted")} accepted, {count(undefined, "rejected")} rejected. Suggestions are not part of
        the atlas until accepted.
      </p>
      {doc.warnings.length > 0 && (
        <ul className="mt-2 flex flex-col gap-1 text-sm">
          {doc.warnings.map((w) => (
            <li key={w} className="rounded-md bg-warning-bg px-2 py-1 text-warning-fg">
              {w}
            </li>
          ))}
        </ul>
      )}
    </PageHeader>
  );
}
