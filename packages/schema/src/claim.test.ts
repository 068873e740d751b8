import { describe, expect, test } from "vitest";
import { ACCUSATION_ID, accusation, DENIAL_ID, denial, expectIssue, expectValid, span } from "../test/fixtures.js";
import { Claim, claimSpans, STANCES, Stance } from "./claim.js";

describe("Claim", () => {
  test("accepts a direct denial and an indirect accusation", () => {
    expectValid(Claim, denial());
    expectValid(Claim, accusation());
  });

  test("stances are the documented ones", () => {
    expect(Stance.options).toEqual(Object.keys(STANCES));
    expectIssue(Claim, { ...denial(), stance: "rejects" }, "stance", '"denies"');
  });

  test("a claim cannot support or contradict itself", () => {
    expectIssue(
      Claim,
      { ...denial(), supportsIds: [DENIAL_ID] },
      "supportsIds",
      `claim "${DENIAL_ID}" cannot link to itself`,
    );
    expectIssue(
      Claim,
      { ...denial(), contradictsIds: [DENIAL_ID] },
      "contradictsIds",
      `claim "${DENIAL_ID}" cannot link to itself`,
    );
  });

  test("a claim cannot both support and contradict the same claim", () => {
    expectIssue(
      Claim,
      { ...denial(), supportsIds: [ACCUSATION_ID] },
      "contradictsIds",
      `claim "${DENIAL_ID}" both supports and contradicts ${ACCUSATION_ID}`,
    );
  });

  test("when it was said is a Time, checked like any other", () => {
    expectIssue(
      Claim,
      { ...denial(), said: { edtf: "2021-02-16", precision: "day", basis: "relative" } },
      "said.note",
      "a relative date needs",
    );
    expectIssue(
      Claim,
      { ...denial(), said: { edtf: "Tuesday", precision: "day", basis: "explicit" } },
      "said.edtf",
      '"Tuesday" is not a supported EDTF date',
    );
  });

  test("rejects malformed fields, naming each", () => {
    expectIssue(Claim, { ...denial(), claimantId: "Abu Ali" }, "claimantId", "must be a slug");
    expectIssue(Claim, { ...denial(), mode: "quoted" }, "mode", '"direct"|"indirect"');
    expectIssue(Claim, { ...denial(), about: { actorIds: ["kataib-hezbollah"] } }, "about.eventIds", "expected array");
    expectIssue(
      Claim,
      { ...denial(), about: { actorIds: ["KH"], eventIds: [] } },
      "about.actorIds[0]",
      "must be a slug",
    );
    expectIssue(Claim, { ...denial(), statement: "" }, "statement", "must not be empty");
    expectIssue(Claim, { ...denial(), evidence: [] }, "evidence", "needs at least one evidence span");
    expectIssue(
      Claim,
      { ...denial(), attribution: [{ ...span("said"), end: 0 }] },
      "attribution[0].end",
      "must be greater than start",
    );
  });

  test("attribution may be empty: the evidence may carry the attribution itself", () => {
    expectValid(Claim, {
      ...accusation(),
      attribution: [],
      evidence: [span("U.S. officials said the group\u2019s fighters fired at least 14\u00A0rockets")],
    });
  });
});

describe("claimSpans", () => {
  test("merges evidence and attribution, in text order per source", () => {
    const c = denial();
    const spans = claimSpans(c);
    expect(spans.map((s) => s.quote)).toEqual([
      "We had nothing to do with this attack",
      "Abu Ali al-Askari, said in a statement",
    ]);
    expect(spans.map((s) => s.start)).toEqual([...spans.map((s) => s.start)].sort((a, b) => a - b));

    const reversed = claimSpans({ evidence: [span("said in a statement")], attribution: [span("Abu Ali al-Askari")] });
    expect(reversed.map((s) => s.quote)).toEqual(["Abu Ali al-Askari", "said in a statement"]);
  });
});
