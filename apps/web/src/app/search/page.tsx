/** Search: actors (names and aliases, misspellings tolerated), events, claims and source texts. */
import type { Metadata } from "next";
import { KindBadge } from "@/components/actor-link";
import { ApiFailure } from "@/components/api-failure";
import { ExportThese } from "@/components/export-these";
import { Empty, PageHeader, Section } from "@/components/page";
import { Snippet } from "@/components/snippet";
import { Badge } from "@/components/ui/badge";
import { CheckChip } from "@/components/ui/form";
import Link from "@/components/ui/link";
import { actorHref, claimHref, eventHref, sourceHref } from "@/lib/links";
import { searchFilter } from "@/lib/lists";
import { first, type SearchParams } from "@/lib/search-params";
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
      {hit.why && (
        <p className="text-sm" data-testid="why">
          <span className="sr-only">Why it matched: </span>
          {hit.why.summary}
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

/**
 * Which kind of result answers best goes first: actors when the query names one (a name, a
 * spelling, initials), else events, claims and actors matched in their descriptions, then sources.
 */
function groupOrder(result: { groups: Record<TypeKey, SearchHit[]> }) {
  const named = result.groups.actor[0]?.why?.reasons.some((r) => r.field === "name" || r.field === "alias");
  const order: TypeKey[] = named ? ["actor", "event", "claim", "source"] : ["event", "claim", "actor", "source"];
  return order.map((key) => TYPES.find((t) => t.key === key) as (typeof TYPES)[number]);
}

export default async function SearchPage({ searchParams }: Props) {
  const params = await searchParams;
  const filter = searchFilter(params);
  const q = filter?.q;
  const types = filter?.types ?? [];
  const result = filter ? await load("search results", () => api.search.query.query(filter)) : null;
  return (
    <>
      <PageHeader title={q ? <>Results for “{q}”</> : "Search"}>
        Results that match every word come first, then those that match most of them; a word in a title counts more than
        one in a summary or a quote. Synonyms of the field count too (rocket and Katyusha, strike and air strike), and
        names are matched across spellings (Khalazi, Khazali, al-Khazali). Quote a phrase to require it; put a minus
        before a word to leave it out.
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
            Nothing matches “{q}”. Try another spelling, or browse the <Link href="/actors">actors</Link>.
          </Empty>
        ) : (
          <>
            <div className="flex flex-col gap-2">
              <p className="text-sm text-muted-foreground" aria-live="polite">
                {plural(result.data.total, "result")}:{" "}
                {groupOrder(result.data)
                  .filter((t) => result.data.groups[t.key].length > 0)
                  .map((t, i) => (
                    <span key={t.key}>
                      {i > 0 && " · "}
                      <a href={`#results-${t.key}`} className="text-primary underline">
                        {plural(result.data.groups[t.key].length, t.title.slice(0, -1).toLowerCase())}
                      </a>
                    </span>
                  ))}
              </p>
              <ExportThese list="search" params={params} what="results" />
            </div>
            {groupOrder(result.data).map((t) => {
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
