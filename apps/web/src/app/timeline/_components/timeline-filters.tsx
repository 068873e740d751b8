/**
 * The timeline's filter form: actor, kind, place and a window typed in words, with the periods an
 * analyst reaches for first as links. The sort and the two switches ride along as hidden fields,
 * so filtering keeps them.
 */
import { FilterActions } from "@/components/filter-actions";
import { choicesOf, Input, Label, recordChoices, SelectField } from "@/components/ui/form";
import Link from "@/components/ui/link";
import { EVENT_KIND_LIST } from "@/lib/labels";
import { query } from "@/lib/links";
import { cn, words } from "@/lib/utils";
import type { Timeline } from "./timeline-data";

/** Periods an analyst of Iraq's militias reaches for first, bounded as the documents date them. */
const PERIODS = [
  { label: "All time", from: undefined, to: undefined },
  { label: "Before 2003", from: undefined, to: "2002" },
  { label: "Invasion to withdrawal, 2003–2012", from: "2003", to: "2012" },
  { label: "War against IS, 2014–2017", from: "2014", to: "2017" },
  { label: "Since 2018", from: "2018", to: undefined },
];

export function TimelineFilters({
  filter,
  typed,
  actors,
  places,
  filtered,
}: Pick<Timeline, "filter" | "typed" | "actors" | "places" | "filtered">) {
  return (
    <form action="/timeline" className="flex flex-col gap-3 rounded-lg border bg-card p-4">
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-[2fr_1.3fr_1.3fr_1fr_1fr_auto]">
        <SelectField
          label="Actor"
          name="actor"
          defaultValue={filter.actorId ?? ""}
          empty="Any actor"
          choices={recordChoices(actors, (a) => `${a.name} (${a.counts.events})`)}
        />
        <SelectField
          label="Kind"
          name="kind"
          defaultValue={filter.kind?.[0] ?? ""}
          empty="Any kind"
          choices={choicesOf(EVENT_KIND_LIST, words)}
        />
        <SelectField
          label="Place"
          name="place"
          defaultValue={filter.placeId ?? ""}
          empty="Anywhere"
          choices={recordChoices(places, (p) => `${p.name} (${p.eventsWithin})`)}
        />
        <Label>
          From
          <Input name="from" defaultValue={typed.from} placeholder="e.g. December 2019" />
        </Label>
        <Label>
          To
          <Input name="to" defaultValue={typed.to} placeholder="e.g. Jan 2020" />
        </Label>
        <div className="flex items-end gap-2">
          <FilterActions clearHref="/timeline" filtered={filtered} />
        </div>
      </div>
      {filter.sort && <input type="hidden" name="sort" value={filter.sort} />}
      {filter.corroborated && <input type="hidden" name="several" value="1" />}
      {filter.inside && <input type="hidden" name="inside" value="1" />}
      <p className="text-xs text-muted-foreground">
        Type dates as you would say them — “2019”, “December 2019”, “Dec 2019 – Jan 2020” (in From alone) — or as
        2019-12. A window keeps every event that may have happened in it (its range overlaps), so an event dated only
        “2014” appears in a window on June 2014.
      </p>
      <PeriodLinks filter={filter} typed={typed} />
    </form>
  );
}

/** The periods as links that keep the actor, kind and place; the one typed in the window is current. */
function PeriodLinks({ filter, typed }: Pick<Timeline, "filter" | "typed">) {
  return (
    <nav aria-label="Periods" className="flex flex-wrap gap-1.5">
      {PERIODS.map((p) => {
        const active = p.from === typed.from && p.to === typed.to;
        return (
          <Link
            key={p.label}
            href={`/timeline${query({ actor: filter.actorId, kind: filter.kind, place: filter.placeId, from: p.from, to: p.to })}`}
            aria-current={active ? "true" : undefined}
            className={cn(
              "tap inline-flex items-center rounded-full border px-2.5 py-1 text-xs hover:bg-muted",
              active && "border-primary bg-accent font-medium",
            )}
          >
            {p.label}
          </Link>
        );
      })}
    </nav>
  );
}
