/**
 * Evidence: the verbatim words a fact rests on and the document they come from, one click (or
 * hover, via the summary's title) away from every fact, each linking into the reader at that span.
 */
import { ArrowUpRight, Quote as QuoteIcon } from "lucide-react";
import Link from "@/components/ui/link";
import { spanHref } from "@/lib/links";
import type { Quote, SourceRef } from "@/lib/types";
import { cn, plural } from "@/lib/utils";
import { timeText } from "./time";

export function SourceLine({ source, className }: { source: SourceRef; className?: string }) {
  return (
    <span className={cn("text-muted-foreground", className)}>
      <cite className="not-italic font-medium text-foreground">{source.title}</cite>
      {" · "}
      {source.publisher ?? "publisher not stated"}
      {" · "}
      {source.published ? timeText(source.published) : "date unknown"}
    </span>
  );
}

/** One quote with its context, its source and a link to the exact span in the reader. */
export function QuoteBlock({ quote, showSource = true }: { quote: Quote; showSource?: boolean }) {
  return (
    <figure className="flex flex-col gap-1">
      <blockquote className="border-l-2 border-primary/60 pl-3 font-serif text-[0.95rem] leading-relaxed">
        {quote.prefix && <span className="text-muted-foreground">…{quote.prefix}</span>}
        <mark className="search-hit">{quote.quote}</mark>
        {quote.suffix && <span className="text-muted-foreground">{quote.suffix}…</span>}
      </blockquote>
      <figcaption className="flex flex-wrap items-baseline gap-x-2 pl-3 text-xs">
        {showSource && <SourceLine source={quote.source} />}
        <Link
          href={spanHref(quote.sourceId, quote.start, quote.end)}
          className="tap inline-flex items-center gap-0.5 font-medium text-primary hover:underline"
          aria-label={`Read in context: these words in ${quote.source.title}`}
        >
          Read in context
          <ArrowUpRight aria-hidden className="size-3" />
        </Link>
      </figcaption>
    </figure>
  );
}

const sourceCount = (quotes: Quote[]) => new Set(quotes.map((q) => q.sourceId)).size;

/** The evidence for one fact, collapsed behind a small toggle; the first quote previews on hover. */
export function Evidence({
  quotes,
  label = "Evidence",
  className,
}: {
  quotes: Quote[];
  label?: string;
  className?: string;
}) {
  if (quotes.length === 0) {
    return <span className={cn("text-xs text-muted-foreground italic", className)}>no quote recorded</span>;
  }
  const first = quotes[0];
  const summary = `${plural(quotes.length, "quote")}, ${plural(sourceCount(quotes), "source")}`;
  return (
    <details className={cn("group text-sm", className)}>
      <summary
        className="tap inline-flex list-none items-center gap-1 rounded-md border px-1.5 py-0.5 text-xs text-muted-foreground hover:bg-muted hover:text-foreground [&::-webkit-details-marker]:hidden"
        title={first ? `“${first.quote}” — ${first.source.title}` : undefined}
      >
        <QuoteIcon aria-hidden className="size-3" />
        <span>
          {label}
          <span className="sr-only">:</span> <span className="tabular-nums">{summary}</span>
        </span>
      </summary>
      <div className="mt-2 flex flex-col gap-3 rounded-md border bg-muted/40 p-3">
        {quotes.map((q) => (
          <QuoteBlock key={`${q.sourceId}:${q.start}:${q.end}`} quote={q} />
        ))}
      </div>
    </details>
  );
}
