/**
 * Evidence anchors a fact to the exact words of a source, after the W3C Web Annotation
 * model: a TextPositionSelector (start, end) plus a TextQuoteSelector (quote, prefix, suffix).
 * Offsets count UTF-16 code units, so `source.text.slice(start, end) === quote` in JavaScript.
 */
import { z } from "zod";
import { Id } from "./common.js";

export const Evidence = z
  .object({
    sourceId: Id.describe("Id of the source document the words come from."),
    start: z
      .int()
      .nonnegative()
      .describe("Offset of the first character of the quote in the source text (UTF-16 code units, 0-based)."),
    end: z
      .int()
      .positive()
      .describe("Offset just past the last character of the quote (exclusive), so end - start is the quote's length."),
    quote: z
      .string()
      .min(1)
      .describe(
        "The verbatim words, exactly as in the source: curly quotes, non-breaking spaces and typos included. Equal to text.slice(start, end).",
      ),
    prefix: z
      .string()
      .optional()
      .describe("Up to 32 characters of source text just before the quote, to re-anchor it if offsets drift."),
    suffix: z
      .string()
      .optional()
      .describe("Up to 32 characters of source text just after the quote, to re-anchor it if offsets drift."),
  })
  .superRefine((e, ctx) => {
    if (e.end <= e.start) {
      ctx.addIssue({
        code: "custom",
        path: ["end"],
        message: `end (${e.end}) must be greater than start (${e.start})`,
      });
    } else if (e.end - e.start !== e.quote.length) {
      ctx.addIssue({
        code: "custom",
        path: ["quote"],
        message: `quote has ${e.quote.length} characters but the span start..end covers ${e.end - e.start}`,
      });
    }
  })
  .meta({
    id: "Evidence",
    title: "Evidence span",
    description:
      "A verbatim quote from a source with its character offsets: the anchor of every fact (W3C Web Annotation TextQuoteSelector + TextPositionSelector).",
  });
export type Evidence = z.infer<typeof Evidence>;

/** At least one span: nothing in the atlas stands without evidence. */
export const EvidenceList = z
  .array(Evidence)
  .min(1, "needs at least one evidence span: nothing in the atlas stands without the words that say it")
  .describe("One or more verbatim spans that state this fact.");
