"use client";
/**
 * The graph to work in (cytoscape.js on a canvas): pan and zoom by mouse, touch or keyboard; grow
 * the view from an actor by relation type, collapse it back, undo; the network at a chosen month
 * with playback; a table of exactly what is on screen. It starts from the server's layout. This
 * module, the canvas library and the time and label rules it uses load only once the reader
 * reaches for the graph (graph-explorer.tsx), which shows the server's SVG until the canvas is up.
 */
import type { Core, CytoscapeOptions, ElementDefinition } from "cytoscape";
import { Maximize, Minus, Pause, Play, Plus, Table2, Undo2 } from "lucide-react";
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import Link from "@/components/ui/link";
import { collapse, expand, hiddenNeighbours, ringAround } from "@/lib/graph-explore";
import { familyOf, radius } from "@/lib/graph-layout";
import { CANVAS_OPTIONS, type GraphColors, graphStyle } from "@/lib/graph-style";
import { holdsIn, monthAt, monthLabel, monthNumber, monthSpan } from "@/lib/graph-time";
import { kindLabel, relationVerb } from "@/lib/labels";
import { actorHref, dossierHref, relationHref } from "@/lib/links";
import { plural, words } from "@/lib/utils";

export interface ExplorerActor {
  id: string;
  name: string;
  kind: string;
  degree: number;
}

export interface ExplorerRelation {
  id: string;
  from: string;
  to: string;
  type: string;
  role: string | null;
  former: boolean;
  earliest: string | null;
  latest: string | null;
  /** When it held, in words; null when the sources do not say. */
  when: string | null;
}

export interface GraphData {
  actors: ExplorerActor[];
  relations: ExplorerRelation[];
  /** The actors on screen at first, where the server's layout put them. */
  positions: Record<string, { x: number; y: number }>;
  focusId?: string | undefined;
  /** Relations on the paths asked for: drawn heavier. */
  highlight: string[];
  at?: string | undefined;
  showUndated: boolean;
}

interface Props extends GraphData {
  /** Asked for from the keyboard: the canvas takes the focus once drawn. */
  fromKeyboard: boolean;
  /** Told once the library has loaded and the canvas is up: the page then puts its drawing away. */
  onReady: () => void;
}

type Selection = { kind: "actor"; id: string } | { kind: "relation"; id: string } | null;

interface State {
  shown: string[];
  history: string[][];
}

type Action = { type: "show"; shown: string[] } | { type: "undo" };

function reducer(state: State, action: Action): State {
  if (action.type === "undo") {
    const previous = state.history.at(-1);
    return previous ? { shown: previous, history: state.history.slice(0, -1) } : state;
  }
  return { shown: action.shown, history: [...state.history, state.shown] };
}

const CYTOSCAPE_STYLESHEET = "__________cytoscape_stylesheet";
const PAN_STEP = 60;
const ZOOM_STEP = 1.25;
const PLAY_MS = 350;

/**
 * Fits the graph in view, but does not blow a handful of actors up past 1.6×. An actor's
 * neighbourhood is centred on the actor, zoomed out just enough for its farthest neighbour.
 */
function fitView(cy: Core, focusId: string | undefined) {
  const focus = focusId ? cy.getElementById(focusId) : null;
  if (!focus || focus.empty()) {
    cy.fit(undefined, 24);
    if (cy.zoom() > 1.6) {
      cy.zoom(1.6);
      cy.center();
    }
    return;
  }
  const at = focus.position();
  let reachX = 1;
  let reachY = 1;
  cy.nodes().forEach((n) => {
    reachX = Math.max(reachX, Math.abs(n.position().x - at.x) + n.width());
    reachY = Math.max(reachY, Math.abs(n.position().y - at.y) + n.height());
  });
  cy.zoom(Math.min(cy.width() / 2 / (reachX + 24), cy.height() / 2 / (reachY + 24), 1.6));
  cy.center(focus);
}

/** Zoom, pan and where the focus is drawn, put on the canvas's element as data attributes. */
function viewportOf(cy: Core, focusId: string | undefined) {
  const focus = focusId ? cy.getElementById(focusId) : null;
  const at = focus && !focus.empty() ? focus.renderedPosition() : null;
  return {
    zoom: cy.zoom(),
    x: cy.pan().x,
    y: cy.pan().y,
    focus: at ? `${Math.round(at.x)},${Math.round(at.y)}` : "",
  };
}

/** A CSS colour token as rgb(), which the canvas library reads (the tokens are oklch). */
function tokenColor(name: string, fallback = "#888"): string {
  const value = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  const ctx = document.createElement("canvas").getContext("2d", { willReadFrequently: true });
  if (!value || !ctx) return fallback;
  ctx.fillStyle = fallback;
  ctx.fillStyle = value;
  ctx.fillRect(0, 0, 1, 1);
  const [r, g, b] = ctx.getImageData(0, 0, 1, 1).data;
  return `rgb(${r}, ${g}, ${b})`;
}

function themeColors(): GraphColors & { kind: (k: string) => string; edge: (t: string) => string } {
  const cache = new Map<string, string>();
  const token = (name: string) => {
    let c = cache.get(name);
    if (!c) {
      c = tokenColor(name);
      cache.set(name, c);
    }
    return c;
  };
  return {
    text: token("--foreground"),
    halo: token("--card"),
    ring: token("--ring"),
    path: token("--foreground"),
    kind: (k) => token(`--kind-${k}`),
    edge: (t) => token(`--edge-${familyOf(t)}`),
  };
}

export function GraphWorkbench({
  actors,
  relations,
  positions,
  focusId,
  highlight,
  at,
  showUndated,
  fromKeyboard,
  onReady,
}: Props) {
  const byId = useMemo(() => new Map(actors.map((a) => [a.id, a])), [actors]);
  const relationById = useMemo(() => new Map(relations.map((r) => [r.id, r])), [relations]);
  const [state, dispatch] = useReducer(reducer, { shown: Object.keys(positions), history: [] });
  const [selected, setSelected] = useState<Selection>(focusId ? { kind: "actor", id: focusId } : null);
  const [month, setMonth] = useState<string | null>(at ?? null);
  const [undated, setUndated] = useState(showUndated);
  const [playing, setPlaying] = useState(false);
  const [table, setTable] = useState(false);
  const [ready, setReady] = useState(false);
  const [viewport, setViewport] = useState({ zoom: 1, x: 0, y: 0, focus: "" });
  const container = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | null>(null);
  const placed = useRef(new Map(Object.entries(positions)));
  const createGraph = useRef<((options: CytoscapeOptions) => Core) | null>(null);

  const shown = useMemo(() => new Set(state.shown), [state.shown]);
  const visible = useMemo(
    () =>
      relations.filter((r) => {
        if (!shown.has(r.from) || !shown.has(r.to)) return false;
        if (month === null) return true;
        const holding = holdsIn({ ...r, time: r.when }, month);
        return holding === "holds" || (holding === "undated" && undated);
      }),
    [relations, shown, month, undated],
  );
  const faded = useMemo(() => {
    if (month === null) return new Set<string>();
    const tied = new Set(visible.flatMap((r) => [r.from, r.to]));
    return new Set(state.shown.filter((id) => !tied.has(id)));
  }, [month, visible, state.shown]);
  const span = useMemo(() => monthSpan(relations.map((r) => ({ ...r, time: r.when }))), [relations]);
  const onPath = useMemo(() => new Set(highlight), [highlight]);

  // Phase one: load the library. Phase two draws.
  useEffect(() => {
    let cancelled = false;
    import("cytoscape").then((m) => {
      if (cancelled) return;
      createGraph.current = m.default;
      setReady(true);
    });
    return () => {
      cancelled = true;
    };
  }, []);

  // Tell the page, and asked for from the keyboard, give the canvas the focus the button had.
  useEffect(() => {
    if (!ready) return;
    onReady();
    if (fromKeyboard) container.current?.focus();
  }, [ready, fromKeyboard, onReady]);

  useEffect(() => {
    const cytoscape = createGraph.current;
    if (!ready || !cytoscape || !container.current) return;
    const colors = themeColors();
    // cytoscape adds a <style> (position: relative) unless an element with this id exists; the CSP
    // would refuse that un-nonced style, and the container is `relative` already.
    if (!document.getElementById(CYTOSCAPE_STYLESHEET)) {
      const marker = document.createElement("template");
      marker.id = CYTOSCAPE_STYLESHEET;
      document.head.append(marker);
    }
    const cy = cytoscape({
      container: container.current,
      style: graphStyle(colors),
      ...CANVAS_OPTIONS,
    });
    cyRef.current = cy;
    cy.scratch("colors", colors);
    cy.on("viewport", () => setViewport(viewportOf(cy, focusId)));
    cy.on("tap", "node", (e) => setSelected({ kind: "actor", id: e.target.id() }));
    cy.on("tap", "edge", (e) => setSelected({ kind: "relation", id: e.target.id() }));
    cy.on("tap", (e) => {
      if (e.target === cy) setSelected(null);
    });
    cy.on("dragfree", "node", (e) => {
      placed.current.set(e.target.id(), { ...e.target.position() });
    });
    // The theme can change under the graph: repaint with its colours.
    const repaint = () => {
      const next = themeColors();
      cy.scratch("colors", next);
      cy.style(graphStyle(next));
      cy.batch(() => {
        cy.nodes().forEach((n) => {
          n.data("color", next.kind(n.data("kind")));
        });
        cy.edges().forEach((e) => {
          e.data("color", next.edge(e.data("type")));
        });
      });
    };
    const observer = new MutationObserver(repaint);
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ["class"] });
    const media = window.matchMedia("(prefers-color-scheme: dark)");
    media.addEventListener("change", repaint);
    return () => {
      observer.disconnect();
      media.removeEventListener("change", repaint);
      cy.destroy();
      cyRef.current = null;
    };
  }, [ready, focusId]);

  // Keep the canvas equal to the state: actors shown, relations holding at the month, classes.
  const fitted = useRef(false);
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    const colors = cy.scratch("colors") as ReturnType<typeof themeColors>;
    const wantEdges = new Set(visible.map((r) => r.id));
    cy.batch(() => {
      cy.edges().forEach((e) => {
        if (!wantEdges.has(e.id())) e.remove();
      });
      cy.nodes().forEach((n) => {
        if (!shown.has(n.id())) n.remove();
      });
      const added: ElementDefinition[] = [];
      for (const id of state.shown) {
        const actor = byId.get(id);
        if (!actor || !cy.getElementById(id).empty()) continue;
        const hub = actor.degree >= 8 || state.shown.length <= 40;
        const classes = [id === focusId ? "focus" : "", hub ? "hub" : ""].filter(Boolean);
        added.push({
          group: "nodes",
          data: {
            id,
            label: actor.name,
            kind: actor.kind,
            color: colors.kind(actor.kind),
            size: 2 * radius(actor.degree),
          },
          classes,
          position: { ...(placed.current.get(id) ?? { x: 0, y: 0 }) },
        });
      }
      for (const r of visible) {
        if (!cy.getElementById(r.id).empty()) continue;
        added.push({
          group: "edges",
          data: { id: r.id, source: r.from, target: r.to, type: r.type, color: colors.edge(r.type) },
          classes: [r.former ? "former" : "", onPath.has(r.id) ? "path" : ""].filter(Boolean),
        });
      }
      cy.add(added);
      cy.nodes().forEach((n) => {
        n.toggleClass("faded", faded.has(n.id()));
      });
    });
    if (!fitted.current) {
      fitView(cy, focusId);
      fitted.current = true;
    }
    setViewport(viewportOf(cy, focusId));
  }, [ready, state.shown, shown, visible, faded, byId, focusId, onPath]);

  // Playback: the month moves on until the last one.
  useEffect(() => {
    if (!playing || !span) return;
    const step = Math.max(1, Math.round((span.last - span.first) / 120));
    const timer = setInterval(() => {
      setMonth((m) => {
        const next = Math.min(span.last, (m ? monthNumber(m) : span.first) + step);
        if (next >= span.last) setPlaying(false);
        return monthAt(next);
      });
    }, PLAY_MS);
    return () => clearInterval(timer);
  }, [playing, span]);

  // The month and the undated choice live in the URL, so the view can be shared.
  useEffect(() => {
    if (!ready) return;
    const url = new URL(window.location.href);
    if (month) url.searchParams.set("at", month);
    else url.searchParams.delete("at");
    if (undated) url.searchParams.delete("undated");
    else url.searchParams.set("undated", "hide");
    window.history.replaceState(window.history.state, "", url);
  }, [ready, month, undated]);

  const zoomBy = useCallback((factor: number) => {
    const cy = cyRef.current;
    if (!cy) return;
    cy.zoom({ level: cy.zoom() * factor, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
  }, []);

  const onKey = (e: React.KeyboardEvent) => {
    const cy = cyRef.current;
    if (!cy) return;
    const pans: Record<string, [number, number]> = {
      ArrowLeft: [PAN_STEP, 0],
      ArrowRight: [-PAN_STEP, 0],
      ArrowUp: [0, PAN_STEP],
      ArrowDown: [0, -PAN_STEP],
    };
    const pan = pans[e.key];
    if (pan) cy.panBy({ x: pan[0], y: pan[1] });
    else if (e.key === "+" || e.key === "=") zoomBy(ZOOM_STEP);
    else if (e.key === "-" || e.key === "_") zoomBy(1 / ZOOM_STEP);
    else if (e.key === "0") fitView(cy, focusId);
    else if (e.key === "Escape") setSelected(null);
    else return;
    e.preventDefault();
  };

  const grow = (id: string, type: string | null) => {
    const added = expand(relations, shown, id, type);
    if (added.length === 0) return;
    const centre = placed.current.get(id) ?? { x: 0, y: 0 };
    ringAround(centre, added.length).forEach((p, i) => {
      placed.current.set(added[i] as string, p);
    });
    dispatch({ type: "show", shown: [...state.shown, ...added] });
  };
  const keep = useMemo(() => new Set(focusId ? [focusId] : []), [focusId]);
  const shrink = (id: string) => {
    const removed = new Set(collapse(relations, shown, id, keep));
    if (removed.size) dispatch({ type: "show", shown: state.shown.filter((n) => !removed.has(n)) });
  };

  const selectedActor = selected?.kind === "actor" ? byId.get(selected.id) : undefined;
  const selectedRelation = selected?.kind === "relation" ? relationById.get(selected.id) : undefined;
  const name = (id: string) => byId.get(id)?.name ?? id;

  return (
    <>
      {ready && (
        <>
          <div className="flex flex-wrap items-center gap-1.5" role="toolbar" aria-label="Graph view">
            <Button variant="outline" size="sm" onClick={() => zoomBy(ZOOM_STEP)} aria-label="Zoom in">
              <Plus aria-hidden />
            </Button>
            <Button variant="outline" size="sm" onClick={() => zoomBy(1 / ZOOM_STEP)} aria-label="Zoom out">
              <Minus aria-hidden />
            </Button>
            <Button variant="outline" size="sm" onClick={() => cyRef.current && fitView(cyRef.current, focusId)}>
              <Maximize aria-hidden />
              Fit
            </Button>
            <Button
              variant="outline"
              size="sm"
              onClick={() => dispatch({ type: "undo" })}
              disabled={state.history.length === 0}
            >
              <Undo2 aria-hidden />
              Undo{state.history.length ? ` (${state.history.length})` : ""}
            </Button>
            <Button variant="outline" size="sm" onClick={() => setTable((t) => !t)} aria-pressed={table}>
              <Table2 aria-hidden />
              {table ? "Hide the table" : "Table of what is on screen"}
            </Button>
            <span className="ml-auto text-xs text-muted-foreground" aria-live="polite">
              {plural(state.shown.length, "actor")}, {plural(visible.length, "relation")} on screen
            </span>
          </div>
          <div
            ref={container}
            // biome-ignore lint/a11y/noNoninteractiveTabindex: the canvas takes arrow keys, + − and 0 to pan and zoom.
            tabIndex={0}
            role="application"
            aria-label={`Relation graph, ${plural(state.shown.length, "actor")} and ${plural(visible.length, "relation")}. Arrow keys pan, plus and minus zoom, 0 fits; the table lists what is on screen.`}
            onKeyDown={onKey}
            className="relative h-[min(70vh,40rem)] w-full touch-none rounded-lg border bg-card focus-visible:outline-2 focus-visible:outline-ring"
            data-testid="graph-canvas"
            data-zoom={viewport.zoom.toFixed(3)}
            data-pan={`${Math.round(viewport.x)},${Math.round(viewport.y)}`}
            data-focus={viewport.focus}
            data-actors={state.shown.length}
            data-relations={visible.length}
          />
          <p className="text-xs text-muted-foreground">
            Drag to pan, scroll or pinch to zoom, or use the arrow keys, + − and 0 once the graph has focus. Select an
            actor to grow the view from it; dashed lines are former relations
            {onPath.size ? "; heavy lines are the paths asked for" : ""}.
          </p>
          <SelectionPanel
            actor={selectedActor}
            relation={selectedRelation}
            name={name}
            hidden={
              selectedActor ? hiddenNeighbours(relations, shown, selectedActor.id) : { byType: new Map(), total: 0 }
            }
            collapsible={selectedActor ? collapse(relations, shown, selectedActor.id, keep).length : 0}
            onExpand={grow}
            onCollapse={shrink}
          />
          {span && (
            <TimeControls
              span={span}
              month={month}
              setMonth={setMonth}
              playing={playing}
              setPlaying={setPlaying}
              undated={undated}
              setUndated={setUndated}
            />
          )}
          {table && (
            <OnScreen
              actors={state.shown.map((id) => byId.get(id)).filter((a): a is ExplorerActor => a !== undefined)}
              relations={visible}
              name={name}
              onSelect={(id) => {
                setSelected({ kind: "actor", id });
                cyRef.current?.getElementById(id).select();
              }}
            />
          )}
        </>
      )}
    </>
  );
}

function SelectionPanel({
  actor,
  relation,
  name,
  hidden,
  collapsible,
  onExpand,
  onCollapse,
}: {
  actor: ExplorerActor | undefined;
  relation: ExplorerRelation | undefined;
  name: (id: string) => string;
  hidden: { byType: Map<string, number>; total: number };
  collapsible: number;
  onExpand: (id: string, type: string | null) => void;
  onCollapse: (id: string) => void;
}) {
  if (relation) {
    return (
      <section aria-label="Selected relation" className="rounded-lg border bg-card p-3 text-sm" data-testid="selection">
        <p>
          <Link href={actorHref(relation.from)} className="font-medium text-primary hover:underline">
            {name(relation.from)}
          </Link>{" "}
          {relationVerb(relation.type)}{" "}
          <Link href={actorHref(relation.to)} className="font-medium text-primary hover:underline">
            {name(relation.to)}
          </Link>
          {relation.role && <span className="text-muted-foreground"> — {relation.role}</span>}
        </p>
        <p className="text-xs text-muted-foreground">
          {relation.when ?? "The sources do not date it"}
          {relation.former ? " · former" : ""} ·{" "}
          <Link href={relationHref(relation.id)} className="text-primary underline">
            its quotes and history
          </Link>
        </p>
      </section>
    );
  }
  if (!actor) {
    return <p className="text-sm text-muted-foreground">Select an actor or a relation to see what it is.</p>;
  }
  const total = hidden.total;
  return (
    <section
      aria-label={`Selected: ${actor.name}`}
      className="flex flex-col gap-2 rounded-lg border bg-card p-3 text-sm"
      data-testid="selection"
    >
      <p>
        <Link href={actorHref(actor.id)} className="font-medium text-primary hover:underline">
          {actor.name}
        </Link>{" "}
        <span className="text-muted-foreground">· {kindLabel(actor.kind)}</span>{" "}
        <Link href={dossierHref(actor.id)} className="text-xs text-primary underline">
          dossier
        </Link>
      </p>
      <div className="flex flex-wrap items-center gap-1.5">
        <span className="text-xs text-muted-foreground">
          {total ? "Show its relations:" : "All its relations are on screen."}
        </span>
        {[...hidden.byType].map(([type, n]) => (
          <Button key={type} variant="outline" size="sm" onClick={() => onExpand(actor.id, type)}>
            {words(type)} ({n})
          </Button>
        ))}
        {hidden.byType.size > 1 && (
          <Button size="sm" onClick={() => onExpand(actor.id, null)}>
            All ({total})
          </Button>
        )}
        <Button variant="ghost" size="sm" onClick={() => onCollapse(actor.id)} disabled={collapsible === 0}>
          Collapse{collapsible ? ` (hide ${plural(collapsible, "actor")})` : ""}
        </Button>
      </div>
    </section>
  );
}

function TimeControls({
  span,
  month,
  setMonth,
  playing,
  setPlaying,
  undated,
  setUndated,
}: {
  span: { first: number; last: number };
  month: string | null;
  setMonth: (m: string | null) => void;
  playing: boolean;
  setPlaying: (p: boolean) => void;
  undated: boolean;
  setUndated: (u: boolean) => void;
}) {
  const value = month ? monthNumber(month) : span.last;
  return (
    <fieldset className="flex flex-col gap-2 rounded-lg border bg-card p-3 text-sm">
      <legend className="px-1 text-xs font-medium">The network at a date</legend>
      <div className="flex flex-wrap items-center gap-3">
        <label className="inline-flex items-center gap-1.5">
          <input
            type="checkbox"
            checked={month !== null}
            onChange={(e) => {
              setPlaying(false);
              setMonth(e.target.checked ? monthAt(value) : null);
            }}
          />
          At a chosen month
        </label>
        <input
          type="range"
          min={span.first}
          max={span.last}
          value={value}
          aria-label="Month"
          aria-valuetext={monthLabel(monthAt(value))}
          onChange={(e) => setMonth(monthAt(Number(e.target.value)))}
          className="min-w-40 flex-1"
          data-testid="time-slider"
        />
        <output className="w-32 tabular-nums" aria-live="polite" data-testid="time-month">
          {month ? monthLabel(month) : "all dates"}
        </output>
        <Button
          variant="outline"
          size="sm"
          onClick={() => {
            if (!playing && (month === null || monthNumber(month) >= span.last)) setMonth(monthAt(span.first));
            setPlaying(!playing);
          }}
        >
          {playing ? <Pause aria-hidden /> : <Play aria-hidden />}
          {playing ? "Pause" : "Play"}
        </Button>
      </div>
      <label className="inline-flex items-center gap-1.5 text-xs">
        <input type="checkbox" checked={undated} onChange={(e) => setUndated(e.target.checked)} />
        Keep relations the sources do not date (they have no bounds to check)
      </label>
      <p className="text-xs text-muted-foreground">
        A relation is drawn only in months its dates allow; one known only as “since 2018” runs on. Actors with no
        relation drawn at that month are faint.
      </p>
    </fieldset>
  );
}

function OnScreen({
  actors,
  relations,
  name,
  onSelect,
}: {
  actors: ExplorerActor[];
  relations: ExplorerRelation[];
  name: (id: string) => string;
  onSelect: (id: string) => void;
}) {
  const sortedActors = [...actors].sort((a, b) => a.name.localeCompare(b.name));
  const count = new Map<string, number>();
  for (const r of relations) for (const id of [r.from, r.to]) count.set(id, (count.get(id) ?? 0) + 1);
  return (
    <div className="grid gap-4 lg:grid-cols-2" data-testid="on-screen">
      <table className="w-full text-sm">
        <caption className="text-left text-xs font-medium">Relations on screen ({relations.length})</caption>
        <thead className="text-left text-xs text-muted-foreground">
          <tr>
            <th scope="col">Relation</th>
            <th scope="col">When</th>
          </tr>
        </thead>
        <tbody>
          {relations.map((r) => (
            <tr key={r.id} className="border-t align-top">
              <td className="py-1 pr-2">
                <Link href={relationHref(r.id)} className="text-primary hover:underline">
                  {name(r.from)} {relationVerb(r.type)} {name(r.to)}
                </Link>
                {r.role ? <span className="text-muted-foreground"> ({r.role})</span> : null}
                {r.former ? <span className="text-muted-foreground"> — former</span> : null}
              </td>
              <td className="py-1 text-xs text-muted-foreground">{r.when ?? "not dated"}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className="w-full text-sm">
        <caption className="text-left text-xs font-medium">Actors on screen ({actors.length})</caption>
        <thead className="text-left text-xs text-muted-foreground">
          <tr>
            <th scope="col">Actor</th>
            <th scope="col">Kind</th>
            <th scope="col">Relations on screen</th>
          </tr>
        </thead>
        <tbody>
          {sortedActors.map((a) => (
            <tr key={a.id} className="border-t">
              <td className="py-1 pr-2">
                <button type="button" className="text-left text-primary hover:underline" onClick={() => onSelect(a.id)}>
                  {a.name}
                </button>
              </td>
              <td className="py-1 pr-2 text-xs">{kindLabel(a.kind)}</td>
              <td className="py-1 tabular-nums">{count.get(a.id) ?? 0}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
