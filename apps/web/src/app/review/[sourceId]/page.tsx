/**
 * One added document's suggestions, grouped by kind: each quote in context, what accepting would
 * create, and Accept / Reject / Edit. Filters (kind, status), the open edit form and the page
 * are in the URL. With nobody signed in the page is read-only and links to signing in.
 */
import { BookOpenText } from "lucide-react";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ApiFailure } from "@/components/api-failure";
import { Empty, PageHeader, Section } from "@/components/page";
import { Pager, toUrlParams } from "@/components/pager";
import { SignInToWrite } from "@/components/sign-in-to-write";
import { TimeText } from "@/components/time";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import Link from "@/components/ui/link";
import { FORMAT_LABELS } from "@/lib/labels";
import { query, sourceHref } from "@/lib/links";
import { confidenceOf, KIND_INFO, SUGGESTION_KINDS, SUGGESTION_STATUSES } from "@/lib/review";
import { all, allowed, first, type SearchParams } from "@/lib/search-params";
import type { ActorRef, ClaimDetail, EventDetail, Suggestion, SuggestionKind, SuggestionStatus } from "@/lib/types";
import { cn, plural } from "@/lib/utils";
import { api } from "@/trpc/client";
import { load } from "@/trpc/load";
import { getSource, titleFrom } from "@/trpc/records";
import { signedIn } from "@/trpc/write";
import { AcceptAllForm } from "./_components/accept-all-form";
import { type CardContext, cardId, type HeldRelation } from "./_components/card-context";
import { type EditOptions, EditPanel } from "./_components/edit-panel";
import { ReviewKeys } from "./_components/review-keys";
import { SuggestionCard } from "./_components/suggestion-card";

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

const KINDS: readonly SuggestionKind[] = SUGGESTION_KINDS;
const STATUS_LABELS: Record<SuggestionStatus, string> = {
  suggested: "Waiting",
  accepted: "Accepted",
  rejected: "Rejected",
};

/** Every page of a cursor list (the edit form's choices must be complete). */
async function everything<T>(
  page: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor: string | null }>,
): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < 50; i++) {
    const p = await page(cursor);
    out.push(...p.items);
    if (!p.nextCursor) break;
    cursor = p.nextCursor;
  }
  return out;
}

/** Each id looked up once; one that cannot be loaded (since removed) is left out, and its card says what it knows. */
async function byIds<T>(
  ids: Iterable<string | null | undefined>,
  get: (id: string) => Promise<T>,
): Promise<Map<string, T>> {
  const wanted = [...new Set([...ids].filter((x): x is string => Boolean(x)))];
  const found = await Promise.all(
    wanted.map((id) =>
      get(id).then(
        (v) => [id, v] as const,
        () => null,
      ),
    ),
  );
  return new Map(found.filter((x) => x !== null));
}

/**
 * The atlas's records the suggestions on this page refer to: events they retell or are added to,
 * claims statements answer, relations they repeat or contradict (from their ends' profiles).
 */
async function referenced(items: Suggestion[]) {
  const eventIds: (string | null)[] = [];
  const claimIds: string[] = [];
  const relationIds = new Set<string>();
  const ends: (string | null)[] = [];
  for (const s of items) {
    const p = s.proposal;
    const v = s.effective;
    if (v.kind === "event" || v.kind === "date") eventIds.push(v.eventId);
    if (p.kind === "event") eventIds.push(p.corroborates?.id ?? null);
    eventIds.push(...s.records.filter((r) => r.type === "event-evidence").map((r) => r.recordId));
    if (v.kind === "statement") claimIds.push(...v.supportsIds, ...v.contradictsIds);
    if (p.kind === "statement") claimIds.push(...[...p.supports, ...p.contradicts].map((m) => m.id));
    if (p.kind === "relation" && v.kind === "relation" && (p.existing || p.conflicts)) {
      for (const m of [p.existing, p.conflicts]) if (m) relationIds.add(m.id);
      ends.push(v.fromId, v.toId);
    }
  }
  const [events, claims, profiles] = await Promise.all([
    byIds(eventIds, (id) => api.events.byId.query({ id })),
    byIds(claimIds, (id) => api.claims.byId.query({ id })),
    byIds(ends, (id) => api.actors.byId.query({ id })),
  ]);
  const relations = new Map<string, HeldRelation>();
  for (const actor of profiles.values()) {
    const self: ActorRef = { id: actor.id, name: actor.name, kind: actor.kind };
    for (const r of actor.relations) {
      if (!relationIds.has(r.id)) continue;
      const [from, to] = r.direction === "outgoing" ? [self, r.other] : [r.other, self];
      relations.set(r.id, { id: r.id, type: r.type, role: r.role, former: r.former, from, to, evidence: r.evidence });
    }
  }
  return { events: events as Map<string, EventDetail>, claims: claims as Map<string, ClaimDetail>, relations };
}

function Chip({ href, current, children }: { href: string; current: boolean; children: React.ReactNode }) {
  return (
    <li>
      <Link
        href={href}
        aria-current={current ? "page" : undefined}
        className={cn(
          "inline-flex items-center gap-1 rounded-full border bg-card px-2.5 py-1 text-xs hover:border-primary",
          current && "border-primary bg-accent font-medium",
        )}
      >
        {children}
      </Link>
    </li>
  );
}

export default async function ReviewDocumentPage({ params, searchParams }: Props) {
  const { sourceId } = await params;
  const sp = await searchParams;
  const kind = allowed(all(sp.kind), KINDS)[0];
  const status = allowed(all(sp.status), SUGGESTION_STATUSES)[0];
  const cursor = first(sp.cursor);
  const canWrite = (await signedIn()) !== null;
  const editing = canWrite ? first(sp.edit) : undefined;

  const result = await load("the document's suggestions", () =>
    Promise.all([
      api.ingest.documents.query(),
      getSource(sourceId),
      api.ingest.suggestions.query({ sourceId, kind, status, cursor, limit: 200 }),
      api.ingest.suggestions.query({ sourceId, kind: "actor", status: "suggested", limit: 200 }),
      everything((c) => api.actors.list.query({ limit: 200, cursor: c })),
      api.places.list.query(),
    ]),
  );
  if (!result.ok) return <ApiFailure failure={result.failure} />;
  const [documents, source, page, actorSuggestions, actorList, places] = result.data;
  const doc = documents.find((d) => d.sourceId === sourceId);
  if (!doc) notFound();
  const refs = await referenced(page.items);

  const open = editing ? page.items.find((s) => s.id === editing && s.status === "suggested") : undefined;
  let options: EditOptions | null = null;
  if (open) {
    const loaded = await load("the choices for the edit form", () =>
      everything((c) => api.events.timeline.query({ limit: 200, cursor: c })),
    );
    if (!loaded.ok) return <ApiFailure failure={loaded.failure} />;
    options = { actors: actorList, events: loaded.data, places };
  }

  const here = (extra: Record<string, string | undefined>) =>
    `/review/${encodeURIComponent(sourceId)}${query({ kind, status, cursor, ...extra })}`;
  const ctx: CardContext = {
    text: source.text,
    actors: new Map<string, ActorRef>(actorList.map((a) => [a.id, { id: a.id, name: a.name, kind: a.kind }])),
    places: new Map(places.map((p) => [p.id, p.name])),
    ...refs,
    actorSuggestions: actorSuggestions.items,
    canWrite,
    editHref: (id) => `${here({ edit: id })}#${cardId(id)}`,
    cardHref: (id, k) => `/review/${encodeURIComponent(sourceId)}${query({ kind: k })}#${cardId(id)}`,
  };

  const count = (k: SuggestionKind | undefined, st: SuggestionStatus | undefined) =>
    (k ? [k] : KINDS).reduce(
      (n, kk) =>
        n +
        (st ? (doc.suggestions[kk]?.[st] ?? 0) : Object.values(doc.suggestions[kk] ?? {}).reduce((a, b) => a + b, 0)),
      0,
    );
  const groups = KINDS.map((k) => ({
    kind: k,
    info: KIND_INFO[k],
    items: page.items.filter((s) => s.kind === k),
  })).filter((g) => g.items.length > 0);
  const pagerParams = toUrlParams(sp);
  pagerParams.delete("edit");
  const filterHref = (next: { kind?: string; status?: string }) =>
    `/review/${encodeURIComponent(sourceId)}${query({ kind, status, ...next })}`;

  return (
    <>
      <PageHeader
        title={doc.title}
        eyebrow={
          <>
            <Link href="/review" className="hover:underline">
              Review
            </Link>
            <span aria-hidden>/</span>
            <Badge variant="outline">added document</Badge>
          </>
        }
        actions={
          <ButtonLink href={sourceHref(sourceId)} variant="outline" size="sm">
            <BookOpenText aria-hidden />
            Read the document
          </ButtonLink>
        }
      >
        <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
          <span className="text-foreground">
            {doc.publisher ?? <span className="italic">publisher not stated</span>}
          </span>
          <TimeText time={doc.published} />
          <span>
            {FORMAT_LABELS[doc.format]}
            {doc.fileName ? ` · ${doc.fileName}` : " · pasted"}
          </span>
        </p>
        <p className="mt-1 text-sm">
          {plural(count(undefined, undefined), "suggestion")}: {count(undefined, "suggested")} waiting,{" "}
          {count(undefined, "accepted")} accepted, {count(undefined, "rejected")} rejected. Suggestions are not part of
          the atlas until accepted.
        </p>
        {doc.warnings.length > 0 && (
          <ul className="mt-2 flex flex-col gap-1 text-sm">
            {doc.warnings.map((w) => (
              <li key={w} className="rounded-md bg-warning-bg px-2 py-1 text-warning-fg">
                {w}
              </li>
            ))}
          </ul>
        )}
      </PageHeader>

      {!canWrite && (
        <SignInToWrite
          next={`/review/${encodeURIComponent(sourceId)}`}
          what="Accepting, editing and rejecting suggestions"
        />
      )}

      <nav aria-label="Filter suggestions" className="flex flex-col gap-2 rounded-lg border bg-card p-3 text-sm">
        <div className="flex flex-wrap items-center gap-2">
          <span className="w-14 text-xs font-medium text-muted-foreground">Kind</span>
          <ul className="flex flex-wrap gap-1.5">
            <Chip href={filterHref({ kind: undefined })} current={!kind}>
              All <span className="tabular-nums">{count(undefined, status)}</span>
            </Chip>
            {KINDS.map((k) => (
              <Chip key={k} href={filterHref({ kind: k })} current={kind === k}>
                {KIND_INFO[k].title} <span className="tabular-nums">{count(k, status)}</span>
              </Chip>
            ))}
          </ul>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <span className="w-14 text-xs font-medium text-muted-foreground">Status</span>
          <ul className="flex flex-wrap gap-1.5">
            <Chip href={filterHref({ status: undefined })} current={!status}>
              All <span className="tabular-nums">{count(kind, undefined)}</span>
            </Chip>
            {SUGGESTION_STATUSES.map((st) => (
              <Chip key={st} href={filterHref({ status: st })} current={status === st}>
                {STATUS_LABELS[st]} <span className="tabular-nums">{count(kind, st)}</span>
              </Chip>
            ))}
          </ul>
        </div>
      </nav>

      {groups.length === 0 ? (
        <Empty>
          No suggestions match these filters.{" "}
          <Link href={`/review/${encodeURIComponent(sourceId)}`} className="text-primary underline">
            Show all
          </Link>
          .
        </Empty>
      ) : (
        <>
          {canWrite && <ReviewKeys />}
          {groups.map(({ kind: k, info, items }) => {
            const waiting = doc.suggestions[k]?.suggested ?? 0;
            return (
              <Section key={k} id={`kind-${k}`} title={info.title} count={items.length} description={info.description}>
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
          })}
        </>
      )}
      <Pager
        path={`/review/${encodeURIComponent(sourceId)}`}
        params={pagerParams}
        nextCursor={page.nextCursor}
        hasPrevious={Boolean(cursor)}
      />
    </>
  );
}
