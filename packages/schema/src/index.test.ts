import * as schema from "@atlas/schema";
import { describe, expect, test } from "vitest";

describe("@atlas/schema entry point", () => {
  test("tests import the TypeScript source through the @atlas/source condition", () => {
    expect(import.meta.resolve("@atlas/schema")).toMatch(/\/src\/index\.ts$/);
  });

  test("exports the schemas, helpers and constants users need", () => {
    for (const name of [
      "Actor",
      "Claim",
      "Dataset",
      "Event",
      "Evidence",
      "FatalityReport",
      "Mention",
      "Place",
      "Relation",
      "Source",
      "Time",
    ] as const) {
      expect(typeof schema[name].safeParse, name).toBe("function");
    }
    for (const name of [
      "describeIssues",
      "describeTime",
      "timeBounds",
      "precisionOf",
      "parseEdtf",
      "jsonSchemaOf",
      "corroboration",
      "claimSpans",
      "isArticleRole",
    ] as const) {
      expect(typeof schema[name], name).toBe("function");
    }
    expect(schema.DATASET_VERSION).toBe("1");
    expect(Object.keys(schema.RECORD_SCHEMAS)).toContain("Dataset");
  });
});
