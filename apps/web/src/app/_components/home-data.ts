/**
 * What the home page loads — the atlas's totals and its documents, in one batch — and the figures
 * it draws from the totals, each linking to the page that lists them.
 */
import type { Stats } from "@/lib/types";
import { api } from "@/trpc/client";
import { load } from "@/trpc/load";

/** The totals and the first fifty documents, or why they could not be loaded. */
export function loadOverview() {
  return load("the atlas overview", () => Promise.all([api.stats.get.query(), api.sources.list.query({ limit: 50 })]));
}

/** One of the atlas's totals: how many, of what, a note on it, and where they are listed. */
export interface Figure {
  n: number;
  label: string;
  note?: string;
  href: string;
}

/** The totals as figures, in the order the page shows them. */
export function figuresOf(stats: Stats): Figure[] {
  const c = stats.counts;
  return [
    { n: c.sources, label: "source documents", href: "/sources" },
    { n: c.actors, label: "actors", href: "/actors" },
    {
      n: c.events,
      label: "events",
      note: `${stats.corroboratedEvents} reported by several sources`,
      href: "/timeline",
    },
    { n: c.claims, label: "claims", note: `${stats.contradictions} contradictions`, href: "/claims" },
    { n: c.relations, label: "relations", href: "/graph" },
    { n: c.places, label: "places", href: "/map" },
    { n: c.mentions, label: "mentions in the texts", href: "/sources" },
  ];
}
