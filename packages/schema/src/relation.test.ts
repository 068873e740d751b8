import { describe, expect, test } from "vitest";
import { expectIssue, expectValid, span, spokesperson } from "../test/fixtures.js";
import { RELATION_TYPES, Relation, RelationType } from "./relation.js";

describe("Relation", () => {
  test("accepts a spokesman relation, and a former, dated one", () => {
    expectValid(Relation, spokesperson());
    expectValid(Relation, {
      ...spokesperson(),
      id: "askari-was-spokesperson-2014-2019",
      former: true,
      time: { edtf: "2014/2019", precision: "year", basis: "explicit" },
      note: "closely",
    });
  });

  test("every relation type has a reading, and only those are accepted", () => {
    expect(RelationType.options).toEqual(Object.keys(RELATION_TYPES));
    expectIssue(Relation, { ...spokesperson(), type: "friend_of" }, "type", '"leads"');
  });

  test("an actor cannot relate to itself", () => {
    expectIssue(
      Relation,
      { ...spokesperson(), toId: "abu-ali-al-askari" },
      "toId",
      'relation "abu-ali-al-askari-spokesperson-of-kataib-hezbollah": an actor cannot relate to itself',
    );
  });

  test("rejects a badly dated relation, naming the time field", () => {
    expectIssue(
      Relation,
      { ...spokesperson(), time: { edtf: "2014-2019", precision: "year", basis: "explicit" } },
      "time.edtf",
      '"2014-2019"',
    );
    expectIssue(
      Relation,
      { ...spokesperson(), time: { edtf: "2014", precision: "day", basis: "explicit" } },
      "time.precision",
      "which has year precision",
    );
  });

  test("rejects missing fields and empty evidence", () => {
    const { former: _, ...noFormer } = spokesperson();
    expectIssue(Relation, noFormer, "former", "expected boolean");
    expectIssue(Relation, { ...spokesperson(), evidence: [] }, "evidence", "needs at least one evidence span");
    expectIssue(Relation, { ...spokesperson(), fromId: "" }, "fromId", "must be a slug");
  });

  test("rejects a span whose quote does not fit its offsets", () => {
    const e = span("the group\u2019s spokesman");
    expectIssue(
      Relation,
      { ...spokesperson(), evidence: [{ ...e, quote: "the group's spokesman, Abu" }] },
      "evidence[0].quote",
      "quote has 26 characters but the span start..end covers 21",
    );
  });
});
