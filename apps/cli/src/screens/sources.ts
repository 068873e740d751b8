/** The documents: when, what, who published them (or "unknown"), and how much the atlas draws from each. */
import type { SourceSummary } from "../data.js";
import type { DocBuilder } from "../doc.js";
import { compactTime } from "../format/time.js";
import { bylineParts, plural } from "./common.js";
import type { Screen } from "./screen.js";

export function sourcesScreen(sources: SourceSummary[], b: DocBuilder): Screen {
  sources.forEach((s, i) => {
    if (i > 0) b.blank();
    const by = bylineParts(s);
    const c = s.counts;
    b.text(
      [
        { text: `${compactTime(s.published)}  `, tone: "muted" },
        { text: s.title },
        { text: `\n${by.join(" · ")}`, tone: "muted" },
        {
          text: `\n${plural(c.mentions, "mention")} · ${plural(c.events, "event")} · ${plural(c.claims, "claim")}`,
          tone: "muted",
        },
      ],
      { indent: 2, hang: 2, target: { kind: "source", id: s.id } },
    );
  });
  if (sources.length === 0) b.note("No sources.");
  return { title: `Sources (${sources.length}) · oldest first`, doc: b.build() };
}
