/** Search results, grouped by kind, each with the words that matched marked. */
import type { SearchHit, SearchResult } from "../data.js";
import type { DocBuilder, Seg } from "../doc.js";
import { compactTime } from "../format/time.js";
import type { Target } from "../state/views.js";
import type { Screen } from "./screen.js";

const GROUPS = [
  ["actor", "Actors"],
  ["event", "Events"],
  ["claim", "Claims"],
  ["source", "Sources"],
] as const;

const targetOf = (h: SearchHit): Target => ({ kind: h.type, id: h.id });

export function searchScreen(result: SearchResult | null, b: DocBuilder): Screen {
  if (!result) {
    b.note("Press / and type a name (any spelling), a place or words from a quote, then Enter.", 0);
    b.note("Names are matched across transliterations: Khazali, Khalazi, al-Ameri, Hashd…", 0);
    return { title: "Search", doc: b.build() };
  }
  if (result.total === 0) b.note(`Nothing matches “${result.q}”.`, 0);
  for (const [type, label] of GROUPS) {
    const hits = result.groups[type];
    if (hits.length === 0) continue;
    b.heading(label, hits.length);
    for (const h of hits) {
      // An actor found by its name has the name as its snippet, with the matched part marked.
      const nameSnippet = h.type === "actor" && h.snippet.map((p) => p.text).join("") === h.title;
      const segs: Seg[] = nameSnippet
        ? h.snippet.map((p) => ({ text: p.text, tone: p.hit ? ("hit" as const) : undefined }))
        : [{ text: h.title }];
      if (h.detail) segs.push({ text: `  ${h.detail.replaceAll("_", " ")}`, tone: "muted" });
      if (h.matched) segs.push({ text: `  (as “${h.matched}”)`, tone: "muted" });
      // An event's context is its EDTF time, a claim's the source it is in; a source's (its first
      // possible publication day) would read as a date it does not have, so it is left out.
      if (h.context && h.type === "event") segs.push({ text: `  ${compactTime({ edtf: h.context })}`, tone: "muted" });
      if (h.context && h.type === "claim") segs.push({ text: `  in “${h.context}”`, tone: "muted" });
      if (h.why) segs.push({ text: `\n${h.why.summary}`, tone: "muted" });
      const snippet = nameSnippet ? [] : h.snippet;
      if (snippet.length) {
        segs.push({ text: "\n" });
        for (const part of snippet)
          segs.push({ text: part.text.replace(/\s+/g, " "), tone: part.hit ? "hit" : "muted" });
      }
      b.text(segs, { indent: 2, hang: 2, target: targetOf(h) });
    }
  }
  return { title: `Search · “${result.q}” · ${result.total} found`, doc: b.build() };
}
