/** Contradictions, claim against claim: who said each, when, and where — side by side. */
import type { Metadata } from "next";
import { ApiFailure } from "@/components/api-failure";
import { ClaimCard } from "@/components/claim-card";
import { Empty, PageHeader } from "@/components/page";
import { Button, ButtonLink } from "@/components/ui/button";
import { Label, Select } from "@/components/ui/form";
import { first, type SearchParams } from "@/lib/search-params";
import type { ActorRef, Contradiction } from "@/lib/types";
import { plural } from "@/lib/utils";
import { api } from "@/trpc/client";
import { load } from "@/trpc/load";

export const metadata: Metadata = {
  title: "Contradictions",
  description: "Claims that contradict each other, side by side: who said each, when, and in which source.",
};

function claimantsOf(pairs: Contradiction[]): ActorRef[] {
  const byId = new Map<string, ActorRef>();
  for (const p of pairs) for (const c of [p.a, p.b]) byId.set(c.claimant.id, c.claimant);
  return [...byId.values()].sort((x, y) => x.name.localeCompare(y.name));
}

export default async function ContradictionsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const actor = first(params.actor);
  const result = await load("the contradictions", () => api.claims.contradictions.query());
  if (!result.ok) return <ApiFailure failure={result.failure} />;
  const pairs = result.data;
  const shown = actor ? pairs.filter((p) => p.a.claimant.id === actor || p.b.claimant.id === actor) : pairs;
  return (
    <>
      <PageHeader title="Contradictions">
        Each row sets one claim against another that contradicts it: the claimant, the stance, when it was said and the
        words, with the document each comes from. The atlas does not decide who is right.
      </PageHeader>
      <form action="/claims/contradictions" className="flex flex-wrap items-end gap-3 rounded-lg border bg-card p-4">
        <Label>
          Claimant on either side
          <Select name="actor" defaultValue={actor ?? ""}>
            <option value="">Anyone</option>
            {claimantsOf(pairs).map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </Select>
        </Label>
        <Button type="submit">Apply</Button>
        {actor && (
          <ButtonLink href="/claims/contradictions" variant="ghost">
            Clear
          </ButtonLink>
        )}
      </form>
      <p className="text-sm text-muted-foreground">{plural(shown.length, "contradiction")}</p>
      {shown.length === 0 ? (
        <Empty>No contradictions involve this claimant.</Empty>
      ) : (
        <ol className="flex flex-col gap-4">
          {shown.map((p, i) => (
            <li key={`${p.a.id}|${p.b.id}`} data-testid="contradiction">
              <h2 className="sr-only">
                Contradiction {i + 1}: {p.a.claimant.name} against {p.b.claimant.name}
              </h2>
              <div className="grid items-stretch gap-2 md:grid-cols-[1fr_auto_1fr]">
                <ClaimCard claim={p.a} headingLevel={3} showLinks={false} className="border-l-4 border-l-primary" />
                <div
                  aria-hidden
                  className="flex items-center justify-center text-xs font-semibold tracking-widest text-danger uppercase"
                >
                  versus
                </div>
                <ClaimCard claim={p.b} headingLevel={3} showLinks={false} className="border-l-4 border-l-danger" />
              </div>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
