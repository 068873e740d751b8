/**
 * The review forms' pure part: only what the reviewer changed becomes the edit; dates keep their
 * words; blank means "none" only where none is a value. Suggestions are built as the API builds
 * them, with the review model's effective values and preview.
 */
import { effective, preview } from "@atlas/data/review";
import { expect, test } from "vitest";
import {
  confidenceOf,
  contextOf,
  editFromForm,
  formValues,
  originalTime,
  parseConfidence,
  recordLink,
  waitsFor,
} from "./review";
import type { Proposal, Suggestion, SuggestionEdit } from "./types";

function suggestion(
  id: string,
  span: { start: number; end: number; quote: string },
  proposal: Proposal,
  edit: SuggestionEdit | null = null,
): Suggestion {
  const v = effective({ proposal, edit });
  return {
    id,
    sourceId: "doc",
    kind: proposal.kind,
    status: "suggested",
    ...span,
    label: id,
    proposal,
    edit,
    effective: v,
    preview: preview({ proposal, edit }, v),
    records: [],
    reviewedAt: null,
    reviewNote: null,
  };
}

const DATE = suggestion(
  "doc.date-1",
  { start: 10, end: 19, quote: "last June" },
  {
    kind: "date",
    time: {
      edtf: "2014-06",
      precision: "month",
      basis: "relative",
      expression: "last June",
      note: "Resolved against the publication date, 2015-03-06.",
    },
    sentence: { start: 0, end: 40, quote: "But last June, Sistani took on a new role." },
  },
);

const STATEMENT = suggestion(
  "doc.statement-1",
  { start: 0, end: 60, quote: "…" },
  {
    kind: "statement",
    speaker: "Kataib Hezbollah",
    speakerSpan: { start: 0, end: 16, quote: "Kataib Hezbollah" },
    speakerFrom: "name",
    claimantId: "kataib-hezbollah",
    claimantName: "Kataib Hezbollah",
    verb: "denied",
    stance: "denies",
    mode: "indirect",
    statement: "Kataib Hezbollah denied its involvement",
    evidence: { start: 0, end: 39, quote: "Kataib Hezbollah denied its involvement" },
    attribution: { start: 0, end: 23, quote: "Kataib Hezbollah denied" },
    said: { edtf: "2020-01-05", precision: "day", basis: "explicit" },
    aboutActorIds: ["united-states"],
    onBehalfOfId: null,
    via: { actorId: "irna", name: "IRNA", span: { start: 40, end: 44, quote: "IRNA" } },
    confidence: 0.9,
    supports: [],
    contradicts: [{ id: "us-accuses-kh", title: "The US accuses Kataib Hezbollah", why: ["opposite stance"] }],
  },
);

const SPAN = { start: 0, end: 20, quote: "Kataib Hezbollah" };
const named = (actorId: string | null, name: string) => ({ actorId, name, span: null });

const EVENT = suggestion("doc.event-1", SPAN, {
  kind: "event",
  eventKind: "strike",
  trigger: "struck",
  title: "US strikes Kataib Hezbollah",
  summary: "The US struck Kataib Hezbollah.",
  sentence: SPAN,
  time: null,
  place: null,
  participants: [{ ...named("united-states", "United States"), role: "perpetrator" }],
  fatalities: [],
  injuries: [],
  corroborates: { id: "2019-12-us-strikes", title: "US strikes on Kataib Hezbollah", why: ["same kind (strike)"] },
  confidence: 0.8,
});

const RELATION = suggestion("doc.relation-1", SPAN, {
  kind: "relation",
  relationType: "leads",
  from: named("abu-fadak", "Abu Fadak"),
  to: named("kataib-hezbollah", "Kataib Hezbollah"),
  role: "secretary-general",
  time: null,
  former: false,
  pattern: "Y's secretary-general X",
  evidence: SPAN,
  existing: null,
  conflicts: null,
  confidence: 0.7,
});

/** The form as the page renders it: every field shown twice (f.* and o.*), dates' originals in t.*. */
function shownForm(s: Suggestion, changes: Record<string, string | string[]> = {}) {
  const form = new FormData();
  for (const [field, value] of Object.entries(formValues(s))) {
    for (const v of Array.isArray(value) ? value : [value]) form.append(`o.${field}`, v);
    const now = field in changes ? changes[field] : value;
    if (field === "participants") {
      for (const p of JSON.parse(now as string) as { actorId: string; role: string }[]) {
        form.append("f.participants.actor", p.actorId);
        form.append("f.participants.role", p.role);
      }
      continue;
    }
    // A checkbox posts only when ticked.
    if (field === "former") {
      if (now === "true") form.append("f.former", "true");
      continue;
    }
    for (const v of Array.isArray(now) ? now : [now as string]) form.append(`f.${field}`, v);
  }
  for (const f of ["time", "said"] as const) {
    const t = originalTime(s, f);
    if (t) form.append(`t.${f}`, JSON.stringify(t));
  }
  return form;
}

test("an untouched form asks for no change", () => {
  expect(editFromForm("date", shownForm(DATE)).edit).toEqual({});
  expect(editFromForm("statement", shownForm(STATEMENT)).edit).toEqual({});
  expect(editFromForm("event", shownForm(EVENT)).edit).toEqual({});
  expect(editFromForm("relation", shownForm(RELATION)).edit).toEqual({});
});

test("a corrected date keeps the document's words and says it was corrected", () => {
  const { edit, problems } = editFromForm("date", shownForm(DATE, { time: "2014-06-10", eventKind: "mobilization" }));
  expect(problems).toEqual([]);
  expect(edit).toEqual({
    time: {
      edtf: "2014-06-10",
      precision: "day",
      basis: "relative",
      expression: "last June",
      note: "Corrected in review; the suggestion read it as 2014-06.",
    },
    eventKind: "mobilization",
  });
});

test("an impossible date is named, not sent", () => {
  const { edit, problems } = editFromForm("date", shownForm(DATE, { time: "June 2014" }));
  expect(edit.time).toBeUndefined();
  expect(problems.join(" ")).toMatch(/^Date: /);
});

test("participants rows become participants; empty rows are dropped", () => {
  const form = shownForm(DATE);
  for (const [actor, role] of [
    ["popular-mobilization-forces", "participant"],
    ["", "target"],
  ]) {
    form.append("f.participants.actor", actor as string);
    form.append("f.participants.role", role as string);
  }
  expect(editFromForm("date", form).edit).toEqual({
    participants: [{ actorId: "popular-mobilization-forces", role: "participant" }],
  });
});

test("a statement's cleared date becomes unknown, and its subjects can change", () => {
  const { edit } = editFromForm(
    "statement",
    shownForm(STATEMENT, { said: "", aboutActorIds: ["united-states", "iran"], stance: "asserts" }),
  );
  expect(edit).toEqual({ said: null, aboutActorIds: ["united-states", "iran"], stance: "asserts" });
});

test("fields of another kind are never sent", () => {
  const form = shownForm(STATEMENT);
  form.append("f.actorId", "iran");
  form.append("o.actorId", "iraq");
  expect(editFromForm("statement", form).edit).toEqual({});
});

test("a quote's context stays inside its paragraph", () => {
  const text = "Headline here\n\nFirst words of the body, then Kataib Hezbollah denied it.\nNext paragraph.";
  const start = text.indexOf("Kataib");
  const c = contextOf(text, start, start + 16, 20);
  expect(c.quote).toBe("Kataib Hezbollah");
  expect(c.before).not.toContain("\n");
  expect(c.after).toBe(" denied it.");
  expect(c.cutAfter).toBe(false);
  expect(c.cutBefore).toBe(true);
});

test("an accepted mention links to the reader at its words; a relation to its own page", () => {
  expect(recordLink({ type: "mention", recordId: "doc@10" }, { ...DATE, start: 10, end: 26 }).href).toBe(
    "/sources/doc?span=10-26",
  );
  expect(recordLink({ type: "alias", recordId: "iran" }, DATE).href).toBe("/actors/iran");
  expect(recordLink({ type: "relation", recordId: "abu-fadak.leads.kataib-hezbollah" }, RELATION)).toEqual({
    href: "/relations/abu-fadak.leads.kataib-hezbollah",
    what: "relation",
  });
});

test("the form shows the effective values: the proposed match, the channel, the links", () => {
  expect(formValues(EVENT)).toMatchObject({ eventId: "2019-12-us-strikes", time: "", eventKind: "strike" });
  expect(formValues(STATEMENT)).toMatchObject({ viaId: "irna", contradictsIds: ["us-accuses-kh"], supportsIds: [] });
  expect(formValues(RELATION)).toMatchObject({ relationId: "", role: "secretary-general", former: "false" });
  expect(originalTime(EVENT, "time")).toBeNull();
});

test("blank means none where none is a value: a new event, no channel, no role", () => {
  expect(editFromForm("event", shownForm(EVENT, { eventId: "" })).edit).toEqual({ eventId: null });
  expect(editFromForm("statement", shownForm(STATEMENT, { viaId: "" })).edit).toEqual({ viaId: null });
  expect(editFromForm("relation", shownForm(RELATION, { role: "" })).edit).toEqual({ role: null });
  // Elsewhere a blank keeps the suggested value.
  expect(editFromForm("relation", shownForm(RELATION, { fromId: "" })).edit).toEqual({});
});

test("a time given to an event without one is marked as given in review", () => {
  const { edit, problems } = editFromForm("event", shownForm(EVENT, { time: "2019-12-29" }));
  expect(problems).toEqual([]);
  expect(edit).toEqual({ time: { edtf: "2019-12-29", precision: "day", basis: "inferred", note: "Given in review." } });
});

test("a dropped claim link and a ticked 'former' box become the edit", () => {
  expect(editFromForm("statement", shownForm(STATEMENT, { contradictsIds: [] })).edit).toEqual({ contradictsIds: [] });
  const form = shownForm(RELATION);
  form.append("f.former", "true");
  expect(editFromForm("relation", form).edit).toEqual({ former: true });
  // A form without the box (a one-click choice) says nothing about it.
  const choice = new FormData();
  choice.append("o.relationId", "");
  choice.append("f.relationId", "abu-fadak.leads.kataib-hezbollah");
  expect(editFromForm("relation", choice).edit).toEqual({ relationId: "abu-fadak.leads.kataib-hezbollah" });
});

test("a mention's candidate, chosen by its button, is the edit", () => {
  const form = new FormData();
  form.append("o.actorId", "");
  form.append("f.actorId", "kataib-hezbollah");
  expect(editFromForm("mention", form).edit).toEqual({ actorId: "kataib-hezbollah" });
});

test("a confidence floor is read as typed, and anything else is explained", () => {
  expect(parseConfidence("")).toBeUndefined();
  expect(parseConfidence("0.9")).toBe(0.9);
  expect(parseConfidence("85 %")).toBe(0.85);
  expect(parseConfidence("90")).toBe(0.9);
  expect(parseConfidence("high")).toMatch(/not a number between 0 and 1/);
  expect(parseConfidence("150")).toMatch(/not a number between 0 and 1/);
  expect(confidenceOf(EVENT)).toBe(0.8);
  expect(confidenceOf(DATE)).toBeNull();
});

test("a blocked suggestion points at the candidate actor its reason names", () => {
  const blocked = {
    preview: { text: "accepting creates a claim", blocked: "Accept the candidate actor suggestion doc.actor-2 first" },
  };
  expect(waitsFor(blocked, [{ id: "doc.actor-1" }, { id: "doc.actor-2" }])).toBe("doc.actor-2");
  expect(waitsFor(STATEMENT, [{ id: "doc.actor-2" }])).toBeNull();
});
