/**
 * Which actors the graph to work in shows, and where: grown from an actor by relation type,
 * collapsed back, each step undoable. The rules are @/lib/graph-explore's; this holds the state.
 */
import { useMemo, useReducer, useRef } from "react";
import { collapse, expand, ringAround } from "@/lib/graph-explore";
import type { ExplorerRelation } from "./graph-data";

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

export function useGraphView({
  relations,
  positions,
  focusId,
}: {
  relations: ExplorerRelation[];
  positions: Record<string, { x: number; y: number }>;
  focusId: string | undefined;
}) {
  const [state, dispatch] = useReducer(reducer, { shown: Object.keys(positions), history: [] });
  // Where each actor is: the server's layout, then rings around the actor grown from, then where dragged.
  const placed = useRef(new Map(Object.entries(positions)));
  const shown = useMemo(() => new Set(state.shown), [state.shown]);

  const grow = (id: string, type: string | null) => {
    const added = expand(relations, shown, id, type);
    if (added.length === 0) return;
    const centre = placed.current.get(id) ?? { x: 0, y: 0 };
    ringAround(centre, added.length).forEach((p, i) => {
      placed.current.set(added[i] as string, p);
    });
    dispatch({ type: "show", shown: [...state.shown, ...added] });
  };
  // The focus stays on screen whatever is collapsed.
  const keep = useMemo(() => new Set(focusId ? [focusId] : []), [focusId]);
  const shrink = (id: string) => {
    const removed = new Set(collapse(relations, shown, id, keep));
    if (removed.size) dispatch({ type: "show", shown: state.shown.filter((n) => !removed.has(n)) });
  };
  const undo = () => dispatch({ type: "undo" });

  return { shownIds: state.shown, shown, steps: state.history.length, placed, keep, grow, shrink, undo };
}
