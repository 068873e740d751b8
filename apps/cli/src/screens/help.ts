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
  ["x", "in Claims: the claims that contradict each other, each pair side by side"],
  ["m", "in the reader: mark words and make a record of them (below)"],
  ["o", "open the record just written"],
  ["?", "this help (Esc closes it)"],
  ["q  Ctrl-C", "quit"],
];

/** Marking a span in the reader, step by step (the footer shows the keys of each step). */
export const MARK_KEYS: [string, string][] = [
  ["m  ← → h l", "a word cursor on the first line in view (or on the quote the reader opened at)"],
  ["← → h l", "previous / next word"],
  ["↑ ↓ j k", "the word above / below"],
  ["m", "start the span at the cursor; moving then extends it"],
  ["m  Enter", "end the span"],
  [
    "c m a e r n",
    "make it a claim, a mention of an actor, an alias of an actor, evidence for an event, a relation between two actors, a new actor",
  ],
  ["Tab  Shift-Tab", "next / previous field of the form (↑ ↓ too, outside a list)"],
  ["← →  a letter", "through a choice (stance, kind)"],
  ["type  ↑ ↓", "filter a list of actors or events by name or id; ↑ ↓ choose among the matches"],
  ["Ctrl-U", "clear a text field"],
  ["Enter", "write it, under your reviewer token (ATLAS_TOKEN); o then opens it"],
  ["Esc", "one step back: form → menu → cursor → reading"],
];

function keyRows(b: DocBuilder, rows: [string, string][]) {
  for (const [keys, what] of rows)
    b.text([{ text: keys.padEnd(20), tone: "accent" }, { text: what }], { indent: 2, hang: 22 });
}

export function helpScreen(b: DocBuilder): Screen {
  b.heading("Keys");
  keyRows(b, KEYS);
  b.heading("Mark words in the reader");
  keyRows(b, MARK_KEYS);
  b.note(
    "The words are sent exactly as in the document, with which occurrence they are when they repeat. A refusal (no token, an unknown id) is shown under the form, and nothing is written.",
    2,
  );
  b.heading("An actor's dossier to cite");
  b.note(
    "An actor's screen ends with its dossier, built only from the records: a group's names and aliases, leadership over time, the group it belongs to and its units, backers, designations and sanctions, first and last reported attack, size as each source reports it, claims by and about it, last updated; a person's roles over time, affiliations, statements and events with roles. A field the documents are silent on says \"Not reported in the sources.\" Under each line are its footnotes, [n], the quotes that state it: Enter on one opens its document at those words; Enter on the line opens the claim, event or actor it names. atlas dossier <id> --format md prints it with footnotes.",
    2,
  );
  b.heading("In the text");
  b.text([{ text: "a mention of an actor", tone: "mention" }], { indent: 2 });
  b.text([{ text: "the words of a claim", tone: "claim" }], { indent: 2 });
  b.text([{ text: "the evidence for an event", tone: "event" }], { indent: 2 });
  b.text([{ text: "┆ web boilerplate (not part of the article)", tone: "boilerplate" }], { indent: 2 });
  b.text(
    [{ text: "the word cursor", tone: "cursor" }, { text: "  " }, { text: "the words being marked", tone: "marked" }],
    {
      indent: 2,
    },
  );
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
