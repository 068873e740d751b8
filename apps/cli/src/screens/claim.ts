/** One claim: who said it, with what stance, when, in which words — and which claims agree or disagree. */
import type { ClaimDetail } from "../data.js";
import type { DocBuilder } from "../doc.js";
import { describeTime, timeBasis } from "../format/time.js";
import { claimItem, kindLabel, quote } from "./common.js";
import type { Screen } from "./screen.js";

export function claimScreen(c: ClaimDetail, b: DocBuilder): Screen {
  b.text([{ text: c.statement, tone: "title" }]);
  b.text([{ text: c.id, tone: "muted" }]);
  b.text(
    [
      { text: c.claimant.name, tone: "accent" },
      { text: " " },
      { text: c.stance, tone: "stance" },
      { text: ` (${kindLabel(c.mode)})`, tone: "muted" },
    ],
    { target: { kind: "actor", id: c.claimant.id } },
  );
  if (c.onBehalfOf) {
    b.text([{ text: "on behalf of " }, { text: c.onBehalfOf.name, tone: "accent" }], {
      indent: 2,
      target: { kind: "actor", id: c.onBehalfOf.id },
    });
  }
  if (c.via) {
    b.text([{ text: "reported via " }, { text: c.via.name, tone: "accent" }], {
      indent: 2,
      target: { kind: "actor", id: c.via.id },
    });
  }
  const basis = timeBasis(c.said);
  b.text([{ text: `Said: ${describeTime(c.said)}${basis ? ` (${basis})` : ""}` }], { hang: 6 });
  if (c.said?.note) b.text([{ text: c.said.note, tone: "muted" }], { indent: 6 });
  if (c.setting) b.text([{ text: `Setting: ${c.setting}` }], { hang: 9 });
  if (c.note) b.text([{ text: `Note: ${c.note}`, tone: "muted" }], { hang: 6 });

  b.heading("In their words", c.evidence.length);
  for (const q of c.evidence) quote(b, q, 2);
  if (c.attribution.length) {
    b.heading("Attributed by", c.attribution.length);
    for (const q of c.attribution) quote(b, q, 2);
  }

  b.heading("About", c.about.actors.length + c.about.events.length);
  if (c.about.actors.length + c.about.events.length === 0) b.note("nothing recorded");
  for (const a of c.about.actors) {
    b.text(
      [
        { text: a.name, tone: "accent" },
        { text: ` ${kindLabel(a.kind)}`, tone: "muted" },
      ],
      {
        indent: 2,
        target: { kind: "actor", id: a.id },
      },
    );
  }
  for (const e of c.about.events) {
    b.text([{ text: "event: ", tone: "muted" }, { text: e.title }], {
      indent: 2,
      hang: 2,
      target: { kind: "event", id: e.id },
    });
  }

  const linked: [string, ClaimDetail["supports"]][] = [
    ["Contradicts", c.contradicts],
    ["Supports", c.supports],
    ["Supported by", c.supportedBy],
  ];
  for (const [label, list] of linked) {
    if (list.length === 0) continue;
    b.heading(label, list.length);
    for (const other of list) claimItem(b, other, { showClaimant: true, quotes: true });
  }
  return { title: `Claim · ${c.claimant.name} ${c.stance}`, doc: b.build() };
}
