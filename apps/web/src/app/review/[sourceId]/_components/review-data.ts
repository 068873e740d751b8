/**
 * What a document's review page loads and reads from its URL: the filters (kind, status), the page
 * of suggestions, everything a card needs to show them (the text, names for ids, the records they
 * refer to), and — when a suggestion's edit form is open — the complete choices for that form.
 * Also the counts the page shows, from the document's totals.
 */
import { notFound } from "next/navigation";
import { toUrlParams } from "@/components/pager";
import { query } from "@/lib/links";
import { SUGGESTION_KINDS, SUGGESTION_STATUSES } from "@/lib/review";
import { all, allowed, first, type SearchParams } from "@/lib/search-params";
import type { ActorRef, Suggestion, SuggestionKind, SuggestionStatus } from "@/lib/types";
import { api, type Outputs } from "@/trpc/client";
import { type Loaded, load } from "@/trpc/load";
import { getSource } from "@/trpc/records";
import { signedIn } from "@/trpc/write";
import { type CardContext, cardId } from "./card-context";
import type { EditOptions } from "./edit-panel";
import { referenced } from "./referenced-records";

export const KINDS: readonly SuggestionKind[] = SUGGESTION_KINDS;

/** An added document as the review lists it, with its suggestions counted by kind and status. */
export type ReviewDocument = Outputs["ingest"]["documents"][number];

export interface Review {
  sourceId: string;
  kind: SuggestionKind | undefined;
  status: SuggestionStatus | undefined;
  cursor: string | undefined;
  canWrite: boolean;
  doc: ReviewDocument;
  page: Outputs["ingest"]["suggestions"];
  ctx: CardContext;
  /** The suggestion whose edit form is open (only a waiting one can be edited). */
  open: Suggestion | undefined;
  /** The edit form's choices, when a form is open. */
  options: EditOptions | null;
  /** This page's address with some parameters added (the filters and the cursor kept). */
  here: (extra: Record<string, string | undefined>) => string;
  /** The pager's parameters: the URL's, without the open form. */
  pagerParams: URLSearchParams;
}

/** Every page of a cursor list (the edit form's choices must be complete). */
async function everything<T>(
  page: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor: string | null }>,
): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < 50; i++) {
    const p = await page(cursor);
    out.push(...p.items);
    if (!p.nextCursor) break;
    cursor = p.nextCursor;
  }
  return out;
}

/**
 * Reads the URL and loads the page: first the document, its suggestions and the names they need
 * in one batch, then the records they refer to, then the edit form's choices if one is open. A
 * document that was never added is the 404 page.
 */
export async function loadReview(sourceId: string, sp: SearchParams): Promise<Loaded<Review>> {
  const kind = allowed(all(sp.kind), KINDS)[0];
  const status = allowed(all(sp.status), SUGGESTION_STATUSES)[0];
  const cursor = first(sp.cursor);
  const canWrite = (await signedIn()) !== null;
  const editing = canWrite ? first(sp.edit) : undefined;

  const result = await load("the document's suggestions", () =>
    Promise.all([
      api.ingest.documents.query(),
      getSource(sourceId),
      api.ingest.suggestions.query({ sourceId, kind, status, cursor, limit: 200 }),
      api.ingest.suggestions.query({ sourceId, kind: "actor", status: "suggested", limit: 200 }),
      everything((c) => api.actors.list.query({ limit: 200, cursor: c })),
      api.places.list.query(),
    ]),
  );
  if (!result.ok) return result;
  const [documents, source, page, actorSuggestions, actorList, places] = result.data;
  const doc = documents.find((d) => d.sourceId === sourceId);
  if (!doc) notFound();
  const refs = await referenced(page.items);

  const open = editing ? page.items.find((s) => s.id === editing && s.status === "suggested") : undefined;
  let options: EditOptions | null = null;
  if (open) {
    const loaded = await load("the choices for the edit form", () =>
      everything((c) => api.events.timeline.query({ limit: 200, cursor: c })),
    );
    if (!loaded.ok) return loaded;
    options = { actors: actorList, events: loaded.data, places };
  }

  const here = (extra: Record<string, string | undefined>) =>
    `/review/${encodeURIComponent(sourceId)}${query({ kind, status, cursor, ...extra })}`;
  const ctx: CardContext = {
    text: source.text,
    actors: new Map<string, ActorRef>(actorList.map((a) => [a.id, { id: a.id, name: a.name, kind: a.kind }])),
    places: new Map(places.map((p) => [p.id, p.name])),
    ...refs,
    actorSuggestions: actorSuggestions.items,
    canWrite,
    editHref: (id) => `${here({ edit: id })}#${cardId(id)}`,
    cardHref: (id, k) => `/review/${encodeURIComponent(sourceId)}${query({ kind: k })}#${cardId(id)}`,
  };
  const pagerParams = toUrlParams(sp);
  pagerParams.delete("edit");
  return {
    ok: true,
    data: { sourceId, kind, status, cursor, canWrite, doc, page, ctx, open, options, here, pagerParams },
  };
}

/** How many of the document's suggestions are of a kind (or any) and a status (or any). */
export function suggestionCount(
  doc: ReviewDocument,
  k: SuggestionKind | undefined,
  st: SuggestionStatus | undefined,
): number {
  return (k ? [k] : KINDS).reduce(
    (n, kk) =>
      n + (st ? (doc.suggestions[kk]?.[st] ?? 0) : Object.values(doc.suggestions[kk] ?? {}).reduce((a, b) => a + b, 0)),
    0,
  );
}
