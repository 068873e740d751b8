import type { Claim } from "@atlas/schema";
import type { Db } from "../db/client.js";
import { ReviewError } from "../ingest/errors.js";
import { live } from "./live.js";
import type { RecordOf, WriteResult } from "./model.js";
import { done, type Reviewer, readState, write } from "./write.js";

/** Grades a source's reliability (A–F) or a claim's credibility (1–6); null clears it to "not graded". */
export async function gradeRecord(
  db: Db,
  by: Reviewer,
  input: { type: "source" | "claim"; id: string; grade: string | number | null; version?: number },
  reason: string,
): Promise<WriteResult> {
  if (input.grade !== null && !reason?.trim())
    throw new ReviewError("invalid", "reason: a grade needs the reason for it.");
  return write(db, by, reason, async (w) => {
    const given = input.grade === null ? null : { grade: input.grade, reason: reason.trim(), by: by.name, at: w.at };
    if (input.type === "source") {
      const before = await readState(w.db, "source", input.id);
      if (!before) throw new ReviewError("not_found", `No source with id "${input.id}".`);
      await w.change(
        "source",
        input.id,
        { id: input.id, reliability: given as RecordOf["source"]["reliability"] },
        { action: "graded", before, expectVersion: input.version },
      );
    } else {
      const before = await live(w.db, "claim", input.id);
      await w.change(
        "claim",
        input.id,
        { ...before, credibility: given as Claim["credibility"] },
        { action: "graded", before, expectVersion: input.version },
      );
    }
    return done(w);
  });
}
