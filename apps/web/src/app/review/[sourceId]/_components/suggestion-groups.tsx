/**
 * The suggestions on this page, a section per kind: "accept all" for the kind's waiting ones, then
 * a card per suggestion, the open one with its edit form. With none, a note and a way back to all.
 */
import { Empty, Section } from "@/components/page";
import Link from "@/components/ui/link";
import { confidenceOf, KIND_INFO } from "@/lib/review";
import type { Suggestion } from "@/lib/types";
import { AcceptAllForm } from "./accept-all-form";
import { cardId } from "./card-context";
import { EditPanel } from "./edit-panel";
import { KINDS, type Review } from "./review-data";
import { ReviewKeys } from "./review-keys";
import { SuggestionCard } from "./suggestion-card";

export function SuggestionGroups(review: Review) {
  const { sourceId, page, canWrite } = review;
  const groups = KINDS.map((k) => ({
    kind: k,
    info: KIND_INFO[k],
    items: page.items.filter((s) => s.kind === k),
  })).filter((g) => g.items.length > 0);
  if (groups.length === 0)
    return (
      <Empty>
        No suggestions match these filters.{" "}
        <Link href={`/review/${encodeURIComponent(sourceId)}`} className="text-primary underline">
          Show all
        </Link>
        .
      </Empty>
    );
  return (
    <>
      {canWrite && <ReviewKeys />}
      {groups.map((g) => (
        <KindGroup key={g.kind} review={review} {...g} />
      ))}
    </>
  );
}

/** One kind's section: its accept-all form (for a reviewer, while any wait) and its cards. */
function KindGroup({
  review: { sourceId, doc, canWrite, ctx, open, options, here },
  kind: k,
  info,
  items,
}: {
  review: Review;
  kind: Suggestion["kind"];
  info: (typeof KIND_INFO)[Suggestion["kind"]];
  items: Suggestion[];
}) {
  const waiting = doc.suggestions[k]?.suggested ?? 0;
  return (
    <Section id={`kind-${k}`} title={info.title} count={items.length} description={info.description}>
      {canWrite && waiting > 0 && (
        <AcceptAllForm
          sourceId={sourceId}
          kind={k}
          waiting={waiting}
          withConfidence={items.some((s) => confidenceOf(s) !== null)}
        />
      )}
      <ul className="flex flex-col gap-3">
        {items.map((s: Suggestion) => (
          <li key={s.id}>
            <SuggestionCard
              s={s}
              ctx={ctx}
              editPanel={
                open?.id === s.id && options ? (
                  <EditPanel s={s} options={options} ctx={ctx} closeHref={`${here({})}#${cardId(s.id)}`} />
                ) : undefined
              }
            />
          </li>
        ))}
      </ul>
    </Section>
  );
}
