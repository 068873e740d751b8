"use client";
/**
 * The graph to work in (cytoscape.js on a canvas): pan and zoom by mouse, touch or keyboard; grow
 * the view from an actor by relation type, collapse it back, undo; the network at a chosen month
 * with playback; a table of exactly what is on screen. It starts from the server's layout. This
 * module, the canvas library and the time and label rules it uses load only once the reader
 * reaches for the graph (graph-explorer.tsx), which shows the server's SVG until the canvas is up.
 * Here the parts meet: which actors are shown (use-graph-view.ts), the month (use-timeline.ts),
 * the canvas (use-graph-canvas.ts), and the panels around it.
 */
import { useMemo, useState } from "react";
import { collapse, hiddenNeighbours } from "@/lib/graph-explore";
import { plural } from "@/lib/utils";
import type { ExplorerActor, GraphData, Selection } from "./graph-data";
import { GraphToolbar } from "./graph-toolbar";
import { OnScreen } from "./on-screen-table";
import { SelectionPanel } from "./selection-panel";
import { TimeControls } from "./time-controls";
import { useCanvasLibrary, useGraphCanvas } from "./use-graph-canvas";
import { useGraphView } from "./use-graph-view";
import { useDrawn, useTimeline } from "./use-timeline";

export type { ExplorerActor, ExplorerRelation, GraphData } from "./graph-data";

interface Props extends GraphData {
  /** Asked for from the keyboard: the canvas takes the focus once drawn. */
  fromKeyboard: boolean;
  /** Told once the library has loaded and the canvas is up: the page then puts its drawing away. */
  onReady: () => void;
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
  const view = useGraphView({ relations, positions, focusId });
  const [selected, setSelected] = useState<Selection>(focusId ? { kind: "actor", id: focusId } : null);
  const [table, setTable] = useState(false);
  const library = useCanvasLibrary();
  const time = useTimeline({ relations, at, showUndated, ready: library.ready });
  const { visible, faded } = useDrawn({
    relations,
    shownIds: view.shownIds,
    shown: view.shown,
    month: time.month,
    undated: time.undated,
  });
  const onPath = useMemo(() => new Set(highlight), [highlight]);
  const canvas = useGraphCanvas({
    library,
    focusId,
    fromKeyboard,
    onReady,
    byId,
    shownIds: view.shownIds,
    shown: view.shown,
    visible,
    faded,
    onPath,
    placed: view.placed,
    setSelected,
  });

  const selectedActor = selected?.kind === "actor" ? byId.get(selected.id) : undefined;
  const selectedRelation = selected?.kind === "relation" ? relationById.get(selected.id) : undefined;
  const name = (id: string) => byId.get(id)?.name ?? id;
  const { shownIds, shown } = view;

  return (
    <>
      {library.ready && (
        <>
          <GraphToolbar
            zoomBy={canvas.zoomBy}
            fit={canvas.fit}
            undo={view.undo}
            steps={view.steps}
            table={table}
            toggleTable={() => setTable((t) => !t)}
            actors={shownIds.length}
            relations={visible.length}
          />
          <div
            ref={canvas.container}
            // biome-ignore lint/a11y/noNoninteractiveTabindex: the canvas takes arrow keys, + − and 0 to pan and zoom.
            tabIndex={0}
            role="application"
            aria-label={`Relation graph, ${plural(shownIds.length, "actor")} and ${plural(visible.length, "relation")}. Arrow keys pan, plus and minus zoom, 0 fits; the table lists what is on screen.`}
            onKeyDown={canvas.onKey}
            className="relative h-[min(70vh,40rem)] w-full touch-none rounded-lg border bg-card focus-visible:outline-2 focus-visible:outline-ring"
            data-testid="graph-canvas"
            data-zoom={canvas.viewport.zoom.toFixed(3)}
            data-pan={`${Math.round(canvas.viewport.x)},${Math.round(canvas.viewport.y)}`}
            data-focus={canvas.viewport.focus}
            data-actors={shownIds.length}
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
            collapsible={selectedActor ? collapse(relations, shown, selectedActor.id, view.keep).length : 0}
            onExpand={view.grow}
            onCollapse={view.shrink}
          />
          {time.span && (
            <TimeControls
              span={time.span}
              month={time.month}
              setMonth={time.setMonth}
              playing={time.playing}
              setPlaying={time.setPlaying}
              undated={time.undated}
              setUndated={time.setUndated}
            />
          )}
          {table && (
            <OnScreen
              actors={shownIds.map((id) => byId.get(id)).filter((a): a is ExplorerActor => a !== undefined)}
              relations={visible}
              name={name}
              onSelect={(id) => {
                setSelected({ kind: "actor", id });
                canvas.selectNode(id);
              }}
            />
          )}
        </>
      )}
    </>
  );
}
