/** Links to events, one a line, each by its title: the events related to an event, the events a claim is about. */
import Link from "@/components/ui/link";
import { eventHref } from "@/lib/links";

/** `label` goes before each link ("Event:"), where the list stands beside other kinds of record. */
export function EventLinks({ events, label }: { events: { id: string; title: string }[]; label?: string }) {
  return (
    <ul className="flex flex-col gap-1">
      {events.map((e) => (
        <li key={e.id}>
          {label && <>{label} </>}
          <Link href={eventHref(e.id)} className="text-primary hover:underline">
            {e.title}
          </Link>
        </li>
      ))}
    </ul>
  );
}
