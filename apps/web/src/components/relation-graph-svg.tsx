/**
 * The relation graph drawn as SVG on the server: what every reader gets first, what a reader
 * without JavaScript keeps, and the small ego graph on each actor profile. Nodes are links to
 * profiles; every edge has a title saying the relation in words.
 */
import {
  type Canvas,
  EDGE_FAMILIES,
  type EdgeFamily,
  familyOf,
  HEIGHT,
  type PlacedEdge,
  type PlacedNode,
  placeLabels,
  WIDTH,
} from "@/lib/graph-layout";
import { kindLabel, relationVerb } from "@/lib/labels";
import { actorHref } from "@/lib/links";
import { cn, plural, words } from "@/lib/utils";

const FAMILY_KEYS = Object.keys(EDGE_FAMILIES) as EdgeFamily[];

export function RelationGraphSvg({
  nodes,
  edges,
  focusId,
  labelLimit,
  edgeLabels = false,
  faded = new Set(),
  highlight = new Set(),
  fontSize = 12,
  canvas = { width: WIDTH, height: HEIGHT },
  id,
  className,
}: {
  nodes: PlacedNode[];
  edges: PlacedEdge[];
  focusId?: string | undefined;
  /** Name at most this many of the best-connected actors (all when absent). */
  labelLimit?: number;
  /** Write each relation's type on its edge (small graphs only). */
  edgeLabels?: boolean;
  /** Actors drawn faint (no relation shown for them at the chosen date). */
  faded?: Set<string>;
  /** Relations drawn heavier (on a path between two actors). */
  highlight?: Set<string>;
  /** Label size in the drawing's units: larger when the drawing is shown small. */
  fontSize?: number;
  /** The drawing's size in its own units: the one the layout was fitted to. */
  canvas?: Canvas;
  /** Unique per page: ids inside the SVG (title, arrowheads) derive from it. */
  id: string;
  className?: string;
}) {
  const wanted = [...nodes]
    .sort(
      (a, b) => Number(b.id === focusId) - Number(a.id === focusId) || b.degree - a.degree || a.id.localeCompare(b.id),
    )
    .slice(0, labelLimit ?? nodes.length)
    .map((n) => n.id);
  const labels = new Map(placeLabels(nodes, wanted, fontSize, 8, canvas).map((l) => [l.id, l]));
  const byId = new Map(nodes.map((n) => [n.id, n]));
  return (
    <svg
      viewBox={`0 0 ${canvas.width} ${canvas.height}`}
      className={cn("h-auto w-full", className)}
      aria-labelledby={`${id}-title`}
      data-testid={id}
    >
      <title id={`${id}-title`}>
        {`Relation graph: ${plural(nodes.length, "actor")}, ${plural(edges.length, "relation")}`}
      </title>
      <defs>
        {FAMILY_KEYS.map((f) => (
          <marker
            key={f}
            id={`${id}-arrow-${f}`}
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
      <g fill="none">
        {edges.map((e) => {
          const family = familyOf(e.type);
          const on = highlight.has(e.id);
          return (
            <path
              key={e.id}
              d={e.d}
              markerEnd={`url(#${id}-arrow-${family})`}
              className={cn(`edge-${family}`, "stroke-[var(--edge)]", e.former ? "opacity-50" : "opacity-80")}
              strokeWidth={on ? 3.5 : 1.4}
              strokeDasharray={e.former ? "4 3" : undefined}
            >
              <title>{`${byId.get(e.from)?.name} ${relationVerb(e.type)} ${byId.get(e.to)?.name}${e.role ? ` (${e.role})` : ""}${e.former ? " — former" : ""}`}</title>
            </path>
          );
        })}
      </g>
      {edgeLabels && (
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
            className={cn("graph-node", faded.has(n.id) && "opacity-30")}
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
                fontSize={fontSize}
                className={cn("graph-label", n.id === focusId && "font-bold")}
              >
                {n.name}
              </text>
            )}
          </a>
        ))}
      </g>
    </svg>
  );
}
