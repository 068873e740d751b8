/** A place in a source where an actor's name or alias occurs, found by the seed from the aliases. */
import { z } from "zod";
import { Id } from "./common.js";

export const Mention = z
  .object({
    sourceId: Id,
    start: z.int().nonnegative().describe("Offset of the first character of the matched name."),
    end: z.int().positive().describe("Offset just past the matched name."),
    quote: z.string().min(1).describe("The name exactly as it appears in the text."),
    actorId: Id.describe("The actor the name belongs to."),
    alias: z
      .string()
      .min(1)
      .describe("The name or alias that matched (matching ignores case, diacritics and apostrophes)."),
  })
  .superRefine((m, ctx) => {
    if (m.end <= m.start) {
      ctx.addIssue({
        code: "custom",
        path: ["end"],
        message: `end (${m.end}) must be greater than start (${m.start})`,
      });
    } else if (m.end - m.start !== m.quote.length) {
      ctx.addIssue({
        code: "custom",
        path: ["quote"],
        message: `quote has ${m.quote.length} characters but the span start..end covers ${m.end - m.start}`,
      });
    }
  })
  .meta({
    id: "Mention",
    description: "An occurrence of an actor's name in a source, for highlighting and co-occurrence.",
  });
export type Mention = z.infer<typeof Mention>;
