/**
 * Marking a span in the reader and making a record of it: keys in, exact frames out, on the
 * fixed small atlas with colour off (the word cursor shows as ⌈…⌉, the marked span as ⟨…⟩).
 * The atlas's workbench is a double that records what it is asked to add, so the test sees the
 * exact record the reader sends — the same `records.add` input as `atlas add`.
 */
import { render } from "ink-testing-library";
import { afterEach, describe, expect, it, vi } from "vitest";
import { App } from "./app.js";
import type { Workbench, WriteResult } from "./data.js";
import { RefusedError } from "./errors.js";
import { fixtureAtlas } from "./testing/fixture.js";
import { waitFor } from "./testing/wait.js";
import { makeTheme } from "./theme.js";

const plain = makeTheme(false);
const ESC = "\u001B";
const RIGHT = "\u001B[C";
const DOWN = "\u001B[B";
const TAB = "\t";

let unmount: (() => void) | null = null;
afterEach(() => {
  unmount?.();
  unmount = null;
});

type Add = Workbench["records"]["add"];

/** The fixture atlas whose workbench add answers with `answer`. */
function start(answer: Add) {
  const add = vi.fn(answer);
  const atlas = {
    ...fixtureAtlas(),
    write: <R,>(_what: string, fn: (p: Workbench) => Promise<R>) => fn(workbench(add)),
  };
  const r = render(<App atlas={atlas} theme={plain} size={{ columns: 80, rows: 24 }} />);
  unmount = r.unmount;
  const frame = () => r.lastFrame() ?? "";
  const shows = (text: string) => waitFor(() => expect(frame()).toContain(text));
  const keys = async (...ks: string[]) => {
    // One key per write, as a person types: each is applied to what the one before it left.
    for (const k of ks) {
      r.stdin.write(k);
      await new Promise((done) => setTimeout(done, 5));
    }
  };
  return { frame, shows, keys, add };
}

function workbench(add: Add): Workbench {
  const no = () => Promise.reject(new Error("not in this test"));
  return {
    records: {
      add,
      edit: no,
      retire: no,
      restore: no,
      grade: no,
      merge: no,
      unmerge: no,
      split: no,
      history: no,
      changes: no,
    },
    reviewers: { me: no, list: no, add: no, revoke: no },
  };
}

const written = (recordType: "claim" | "mention", recordId: string): WriteResult => ({
  batch: "b1",
  at: "2026-12-06T12:00:00.000Z",
  reviewer: "ana",
  records: [{ recordType, recordId, version: 1 }],
});

async function openReader(app: ReturnType<typeof start>) {
  await app.shows("Kataib Hezbollah");
  await app.keys("4");
  await app.shows("Militias play politics by day");
  await app.keys("\r");
  await app.shows("Read the document");
  await app.keys("\r");
  await app.shows("Reader · Militias play politics by day");
}

const body = (frame: string) => frame.split("\n").slice(2, -1);

describe("marking a span in the reader", () => {
  it("the help lists the keys of marking", async () => {
    const app = start(async () => written("claim", "kh-denies"));
    await app.shows("Kataib Hezbollah");
    await app.keys("?");
    await app.shows("Keys");
    expect(app.frame()).toContain(
      "    m                   in the reader: mark words and make a record of them\n                          (below)",
    );
    await app.keys(" ");
    await app.shows("Mark words in the reader");
    expect(app.frame()).toContain("    Esc                 one step back: form → menu → cursor → reading");
    await app.keys("G");
    await app.shows("    ⌈the word cursor⌉  ⟨the words being marked⟩");
  });

  it("m shows a word cursor on the first line in view, → moves it, m sets the start, moving extends, m ends it", async () => {
    const app = start(async () => written("claim", "kh-denies"));
    await openReader(app);
    expect(app.frame().split("\n").at(-1)).toBe(
      "↑↓/jk scroll  m mark words  Esc back  Tab pane  / search  ? help  q quit",
    );
    await app.keys("m");
    await app.shows("⌈Militias⌉ play politics by day");
    expect(app.frame().split("\n").at(-1)).toBe("←→/hl word  ↑↓/jk line  m start here  Esc stop marking  q quit");
    // Down two lines (over the boilerplate line), to the first word of the article's sentence.
    await app.keys(DOWN, DOWN);
    await app.shows("«[⌈Kataib⌉ Hezbollah] denied");
    await app.keys("m", RIGHT, "l");
    await app.shows("Marking “Kataib Hezbollah denied” (3 words)");
    expect(body(app.frame())).toContain(
      "  «⟨[Kataib Hezbollah] ⌈denied⌉⟩ its involvement», claiming that “it wasn’t us.”",
    );
    await app.keys("m");
    await app.shows("Marked “Kataib Hezbollah denied” (3 words)");
    expect(app.frame()).toContain(
      "Make it:  c claim  m mention of an actor  a alias of an actor  e evidence for an\nevent  r relation between two actors  n new actor",
    );
  });

  it("opened at a quote, m puts the cursor on the quote's first word", async () => {
    const app = start(async () => written("claim", "kh-denies"));
    await app.shows("Kataib Hezbollah");
    await app.keys("j", "\r");
    await app.shows("Claims by (1)");
    // The dossier's last footnote ("The US struck its bases"), just above "Last updated" at the end.
    await app.keys("G", "k");
    await app.shows("19/20");
    await app.keys("\r");
    await app.shows("Reader · Militias play politics by day");
    await app.keys("m");
    await app.shows("{⟦⌈The⌉ [US] struck its bases⟧ in December 2019}.");
  });

  it("makes a claim: claimant from the mention in the span, statement from its words; the write is shown with its id, o opens it", async () => {
    const app = start(async () => written("claim", "kh-denies"));
    await openReader(app);
    await app.keys("m", DOWN, DOWN, "m", RIGHT, RIGHT, RIGHT, RIGHT, RIGHT, "m", "c");
    await app.shows("→ Kataib Hezbollah (kataib-hezbollah)");
    const form = app.frame().split("\n");
    expect(form.slice(-8)).toEqual([
      "New claim from “Kataib Hezbollah denied its involvement, claiming” (6 words)",
      "› Claimant    kataib-hezbollah█ → Kataib Hezbollah (kataib-hezbollah)",
      "              ▸ Kataib Hezbollah  kataib-hezbollah",
      "  Stance      asserts",
      "  Statement   Kataib Hezbollah denied its involvement, claiming",
      "  About       (optional)",
      "  Reason      (optional)",
      "Tab field  ←→ choose  ↑↓ pick  type to fill  Ctrl-U clear  Enter save  Esc back",
    ]);
    await app.keys(TAB);
    await app.shows("‹ asserts ›");
    await app.keys("d");
    await app.shows("‹ denies ›");
    await app.keys("\r");
    await app.shows("Written by ana: claim kh-denies  o opens it");
    expect(app.add).toHaveBeenCalledOnce();
    expect(app.add.mock.calls[0]?.[0]).toEqual({
      record: {
        kind: "claim",
        sourceId: "party-by-day",
        quote: "Kataib Hezbollah denied its involvement, claiming",
        claimantId: "kataib-hezbollah",
        stance: "denies",
        statement: "Kataib Hezbollah denied its involvement, claiming",
      },
    });
    await app.keys("o");
    await app.shows("Claim ·");
  });

  it("a refusal is shown in the status line and the form stays, to correct and send again", async () => {
    const app = start(async () => {
      throw new RefusedError('quote "US" occurs 2 times in "party-by-day"; give the occurrence (1..2)');
    });
    await openReader(app);
    await app.keys("m", DOWN, DOWN);
    // Along the line to "US".
    for (let i = 0; i < 11; i++) await app.keys(RIGHT);
    await app.shows("{The [⌈US⌉] struck");
    await app.keys("m", "m", "m");
    await app.shows("Mention from “US” (1 word)");
    await app.shows("› Actor       united-states█ → United States (united-states)");
    expect(app.frame()).toContain("{The [⟨US⟩] struck");
    await app.keys("\r");
    await app.shows('quote "US" occurs 2 times');
    expect(app.frame()).toContain("Mention from “US”");
    await app.keys(ESC, ESC, ESC);
    await app.shows("↑↓/jk scroll  m mark words");
    expect(app.frame()).not.toContain("⌈");
  });
});
