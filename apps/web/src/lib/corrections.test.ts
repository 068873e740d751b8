/** A record's form sends only what the reviewer changed: fields set, list items added and removed, typed values read by the workbench model. */
import { expect, test } from "vitest";
import { formFields, patchFromForm } from "./corrections";

const shown = {
  claimantId: "kataib-hezbollah",
  stance: "denies",
  statement: "KH denies the attack.",
  mode: "direct",
  aboutActorIds: "united-states, iran",
  aboutEventIds: "",
  said: "2020-01",
  onBehalfOfId: "",
  viaId: "",
  setting: "",
  supportsIds: "",
  contradictsIds: "us-alleges",
  note: "",
};

test("an unchanged form asks for nothing; whitespace alone is no change", () => {
  expect(patchFromForm("claim", { ...shown, statement: " KH denies the attack. " }, shown)).toEqual({});
});

test("changed fields are set, cleared ones become none, dates are sent as typed", () => {
  expect(
    patchFromForm(
      "claim",
      { ...shown, stance: "accuses", note: "Checked.", said: "3 January 2020" },
      {
        ...shown,
      },
    ),
  ).toEqual({ set: { stance: "accuses", note: "Checked.", said: "3 January 2020" } });
  expect(patchFromForm("claim", { ...shown, said: "" }, shown)).toEqual({ set: { said: null } });
});

test("lists change by the items added and removed, in any order", () => {
  expect(patchFromForm("claim", { ...shown, aboutActorIds: "iran,kataib-hezbollah" }, shown)).toEqual({
    add: { aboutActorIds: ["kataib-hezbollah"] },
    remove: { aboutActorIds: ["united-states"] },
  });
  expect(
    patchFromForm(
      "event",
      { participants: "kataib-hezbollah:perpetrator, united-states:target" },
      { participants: "united-states:target, kataib-hezbollah:alleged_perpetrator" },
    ),
  ).toEqual({
    add: { participants: [{ actorId: "kataib-hezbollah", role: "perpetrator", note: null }] },
    remove: { participants: [{ actorId: "kataib-hezbollah", role: "alleged_perpetrator", note: null }] },
  });
});

test("a value the model refuses is named, with its field", () => {
  expect(patchFromForm("claim", { ...shown, stance: "shouts" }, shown)).toMatchObject({
    problem: expect.stringMatching(/^stance: must be one of /),
  });
  expect(patchFromForm("actor", { name: "" }, { name: "Kataib Hezbollah" })).toEqual({
    problem: "name: must not be empty",
  });
  expect(patchFromForm("claim", { ...shown, aboutActorIds: "Kataib Hezbollah" }, shown)).toMatchObject({
    problem: expect.stringContaining('"Kataib Hezbollah" is not an actor id'),
  });
});

test("the form offers every field the model lets a correction set, names excepted", () => {
  expect(formFields("actor").map((f) => f.field)).toEqual(["name", "kind", "description"]);
  expect(formFields("claim").find((f) => f.field === "stance")?.options).toContain("denies");
});
