/**
 * The explorer, keys in and frames out (ink-testing-library), on a fixed small atlas and with
 * colour off, so every mark that carries meaning is visible in the text of the frame.
 */
import { renderToString } from "ink";
import { render } from "ink-testing-library";
import { afterEach, describe, expect, it, vi } from "vitest";
import { App } from "./app.js";
import { fixtureAtlas } from "./testing/fixture.js";
import { waitFor } from "./testing/wait.js";
import { makeTheme } from "./theme.js";

const plain = makeTheme(false);
const DOWN = "\u001B[B";
const ESC = "\u001B";
const SHIFT_TAB = "\u001B[Z";

let unmount: (() => void) | null = null;
afterEach(() => {
  unmount?.();
  unmount = null;
});

function start(size = { columns: 80, rows: 24 }, onQuit?: () => void) {
  const r = render(<App atlas={fixtureAtlas()} theme={plain} size={size} {...(onQuit ? { onQuit } : {})} />);
  unmount = r.unmount;
  const frame = () => r.lastFrame() ?? "";
  const shows = (text: string) => waitFor(() => expect(frame()).toContain(text));
  return { ...r, frame, shows };
}

const lines = (frame: string) => frame.split("\n");

describe("the explorer", () => {
  it("opens on the actor list at 80×24: panes, title, rows, keys in the footer", async () => {
    const app = start();
    await app.shows("Kataib Hezbollah");
    expect(app.frame()).toBe(
      [
        "Militia Atlas [1 Actors] 2 Events  3 Claims  4 Sources  5 Search     API fixture",
        "Actors (3) · sorted by name · s to change                                    1/3",
        "  Name                  Kind              Mentions    Events    Claims Relations",
        "› Iran                  state                    0         0         0         1",
        "  Kataib Hezbollah      armed group              2         1         2         1",
        "  United States         state                    1         1         1         0",
        ...Array(17).fill(""),
        "↑↓/jk move  Enter open  Esc back  Tab pane  / search  ? help  q quit",
      ].join("\n"),
    );
  });

  it("draws its first frame before the data is there", () => {
    const app = start();
    expect(lines(app.frame())[2]).toBe("  Loading…");
  });

  it("moves with j and ↓, opens an actor with Enter, and shows the profile the web shows", async () => {
    const app = start();
    await app.shows("Kataib Hezbollah");
    app.stdin.write("j");
    await app.shows("2/3");
    app.stdin.write("\r");
    await app.shows("Aliases (2)");
    expect(app.frame()).toBe(
      [
        "Militia Atlas [1 Actors] 2 Events  3 Claims  4 Sources  5 Search     API fixture",
        "Actor · Kataib Hezbollah                                                    1/20",
        "  Kataib Hezbollah",
        "  armed group · kataib-hezbollah",
        "  An Iran-backed Iraqi Shiite militia.",
        "  2 mentions in 1 source · 1 event · 2 claims · 1 relation",
        "",
        "  Aliases (2)",
        "›   KH  abbreviation",
        "    Kata'ib Hizballah  spelling · 1 source",
        "",
        "  Relations (1)",
        "    → backed by Iran",
        "",
        "  Events (1)",
        "    Dec 2019 US strikes Kataib Hezbollah bases — target",
        "        “The US struck its bases in December 2019” — Militias play politics by",
        "         day",
        "",
        "  Claims by (1)",
        "    denies (26 Jan–1 Feb 2020): Kataib Hezbollah denied involvement in the",
        "      attack. [contradicts 1]",
        "        “Kataib Hezbollah denied its involvement” — Militias play politics by",
        "↑↓/jk move  Enter open  Esc back  Tab pane  / search  ? help  q quit",
      ].join("\n"),
    );
    // Down to the relation (passing the second alias), then Enter: Iran's page (not in the fixture).
    app.stdin.write(DOWN);
    app.stdin.write(DOWN);
    await app.shows("3/20");
    expect(app.frame()).toContain("›   → backed by Iran");
  });

  it("opens a claim with what contradicts it: the other side's claimant, stance, statement and words", async () => {
    const app = start();
    await app.shows("Kataib Hezbollah");
    app.stdin.write("3");
    await app.shows("Claims (2)");
    app.stdin.write("\r");
    await app.shows("Claim · Kataib Hezbollah denies");
    expect(app.frame()).toBe(
      [
        "Militia Atlas  1 Actors  2 Events [3 Claims] 4 Sources  5 Search     API fixture",
        "Claim · Kataib Hezbollah denies                                              1/6",
        "  Kataib Hezbollah denied involvement in the attack.",
        "  kh-denies",
        "› Kataib Hezbollah denies (indirect)",
        "  Said: between 26 January and 1 February 2020 (inferred)",
        "",
        "  In their words (1)",
        "    “Kataib Hezbollah denied its involvement” — Militias play politics by day",
        "",
        "  About (2)",
        "    Kataib Hezbollah armed group",
        "    event: US strikes Kataib Hezbollah bases",
        "",
        "  Contradicts (1)",
        "    United States alleges (26 Jan–1 Feb 2020): The US alleges Kataib Hezbollah",
        "      carried out the attack. [contradicts 1]",
        "        “The US struck its bases” — Militias play politics by day",
        ...Array(5).fill(""),
        "↑↓/jk move  Enter open  Esc back  Tab pane  / search  ? help  q quit",
      ].join("\n"),
    );
  });

  it("x in Claims lists the claims that contradict each other, each pair side by side; Enter opens one", async () => {
    const app = start();
    await app.shows("Kataib Hezbollah");
    app.stdin.write("3");
    await app.shows("Claims (2)");
    app.stdin.write("x");
    await app.shows("Contradictions (1 pair)");
    expect(app.frame()).toBe(
      [
        "Militia Atlas  1 Actors  2 Events [3 Claims] 4 Sources  5 Search     API fixture",
        "Contradictions (1 pair) · Esc: every claim                                   1/4",
        "›   United States alleges (26 Jan–1 Feb 2020): The US alleges Kataib Hezbollah",
        "      carried out the attack. [contradicts 1]",
        "        “The US struck its bases” — Militias play politics by day",
        "      ↕ contradicts",
        "    Kataib Hezbollah denies (26 Jan–1 Feb 2020): Kataib Hezbollah denied",
        "      involvement in the attack. [contradicts 1]",
        "        “Kataib Hezbollah denied its involvement” — Militias play politics by",
        "         day",
        ...Array(13).fill(""),
        "↑↓/jk move  Enter open  Esc back  Tab pane  / search  ? help  q quit",
      ].join("\n"),
    );
    app.stdin.write("\r");
    await app.shows("Claim · United States alleges");
    app.stdin.write(ESC);
    await app.shows("Contradictions (1 pair)");
    app.stdin.write(ESC);
    await app.shows("Claims (2) · in the order they were said · x contradictions");
  });

  it("goes back with Esc and with Backspace, to where the cursor was", async () => {
    const app = start();
    await app.shows("Kataib Hezbollah");
    app.stdin.write("j");
    await app.shows("2/3");
    app.stdin.write("\r");
    await app.shows("Actor · Kataib Hezbollah");
    app.stdin.write(ESC);
    await app.shows("Actors (3)");
    expect(app.frame()).toContain("› Kataib Hezbollah");
    app.stdin.write("\r");
    await app.shows("Actor · Kataib Hezbollah");
    app.stdin.write("\u007F");
    await app.shows("Actors (3)");
  });

  it("says when a record is not found, and Esc leaves it", async () => {
    const app = start();
    await app.shows("Iran");
    app.stdin.write("\r");
    await app.shows("Not found");
    expect(app.frame()).toContain('No actor with id "iran".');
    app.stdin.write(ESC);
    await app.shows("Actors (3)");
  });

  it("Tabs between panes and keeps each pane's place", async () => {
    const app = start();
    await app.shows("Kataib Hezbollah");
    app.stdin.write("j\r");
    await app.shows("Actor · Kataib Hezbollah");
    app.stdin.write("\t");
    await app.shows("Events (1) · timeline");
    expect(app.frame()).toContain("Militia Atlas  1 Actors [2 Events] 3 Claims");
    expect(app.frame()).toContain("  2019\n› Dec 2019 strike       US strikes Kataib Hezbollah bases");
    app.stdin.write("\t");
    await app.shows("Claims (2)");
    app.stdin.write(SHIFT_TAB);
    app.stdin.write(SHIFT_TAB);
    await app.shows("Actor · Kataib Hezbollah");
    app.stdin.write("4");
    await app.shows("Sources (1)");
  });

  it("searches with /: typing shows in the title, Enter runs it, Enter opens a hit", async () => {
    const app = start();
    await app.shows("Kataib Hezbollah");
    app.stdin.write("/");
    await app.shows("Search: █");
    app.stdin.write("kh");
    await app.shows("Search: kh█");
    expect(app.frame()).toContain("type your search  Enter search  Esc cancel");
    app.stdin.write("\r");
    await app.shows("Search · “kh” · 1 found");
    expect(app.frame()).toContain("  Actors (1)\n›   *Kataib Hezbollah*  armed group");
    app.stdin.write("\r");
    await app.shows("Actor · Kataib Hezbollah");
  });

  it("ends a profile with its dossier to cite: silent fields said to be silent, each line's quotes under it", async () => {
    const app = start();
    await app.shows("Kataib Hezbollah");
    app.stdin.write("j\r");
    await app.shows("Claims by (1)");
    app.stdin.write("G");
    await app.shows("20/20");
    expect(app.frame()).toBe(
      [
        "Militia Atlas [1 Actors] 2 Events  3 Claims  4 Sources  5 Search     API fixture",
        "Actor · Kataib Hezbollah                                                   20/20",
        "  First and last reported attack",
        "    Not reported in the sources.",
        "",
        "  Size as each source reports it",
        "    Not reported in the sources.",
        "",
        "  Claims by Kataib Hezbollah",
        "    Denies, between 26 January and 1 February 2020: Kataib Hezbollah denied",
        "      involvement in the attack. [2]",
        "        [2] “Kataib Hezbollah denied its involvement” — Militias play politics",
        "            by day, between 26 January and 1 February 2020 (date inferred)",
        "",
        "  Claims about Kataib Hezbollah",
        "    United States alleges, between 26 January and 1 February 2020: The US",
        "      alleges Kataib Hezbollah carried out the attack. [3]",
        "        [3] “The US struck its bases” — Militias play politics by day, between",
        "            26 January and 1 February 2020 (date inferred)",
        "",
        "  Last updated",
        "›   The newest source cited, “Militias play politics by day”, was published",
        "      between 26 January and 1 February 2020 (date inferred).",
        "↑↓/jk move  Enter open  Esc back  Tab pane  / search  ? help  q quit",
      ].join("\n"),
    );
    // Up past the footnote to the claim it states: Enter opens the claim.
    app.stdin.write("kkkk");
    await app.shows("16/20");
    app.stdin.write("\r");
    await app.shows("Claim · Kataib Hezbollah denies");
  });

  it("reads a document from a quote: opened at those words, annotations marked, boilerplate set apart", async () => {
    const app = start();
    await app.shows("Kataib Hezbollah");
    app.stdin.write("j\r");
    await app.shows("Claims by (1)");
    // The dossier's last footnote, just above "Last updated" at the end of the profile.
    app.stdin.write("Gk");
    await app.shows("19/20");
    app.stdin.write("\r");
    await app.shows("Reader · Militias play politics by day");
    const frame = app.frame();
    expect(frame).toContain("  [mention]  «a claim's words»  {event evidence}  ┆ boilerplate");
    expect(frame).toContain("  ┆ Photo credit: WIRE");
    // The quote that led here is marked ⟦…⟧ inside the event evidence it belongs to.
    expect(frame).toContain(
      "  «[Kataib Hezbollah] denied its involvement», claiming that “it wasn’t us.”\n  {⟦The [US] struck its bases⟧ in December 2019}.",
    );
    expect(lines(frame)[1]).toMatch(/lines 1–9 of 9$/);
  });

  it("adapts to a resize: every line fits the new width, the footer stays at the bottom", async () => {
    const app = start();
    await app.shows("Kataib Hezbollah");
    app.rerender(<App atlas={fixtureAtlas()} theme={plain} size={{ columns: 50, rows: 12 }} />);
    await waitFor(() => expect(lines(app.frame())).toHaveLength(12));
    const frame = lines(app.frame());
    for (const line of frame) expect(Array.from(line).length).toBeLessThanOrEqual(50);
    expect(frame[0]).toBe("Militia Atlas [1 Actors] 2 Events  3 Claims  4 So…");
    // Fewer count columns, names kept readable.
    expect(frame[2]).toBe("  Name                  Kind              Mentions");
    expect(frame[3]).toBe("› Iran                  state                    0");
    expect(frame[11]).toBe("↑↓/jk move  Enter open  Esc back  Tab pane  / sea…");
  });

  it("shows the keys with ? and closes them with Esc", async () => {
    const app = start();
    await app.shows("Kataib Hezbollah");
    app.stdin.write("?");
    await app.shows("Help");
    expect(app.frame()).toContain("Tab  Shift-Tab      next / previous pane");
    app.stdin.write(ESC);
    await app.shows("Actors (3)");
  });

  it("quits with q", async () => {
    const onQuit = vi.fn();
    const app = start(undefined, onQuit);
    await app.shows("Kataib Hezbollah");
    app.stdin.write("q");
    await waitFor(() => expect(onQuit).toHaveBeenCalledOnce());
  });

  it("renders one frame without a terminal (no raw mode, no input hooks)", async () => {
    const atlas = fixtureAtlas();
    const loaded = { kind: "actors" as const, value: (await atlas.actors({})).items };
    const frame = renderToString(
      <App
        atlas={atlas}
        theme={plain}
        size={{ columns: 80, rows: 8 }}
        cache={new Map([["actors", { status: "ready", loaded }]])}
      />,
      { columns: 80 },
    );
    expect(lines(frame)).toHaveLength(8);
    expect(frame).toContain("› Iran");
  });
});
