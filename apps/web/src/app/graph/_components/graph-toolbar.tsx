/** The buttons above the graph: zoom, fit, undo, the table of what is on screen, and how much that is. */
import { Maximize, Minus, Plus, Table2, Undo2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { plural } from "@/lib/utils";
import { ZOOM_STEP } from "./use-graph-canvas";

export function GraphToolbar({
  zoomBy,
  fit,
  undo,
  steps,
  table,
  toggleTable,
  actors,
  relations,
}: {
  zoomBy: (factor: number) => void;
  fit: () => void;
  undo: () => void;
  /** How many steps there are to undo. */
  steps: number;
  /** Whether the table is shown. */
  table: boolean;
  toggleTable: () => void;
  /** How many actors and relations are on screen. */
  actors: number;
  relations: number;
}) {
  return (
    <div className="flex flex-wrap items-center gap-1.5" role="toolbar" aria-label="Graph view">
      <Button variant="outline" size="sm" onClick={() => zoomBy(ZOOM_STEP)} aria-label="Zoom in">
        <Plus aria-hidden />
      </Button>
      <Button variant="outline" size="sm" onClick={() => zoomBy(1 / ZOOM_STEP)} aria-label="Zoom out">
        <Minus aria-hidden />
      </Button>
      <Button variant="outline" size="sm" onClick={fit}>
        <Maximize aria-hidden />
        Fit
      </Button>
      <Button variant="outline" size="sm" onClick={undo} disabled={steps === 0}>
        <Undo2 aria-hidden />
        Undo{steps ? ` (${steps})` : ""}
      </Button>
      <Button variant="outline" size="sm" onClick={toggleTable} aria-pressed={table}>
        <Table2 aria-hidden />
        {table ? "Hide the table" : "Table of what is on screen"}
      </Button>
      <span className="ml-auto text-xs text-muted-foreground" aria-live="polite">
        {plural(actors, "actor")}, {plural(relations, "relation")} on screen
      </span>
    </div>
  );
}
