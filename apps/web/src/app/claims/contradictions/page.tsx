/**
 * Contradictions, claim against claim, narrowed to a claimant, a subject (actor or event) or a
 * source. A claim contradicted by several others is shown once, with everything that
 * contradicts it; each group opens on demand, so the page lists them all at a glance.
 */
import { ChevronDown } from "lucide-react";
import type { Metadata } from "next";
import { ApiFailure } from "@/components/api-failure";
import { ClaimCard, StanceBadge } from "@/components/claim-card";
import { FilterActions } from "@/components/filter-actions";
import { Empty, PageHeader } from "@/components/page";
import { Pager, toUrlParams } from "@/components/pager";
import { recordChoices, SelectField } from "@/components/ui/form";
import { groupByClaim } from "@/lib/contradictions";
import { first, type SearchParams } from "@/lib/search-params";
import type { ActorRef, ClaimSummary } from "@/lib/types";
import { plural } from "@/lib/utils";
import { api } from "@/trpc/client";
import { load } from "@/trpc/load";

export const metadata: Metadata = {
  title: "Contradictions",
  description: "Claims that contradict each other, side by side: who said each, when, and in which source.",
};

/** Everyone who made a contested claim: the claimants on either side of a contradiction. */
function claimantsOf(contested: ClaimSummary[]): ActorRef[] {
  const byId = new Map(contested.map((c) => [c.claimant.id, c.claimant]));
  return [...byId.values()].sort((x, y) => x.name.localeCompare(y.name));
}

/** Pairs per page: the curated atlas fits on one; a large one pages like every other list. */
const PAGE_SIZE = 50;

/** A claim in full the first time it appears; after that, a line that links back to it. */
function ClaimOnce({ claim, full, side }: { claim: ClaimSummary; full: boolean; side: "primary" | "danger" }) {
  if (full) {
    return (
      <div id={`claim-${claim.id}`} className="scroll-mt-16">
        <ClaimCard
          claim={claim}
          headingLevel={3}
          showLinks={false}
          className={side === "primary" ? "border-l-4 border-l-primary" : "border-l-4 border-l-danger"}
        />
      </div>
    );
  }
  return (
    <p className="rounded-lg border border-dashed p-3 text-sm" data-testid="claim-shown-above">
      <span className="font-medium">{claim.claimant.name}</span> <StanceBadge stance={claim.stance} />{" "}
      <a href={`#claim-${claim.id}`} className="text-primary underline">
        {claim.statement}
      </a>{" "}
      <span className="text-muted-foreground">(in full in a group above)</span>
    </p>
  );
}

export default async function ContradictionsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const filter = {
    claimantId: first(params.actor),
    aboutActorId: first(params.about),
    aboutEventId: first(params.event),
    sourceId: first(params.source),
  };
  const filtered = Object.values(filter).some(Boolean);
  const cursor = first(params.cursor);
  const result = await load("the contradictions", () =>
    Promise.all([
      api.claims.contradictions.query({ ...filter, cursor, limit: PAGE_SIZE }),
      // Only the count of every pair, for "12 of 40".
      filtered ? api.claims.contradictions.query({ limit: 1 }) : null,
      api.claims.list.query({ contested: true, limit: 200 }),
      api.sources.list.query({ limit: 50 }),
      api.actors.list.query({ involvement: "claims", sort: "claims", limit: 200 }),
      filter.aboutEventId ? api.events.byId.query({ id: filter.aboutEventId }) : null,
    ]),
  );
  if (!result.ok) return <ApiFailure failure={result.failure} />;
  const [shown, everything, contested, sources, actors, event] = result.data;
  const total = (everything ?? shown).total;
  const paged = Boolean(cursor || shown.nextCursor);
  const groups = groupByClaim(shown.items);
  // Each claim is shown in full once, in the first group it is in; later groups point back to it.
  const fullAt = new Map<string, string>();
  for (const g of groups) for (const c of [g.claim, ...g.against]) if (!fullAt.has(c.id)) fullAt.set(c.id, g.claim.id);
  return (
    <>
      <PageHeader title="Contradictions">
        Each group sets one claim against every claim that contradicts it: the claimant, the stance, when it was said
        and the words, with the document each comes from. The atlas does not decide who is right. Open a group to read
        the claims side by side.
      </PageHeader>
      <form action="/claims/contradictions" className="flex flex-col gap-3 rounded-lg border bg-card p-4">
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          <SelectField
            label="Claimant on either side"
            name="actor"
            defaultValue={filter.claimantId ?? ""}
            empty="Anyone"
            choices={recordChoices(claimantsOf(contested.items), (a) => a.name)}
          />
          <SelectField
            label="About (actor)"
            name="about"
            defaultValue={filter.aboutActorId ?? ""}
            empty="Anyone or anything"
            choices={recordChoices(actors.items, (a) => a.name)}
          />
          <SelectField
            label="In the source"
            name="source"
            defaultValue={filter.sourceId ?? ""}
            empty="Any source"
            choices={recordChoices(sources.items, (s) => s.title)}
          />
          <div className="flex items-end gap-2">
            {filter.aboutEventId && <input type="hidden" name="event" value={filter.aboutEventId} />}
            <FilterActions clearHref="/claims/contradictions" filtered={filtered} />
          </div>
        </div>
        {event && (
          <p className="text-sm">
            About the event <strong>{event.title}</strong> only.
          </p>
        )}
      </form>
      <p className="text-sm text-muted-foreground" aria-live="polite">
        {plural(shown.total, "contradiction")}
        {filtered ? ` of ${total}` : ""}, {paged ? `${shown.items.length} on this page ` : ""}in{" "}
        {plural(groups.length, "group")}
      </p>
      {groups.length === 0 ? (
        <Empty>No contradictions match these filters.</Empty>
      ) : (
        <ol className="flex flex-col gap-2">
          {groups.map((g) => (
            <li key={g.claim.id} data-testid="contradiction-group">
              <details className="group rounded-lg border bg-card">
                <summary className="tap flex flex-col gap-1 p-3 sm:p-4">
                  <span className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm">
                    <span className="font-medium">{g.claim.claimant.name}</span>
                    <StanceBadge stance={g.claim.stance} />
                    <span className="text-muted-foreground">
                      against {plural(g.against.length, "claim")} by{" "}
                      {[...new Set(g.against.map((c) => c.claimant.name))].join(", ")}
                    </span>
                  </span>
                  <span className="font-medium leading-snug">{g.claim.statement}</span>
                  <span className="inline-flex items-center gap-1 text-xs font-medium text-primary">
                    <ChevronDown aria-hidden className="size-3.5 transition-transform group-open:rotate-180" />
                    <span className="group-open:hidden">Show the claims side by side</span>
                    <span className="hidden group-open:inline">Hide</span>
                  </span>
                </summary>
                <div className="grid items-start gap-2 border-t p-3 sm:p-4 md:grid-cols-[1fr_auto_1fr]">
                  <ClaimOnce claim={g.claim} full={fullAt.get(g.claim.id) === g.claim.id} side="primary" />
                  <div
                    aria-hidden
                    className="flex items-center justify-center self-center text-xs font-semibold tracking-widest text-danger uppercase"
                  >
                    versus
                  </div>
                  <div className="flex flex-col gap-2">
                    {g.against.map((c) => (
                      <ClaimOnce key={c.id} claim={c} full={fullAt.get(c.id) === g.claim.id} side="danger" />
                    ))}
                  </div>
                </div>
              </details>
            </li>
          ))}
        </ol>
      )}
      <Pager
        path="/claims/contradictions"
        params={toUrlParams(params)}
        nextCursor={shown.nextCursor}
        hasPrevious={Boolean(cursor)}
      />
    </>
  );
}
