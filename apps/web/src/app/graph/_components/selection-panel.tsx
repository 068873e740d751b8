/** What is selected in the graph: a relation's ends and dates, or an actor with buttons to grow the view from it or collapse it. */
import { Button } from "@/components/ui/button";
import Link from "@/components/ui/link";
import { kindLabel, relationVerb } from "@/lib/labels";
import { actorHref, dossierHref, relationHref } from "@/lib/links";
import { plural, words } from "@/lib/utils";
import type { ExplorerActor, ExplorerRelation } from "./graph-data";

export function SelectionPanel({
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
