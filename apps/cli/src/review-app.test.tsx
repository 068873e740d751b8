/**
 * The interactive review, keys in and frames out (ink-testing-library), against the real API
 * router in this process on a test database (testing/review-atlas.ts): a new document with
 * suggestions of every kind, colour off so the marks are in the text. Each test reviews its own
 * copy of the database.
 */
import { renderToString } from "ink";
import { render } from "ink-testing-library";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Atlas } from "./data.js";
import { loadReviewDoc, ReviewApp } from "./review-app.js";
import type { Preloaded } from "./state/use-review-state.js";
import { REVIEW_SOURCE_ID, reviewAtlas } from "./testing/review-atlas.js";
import { waitFor } from "./testing/wait.js";
import { makeTheme } from "./theme.js";

const plain = makeTheme(false);
const ESC = "\u001B";
const RIGHT = "\u001B[C";
const CTRL_U = "\u0015";
const SIZE = { columns: 80, rows: 24 };
const ID = (local: string) => `${REVIEW_SOURCE_ID}.${local}`;

let cleanup: (() => Promise<void>) | null = null;
afterEach(async () => {
  await cleanup?.();
  cleanup = null;
});

async function start(opts: { sourceId?: string; onQuit?: () => void } = {}) {
  const atlas = await reviewAtlas();
  const r = render(<ReviewApp atlas={atlas} theme={plain} size={SIZE} {...opts} />);
  cleanup = async () => {
    r.unmount();
    await atlas.close();
  };
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
const suggestion = async (atlas: Atlas, id: string) =>
  (await atlas.suggestions({ sourceId: REVIEW_SOURCE_ID })).items.find((s) => s.id === id);

describe("the review", () => {
  it("lists the ingested documents with how far their review has come", async () => {
    const app = await start();
    await app.shows("Militias and the state");
    expect(app.frame()).toBe(
      [
        "Militia Atlas · Review                                           embedded pglite",
        "Ingested documents (1)                                                       1/1",
        "› Militias and the state",
        `    2020-militias-and-the-state · published 10 Jan 2020 · ingested ${(await app.atlas.ingestedDocuments())[0]?.ingestedAt.slice(0, 10)} ·`,
        "    12 to review · 0 accepted · 0 rejected",
        ...Array(18).fill(""),
        "↑↓/jk move  Enter open  q quit",
      ].join("\n"),
    );
  });

  it("opens a document: suggestions by kind, each in context with what was found and what accepting creates", async () => {
    const app = await start();
    await app.shows("Militias and the state");
    await app.press("\r", "Possible new actors");
    expect(app.frame()).toBe(
      [
        "Militia Atlas · Review                                           embedded pglite",
        "Militias and the state                                                      1/12",
        "  2020-militias-and-the-state · published 10 Jan 2020 · 12 suggestions, 12 to",
        "    review",
        "",
        "  Possible new actors (1 · 1 to review)",
        "› ○ Douglas Whitfield — person, Lt. Gen., the commander of the training mission",
        "      “The volunteers are brave,” said ⟦Lt. Gen. Douglas Whitfield, the",
        "      commander of the training mission⟧. But last June, Kataib Hezbollah denied",
        "      any role, according…",
        "      Described in the document as “the commander of the training mission”.",
        "      accepting creates the actor “Douglas Whitfield” (person), with 1 mention",
        "      here",
        "",
        "  Mentions (5 · 5 to review)",
        "  ○ “Kataib Hezbollah” → Kataib Hezbollah",
        "      …the commander of the training mission. But last June, ⟦Kataib Hezbollah⟧",
        "      denied any role, according to NRTV.",
        "      matched “Kataib Hezbollah” by exact · confidence 100 %",
        "      accepting records a mention of Kataib Hezbollah",
        "  ○ “US” → United States",
        "      A ⟦US⟧ drone strike on January 3, 2020 killed Abu Mahdi…",
        "",
        FOOTER,
      ].join("\n"),
    );
  });

  it("refuses a claim whose speaker is not an actor yet, naming the candidate actor; accepting it first lets the claim through", async () => {
    const app = await start({ sourceId: REVIEW_SOURCE_ID });
    await app.shows("Possible new actors");
    await app.press("jjjjjj", "7/12");
    expect(app.frame()).toContain(
      [
        "› ○ Douglas Whitfield (not an actor yet) asserts: “The volunteers are brave”",
        "      “⟦The volunteers are brave,” said Lt. Gen. Douglas Whitfield⟧, the",
        "      commander of the training mission. But last June,…",
        "      speaker as written: “Lt. Gen. Douglas Whitfield”, found by name · said,",
        "        direct · confidence 90 %",
        "      needs a change first: “Douglas Whitfield” is not an actor yet: Accept the",
        "      candidate actor suggestion 2020-militias-and-the-state.actor-1 first, or",
        "      name the claimant",
      ].join("\n"),
    );
    await app.press("a", "Not accepted");
    expect(lines(app.frame()).slice(-4)).toEqual([
      "Not accepted (2020-militias-and-the-state.statement-1): claimantId: “Douglas",
      "Whitfield” is not an actor yet: Accept the candidate actor suggestion",
      "2020-militias-and-the-state.actor-1 first, or name the claimant.",
      FOOTER,
    ]);
    // The actor, then the claim again: both change in place.
    await app.press("g", "1/12");
    await app.press("a", "accepted: created actor douglas-whitfield");
    expect(app.frame()).toContain("› ✓ Douglas Whitfield — person");
    expect(app.frame()).toContain("  Possible new actors (1 · 0 to review)");
    await app.press("jjjjjj", "7/12");
    await app.shows("› ○ Douglas Whitfield asserts: “The volunteers are brave”");
    expect(app.frame()).toContain("      accepting creates a claim: douglas-whitfield asserts “The volunteers are");
    await app.press("a", "Statements (2 · 1 to review)");
    expect(app.frame()).toContain("› ✓ Douglas Whitfield asserts: “The volunteers are brave”");
    expect(app.frame()).toContain("      accepted: created claim douglas-whitfield-asserts-the-volunteers-are-brave");
  });

  it("edits an actor in a form: fields, choices with ←→, typing, the model's preview; Esc accepts nothing", async () => {
    const app = await start({ sourceId: REVIEW_SOURCE_ID });
    await app.shows("Possible new actors");
    await app.press("e", "Edit before accepting");
    expect(app.frame()).toBe(
      [
        "Militia Atlas · Review                                           embedded pglite",
        "Edit before accepting · 2020-militias-and-the-state.actor-1",
        "  Douglas Whitfield — person, Lt. Gen., the commander of the training mission",
        "  “The volunteers are brave,” said ⟦Lt. Gen. Douglas Whitfield, the commander of",
        "    the training mission⟧. But last June, Kataib Hezbollah denied any role,",
        "    according…",
        "  accepting creates the actor “Douglas Whitfield” (person), with 1 mention here",
        "",
        "› Name          Douglas Whitfield█",
        "                the name to show",
        "  Kind          person",
        "                ←→ to change: a guess from titles and words",
        "  Merge into    —",
        "                an existing actor's id: adds the name to it instead of creating",
        "                a new actor",
        ...Array(8).fill(""),
        "Tab/↑↓ field  ←→ choose  type to change  Enter accept  Esc cancel",
      ].join("\n"),
    );
    await app.press("\t", "› Kind          ‹ person ›");
    await app.press(RIGHT, "‹ group_of_people ›");
    expect(app.frame()).toContain("  accepting creates the actor “Douglas Whitfield” (group of people), with 1");
    await app.press("\tkataib-hezbollah", "› Merge into    kataib-hezbollah█");
    expect(app.frame()).toContain("  accepting adds “Douglas Whitfield” to kataib-hezbollah as another name, with");
    await app.press(ESC, FOOTER);
    expect(app.frame()).toContain("› ○ Douglas Whitfield — person");
    expect((await suggestion(app.atlas, ID("actor-1")))?.status).toBe("suggested");
  });

  it("accepts with the edits: a date's event kind and title, a statement's stance; every label shows them", async () => {
    const app = await start({ sourceId: REVIEW_SOURCE_ID });
    await app.shows("Possible new actors");
    // The date: an event of a kind, with a title.
    await app.press("G", "12/12");
    await app.press("k", "11/12");
    await app.press("e", "› Event kind    ‹ other ›");
    // A letter jumps to the next kind that starts with it.
    await app.press("s", "‹ strike ›");
    await app.press("\t", "› Title         But last June");
    await app.press(CTRL_U, "› Title         █");
    await app.press("Kataib Hezbollah denies a role", "› Title         Kataib Hezbollah denies a role█");
    expect(app.frame()).toContain("  accepting creates an event (strike), “Kataib Hezbollah denies a role”, 2019-06");
    await app.press("\r", "Dates (2 · 1 to review)");
    expect(app.frame()).toContain("› ✓ Jun 2019 — Kataib Hezbollah denies a role (strike)");
    expect(app.frame()).toContain("      accepted: created event 2019-06-kataib-hezbollah-denies-a-role");
    // The statement: its stance, in the form and then everywhere.
    await app.press("g", "1/12");
    await app.press("jjjjjjj", "8/12");
    await app.press("e", "› Stance        ‹ denies ›");
    await app.press(`${RIGHT}${RIGHT}`, "‹ accuses ›");
    await app.press("w", "‹ warns ›");
    expect(app.frame()).toContain("  Kataib Hezbollah denies: “Kataib Hezbollah denied any role.”");
    expect(app.frame()).toContain("  accepting creates a claim: kataib-hezbollah warns “Kataib Hezbollah denied");
    await app.press("\r", "› ✓ Kataib Hezbollah warns: “Kataib Hezbollah denied any role.”");
    expect(app.frame()).toContain(
      "      accepted: created claim\n      kataib-hezbollah-warns-kataib-hezbollah-denied-any-role",
    );
    expect((await suggestion(app.atlas, ID("statement-2")))?.edit).toEqual({ stance: "warns" });
  });

  it("a date that is not EDTF is named in the form and nothing is sent", async () => {
    const app = await start({ sourceId: REVIEW_SOURCE_ID });
    await app.shows("Possible new actors");
    await app.press("G", "12/12");
    await app.press("e\t\t", "› Date          2020-01-03█");
    await app.press(CTRL_U, "› Date          █");
    await app.press("January 2020", "› Date          January 2020█");
    await app.shows("  Date: ");
    await app.press("\r", "Date: ");
    expect(app.frame()).toContain("Edit before accepting");
    expect((await suggestion(app.atlas, ID("date-2")))?.status).toBe("suggested");
  });

  it("an ambiguous mention is accepted as the candidate its number names", async () => {
    const app = await start({ sourceId: REVIEW_SOURCE_ID });
    await app.shows("Possible new actors");
    await app.press("jjjjj", "6/12");
    expect(app.frame()).toContain("      keys: 1 Hezbollah · 2 Kataib Hezbollah");
    await app.press("2", "› ✓ “Hezbollah” → Kataib Hezbollah");
    expect(await suggestion(app.atlas, ID("mention-5"))).toMatchObject({
      edit: { actorId: "kataib-hezbollah" },
      records: [{ type: "mention" }],
    });
  });

  it("m adds the document's account to the event the atlas holds; c makes a new relation", async () => {
    const app = await start({ sourceId: REVIEW_SOURCE_ID });
    await app.shows("Possible new actors");
    await app.press("G", "12/12");
    await app.press("kkk", "9/12");
    expect(app.frame()).toContain("› ○ another account of “US drone strike kills al-Muhandis”");
    await app.press("m", "Events (1 · 0 to review)");
    expect(app.frame()).toContain("      accepted: created event evidence 2020-01-03-drone-strike");
    const event = await app.atlas.event("2020-01-03-drone-strike");
    expect(event.sources.map((s) => s.source.id)).toContain(REVIEW_SOURCE_ID);
    await app.press("j", "10/12");
    await app.press("c", "Relations (1 · 0 to review)");
    expect(app.frame()).toContain("created relation abu-mahdi-al-muhandis.leads.kataib-hezbollah-2");
  });

  it("accepts all of a kind above a typed confidence, leaving the unsure ones; y alone accepts all of a kind without one", async () => {
    const app = await start({ sourceId: REVIEW_SOURCE_ID });
    await app.shows("Possible new actors");
    await app.press("j", "2/12");
    await app.press("A", "Accept 5 mentions still to review in this document at confidence ≥ █?");
    expect(lines(app.frame()).at(-1)).toBe("type a confidence (0–1)  Enter accept them  Esc cancel");
    await app.press("0.9", "Accept 4 mentions of 5 still to review in this document at confidence ≥ 0.9█?");
    await app.press("\r", "Accepted 4 mentions at confidence 0.9 or more.");
    await waitFor(() => expect(app.frame()).toContain("  Mentions (5 · 1 to review)"));
    await app.press("k", "1/12");
    await app.press("A", "Accept 1 candidate actor still to review in this document? Enter accepts them");
    expect(lines(app.frame()).at(-1)).toBe("y/Enter accept them all  any other key cancel");
    await app.press("n", "Nothing accepted.");
    await app.press("r", `${ID("actor-1")}: rejected`);
    expect(app.frame()).toContain("› ✗ Douglas Whitfield — person");
    await app.press("a", `${ID("actor-1")} was already rejected.`);
  });

  it("jumps to the next and previous suggestion still to review with n and p", async () => {
    const app = await start({ sourceId: REVIEW_SOURCE_ID });
    await app.shows("Possible new actors");
    await app.press("a", "accepted: created actor douglas-whitfield");
    await app.press("n", "2/12");
    await app.press("n", "3/12");
    await app.press("r", "Mentions (5 · 4 to review)");
    await app.press("p", "2/12");
    await app.press("p", "Nothing left to review above.");
    await app.press("n", "4/12");
  });

  it("goes back to the list with Esc, its counts updated, and quits with q", async () => {
    const onQuit = vi.fn();
    const app = await start({ sourceId: REVIEW_SOURCE_ID, onQuit });
    await app.shows("Possible new actors");
    await app.press("r", "rejected");
    await app.press(ESC, "Ingested documents (1)");
    await app.shows("11 to review · 0 accepted · 1 rejected");
    await app.press("\r", "Possible new actors");
    app.stdin.write("q");
    await waitFor(() => expect(onQuit).toHaveBeenCalledOnce());
  });

  it("renders one frame from data already loaded (no terminal, no keys)", async () => {
    const atlas = await reviewAtlas();
    cleanup = () => atlas.close();
    const preloaded: Preloaded = {
      documents: await atlas.ingestedDocuments(),
      document: await loadReviewDoc(atlas, REVIEW_SOURCE_ID),
    };
    const frame = renderToString(
      <ReviewApp atlas={atlas} theme={plain} size={SIZE} sourceId={REVIEW_SOURCE_ID} preloaded={preloaded} />,
      { columns: 80 },
    );
    expect(lines(frame)).toHaveLength(24);
    expect(frame).toContain("› ○ Douglas Whitfield — person");
  });
});
