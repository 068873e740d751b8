/** The review forms' pure part: only what the reviewer changed becomes the edit; dates keep their words. */
import { expect, test } from "@playwright/test";
import { contextOf, editFromForm, formValues, originalTime, recordLink } from "../src/lib/review";
import type { Suggestion } from "../src/lib/types";

const base: Pick<Suggestion, "sourceId" | "status" | "records" | "edit" | "reviewedAt" | "reviewNote"> = {
  sourceId: "doc",
  status: "suggested",
  records: [],
  edit: null,
  reviewedAt: null,
  reviewNote: null,
};

const DATE: Suggestion = {
  ...base,
  id: "doc.date-1",
  kind: "date",
  start: 10,
  end: 19,
  quote: "last June",
  label: "June 2014 (month, relative) — “last June”",
  proposal: {
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
};

const STATEMENT: Suggestion = {
  ...base,
  id: "doc.statement-1",
  kind: "statement",
  start: 0,
  end: 60,
  quote: "…",
  label: "Kataib Hezbollah denies",
  proposal: {
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
  },
};

/** The form as the page renders it: every field shown twice (f.* and o.*), dates' originals in t.*. */
function shownForm(s: Suggestion, changes: Record<string, string | string[]> = {}) {
  const form = new FormData();
  for (const [field, value] of Object.entries(formValues(s))) {
    for (const v of Array.isArray(value) ? value : [value]) form.append(`o.${field}`, v);
    if (field === "participants") continue;
    const now = field in changes ? changes[field] : value;
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

test("an accepted mention links to the reader at its words", () => {
  expect(recordLink({ type: "mention", recordId: "doc@10" }, { sourceId: "doc", start: 10, end: 26 }).href).toBe(
    "/sources/doc?span=10-26",
  );
  expect(recordLink({ type: "alias", recordId: "iran" }, DATE).href).toBe("/actors/iran");
});
