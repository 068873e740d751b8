/** When a reviewer types a date the selected words state, the atlas keeps the document's own expression. */
import type { Evidence, Time } from "@atlas/schema";
import type { Unresolved } from "../ingest/suggest/date-core.js";
import { referenceOf } from "../ingest/suggest/date-core.js";
import { findDates } from "../ingest/suggest/dates.js";

/** Dates stated in a span of a document, resolved against its publication date. */
export function datesIn(text: string, span: Pick<Evidence, "start" | "end">, published: Time | null) {
  return findDates(text.slice(span.start, span.end), span.start, referenceOf(published), new Map<Unresolved, number>());
}

/** The words' own time for the date typed (same EDTF), with their expression and basis; else null. */
export function documentTime(
  text: string,
  span: Pick<Evidence, "start" | "end">,
  published: Time | null,
  typed: Pick<Time, "edtf">,
): Time | null {
  return datesIn(text, span, published).find((d) => d.time.edtf === typed.edtf)?.time ?? null;
}
