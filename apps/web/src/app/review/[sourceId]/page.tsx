/**
 * One added document's suggestions, grouped by kind: each quote in context, what accepting would
 * create, and Accept / Reject / Edit. Filters (kind, status), the open edit form and the page
 * are in the URL. With nobody signed in the page is read-only and links to signing in.
 */
import type { Metadata } from "next";
import { ApiFailure } from "@/components/api-failure";
import { Pager } from "@/components/pager";
import { SignInToWrite } from "@/components/sign-in-to-write";
import type { SearchParams } from "@/lib/search-params";
import { getSource, titleFrom } from "@/trpc/records";
import { loadReview } from "./_components/review-data";
import { ReviewFilters } from "./_components/review-filters";
import { ReviewHeader } from "./_components/review-header";
import { SuggestionGroups } from "./_components/suggestion-groups";

interface Props {
  params: Promise<{ sourceId: string }>;
  searchParams: Promise<SearchParams>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { sourceId } = await params;
  return titleFrom(
    () => getSource(sourceId),
    (s) => ({ title: `Review: ${s.title}`, description: `Suggestions found in “${s.title}”, for review.` }),
    "Review",
  );
}

export default async function ReviewDocumentPage({ params, searchParams }: Props) {
  const { sourceId } = await params;
  const loaded = await loadReview(sourceId, await searchParams);
  if (!loaded.ok) return <ApiFailure failure={loaded.failure} />;
  const review = loaded.data;
  return (
    <>
      <ReviewHeader doc={review.doc} sourceId={sourceId} />
      {!review.canWrite && (
        <SignInToWrite
          next={`/review/${encodeURIComponent(sourceId)}`}
          what="Accepting, editing and rejecting suggestions"
        />
      )}
      <ReviewFilters {...review} />
      <SuggestionGroups {...review} />
      <Pager
        path={`/review/${encodeURIComponent(sourceId)}`}
        params={review.pagerParams}
        nextCursor={review.page.nextCursor}
        hasPrevious={Boolean(review.cursor)}
      />
    </>
  );
}
