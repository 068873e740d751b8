/**
 * The canvas the graph is drawn on (cytoscape.js), kept equal to the view's state: the library
 * loaded on demand, the canvas made once it is, taps turned into a selection, the actors and
 * relations drawn added and removed as the state changes, and pan and zoom by button and keyboard.
 */
import type { Core, CytoscapeOptions, ElementDefinition } from "cytoscape";
import { type KeyboardEvent, type RefObject, useCallback, useEffect, useRef, useState } from "react";
import { radius } from "@/lib/graph-layout";
import { CANVAS_OPTIONS, graphStyle } from "@/lib/graph-style";
import type { ExplorerActor, ExplorerRelation, Selection } from "./graph-data";
import { type ThemeColors, themeColors } from "./graph-theme";

const CYTOSCAPE_STYLESHEET = "__________cytoscape_stylesheet";
const PAN_STEP = 60;
export const ZOOM_STEP = 1.25;

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

/** Phase one: load the canvas library. `ready` once it has; phase two (useGraphCanvas) draws. */
export function useCanvasLibrary() {
  const [ready, setReady] = useState(false);
  const createGraph = useRef<((options: CytoscapeOptions) => Core) | null>(null);
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
  return { ready, createGraph };
}

/** What the canvas is kept equal to: the actors on screen and where they are put, and the relations drawn. */
interface Drawn {
  byId: Map<string, ExplorerActor>;
  /** The actors on screen, in the order they came. */
  shownIds: string[];
  shown: ReadonlySet<string>;
  /** The relations drawn. */
  visible: ExplorerRelation[];
  /** The actors drawn faint: none of their relations is drawn at the month. */
  faded: ReadonlySet<string>;
  /** Relations on the paths asked for. */
  onPath: ReadonlySet<string>;
  /** Where each actor is put; dragging one moves it here too. */
  placed: RefObject<Map<string, { x: number; y: number }>>;
  focusId: string | undefined;
}

/**
 * Makes the canvas in `container`, in the theme's colours and repainted when the theme changes:
 * taps select, a drag keeps the actor's new place, and pan and zoom are reported. Returns the
 * canvas and what takes it down again.
 */
function mountCanvas(
  cytoscape: (options: CytoscapeOptions) => Core,
  container: HTMLDivElement,
  {
    focusId,
    placed,
    setSelected,
    setViewport,
  }: Pick<Drawn, "focusId" | "placed"> & {
    setSelected: (selection: Selection) => void;
    setViewport: (viewport: ReturnType<typeof viewportOf>) => void;
  },
): { cy: Core; unmount: () => void } {
  const colors = themeColors();
  // cytoscape adds a <style> (position: relative) unless an element with this id exists; the CSP
  // would refuse that un-nonced style, and the container is `relative` already.
  if (!document.getElementById(CYTOSCAPE_STYLESHEET)) {
    const marker = document.createElement("template");
    marker.id = CYTOSCAPE_STYLESHEET;
    document.head.append(marker);
  }
  const cy = cytoscape({
    container,
    style: graphStyle(colors),
    ...CANVAS_OPTIONS,
  });
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
  return {
    cy,
    unmount: () => {
      observer.disconnect();
      media.removeEventListener("change", repaint);
      cy.destroy();
    },
  };
}

/**
 * Brings the canvas to the state: what left the screen is removed; actors and relations that came
 * are added, at their places and in the theme's colours; actors with no relation drawn are faint.
 */
function drawState(cy: Core, { byId, shownIds, shown, visible, faded, onPath, placed, focusId }: Drawn) {
  const colors = cy.scratch("colors") as ThemeColors;
  const wantEdges = new Set(visible.map((r) => r.id));
  cy.batch(() => {
    cy.edges().forEach((e) => {
      if (!wantEdges.has(e.id())) e.remove();
    });
    cy.nodes().forEach((n) => {
      if (!shown.has(n.id())) n.remove();
    });
    const added: ElementDefinition[] = [];
    for (const id of shownIds) {
      const actor = byId.get(id);
      if (!actor || !cy.getElementById(id).empty()) continue;
      const hub = actor.degree >= 8 || shownIds.length <= 40;
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
}

export function useGraphCanvas({
  library: { ready, createGraph },
  fromKeyboard,
  onReady,
  setSelected,
  byId,
  shownIds,
  shown,
  visible,
  faded,
  onPath,
  placed,
  focusId,
}: Drawn & {
  library: ReturnType<typeof useCanvasLibrary>;
  /** Asked for from the keyboard: the canvas takes the focus once drawn. */
  fromKeyboard: boolean;
  onReady: () => void;
  setSelected: (selection: Selection) => void;
}) {
  const [viewport, setViewport] = useState({ zoom: 1, x: 0, y: 0, focus: "" });
  const container = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | null>(null);

  // Tell the page, and asked for from the keyboard, give the canvas the focus the button had.
  useEffect(() => {
    if (!ready) return;
    onReady();
    if (fromKeyboard) container.current?.focus();
  }, [ready, fromKeyboard, onReady]);

  useEffect(() => {
    const cytoscape = createGraph.current;
    if (!ready || !cytoscape || !container.current) return;
    const { cy, unmount } = mountCanvas(cytoscape, container.current, { focusId, placed, setSelected, setViewport });
    cyRef.current = cy;
    return () => {
      unmount();
      cyRef.current = null;
    };
  }, [ready, createGraph, focusId, placed, setSelected]);

  // Keep the canvas equal to the state: actors shown, relations holding at the month, classes.
  const fitted = useRef(false);
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    drawState(cy, { byId, shownIds, shown, visible, faded, onPath, placed, focusId });
    if (!fitted.current) {
      fitView(cy, focusId);
      fitted.current = true;
    }
    setViewport(viewportOf(cy, focusId));
  }, [ready, shownIds, shown, visible, faded, byId, focusId, onPath, placed]);

  const zoomBy = useCallback((factor: number) => {
    const cy = cyRef.current;
    if (!cy) return;
    cy.zoom({ level: cy.zoom() * factor, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
  }, []);

  const fit = () => cyRef.current && fitView(cyRef.current, focusId);

  const onKey = (e: KeyboardEvent) => {
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

  /** Selects an actor on the canvas too (picked in the table). */
  const selectNode = (id: string) => {
    cyRef.current?.getElementById(id).select();
  };

  return { container, viewport, zoomBy, fit, onKey, selectNode };
}
