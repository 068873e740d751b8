/** One canonical order for list fields, shared by the loader and the export so round trips are exact. */
import { PARTICIPANT_ROLES } from "@atlas/schema";

const ROLE_ORDER = Object.keys(PARTICIPANT_ROLES);

/** Perpetrators and those who ordered first, then targets and victims, then the rest; by actor within a role. */
export const byRoleThenActor = (a: { role: string; actorId: string }, b: { role: string; actorId: string }) =>
  ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role) || a.actorId.localeCompare(b.actorId);

export const sortedIds = (ids: Iterable<string>) => [...new Set(ids)].sort();
