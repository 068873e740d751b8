/**
 * Marking a span, as pure functions: the word cursor over words and lines, the steps from
 * cursor to span to menu to form, and the record a form becomes — its quote and occurrence
 * taken from the span's place in the document.
 */
import { describe, expect, it } from "vitest";
import type { SourceDetail } from "../data.js";
import { DocBuilder, lineText } from "../doc.js";
import { readerScreen } from "../screens/reader.js";
import { source as fixtureSource } from "../testing/fixture.js";
import { makeTheme } from "../theme.js";
import {
  formFor,
  type Mark,
  type MarkKey,
  markKey,
  openAfter,
  type ReaderLayout,
  recordFor,
  wordOnLine,
  wordsOf,
} from "./mark.js";

const TEXT = "The US said no. Then the US said yes.\nUS officials left.";
const doc: SourceDetail = {
  ...fixtureSource,
  id: "twice",
  text: TEXT,
  segments: [{ start: 0, end: TEXT.length, role: "body", article: true }],
  annotations: [{ type: "mention", start: 4, end: 6, recordId: "united-states", label: "United States" }],
};
const words = wordsOf(TEXT);
// Laid out 20 columns wide: "The US said no. Then" / "the US said yes." / "US officials left."
const layout: ReaderLayout = {
  source: doc,
  words,
  lines: [
    { start: 0, end: 20, item: 0 },
    { start: 21, end: 37, item: 1 },
    { start: 38, end: 56, item: 2 },
  ],
};
const key = (k: Partial<MarkKey> | string): MarkKey => (typeof k === "string" ? { input: k } : { input: "", ...k });
const press = (mark: Mark | null, ...ks: (Partial<MarkKey> | string)[]) =>
  ks.reduce<Mark | null>((m, k) => (m ? markKey(m, key(k), layout) : m), mark);
const at = (word: string, nth = 1) => {
  let i = -1;
  for (let n = 0; n < nth; n++) i = words.findIndex((w, j) => j > i && TEXT.slice(w.start, w.end) === word);
  return i;
};
const fresh: Mark = { sourceId: "twice", cursor: 0, phase: { kind: "cursor" } };

describe("the word cursor", () => {
  it("words are runs of non-spaces, so a span never starts or ends with a space", () => {
    expect(words.map((w) => TEXT.slice(w.start, w.end)).slice(0, 5)).toEqual(["The", "US", "said", "no.", "Then"]);
  });

  it("moves by word with ←/→ and h/l, stopping at either end", () => {
    expect(press(fresh, { right: true }, "l")?.cursor).toBe(2);
    expect(press(fresh, "h")?.cursor).toBe(0);
    expect(press({ ...fresh, cursor: words.length - 1 }, "l")?.cursor).toBe(words.length - 1);
  });

  it("moves by line with ↑/↓ and j/k, keeping the column as nearly as the words allow", () => {
    // "said" (column 7) → the word under column 7 of "the US said yes." is "said".
    expect(wordOnLine(words, layout.lines, at("said"), 1)).toBe(at("said", 2));
    expect(press({ ...fresh, cursor: at("said", 2) }, "j")?.cursor).toBe(at("officials"));
    // "officials" starts at column 3, a space on the line above: the word after it, "US".
    expect(press({ ...fresh, cursor: at("officials") }, { up: true })?.cursor).toBe(at("US", 2));
    // No line above the first: the cursor stays.
    expect(press(fresh, "k")?.cursor).toBe(0);
  });
});

describe("the reader's lines", () => {
  it("know exactly which words of the document each shows, with colour and without (marks are not text)", () => {
    for (const color of [true, false]) {
      const { doc: d } = readerScreen(fixtureSource, undefined, new DocBuilder(30, makeTheme(color)));
      const lines = d.reader?.lines ?? [];
      expect(lines.length).toBeGreaterThan(4);
      for (const l of lines) {
        const shown = lineText(d.items[l.item]?.lines[0] ?? [])
          .replace(/^┆ /, "")
          .replace(/[[\]«»{}]/g, "");
        expect(shown).toBe(fixtureSource.text.slice(l.start, l.end));
      }
    }
  });
});

describe("marking, step by step", () => {
  it("m starts the span at the cursor, moving extends it, m (or Enter) ends it and opens the menu", () => {
    const started = press({ ...fresh, cursor: at("the") }, "m");
    expect(started?.phase).toEqual({ kind: "extend", anchor: at("the") });
    const menu = press(started, "l", "l", { enter: true });
    expect(menu?.phase).toEqual({ kind: "menu", span: { start: 21, end: 32 } });
    expect(TEXT.slice(21, 32)).toBe("the US said");
    // Marked backwards, the span is the same words in document order.
    const back = press({ ...fresh, cursor: at("said", 2) }, "m", "h", "h", "m");
    expect(back?.phase).toEqual({ kind: "menu", span: { start: 21, end: 32 } });
  });

  it("Esc steps back: form → menu → marking again; while extending, back to a cursor; then out", () => {
    const form = press(fresh, "m", "l", "m", "c");
    expect(form?.phase.kind).toBe("form");
    expect(press(form, { escape: true })?.phase.kind).toBe("menu");
    expect(press(form, { escape: true }, { escape: true })?.phase.kind).toBe("cursor");
    expect(press(fresh, "m", { escape: true })?.phase.kind).toBe("cursor");
    expect(press(fresh, { escape: true })).toBeNull();
  });

  it("in the form: Tab between fields, ←/→ or a first letter through a choice, typing and Ctrl-U in text, Enter sends", () => {
    let m = press(fresh, "m", "l", "m", "c");
    m = press(m, { tab: true }, { right: true });
    const fields = () => (m?.phase.kind === "form" ? m.phase.form.fields : []);
    expect(fields()[1]).toMatchObject({ key: "stance", value: "recounts" });
    m = press(m, "w");
    expect(fields()[1]).toMatchObject({ value: "warns" });
    m = press(m, { tab: true }, { ctrl: true, input: "u" }, "s", "o");
    expect(fields()[2]).toMatchObject({ key: "statement", value: "so" });
    m = press(m, { shift: true, tab: true }, { shift: true, tab: true }, "x", { backspace: true });
    expect(fields()[0]).toMatchObject({ key: "claimantId", filter: "united-states" });
    m = press(m, { enter: true });
    expect(m?.phase).toMatchObject({ kind: "form", sending: true });
    // Keys wait while it is being sent.
    expect(press(m, "z")).toBe(m);
  });
});

describe("the record a form becomes", () => {
  const lists = { actors: null, events: null };
  const span = (word: string, nth: number) => {
    const w = words[at(word, nth)];
    return { start: w?.start ?? 0, end: w?.end ?? 0 };
  };

  it("words that occur more than once carry the occurrence of the marked place", () => {
    const actorForm = formFor("actor", doc, span("US", 2));
    const described = {
      ...actorForm,
      fields: actorForm.fields.map((f) => (f.key === "description" ? { ...f, value: "The country." } : f)),
    };
    expect(recordFor(described, span("US", 2), doc, lists)).toEqual({
      record: {
        kind: "actor",
        sourceId: "twice",
        quote: "US",
        occurrence: 2,
        name: "US",
        actorKind: "armed_group",
        description: "The country.",
      },
    });
    const once = { start: 0, end: 15 };
    const r = recordFor({ ...described, fields: described.fields }, once, doc, lists);
    expect("record" in r && r.record).toMatchObject({ quote: "The US said no." });
    expect("record" in r && "occurrence" in r.record).toBe(false);
  });

  it("a claim takes its claimant from the first actor mentioned in the span; a required field left empty is named", () => {
    const form = formFor("claim", doc, { start: 0, end: 15 });
    expect(form.fields[0]).toMatchObject({ key: "claimantId", type: "pick", filter: "united-states" });
    expect(form.fields[2]).toMatchObject({ key: "statement", value: "The US said no." });
    const actors = [{ id: "united-states", name: "United States", kind: "state", aliases: ["US"] }];
    const r = recordFor(form, { start: 0, end: 15 }, doc, { actors: actors as never, events: [] });
    expect(r).toEqual({
      record: {
        kind: "claim",
        sourceId: "twice",
        quote: "The US said no.",
        claimantId: "united-states",
        stance: "asserts",
        statement: "The US said no.",
      },
    });
    const empty = formFor("actor", doc, { start: 0, end: 3 });
    expect(recordFor(empty, { start: 0, end: 3 }, doc, lists)).toEqual({
      problem: "Description: a new actor needs it",
    });
    const nobody = formFor("mention", doc, { start: 38, end: 40 });
    expect(recordFor(nobody, { start: 38, end: 40 }, doc, { actors: [], events: [] })).toEqual({
      problem: 'Actor: no actor matches "US"; type part of a name or id',
    });
  });

  it("r makes a relation: its ends from the actors the span mentions, its type chosen; o then opens the first actor", () => {
    const mark = press({ ...fresh, cursor: at("The") }, "m", ...Array(5).fill("l"), "m", "r");
    expect(mark?.phase.kind === "form" && mark.phase.form.choice).toBe("relation");
    if (mark?.phase.kind !== "form") throw new Error("no form");
    const { form, span } = mark.phase;
    expect(form.fields.map((f) => f.key)).toEqual(["fromId", "type", "toId", "reason"]);
    expect(form.fields[0]).toMatchObject({ type: "pick", filter: "united-states" });
    const typed = press(mark, { tab: true }, "b", { tab: true }, "iran");
    if (typed?.phase.kind !== "form") throw new Error("no form");
    const actors = [
      { id: "united-states", name: "United States", kind: "state", aliases: ["US"] },
      { id: "iran", name: "Iran", kind: "state", aliases: [] },
    ];
    const r = recordFor(typed.phase.form, span, doc, { actors: actors as never, events: [] });
    expect(r).toEqual({
      record: {
        kind: "relation",
        sourceId: "twice",
        quote: "The US said no. Then the",
        fromId: "united-states",
        type: "backed_by",
        toId: "iran",
      },
    });
    if ("record" in r) expect(openAfter(r.record, [])).toEqual({ kind: "actor", id: "united-states" });
  });
});
