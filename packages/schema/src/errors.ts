import type { z } from "zod";

/** One line per problem, each naming where it is: `claims[3].claimantId: "x" is not a known actor id`. */
export function describeIssues(error: z.ZodError, label?: string): string[] {
  return error.issues.map((issue) => {
    const path = issue.path
      .map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`))
      .join("");
    const where = [label, path].filter(Boolean).join(" ");
    return where ? `${where}: ${issue.message}` : issue.message;
  });
}
