"use client";
/**
 * Where the graph to work in (graph-workbench.tsx) comes in. The page arrives with the server's
 * SVG drawing, which is all a reader without JavaScript gets and all one who only looks needs. The
 * workbench — its code, the canvas library (about 110 KB compressed) and the time and label rules
 * — loads when the reader reaches for the graph: the pointer over it, a touch, or the "Explore"
 * button from the keyboard. Loaded with the page, evaluating and drawing it held a phone's main
 * thread for over a second.
 */
import { Move } from "lucide-react";
import { lazy, type ReactNode, Suspense, useCallback, useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import type { GraphData } from "./graph-workbench";

const GraphWorkbench = lazy(() => import("./graph-workbench").then((m) => ({ default: m.GraphWorkbench })));

export function GraphExplorer({ children, ...data }: GraphData & { children: ReactNode }) {
  // Hydrated (the button can work), asked for (the workbench loads), drawn (the canvas is up).
  const [hydrated, setHydrated] = useState(false);
  const [wanted, setWanted] = useState<"pointer" | "keyboard" | null>(null);
  const [ready, setReady] = useState(false);
  useEffect(() => setHydrated(true), []);
  const want = (how: "pointer" | "keyboard") => setWanted((w) => w ?? how);
  const onReady = useCallback(() => setReady(true), []);

  return (
    <div
      className="relative flex flex-col gap-3"
      data-testid="graph-explorer"
      data-ready={ready ? "true" : "false"}
      onPointerEnter={() => want("pointer")}
      onPointerDown={() => want("pointer")}
    >
      {!ready && hydrated && (
        // Over the drawing's corner, so its appearing moves nothing.
        <Button variant="outline" size="sm" className="absolute top-2 right-2 z-10" onClick={() => want("keyboard")}>
          <Move aria-hidden />
          {wanted ? "Loading the graph…" : "Explore: pan, zoom, grow"}
        </Button>
      )}
      {!ready && children}
      {wanted && (
        <Suspense fallback={null}>
          <GraphWorkbench {...data} fromKeyboard={wanted === "keyboard"} onReady={onReady} />
        </Suspense>
      )}
    </div>
  );
}
