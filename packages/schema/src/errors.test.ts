import { describe, expect, test } from "vitest";
import { z } from "zod";
import { describeIssues } from "./errors.js";

describe("describeIssues", () => {
  const schema = z.object({
    claims: z.array(z.object({ claimantId: z.string(), about: z.object({ eventIds: z.array(z.string()) }) })),
  });

  function errorOf(value: unknown): z.ZodError {
    const r = schema.safeParse(value);
    if (r.success) throw new Error("expected an error");
    return r.error;
  }

  test("writes one line per issue, with the path in JavaScript notation", () => {
    const error = errorOf({
      claims: [
        { claimantId: "a", about: { eventIds: [] } },
        { claimantId: 7, about: { eventIds: [1] } },
      ],
    });
    expect(describeIssues(error)).toEqual([
      "claims[1].claimantId: Invalid input: expected string, received number",
      "claims[1].about.eventIds[0]: Invalid input: expected string, received number",
    ]);
  });

  test("puts a label, such as a file name, before the path", () => {
    const error = errorOf({ claims: [{ about: { eventIds: [] } }] });
    expect(describeIssues(error, "annotations/kh.json")).toEqual([
      "annotations/kh.json claims[0].claimantId: Invalid input: expected string, received undefined",
    ]);
  });

  test("an issue on the value itself is the bare message, or the label and message", () => {
    const error = errorOf("not an object");
    expect(describeIssues(error)).toEqual(["Invalid input: expected object, received string"]);
    expect(describeIssues(error, "dataset.json")).toEqual([
      "dataset.json: Invalid input: expected object, received string",
    ]);
  });

  test("a path that starts with an index", () => {
    const r = z.array(z.string()).safeParse(["a", 2]);
    if (r.success) throw new Error("expected an error");
    expect(describeIssues(r.error)).toEqual(["[1]: Invalid input: expected string, received number"]);
  });
});
