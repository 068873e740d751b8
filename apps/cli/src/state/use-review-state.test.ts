/** The review's reducer on its own: the queue of work, results in place, the cursor, the edit form. */
import { describe, expect, it } from "vitest";
import type { Suggestion } from "../data.js";
import { DocBuilder } from "../doc.js";
import { documentScreen } from "../screens/review.js";
import { REVIEW_SOURCE_ID, reviewFixtureAtlas } from "../testing/review-fixture.js";
import { makeTheme } from "../theme.js";
import { geometryOf } from "./geometry.js";
import { choose, clear, erase, focusBy, formEdit, formFor, typeInto } from "./review-form.js";
import {
  busyIds,
  initialReviewState,
  type Outcome,
  type ReviewDoc,
  type ReviewState,
  reduceReview,
  type ShownView,
} from "./use-review-state.js";

async function loaded(): Promise<ReviewDoc> {
  const atlas = reviewFixtureAtlas();
  const source = await atlas.source(REVIEW_SOURCE_ID);
  const { items } = await atlas.suggestions({ sourceId: REVIEW_SOURCE_ID });
  return {
    sourceId: REVIEW_SOURCE_ID,
    title: source.title,
    published: source.published,
    text: source.text,
    suggestions: items,
  };
}

function viewOf(s: ReviewState): ShownView {
  const doc = s.document.status === "ready" ? s.document.value : null;
  if (!doc) throw new Error("no document");
  const screen = documentScreen(doc, busyIds(s), new DocBuilder(78, makeTheme(false)));
  return { doc: screen.doc, geo: geometryOf(screen.doc, 20), keys: screen.keys };
}

const key = (s: ReviewState, input: string, flags = {}) =>
  reduceReview(s, { type: "keys", input, key: flags, view: viewOf(s) });
const done = (s: ReviewState, outcome: Outcome, seq = s.queue[0]?.seq ?? -1) =>
  reduceReview(s, { type: "done", seq, outcome });
const cursorId = (s: ReviewState) => {
  const view = viewOf(s);
  return view.keys[s.pos.document.cursor ?? view.geo.anchor];
};

describe("the review's work queue", () => {
  it("starts by loading the documents, and the document asked for", () => {
    expect(initialReviewState({}).queue.map((q) => q.effect)).toEqual([{ type: "load-documents" }]);
    const s = initialReviewState({ sourceId: REVIEW_SOURCE_ID });
    expect(s.screen).toBe("document");
    expect(s.queue.map((q) => q.effect)).toEqual([
      { type: "load-documents" },
      { type: "load-document", sourceId: REVIEW_SOURCE_ID },
    ]);
  });

  it("takes results in order: a result for work that is not at the head of the queue is ignored", async () => {
    let s = initialReviewState({ sourceId: REVIEW_SOURCE_ID });
    const doc = await loaded();
    s = done(s, { type: "document", value: doc }, 2);
    expect(s.document.status).toBe("loading");
    s = done(s, { type: "documents", value: [] });
    s = done(s, { type: "document", value: doc });
    expect(s.queue).toEqual([]);
    expect(s.document).toEqual({ status: "ready", value: doc });
  });

  it("queues an accept for the suggestion under the cursor, marks it busy, and updates it in place", async () => {
    let s = initialReviewState({ sourceId: REVIEW_SOURCE_ID, preloaded: { documents: [], document: await loaded() } });
    expect(cursorId(s)).toBe(`${REVIEW_SOURCE_ID}.actor-1`);
    s = key(s, "a");
    expect(s.queue.map((q) => q.effect)).toEqual([{ type: "accept", id: `${REVIEW_SOURCE_ID}.actor-1` }]);
    expect(busyIds(s)).toEqual(new Set([`${REVIEW_SOURCE_ID}.actor-1`]));
    // A second a on a suggestion already being accepted does nothing more.
    expect(key(s, "a").queue).toHaveLength(1);
    const atlas = reviewFixtureAtlas();
    const result = await atlas.accept({ id: `${REVIEW_SOURCE_ID}.actor-1` });
    s = done(s, { type: "accepted", value: result });
    const actor = (s.document.status === "ready" ? s.document.value.suggestions : []).find(
      (x: Suggestion) => x.kind === "actor",
    );
    expect(actor).toMatchObject({ status: "accepted", records: [{ type: "actor", recordId: "douglas-whitfield" }] });
    expect(s.message).toEqual({
      tone: "info",
      text: `${REVIEW_SOURCE_ID}.actor-1: accepted: created actor douglas-whitfield`,
    });
    // The cursor stays on the accepted suggestion, though the first one to review is now another.
    expect(cursorId(s)).toBe(`${REVIEW_SOURCE_ID}.actor-1`);
  });

  it("says which suggestion a refusal is about, in the server's words", async () => {
    let s = initialReviewState({ sourceId: REVIEW_SOURCE_ID, preloaded: { documents: [], document: await loaded() } });
    s = key(s, "r");
    s = done(s, { type: "failed", message: "Suggestion was already rejected." });
    expect(s.message).toEqual({
      tone: "warn",
      text: `Not rejected (${REVIEW_SOURCE_ID}.actor-1): Suggestion was already rejected.`,
    });
  });

  it("asks before accepting all of a kind, and reloads the document after", async () => {
    let s = initialReviewState({ sourceId: REVIEW_SOURCE_ID, preloaded: { documents: [], document: await loaded() } });
    s = key(s, "A");
    expect(s.confirm).toEqual({ sourceId: REVIEW_SOURCE_ID, kind: "actor", count: 1 });
    expect(s.queue).toEqual([]);
    s = key(s, "y");
    expect(s.queue.map((q) => q.effect)).toEqual([{ type: "accept-all", sourceId: REVIEW_SOURCE_ID, kind: "actor" }]);
    s = done(s, { type: "accepted-all", value: { accepted: 1, failed: [] } });
    expect(s.message).toEqual({ tone: "info", text: "Accepted 1 candidate actor." });
    expect(s.queue.map((q) => q.effect)).toEqual([{ type: "load-document", sourceId: REVIEW_SOURCE_ID }]);
  });

  it("drops a document that arrives after the reviewer has left it", async () => {
    let s = initialReviewState({ sourceId: REVIEW_SOURCE_ID, preloaded: { documents: [], document: await loaded() } });
    s = key(s, "", { escape: true });
    expect(s.screen).toBe("documents");
    expect(s.queue.map((q) => q.effect)).toEqual([{ type: "load-documents" }]);
    s = { ...s, openId: "another-document", document: { status: "loading" } };
    s = done(
      { ...s, queue: [{ seq: 9, effect: { type: "load-document", sourceId: REVIEW_SOURCE_ID } }] },
      {
        type: "document",
        value: await loaded(),
      },
    );
    expect(s.document).toEqual({ status: "loading" });
  });
});

describe("the edit form", () => {
  it("sends only what changed; choices cycle and take a first letter; text fields take typing", async () => {
    const doc = await loaded();
    const actor = doc.suggestions.find((x) => x.kind === "actor") as Suggestion;
    let form = formFor(actor);
    expect(form.fields.map((f) => [f.key, f.value])).toEqual([
      ["name", "Douglas Whitfield"],
      ["actorKind", "person"],
      ["mergeInto", ""],
    ]);
    expect(formEdit(form)).toEqual({});
    form = typeInto(form, " Jr.");
    form = erase(erase(erase(erase(form))));
    expect(formEdit(form)).toEqual({});
    form = focusBy(form, 1);
    form = choose(form, 1);
    expect(formEdit(form)).toEqual({ actorKind: "group_of_people" });
    form = typeInto(form, "m");
    expect(formEdit(form)).toEqual({ actorKind: "military" });
    // Clearing or erasing a choice does nothing: it always holds one of its values.
    expect(clear(form)).toEqual(form);
    form = focusBy(focusBy(form, 1), 1);
    expect(form.focus).toBe(0);
    form = typeInto(clear(form), "Doug Whitfield");
    expect(formEdit(form)).toEqual({ actorKind: "military", name: "Doug Whitfield" });
  });
});
