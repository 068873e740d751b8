/**
 * The interactive review, keys in and frames out (ink-testing-library), on a small ingested
 * document with one suggestion of each kind, colour off so the marks are in the text.
 */
import { renderToString } from "ink";
import { render } from "ink-testing-library";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ReviewApp } from "./review-app.js";
import type { Preloaded } from "./state/use-review-state.js";
import { REVIEW_SOURCE_ID, reviewFixtureAtlas } from "./testing/review-fixture.js";
import { waitFor } from "./testing/wait.js";
import { makeTheme } from "./theme.js";

const plain = makeTheme(false);
const ESC = "\u001B";
const RIGHT = "\u001B[C";
const CTRL_U = "\u0015";
const SIZE = { columns: 80, rows: 24 };

let unmount: (() => void) | null = null;
afterEach(() => {
  unmount?.();
  unmount = null;
});

function start(opts: { sourceId?: string; onQuit?: () => void } = {}) {
  const atlas = reviewFixtureAtlas();
  const r = render(<ReviewApp atlas={atlas} theme={plain} size={SIZE} {...opts} />);
  unmount = r.unmount;
  const frame = () => r.lastFrame() ?? "";
  const shows = (text: string) => waitFor(() => expect(frame()).toContain(text));
  const press = async (keys: string, until: string) => {
    r.stdin.write(keys);
    await shows(until);
  };
  return { ...r, atlas, frame, shows, press };
}

const lines = (frame: string) => frame.split("\n");
const FOOTER = "↑↓ move  a accept  r reject  e edit  A accept all  n/p next  Esc back  q quit";

describe("the review", () => {
  it("lists the ingested documents with how far their review has come", async () => {
    const app = start();
    await app.shows("Militias and the state");
    expect(app.frame()).toBe(
      [
        "Militia Atlas · Review                                               API fixture",
        "Ingested documents (1)                                                       1/1",
        "› Militias and the state",
        "    2015-militias-and-the-state · published 6 Mar 2015 · ingested 2026-01-01 · 4",
        "    to review · 0 accepted · 0 rejected",
        ...Array(18).fill(""),
        "↑↓/jk move  Enter open  q quit",
      ].join("\n"),
    );
  });

  it("opens a document: suggestions grouped by kind, each in context with what accepting creates", async () => {
    const app = start();
    await app.shows("Militias and the state");
    await app.press("\r", "Candidate actors");
    expect(app.frame()).toBe(
      [
        "Militia Atlas · Review                                               API fixture",
        "Militias and the state                                                       1/4",
        "  2015-militias-and-the-state · published 6 Mar 2015 · 4 suggestions, 4 to",
        "    review",
        "",
        "  Candidate actors (1 · 1 to review)",
        "› ○ Douglas Whitfield — person, Lt. Gen., the commander of the training mission",
        "      “The volunteers are brave,” said ⟦Lt. Gen. Douglas Whitfield, the",
        "      commander of the training mission⟧. But last June, Kataib Hezbollah denied",
        "      any role.",
        "      accepting creates a new actor “Douglas Whitfield” (person), with 1 mention",
        "      here",
        "",
        "  Mentions (1 · 1 to review)",
        "  ○ “Kataib Hezbollah” → Kataib Hezbollah",
        "      …the commander of the training mission. But last June, ⟦Kataib Hezbollah⟧",
        "      denied any role.",
        "      accepting creates a mention of Kataib Hezbollah (kataib-hezbollah)",
        "",
        "  Dates (1 · 1 to review)",
        "  ○ June 2014 (month, relative) — “last June”",
        "      …Whitfield, the commander of the training mission. But ⟦last June⟧, Kataib",
        "",
        FOOTER,
      ].join("\n"),
    );
  });

  it("refuses a claim whose speaker is not an actor yet, naming the candidate actor; accepting it first lets the claim through", async () => {
    const app = start({ sourceId: REVIEW_SOURCE_ID });
    await app.shows("Candidate actors");
    await app.press("G", "4/4");
    expect(app.frame()).toContain("      needs an actor first: “Douglas Whitfield” is not an actor yet — accept its");
    await app.press("a", "Not accepted");
    expect(lines(app.frame()).slice(-5)).toEqual([
      'Not accepted (2015-militias-and-the-state.statement-1): The speaker "Douglas',
      'Whitfield" is not a known actor. Accept the candidate actor suggestion',
      "2015-militias-and-the-state.actor-1 first, or give claimantId (an existing",
      "actor's id).",
      FOOTER,
    ]);
    expect(app.frame()).toContain("› ○ Douglas Whitfield (not a known actor) asserts");
    // The actor, then the claim again: both change in place.
    await app.press("g", "1/4");
    await app.press("a", "accepted: created actor douglas-whitfield");
    expect(app.frame()).toContain("› ✓ Douglas Whitfield — person");
    expect(app.frame()).toContain("  Candidate actors (1 · 0 to review)");
    await app.press("G", "4/4");
    expect(app.frame()).toContain("      accepting creates a claim: douglas-whitfield asserts “The volunteers are");
    await app.press("a", "Statements (1 · 0 to review)");
    expect(app.frame()).toContain("› ✓ Douglas Whitfield (not a known actor) asserts: “The volunteers are brave”");
    expect(app.frame()).toContain("      accepted: created claim douglas-whitfield-asserts-the-volunteers-are-brave");
  });

  it("edits an actor in a form: fields, choices with ←→, typing, a preview; Esc accepts nothing", async () => {
    const app = start({ sourceId: REVIEW_SOURCE_ID });
    await app.shows("Candidate actors");
    await app.press("e", "Edit before accepting");
    expect(app.frame()).toBe(
      [
        "Militia Atlas · Review                                               API fixture",
        "Edit before accepting · 2015-militias-and-the-state.actor-1",
        "  Douglas Whitfield — person, Lt. Gen., the commander of the training mission",
        "  “The volunteers are brave,” said ⟦Lt. Gen. Douglas Whitfield, the commander of",
        "    the training mission⟧. But last June, Kataib Hezbollah denied any role.",
        "",
        "› Name        Douglas Whitfield█",
        "              the name to show",
        "  Kind        person",
        "              ←→ to change: a guess from titles and words",
        "  Merge into  —",
        "              an existing actor's id: adds the name to it instead of creating a",
        "              new actor",
        "",
        "  accepting creates a new actor “Douglas Whitfield” (person), with 1 mention",
        "  here",
        ...Array(7).fill(""),
        "Tab/↑↓ field  ←→ choose  type to change  Enter accept  Esc cancel",
      ].join("\n"),
    );
    await app.press("\t", "› Kind        ‹ person ›");
    await app.press(RIGHT, "‹ group_of_people ›");
    expect(app.frame()).toContain("  accepting creates a new actor “Douglas Whitfield” (group of people), with 1");
    await app.press("\tkataib-hezbollah", "› Merge into  kataib-hezbollah█");
    expect(app.frame()).toContain("  accepting adds “Douglas Whitfield” to kataib-hezbollah as another name, with");
    await app.press(ESC, FOOTER);
    expect(app.frame()).toContain("› ○ Douglas Whitfield — person");
  });

  it("accepts with the edits: a mention's actor, a date's event kind and title, a statement's claimant", async () => {
    const app = start({ sourceId: REVIEW_SOURCE_ID });
    await app.shows("Candidate actors");
    // The mention: its actor corrected.
    await app.press("j", "2/4");
    await app.press("e", "› Actor       kataib-hezbollah█");
    await app.press(CTRL_U, "› Actor       █");
    await app.press("asaib-ahl-al-haq", "› Actor       asaib-ahl-al-haq█");
    expect(app.frame()).toContain("  accepting creates a mention of asaib-ahl-al-haq");
    await app.press("\r", "Mentions (1 · 0 to review)");
    expect(app.frame()).toContain("› ✓ “Kataib Hezbollah” → Kataib Hezbollah");
    const mention = (await app.atlas.suggestions({ sourceId: REVIEW_SOURCE_ID, kind: "mention" })).items[0];
    expect(mention?.edit).toEqual({ actorId: "asaib-ahl-al-haq" });
    // The date: an event of a kind, with a title.
    await app.press("j", "3/4");
    await app.press("e", "› Event kind  ‹ other ›");
    // A letter jumps to the next kind that starts with it.
    await app.press("s", "‹ strike ›");
    await app.press("\tKataib Hezbollah denies a role", "› Title       Kataib Hezbollah denies a role█");
    expect(app.frame()).toContain(
      "  accepting creates an event (strike) in Jun 2014, “Kataib Hezbollah denies a\n  role”",
    );
    await app.press("\r", "Dates (1 · 0 to review)");
    expect(app.frame()).toContain("      accepted: created event 2014-06-kataib-hezbollah-denies-a-role");
    // The statement: its stance, and who said it, named outright.
    await app.press("j", "4/4");
    await app.press("e", "› Stance      ‹ asserts ›");
    await app.press(`${RIGHT}${RIGHT}`, "‹ characterizes ›");
    await app.press("d", "‹ denies ›");
    await app.press("\t\tunited-states", "› Claimant    united-states█");
    await app.press("\r", "Statements (1 · 0 to review)");
    expect(app.frame()).toContain("      accepted: created claim united-states-denies-the-volunteers-are-brave");
  });

  it("accepts all of a kind after a y, rejects with r, and says when a suggestion was already reviewed", async () => {
    const app = start({ sourceId: REVIEW_SOURCE_ID });
    await app.shows("Candidate actors");
    await app.press("j", "2/4");
    await app.press("A", "Accept all 1 mention still to review in this document? y accepts them");
    expect(lines(app.frame()).at(-1)).toBe("y accept them all  any other key cancel");
    await app.press("n", "Nothing accepted.");
    expect(app.frame()).toContain("  Mentions (1 · 1 to review)");
    await app.press("A", "y accepts them");
    await app.press("y", "Accepted 1 mention.");
    await waitFor(() => expect(app.frame()).toContain("  Mentions (1 · 0 to review)"));
    await app.press("k", "1/4");
    await app.press("r", "2015-militias-and-the-state.actor-1: rejected");
    expect(app.frame()).toContain("› ✗ Douglas Whitfield — person");
    await app.press("a", "2015-militias-and-the-state.actor-1 was already rejected.");
  });

  it("jumps to the next and previous suggestion still to review with n and p", async () => {
    const app = start({ sourceId: REVIEW_SOURCE_ID });
    await app.shows("Candidate actors");
    await app.press("a", "accepted: created actor douglas-whitfield");
    await app.press("n", "2/4");
    await app.press("n", "3/4");
    await app.press("a", "Dates (1 · 0 to review)");
    await app.press("p", "2/4");
    await app.press("p", "Nothing left to review above.");
    await app.press("n", "4/4");
  });

  it("goes back to the list with Esc, its counts updated, and quits with q", async () => {
    const onQuit = vi.fn();
    const app = start({ sourceId: REVIEW_SOURCE_ID, onQuit });
    await app.shows("Candidate actors");
    await app.press("a", "accepted: created actor");
    await app.press(ESC, "Ingested documents (1)");
    await app.shows("ingested 2026-01-01 · 3\n    to review · 1 accepted · 0 rejected");
    await app.press("\r", "Candidate actors");
    app.stdin.write("q");
    await waitFor(() => expect(onQuit).toHaveBeenCalledOnce());
  });

  it("renders one frame from data already loaded (no terminal, no keys)", async () => {
    const atlas = reviewFixtureAtlas();
    const preloaded: Preloaded = { documents: await atlas.ingestedDocuments() };
    const frame = renderToString(<ReviewApp atlas={atlas} theme={plain} size={SIZE} preloaded={preloaded} />, {
      columns: 80,
    });
    expect(lines(frame)).toHaveLength(24);
    expect(frame).toContain("› Militias and the state");
  });
});
