/**
 * The review's state and its reducer (pure, tested on its own): the ingested documents, the
 * open document with its suggestions, cursor positions, the edit form, a confirmation, and a
 * queue of work for the app to do (loads and writes, one at a time, in order). Results come
 * back as "done" and update the suggestions in place.
 */
import type { Time } from "@atlas/schema";
import { useReducer } from "react";
import type {
  AcceptManyResult,
  AcceptResult,
  IngestedDocument,
  Suggestion,
  SuggestionEdit,
  SuggestionKind,
} from "../data.js";
import type { Doc } from "../doc.js";
import { countOf, KIND_WORDS, outcome } from "../screens/suggestion.js";
import { cursorOf, ensureVisible, type Geometry } from "./geometry.js";
import { type KeyFlags, splitKeys } from "./keys.js";
import { edge, move, type Position, page } from "./movement.js";
import { choose, clear, type EditForm, erase, focusBy, formEdit, formFor, typeInto } from "./review-form.js";

export interface ReviewDoc {
  sourceId: string;
  title: string;
  published: Time | null;
  text: string;
  suggestions: Suggestion[];
}

export type Loadable<T> = { status: "loading" } | { status: "ready"; value: T } | { status: "error"; message: string };

export type Effect =
  | { type: "load-documents" }
  | { type: "load-document"; sourceId: string }
  | { type: "accept"; id: string; edit?: SuggestionEdit }
  | { type: "reject"; id: string }
  | { type: "accept-all"; sourceId: string; kind: SuggestionKind };

export type Outcome =
  | { type: "documents"; value: IngestedDocument[] }
  | { type: "document"; value: ReviewDoc }
  | { type: "accepted"; value: AcceptResult }
  | { type: "rejected"; value: Suggestion }
  | { type: "accepted-all"; value: AcceptManyResult }
  | { type: "failed"; message: string };

export interface Message {
  tone: "info" | "warn";
  text: string;
}

export type Screen = "documents" | "document";

export interface ReviewState {
  screen: Screen;
  documents: Loadable<IngestedDocument[]>;
  /** The open document's id, and what is loaded of it. */
  openId: string | null;
  document: Loadable<ReviewDoc>;
  pos: Record<Screen, Position>;
  form: EditForm | null;
  confirm: { sourceId: string; kind: SuggestionKind; count: number } | null;
  queue: { seq: number; effect: Effect }[];
  nextSeq: number;
  message: Message | null;
  quit: boolean;
}

/** What is on screen, which the keys act on: the document, its layout, and the id behind each item. */
export interface ShownView {
  doc: Doc;
  geo: Geometry;
  keys: (string | null)[];
}

export type ReviewAction =
  | { type: "keys"; input: string; key: KeyFlags; view: ShownView }
  | { type: "done"; seq: number; outcome: Outcome };

export interface Preloaded {
  documents?: IngestedDocument[];
  document?: ReviewDoc;
}

const top = (): Position => ({ cursor: null, scroll: null });

function enqueue(s: ReviewState, effect: Effect): ReviewState {
  return { ...s, queue: [...s.queue, { seq: s.nextSeq, effect }], nextSeq: s.nextSeq + 1 };
}

export function initialReviewState({ sourceId, preloaded }: { sourceId?: string; preloaded?: Preloaded }): ReviewState {
  let s: ReviewState = {
    screen: sourceId ? "document" : "documents",
    documents: preloaded?.documents ? { status: "ready", value: preloaded.documents } : { status: "loading" },
    openId: sourceId ?? null,
    document: preloaded?.document ? { status: "ready", value: preloaded.document } : { status: "loading" },
    pos: { documents: top(), document: top() },
    form: null,
    confirm: null,
    queue: [],
    nextSeq: 1,
    message: null,
    quit: false,
  };
  if (!preloaded?.documents) s = enqueue(s, { type: "load-documents" });
  if (sourceId && !preloaded?.document) s = enqueue(s, { type: "load-document", sourceId });
  return s;
}

export const openDoc = (s: ReviewState): ReviewDoc | null =>
  s.document.status === "ready" && s.document.value.sourceId === s.openId ? s.document.value : null;

export const suggestionById = (s: ReviewState, id: string | null | undefined): Suggestion | undefined =>
  id ? openDoc(s)?.suggestions.find((x) => x.id === id) : undefined;

/** Suggestions with a write queued for them (shown as in progress). */
export function busyIds(s: ReviewState): Set<string> {
  const ids = new Set<string>();
  const doc = openDoc(s);
  for (const { effect: e } of s.queue) {
    if (e.type === "accept" || e.type === "reject") ids.add(e.id);
    if (e.type === "accept-all" && doc?.sourceId === e.sourceId) {
      for (const x of doc.suggestions) if (x.kind === e.kind && x.status === "suggested") ids.add(x.id);
    }
  }
  return ids;
}

const replace = (s: ReviewState, updated: Suggestion): ReviewState => {
  const doc = openDoc(s);
  if (!doc || updated.sourceId !== doc.sourceId) return s;
  const suggestions = doc.suggestions.map((x) => (x.id === updated.id ? updated : x));
  return { ...s, document: { status: "ready", value: { ...doc, suggestions } } };
};

const withPos = (s: ReviewState, p: Position): ReviewState => ({ ...s, pos: { ...s.pos, [s.screen]: p } });

/** The result of the work at the head of the queue. */
function finish(s: ReviewState, effect: Effect, o: Outcome): ReviewState {
  switch (o.type) {
    case "documents":
      return { ...s, documents: { status: "ready", value: o.value } };
    case "document":
      // A document the user has since left is not shown.
      return o.value.sourceId === s.openId ? { ...s, document: { status: "ready", value: o.value } } : s;
    case "accepted":
      return {
        ...replace(s, o.value.suggestion),
        message: { tone: "info", text: `${o.value.suggestion.id}: ${outcome(o.value.suggestion)}` },
      };
    case "rejected":
      return { ...replace(s, o.value), message: { tone: "info", text: `${o.value.id}: rejected` } };
    case "accepted-all": {
      if (effect.type !== "accept-all") return s;
      const failed = o.value.failed;
      const text =
        `Accepted ${countOf(effect.kind, o.value.accepted)}` +
        (failed.length ? `; ${failed.length} need an edit first — ${failed[0]?.id}: ${failed[0]?.message}` : ".");
      // Which were accepted, and what they created, comes from reloading the document.
      return enqueue(
        { ...s, message: { tone: failed.length ? "warn" : "info", text } },
        { type: "load-document", sourceId: effect.sourceId },
      );
    }
    case "failed": {
      if (effect.type === "load-documents") return { ...s, documents: { status: "error", message: o.message } };
      if (effect.type === "load-document") {
        return effect.sourceId === s.openId ? { ...s, document: { status: "error", message: o.message } } : s;
      }
      const what = effect.type === "accept-all" ? `the ${effect.kind} suggestions` : effect.id;
      const verb = effect.type === "reject" ? "Not rejected" : "Not accepted";
      return { ...s, message: { tone: "warn", text: `${verb} (${what}): ${o.message}` } };
    }
  }
}

/** The next (or previous) suggestion still to review, from the cursor. */
function nextPending(s: ReviewState, view: ShownView, dir: 1 | -1): ReviewState {
  const from = cursorOf(view.geo, s.pos.document.cursor);
  for (let i = from + dir; i >= 0 && i < view.keys.length; i += dir) {
    if (suggestionById(s, view.keys[i])?.status === "suggested") {
      return withPos(s, { cursor: i, scroll: ensureVisible(view.geo, i, s.pos.document.scroll) });
    }
  }
  return { ...s, message: { tone: "info", text: `Nothing left to review ${dir > 0 ? "below" : "above"}.` } };
}

/** Accept, reject or edit the suggestion under the cursor, if it is still to review. */
function act(s: ReviewState, view: ShownView, what: "accept" | "reject" | "edit"): ReviewState {
  const id = view.keys[cursorOf(view.geo, s.pos.document.cursor)];
  const sug = suggestionById(s, id);
  if (!sug) return s;
  if (busyIds(s).has(sug.id)) return s;
  if (sug.status !== "suggested") {
    return { ...s, message: { tone: "warn", text: `${sug.id} was already ${sug.status}.` } };
  }
  if (what === "edit") return { ...s, form: formFor(sug), message: null };
  return enqueue({ ...s, message: null }, { type: what, id: sug.id });
}

function acceptAllOfKind(s: ReviewState, view: ShownView): ReviewState {
  const doc = openDoc(s);
  const sug = suggestionById(s, view.keys[cursorOf(view.geo, s.pos.document.cursor)]);
  if (!doc || !sug) return s;
  const count = doc.suggestions.filter((x) => x.kind === sug.kind && x.status === "suggested").length;
  if (count === 0) return { ...s, message: { tone: "info", text: `No ${KIND_WORDS[sug.kind][1]} left to review.` } };
  return { ...s, confirm: { sourceId: doc.sourceId, kind: sug.kind, count }, message: null };
}

function formKeys(s: ReviewState, form: EditForm, input: string, key: KeyFlags): ReviewState {
  if (key.escape) return { ...s, form: null };
  if (key.return) {
    const edit = formEdit(form);
    return enqueue(
      { ...s, form: null, message: null },
      { type: "accept", id: form.id, ...(Object.keys(edit).length ? { edit } : {}) },
    );
  }
  if (key.tab) return { ...s, form: focusBy(form, key.shift ? -1 : 1) };
  if (key.downArrow) return { ...s, form: focusBy(form, 1) };
  if (key.upArrow) return { ...s, form: focusBy(form, -1) };
  if (key.rightArrow) return { ...s, form: choose(form, 1) };
  if (key.leftArrow) return { ...s, form: choose(form, -1) };
  if (key.backspace || key.delete) return { ...s, form: erase(form) };
  if (key.ctrl && input === "u") return { ...s, form: clear(form) };
  if (input && !key.ctrl && !key.meta) return { ...s, form: typeInto(form, input) };
  return s;
}

/** One key, in the state the key before it left. */
function press(s: ReviewState, input: string, key: KeyFlags, view: ShownView): ReviewState {
  if (key.ctrl && input === "c") return { ...s, quit: true };
  if (s.form) return formKeys(s, s.form, input, key);
  if (s.confirm) {
    const c = s.confirm;
    if (input === "y" || input === "Y") {
      return enqueue({ ...s, confirm: null }, { type: "accept-all", sourceId: c.sourceId, kind: c.kind });
    }
    return { ...s, confirm: null, message: { tone: "info", text: "Nothing accepted." } };
  }
  if (input === "q") return { ...s, quit: true };
  // The cursor starts on the document's anchor (the first suggestion to review); from the first
  // key on it stays where it is, even when that suggestion is reviewed and the anchor moves on.
  const at = s.pos[s.screen];
  const cursor = cursorOf(view.geo, at.cursor);
  const p = { cursor, scroll: ensureVisible(view.geo, cursor, at.scroll) };
  s = withPos(s, p);
  if (key.upArrow || input === "k") return withPos(s, move(p, view.geo, -1));
  if (key.downArrow || input === "j") return withPos(s, move(p, view.geo, 1));
  if (key.pageDown || input === " ") return withPos(s, page(p, view.geo, 1));
  if (key.pageUp || input === "b") return withPos(s, page(p, view.geo, -1));
  if (key.home || input === "g") return withPos(s, edge(p, view.geo, "start"));
  if (key.end || input === "G") return withPos(s, edge(p, view.geo, "end"));
  if (s.screen === "documents") {
    if (key.return) {
      const id = view.keys[cursorOf(view.geo, p.cursor)];
      if (!id) return s;
      return enqueue(
        {
          ...s,
          screen: "document",
          openId: id,
          document: { status: "loading" },
          pos: { ...s.pos, document: top() },
          message: null,
        },
        { type: "load-document", sourceId: id },
      );
    }
    return s;
  }
  if (key.escape || key.backspace || key.delete) {
    // Back to the list, whose counts the review has changed.
    return enqueue({ ...s, screen: "documents", message: null }, { type: "load-documents" });
  }
  if (input === "a") return act(s, view, "accept");
  if (input === "r") return act(s, view, "reject");
  if (input === "e" || key.return) return act(s, view, "edit");
  if (input === "A") return acceptAllOfKind(s, view);
  if (input === "n") return nextPending(s, view, 1);
  if (input === "p") return nextPending(s, view, -1);
  return s;
}

export function reduceReview(s: ReviewState, a: ReviewAction): ReviewState {
  switch (a.type) {
    case "done": {
      const head = s.queue[0];
      if (!head || head.seq !== a.seq) return s;
      return finish({ ...s, queue: s.queue.slice(1) }, head.effect, a.outcome);
    }
    case "keys": {
      let next = s;
      for (const k of splitKeys(a.input, a.key)) next = press(next, k.input, k.key, a.view);
      return next;
    }
  }
}

export function useReviewState(init: { sourceId?: string; preloaded?: Preloaded }) {
  return useReducer(reduceReview, init, initialReviewState);
}
