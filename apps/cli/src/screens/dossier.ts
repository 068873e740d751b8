/**
 * `atlas dossier`: an actor's citable profile as text, each line followed by its footnote numbers
 * and the footnotes at the end (the quote, the source, its date and where the words are). The
 * dossier itself is built by the API, as for the web and the Markdown export.
 */
import type { Dossier } from "../data.js";
import type { DocBuilder, Seg } from "../doc.js";
import { kindLabel, plural } from "./common.js";
import type { Screen } from "./screen.js";

const oneLine = (s: string) => s.replace(/\s+/g, " ");

export function dossierScreen(d: Dossier, b: DocBuilder): Screen {
  b.text([{ text: d.actor.name, tone: "title" }]);
  b.text([
    {
      text: `${kindLabel(d.actor.kind)} · ${d.actor.id} · dossier built only from ${plural(d.sources.length, "source")}`,
      tone: "muted",
    },
  ]);
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
      const target = line.parts.find((p) => p.actorId)?.actorId;
      b.text(segs, { indent: 2, hang: 2, ...(target ? { target: { kind: "actor", id: target } } : {}) });
    }
  }
  b.heading("Notes", d.notes.length);
  const width = String(d.notes.length).length + 2;
  for (const { n, quote, citation } of d.notes) {
    b.text(
      [
        { text: `[${n}]`.padEnd(width + 1) },
        { text: `“${oneLine(quote.quote).trim()}”` },
        { text: ` — ${citation}`, tone: "muted" },
      ],
      { indent: 2, hang: width + 1, target: { kind: "reader", id: quote.sourceId, focus: quote } },
    );
  }
  return { title: `Dossier · ${d.actor.name}`, doc: b.build() };
}
