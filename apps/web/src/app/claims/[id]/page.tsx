/** One claim: its attribution chain, words, subjects, and the claims it supports or contradicts — both ways. */
import type { Metadata } from "next";
import { CorrectRecord, GradeSection, retiredPage } from "@/app/_workbench/sections";
import { ActorLink } from "@/components/actor-link";
import { ApiFailure } from "@/components/api-failure";
import { Attribution, ClaimCard, ModeLabel, StanceBadge } from "@/components/claim-card";
import { EventLinks } from "@/components/event-links";
import { QuoteBlock } from "@/components/evidence";
import { ClaimGrades } from "@/components/grades";
import { Empty, PageHeader, Section } from "@/components/page";
import { RecordHistory } from "@/components/record-history";
import { TimeDetails } from "@/components/time";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import Link from "@/components/ui/link";
import { claimValues } from "@/lib/corrections";
import { stanceDescription } from "@/lib/labels";
import type { ClaimSummary } from "@/lib/types";
import { load } from "@/trpc/load";
import { getClaim, titleFrom } from "@/trpc/records";

interface Props {
  params: Promise<{ id: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  return titleFrom(
    () => getClaim(id),
    (c) => {
      const title = `${c.claimant.name} ${c.stance}: ${c.statement}`;
      return {
        title: title.length > 110 ? `${title.slice(0, 109).replace(/\s+\S*$/, "")}…` : title,
        description: c.statement,
      };
    },
    "Claim",
  );
}

function Linked({
  id,
  title,
  description,
  claims,
}: {
  id: string;
  title: string;
  description: string;
  claims: ClaimSummary[];
}) {
  return (
    <Section id={id} title={title} count={claims.length} description={description}>
      {claims.length === 0 ? (
        <Empty>None recorded.</Empty>
      ) : (
        <div className="grid gap-3 lg:grid-cols-2">
          {claims.map((c) => (
            <ClaimCard key={c.id} claim={c} />
          ))}
        </div>
      )}
    </Section>
  );
}

export default async function ClaimPage({ params }: Props) {
  const { id } = await params;
  const retired = await retiredPage("claim", id);
  if (retired) return retired;
  const result = await load("the claim", () => getClaim(id));
  if (!result.ok) return <ApiFailure failure={result.failure} />;
  const claim = result.data;
  return (
    <>
      <PageHeader
        title={claim.statement}
        eyebrow={
          <>
            <Link href="/claims" className="hover:underline">
              Claims
            </Link>
            <span aria-hidden>/</span>
            <StanceBadge stance={claim.stance} />
            <span className="text-xs">{stanceDescription(claim.stance)}</span>
          </>
        }
      >
        <ClaimGrades claim={claim} className="text-sm" />
      </PageHeader>
      <div className="grid gap-3 md:grid-cols-[2fr_1fr]">
        <Card>
          <CardHeader>
            <CardTitle className="text-sm">Who said it</CardTitle>
          </CardHeader>
          <CardContent className="flex flex-col gap-3">
            <Attribution claim={claim} />
            <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
              <dt className="text-muted-foreground">Claimant</dt>
              <dd>
                <ActorLink actor={claim.claimant} />
              </dd>
              <dt className="text-muted-foreground">On behalf of</dt>
              <dd>
                {claim.onBehalfOf ? (
                  <ActorLink actor={claim.onBehalfOf} />
                ) : (
                  <span className="text-muted-foreground">—</span>
                )}
              </dd>
              <dt className="text-muted-foreground">Via</dt>
              <dd>
                {claim.via ? (
                  <>
                    <ActorLink actor={claim.via} /> <span className="text-muted-foreground">(relayed it)</span>
                  </>
                ) : (
                  <span className="text-muted-foreground">— (no intermediary)</span>
                )}
              </dd>
              <dt className="text-muted-foreground">Words</dt>
              <dd>
                <ModeLabel mode={claim.mode} />
              </dd>
              {claim.setting && (
                <>
                  <dt className="text-muted-foreground">Setting</dt>
                  <dd>{claim.setting}</dd>
                </>
              )}
            </dl>
            <div className="flex flex-col gap-3">
              {claim.evidence.map((q) => (
                <QuoteBlock key={`${q.sourceId}:${q.start}`} quote={q} />
              ))}
            </div>
            {claim.attribution.length > 0 && (
              <div className="flex flex-col gap-2">
                <h2 className="text-sm font-medium">The words that attribute it</h2>
                {claim.attribution.map((q) => (
                  <QuoteBlock key={`${q.sourceId}:${q.start}`} quote={q} showSource={false} />
                ))}
              </div>
            )}
            {claim.note && <p className="text-sm text-muted-foreground">Note: {claim.note}</p>}
          </CardContent>
        </Card>
        <div className="flex flex-col gap-3">
          <Card>
            <CardHeader>
              <CardTitle className="text-sm">When it was said</CardTitle>
            </CardHeader>
            <CardContent className="text-sm">
              <TimeDetails time={claim.said} />
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle className="text-sm">What it is about</CardTitle>
            </CardHeader>
            <CardContent className="flex flex-col gap-2 text-sm">
              {claim.about.actors.length === 0 && claim.about.events.length === 0 && (
                <p className="text-muted-foreground">No subject recorded.</p>
              )}
              <ul className="flex flex-wrap gap-x-3 gap-y-1">
                {claim.about.actors.map((a) => (
                  <li key={a.id}>
                    <ActorLink actor={a} />
                  </li>
                ))}
              </ul>
              <EventLinks events={claim.about.events} label="Event:" />
            </CardContent>
          </Card>
        </div>
      </div>
      <Linked
        id="contradicts"
        title="Contradicted by, and contradicts"
        description="Claims that say otherwise."
        claims={claim.contradicts}
      />
      <Linked id="supports" title="Supports" description="Claims this one backs up." claims={claim.supports} />
      <Linked
        id="supported-by"
        title="Supported by"
        description="Claims that back this one up."
        claims={claim.supportedBy}
      />
      <GradeSection type="claim" id={id} grade={claim.credibility} />
      <CorrectRecord type="claim" id={id} values={claimValues(claim)} evidence={claim.evidence} />
      <RecordHistory type="claim" id={id} />
    </>
  );
}
