/**
 * The filtered lists (timeline, claims, actors, search): how a page's URL becomes the API's
 * filter. One place, used by each page and by "export these", so an export always holds what the
 * page shows.
 */
import { readDateWindow } from "@atlas/schema";
import type { Inputs } from "@/trpc/client";
import type { ACTOR_KINDS, EVENT_KIND_LIST, STANCE_LIST } from "./labels";
import { query } from "./links";
import { all, allowed, first, type SearchParams } from "./search-params";

export const LISTS = ["timeline", "claims", "actors", "search"] as const;
export type ListName = (typeof LISTS)[number];
export const isListName = (s: string | undefined): s is ListName => LISTS.includes(s as ListName);

type Paged = "limit" | "cursor";
type EventKind = (typeof EVENT_KIND_LIST)[number];
type Stance = (typeof STANCE_LIST)[number];
type ActorKind = (typeof ACTOR_KINDS)[number];
export type TimelineFilter = Omit<NonNullable<Inputs["events"]["timeline"]>, Paged>;
export type ClaimsFilter = Omit<NonNullable<Inputs["claims"]["list"]>, Paged>;
export type ActorsFilter = Omit<NonNullable<Inputs["actors"]["list"]>, Paged>;
export type SearchFilter = Inputs["search"]["query"];

/** The URL parameters each list keeps (everything else, a cursor included, is dropped from exports). */
const KEPT: Record<ListName, string[]> = {
  timeline: ["actor", "kind", "place", "from", "to", "inside", "several", "sort"],
  claims: ["claimant", "about", "stance", "contested", "credibility", "reliability"],
  actors: ["q", "kind", "involvement", "sort"],
  search: ["q", "type"],
};

export interface TimelineQuery {
  filter: TimelineFilter;
  /** What was typed for the window, and how it was read (or why it could not be). */
  typed: { from: string | undefined; to: string | undefined };
  problem: string | null;
}

/** The timeline's filter: dates may be typed in words ("Dec 2019 – Jan 2020"); the reading is named on the page. */
export function timelineQuery(params: SearchParams): TimelineQuery {
  const typed = { from: first(params.from), to: first(params.to) };
  const window = readDateWindow(typed.from, typed.to);
  const kind = all(params.kind) as EventKind[];
  const sort = first(params.sort) === "sources" ? "sources" : undefined;
  return {
    filter: {
      actorId: first(params.actor),
      kind: kind.length ? kind : undefined,
      placeId: first(params.place),
      from: window.ok ? window.from : undefined,
      to: window.ok ? window.to : undefined,
      inside: window.ok && (window.from || window.to) && first(params.inside) === "1" ? true : undefined,
      corroborated: first(params.several) === "1" || undefined,
      sort,
    },
    typed,
    problem: window.ok ? null : window.problem,
  };
}

// Filters are passed as given: the API names a kind, stance, sort or involvement it does not know.
export function claimsFilter(params: SearchParams): ClaimsFilter {
  const stance = all(params.stance) as Stance[];
  return {
    claimantId: first(params.claimant),
    aboutActorId: first(params.about),
    stance: stance.length ? stance : undefined,
    contested: first(params.contested) === "1" || undefined,
    credibility: grades<Credibility>(params.credibility, (g) => (/^\d+$/.test(g) ? Number(g) : g)),
    reliability: grades<Reliability>(params.reliability, (g) => (g === "none" ? g : g.toUpperCase())),
  };
}

type Credibility = NonNullable<ClaimsFilter["credibility"]>[number];
type Reliability = NonNullable<ClaimsFilter["reliability"]>[number];

/** Grades from the URL ("3", "none"; "b", "none"), as the API takes them; it names one it does not know. */
function grades<T>(raw: string | string[] | undefined, read: (g: string) => unknown): T[] | undefined {
  const values = all(raw).filter(Boolean);
  return values.length ? (values.map(read) as T[]) : undefined;
}

export function actorsFilter(params: SearchParams): ActorsFilter {
  const kinds = all(params.kind) as ActorKind[];
  return {
    q: first(params.q),
    kind: kinds.length ? kinds : undefined,
    sort: (first(params.sort) ?? "name") as NonNullable<ActorsFilter["sort"]>,
    involvement: first(params.involvement) as ActorsFilter["involvement"],
  };
}

export const SEARCH_TYPE_VALUES = ["actor", "event", "claim", "source"] as const;
/** Results per kind on the search page (and in its export). */
export const SEARCH_LIMIT = 20;

export function searchFilter(params: SearchParams): SearchFilter | null {
  const q = first(params.q);
  if (!q) return null;
  const types = allowed(all(params.type), SEARCH_TYPE_VALUES);
  return { q, types: types.length ? types : undefined, limit: SEARCH_LIMIT };
}

/** "Export these": the list's own parameters kept, so the file holds what the page shows. */
export function exportHref(list: ListName, params: SearchParams, format: string): string {
  const kept = Object.fromEntries(KEPT[list].map((k) => [k, params[k]]));
  return `/export/${format}${query({ of: list, ...kept })}`;
}
