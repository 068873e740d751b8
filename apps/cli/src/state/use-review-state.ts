/**
 * The review's state and its reducer (pure, tested on its own): the ingested documents, the
 * open document with its suggestions, cursor positions, the edit form, the "accept all" prompt,
 * and a queue of work for the app to do (loads and writes, one at a time, in order). Actions say
 * what the reviewer wants (accept this, edit that); review-keys.ts says which key means which.
 * Results come back as "done" and update the suggestions in place.
 */
import { KIND_INFO } from "@atlas/data/review";
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
import { countOf, type Held, outcome } from "../screens/suggestion.js";
import { cursorOf, ensureVisible, type Geometry } from "./geometry.js";
import type { KeyFlags } from "./keypress.js";
import { type Movement, splitKeys } from "./keys.js";
import { edge, move, type Position, page } from "./movement.js";
import { choose, clear, type EditForm, erase, focusBy, formEdit, formFor, typeInto } from "./review-form.js";
import { reviewKeyToAction } from "./review-keys.js";

export interface ReviewDoc {
  sourceId: string;
  title: string;
  published: Time | null;
  text: string;
  suggestions: Suggestion[];
  /** The atlas's records the suggestions meet, shown beside them. */
  held: Held;
}

export type Loadable<T> = { status: "loading" } | { status: "ready"; value: T } | { status: "error"; message: string };

export type Effect =
  | { type: "load-documents" }
  | { type: "load-document"; sourceId: string }
  | { type: "accept"; id: string; edit?: SuggestionEdit }
  | { type: "reject"; id: string }
  | { type: "accept-all"; sourceId: string; kind: SuggestionKind; minConfidence?: number };

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

/** "Accept all of this kind": the kind, and (for kinds with a confidence) the floor being typed. */
export interface AcceptAllPrompt {
  sourceId: string;
  kind: SuggestionKind;
  /** The confidences of the suggestions still to review (null for kinds without one). */
  confidences: (number | null)[];
  floor: string;
}

export interface ReviewState {
  screen: Screen;
  documents: Loadable<IngestedDocument[]>;
  /** The open document's id, and what is loaded of it. */
  openId: string | null;
  document: Loadable<ReviewDoc>;
  pos: Record<Screen, Position>;
  form: EditForm | null;
  prompt: AcceptAllPrompt | null;
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
  | Movement
  | { type: "open"; sourceId: string }
  | { type: "back" }
  | { type: "quit" }
  | { type: "accept"; id: string; edit?: SuggestionEdit }
  | { type: "reject"; id: string }
  | { type: "edit"; id: string }
  | { type: "next"; dir: 1 | -1; view: ShownView }
  | { type: "accept-all/ask"; id: string }
  | { type: "accept-all/type"; text: string }
  | { type: "accept-all/erase" }
  | { type: "accept-all/confirm" }
  | { type: "accept-all/cancel" }
  | { type: "form/focus"; by: 1 | -1 }
  | { type: "form/choose"; by: 1 | -1 }
  | { type: "form/type"; text: string }
  | { type: "form/erase" }
  | { type: "form/clear" }
  | { type: "form/submit" }
  | { type: "form/cancel" }
  /** Raw keys, mapped by review-keys.ts against the state each key before them left. */
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
    prompt: null,
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

/** The floor typed in the prompt, when it is a confidence (0–1); undefined when blank. */
export function promptFloor(p: AcceptAllPrompt): number | undefined | null {
  if (!p.floor) return undefined;
  const n = Number(p.floor);
  return Number.isFinite(n) && n >= 0 && n <= 1 ? n : null;
}

/** How many the prompt would accept: those still to review at least as sure as the floor. */
export function promptCount(p: AcceptAllPrompt): number {
  const floor = promptFloor(p) ?? 0;
  return p.confidences.filter((c) => c === null || c >= floor).length;
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
    case "accepted": {
      // Accepting one suggestion can change others (a statement's speaker becomes an actor): reload.
      const next = {
        ...replace(s, o.value.suggestion),
        message: { tone: "info" as const, text: `${o.value.suggestion.id}: ${outcome(o.value.suggestion)}` },
      };
      return o.value.suggestion.kind === "actor"
        ? enqueue(next, { type: "load-document", sourceId: o.value.suggestion.sourceId })
        : next;
    }
    case "rejected":
      return { ...replace(s, o.value), message: { tone: "info", text: `${o.value.id}: rejected` } };
    case "accepted-all": {
      if (effect.type !== "accept-all") return s;
      const failed = o.value.failed;
      const text =
        `Accepted ${countOf(effect.kind, o.value.accepted)}` +
        (effect.minConfidence !== undefined ? ` at confidence ${effect.minConfidence} or more` : "") +
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

/** A suggestion that can still be reviewed, or the state saying why not. */
function reviewable(s: ReviewState, id: string): Suggestion | ReviewState {
  const sug = suggestionById(s, id);
  if (!sug || busyIds(s).has(sug.id)) return s;
  if (sug.status !== "suggested")
    return { ...s, message: { tone: "warn", text: `${sug.id} was already ${sug.status}.` } };
  return sug;
}

function askAcceptAll(s: ReviewState, id: string): ReviewState {
  const doc = openDoc(s);
  const sug = suggestionById(s, id);
  if (!doc || !sug) return s;
  const waiting = doc.suggestions.filter((x) => x.kind === sug.kind && x.status === "suggested");
  if (waiting.length === 0) {
    return { ...s, message: { tone: "info", text: `No ${KIND_INFO[sug.kind].many} left to review.` } };
  }
  const confidences = waiting.map((x) => ("confidence" in x.proposal ? x.proposal.confidence : null));
  return { ...s, prompt: { sourceId: doc.sourceId, kind: sug.kind, confidences, floor: "" }, message: null };
}

function confirmAcceptAll(s: ReviewState, p: AcceptAllPrompt): ReviewState {
  const floor = promptFloor(p);
  if (floor === null) {
    return { ...s, message: { tone: "warn", text: `“${p.floor}” is not a confidence between 0 and 1 (such as 0.9).` } };
  }
  return enqueue(
    { ...s, prompt: null, message: null },
    {
      type: "accept-all",
      sourceId: p.sourceId,
      kind: p.kind,
      ...(floor !== undefined ? { minConfidence: floor } : {}),
    },
  );
}

function submitForm(s: ReviewState, form: EditForm): ReviewState {
  const { edit, problems } = formEdit(form);
  if (problems.length) return { ...s, message: { tone: "warn", text: problems.join(" ") } };
  return enqueue(
    { ...s, form: null, message: null },
    { type: "accept", id: form.id, ...(Object.keys(edit).length ? { edit } : {}) },
  );
}

/** Pins the cursor where it is shown (the document's anchor until the first key), so later changes do not move it. */
export function pinCursor(s: ReviewState, view: ShownView): ReviewState {
  const at = s.pos[s.screen];
  const cursor = cursorOf(view.geo, at.cursor);
  return withPos(s, { cursor, scroll: ensureVisible(view.geo, cursor, at.scroll) });
}

const CONFIDENCE_CHARS = /^[0-9.]+$/;

export function reduceReview(s: ReviewState, a: ReviewAction): ReviewState {
  switch (a.type) {
    case "done": {
      const head = s.queue[0];
      if (!head || head.seq !== a.seq) return s;
      return finish({ ...s, queue: s.queue.slice(1) }, head.effect, a.outcome);
    }
    case "keys": {
      let next = s;
      for (const k of splitKeys(a.input, a.key)) {
        if (!next.form && !next.prompt) next = pinCursor(next, a.view);
        const action = reviewKeyToAction(next, k, a.view);
        if (action) next = reduceReview(next, action);
      }
      return next;
    }
    case "quit":
      return { ...s, quit: true };
    case "move":
      return withPos(s, move(s.pos[s.screen], a.geo, a.by));
    case "page":
      return withPos(s, page(s.pos[s.screen], a.geo, a.by));
    case "edge":
      return withPos(s, edge(s.pos[s.screen], a.geo, a.to));
    case "open":
      return enqueue(
        {
          ...s,
          screen: "document",
          openId: a.sourceId,
          document: { status: "loading" },
          pos: { ...s.pos, document: top() },
          message: null,
        },
        { type: "load-document", sourceId: a.sourceId },
      );
    case "back":
      // Back to the list, whose counts the review has changed.
      return enqueue({ ...s, screen: "documents", message: null }, { type: "load-documents" });
    case "accept":
    case "reject": {
      const sug = reviewable(s, a.id);
      if (!("id" in sug)) return sug;
      const edit = a.type === "accept" && a.edit ? { edit: a.edit } : {};
      return enqueue({ ...s, message: null }, { type: a.type, id: sug.id, ...edit });
    }
    case "edit": {
      const sug = reviewable(s, a.id);
      return "id" in sug ? { ...s, form: formFor(sug), message: null } : sug;
    }
    case "next":
      return nextPending(s, a.view, a.dir);
    case "accept-all/ask":
      return askAcceptAll(s, a.id);
    case "accept-all/type":
      return s.prompt && CONFIDENCE_CHARS.test(a.text) && s.prompt.confidences.some((c) => c !== null)
        ? { ...s, prompt: { ...s.prompt, floor: s.prompt.floor + a.text } }
        : s;
    case "accept-all/erase":
      return s.prompt ? { ...s, prompt: { ...s.prompt, floor: s.prompt.floor.slice(0, -1) } } : s;
    case "accept-all/confirm":
      return s.prompt ? confirmAcceptAll(s, s.prompt) : s;
    case "accept-all/cancel":
      return { ...s, prompt: null, message: { tone: "info", text: "Nothing accepted." } };
    case "form/cancel":
      return { ...s, form: null, message: null };
    case "form/submit":
      return s.form ? submitForm(s, s.form) : s;
    case "form/focus":
      return s.form ? { ...s, form: focusBy(s.form, a.by) } : s;
    case "form/choose":
      return s.form ? { ...s, form: choose(s.form, a.by) } : s;
    case "form/type":
      return s.form ? { ...s, form: typeInto(s.form, a.text) } : s;
    case "form/erase":
      return s.form ? { ...s, form: erase(s.form) } : s;
    case "form/clear":
      return s.form ? { ...s, form: clear(s.form) } : s;
  }
}

export function useReviewState(init: { sourceId?: string; preloaded?: Preloaded }) {
  return useReducer(reduceReview, init, initialReviewState);
}
