/**
 * Where quoted words lie and what may close an attribution: the quotation spans of a stretch of
 * text (curly or straight, across paragraphs that open with a mark), the quotation right before or
 * after a verb, the setting between a verb and its quotation ("said in a televised speech, “…”"),
 * and the tail that may follow a verb ending its sentence ("…, two officials confirmed to the
 * Associated Press on Saturday.").
 */
import type { Span, StatementContext } from "./speech.js";

/** Whom words are told to, when they are not part of what is told. */
export const LISTENERS = new Set([
  "reporters",
  "journalists",
  "lawmakers",
  "outlet",
  "newspaper",
  "agency",
  "parliament",
  "audience",
  "supporters",
  "crowd",
  "followers",
  "press",
  "media",
]);

/** Quotation spans (inside the marks) of a stretch of text, curly or straight. */
export function quotations(text: string, from: number, to: number): Span[] {
  const out: Span[] = [];
  let open = -1;
  let straight = -1;
  for (let i = from; i < to; i++) {
    const c = text[i];
    if (c === "“") open = i;
    else if (c === "”" && open !== -1) {
      if (i > open + 1) out.push({ start: open + 1, end: i });
      open = -1;
    } else if (c === '"') {
      if (straight === -1) straight = i;
      else {
        if (i > straight + 1) out.push({ start: straight + 1, end: i });
        straight = -1;
      }
    } else if (c === "\n" && text[i + 1] === "\n") {
      // A paragraph ends an unclosed quotation, except that a new paragraph opening with a mark
      // continues it (the news convention for quotes over several paragraphs).
      if (open !== -1 && text[i + 2] !== "“") open = -1;
      if (straight !== -1 && text[i + 2] !== '"') straight = -1;
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * What may follow a verb that closes its sentence: whom it was told ("to the Associated Press",
 * "to reporters") and when ("on Saturday", "last week"); nothing that is itself what was said.
 */
const DAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|tonight";
export const CLOSING_TAIL = new RegExp(
  `^(?:\\s+to\\s+(?:the\\s+|a\\s+|an\\s+)?(?:\\p{Lu}[^,;:“”"]{0,40}?|(?:${[...LISTENERS].join("|")})))?` +
    `(?:\\s+(?:(?:on|in|at|last|this|late|early|earlier)\\s+[\\p{L}\\p{N}]+(?:\\s+\\p{N}+)?|${DAYS}))?[\\s.!?”"]*$`,
  "u",
);

/**
 * "…, the military announced Friday, with sources saying …": the verb closes its clause (only whom
 * and when before the next comma), and what follows the comma is a participle's or "with" clause.
 */
export function closesClause(text: string, from: number, to: number): boolean {
  const rest = text.slice(from, to);
  const comma = rest.indexOf(",");
  return (
    comma !== -1 && CLOSING_TAIL.test(rest.slice(0, comma)) && /^,\s+(?:with|\p{Ll}+ing)\b/u.test(rest.slice(comma))
  );
}

/**
 * Where or how words were said, between the verb at `at` and a quotation: "in a televised speech,",
 * "on Twitter:".
 */
export function settingAt(text: string, at: number): Span | null {
  const m = /^\s+((?:in|on|during|at|via|through|over)\s[^“”",.;:]{2,60}?)\s*[,:]?\s*[“"]/.exec(
    text.slice(at, at + 90),
  );
  if (!m) return null;
  const start = at + (m[0].length - m[0].trimStart().length);
  return { start, end: start + (m[1] as string).length };
}

/** The quotation that ends right before `at`, within the sentence (“…,” said X). */
export const quoteBefore = (ctx: StatementContext, at: number, sentenceStart = 0) =>
  ctx.quotes.findLast(
    (q) => q.end <= at && q.end > sentenceStart && /^[\s,.?!—–-]*[”"][\s,—–-]*$/.test(ctx.text.slice(q.end, at)),
  );
export const quoteAfter = (ctx: StatementContext, at: number) =>
  ctx.quotes.find((q) => q.start >= at && /^[\s,:—–-]*[“"]$/.test(ctx.text.slice(at, q.start)));
