/**
 * What each view needs from the data, loaded once and cached for the session: going back to a
 * list or a profile is instant. A failed load is kept as an error to show (not retried in a loop).
 */
import { useEffect, useReducer, useRef } from "react";
import type {
  ActorDetail,
  ActorSummary,
  Atlas,
  ClaimDetail,
  ClaimSummary,
  Contradiction,
  Dossier,
  EventDetail,
  EventSummary,
  SearchResult,
  SourceDetail,
  SourceSummary,
} from "./data.js";
import { NotFoundError } from "./errors.js";
import { allActors, allClaims, allContradictions, allEvents, allSources } from "./pages.js";

export type Request =
  | { kind: "actors" }
  | { kind: "events" }
  | { kind: "claims" }
  | { kind: "contradictions" }
  | { kind: "sources" }
  | { kind: "search"; q: string }
  | { kind: "actor" | "event" | "claim" | "source"; id: string };

export type Loaded =
  | { kind: "actors"; value: ActorSummary[] }
  | { kind: "events"; value: EventSummary[] }
  | { kind: "claims"; value: ClaimSummary[] }
  | { kind: "contradictions"; value: Contradiction[] }
  | { kind: "sources"; value: SourceSummary[] }
  | { kind: "search"; value: SearchResult }
  /** An actor's screen shows its record and, below it, its dossier to cite. */
  | { kind: "actor"; value: ActorDetail; dossier: Dossier }
  | { kind: "event"; value: EventDetail }
  | { kind: "claim"; value: ClaimDetail }
  | { kind: "source"; value: SourceDetail };

export type Resource =
  | { status: "loading" }
  | { status: "ready"; loaded: Loaded }
  | { status: "error"; message: string; notFound: boolean };

export const keyOf = (r: Request) => ("id" in r ? `${r.kind}:${r.id}` : "q" in r ? `search:${r.q}` : r.kind);

export async function load(atlas: Atlas, r: Request): Promise<Loaded> {
  switch (r.kind) {
    case "actors":
      return { kind: r.kind, value: await allActors(atlas) };
    case "events":
      return { kind: r.kind, value: await allEvents(atlas) };
    case "claims":
      return { kind: r.kind, value: await allClaims(atlas) };
    case "contradictions":
      return { kind: r.kind, value: await allContradictions(atlas) };
    case "sources":
      return { kind: r.kind, value: await allSources(atlas) };
    case "search":
      return { kind: r.kind, value: await atlas.search({ q: r.q, limit: 20 }) };
    case "actor": {
      const [value, dossier] = await Promise.all([atlas.actor(r.id), atlas.dossier(r.id)]);
      return { kind: r.kind, value, dossier };
    }
    case "event":
      return { kind: r.kind, value: await atlas.event(r.id) };
    case "claim":
      return { kind: r.kind, value: await atlas.claim(r.id) };
    case "source":
      return { kind: r.kind, value: await atlas.source(r.id) };
  }
}

export type Cache = Map<string, Resource>;

/** The resource for a request, loading it on first use. */
export function useResource(
  atlas: Atlas | null,
  request: Request | null,
  initial?: Cache,
  /** A write bumps it: everything loaded before is stale and is loaded again when shown. */
  generation = 0,
): Resource | null {
  const cache = useRef<Cache>(initial ?? new Map());
  const seen = useRef(generation);
  if (seen.current !== generation) {
    seen.current = generation;
    cache.current = new Map();
  }
  const [, changed] = useReducer((n: number) => n + 1, 0);
  const key = request ? keyOf(request) : null;
  // The request object is rebuilt on every render; its key says when it really changed.
  const latest = useRef(request);
  latest.current = request;
  useEffect(() => {
    const req = latest.current;
    // The cache of this generation: a load that ends after a write does not fill the next one.
    const map = cache.current;
    if (!atlas || !req || !key || map.has(key)) return;
    map.set(key, { status: "loading" });
    load(atlas, req)
      .then(
        (loaded) => map.set(key, { status: "ready", loaded }),
        (e: Error) => map.set(key, { status: "error", message: e.message, notFound: e instanceof NotFoundError }),
      )
      .finally(changed);
    // generation: after a write the same key is loaded again.
  }, [atlas, key, generation]);
  if (!key) return null;
  return cache.current.get(key) ?? { status: "loading" };
}
