/** A source's metadata with the reasoning behind each inferred field, and the way into its text. */
import type { SourceDetail } from "../data.js";
import type { DocBuilder } from "../doc.js";
import { describeTime, timeBasis } from "../format/time.js";
import { plural, quote } from "./common.js";
import type { Screen } from "./screen.js";

const stated = (value: string | null | undefined, basis: string) =>
  value ? `${value}${basis === "stated" ? "" : ` (${basis})`}` : `unknown${basis === "unknown" ? "" : ` (${basis})`}`;

export function sourceScreen(s: SourceDetail, b: DocBuilder): Screen {
  b.text([{ text: s.title, tone: "title" }]);
  if (s.subtitle) b.text([{ text: s.subtitle }]);
  b.text([{ text: `${s.genre} · ${s.language} · ${s.id}`, tone: "muted" }]);
  b.text([{ text: `Publisher: ${stated(s.publisher, s.publisherBasis)}` }], { hang: 11 });
  b.text([{ text: `Authors: ${stated(s.authors.join(", "), s.authorsBasis)}` }], { hang: 9 });
  const basis = timeBasis(s.published);
  b.text([{ text: `Published: ${describeTime(s.published)}${basis ? ` (${basis})` : ""}` }], { hang: 11 });
  if (s.published?.note) b.text([{ text: s.published.note, tone: "muted" }], { indent: 11 });
  if (s.dateline) b.text([{ text: `Dateline: ${s.dateline}` }], { hang: 10 });
  if (s.url) b.text([{ text: `URL: ${s.url}` }], { hang: 5 });
  const c = s.counts;
  b.text([
    {
      text: `${plural(c.mentions, "mention")} of ${plural(c.actors, "actor")} · ${plural(c.events, "event")} · ${plural(c.claims, "claim")}`,
      tone: "muted",
    },
  ]);
  b.blank();
  const open = b.items.length;
  b.text(
    [{ text: "Read the document", tone: "accent" }, { text: ` (${plural(s.annotations.length, "annotation")})` }],
    {
      indent: 2,
      target: { kind: "reader", id: s.id },
    },
  );

  if (s.notes.length) {
    b.heading("How the metadata was established", s.notes.length);
    for (const n of s.notes) {
      b.text([{ text: `${n.field}: `, tone: "stance" }, { text: n.text }], { indent: 2, hang: 2, selectable: true });
      for (const e of n.evidence) quote(b, { ...e, source: { title: s.title } }, 6);
    }
  }
  return { title: `Source · ${s.title}`, doc: b.build("cursor", open) };
}
