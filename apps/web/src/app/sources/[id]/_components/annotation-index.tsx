/** Every annotation, by layer: the keyboard-friendly way to every highlight. */
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import Link from "@/components/ui/link";
import { LAYER_KEYS, LAYERS, layerOf } from "@/lib/reader";
import type { Annotation } from "@/lib/types";
import { clip } from "./reader-view";

export function AnnotationIndex({
  annotations,
  hrefOf,
  spanLink,
}: {
  annotations: Annotation[];
  hrefOf: (a: Annotation) => string;
  spanLink: (s: number, e: number) => string;
}) {
  return (
    <Card>
      <CardHeader>
        <CardTitle level={2} className="text-sm">
          Annotations in this document
        </CardTitle>
      </CardHeader>
      <CardContent className="flex flex-col gap-1 text-sm">
        {LAYER_KEYS.map((layer) => {
          const items = annotations.filter((a) => layerOf(a.type) === layer);
          if (items.length === 0) return null;
          const grouped = new Map<string, Annotation[]>();
          for (const a of items)
            grouped.set(`${a.type}:${a.recordId}`, [...(grouped.get(`${a.type}:${a.recordId}`) ?? []), a]);
          return (
            <details key={layer} className="rounded-md border px-2 py-1">
              <summary className="flex items-center gap-2 py-0.5">
                <span aria-hidden className={`inline-block size-2.5 rounded-full swatch-${layer}`} />
                {LAYERS[layer].label}
                <span className="ml-auto text-xs text-muted-foreground tabular-nums">{items.length}</span>
              </summary>
              <ul className="mt-1 mb-1 flex flex-col gap-1.5">
                {[...grouped.values()].map((group) => {
                  const a = group[0] as Annotation;
                  return (
                    <li key={`${a.type}:${a.recordId}`} className="flex flex-col">
                      <Link href={hrefOf(a)} className="text-primary hover:underline">
                        {clip(a.label, 140)}
                      </Link>
                      <span className="flex flex-wrap gap-x-2 text-xs text-muted-foreground">
                        {group.slice(0, 6).map((g, i) => (
                          <Link key={`${g.start}-${g.end}`} href={spanLink(g.start, g.end)} className="hover:underline">
                            {group.length === 1 ? "show in text" : `#${i + 1}`}
                          </Link>
                        ))}
                        {group.length > 6 && <span>+{group.length - 6}</span>}
                      </span>
                    </li>
                  );
                })}
              </ul>
            </details>
          );
        })}
      </CardContent>
    </Card>
  );
}
