/**
 * The words an operation cites: the span of a quote in its document (or a refusal naming the words
 * and the document), and evidence lists that hold each span once.
 */
import type { Evidence, Segment } from "@atlas/schema";
import { eq } from "drizzle-orm";
import { resolveQuote } from "../annotations/quotes.js";
import type { Db } from "../db/client.js";
import * as t from "../db/schema/index.js";
import { ReviewError } from "../ingest/errors.js";
import type { SourceText } from "../ingest/review/index.js";
import type { QuoteRef } from "./model.js";

async function sourceText(db: Db, sourceId: string): Promise<SourceText> {
  const [source] = await db
    .select({ id: t.sources.id, text: t.sources.text })
    .from(t.sources)
    .where(eq(t.sources.id, sourceId));
  if (!source) throw new ReviewError("not_found", `source: no document with id "${sourceId}".`);
  const segments = (await db
    .select({ start: t.segments.start, end: t.segments.end, role: t.segments.role, article: t.segments.article })
    .from(t.segments)
    .where(eq(t.segments.sourceId, sourceId))) as Segment[];
  return { ...source, segments };
}

/** The span of the quoted words in the document, or a refusal naming the words and the document. */
export async function spanFor(db: Db, ref: QuoteRef, field = "quote"): Promise<{ span: Evidence; source: SourceText }> {
  const source = await sourceText(db, ref.sourceId);
  const r = resolveQuote(source, { quote: ref.quote, occurrence: ref.occurrence });
  if (!r.ok) {
    throw new ReviewError(
      "invalid",
      `${field}: ${r.error.replace(/add occurrence: (\d+\.\.\d+)/, "give the occurrence ($1)")}`,
    );
  }
  return { span: r.span, source };
}

export const sameSpan = (
  a: Pick<Evidence, "sourceId" | "start" | "end">,
  b: Pick<Evidence, "sourceId" | "start" | "end">,
) => a.sourceId === b.sourceId && a.start === b.start && a.end === b.end;

export const withSpan = (list: Evidence[], span: Evidence) =>
  list.some((e) => sameSpan(e, span))
    ? list
    : [...list, span].sort((a, b) => a.sourceId.localeCompare(b.sourceId) || a.start - b.start);
