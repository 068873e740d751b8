/**
 * An actor's profile: names and aliases (misspellings included), relations grouped by type in
 * both directions, events with roles on a small timeline, claims by and about, and where the
 * documents mention it — every fact with its quote and source one click away.
 */
import { describeTime } from "@atlas/schema";
import { Network } from "lucide-react";
import type { Metadata } from "next";
import { ActorLink, KindBadge } from "@/components/actor-link";
import { ApiFailure } from "@/components/api-failure";
import { ClaimCard } from "@/components/claim-card";
import { Evidence } from "@/components/evidence";
import { Empty, PageHeader, Section } from "@/components/page";
import { MiniTimeline } from "@/components/range-timeline";
import { TimeText } from "@/components/time";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import Link from "@/components/ui/link";
import { aliasKindLabel, relationDescription, relationHeading, roleDescription, roleLabel } from "@/lib/labels";
import { graphHref, sourceHref, spanHref } from "@/lib/links";
import { scaleFor } from "@/lib/time-scale";
import type { ActorDetail, RelationView } from "@/lib/types";
import { plural } from "@/lib/utils";
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
            {a.sourceIds.length > 0 && (
              <span className="text-xs text-muted-foreground">
                only in{" "}
                {a.sourceIds.map((s, i) => (
                  <span key={s}>
                    {i > 0 && ", "}
                    <Link href={sourceHref(s)} className="underline">
                      {s}
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
                      {r.former && <Badge variant="outline">former</Badge>}
                      {r.time && (
                        <span className="text-xs">
                          <TimeText time={r.time} />
                        </span>
                      )}
                    </div>
                    {r.note && <p className="text-xs text-muted-foreground">{r.note}</p>}
                    <Evidence quotes={r.evidence} />
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

/** An event's quotes, streamed in after the page: the profile paints without waiting for them. */
function Events({ actor }: { actor: ActorDetail }) {
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
        <div className="rounded-lg border bg-card p-4">
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
      description="Each name in context; follow a snippet into the reader at that spot."
    >
      {actor.mentionsBySource.length === 0 ? (
        <Empty>No mentions found in the documents.</Empty>
      ) : (
        <div className="flex flex-col gap-3">
          {actor.mentionsBySource.map((m) => (
            <div key={m.source.id} className="rounded-lg border bg-card p-4">
              <h3 className="flex flex-wrap items-baseline justify-between gap-2">
                <Link href={sourceHref(m.source.id)} className="font-medium text-primary hover:underline">
                  {m.source.title}
                </Link>
                <span className="text-xs text-muted-foreground">{plural(m.count, "mention")}</span>
              </h3>
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
            </div>
          ))}
        </div>
      )}
    </Section>
  );
}

export default async function ActorPage({ params }: Props) {
  const { id } = await params;
  const result = await load("the actor profile", () => getActor(id));
  if (!result.ok) return <ApiFailure failure={result.failure} />;
  const actor = result.data;
  const toc = [
    ["names", "Names"],
    ["relations", `Relations (${actor.relations.length})`],
    ["events", `Events (${actor.events.length})`],
    ["claims-by", `Claims by (${actor.claimsBy.length})`],
    ["claims-about", `Claims about (${actor.claimsAbout.length})`],
    ["mentions", `Mentions (${actor.counts.mentions})`],
  ];
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
          <ButtonLink href={graphHref(actor.id)} variant="outline" size="sm">
            <Network aria-hidden />
            See in the graph
          </ButtonLink>
        }
      >
        <p className="text-foreground">{actor.description}</p>
        <div className="mt-2">
          <Evidence quotes={actor.evidence} label="How the documents describe it" />
        </div>
      </PageHeader>
      <nav aria-label="On this page" className="-mt-2">
        <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
          {toc.map(([anchor, label]) => (
            <li key={anchor}>
              <a href={`#${anchor}`} className="text-primary hover:underline">
                {label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <Names actor={actor} />
      <Relations actor={actor} />
      <Events actor={actor} />
      <Section
        id="claims-by"
        title={`Claims by ${actor.name}`}
        count={actor.claimsBy.length}
        description="What this actor said, with the stance it took and its own words."
      >
        {actor.claimsBy.length === 0 ? (
          <Empty>No claims by this actor are recorded.</Empty>
        ) : (
          <div className="grid gap-3 lg:grid-cols-2">
            {actor.claimsBy.map((c) => (
              <ClaimCard key={c.id} claim={c} />
            ))}
          </div>
        )}
      </Section>
      <Section
        id="claims-about"
        title={`Claims about ${actor.name}`}
        count={actor.claimsAbout.length}
        description="What others said about this actor — claims, not facts."
      >
        {actor.claimsAbout.length === 0 ? (
          <Empty>No claims about this actor are recorded.</Empty>
        ) : (
          <div className="grid gap-3 lg:grid-cols-2">
            {actor.claimsAbout.map((c) => (
              <ClaimCard key={c.id} claim={c} />
            ))}
          </div>
        )}
      </Section>
      <Mentions actor={actor} />
    </>
  );
}
