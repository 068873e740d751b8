import type { Claim } from "@atlas/schema";
import { readState, type Writer } from "./write.js";

/**
 * Contradiction is symmetric: when a claim starts or stops contradicting another, the other says
 * so too (a change of its own, in the same write).
 */
export async function answerContradictions(w: Writer, before: Claim | null, after: Claim | null) {
  const was = new Set(before?.contradictsIds ?? []);
  const now = new Set(after?.contradictsIds ?? []);
  const id = (after ?? before)?.id as string;
  for (const other of new Set([...was, ...now])) {
    if (was.has(other) === now.has(other)) continue;
    const claim = await readState(w.db, "claim", other);
    if (!claim) continue;
    const ids = new Set(claim.contradictsIds);
    if (now.has(other)) ids.add(id);
    else ids.delete(id);
    if (ids.size === claim.contradictsIds.length) continue;
    await w.change("claim", other, { ...claim, contradictsIds: [...ids].sort() }, { action: "edited", before: claim });
  }
}
