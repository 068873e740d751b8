/** The keys, and what the marks in the text mean. */
import type { DocBuilder } from "../doc.js";
import type { Screen } from "./screen.js";

export const KEYS: [string, string][] = [
  ["↑ ↓  j k", "move"],
  ["PgUp PgDn  Space b", "page up / down"],
  ["g G  Home End", "top / bottom"],
  ["Enter", "open what the cursor is on (a quote opens its document at those words)"],
  ["Esc  Backspace", "back"],
  ["Tab  Shift-Tab", "next / previous pane: Actors, Events, Claims, Sources, Search"],
  ["1 … 5", "go to a pane"],
  ["/", "search (Enter runs it, Esc cancels)"],
  ["s", "sort the actors (name, mentions, events, claims, relations)"],
  ["?", "this help (Esc closes it)"],
  ["q  Ctrl-C", "quit"],
];

export function helpScreen(b: DocBuilder): Screen {
  b.heading("Keys");
  for (const [keys, what] of KEYS)
    b.text([{ text: keys.padEnd(20), tone: "accent" }, { text: what }], { indent: 2, hang: 22 });
  b.heading("In the text");
  b.text([{ text: "a mention of an actor", tone: "mention" }], { indent: 2 });
  b.text([{ text: "the words of a claim", tone: "claim" }], { indent: 2 });
  b.text([{ text: "the evidence for an event", tone: "event" }], { indent: 2 });
  b.text([{ text: "┆ web boilerplate (not part of the article)", tone: "boilerplate" }], { indent: 2 });
  b.heading("Honest by design");
  b.text(
    [
      {
        text: "Dates are as precise as the sources allow: a month stays a month, a range stays a range, and an unknown date says unknown. Claims are shown as claims — who said what, with which stance, in their own words — never as facts.",
      },
    ],
    { indent: 2 },
  );
  return { title: "Help", doc: b.build() };
}
