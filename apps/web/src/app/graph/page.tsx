/**
 * The relation graph: actors as nodes coloured by kind, typed relations as arrows coloured by
 * family. The layout is computed on the server (deterministic d3-force) and drawn as SVG; nodes
 * link to profiles; ?actor= shows one actor's neighbourhood. Filters live in the URL.
 */
import type { Metadata } from "next";
import { KindDot } from "@/components/actor-link";
import { ApiFailure } from "@/components/api-failure";
import { Empty, PageHeader } from "@/components/page";
import { Button, ButtonLink } from "@/components/ui/button";
import { CheckChip, Fieldset, Label, Select } from "@/components/ui/form";
import Link from "@/components/ui/link";
import { SCROLL_HINT, WideDrawing } from "@/components/wide-drawing";
import {
  EDGE_FAMILIES,
  type EdgeFamily,
  EGO_SIZE,
  familyOf,
  HEIGHT,
  layoutGraph,
  neighbourhood,
  placeLabels,
  WIDTH,
} from "@/lib/graph-layout";
import { ACTOR_KINDS, kindLabel, type RELATION_TYPE_LIST, relationVerb } from "@/lib/labels";
import { actorHref, graphHref } from "@/lib/links";
import { all, first, type SearchParams } from "@/lib/search-params";
import { cn, plural, words } from "@/lib/utils";
import { api } from "@/trpc/client";
import { load } from "@/trpc/load";

export const metadata: Metadata = {
  title: "Relation graph",
  description:
    "Leadership, backing, membership and hostility between Iraq's armed groups, states and leaders, each relation evidenced.",
};

const FAMILY_KEYS = Object.keys(EDGE_FAMILIES) as EdgeFamily[];
const LABELS_IN_FULL_VIEW = 30;

export default async function GraphPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const sp = await searchParams;
  const types = all(sp.type);
  const kinds = all(sp.kind);
  const actor = first(sp.actor);
  const depth = first(sp.depth) === "2" ? 2 : 1;
  const result = await load("the relation graph", () =>
    Promise.all([
      api.relations.graph.query({
        types: types.length ? (types as (typeof RELATION_TYPE_LIST)[number][]) : undefined,
        kinds: kinds.length ? (kinds as (typeof ACTOR_KINDS)[number][]) : undefined,
      }),
      api.actors.list.query({ involvement: "relations", sort: "relations", limit: 200 }),
    ]),
  );
  const actors = result.ok ? result.data[1].items : [];
  const focus = actors.find((a) => a.id === actor);
  const filtered = Boolean(types.length || kinds.length || actor);
  const graph = result.ok ? (actor ? neighbourhood(result.data[0], actor, depth) : result.data[0]) : null;

  return (
    <>
      <PageHeader
        title={focus ? `Relations of ${focus.name}` : "Relation graph"}
        actions={
          focus && (
            <ButtonLink href={actorHref(focus.id)} variant="outline" size="sm">
              Open {focus.name}'s profile
            </ButtonLink>
          )
        }
      >
        Actors as nodes, coloured by kind and sized by how many relations they have; relations as arrows from the
        subject (the leader, the member, the one backed) to the object. Select a node to open its profile, where every
        relation shows its quote.
      </PageHeader>
      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_18rem]">
        <div className="flex min-w-0 flex-col gap-3">
          {!result.ok ? (
            <ApiFailure failure={result.failure} />
          ) : !graph || graph.nodes.length === 0 ? (
            <Empty>
              {actor && !focus ? `No actor with id “${actor}” has relations. ` : "No relation matches these filters. "}
              <Link href="/graph" className="text-primary underline">
                Show the whole graph
              </Link>
            </Empty>
          ) : (
            <GraphView graph={graph} focusId={actor} />
          )}
        </div>
        <form action="/graph" className="flex flex-col gap-4 self-start rounded-lg border bg-card p-4">
          <Label>
            Neighbourhood of
            <Select name="actor" defaultValue={actor ?? ""}>
              <option value="">Everyone (whole graph)</option>
              {actors.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name} ({a.counts.relations})
                </option>
              ))}
            </Select>
          </Label>
          <Label>
            Reach
            <Select name="depth" defaultValue={String(depth)}>
              <option value="1">Direct relations</option>
              <option value="2">Two steps away</option>
            </Select>
          </Label>
          <Fieldset legend="Relation types (none ticked: all)">
            {FAMILY_KEYS.map((family) => (
              <div key={family} className="flex flex-col gap-1">
                <span className="flex items-center gap-1.5 text-xs font-medium">
                  <span aria-hidden className={cn(`edge-${family}`, "inline-block h-0.5 w-4 bg-[var(--edge)]")} />
                  {EDGE_FAMILIES[family].label}
                </span>
                <div className="flex flex-wrap gap-1">
                  {EDGE_FAMILIES[family].types.map((t) => (
                    <CheckChip key={t} name="type" value={t} defaultChecked={types.includes(t)}>
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
                <CheckChip key={k} name="kind" value={k} defaultChecked={kinds.includes(k)}>
                  <KindDot kind={k} />
                  {kindLabel(k)}
                </CheckChip>
              ))}
            </div>
          </Fieldset>
          <div className="flex gap-2">
            <Button type="submit">Apply</Button>
            {filtered && (
              <ButtonLink href="/graph" variant="ghost">
                Clear
              </ButtonLink>
            )}
          </div>
        </form>
      </div>
    </>
  );
}

function GraphView({
  graph,
  focusId,
}: {
  graph: { nodes: Parameters<typeof layoutGraph>[0]; edges: Parameters<typeof layoutGraph>[1] };
  focusId: string | undefined;
}) {
  const ego = Boolean(focusId);
  // An actor's neighbourhood fits the screen, centred on the actor; the whole graph scrolls on a phone.
  const canvas = ego ? EGO_SIZE : { width: WIDTH, height: HEIGHT };
  const fontSize = ego ? 16 : 12;
  const { nodes, edges } = layoutGraph(graph.nodes, graph.edges, focusId, canvas);
  const wanted = [...nodes]
    .sort(
      (a, b) => Number(b.id === focusId) - Number(a.id === focusId) || b.degree - a.degree || a.id.localeCompare(b.id),
    )
    .slice(0, ego || nodes.length <= 30 ? nodes.length : LABELS_IN_FULL_VIEW)
    .map((n) => n.id);
  const labels = new Map(placeLabels(nodes, wanted, fontSize, 8, canvas).map((l) => [l.id, l]));
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const kindsShown = [...new Set(nodes.map((n) => n.kind))].sort();
  return (
    <>
      <figure className="flex flex-col gap-2">
        <WideDrawing
          label={ego ? "Relation graph" : "Relation graph (scrolls sideways on a narrow screen)"}
          className="bg-card"
          fit={ego}
          centre={!ego}
        >
          <svg
            viewBox={`0 0 ${canvas.width} ${canvas.height}`}
            className={cn("h-auto w-full", ego && "mx-auto max-w-2xl")}
            aria-labelledby="graph-title"
            data-testid="relation-graph"
          >
            <title id="graph-title">
              {`Relation graph: ${plural(nodes.length, "actor")}, ${plural(edges.length, "relation")}`}
            </title>
            <defs>
              {FAMILY_KEYS.map((f) => (
                <marker
                  key={f}
                  id={`arrow-${f}`}
                  viewBox="0 0 10 10"
                  refX="8"
                  refY="5"
                  markerWidth="7"
                  markerHeight="7"
                  orient="auto-start-reverse"
                  className={`edge-${f}`}
                >
                  <path d="M0,1 L9,5 L0,9 z" className="fill-[var(--edge)]" />
                </marker>
              ))}
            </defs>
            <g fill="none" strokeWidth={1.4}>
              {edges.map((e) => {
                const family = familyOf(e.type);
                return (
                  <path
                    key={e.id}
                    d={e.d}
                    markerEnd={`url(#arrow-${family})`}
                    className={cn(`edge-${family}`, "stroke-[var(--edge)]", e.former ? "opacity-50" : "opacity-80")}
                    strokeDasharray={e.former ? "4 3" : undefined}
                  >
                    <title>{`${byId.get(e.from)?.name} ${relationVerb(e.type)} ${byId.get(e.to)?.name}${e.role ? ` (${e.role})` : ""}${e.former ? " — former" : ""}`}</title>
                  </path>
                );
              })}
            </g>
            {ego && (
              <g className="fill-muted-foreground text-[11px]" aria-hidden>
                {edges.map((e) => (
                  <text
                    key={e.id}
                    x={e.mx}
                    y={e.my}
                    textAnchor="middle"
                    className="graph-label fill-muted-foreground text-[13px]"
                  >
                    {words(e.type)}
                  </text>
                ))}
              </g>
            )}
            <g>
              {nodes.map((n) => (
                <a
                  key={n.id}
                  href={actorHref(n.id)}
                  className="graph-node"
                  aria-label={`${n.name}, ${kindLabel(n.kind)}, ${plural(n.degree, "relation")}`}
                >
                  <circle
                    cx={n.x}
                    cy={n.y}
                    r={n.id === focusId ? n.r + 4 : n.r}
                    className={cn(`kind-${n.kind}`, "fill-[var(--kind)] stroke-card")}
                    strokeWidth={1.5}
                  />
                  <title>{n.name}</title>
                  {labels.has(n.id) && (
                    <text
                      x={labels.get(n.id)?.x}
                      y={labels.get(n.id)?.y}
                      textAnchor={labels.get(n.id)?.anchor}
                      className={cn(
                        "graph-label",
                        ego ? "text-[16px]" : "text-[12px]",
                        n.id === focusId && "font-bold",
                      )}
                    >
                      {n.name}
                    </text>
                  )}
                </a>
              ))}
            </g>
          </svg>
        </WideDrawing>
        <figcaption className="flex flex-col gap-2 text-xs text-muted-foreground">
          {!ego && <span className="sm:hidden">{SCROLL_HINT}</span>}
          <span>
            {plural(nodes.length, "actor")}, {plural(edges.length, "relation")}. Dashed arrows are former relations.
            {labels.size < nodes.length &&
              ` Names shown for ${labels.size} of the most connected actors where they fit; hover or focus a node for any other.`}
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
      <details className="rounded-lg border bg-card p-3 text-sm">
        <summary className="font-medium">All {plural(edges.length, "relation")} as a list</summary>
        <ul className="mt-2 flex flex-col gap-1">
          {edges.map((e) => {
            const from = byId.get(e.from);
            const to = byId.get(e.to);
            return (
              <li key={e.id}>
                <Link href={`${actorHref(e.from)}#relation-${e.id}`} className="text-primary hover:underline">
                  {from?.name} {relationVerb(e.type)} {to?.name}
                </Link>
                {e.role && <span className="text-muted-foreground"> — {e.role}</span>}
                {e.former && <span className="text-muted-foreground"> (former)</span>}{" "}
                <Link href={graphHref(e.from)} className="text-xs text-muted-foreground hover:underline">
                  neighbourhood
                </Link>
              </li>
            );
          })}
        </ul>
      </details>
    </>
  );
}
