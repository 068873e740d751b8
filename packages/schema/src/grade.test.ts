import { describe, expect, test } from "vitest";
import { ClaimCredibility, describeGrade, SourceReliability } from "./grade.js";

const given = { reason: "Named officials, on the record.", by: "alice", at: "2026-12-01T10:00:00.000Z" };

describe("grades", () => {
  test("the Admiralty scales: A–F for sources, 1–6 for claims, nothing else", () => {
    expect(SourceReliability.safeParse({ grade: "B", ...given }).success).toBe(true);
    expect(SourceReliability.safeParse({ grade: "G", ...given }).success).toBe(false);
    expect(ClaimCredibility.safeParse({ grade: 3, ...given }).success).toBe(true);
    expect(ClaimCredibility.safeParse({ grade: 7, ...given }).success).toBe(false);
    expect(ClaimCredibility.safeParse({ grade: 2.5, ...given }).success).toBe(false);
  });

  test("a grade names who gave it and why", () => {
    expect(SourceReliability.safeParse({ grade: "B", reason: "", by: "alice", at: given.at }).success).toBe(false);
    expect(ClaimCredibility.safeParse({ grade: 2, reason: "x", at: given.at }).success).toBe(false);
  });

  test("ungraded reads 'not graded', never a default grade", () => {
    expect(describeGrade(null)).toBe("not graded");
    expect(describeGrade(undefined)).toBe("not graded");
    expect(describeGrade({ grade: "B" })).toBe("B (usually reliable)");
    expect(describeGrade({ grade: 6 })).toBe("6 (truth cannot be judged)");
  });
});
