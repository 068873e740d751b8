/** `atlas path`: the shortest chains of relations between two actors, each relation as written, with its quotes. */
import type { Paths } from "../data.js";
import type { DocBuilder, Seg } from "../doc.js";
import { compactTime } from "../format/time.js";
import { plural, quote, relationWords } from "./common.js";
import type { Screen } from "./screen.js";

export function pathScreen(p: Paths, b: DocBuilder): Screen {
  const title = `${p.from.name} → ${p.to.name}`;
  if (p.length === null) {
    b.text([{ text: `No chain of relations connects ${p.from.name} and ${p.to.name}.` }]);
    return { title, doc: b.build() };
  }
  const shown = p.paths.length < p.total ? ` (showing ${p.paths.length}; --limit for more)` : "";
  b.text([
    { text: `${plural(p.total, "shortest path")} from ` },
    { text: p.from.name, tone: "accent" },
    { text: " to " },
    { text: p.to.name, tone: "accent" },
    { text: `, ${plural(p.length, "step")} each${shown}`, tone: "muted" },
  ]);
  p.paths.forEach((path, i) => {
    b.blank();
    const chain = [path.steps[0]?.from, ...path.steps.map((s) => s.to)].map((a) => a?.name ?? "");
    b.text([{ text: `${i + 1}. ${chain.join(" — ")}`, tone: "heading" }], { hang: 3 });
    for (const step of path.steps) {
      for (const r of step.relations) {
        const [subject, object] = r.forward ? [step.from, step.to] : [step.to, step.from];
        const extra = [r.role ? `as ${r.role}` : null, r.time ? compactTime(r.time) : null, r.former ? "former" : null]
          .filter((x): x is string => x !== null)
          .join("; ");
        const segs: Seg[] = [
          { text: subject.name, tone: "accent" },
          { text: ` ${relationWords(r.type, "outgoing")} ` },
          { text: object.name, tone: "accent" },
        ];
        if (extra) segs.push({ text: ` (${extra})`, tone: "muted" });
        b.text(segs, { indent: 3, hang: 2, target: { kind: "actor", id: subject.id } });
        for (const q of r.evidence) quote(b, q, 5);
      }
    }
  });
  return { title, doc: b.build() };
}
