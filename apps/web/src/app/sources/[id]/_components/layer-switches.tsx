/**
 * The reader's switches: a chip per highlight layer (with how many annotations it holds) that turns
 * it on or off, and one that hides or shows the boilerplate. Each is a link, so the URL says what is on.
 */
import { Check, EyeOff } from "lucide-react";
import Link from "@/components/ui/link";
import { LAYER_KEYS, LAYERS, layerOf } from "@/lib/reader";
import type { Annotation } from "@/lib/types";
import { cn } from "@/lib/utils";
import type { ReaderView } from "./reader-view";

export function LayerSwitches({
  annotations,
  view: { layers, toggled, boilerplateToggle, hideBoilerplate, hidden },
}: {
  annotations: Annotation[];
  view: ReaderView;
}) {
  return (
    <div className="flex flex-col gap-2 rounded-lg border bg-card p-3">
      <p id="layers-label" className="text-xs font-medium text-muted-foreground">
        Highlight layers (click one to switch it on or off)
      </p>
      <ul aria-labelledby="layers-label" className="flex flex-wrap gap-1.5">
        {LAYER_KEYS.map((layer) => {
          const on = layers.includes(layer);
          const count = annotations.filter((a) => layerOf(a.type) === layer).length;
          return (
            <li key={layer}>
              <Link
                href={toggled(layer)}
                scroll={false}
                title={LAYERS[layer].description}
                className={cn(
                  "inline-flex items-center gap-1.5 rounded-full border px-2.5 py-1 text-xs hover:bg-muted",
                  on ? "border-primary bg-accent" : "text-muted-foreground",
                )}
                data-layer={layer}
                data-on={on}
              >
                <span
                  aria-hidden
                  className={cn("inline-block h-1 w-4 rounded", `swatch-${layer}`, !on && "opacity-40")}
                />
                {LAYERS[layer].label}
                <span className="tabular-nums text-muted-foreground">{count}</span>
                {on ? <Check aria-hidden className="size-3" /> : null}
                <span className="sr-only">{on ? "(shown; hide)" : "(hidden; show)"}</span>
              </Link>
            </li>
          );
        })}
        <li>
          <Link
            href={boilerplateToggle}
            scroll={false}
            className="inline-flex items-center gap-1.5 rounded-full border border-dashed px-2.5 py-1 text-xs hover:bg-muted"
          >
            <EyeOff aria-hidden className="size-3" />
            {hideBoilerplate ? `Show boilerplate (${hidden} hidden)` : "Hide boilerplate"}
          </Link>
        </li>
      </ul>
    </div>
  );
}
