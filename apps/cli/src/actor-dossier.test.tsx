/**
 * The actor's screen carries its dossier to cite, on the embedded database: the real API router
 * in this process (testing/review-atlas.ts) on the small fixture dataset, so the dossier comes
 * from the same function `atlas dossier` and the web's profile use. Keys in, exact frames out,
 * colour off.
 */
import { render } from "ink-testing-library";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { App } from "./app.js";
import type { Atlas } from "./data.js";
import { reviewAtlas } from "./testing/review-atlas.js";
import { waitFor } from "./testing/wait.js";
import { makeTheme } from "./theme.js";

const plain = makeTheme(false);

// The test database is made once per file (an ingest and a seed: seconds on a busy machine), in a
// hook, so no test pays for it; each test then opens its own copy.
beforeAll(async () => {
  await (await reviewAtlas()).close();
});

let cleanup: (() => Promise<void>) | null = null;
afterEach(async () => {
  await cleanup?.();
  cleanup = null;
});

/** The explorer on a tall terminal (the whole profile in one frame), opened on `name` by search. */
async function openActor(name: string, size = { columns: 80, rows: 120 }) {
  const atlas: Atlas = await reviewAtlas();
  const r = render(<App atlas={atlas} theme={plain} size={size} />);
  cleanup = async () => {
    r.unmount();
    await atlas.close();
  };
  const frame = () => r.lastFrame() ?? "";
  const shows = (text: string) => waitFor(() => expect(frame()).toContain(text));
  await shows("Actors (");
  r.stdin.write(`/${name}`);
  await shows(`Search: ${name}`);
  r.stdin.write("\r");
  await shows("found");
  r.stdin.write("\r");
  await shows(`Actor · ${name}`);
  await shows(size.rows > 24 ? "Last updated" : "Relations (");
  return { ...r, frame, shows };
}

/** The frame's lines from the dossier's heading to the footer (not included). */
const dossierPart = (frame: string) => {
  const lines = frame.split("\n");
  return lines.slice(lines.indexOf("  Dossier to cite"), -1).join("\n").trimEnd();
};

describe("the actor's screen: its dossier to cite", () => {
  it("an armed group's: every field in order, silent ones said to be silent, each line's quotes under it", async () => {
    const app = await openActor("Kataib Hezbollah");
    expect(dossierPart(app.frame())).toBe(
      [
        "  Dossier to cite",
        "    Built only from 1 source; under each line, the quotes that state it.",
        "",
        "  Who",
        "    An Iran-backed militia. [1]",
        "        [1] “Kataib Hezbollah denied its involvement” — Rockets hit the embassy,",
        "            January 2020 (date inferred)",
        "",
        "  Names and aliases",
        "    Kataib Hezbollah — the name used here [1]",
        "        [1] “Kataib Hezbollah denied its involvement” — Rockets hit the embassy,",
        "            January 2020 (date inferred)",
        "",
        "  Leadership over time",
        "    Abu Mahdi al-Muhandis — leader (date not reported) [2]",
        "        [2] “Abu Mahdi al-Muhandis, the group’s leader” — Rockets hit the",
        "            embassy, January 2020 (date inferred)",
        "",
        "  Belongs to",
        "    Not reported in the sources.",
        "",
        "  Units and components",
        "    Not reported in the sources.",
        "",
        "  Backed by",
        "    Not reported in the sources.",
        "",
        "  Designations and sanctions",
        "    Not reported in the sources.",
        "",
        "  First and last reported attack",
        "    The only reported attack: Attack kills a contractor (27 December 2019;",
        "      alleged to have carried out) [3]",
        "        [3] “an attack on December 27, 2019, that killed a contractor” — Rockets",
        "            hit the embassy, January 2020 (date inferred)",
        "",
        "  Size as each source reports it",
        "    Not reported in the sources.",
        "",
        "  Claims by Kataib Hezbollah",
        "    Denies, January 2020 or earlier: Kataib Hezbollah denied carrying out the",
        "      attack on the embassy. [4]",
        "        [4] “Kataib Hezbollah denied its involvement, claiming “it wasn’t us.””",
        "            — Rockets hit the embassy, January 2020 (date inferred)",
        "",
        "  Claims about Kataib Hezbollah",
        "    United States alleges, January 2020 or earlier: The US alleges Kataib",
        "      Hezbollah was behind the December 27 attack. [5]",
        "        [5] “The US alleges that Kataib Hezbollah was behind an attack on",
        "            December 27, 2019” — Rockets hit the embassy, January 2020 (date",
        "            inferred)",
        "",
        "  Last updated",
        "    The newest source cited, “Rockets hit the embassy”, was published January",
        "      2020 (date inferred).",
      ].join("\n"),
    );
  });

  it("a person's: roles over time, affiliations, statements, events with their roles", async () => {
    const app = await openActor("Abu Mahdi al-Muhandis");
    const part = dossierPart(app.frame());
    const titles = part
      .split("\n")
      .filter((l) => /^ {2}\S/.test(l))
      .map((l) => l.trim());
    expect(titles).toEqual([
      "Dossier to cite",
      "Who",
      "Names and aliases",
      "Roles over time",
      "Affiliations",
      "Designations and sanctions",
      "Statements",
      "Events and roles",
      "Claims about Abu Mahdi al-Muhandis",
      "Last updated",
    ]);
    expect(part).toContain(
      [
        "  Roles over time",
        "    Leader of Kataib Hezbollah (date not reported) [1]",
        "        [1] “Abu Mahdi al-Muhandis, the group’s leader” — Rockets hit the",
        "            embassy, January 2020 (date inferred)",
        "",
        "  Affiliations",
        "    Not reported in the sources.",
      ].join("\n"),
    );
    expect(part).toContain(
      [
        "  Events and roles",
        "    US drone strike kills al-Muhandis (3 January 2020) — victim [2]",
        "        [2] “was killed on January 3, 2020 in a US drone strike” — Rockets hit",
      ].join("\n"),
    );
  });

  it("opens a footnote's document at its words, and a line's record, with Enter", async () => {
    const app = await openActor("Abu Mahdi al-Muhandis", { columns: 80, rows: 24 });
    // The last item is "Last updated"; above it the silent claims-about, then the event's note and line.
    app.stdin.write("G");
    await app.shows("16/16");
    app.stdin.write("k");
    await app.shows("15/16");
    expect(app.frame()).toContain("›       [2] “was killed on January 3, 2020 in a US drone strike”");
    app.stdin.write("\r");
    await app.shows("Reader · Rockets hit the embassy");
    // The reader starts at the quote, marked ⟦…⟧ inside the event evidence it belongs to.
    expect(app.frame()).toContain("{⟦was killed on January 3, 2020 in a [US] drone\n  strike⟧}.");
    app.stdin.write("\u001B");
    await app.shows("15/16");
    app.stdin.write("k\r");
    await app.shows("Event · US drone strike kills al-Muhandis");
  });
});
