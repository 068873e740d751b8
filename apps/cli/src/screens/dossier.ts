/**
 * An actor's citable profile as text: `atlas dossier` prints it alone, each line followed by its
 * footnote numbers and the footnotes at the end; the actor's screen carries it below the record,
 * each line's footnotes right under it, so a quote is one key away from its line. The dossier
 * itself is built by the API (@atlas/data's `dossier`), as for the web and the Markdown export.
 */
import type { Dossier } from "../data.js";
import type { DocBuilder, Seg } from "../doc.js";
import type { Target } from "../state/views.js";
import { kindLabel, plural } from "./common.js";
import type { Screen } from "./screen.js";

type Note = Dossier["notes"][number];
type DossierLine = Dossier["sections"][number]["lines"][number];

const oneLine = (s: string) => s.replace(/\s+/g, " ");

/** Where Enter goes from a line: the claim it is, else the event, else the actor it names. */
function lineTarget(line: DossierLine): Target | undefined {
  const claim = line.parts.find((p) => p.claimId)?.claimId;
  if (claim) return { kind: "claim", id: claim };
  const event = line.parts.find((p) => p.eventId)?.eventId;
  if (event) return { kind: "event", id: event };
  const actor = line.parts.find((p) => p.actorId)?.actorId;
  return actor ? { kind: "actor", id: actor } : undefined;
}

/** A footnote: its number, the quote, the source and date; Enter opens the document at the words. */
function noteItem(b: DocBuilder, { n, quote, citation }: Note, indent: number, width: number) {
  b.text(
    [
      { text: `[${n}]`.padEnd(width + 1) },
      { text: `“${oneLine(quote.quote).trim()}”` },
      { text: ` — ${citation}`, tone: "muted" },
    ],
    { indent, hang: width + 1, target: { kind: "reader", id: quote.sourceId, focus: quote } },
  );
}

/**
 * The dossier's fields, each under its title; "Not reported in the sources." muted where the
 * documents are silent. `notes`: "end" lists the footnotes after the fields (a printed page),
 * "under" puts each line's footnotes under it (a screen to move through).
 */
export function dossierFields(d: Dossier, b: DocBuilder, notes: "end" | "under"): void {
  const width = String(d.notes.length).length + 2;
  const byNumber = new Map(d.notes.map((note) => [note.n, note]));
  for (const section of d.sections) {
    b.heading(section.title);
    for (const line of section.lines) {
      const segs: Seg[] = line.parts.map((p) =>
        !section.reported
          ? { text: p.text, tone: "muted" }
          : p.actorId
            ? { text: p.text, tone: "accent" }
            : { text: p.text },
      );
      if (line.notes.length) segs.push({ text: ` ${line.notes.map((n) => `[${n}]`).join("")}`, tone: "muted" });
      const target = lineTarget(line);
      b.text(segs, { indent: 2, hang: 2, ...(target ? { target } : { selectable: section.reported }) });
      if (notes === "under")
        for (const n of line.notes) {
          const note = byNumber.get(n);
          if (note) noteItem(b, note, 6, width);
        }
    }
  }
  if (notes === "end") {
    b.heading("Notes", d.notes.length);
    for (const note of d.notes) noteItem(b, note, 2, width);
  }
}

export function dossierScreen(d: Dossier, b: DocBuilder): Screen {
  b.text([{ text: d.actor.name, tone: "title" }]);
  b.text([
    {
      text: `${kindLabel(d.actor.kind)} · ${d.actor.id} · dossier built only from ${plural(d.sources.length, "source")}`,
      tone: "muted",
    },
  ]);
  dossierFields(d, b, "end");
  return { title: `Dossier · ${d.actor.name}`, doc: b.build() };
}
