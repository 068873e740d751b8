/** One event: when (with how we know), who took part in which role, deaths as reported, every source that tells it. */
import { describeDeathCount } from "@atlas/schema";
import type { EventDetail } from "../data.js";
import type { DocBuilder } from "../doc.js";
import { compactTime, describeTime, timeBasis } from "../format/time.js";
import { claimItem, kindLabel, plural, quote } from "./common.js";
import type { Screen } from "./screen.js";

/** A toll as reported: a number, a range, the document's words, or no number at all (never 0 for unknown). */
export function fatalityText(
  f: Pick<EventDetail["fatalities"][number], "low" | "high" | "who"> & { expression?: string | null },
): string {
  if (f.low === null && f.high === null) return `${f.who}: no number given`;
  return `${describeDeathCount(f)} — ${f.who}`;
}

export function eventScreen(e: EventDetail, b: DocBuilder): Screen {
  b.text([{ text: e.title, tone: "title" }]);
  b.text([
    { text: `${kindLabel(e.kind)} · ${compactTime(e.time)}`, tone: "muted" },
    ...(e.place ? [{ text: ` · ${e.place.name}`, tone: "muted" as const }] : []),
  ]);
  b.text([{ text: e.id, tone: "muted" }]);
  const basis = timeBasis(e.time);
  b.text([{ text: `When: ${describeTime(e.time)}${basis ? ` (${basis})` : ""}` }], { hang: 6 });
  if (e.time.note) b.text([{ text: e.time.note, tone: "muted" }], { indent: 6 });
  if (e.placeNote) b.text([{ text: `Where: ${e.placeNote}` }], { hang: 7 });
  b.text([{ text: e.summary }]);

  b.heading("Participants", e.participants.length);
  if (e.participants.length === 0) b.note("none recorded");
  for (const p of e.participants) {
    b.text(
      [
        { text: `${kindLabel(p.role)}: `, tone: "stance" },
        { text: p.actor.name, tone: "accent" },
        ...(p.note ? [{ text: ` (${p.note})`, tone: "muted" as const }] : []),
      ],
      { indent: 2, hang: 2, target: { kind: "actor", id: p.actor.id } },
    );
  }

  if (e.fatalities.length) {
    b.heading("Deaths as reported", e.fatalities.length);
    b.note(e.deathsAgreement);
    for (const f of e.fatalities) {
      b.text(
        [
          { text: fatalityText(f) },
          ...(f.reportedBy ? [{ text: ` — according to ${f.reportedBy.name}`, tone: "muted" as const }] : []),
        ],
        {
          indent: 2,
          hang: 2,
          ...(f.reportedBy ? { target: { kind: "actor" as const, id: f.reportedBy.id } } : { selectable: true }),
        },
      );
      for (const q of f.evidence) quote(b, q, 6);
    }
  }

  const links: [string, { id: string; title: string }[]][] = [
    ["Part of", e.partOf ? [e.partOf] : []],
    ["Parts", e.parts],
    ["Responds to", e.respondsTo],
    ["Responses", e.responses],
  ];
  for (const [label, list] of links) {
    if (list.length === 0) continue;
    b.heading(label, list.length);
    for (const l of list) b.text([{ text: l.title }], { indent: 2, hang: 2, target: { kind: "event", id: l.id } });
  }

  b.heading("Sources", e.sources.length);
  if (e.sources.length === 0) b.note("none recorded");
  for (const s of e.sources) {
    b.text([{ text: s.source.title }, { text: ` — ${plural(s.quotes.length, "passage")}`, tone: "muted" }], {
      indent: 2,
      hang: 2,
      target: { kind: "reader", id: s.source.id },
    });
    for (const q of s.quotes) quote(b, q, 6);
  }

  b.heading("Claims about it", e.claims.length);
  if (e.claims.length === 0) b.note("none recorded");
  for (const c of e.claims) claimItem(b, c, { showClaimant: true, quotes: false });
  return { title: `Event · ${e.title}`, doc: b.build() };
}
