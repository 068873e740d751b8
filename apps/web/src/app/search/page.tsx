/** Search: actors (names and aliases, misspellings tolerated), events, claims and source texts. */
import type { Metadata } from "next";
import { KindBadge } from "@/components/actor-link";
import { ApiFailure } from "@/components/api-failure";
import { Empty, PageHeader, Section } from "@/components/page";
import { Snippet } from "@/components/snippet";
import { Badge } from "@/components/ui/badge";
import { CheckChip } from "@/components/ui/form";
import Link from "@/components/ui/link";
import { actorHref, claimHref, eventHref, sourceHref } from "@/lib/links";
import { all, first, type SearchParams } from "@/lib/search-params";
import type { SearchHit } from "@/lib/types";
import { plural, words } from "@/lib/utils";
import { api } from "@/trpc/client";
import { load } from "@/trpc/load";

const TYPES = [
  { key: "actor", title: "Actors", href: actorHref },
  { key: "event", title: "Events", href: eventHref },
  { key: "claim", title: "Claims", href: claimHref },
  { key: "source", title: "Sources", href: sourceHref },
] as const;
type TypeKey = (typeof TYPES)[number]["key"];

interface Props {
  searchParams: Promise<SearchParams>;
}

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const q = first((await searchParams).q);
  return {
    title: q ? `“${q}” — search` : "Search",
    description: q
      ? `Actors, events, claims and sources matching “${q}” in Militia Atlas.`
      : "Search Militia Atlas: actors by any name or misspelling, events, claims and source texts.",
  };
}

function Hit({ hit, href }: { hit: SearchHit; href: string }) {
  return (
    <li className="flex flex-col gap-1 p-4">
      <div className="flex flex-wrap items-center gap-2">
        <Link href={href} className="font-medium text-primary hover:underline">
          {hit.title}
        </Link>
        {hit.type === "actor" && hit.detail && <KindBadge kind={hit.detail} />}
        {hit.type === "event" && hit.detail && <Badge variant="outline">{words(hit.detail)}</Badge>}
        {hit.type === "claim" && hit.detail && <Badge variant="outline">{hit.detail}</Badge>}
        {hit.type === "source" && (
          <span className="text-sm text-muted-foreground">{hit.detail ?? "publisher not stated"}</span>
        )}
      </div>
      {hit.matched && (
        <p className="text-sm">
          Found through the name <mark className="search-hit">{hit.matched}</mark>, as a document spells it.
        </p>
      )}
      {hit.snippet.length > 0 && (
        <p className="text-sm text-muted-foreground">
          <Snippet parts={hit.snippet} />
        </p>
      )}
    </li>
  );
}

export default async function SearchPage({ searchParams }: Props) {
  const params = await searchParams;
  const q = first(params.q);
  const types = all(params.type).filter((t): t is TypeKey => TYPES.some((x) => x.key === t));
  const result = q
    ? await load("search results", () =>
        api.search.query.query({ q, types: types.length ? types : undefined, limit: 20 }),
      )
    : null;
  return (
    <>
      <PageHeader title={q ? <>Results for “{q}”</> : "Search"}>
        Names are matched across spellings and misspellings (Khalazi, Khazali, al-Khazali); events, claims and the
        documents' own words by full-text search. Quote a phrase to match it exactly.
      </PageHeader>
      <search>
        <form action="/search" className="flex flex-col gap-3">
          <div className="flex max-w-xl gap-2">
            <label htmlFor="search-q" className="sr-only">
              Search for
            </label>
            <input
              id="search-q"
              name="q"
              type="search"
              defaultValue={q}
              required
              className="h-10 min-w-0 flex-1 rounded-md border bg-card px-3"
            />
            <button type="submit" className="h-10 rounded-md bg-primary px-4 font-medium text-primary-foreground">
              Search
            </button>
          </div>
          <fieldset className="flex flex-wrap items-center gap-2">
            <legend className="sr-only">Only these kinds of result</legend>
            {TYPES.map((t) => (
              <CheckChip key={t.key} name="type" value={t.key} defaultChecked={types.includes(t.key)}>
                {t.title}
              </CheckChip>
            ))}
            <span className="text-xs text-muted-foreground">(none ticked: all kinds)</span>
          </fieldset>
        </form>
      </search>
      {result && !result.ok && <ApiFailure failure={result.failure} />}
      {result?.ok &&
        (result.data.total === 0 ? (
          <Empty>
            Nothing matches “{q}”. Try fewer words, another spelling, or browse the <Link href="/actors">actors</Link>.
          </Empty>
        ) : (
          <>
            <p className="text-sm text-muted-foreground" aria-live="polite">
              {plural(result.data.total, "result")}
            </p>
            {TYPES.map((t) => {
              const hits = result.data.groups[t.key];
              if (hits.length === 0) return null;
              return (
                <Section key={t.key} id={`results-${t.key}`} title={t.title} count={hits.length}>
                  <ul className="flex flex-col divide-y rounded-lg border bg-card">
                    {hits.map((h) => (
                      <Hit key={h.id} hit={h} href={t.href(h.id)} />
                    ))}
                  </ul>
                </Section>
              );
            })}
          </>
        ))}
    </>
  );
}
