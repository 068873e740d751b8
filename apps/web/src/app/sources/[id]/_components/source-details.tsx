/**
 * What the reader says about the document itself: its metadata, each field marked stated or
 * inferred; how the inferred fields were worked out, with the words they rest on; and, on a narrow
 * screen where those come after the text, when it was published, up front.
 */
import { TimeDetails, timeText } from "@/components/time";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import Link from "@/components/ui/link";
import type { SourceDetail } from "@/lib/types";
import { clip } from "./reader-view";

/** On a narrow screen the details come after the text: say when it was published up front. */
export function PublishedUpFront({ published }: { published: SourceDetail["published"] }) {
  return (
    <p className="text-sm text-muted-foreground lg:hidden">
      Published {published ? timeText(published) : "date unknown"}
      {published && published.basis !== "explicit" && ` (${published.basis})`} ·{" "}
      <a href="#about" className="text-primary underline">
        how we know, and the rest of this document's details
      </a>
    </p>
  );
}

export function SourceMetadata({ source }: { source: SourceDetail }) {
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

export function Notes({ source, spanLink }: { source: SourceDetail; spanLink: (s: number, e: number) => string }) {
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
