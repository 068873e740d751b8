/**
 * The interactive review (`atlas review`): state (reducer), keys, and a pure view, like the
 * explorer. The reducer queues the work; this component does it against the Atlas — loads and
 * writes one at a time, in order — and hands each result back, so accepted and rejected
 * suggestions change in place and a refusal is shown with the server's own words.
 */
import { useApp, useStdin } from "ink";
import { useEffect, useMemo, useRef } from "react";
import { type REVIEW_FOOTERS, ReviewView } from "./components/review-view.js";
import { type Size, useTerminalSize } from "./components/use-terminal-size.js";
import type { Atlas, Suggestion, Via } from "./data.js";
import { DocBuilder, type Line, type Seg, wrap } from "./doc.js";
import { collect } from "./pages.js";
import { documentScreen, documentsScreen, formScreen, type ReviewScreen } from "./screens/review.js";
import { countOf, type Held, heldIds, heldRelations } from "./screens/suggestion.js";
import { cursorOf, ensureVisible, geometryOf } from "./state/geometry.js";
import { useReviewKeys } from "./state/use-review-keys.js";
import {
  busyIds,
  type Effect,
  type Outcome,
  openDoc,
  type Preloaded,
  promptCount,
  type ReviewDoc,
  type ReviewState,
  suggestionById,
  useReviewState,
} from "./state/use-review-state.js";
import type { Theme } from "./theme.js";

/** Columns left of every document line, for the cursor mark (as in the explorer). */
const GUTTER = 2;
const MAX_STATUS_LINES = 4;

/** Each id loaded once; one that cannot be loaded (removed since) is left out, and what the suggestion knows is shown. */
async function byIds<T>(ids: string[], get: (id: string) => Promise<T>): Promise<Map<string, T>> {
  const loaded = await Promise.all(
    [...new Set(ids)].map((id) =>
      get(id).then(
        (v) => [id, v] as const,
        () => null,
      ),
    ),
  );
  return new Map(loaded.filter((x) => x !== null));
}

/** The atlas's records the suggestions meet: events they retell, claims they answer, relations they repeat or contradict. */
async function loadHeld(atlas: Atlas, suggestions: Suggestion[]): Promise<Held> {
  const wanted = suggestions.filter((s) => s.status === "suggested").map(heldIds);
  const [events, claims, ends] = await Promise.all([
    byIds(
      wanted.flatMap((w) => w.events),
      (id) => atlas.event(id),
    ),
    byIds(
      wanted.flatMap((w) => w.claims),
      (id) => atlas.claim(id),
    ),
    byIds(
      wanted.flatMap((w) => w.ends),
      (id) => atlas.actor(id),
    ),
  ]);
  const relations = new Map([...ends.values()].flatMap(heldRelations).map((r) => [r.id, r]));
  return { events, claims, relations };
}

export async function loadReviewDoc(atlas: Atlas, sourceId: string): Promise<ReviewDoc> {
  const [source, suggestions] = await Promise.all([
    atlas.source(sourceId),
    collect((page) => atlas.suggestions({ sourceId, ...page })),
  ]);
  const held = await loadHeld(atlas, suggestions);
  return { sourceId, title: source.title, published: source.published, text: source.text, suggestions, held };
}

/** Does one piece of queued work; a failure is an outcome too, with its message. */
export async function perform(atlas: Atlas, effect: Effect): Promise<Outcome> {
  try {
    switch (effect.type) {
      case "load-documents":
        return { type: "documents", value: await atlas.ingestedDocuments() };
      case "load-document":
        return { type: "document", value: await loadReviewDoc(atlas, effect.sourceId) };
      case "accept":
        return {
          type: "accepted",
          value: await atlas.accept({ id: effect.id, ...(effect.edit ? { edit: effect.edit } : {}) }),
        };
      case "reject":
        return { type: "rejected", value: await atlas.reject({ id: effect.id }) };
      case "accept-all": {
        const { sourceId, kind, minConfidence } = effect;
        return { type: "accepted-all", value: await atlas.acceptAll({ sourceId, kind, minConfidence }) };
      }
    }
  } catch (e) {
    return { type: "failed", message: (e as Error).message };
  }
}

function buildScreen(state: ReviewState, busy: Set<string>, b: DocBuilder): ReviewScreen {
  const loading = (what: string): ReviewScreen => {
    b.note(`Loading ${what}…`, 0);
    return { title: "Loading", doc: b.build(), keys: [] };
  };
  const failed = (message: string): ReviewScreen => {
    b.text([{ text: message, tone: "warn" }]);
    return { title: "Error", doc: b.build(), keys: [] };
  };
  if (state.screen === "documents") {
    const d = state.documents;
    if (d.status === "loading") return loading("the ingested documents");
    if (d.status === "error") return failed(d.message);
    return documentsScreen(d.value, b);
  }
  const d = state.document;
  if (d.status === "error") {
    b.text([{ text: d.message, tone: "warn" }]).note("Esc goes back to the ingested documents.", 0);
    return { title: "Error", doc: b.build(), keys: [] };
  }
  const doc = openDoc(state);
  if (!doc) return loading("the document");
  const editing = state.form ? suggestionById(state, state.form.id) : undefined;
  if (state.form && editing) return formScreen(state.form, editing, doc, b);
  return documentScreen(doc, busy, b);
}

function statusOf(state: ReviewState): Seg | null {
  if (state.prompt) {
    const p = state.prompt;
    const floor = p.confidences.some((c) => c !== null) ? ` at confidence ≥ ${p.floor}█` : "";
    const of = promptCount(p) === p.confidences.length ? "" : ` of ${p.confidences.length}`;
    return {
      text: `Accept ${countOf(p.kind, promptCount(p))}${of} still to review in this document${floor}? Enter accepts them`,
      tone: "warn",
    };
  }
  if (state.message) return { text: state.message.text, tone: state.message.tone === "warn" ? "warn" : "accent" };
  const head = state.queue[0]?.effect;
  if (head?.type === "accept" || head?.type === "reject") {
    return { text: `${head.type === "accept" ? "Accepting" : "Rejecting"} ${head.id}…`, tone: "muted" };
  }
  if (head?.type === "accept-all") return { text: `Accepting the ${head.kind} suggestions…`, tone: "muted" };
  return null;
}

function viaLabel(via: Via): string {
  return via.kind === "api" ? `API ${via.url.replace(/^https?:\/\//, "")}` : `embedded ${via.engine}`;
}

export interface ReviewAppProps {
  atlas: Atlas;
  theme: Theme;
  /** Open this document first (Esc goes to the list). */
  sourceId?: string;
  /** Data already loaded (the one-frame output renders without waiting). */
  preloaded?: Preloaded;
  /** A fixed size (tests, one-frame output); otherwise the terminal's. */
  size?: Size;
  onQuit?: () => void;
}

export function ReviewApp({ atlas, theme, sourceId, preloaded, size: fixedSize, onQuit }: ReviewAppProps) {
  const { exit } = useApp();
  const { isRawModeSupported } = useStdin();
  const size = useTerminalSize(fixedSize);
  const [state, dispatch] = useReviewState({
    ...(sourceId ? { sourceId } : {}),
    ...(preloaded ? { preloaded } : {}),
  });

  // The work the reducer queued, one piece at a time, in order.
  const running = useRef<number | null>(null);
  useEffect(() => {
    const head = state.queue[0];
    if (!head || running.current === head.seq) return;
    running.current = head.seq;
    void perform(atlas, head.effect).then((outcome) => dispatch({ type: "done", seq: head.seq, outcome }));
  }, [atlas, state.queue, dispatch]);

  const busy = busyIds(state);
  const busyKey = [...busy].join(" ");
  const docWidth = Math.max(20, size.columns - GUTTER);
  // Rebuilt when what is shown changes, not on every cursor move (busyKey stands for busy, a new Set each render).
  const screen = useMemo(
    () => buildScreen(state, busy, new DocBuilder(docWidth, theme)),
    [state.screen, state.documents, state.document, state.openId, state.form, busyKey, docWidth, theme],
  );
  const status = statusOf(state);
  const statusLines: Line[] = status ? wrap([status], size.columns).slice(0, MAX_STATUS_LINES) : [[]];
  const bodyHeight = Math.max(1, size.rows - 3 - statusLines.length);
  const geo = useMemo(() => geometryOf(screen.doc, bodyHeight), [screen.doc, bodyHeight]);
  const pos = state.pos[state.screen];
  const cursor = state.form ? geo.anchor : cursorOf(geo, pos.cursor);
  const scroll = ensureVisible(geo, cursor, state.form ? null : pos.scroll);

  useReviewKeys(dispatch, { doc: screen.doc, geo, keys: screen.keys }, { isActive: isRawModeSupported && !state.quit });
  useEffect(() => {
    if (!state.quit) return;
    onQuit?.();
    exit();
  }, [state.quit, onQuit, exit]);

  const footer: keyof typeof REVIEW_FOOTERS = state.form
    ? "form"
    : state.prompt
      ? state.prompt.confidences.some((c) => c !== null)
        ? "prompt"
        : "confirm"
      : state.screen === "documents"
        ? "documents"
        : "document";
  return (
    <ReviewView
      screen={screen}
      geo={geo}
      cursor={cursor}
      scroll={scroll}
      size={size}
      via={viaLabel(atlas.via)}
      status={statusLines}
      footer={footer}
      theme={theme}
    />
  );
}
