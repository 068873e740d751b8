/**
 * An actor's profile: names and aliases (misspellings included), relations grouped by type in
 * both directions, events with roles on a small timeline, claims by and about, and where the
 * documents mention it — every fact with its quote and source one click away.
 */
import { describeSize, describeTime } from "@atlas/schema";
import { FileText, Network } from "lucide-react";
import type { Metadata } from "next";
import { CorrectRecord, retiredPage } from "@/app/_workbench/sections";
import { ActorLink, KindBadge } from "@/components/actor-link";
import { ApiFailure } from "@/components/api-failure";
import { ClaimCard } from "@/components/claim-card";
import { EventCountsChart } from "@/components/event-counts";
import { Evidence } from "@/components/evidence";
import { Empty, PageHeader, Section } from "@/components/page";
import { MiniTimeline } from "@/components/range-timeline";
import { RecordHistory } from "@/components/record-history";
import { RelationGraphSvg } from "@/components/relation-graph-svg";
import { PeriodText } from "@/components/time";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import Link from "@/components/ui/link";
import { actorValues } from "@/lib/corrections";
import { EGO_SIZE, layoutGraph, neighbourhood } from "@/lib/graph-layout";
import {
  aliasKindLabel,
  relationDescription,
  relationHeading,
  relationVerb,
  roleDescription,
  roleLabel,
} from "@/lib/labels";
import { dossierHref, eventHref, graphHref, query, relationHref, sourceHref, spanHref } from "@/lib/links";
import { scaleFor } from "@/lib/time-scale";
import type { ActorDetail, ClaimSummary, EventCounts, Graph, RelationView } from "@/lib/types";
import { plural } from "@/lib/utils";
import { api } from "@/trpc/client";
import { load } from "@/trpc/load";
import { getActor, titleFrom } from "@/trpc/records";

interface Props {
  params: Promise<{ id: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  return titleFrom(
    () => getActor(id),
    (a) => ({ title: a.name, description: a.description }),
    "Actor",
  );
}

/** Relations grouped by type and direction, in a stable order. */
function groupRelations(relations: RelationView[]) {
  const groups = new Map<string, { type: string; direction: RelationView["direction"]; items: RelationView[] }>();
  for (const r of relations) {
    const key = `${r.type}:${r.direction}`;
    const group = groups.get(key) ?? { type: r.type, direction: r.direction, items: [] };
    group.items.push(r);
    groups.set(key, group);
  }
  return [...groups.values()];
}

function Names({ actor }: { actor: ActorDetail }) {
  const own = actor.aliasDetails.filter((a) => !a.outside || a.sourceIds.length > 0);
  const outside = actor.aliasDetails.filter((a) => a.outside);
  return (
    <Section id="names" title="Names" description="Every spelling the documents use, merged into this one actor.">
      <ul className="flex flex-wrap gap-2">
        <li className="rounded-md border bg-card px-2.5 py-1.5 text-sm font-medium">
          {actor.name} <span className="text-xs font-normal text-muted-foreground">(name used here)</span>
        </li>
        {own.map((a) => (
          <li key={a.name} className="flex items-center gap-2 rounded-md border bg-card px-2.5 py-1.5 text-sm">
            <span>{a.name}</span>
            <Badge variant={a.kind === "misspelling" ? "warning" : "secondary"}>{aliasKindLabel(a.kind)}</Badge>
            {a.sources.length > 0 && (
              <span className="text-xs text-muted-foreground">
                only in{" "}
                {a.sources.map((s, i) => (
                  <span key={s.id}>
                    {i > 0 && ", "}
                    <Link href={sourceHref(s.id)} className="underline">
                      <cite className="not-italic">{s.title}</cite>
                    </Link>
                  </span>
                ))}
              </span>
            )}
          </li>
        ))}
      </ul>
      {outside.length > 0 && (
        <div className="mt-4">
          <h3 className="text-sm font-medium">Also known as, outside these documents</h3>
          <p className="text-xs text-muted-foreground">
            Names from reference works, used to recognise this actor in new documents. No document here uses them.
          </p>
          <ul className="mt-2 space-y-1 text-sm">
            {outside.map((a) => (
              <li key={a.name}>
                <span>{a.name}</span> <Badge variant="outline">{aliasKindLabel(a.kind)}</Badge>{" "}
                <span className="text-xs text-muted-foreground">
                  attested in{" "}
                  {a.outside?.url ? (
                    <a href={a.outside.url} className="underline" rel="noreferrer noopener">
                      {a.outside.source}
                    </a>
                  ) : (
                    a.outside?.source
                  )}
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}
      {own.length === 0 && <p className="text-sm text-muted-foreground">No other names in the documents.</p>}
    </Section>
  );
}

/**
 * When a relation held, in words that read as a period: "until 3 January 2020, when Abu Mahdi
 * al-Muhandis was killed"; "former; when it ended is not stated". How we know opens by Tab or tap.
 */
function RelationPeriod({ relation: r, holder }: { relation: RelationView; holder: string }) {
  const ended = r.endedWith && (
    <>
      , when {holder} was killed (
      <Link href={eventHref(r.endedWith.id)} className="text-primary underline">
        {r.endedWith.title}
      </Link>
      )
    </>
  );
  if (r.time) {
    return (
      <span className="text-sm" data-testid="relation-period">
        {r.former && <Badge variant="outline">former</Badge>} <PeriodText time={r.time} />
        {ended}
      </span>
    );
  }
  return r.former ? (
    <span className="text-sm text-muted-foreground" data-testid="relation-period">
      <Badge variant="outline">former</Badge> when it ended is not stated in the documents
    </span>
  ) : null;
}

/** Relation types a reader means by "who leads it". */
const LEADING = ["leads", "commands"];

/**
 * Who leads the actor now, and who did: from the relations the documents give. Where none is
 * current, it says so — "not stated in the documents" — rather than showing a former leader as if current.
 */
function Leadership({ actor }: { actor: ActorDetail }) {
  const leaders = actor.relations.filter((r) => LEADING.includes(r.type) && r.direction === "incoming");
  const current = leaders.filter((r) => !r.former);
  const former = leaders.filter((r) => r.former);
  return (
    <div className="flex flex-col gap-1 rounded-lg border bg-card p-3 text-sm" data-testid="leadership">
      <p>
        <span className="font-medium">{current.length > 1 ? "Current leaders" : "Current leader"}: </span>
        {current.length === 0 ? (
          <span>not stated in the documents</span>
        ) : (
          current.map((r, i) => (
            <span key={r.id}>
              {i > 0 && "; "}
              <ActorLink actor={r.other} />
              {r.role && <span className="text-muted-foreground"> ({r.role})</span>}
              {r.time && (
                <>
                  {" "}
                  <PeriodText time={r.time} />
                </>
              )}
            </span>
          ))
        )}
      </p>
      {former.length > 0 && (
        <p>
          <span className="font-medium">Formerly: </span>
          {former.map((r, i) => (
            <span key={r.id}>
              {i > 0 && "; "}
              <ActorLink actor={r.other} />
              {r.role && <span className="text-muted-foreground"> ({r.role})</span>}{" "}
              <RelationPeriod relation={r} holder={r.other.name} />
            </span>
          ))}
        </p>
      )}
    </div>
  );
}

function Relations({ actor }: { actor: ActorDetail }) {
  const groups = groupRelations(actor.relations);
  return (
    <Section
      id="relations"
      title="Relations"
      count={actor.relations.length}
      description="Both directions: what this actor does to others, and what others are to it."
    >
      {groups.length === 0 ? (
        <Empty>No relations recorded.</Empty>
      ) : (
        <div className="gap-3 md:columns-2">
          {groups.map((g) => (
            <div key={`${g.type}:${g.direction}`} className="mb-3 break-inside-avoid rounded-lg border bg-card p-4">
              <h3 className="font-medium" title={relationDescription(g.type)}>
                {relationHeading(g.type, g.direction)}
              </h3>
              <ul className="mt-2 flex flex-col gap-3">
                {g.items.map((r) => (
                  <li key={r.id} id={`relation-${r.id}`} className="flex flex-col gap-1">
                    <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
                      <ActorLink actor={r.other} />
                      {r.role && <span className="text-sm text-muted-foreground">as {r.role}</span>}
                      <RelationPeriod relation={r} holder={r.direction === "outgoing" ? actor.name : r.other.name} />
                    </div>
                    {r.note && <p className="text-xs text-muted-foreground">{r.note}</p>}
                    <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
                      <Evidence quotes={r.evidence} />
                      <Link
                        href={relationHref(r.id)}
                        className="tap inline-flex items-center text-xs text-primary hover:underline"
                        aria-label={`The relation's page: ${
                          r.direction === "outgoing"
                            ? `${actor.name} ${relationVerb(r.type)} ${r.other.name}`
                            : `${r.other.name} ${relationVerb(r.type)} ${actor.name}`
                        }`}
                      >
                        The relation's page
                      </Link>
                    </div>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </div>
      )}
    </Section>
  );
}

/**
 * A group's size as each source reports it, as the dossier gives it: the document's words, the
 * numbers only where the words allow them, who gave the figure, and the quote. Where no source
 * gives one the section says so; none recorded is not zero.
 */
function Sizes({ actor }: { actor: ActorDetail }) {
  return (
    <Section
      id="size"
      title="Size"
      count={actor.sizes.length}
      description="As each source reports it, in its own words; numbers only where the words give them."
    >
      {actor.sizes.length === 0 ? (
        <Empty>Not reported in the sources.</Empty>
      ) : (
        <ul className="flex flex-col gap-3 rounded-lg border bg-card p-4" data-testid="sizes">
          {actor.sizes.map((size) => (
            <li key={`${size.expression}|${size.evidence[0]?.start ?? ""}`} className="flex flex-col gap-1">
              <p className="text-sm">
                {describeSize(size)}
                {size.reportedBy && (
                  <>
                    , according to <ActorLink actor={size.reportedBy} />
                  </>
                )}
              </p>
              <Evidence quotes={size.evidence} />
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

/** The actor among its direct relations, and how those relate to each other. */
function EgoGraph({ actor, graph }: { actor: ActorDetail; graph: Graph }) {
  const ego = neighbourhood(graph, actor.id, 1);
  if (ego.edges.length === 0) return null;
  const { nodes, edges } = layoutGraph(ego.nodes, ego.edges, actor.id, EGO_SIZE);
  return (
    <Section
      id="network"
      title="Network"
      description="Its direct relations and how those actors relate to each other; dashed lines are former relations."
    >
      <div className="flex flex-col gap-2 rounded-lg border bg-card p-2">
        <RelationGraphSvg
          id="ego-graph"
          nodes={nodes}
          edges={edges}
          focusId={actor.id}
          canvas={EGO_SIZE}
          fontSize={16}
          className="mx-auto max-w-xl"
        />
        <p className="px-2 pb-1 text-xs text-muted-foreground">
          <Link href={graphHref(actor.id)} className="text-primary underline">
            Work with it in the graph
          </Link>{" "}
          — grow it by relation type, see it at a date, find what connects it to another actor.
        </p>
      </div>
    </Section>
  );
}

/** An event's quotes, streamed in after the page: the profile paints without waiting for them. */
function Events({ actor, counts }: { actor: ActorDetail; counts: EventCounts }) {
  const scale = scaleFor(actor.events);
  return (
    <Section
      id="events"
      title="Events"
      count={actor.events.length}
      description="Each event drawn over the span its date allows: a year-precision date covers the year; an arrow marks an open end."
    >
      {actor.events.length === 0 || !scale ? (
        <Empty>This actor takes part in no recorded event.</Empty>
      ) : (
        <div className="flex flex-col gap-3 rounded-lg border bg-card p-4">
          {counts.periods.length > 1 && (
            <EventCountsChart
              compact
              counts={counts}
              title={`Events involving ${actor.name} per ${counts.by}`}
              periodHref={(p) => `/timeline${query({ actor: actor.id, from: p.period, to: p.period })}`}
            />
          )}
          <MiniTimeline
            scale={scale}
            rows={actor.events.map((e) => {
              return {
                id: e.id,
                title: e.title,
                earliest: e.earliest,
                latest: e.latest,
                when: describeTime(e.time),
                extra: (
                  <span className="mt-1 flex flex-wrap gap-1">
                    {e.roles.map((role) => (
                      <Badge key={role} variant="outline" title={roleDescription(role)}>
                        {roleLabel(role)}
                      </Badge>
                    ))}
                  </span>
                ),
                below: <Evidence quotes={e.evidence} label="Reported in" />,
              };
            })}
          />
        </div>
      )}
    </Section>
  );
}

function Mentions({ actor }: { actor: ActorDetail }) {
  return (
    <Section
      id="mentions"
      title="Where the documents mention it"
      count={actor.counts.mentions}
      description="Each name in context, by document (open one to read them); follow a snippet into the reader at that spot."
    >
      {actor.mentionsBySource.length === 0 ? (
        <Empty>No mentions found in the documents.</Empty>
      ) : (
        <div className="flex flex-col gap-3">
          {actor.mentionsBySource.map((m) => (
            <details key={m.source.id} className="rounded-lg border bg-card p-4">
              <summary className="tap flex flex-wrap items-center justify-between gap-2">
                <h3 className="font-medium">
                  <cite className="not-italic">{m.source.title}</cite>
                </h3>
                <span className="text-xs text-muted-foreground">{plural(m.count, "mention")}</span>
              </summary>
              <p className="mt-1 text-xs">
                <Link href={sourceHref(m.source.id)} className="text-primary underline">
                  Open the document
                </Link>
              </p>
              <ul className="mt-2 flex flex-col gap-1.5">
                {m.snippets.map((s) => (
                  <li key={s.start}>
                    <Link
                      href={spanHref(s.sourceId, s.start, s.end)}
                      className="block rounded-md px-2 py-1 font-serif text-[0.95rem] hover:bg-muted"
                    >
                      <span className="text-muted-foreground">…{s.before}</span>
                      <mark className="search-hit font-medium">{s.quote}</mark>
                      <span className="text-muted-foreground">{s.after}…</span>
                    </Link>
                  </li>
                ))}
              </ul>
              {m.count > m.snippets.length && (
                <p className="mt-1 text-xs text-muted-foreground">
                  {m.count - m.snippets.length} more in{" "}
                  <Link href={`${sourceHref(m.source.id)}?layers=mentions`} className="underline">
                    the reader
                  </Link>
                  .
                </p>
              )}
            </details>
          ))}
        </div>
      )}
    </Section>
  );
}

/** Kinds of actor a reader asks "who leads it?" about. */
const LED_KINDS = new Set([
  "armed_group",
  "political_party",
  "organization",
  "government_body",
  "coalition",
  "military",
  "state",
  "think_tank",
  "media",
]);

/** The first few claims, and the rest one click away (with their count), so a long profile stays short. */
function ClaimList({ claims, empty }: { claims: ClaimSummary[]; empty: string }) {
  if (claims.length === 0) return <Empty>{empty}</Empty>;
  const shown = claims.slice(0, FIRST_CLAIMS);
  const rest = claims.slice(FIRST_CLAIMS);
  return (
    <>
      <div className="grid gap-3 lg:grid-cols-2">
        {shown.map((c) => (
          <ClaimCard key={c.id} claim={c} compact />
        ))}
      </div>
      {rest.length > 0 && (
        <details className="group">
          <summary className="tap inline-flex items-center gap-1 text-sm font-medium text-primary">
            <span className="group-open:hidden">Show {plural(rest.length, "more claim")}</span>
            <span className="hidden group-open:inline">Show fewer</span>
          </summary>
          <div className="mt-3 grid gap-3 lg:grid-cols-2">
            {rest.map((c) => (
              <ClaimCard key={c.id} claim={c} compact />
            ))}
          </div>
        </details>
      )}
    </>
  );
}
const FIRST_CLAIMS = 3;

export default async function ActorPage({ params }: Props) {
  const { id } = await params;
  const retired = await retiredPage("actor", id);
  if (retired) return retired;
  const result = await load("the actor profile", () =>
    Promise.all([getActor(id), api.relations.graph.query({}), api.events.counts.query({ actorId: id, by: "year" })]),
  );
  if (!result.ok) return <ApiFailure failure={result.failure} />;
  const [actor, graph, counts] = result.data;
  // A size is a group's (the dossier's rule): a person has none to report.
  const groupLike = actor.kind !== "person";
  const toc = [
    ["names", "Names", actor.aliasDetails.length + 1],
    ...(groupLike ? ([["size", "Size", actor.sizes.length]] as const) : []),
    ["relations", "Relations", actor.relations.length],
    ...(actor.relations.length ? ([["network", "Network", null]] as const) : []),
    ["events", "Events", actor.events.length],
    ["claims-by", "Claims by", actor.claimsBy.length],
    ["claims-about", "Claims about", actor.claimsAbout.length],
    ["mentions", "Mentions", actor.counts.mentions],
  ] as const;
  return (
    <>
      <PageHeader
        title={actor.name}
        eyebrow={
          <>
            <Link href="/actors" className="hover:underline">
              Actors
            </Link>
            <span aria-hidden>/</span>
            <KindBadge kind={actor.kind} />
          </>
        }
        actions={
          <>
            <ButtonLink href={dossierHref(actor.id)} variant="outline" size="sm">
              <FileText aria-hidden />
              Dossier to cite
            </ButtonLink>
            <ButtonLink href={graphHref(actor.id)} variant="outline" size="sm">
              <Network aria-hidden />
              See in the graph
            </ButtonLink>
          </>
        }
      >
        <p className="text-foreground">{actor.description}</p>
        <div className="mt-2">
          <Evidence quotes={actor.evidence} label="How the documents describe it" />
        </div>
      </PageHeader>
      {LED_KINDS.has(actor.kind) && <Leadership actor={actor} />}
      <nav
        aria-label="On this page"
        className="sticky top-0 z-20 -mx-4 border-b bg-background/95 px-4 py-1 backdrop-blur"
      >
        <ul className="flex gap-x-1 overflow-x-auto text-sm whitespace-nowrap">
          {toc.map(([anchor, label, count]) => (
            <li key={anchor}>
              <a
                href={`#${anchor}`}
                className="tap inline-flex items-center gap-1 px-2 py-1.5 text-primary hover:underline"
              >
                {label}
                <span className="text-xs text-muted-foreground tabular-nums">{count}</span>
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <Names actor={actor} />
      {groupLike && <Sizes actor={actor} />}
      <Relations actor={actor} />
      <EgoGraph actor={actor} graph={graph} />
      <Events actor={actor} counts={counts} />
      <Section
        id="claims-by"
        title={`Claims by ${actor.name}`}
        count={actor.claimsBy.length}
        description="What this actor said, with the stance it took and its own words."
      >
        <ClaimList claims={actor.claimsBy} empty="No claims by this actor are recorded." />
      </Section>
      <Section
        id="claims-about"
        title={`Claims about ${actor.name}`}
        count={actor.claimsAbout.length}
        description="What others said about this actor — claims, not facts."
      >
        <ClaimList claims={actor.claimsAbout} empty="No claims about this actor are recorded." />
      </Section>
      <Mentions actor={actor} />
      <CorrectRecord
        type="actor"
        id={id}
        values={actorValues(actor)}
        evidence={actor.evidence}
        names={{ name: actor.name, aliases: actor.aliasDetails.map((a) => a.name) }}
      />
      <RecordHistory type="actor" id={id} />
    </>
  );
}
