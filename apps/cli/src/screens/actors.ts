/** The actor directory: one row per actor with how often it appears, sorted by name or by a count. */
import type { ActorSummary } from "../data.js";
import type { DocBuilder } from "../doc.js";
import { cell } from "../format/text.js";
import type { ActorSort } from "../state/views.js";
import { kindLabel } from "./common.js";
import type { Screen } from "./screen.js";

const COUNTS = [
  ["mentions", "Mentions"],
  ["events", "Events"],
  ["claims", "Claims"],
  ["relations", "Relations"],
] as const;
const NUM = 10;
const KIND = 16;

export function sortActors(actors: ActorSummary[], sort: ActorSort): ActorSummary[] {
  const byName = (a: ActorSummary, b: ActorSummary) =>
    a.name.localeCompare(b.name, "en", { sensitivity: "base" }) || a.id.localeCompare(b.id);
  if (sort === "name") return [...actors].sort(byName);
  return [...actors].sort((a, b) => b.counts[sort] - a.counts[sort] || byName(a, b));
}

export function actorsScreen(actors: ActorSummary[], sort: ActorSort, b: DocBuilder): Screen {
  // As many count columns as fit while names keep 20 columns.
  const shown = COUNTS.filter((_, i) => b.width - KIND - (i + 1) * NUM >= 22);
  const nameW = b.width - KIND - shown.length * NUM;
  // Cells are one narrower than their column: the last column of each is the gap.
  b.label([
    { text: `${cell("Name", nameW - 1)} ${cell("Kind", KIND)}`, tone: "muted" },
    { text: shown.map(([, label]) => cell(label, NUM, "right")).join(""), tone: "muted" },
  ]);
  for (const a of sortActors(actors, sort)) {
    b.row(
      [
        { text: `${cell(a.name, nameW - 1)} ` },
        { text: cell(kindLabel(a.kind), KIND), tone: "muted" },
        { text: shown.map(([key]) => cell(String(a.counts[key]), NUM, "right")).join("") },
      ],
      { kind: "actor", id: a.id },
    );
  }
  if (actors.length === 0) b.note("No actors.");
  return { title: `Actors (${actors.length}) · sorted by ${sort} · s to change`, doc: b.build() };
}
