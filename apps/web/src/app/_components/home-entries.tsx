/** "Start exploring": the atlas's main pages, each with a line on what it is for. */
import { BookOpenText, CalendarRange, Map as MapIcon, Network, Swords, Users } from "lucide-react";
import { Section } from "@/components/page";
import Link from "@/components/ui/link";

const ENTRIES = [
  {
    href: "/actors",
    icon: Users,
    title: "Actors",
    text: "Militias, states, leaders and spokesmen, with every name they go by.",
  },
  {
    href: "/timeline",
    icon: CalendarRange,
    title: "Timeline",
    text: "Events as ranges: a date known to the year spans the year.",
  },
  {
    href: "/claims/contradictions",
    icon: Swords,
    title: "Contradictions",
    text: "Who says what against whom, side by side, with the words.",
  },
  {
    href: "/sources",
    icon: BookOpenText,
    title: "Reader",
    text: "The documents themselves, every annotation highlighted.",
  },
  {
    href: "/graph",
    icon: Network,
    title: "Relation graph",
    text: "Leadership, backing, membership and enmity between actors.",
  },
  { href: "/map", icon: MapIcon, title: "Map", text: "Where events happened, with each point's gazetteer named." },
];

export function HomeEntries() {
  return (
    <Section title="Start exploring">
      <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {ENTRIES.map(({ href, icon: Icon, title, text }) => (
          <li key={href}>
            <Link href={href} className="flex h-full gap-3 rounded-lg border bg-card p-4 hover:border-primary">
              <Icon aria-hidden className="mt-0.5 size-5 shrink-0 text-primary" />
              <span className="flex flex-col gap-0.5">
                <span className="font-medium">{title}</span>
                <span className="text-sm text-muted-foreground">{text}</span>
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </Section>
  );
}
