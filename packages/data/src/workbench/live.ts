/** The record an operation acts on: of a type corrected this way, existing and not retired (else a refusal that says so). */
import type { Db } from "../db/client.js";
import { ReviewError } from "../ingest/errors.js";
import type { HistoryType, RecordOf, RecordType } from "./model.js";
import { label } from "./validate.js";
import { lastChange, readState } from "./write.js";

export async function live<K extends RecordType>(db: Db, type: K, id: string): Promise<RecordOf[K]> {
  const state = await readState(db, type, id);
  if (state) return state;
  const last = await lastChange(db, type, id);
  if (last?.retired) {
    throw new ReviewError(
      "conflict",
      `${label(type, id)} is retired (by ${last.reviewer} at ${last.at}); restore it first (atlas restore ${id}).`,
    );
  }
  throw new ReviewError("not_found", `No ${type} with id "${id}".`);
}

export const asRecordType = (type: HistoryType, id: string): RecordType => {
  if (type === "merge" || type === "suggestion" || type === "reviewer") {
    throw new ReviewError("invalid", `"${id}" is a ${type}; it is not corrected this way.`);
  }
  return type;
};
