/**
 * What the reader says about the span a link asked for: that the document has no such words, or
 * which words they are, on what page, the evidence for which records, with a way to clear it.
 */
import Link from "@/components/ui/link";
import type { SourceDetail } from "@/lib/types";
import { clip, type ReaderView, recordHref } from "./reader-view";

export function SpanNotice({
  source,
  view: { span, validSpan, spanPages, spanRecords, keptHref },
}: {
  source: SourceDetail;
  view: ReaderView;
}) {
  return (
    <>
      {span === "invalid" && (
        <p role="alert" className="rounded-md border border-danger/40 bg-card p-3 text-sm">
          The link points to words this document does not have (it is shorter than the link says): the link is broken or
          was made for another version of the document. The whole document is below.
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
          <Link href={keptHref} scroll={false} className="text-primary underline">
            clear
          </Link>
        </p>
      )}
    </>
  );
}
