/**
 * An actor's profile, as the web profile has it: names, relations, events with roles, claims by
 * and about, sources; then its dossier to cite (as `atlas dossier` prints it), each line with the
 * quotes that state it.
 */
import type { ActorDetail, Dossier } from "../data.js";
import type { DocBuilder } from "../doc.js";
import { compactTime } from "../format/time.js";
import { claimItem, eventItem, kindLabel, plural, quote, relationWords, timeColumn } from "./common.js";
import { dossierFields } from "./dossier.js";
import type { Screen } from "./screen.js";

export function actorScreen(a: ActorDetail, dossier: Dossier, b: DocBuilder): Screen {
  b.text([{ text: a.name, tone: "title" }]);
  b.text([{ text: `${kindLabel(a.kind)} · ${a.id}`, tone: "muted" }]);
  if (a.description) b.text([{ text: a.description }]);
  const c = a.counts;
  b.text(
    [
      {
        text: `${plural(c.mentions, "mention")} in ${plural(c.sources, "source")} · ${plural(c.events, "event")} · ${plural(c.claims, "claim")} · ${plural(c.relations, "relation")}`,
        tone: "muted",
      },
    ],
    {},
  );

  b.heading("Aliases", a.aliasDetails.length);
  if (a.aliasDetails.length === 0) b.note("none recorded");
  for (const alias of a.aliasDetails) {
    b.text(
      [
        { text: alias.name },
        {
          text: `  ${kindLabel(alias.kind)}${alias.sourceIds.length ? ` · ${plural(alias.sourceIds.length, "source")}` : ""}${alias.outside ? ` · outside the documents: ${alias.outside.source}` : ""}`,
          tone: "muted",
        },
      ],
      { indent: 2, hang: 2, selectable: true },
    );
  }

  b.heading("Relations", a.relations.length);
  if (a.relations.length === 0) b.note("none recorded");
  for (const r of a.relations) {
    const arrow = r.direction === "outgoing" ? "→" : "←";
    const extra = [
      r.role ? `as ${r.role}` : null,
      r.time ? compactTime(r.time) : null,
      r.former ? "former" : null,
      r.note,
    ].filter((x): x is string => Boolean(x));
    b.text(
      [
        { text: `${arrow} ${relationWords(r.type, r.direction)} ` },
        { text: r.other.name, tone: "accent" },
        ...(extra.length ? [{ text: ` (${extra.join("; ")})`, tone: "muted" as const }] : []),
      ],
      { indent: 2, hang: 2, target: { kind: "actor", id: r.other.id } },
    );
    for (const q of r.evidence) quote(b, q, 6);
  }

  b.heading("Events", a.events.length);
  if (a.events.length === 0) b.note("none recorded");
  const tw = timeColumn(a.events.map((e) => compactTime(e.time)));
  for (const e of a.events) {
    eventItem(b, e, tw);
    // An API older than the evidence field sends none.
    for (const q of e.evidence ?? []) quote(b, q, 6);
  }

  b.heading("Claims by", a.claimsBy.length);
  if (a.claimsBy.length === 0) b.note("none recorded");
  for (const claim of a.claimsBy) claimItem(b, claim, { showClaimant: false, quotes: true });

  b.heading("Claims about", a.claimsAbout.length);
  if (a.claimsAbout.length === 0) b.note("none recorded");
  for (const claim of a.claimsAbout) claimItem(b, claim, { showClaimant: true, quotes: true });

  b.heading("Sources", a.mentionsBySource.length);
  if (a.mentionsBySource.length === 0) b.note("not named in any source text");
  for (const m of a.mentionsBySource) {
    b.text([{ text: m.source.title }, { text: ` — ${plural(m.count, "mention")}`, tone: "muted" }], {
      indent: 2,
      hang: 2,
      target: { kind: "reader", id: m.source.id },
    });
    for (const s of m.snippets) {
      b.text(
        [
          { text: "…" },
          { text: s.before.replace(/\s+/g, " ").trimStart() },
          { text: s.quote, tone: "mention" },
          { text: s.after.replace(/\s+/g, " ").trimEnd() },
          { text: "…" },
        ],
        { indent: 6, hang: 1, target: { kind: "reader", id: s.sourceId, focus: { start: s.start, end: s.end } } },
      );
    }
  }

  if (a.evidence.length) {
    b.heading("Evidence", a.evidence.length);
    for (const q of a.evidence) quote(b, q, 2);
  }

  b.heading("Dossier to cite");
  b.note(`Built only from ${plural(dossier.sources.length, "source")}; under each line, the quotes that state it.`);
  dossierFields(dossier, b, "under");
  return { title: `Actor · ${a.name}`, doc: b.build() };
}
