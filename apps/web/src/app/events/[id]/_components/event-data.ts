/**
 * What an event's page loads and works out from it: the event itself, its date in words (a day,
 * or the days it may have fallen on), the events it is linked to by kind of link, and the
 * documents a reported figure comes from.
 */
import { describeTime } from "@atlas/schema";
import type { EventDetail, Fatality } from "@/lib/types";
import { load } from "@/trpc/load";
import { getEvent } from "@/trpc/records";

/** The event, or why it could not be loaded (one that does not exist is the 404 page). */
export function loadEvent(id: string) {
  return load("the event", () => getEvent(id));
}

const dayWords = (iso: string) => describeTime({ edtf: iso });

/** "One day.", or the first and last day the event may have fallen on, an open side named as such. */
export function daysWords(event: Pick<EventDetail, "earliest" | "latest">): string {
  return event.earliest && event.earliest === event.latest
    ? "One day."
    : `Any day from ${event.earliest ? dayWords(event.earliest) : "an unknown start (no earlier bound)"} to ${event.latest ? dayWords(event.latest) : "an unknown end (no later bound)"}.`;
}

/** The events this one is linked to, a group per kind of link; kinds with none are left out. */
export function relatedGroups(event: EventDetail) {
  return [
    { title: "Part of", items: event.partOf ? [event.partOf] : [] },
    { title: "Parts of this event", items: event.parts },
    { title: "In response to", items: event.respondsTo },
    { title: "Responses to this event", items: event.responses },
  ].filter((g) => g.items.length > 0);
}

/** The documents a figure is quoted from, each once, in the order of its quotes. */
export function reportingSources(f: Fatality) {
  return [...new Map(f.evidence.map((q) => [q.source.id, q.source])).values()];
}
