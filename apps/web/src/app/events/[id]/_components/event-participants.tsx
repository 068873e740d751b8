/** An event's participants, each with its role (an alleged perpetrator marked) and what the role means. */
import { ActorLink } from "@/components/actor-link";
import { Empty, Section } from "@/components/page";
import { Badge } from "@/components/ui/badge";
import { roleDescription, roleLabel } from "@/lib/labels";
import type { EventDetail } from "@/lib/types";

export function EventParticipants({ participants }: { participants: EventDetail["participants"] }) {
  return (
    <Section id="participants" title="Participants and roles" count={participants.length}>
      {participants.length === 0 ? (
        <Empty>No participants recorded.</Empty>
      ) : (
        <ul className="grid gap-2 sm:grid-cols-2">
          {participants.map((p) => (
            <li key={`${p.actor.id}:${p.role}`} className="flex flex-col gap-1 rounded-lg border bg-card p-3">
              <div className="flex flex-wrap items-center gap-2">
                <ActorLink actor={p.actor} />
                <Badge
                  variant={p.role === "alleged_perpetrator" ? "warning" : "outline"}
                  title={roleDescription(p.role)}
                >
                  {roleLabel(p.role)}
                </Badge>
              </div>
              <p className="text-xs text-muted-foreground">{roleDescription(p.role)}</p>
              {p.note && <p className="text-sm">{p.note}</p>}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
