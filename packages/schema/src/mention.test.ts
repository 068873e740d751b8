import { describe, test } from "vitest";
import { expectIssue, expectValid, mention } from "../test/fixtures.js";
import { Mention } from "./mention.js";

describe("Mention", () => {
  test("accepts a name found in the text", () => {
    expectValid(Mention, mention(0));
    expectValid(Mention, mention(1));
  });

  test("rejects end at or before start, naming end", () => {
    const m = mention(1);
    expectIssue(Mention, { ...m, end: m.start }, "end", `end (${m.start}) must be greater than start (${m.start})`);
  });

  test("rejects a quote whose length differs from the span, naming quote", () => {
    const m = mention(1);
    expectIssue(
      Mention,
      { ...m, quote: "Kataib Hezbollah's" },
      "quote",
      "quote has 18 characters but the span start..end covers 16",
    );
  });

  test("rejects malformed fields, naming each", () => {
    expectIssue(Mention, { ...mention(), actorId: "Kataib Hezbollah" }, "actorId", "must be a slug");
    expectIssue(Mention, { ...mention(), sourceId: "" }, "sourceId", "must be a slug");
    expectIssue(Mention, { ...mention(), alias: "" }, "alias", ">=1 characters");
    expectIssue(Mention, { ...mention(), start: -3 }, "start", ">=0");
  });
});
