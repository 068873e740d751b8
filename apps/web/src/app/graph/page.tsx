/**
 * The relation graph: actors as nodes coloured by kind, typed relations as arrows coloured by
 * family. The server lays it out (ForceAtlas2, deterministic) and draws it as SVG; in the browser
 * the same picture becomes a graph to work in (graph-explorer.tsx). ?actor= shows one actor's
 * neighbourhood, ?from=&to= what connects two actors (each step with its quotes), ?at= the network
 * at a month. Everything lives in the URL.
 */
import { describePeriod } from "@atlas/schema";
import type { Metadata } from "next";
import { KindDot } from "@/components/actor-link";
import { ApiFailure } from "@/components/api-failure";
import { QuoteBlock } from "@/components/evidence";
import { FilterActions } from "@/components/filter-actions";
import { Empty, PageHeader, Section } from "@/components/page";
import { RelationGraphSvg } from "@/components/relation-graph-svg";
import { PeriodText } from "@/components/time";
import { ButtonLink } from "@/components/ui/button";
import { CheckChip, Fieldset, Input, Label, recordChoices, SelectField } from "@/components/ui/form";
import Link from "@/components/ui/link";
import { SCROLL_HINT, WideDrawing } from "@/components/wide-drawing";
import {
  EDGE_FAMILIES,
  type EdgeFamily,
  EGO_SIZE,
  HEIGHT,
  layoutGraph,
  neighbourhood,
  WIDTH,
} from "@/lib/graph-layout";
import { holdsIn, monthLabel, parseMonth } from "@/lib/graph-time";
import { ACTOR_KINDS, kindLabel, RELATION_TYPE_LIST, relationVerb } from "@/lib/labels";
import { actorHref, graphHref, relationHref } from "@/lib/links";
import { all, allowed, first, type SearchParams } from "@/lib/search-params";
import type { Graph, GraphEdge, Paths } from "@/lib/types";
import { cn, plural, words } from "@/lib/utils";
import { api } from "@/trpc/client";
import { type Loaded, load } from "@/trpc/load";
import { GraphExplorer } from "./_components/graph-explorer";

export const metadata: Metadata = {
  title: "Relation graph",
  description:
    "Leadership, backing, membership and hostility between Iraq's armed groups, states and leaders, each relation evidenced; what connects two actors; the network at a date.",
};

const FAMILY_KEYS = Object.keys(EDGE_FAMILIES) as EdgeFamily[];
const LABELS_IN_FULL_VIEW = 30;

/** The relations among a set of actors. */
const among = (graph: Graph, ids: Set<string>): Graph => {
  const edges = graph.edges.filter((e) => ids.has(e.from) && ids.has(e.to));
  return { nodes: graph.nodes.filter((n) => ids.has(n.id)), edges };
};

export default async function GraphPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const sp = await searchParams;
  const types = allowed(all(sp.type), RELATION_TYPE_LIST);
  const kinds = allowed(all(sp.kind), ACTOR_KINDS);
  const actor = first(sp.actor);
  const depth = first(sp.depth) === "2" ? 2 : 1;
  const at = parseMonth(first(sp.at));
  const showUndated = first(sp.undated) !== "hide";
  const from = first(sp.from);
  const to = first(sp.to);
  const result = await load("the relation graph", () =>
    Promise.all([
      api.relations.graph.query({ types: types.length ? types : undefined, kinds: kinds.length ? kinds : undefined }),
      api.actors.list.query({ involvement: "relations", sort: "relations", limit: 200 }),
    ]),
  );
  const full = result.ok ? result.data[0] : null;
  const actors = result.ok ? result.data[1].items : [];
  const known = new Set(full?.nodes.map((n) => n.id));
  const pathAsked = Boolean(from && to && from !== to);
  const paths =
    full && pathAsked && known.has(from as string) && known.has(to as string)
      ? await load("the paths", () =>
          api.relations.paths.query({
            from: from as string,
            to: to as string,
            types: types.length ? types : undefined,
          }),
        )
      : null;
  const found = paths?.ok && paths.data.length !== null ? paths.data : null;
  const focus = actors.find((a) => a.id === actor);
  const filtered = Boolean(types.length || kinds.length || actor || at || from || to);

  let view: Graph | null = full;
  if (full && found)
    view = among(full, new Set(found.paths.flatMap((p) => p.steps.flatMap((s) => [s.from.id, s.to.id]))));
  else if (full && actor) view = neighbourhood(full, actor, depth);
  const highlight = found
    ? [...new Set(found.paths.flatMap((p) => p.steps.flatMap((s) => s.relations.map((r) => r.id))))]
    : [];

  return (
    <>
      <PageHeader
        title={
          found
            ? `What connects ${found.from.name} and ${found.to.name}`
            : focus
              ? `Relations of ${focus.name}`
              : "Relation graph"
        }
        actions={
          focus && (
            <ButtonLink href={actorHref(focus.id)} variant="outline" size="sm">
              Open {focus.name}'s profile
            </ButtonLink>
          )
        }
      >
        Actors as nodes, coloured by kind and sized by how many relations they have; relations as arrows from the
        subject (the leader, the member, the one backed) to the object. Select an actor to grow the view from it, or
        open its profile, where every relation shows its quote.
      </PageHeader>
      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_18rem]">
        <div className="flex min-w-0 flex-col gap-3">
          {!result.ok || !full ? (
            result.ok ? null : (
              <ApiFailure failure={result.failure} />
            )
          ) : !view || view.nodes.length === 0 ? (
            <Empty>
              {actor && !focus ? `No actor with id “${actor}” has relations. ` : "No relation matches these filters. "}
              <Link href="/graph" className="text-primary underline">
                Show the whole graph
              </Link>
            </Empty>
          ) : (
            <Drawing
              full={full}
              view={view}
              focusId={found ? undefined : actor}
              highlight={highlight}
              at={at}
              showUndated={showUndated}
            />
          )}
          {pathAsked && <PathResults paths={paths} from={from as string} to={to as string} known={known} />}
        </div>
        <GraphForm
          actors={actors}
          values={{ actor, depth, types, kinds, at, showUndated, from, to }}
          filtered={filtered}
        />
      </div>
    </>
  );
}

function Drawing({
  full,
  view,
  focusId,
  highlight,
  at,
  showUndated,
}: {
  full: Graph;
  view: Graph;
  focusId: string | undefined;
  highlight: string[];
  at: string | undefined;
  showUndated: boolean;
}) {
  // An actor's neighbourhood fits the screen, centred on the actor; the whole graph scrolls on a phone.
  const ego = Boolean(focusId);
  const canvas = ego ? EGO_SIZE : { width: WIDTH, height: HEIGHT };
  const { nodes, edges } = layoutGraph(view.nodes, view.edges, focusId, canvas);
  // Without JavaScript, the month is applied here; the interactive graph applies it itself.
  const drawn = at
    ? edges.filter((e) => {
        const holding = holdsIn(e, at);
        return holding === "holds" || (holding === "undated" && showUndated);
      })
    : edges;
  const tied = new Set(drawn.flatMap((e) => [e.from, e.to]));
  const faded = new Set(at ? nodes.filter((n) => !tied.has(n.id)).map((n) => n.id) : []);
  const small = nodes.length <= 30;
  const kindsShown = [...new Set(nodes.map((n) => n.kind))].sort();
  const byId = new Map(full.nodes.map((n) => [n.id, n]));
  return (
    <GraphExplorer
      actors={full.nodes.map(({ id, name, kind, degree }) => ({ id, name, kind, degree }))}
      relations={full.edges.map((e) => ({
        id: e.id,
        from: e.from,
        to: e.to,
        type: e.type,
        role: e.role,
        former: e.former,
        earliest: e.earliest,
        latest: e.latest,
        when: e.time ? describePeriod(e.time) : null,
      }))}
      positions={Object.fromEntries(nodes.map((n) => [n.id, { x: n.x, y: n.y }]))}
      focusId={focusId}
      highlight={highlight}
      at={at}
      showUndated={showUndated}
    >
      <figure className="flex flex-col gap-2">
        <WideDrawing
          label={ego ? "Relation graph" : "Relation graph (scrolls sideways on a narrow screen)"}
          className="bg-card"
          fit={ego}
          centre={!ego}
        >
          <RelationGraphSvg
            id="relation-graph"
            nodes={nodes}
            edges={drawn}
            canvas={canvas}
            fontSize={ego ? 16 : 12}
            className={ego ? "mx-auto max-w-2xl" : undefined}
            focusId={focusId}
            labelLimit={small || focusId ? undefined : LABELS_IN_FULL_VIEW}
            edgeLabels={Boolean(focusId) && small}
            faded={faded}
            highlight={new Set(highlight)}
          />
        </WideDrawing>
        <figcaption className="flex flex-col gap-2 text-xs text-muted-foreground">
          {!ego && <span className="sm:hidden">{SCROLL_HINT}</span>}
          <span>
            {plural(nodes.length, "actor")}, {plural(drawn.length, "relation")}
            {at ? ` in ${monthLabel(at)}` : ""}. Dashed arrows are former relations.
            {!small &&
              !focusId &&
              ` Names shown for the most connected actors where they fit; hover or focus a node for any other.`}
          </span>
          <span className="flex flex-wrap gap-x-3 gap-y-1">
            {kindsShown.map((k) => (
              <span key={k} className="inline-flex items-center gap-1">
                <KindDot kind={k} />
                {kindLabel(k)}
              </span>
            ))}
          </span>
        </figcaption>
      </figure>
      <RelationList edges={drawn} name={(id) => byId.get(id)?.name ?? id} />
    </GraphExplorer>
  );
}

function RelationList({ edges, name }: { edges: GraphEdge[]; name: (id: string) => string }) {
  return (
    <details className="rounded-lg border bg-card p-3 text-sm">
      <summary className="font-medium">All {plural(edges.length, "relation")} as a list</summary>
      <ul className="mt-2 flex flex-col gap-1">
        {edges.map((e) => (
          <li key={e.id}>
            <Link href={relationHref(e.id)} className="text-primary hover:underline">
              {name(e.from)} {relationVerb(e.type)} {name(e.to)}
            </Link>
            {e.role && <span className="text-muted-foreground"> — {e.role}</span>}
            {e.former && <span className="text-muted-foreground"> (former)</span>}{" "}
            <Link href={graphHref(e.from)} className="text-xs text-muted-foreground hover:underline">
              neighbourhood
            </Link>
          </li>
        ))}
      </ul>
    </details>
  );
}

function PathResults({
  paths,
  from,
  to,
  known,
}: {
  paths: Loaded<Paths> | null;
  from: string;
  to: string;
  known: Set<string>;
}) {
  const missing = [from, to].filter((id) => !known.has(id));
  return (
    <Section
      id="paths"
      title="What connects them"
      description="The shortest chains of relations, whichever way each relation points; every relation with the words that state it."
    >
      {missing.length ? (
        <Empty>
          {missing.map((id) => `No actor with relations has the id “${id}”.`).join(" ")} Pick both ends from the lists.
        </Empty>
      ) : !paths ? null : !paths.ok ? (
        <ApiFailure failure={paths.failure} />
      ) : paths.data.length === null ? (
        <Empty>
          No chain of relations connects {paths.data.from.name} and {paths.data.to.name} with the relation types chosen.
        </Empty>
      ) : (
        <>
          <p className="text-sm" data-testid="path-summary">
            {plural(paths.data.total, "shortest path")} of {plural(paths.data.length, "step")}
            {paths.data.paths.length < paths.data.total ? `; the first ${paths.data.paths.length} shown` : ""}.
          </p>
          <ol className="flex flex-col gap-4" data-testid="paths">
            {paths.data.paths.map((path, i) => (
              <li key={path.steps.map((s) => s.to.id).join(">")} className="rounded-lg border bg-card p-4">
                <h3 className="font-medium">
                  {i + 1}.{" "}
                  {[path.steps[0]?.from, ...path.steps.map((s) => s.to)].map((a, j) => (
                    <span key={a?.id}>
                      {j > 0 && <span className="text-muted-foreground"> — </span>}
                      <Link href={actorHref(a?.id ?? "")} className="text-primary hover:underline">
                        {a?.name}
                      </Link>
                    </span>
                  ))}
                </h3>
                <ol className="mt-2 flex flex-col gap-3">
                  {path.steps.flatMap((step) =>
                    step.relations.map((r) => {
                      const [subject, object] = r.forward ? [step.from, step.to] : [step.to, step.from];
                      return (
                        <li key={r.id} className="flex flex-col gap-1.5" data-testid="path-hop">
                          <p className="text-sm">
                            <Link href={relationHref(r.id)} className="text-primary hover:underline">
                              <strong>{subject.name}</strong> {relationVerb(r.type)} <strong>{object.name}</strong>
                            </Link>
                            {r.role && <span className="text-muted-foreground"> — {r.role}</span>}
                            {r.time && (
                              <span className="text-xs">
                                {" "}
                                · <PeriodText time={r.time} />
                              </span>
                            )}
                            {r.former && <span className="text-muted-foreground"> · former</span>}
                          </p>
                          {r.evidence.map((q) => (
                            <QuoteBlock key={`${q.sourceId}:${q.start}`} quote={q} />
                          ))}
                        </li>
                      );
                    }),
                  )}
                </ol>
              </li>
            ))}
          </ol>
        </>
      )}
    </Section>
  );
}

function GraphForm({
  actors,
  values,
  filtered,
}: {
  actors: { id: string; name: string; counts: { relations: number } }[];
  values: {
    actor: string | undefined;
    depth: number;
    types: string[];
    kinds: string[];
    at: string | undefined;
    showUndated: boolean;
    from: string | undefined;
    to: string | undefined;
  };
  filtered: boolean;
}) {
  const choices = recordChoices(actors, (a) => `${a.name} (${a.counts.relations})`);
  return (
    <form
      action="/graph"
      className="flex flex-col gap-4 self-start rounded-lg border bg-card p-4"
      aria-label="Graph filters"
    >
      <Fieldset legend="What connects two actors">
        <SelectField label="From" name="from" defaultValue={values.from ?? ""} empty="—" choices={choices} />
        <SelectField label="To" name="to" defaultValue={values.to ?? ""} empty="—" choices={choices} />
      </Fieldset>
      <SelectField
        label="Neighbourhood of"
        name="actor"
        defaultValue={values.actor ?? ""}
        empty="Everyone (whole graph)"
        choices={choices}
      />
      <SelectField
        label="Reach"
        name="depth"
        defaultValue={String(values.depth)}
        choices={[
          { value: "1", label: "Direct relations" },
          { value: "2", label: "Two steps away" },
        ]}
      />
      <noscript>
        <Label>
          At a month (YYYY-MM)
          <Input name="at" type="month" defaultValue={values.at} />
        </Label>
        <CheckChip name="undated" value="hide" defaultChecked={!values.showUndated}>
          Hide relations the sources do not date
        </CheckChip>
      </noscript>
      <Fieldset legend="Relation types (none ticked: all)">
        {FAMILY_KEYS.map((family) => (
          <div key={family} className="flex flex-col gap-1">
            <span className="flex items-center gap-1.5 text-xs font-medium">
              <span aria-hidden className={cn(`edge-${family}`, "inline-block h-0.5 w-4 bg-[var(--edge)]")} />
              {EDGE_FAMILIES[family].label}
            </span>
            <div className="flex flex-wrap gap-1">
              {EDGE_FAMILIES[family].types.map((t) => (
                <CheckChip key={t} name="type" value={t} defaultChecked={values.types.includes(t)}>
                  {words(t)}
                </CheckChip>
              ))}
            </div>
          </div>
        ))}
      </Fieldset>
      <Fieldset legend="Actor kinds (none ticked: all)">
        <div className="flex flex-wrap gap-1">
          {ACTOR_KINDS.map((k) => (
            <CheckChip key={k} name="kind" value={k} defaultChecked={values.kinds.includes(k)}>
              <KindDot kind={k} />
              {kindLabel(k)}
            </CheckChip>
          ))}
        </div>
      </Fieldset>
      <div className="flex gap-2">
        <FilterActions clearHref="/graph" filtered={filtered} />
      </div>
    </form>
  );
}
