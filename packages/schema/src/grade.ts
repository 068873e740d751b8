/**
 * Grades are opinions, and attributed: a source's reliability on the Admiralty scale (A–F) and a
 * claim's credibility (1–6), each set by a named reviewer with a reason. "Not graded" is a state
 * (the field is null or absent), never a default grade.
 */
import { z } from "zod";
import { Text } from "./common.js";
import { CREDIBILITY, RELIABILITY } from "./grade-scales.js";

export const ReliabilityGrade = z.enum(Object.keys(RELIABILITY) as [keyof typeof RELIABILITY]).meta({
  id: "ReliabilityGrade",
  description: `A source's reliability on the Admiralty scale: ${Object.entries(RELIABILITY)
    .map(([k, v]) => `${k} — ${v}`)
    .join("; ")}.`,
});
export type ReliabilityGrade = z.infer<typeof ReliabilityGrade>;

export const CredibilityGrade = z
  .int()
  .min(1)
  .max(6)
  .meta({
    id: "CredibilityGrade",
    description: `A claim's information credibility on the Admiralty scale: ${Object.entries(CREDIBILITY)
      .map(([k, v]) => `${k} — ${v}`)
      .join("; ")}.`,
  });
export type CredibilityGrade = keyof typeof CREDIBILITY;

const attribution = {
  reason: Text.describe("Why the reviewer gave this grade."),
  by: Text.describe("The reviewer who gave it."),
  at: z.iso.datetime({ offset: true }).describe("When it was given."),
};

export const SourceReliability = z
  .object({ grade: ReliabilityGrade, ...attribution })
  .meta({ id: "SourceReliability", description: "A source's reliability grade, who gave it, when and why." });
export type SourceReliability = z.infer<typeof SourceReliability>;

export const ClaimCredibility = z
  .object({ grade: CredibilityGrade, ...attribution })
  .meta({ id: "ClaimCredibility", description: "A claim's credibility grade, who gave it, when and why." });
export type ClaimCredibility = z.infer<typeof ClaimCredibility>;

/** "B (usually reliable)", "3 (possibly true)", or "not graded". */
export function describeGrade(grade: { grade: string | number } | null | undefined): string {
  if (!grade) return "not graded";
  const words =
    typeof grade.grade === "number"
      ? CREDIBILITY[grade.grade as CredibilityGrade]
      : RELIABILITY[grade.grade as ReliabilityGrade];
  return `${grade.grade} (${words})`;
}

/** When the atlas last changed a record, on every record an analyst may correct. */
export const UpdatedAt = z.iso
  .datetime({ offset: true })
  .optional()
  .describe(
    "When this record last changed in the atlas (an edit, a grade, an accepted suggestion), or when the curated data that holds it was loaded. Absent in files written by hand.",
  );
