/** The actor directory: filter by kind and involvement, search any name, sort by name or weight. */
import type { Metadata } from "next";
import { KindBadge } from "@/components/actor-link";
import { ApiFailure } from "@/components/api-failure";
import { ExportThese } from "@/components/export-these";
import { FilterActions } from "@/components/filter-actions";
import { Empty, PageHeader } from "@/components/page";
import { Pager, toUrlParams } from "@/components/pager";
import { CheckChip, Fieldset, Input, Label, SelectField } from "@/components/ui/form";
import Link from "@/components/ui/link";
import { ACTOR_KINDS, kindLabel } from "@/lib/labels";
import { actorHref } from "@/lib/links";
import { actorsFilter } from "@/lib/lists";
import { first, type SearchParams } from "@/lib/search-params";
import { plural } from "@/lib/utils";
import { api } from "@/trpc/client";
import { load } from "@/trpc/load";

export const metadata: Metadata = {
  title: "Actors",
  description: "Armed groups, states, militaries, leaders and spokesmen in the atlas, with every name they go by.",
};

const SORTS = [
  { value: "name", label: "Name (A–Z)" },
  { value: "mentions", label: "Most mentioned" },
  { value: "events", label: "Most events" },
  { value: "claims", label: "Most claims" },
  { value: "relations", label: "Most relations" },
] as const;
type Sort = (typeof SORTS)[number]["value"];

const INVOLVEMENTS = [
  { value: "", label: "Any" },
  { value: "events", label: "Takes part in events" },
  { value: "claims", label: "Makes or is subject of claims" },
  { value: "relations", label: "Has relations" },
] as const;

export default async function ActorsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const filter = actorsFilter(params);
  const q = filter.q;
  const kinds: string[] = filter.kind ?? [];
  const sort: Sort = filter.sort ?? "name";
  const involvement = filter.involvement;
  const cursor = first(params.cursor);
  const result = await load("the actor directory", () => api.actors.list.query({ ...filter, cursor, limit: 50 }));
  const filtered = Boolean(q || kinds.length || involvement);
  return (
    <>
      <PageHeader title="Actors">
        Everyone who acts, speaks or is acted upon in the documents. One actor, many names: misspellings and
        transliterations are merged into one profile.
      </PageHeader>
      <form action="/actors" className="flex flex-col gap-4 rounded-lg border bg-card p-4">
        <div className="grid gap-3 sm:grid-cols-[1fr_auto_auto]">
          <Label>
            Name or alias
            <Input name="q" type="search" defaultValue={q} placeholder="e.g. Muhandis, PMU, Khalazi" />
          </Label>
          <SelectField
            label="Involvement"
            name="involvement"
            defaultValue={involvement ?? ""}
            choices={[...INVOLVEMENTS]}
          />
          <SelectField label="Sort" name="sort" defaultValue={sort} choices={[...SORTS]} />
        </div>
        <Fieldset legend="Kind (none ticked: every kind)">
          <div className="flex flex-wrap gap-1.5">
            {ACTOR_KINDS.map((k) => (
              <CheckChip key={k} name="kind" value={k} defaultChecked={kinds.includes(k)}>
                {kindLabel(k)}
              </CheckChip>
            ))}
          </div>
        </Fieldset>
        <div className="flex gap-2">
          <FilterActions clearHref="/actors" filtered={filtered} />
        </div>
      </form>
      {!result.ok ? (
        <ApiFailure failure={result.failure} />
      ) : result.data.items.length === 0 ? (
        <Empty>No actor matches these filters.</Empty>
      ) : (
        <>
          <ExportThese list="actors" params={params} what="actors" />
          <ul className="grid gap-3 md:grid-cols-2">
            {result.data.items.map((a) => (
              <li key={a.id} className="flex flex-col gap-1.5 rounded-lg border bg-card p-4">
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <Link href={actorHref(a.id)} className="font-medium text-primary hover:underline">
                    {a.name}
                  </Link>
                  <KindBadge kind={a.kind} />
                </div>
                {a.aliases.length > 0 && (
                  <p className="text-xs text-muted-foreground">
                    <span className="sr-only">Also called: </span>
                    aka {a.aliases.join(" · ")}
                  </p>
                )}
                <p className="line-clamp-2 text-sm">{a.description}</p>
                <p className="text-xs text-muted-foreground tabular-nums">
                  {plural(a.counts.mentions, "mention")} in {plural(a.counts.sources, "source")} ·{" "}
                  {plural(a.counts.events, "event")} · {plural(a.counts.claims, "claim")} ·{" "}
                  {plural(a.counts.relations, "relation")}
                </p>
              </li>
            ))}
          </ul>
          <Pager
            path="/actors"
            params={toUrlParams(params)}
            nextCursor={result.data.nextCursor}
            hasPrevious={Boolean(cursor)}
          />
        </>
      )}
    </>
  );
}
