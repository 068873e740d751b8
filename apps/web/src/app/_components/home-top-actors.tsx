/** "Most mentioned actors": the actors the documents name most, each with its count of mentions. */
import { ActorLink } from "@/components/actor-link";
import { Section } from "@/components/page";
import { Badge } from "@/components/ui/badge";
import type { Stats } from "@/lib/types";

export function HomeTopActors({ actors }: { actors: Stats["topActors"] }) {
  return (
    <Section title="Most mentioned actors">
      <ul className="flex flex-wrap gap-2">
        {actors.map((a) => (
          <li key={a.id} className="flex items-center gap-1.5 rounded-full border bg-card py-1 pr-2 pl-2.5 text-sm">
            <ActorLink actor={a} />
            <Badge variant="secondary" className="tabular-nums" title={`${a.mentions} mentions`}>
              {a.mentions}
            </Badge>
          </li>
        ))}
      </ul>
    </Section>
  );
}
