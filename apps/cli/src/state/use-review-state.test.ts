/**
 * The review's reducer on its own: the queue of work, results in place, the cursor, the keys'
 * meaning, the "accept all" prompt and the edit form. The suggestions are the real router's,
 * on a test database (testing/review-atlas.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Atlas, Suggestion } from "../data.js";
import { DocBuilder } from "../doc.js";
import { loadReviewDoc } from "../review-app.js";
import { documentScreen } from "../screens/review.js";
import { REVIEW_SOURCE_ID, reviewAtlas } from "../testing/review-atlas.js";
import { makeTheme } from "../theme.js";
import { geometryOf } from "./geometry.js";
import { choose, clear, erase, focusBy, formEdit, formFor, formPreview, typeInto } from "./review-form.js";
import { choiceEdit } from "./review-keys.js";
import {
  busyIds,
  initialReviewState,
  type Outcome,
  type ReviewDoc,
  type ReviewState,
  reduceReview,
  type ShownView,
} from "./use-review-state.js";

let atlas: Atlas;
let doc: ReviewDoc;
beforeAll(async () => {
  atlas = await reviewAtlas();
  doc = await loadReviewDoc(atlas, REVIEW_SOURCE_ID);
}, 60_000);
afterAll(() => atlas.close());

const ID = (local: string) => `${REVIEW_SOURCE_ID}.${local}`;
const byId = (id: string) => doc.suggestions.find((x) => x.id === ID(id)) as Suggestion;

function viewOf(s: ReviewState): ShownView {
  const d = s.document.status === "ready" ? s.document.value : null;
  if (!d) throw new Error("no document");
  const screen = documentScreen(d, busyIds(s), new DocBuilder(78, makeTheme(false)));
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
const opened = () => initialReviewState({ sourceId: REVIEW_SOURCE_ID, preloaded: { documents: [], document: doc } });

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

  it("takes results in order: a result for work that is not at the head of the queue is ignored", () => {
    let s = initialReviewState({ sourceId: REVIEW_SOURCE_ID });
    s = done(s, { type: "document", value: doc }, 2);
    expect(s.document.status).toBe("loading");
    s = done(s, { type: "documents", value: [] });
    s = done(s, { type: "document", value: doc });
    expect(s.queue).toEqual([]);
    expect(s.document).toEqual({ status: "ready", value: doc });
  });

  it("queues an accept for the suggestion under the cursor, marks it busy, updates it in place and reloads what it changed", async () => {
    let s = opened();
    expect(cursorId(s)).toBe(ID("actor-1"));
    s = key(s, "a");
    expect(s.queue.map((q) => q.effect)).toEqual([{ type: "accept", id: ID("actor-1") }]);
    expect(busyIds(s)).toEqual(new Set([ID("actor-1")]));
    // A second a on a suggestion already being accepted does nothing more.
    expect(key(s, "a").queue).toHaveLength(1);
    const copy = await reviewAtlas();
    const result = await copy.accept({ id: ID("actor-1") });
    await copy.close();
    s = done(s, { type: "accepted", value: result });
    expect(s.document.status === "ready" && s.document.value.suggestions.find((x) => x.kind === "actor")).toMatchObject(
      {
        status: "accepted",
        records: [{ type: "actor", recordId: "douglas-whitfield" }],
      },
    );
    expect(s.message).toEqual({ tone: "info", text: `${ID("actor-1")}: accepted: created actor douglas-whitfield` });
    // An accepted actor changes the statements it speaks: the document is loaded again.
    expect(s.queue.map((q) => q.effect)).toEqual([{ type: "load-document", sourceId: REVIEW_SOURCE_ID }]);
    // The cursor stays on the accepted suggestion, though the first one to review is now another.
    expect(cursorId(s)).toBe(ID("actor-1"));
  });

  it("says which suggestion a refusal is about, in the server's words", () => {
    let s = key(opened(), "r");
    s = done(s, { type: "failed", message: "Suggestion was already rejected." });
    expect(s.message).toEqual({
      tone: "warn",
      text: `Not rejected (${ID("actor-1")}): Suggestion was already rejected.`,
    });
  });

  it("drops a document that arrives after the reviewer has left it", () => {
    let s = key(opened(), "", { escape: true });
    expect(s.screen).toBe("documents");
    expect(s.queue.map((q) => q.effect)).toEqual([{ type: "load-documents" }]);
    s = { ...s, openId: "another-document", document: { status: "loading" } };
    s = done(
      { ...s, queue: [{ seq: 9, effect: { type: "load-document", sourceId: REVIEW_SOURCE_ID } }] },
      {
        type: "document",
        value: doc,
      },
    );
    expect(s.document).toEqual({ status: "loading" });
  });
});

describe("one-key choices", () => {
  it("a number picks a mention's candidate; m and c merge into or stand apart from what the atlas holds", () => {
    expect(choiceEdit(byId("mention-5"), "2")).toEqual({ actorId: "kataib-hezbollah" });
    expect(choiceEdit(byId("mention-5"), "3")).toBeNull();
    expect(choiceEdit(byId("mention-1"), "1")).toBeNull();
    expect(choiceEdit(byId("event-1"), "m")).toEqual({ eventId: "2020-01-03-drone-strike" });
    expect(choiceEdit(byId("event-1"), "c")).toEqual({ eventId: null });
    expect(choiceEdit(byId("relation-1"), "m")).toEqual({ relationId: "abu-mahdi-al-muhandis.leads.kataib-hezbollah" });
    expect(choiceEdit(byId("date-1"), "m")).toBeNull();
  });

  it("the key becomes an accept with that edit, for the suggestion under the cursor", () => {
    let s = opened();
    for (let i = 0; i < 5; i++) s = key(s, "j");
    expect(cursorId(s)).toBe(ID("mention-5"));
    s = key(s, "1");
    expect(s.queue.map((q) => q.effect)).toEqual([
      { type: "accept", id: ID("mention-5"), edit: { actorId: "hezbollah" } },
    ]);
  });
});

describe("accept all of a kind", () => {
  it("asks, with the floor typed and how many it would take; Enter queues it with the floor, then the document reloads", () => {
    let s = key(key(opened(), "j"), "A");
    expect(s.prompt).toMatchObject({ sourceId: REVIEW_SOURCE_ID, kind: "mention", floor: "" });
    expect(s.prompt?.confidences).toEqual([1, 1, 1, 1, 0.5]);
    expect(s.queue).toEqual([]);
    s = key(s, "0.9");
    expect(s.prompt?.floor).toBe("0.9");
    s = key(s, "", { return: true });
    expect(s.queue.map((q) => q.effect)).toEqual([
      { type: "accept-all", sourceId: REVIEW_SOURCE_ID, kind: "mention", minConfidence: 0.9 },
    ]);
    s = done(s, { type: "accepted-all", value: { accepted: 4, failed: [] } });
    expect(s.message).toEqual({ tone: "info", text: "Accepted 4 mentions at confidence 0.9 or more." });
    expect(s.queue.map((q) => q.effect)).toEqual([{ type: "load-document", sourceId: REVIEW_SOURCE_ID }]);
  });

  it("refuses a floor that is no confidence, and any other key cancels", () => {
    let s = key(key(key(opened(), "j"), "A"), "1.5");
    s = key(s, "", { return: true });
    expect(s.queue).toEqual([]);
    expect(s.message?.text).toBe("“1.5” is not a confidence between 0 and 1 (such as 0.9).");
    s = key(s, "x");
    expect(s.prompt).toBeNull();
    expect(s.message?.text).toBe("Nothing accepted.");
  });
});

describe("the edit form", () => {
  it("sends only what changed; choices cycle and take a first letter; text fields take typing", () => {
    let form = formFor(byId("actor-1"));
    expect(form.fields.map((f) => [f.key, f.value])).toEqual([
      ["name", "Douglas Whitfield"],
      ["actorKind", "person"],
      ["mergeInto", ""],
    ]);
    expect(formEdit(form).edit).toEqual({});
    form = typeInto(form, " Jr.");
    form = erase(erase(erase(erase(form))));
    expect(formEdit(form).edit).toEqual({});
    form = focusBy(form, 1);
    form = choose(form, 1);
    expect(formEdit(form).edit).toEqual({ actorKind: "group_of_people" });
    form = typeInto(form, "m");
    expect(formEdit(form).edit).toEqual({ actorKind: "military" });
    // Clearing or erasing a choice does nothing: it always holds one of its values.
    expect(clear(form)).toEqual(form);
    form = focusBy(focusBy(form, 1), 1);
    expect(form.focus).toBe(0);
    form = typeInto(clear(form), "Doug Whitfield");
    expect(formEdit(form).edit).toEqual({ actorKind: "military", name: "Doug Whitfield" });
  });

  it("parses dates, participants, lists and 'none': a corrected date keeps the document's words", () => {
    const set = (f: ReturnType<typeof formFor>, field: string, value: string) => ({
      ...f,
      fields: f.fields.map((x) => (x.key === field ? { ...x, value } : x)),
    });
    let event = formFor(byId("event-1"));
    expect(event.fields.map((f) => [f.key, f.value])).toEqual([
      ["eventId", "2020-01-03-drone-strike"],
      ["eventKind", "strike"],
      ["title", "US drone strike kills Abu Mahdi al-Muhandis"],
      ["time", "2020-01-03"],
      ["placeId", ""],
      ["participants", "united-states perpetrator, abu-mahdi-al-muhandis victim"],
    ]);
    event = set(set(set(event, "eventId", ""), "time", "2020-01-02"), "participants", "united-states perpetrator");
    expect(formEdit(event)).toEqual({
      edit: {
        eventId: null,
        time: {
          edtf: "2020-01-02",
          precision: "day",
          basis: "explicit",
          expression: "January 3, 2020",
          note: "Corrected in review; the suggestion read it as 2020-01-03.",
        },
        participants: [{ actorId: "united-states", role: "perpetrator" }],
      },
      problems: [],
    });
    expect(formEdit(set(event, "participants", "united-states bystander")).problems).toEqual([
      expect.stringMatching(/^Who: “united-states bystander” is not "actor-id role"/),
    ]);
    const statement = set(formFor(byId("statement-2")), "contradictsIds", "");
    expect(formEdit(statement).edit).toEqual({ contradictsIds: [] });
  });

  it("shows what accepting would create as the model says, with the form's values", () => {
    const form = formFor(byId("event-1"));
    expect(formPreview(form, byId("event-1"), doc.suggestions)).toEqual(byId("event-1").preview);
    const apart = { ...form, fields: form.fields.map((f) => (f.key === "eventId" ? { ...f, value: "" } : f)) };
    expect(formPreview(apart, byId("event-1"), doc.suggestions).text).toBe(
      "accepting creates an event (strike), “US drone strike kills Abu Mahdi al-Muhandis”, 2020-01-03, with united-states (perpetrator) and abu-mahdi-al-muhandis (victim)",
    );
    // A blocked statement says which candidate actor to accept first, as the server does.
    const whitfield = byId("statement-1");
    expect(formPreview(formFor(whitfield), whitfield, doc.suggestions)).toEqual(whitfield.preview);
  });
});
