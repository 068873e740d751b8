/** The timeline: events in time order under their year, each with its date as precise as it is known. */
import type { EventSummary } from "../data.js";
import type { DocBuilder } from "../doc.js";
import { cell } from "../format/text.js";
import { compactTime } from "../format/time.js";
import { kindLabel, timeColumn } from "./common.js";
import type { Screen } from "./screen.js";

const KIND = 13;

const OPEN_START = "Start unknown (by the latest it can have happened)";

/** The heading an event sorts under: the first year it may have happened in. */
const yearOf = (e: EventSummary) => (e.earliest ? e.earliest.slice(0, 4) : OPEN_START);

/**
 * Time order. An event whose start is unknown cannot be placed by it; those come first, together,
 * ordered by the last day they can have happened.
 */
export function timelineOrder(events: EventSummary[]): EventSummary[] {
  const open = events.filter((e) => !e.earliest);
  const latest = (e: EventSummary) => e.latest ?? "9999-12-31";
  open.sort((a, b) => latest(a).localeCompare(latest(b)) || a.id.localeCompare(b.id));
  return [...open, ...events.filter((e) => e.earliest)];
}

export function eventsScreen(all: EventSummary[], b: DocBuilder): Screen {
  const events = timelineOrder(all);
  const times = events.map((e) => compactTime(e.time));
  const tw = timeColumn(times, 20);
  let year: string | null = null;
  events.forEach((e, i) => {
    const y = yearOf(e);
    if (y !== year) {
      b.heading(y);
      year = y;
    }
    b.row(
      [
        { text: `${cell(times[i] ?? "", tw)} `, tone: "muted" },
        { text: `${cell(kindLabel(e.kind), KIND - 1)} `, tone: "stance" },
        { text: e.title },
      ],
      { kind: "event", id: e.id },
    );
  });
  if (events.length === 0) b.note("No events.");
  return { title: `Events (${events.length}) · timeline, earliest first`, doc: b.build() };
}
