/**
 * What the reader's annotate form is given: the document's text, segments and mentions, and every
 * actor, event and claim it may link new words to. Loaded only for a signed-in reviewer.
 */
import type { SourceDetail } from "@/lib/types";
import { api } from "@/trpc/client";
import type { AnnotatorProps } from "./annotator";

/** Every page of a list, for the annotate form's choices (the atlas holds hundreds, not millions). */
async function everyPage<T>(fetch: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor: string | null }>) {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await fetch(cursor);
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return items;
}

/**
 * What the annotate form offers: every actor (with its names), every event and every claim (for
 * what a new claim is about, supports or contradicts), this document's own first.
 */
export async function annotationChoices(source: SourceDetail) {
  const [actors, events, claims] = await Promise.all([
    everyPage((cursor) => api.actors.list.query({ limit: 200, sort: "name", cursor })),
    everyPage((cursor) => api.events.timeline.query({ limit: 200, cursor })),
    everyPage((cursor) => api.claims.list.query({ limit: 200, cursor })),
  ]);
  const ownFirst = <T extends { id: string }>(type: "event" | "claim", items: T[]) => {
    const here = new Set(source.annotations.filter((a) => a.type === type).map((a) => a.recordId));
    return [...items.filter((x) => here.has(x.id)), ...items.filter((x) => !here.has(x.id))];
  };
  const short = (s: string) => (s.length > 100 ? `${s.slice(0, 99)}…` : s);
  return {
    actors: actors.map((a) => ({ id: a.id, name: a.name, aliases: a.aliases })),
    events: ownFirst("event", events).map((e): [string, string] => [e.id, e.title]),
    claims: ownFirst("claim", claims).map((c): [string, string] => [
      c.id,
      short(`${c.claimant.name} ${c.stance}: ${c.statement}`),
    ]),
  };
}

/** The annotate form's props: the document as it marks words in it, and the choices loaded for it. */
export function annotatorProps(
  source: SourceDetail,
  choices: Awaited<ReturnType<typeof annotationChoices>>,
): AnnotatorProps {
  return {
    sourceId: source.id,
    text: source.text,
    segments: source.segments.map((s) => ({ start: s.start, end: s.end, article: s.article })),
    mentions: source.annotations.filter((a) => a.type === "mention").map((a) => [a.start, a.end, a.recordId]),
    ...choices,
    textId: "doc-text",
  };
}
