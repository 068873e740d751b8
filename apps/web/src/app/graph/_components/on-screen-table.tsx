/** A table of exactly what is on screen: the relations drawn, and the actors with how many of them each has. */
import Link from "@/components/ui/link";
import { kindLabel, relationVerb } from "@/lib/labels";
import { relationHref } from "@/lib/links";
import type { ExplorerActor, ExplorerRelation } from "./graph-data";

export function OnScreen({
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
