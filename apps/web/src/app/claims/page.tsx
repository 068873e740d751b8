/** Claims: who said what, filtered by claimant, stance and subject; contested claims one tick away. */

import { CREDIBILITY, RELIABILITY } from "@atlas/schema";
import { Swords } from "lucide-react";
import type { Metadata } from "next";
import { ApiFailure } from "@/components/api-failure";
import { ClaimCard } from "@/components/claim-card";
import { ExportThese } from "@/components/export-these";
import { FilterActions } from "@/components/filter-actions";
import { gradeChoices } from "@/components/grades";
import { Empty, PageHeader } from "@/components/page";
import { Pager, toUrlParams } from "@/components/pager";
import { ButtonLink } from "@/components/ui/button";
import { CheckChip, choicesOf, recordChoices, SelectField } from "@/components/ui/form";
import { STANCE_LIST, stanceDescription } from "@/lib/labels";
import { claimsFilter } from "@/lib/lists";
import { first, type SearchParams } from "@/lib/search-params";
import { plural } from "@/lib/utils";
import { api } from "@/trpc/client";
import { load } from "@/trpc/load";

export const metadata: Metadata = {
  title: "Claims",
  description:
    "Who said what about Iraq's armed groups — claims shown as claims, with claimant, stance, words and source.",
};

export default async function ClaimsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const filter = claimsFilter(params);
  const claimant = filter.claimantId;
  const about = filter.aboutActorId;
  const stance = filter.stance?.[0];
  const contested = Boolean(filter.contested);
  const credibility = filter.credibility?.[0];
  const reliability = filter.reliability?.[0];
  const cursor = first(params.cursor);
  const result = await load("the claims", () =>
    Promise.all([
      api.claims.list.query({ ...filter, cursor, limit: 40 }),
      api.actors.list.query({ involvement: "claims", sort: "claims", limit: 200 }),
    ]),
  );
  const actors = result.ok ? result.data[1].items : [];
  const filtered = Boolean(claimant || about || stance || contested || credibility || reliability);
  return (
    <>
      <PageHeader
        title="Claims"
        actions={
          <ButtonLink href="/claims/contradictions" variant="outline" size="sm">
            <Swords aria-hidden />
            Contradictions side by side
          </ButtonLink>
        }
      >
        A claim is not a fact: it is someone's statement, with a stance, at a time, in words the atlas quotes. Filter by
        who spoke, what about, and how — or by the grades reviewers gave: the claim's credibility (1–6) and its source's
        reliability (A–F).
      </PageHeader>
      <form action="/claims" className="flex flex-col gap-3 rounded-lg border bg-card p-4">
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          <SelectField
            label="Claimant"
            name="claimant"
            defaultValue={claimant ?? ""}
            empty="Anyone"
            choices={recordChoices(actors, (a) => a.name)}
          />
          <SelectField
            label="About"
            name="about"
            defaultValue={about ?? ""}
            empty="Anyone or anything"
            choices={recordChoices(actors, (a) => a.name)}
          />
          <SelectField
            label="Stance"
            name="stance"
            defaultValue={stance ?? ""}
            empty="Any stance"
            choices={choicesOf(STANCE_LIST, (s) => s, stanceDescription)}
          />
          <GradeFilter
            label="Credibility"
            name="credibility"
            value={credibility === undefined ? "" : String(credibility)}
            any="Any credibility"
            grades={CREDIBILITY}
          />
          <GradeFilter
            label="Source reliability"
            name="reliability"
            value={reliability ?? ""}
            any="Any reliability"
            grades={RELIABILITY}
          />
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <CheckChip name="contested" value="1" defaultChecked={contested}>
            Only claims another claim contradicts
          </CheckChip>
          <FilterActions clearHref="/claims" filtered={filtered} />
        </div>
      </form>
      {!result.ok ? (
        <ApiFailure failure={result.failure} />
      ) : result.data[0].items.length === 0 ? (
        <Empty>No claim matches these filters.</Empty>
      ) : (
        <>
          <div className="flex flex-wrap items-center justify-between gap-2">
            <p className="text-sm text-muted-foreground">
              {plural(result.data[0].items.length, "claim")}
              {result.data[0].nextCursor ? " on this page" : ""}
            </p>
            <ExportThese list="claims" params={params} what="claims" />
          </div>
          <div className="grid gap-3 lg:grid-cols-2">
            {result.data[0].items.map((c) => (
              <ClaimCard key={c.id} claim={c} headingLevel={2} />
            ))}
          </div>
          <Pager
            path="/claims"
            params={toUrlParams(params)}
            nextCursor={result.data[0].nextCursor}
            hasPrevious={Boolean(cursor)}
          />
        </>
      )}
    </>
  );
}

/** A filter on one grade scale: any grade, one grade (with its words), or not graded. */
function GradeFilter({
  label,
  name,
  value,
  any,
  grades,
}: {
  label: string;
  name: string;
  value: string;
  any: string;
  grades: Record<string, string>;
}) {
  return (
    <SelectField
      label={label}
      name={name}
      defaultValue={value}
      empty={any}
      choices={[...gradeChoices(grades), { value: "none", label: "Not graded" }]}
    />
  );
}
