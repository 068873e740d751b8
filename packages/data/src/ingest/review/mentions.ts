/** Mentions accepting writes: every occurrence of an accepted actor's names, and spans checked against the text. */
import type { Evidence, Mention, Segment } from "@atlas/schema";
import { eq } from "drizzle-orm";
import { span } from "../../annotations/quotes.js";
import type { Db } from "../../db/client.js";
import * as t from "../../db/schema/index.js";
import { NameResolver } from "../../names/resolver.js";
import { ReviewError } from "../errors.js";
import type { IngestRecord } from "../records.js";
import type { TextSpan } from "../types.js";

/** The mentions accepting these records makes. */
export const mentionsIn = (records: IngestRecord[]): Mention[] =>
  records.flatMap((r) =>
    r.type === "mention" ? [r.mention] : r.type === "actor" || r.type === "alias" ? r.mentions : [],
  );

export interface SourceText {
  id: string;
  text: string;
  segments: Segment[];
}

/** The evidence a span is, refused when the text no longer holds its words. */
export const spanOf = (source: SourceText, s: TextSpan): Evidence => {
  if (source.text.slice(s.start, s.end) !== s.quote) {
    throw new ReviewError("invalid", `The span ${s.start}..${s.end} no longer matches the text of "${source.id}".`);
  }
  return span(source.id, source.text, s.start, s.end);
};

/** Every occurrence of the names in the document's article text, outside existing mentions. */
export async function mentionsOf(
  db: Db,
  source: SourceText,
  actorId: string,
  names: { name: string; alias: string }[],
): Promise<Mention[]> {
  const existing = await db
    .select({ start: t.mentions.start, end: t.mentions.end })
    .from(t.mentions)
    .where(eq(t.mentions.sourceId, source.id));
  // The names as written (exact), each standing for the alias it is recorded under.
  const resolver = new NameResolver(
    names.map((n) => ({ actorId: n.alias, name: n.name, origin: "alias" as const, sourceIds: [] })),
  );
  // Hits, boilerplate and existing mentions all come in text order: one sweep, however long the document.
  const taken = [...source.segments.filter((s) => !s.article), ...existing].sort((a, b) => a.start - b.start);
  const out: Mention[] = [];
  let k = 0;
  let reach = -1;
  for (const h of resolver
    .find(source.text, { rules: "exact" })
    .flatMap((m) => (m.candidates[0] ? [{ ...m, alias: m.candidates[0].actorId }] : []))) {
    while (k < taken.length && (taken[k] as { start: number }).start < h.end) {
      reach = Math.max(reach, (taken[k] as { end: number }).end);
      k++;
    }
    // Everything that starts before the hit ends has been swept; it overlaps if it reaches past the hit's start.
    if (reach > h.start) continue;
    out.push({
      sourceId: source.id,
      start: h.start,
      end: h.end,
      quote: source.text.slice(h.start, h.end),
      actorId,
      alias: h.alias,
    });
  }
  return out;
}
