/** The events linked to this one — what it is part of, its parts, what it answers and its responses — a card per kind of link. */

import { EventLinks } from "@/components/event-links";
import { Section } from "@/components/page";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { EventDetail } from "@/lib/types";
import { relatedGroups } from "./event-data";

export function RelatedEvents({ event }: { event: EventDetail }) {
  const groups = relatedGroups(event);
  if (groups.length === 0) return null;
  return (
    <Section id="related" title="Related events">
      <div className="grid gap-3 sm:grid-cols-2">
        {groups.map((g) => (
          <Card key={g.title}>
            <CardHeader>
              <CardTitle className="text-sm">{g.title}</CardTitle>
            </CardHeader>
            <CardContent>
              <EventLinks events={g.items} />
            </CardContent>
          </Card>
        ))}
      </div>
    </Section>
  );
}
