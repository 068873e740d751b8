/**
 * One relation: its two actors, its type, when it held, the words that state it (each with its
 * source and a link into the reader), the corrections a reviewer can make, and its history.
 */
import type { Metadata } from "next";
import { CorrectRecord, retiredPage } from "@/app/_workbench/sections";
import { ActorLink } from "@/components/actor-link";
import { ApiFailure } from "@/components/api-failure";
import { QuoteBlock } from "@/components/evidence";
import { Empty, PageHeader, Section } from "@/components/page";
import { RecordHistory } from "@/components/record-history";
import { TimeDetails } from "@/components/time";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import Link from "@/components/ui/link";
import { relationValues } from "@/lib/corrections";
import { relationDescription, relationVerb } from "@/lib/labels";
import { graphHref } from "@/lib/links";
import type { RelationDetail } from "@/lib/types";
import { plural } from "@/lib/utils";
import { load } from "@/trpc/load";
import { getRelation, titleFrom } from "@/trpc/records";

interface Props {
  params: Promise<{ id: string }>;
}

const sentence = (r: RelationDetail) => `${r.from.name} ${relationVerb(r.type)} ${r.to.name}`;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  return titleFrom(
    () => getRelation(id),
    (r) => ({ title: sentence(r), description: `${sentence(r)}: the relation, its quotes and its history.` }),
    "Relation",
  );
}

export default async function RelationPage({ params }: Props) {
  const { id } = await params;
  const retired = await retiredPage("relation", id);
  if (retired) return retired;
  const result = await load("the relation", () => getRelation(id));
  if (!result.ok) return <ApiFailure failure={result.failure} />;
  const relation = result.data;
  const sources = new Set(relation.evidence.map((q) => q.sourceId)).size;
  return (
    <>
      <PageHeader
        title={sentence(relation)}
        eyebrow={
          <>
            <Link href="/graph" className="hover:underline">
              Graph
            </Link>
            <span aria-hidden>/</span>
            <span className="text-xs">Relation: {relationDescription(relation.type)}</span>
          </>
        }
        actions={
          <ButtonLink href={graphHref(relation.from.id)} variant="outline" size="sm">
            See in the graph
          </ButtonLink>
        }
      />
      <div className="grid gap-3 md:grid-cols-[2fr_1fr]">
        <Card>
          <CardHeader>
            <CardTitle className="text-sm">Who, to whom</CardTitle>
          </CardHeader>
          <CardContent>
            <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm" data-testid="relation-ends">
              <dt className="text-muted-foreground">From</dt>
              <dd>
                <ActorLink actor={relation.from} />
              </dd>
              <dt className="text-muted-foreground">Relation</dt>
              <dd>
                {relationVerb(relation.type)}{" "}
                <span className="text-muted-foreground">({relationDescription(relation.type)})</span>
              </dd>
              <dt className="text-muted-foreground">To</dt>
              <dd>
                <ActorLink actor={relation.to} />
              </dd>
              <dt className="text-muted-foreground">Role</dt>
              <dd>{relation.role ?? <span className="text-muted-foreground">— not stated</span>}</dd>
              {relation.note && (
                <>
                  <dt className="text-muted-foreground">Note</dt>
                  <dd>{relation.note}</dd>
                </>
              )}
            </dl>
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle className="text-sm">When it held</CardTitle>
          </CardHeader>
          <CardContent className="flex flex-col gap-2 text-sm">
            {relation.former && (
              <p>
                <Badge variant="outline">former</Badge> it has ended
                {relation.time ? "" : "; when is not stated in the documents"}.
              </p>
            )}
            <TimeDetails time={relation.time} />
          </CardContent>
        </Card>
      </div>
      <Section
        id="evidence"
        title="Evidence"
        count={relation.evidence.length}
        description={`The words that state it: ${plural(relation.evidence.length, "quote")} from ${plural(sources, "source")}.`}
      >
        {relation.evidence.length === 0 ? (
          <Empty>No quote recorded.</Empty>
        ) : (
          <div className="flex flex-col gap-3">
            {relation.evidence.map((q) => (
              <QuoteBlock key={`${q.sourceId}:${q.start}:${q.end}`} quote={q} />
            ))}
          </div>
        )}
      </Section>
      <CorrectRecord type="relation" id={id} values={relationValues(relation)} evidence={relation.evidence} />
      <RecordHistory type="relation" id={id} />
    </>
  );
}
