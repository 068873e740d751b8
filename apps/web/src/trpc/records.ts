/**
 * One record per request: generateMetadata and the page share these (React's cache), so a
 * profile costs one API call, not two.
 */
import "server-only";
import type { RecordType } from "@atlas/data/workbench";
import { cache } from "react";
import { api } from "./client";

export const getActor = cache((id: string) => api.actors.byId.query({ id }));
export const getEvent = cache((id: string) => api.events.byId.query({ id }));
export const getClaim = cache((id: string) => api.claims.byId.query({ id }));
export const getRelation = cache((id: string) => api.relations.byId.query({ id }));
export const getSource = cache((id: string) => api.sources.byId.query({ id }));
/** A record's history: its version (which the page's forms send back), whether it is retired, every change. */
export const getHistory = cache((type: RecordType, id: string) => api.records.history.query({ id, type }));

/** A page title from a record, or a plain one when the record cannot be loaded (the page says why). */
export async function titleFrom<T>(
  get: () => Promise<T>,
  make: (record: T) => { title: string; description: string },
  fallback: string,
) {
  try {
    return make(await get());
  } catch {
    return { title: fallback };
  }
}
