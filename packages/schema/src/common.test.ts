import { describe, test } from "vitest";
import { expectIssue, expectValid } from "../test/fixtures.js";
import { Id, Text } from "./common.js";

describe("Id", () => {
  test.each(["kataib-hezbollah", "2020-01-03-baghdad-airport-strike", "pmf.brigade_45", "a"])(
    "accepts the slug %s",
    (id) => {
      expectValid(Id, id);
    },
  );

  test.each([
    ["Kataib-Hezbollah", "uppercase"],
    ["kataib hezbollah", "a space"],
    ["kataib--hezbollah", "a doubled separator"],
    ["-kataib", "a leading separator"],
    ["kataib-", "a trailing separator"],
    ["", "nothing"],
    ["حزب-الله", "non-ASCII letters"],
  ])("rejects %j (%s) and says what a slug is", (id) => {
    expectIssue(Id, id, "", /must be a slug: lowercase letters and digits/);
  });

  test("rejects an id longer than 160 characters", () => {
    expectValid(Id, "a".repeat(160));
    expectIssue(Id, "a".repeat(161), "", /160/);
  });
});

describe("Text", () => {
  test("accepts text with inner whitespace and punctuation", () => {
    expectValid(Text, "U.S. officials, “in a statement”");
  });

  test("rejects empty text", () => {
    expectIssue(Text, "", "", "must not be empty");
  });

  test.each([" leading", "trailing ", "new line\n", "\u00A0nbsp"])(
    "rejects surrounding whitespace in %j instead of trimming it",
    (text) => {
      expectIssue(Text, text, "", "must not start or end with whitespace");
    },
  );
});
