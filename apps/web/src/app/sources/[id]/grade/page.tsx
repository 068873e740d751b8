/** A source's reliability grade (A–F): who gave it and why, the form to set it, and the source's history. */
import type { Metadata } from "next";
import { GradeSection } from "@/app/_workbench/sections";
import { SourceHeader } from "@/app/sources/_components/source-header";
import { ApiFailure } from "@/components/api-failure";
import { RecordHistory } from "@/components/record-history";
import { TimeText } from "@/components/time";
import Link from "@/components/ui/link";
import { sourceHref } from "@/lib/links";
import { plural } from "@/lib/utils";
import { load } from "@/trpc/load";
import { getSource, titleFrom } from "@/trpc/records";

interface Props {
  params: Promise<{ id: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  return titleFrom(
    () => getSource(id),
    (s) => ({ title: `Grade: ${s.title}`, description: `The reliability grade of ${s.title}.` }),
    "Grade a source",
  );
}

export default async function SourceGradePage({ params }: Props) {
  const { id } = await params;
  const result = await load("the source", () => getSource(id));
  if (!result.ok) return <ApiFailure failure={result.failure} />;
  const source = result.data;
  return (
    <>
      <SourceHeader title={source.title} where={<span>Reliability grade</span>}>
        {source.publisher ?? "Publisher not stated"}, <TimeText time={source.published} />.{" "}
        <Link href={sourceHref(source.id)} className="text-primary underline underline-offset-2">
          Read it
        </Link>
        . The grade is shown beside every one of its {plural(source.counts.claims, "claim")}, and the claims list
        filters on it.
      </SourceHeader>
      <GradeSection type="source" id={source.id} grade={source.reliability} />
      <RecordHistory type="source" id={source.id} />
    </>
  );
}
