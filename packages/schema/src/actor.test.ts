import { describe, expect, test } from "vitest";
import { askari, expectIssue, expectValid, issuesOf, kataibHezbollah, usOfficials } from "../test/fixtures.js";
import { Actor, ActorKind, describeSize } from "./actor.js";

describe("Actor", () => {
  test("accepts an armed group, a person and a group of people", () => {
    expectValid(Actor, kataibHezbollah());
    expectValid(Actor, askari());
    expectValid(Actor, usOfficials());
  });

  test("accepts aliases of every kind, limited to sources or not", () => {
    expectValid(Actor, {
      ...kataibHezbollah(),
      aliases: [
        { name: "KH", kind: "abbreviation", sourceIds: [] },
        { name: "Kata'ib Hizballah", kind: "transliteration", sourceIds: [] },
        { name: "Kataeb Hezbollah", kind: "spelling", sourceIds: ["2021-02-16-kh-denies-erbil-attack"] },
        { name: "Hezbollah Brigades", kind: "translation", sourceIds: [] },
      ],
    });
  });

  test("rejects an unknown kind and lists the kinds", () => {
    expectIssue(Actor, { ...kataibHezbollah(), kind: "militia" }, "kind", '"armed_group"');
    expect(ActorKind.options).toContain("group_of_people");
  });

  test("nothing stands without evidence", () => {
    expectIssue(Actor, { ...kataibHezbollah(), evidence: [] }, "evidence", "needs at least one evidence span");
  });

  test("rejects an alias that repeats the name or another alias, ignoring case", () => {
    const kh = kataibHezbollah();
    expectIssue(
      Actor,
      { ...kh, aliases: [...kh.aliases, { name: "kataib hezbollah", kind: "spelling", sourceIds: [] }] },
      "aliases[1].name",
      'actor "kataib-hezbollah": alias "kataib hezbollah" repeats the name or another alias',
    );
    expectIssue(
      Actor,
      { ...kh, aliases: [...kh.aliases, { name: "kh", kind: "abbreviation", sourceIds: [] }] },
      "aliases[1].name",
      'alias "kh" repeats the name or another alias',
    );
  });

  test("rejects malformed aliases, naming the alias and field", () => {
    const kh = kataibHezbollah();
    expectIssue(
      Actor,
      { ...kh, aliases: [{ name: "KH", kind: "nickname", sourceIds: [] }] },
      "aliases[0].kind",
      '"spelling"',
    );
    expectIssue(
      Actor,
      { ...kh, aliases: [{ name: "KH", kind: "abbreviation", sourceIds: ["Source 1"] }] },
      "aliases[0].sourceIds[0]",
      "must be a slug",
    );
    expectIssue(
      Actor,
      { ...kh, aliases: [{ name: "KH", kind: "abbreviation" }] },
      "aliases[0].sourceIds",
      "expected array",
    );
  });

  test("rejects a bad id, an empty name and a padded description", () => {
    expectIssue(Actor, { ...askari(), id: "Abu Ali al-Askari" }, "id", "must be a slug");
    expectIssue(Actor, { ...askari(), name: "" }, "name", "must not be empty");
    expectIssue(
      Actor,
      { ...askari(), description: "Spokesman. " },
      "description",
      "must not start or end with whitespace",
    );
  });

  test("reports every problem at once", () => {
    const lines = issuesOf(Actor, { ...askari(), kind: "spokesman", evidence: [] });
    expect(lines.map((l) => l.split(":")[0]).sort()).toEqual(["evidence", "kind"]);
  });
});

describe("describeSize", () => {
  const size = (low: number | null, high: number | null, edtf?: string) => ({
    low,
    high,
    expression: "some fighters",
    time: edtf ? { edtf, precision: "year" as const, basis: "explicit" as const } : null,
  });

  test("gives the words always, and the numbers only when they add to them", () => {
    expect(describeSize(size(null, null))).toBe("“some fighters”");
    expect(describeSize(size(100000, 100000))).toBe("“some fighters”");
    expect(describeSize(size(5000, 10000))).toBe("“some fighters” (5,000–10,000)");
    expect(describeSize(size(20000, null, "2014"))).toBe("“some fighters” (20,000 or more; 2014)");
    expect(describeSize(size(null, 300))).toBe("“some fighters” (up to 300)");
  });
});
