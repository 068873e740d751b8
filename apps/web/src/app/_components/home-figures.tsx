/** "What the atlas holds": its totals, each a link to the list it counts. */
import { Section } from "@/components/page";
import Link from "@/components/ui/link";
import type { Figure } from "./home-data";

export function HomeFigures({ figures }: { figures: Figure[] }) {
  return (
    <Section title="What the atlas holds">
      <ul className="grid grid-cols-2 gap-3 sm:grid-cols-4 lg:grid-cols-7">
        {figures.map((f) => (
          <li key={f.label}>
            <Link href={f.href} className="flex h-full flex-col rounded-lg border bg-card p-3 hover:border-primary">
              <span className="text-2xl font-semibold tabular-nums">{f.n.toLocaleString("en")}</span>
              <span className="text-sm">{f.label}</span>
              {f.note && <span className="text-xs text-muted-foreground">{f.note}</span>}
            </Link>
          </li>
        ))}
      </ul>
    </Section>
  );
}
