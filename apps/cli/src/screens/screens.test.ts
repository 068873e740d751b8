import { describe, expect, it } from "vitest";
import type { EventSummary } from "../data.js";
import { DocBuilder, docToText, lineText } from "../doc.js";
import { fixtureAtlas } from "../testing/fixture.js";
import { makeTheme } from "../theme.js";
import { dossierScreen } from "./dossier.js";
import { fatalityText } from "./event.js";
import { timelineOrder } from "./events.js";
import { pathScreen } from "./path.js";
import { readerScreen } from "./reader.js";

describe("honest numbers and order", () => {
  it("reports deaths as reported: exact, a range, or more, up to, in words, or no number — never 0 for unknown", () => {
    const who = "militiamen";
    expect(fatalityText({ low: 25, high: 25, who })).toBe("25 — militiamen");
    expect(fatalityText({ low: 4, high: 6, who })).toBe("4–6 — militiamen");
    expect(fatalityText({ low: 1, high: null, who })).toBe("1 or more — militiamen");
    expect(fatalityText({ low: 24, high: null, who, expression: "dozens" })).toBe("“dozens” (24 or more) — militiamen");
    expect(fatalityText({ low: null, high: 10, who })).toBe("up to 10 — militiamen");
    expect(fatalityText({ low: null, high: null, who })).toBe("militiamen: no number given");
    expect(fatalityText({ low: 0, high: 0, who })).toBe("0 (none reported) — militiamen");
  });

  it("puts events whose start is unknown together, by the latest they can have happened", () => {
    const e = (id: string, earliest: string | null, latest: string | null) =>
      ({ id, earliest, latest }) as EventSummary;
    const order = timelineOrder([e("b", null, "2019-12-31"), e("a", null, "1983-12-31"), e("c", "2003-01-01", null)]);
    expect(order.map((x) => x.id)).toEqual(["a", "b", "c"]);
  });
});

describe("the reader", () => {
  it("starts at the very line of the quote it was opened from, deep in a paragraph", async () => {
    const source = await fixtureAtlas().source("party-by-day");
    const start = source.text.indexOf("December 2019");
    const { doc } = readerScreen(source, { start, end: start + 13 }, new DocBuilder(20, makeTheme(false)));
    const anchored = doc.items[doc.anchor ?? -1]?.lines[0] ?? [];
    expect(lineText(anchored)).toContain("⟦December");
    expect(doc.mode).toBe("scroll");
  });

  it("marks where each page of a PDF begins, and says which page the quote is on", async () => {
    const source = await fixtureAtlas().source("party-by-day");
    const body = source.text.indexOf("Kataib Hezbollah denied");
    const paged = {
      ...source,
      pages: [
        { number: 1, start: 0, end: body - 1 },
        { number: 2, start: body, end: source.text.length },
      ],
    };
    const start = source.text.indexOf("December 2019");
    const { doc } = readerScreen(paged, { start, end: start + 13 }, new DocBuilder(60, makeTheme(false)));
    const lines = doc.items.flatMap((i) => i.lines).map(lineText);
    expect(lines).toContain("The quote is on page 2 of the original.");
    const marks = lines.filter((l) => /─ page \d ─/.test(l));
    expect(marks.map((l) => l.trim().replace(/─+/g, "─"))).toEqual(["─ page 1 ─", "─ page 2 ─"]);
    expect(lines.indexOf(marks[1] as string)).toBeLessThan(lines.findIndex((l) => l.includes("denied")));
  });

  it("says how the publication date is known when the document does not state it", async () => {
    const source = await fixtureAtlas().source("party-by-day");
    const { doc } = readerScreen(source, undefined, new DocBuilder(120, makeTheme(false)));
    const header = doc.items
      .slice(0, 3)
      .flatMap((i) => i.lines)
      .map(lineText)
      .join("\n");
    expect(header).toMatch(/publisher not stated · author not named · .*\(inferred\)/);
  });
});

describe("exploring: paths and dossiers as text", () => {
  const plain = makeTheme(false);

  it("prints what connects two actors: the chain, each relation as written, its quote", async () => {
    const paths = await fixtureAtlas().paths({ from: "kataib-hezbollah", to: "united-states" });
    expect(docToText(pathScreen(paths, new DocBuilder(80, plain)).doc, plain)).toBe(
      [
        "1 shortest path from Kataib Hezbollah to United States, 1 step each",
        "",
        "1. Kataib Hezbollah — United States",
        "   United States opposes Kataib Hezbollah (Dec 2019)",
        "     “The US struck its bases in December 2019” — Militias play politics by day",
      ].join("\n"),
    );
    const none = await fixtureAtlas().paths({ from: "united-states", to: "iran" });
    expect(docToText(pathScreen(none, new DocBuilder(80, plain)).doc, plain)).toBe(
      "No chain of relations connects United States and Iran.",
    );
  });

  it("prints a dossier: every line with its footnotes, silent fields said to be silent, the notes last", async () => {
    const dossier = await fixtureAtlas().dossier("kataib-hezbollah");
    expect(docToText(dossierScreen(dossier, new DocBuilder(80, plain)).doc, plain)).toBe(
      [
        "Kataib Hezbollah",
        "armed group · kataib-hezbollah · dossier built only from 1 source",
        "",
        "Who",
        "  An Iran-backed Iraqi Shiite militia.",
        "",
        "Names and aliases",
        "  Kataib Hezbollah — the name used here",
        "  KH — abbreviation [1]",
        "  Kata'ib Hizballah — spelling",
        "",
        "Leadership over time",
        "  Not reported in the sources.",
        "",
        "Belongs to",
        "  Not reported in the sources.",
        "",
        "Units and components",
        "  Not reported in the sources.",
        "",
        "Backed by",
        "  Backed by Iran",
        "",
        "Designations and sanctions",
        "  Not reported in the sources.",
        "",
        "First and last reported attack",
        "  Not reported in the sources.",
        "",
        "Size as each source reports it",
        "  Not reported in the sources.",
        "",
        "Claims by Kataib Hezbollah",
        "  Denies, between 26 January and 1 February 2020: Kataib Hezbollah denied",
        "    involvement in the attack. [2]",
        "",
        "Claims about Kataib Hezbollah",
        "  United States alleges, between 26 January and 1 February 2020: The US alleges",
        "    Kataib Hezbollah carried out the attack. [3]",
        "",
        "Last updated",
        "  The newest source cited, “Militias play politics by day”, was published",
        "    between 26 January and 1 February 2020 (date inferred).",
        "",
        "Notes (3)",
        "  [1] “Kataib Hezbollah” — Militias play politics by day, between 26 January and",
        "      1 February 2020 (date inferred)",
        "  [2] “Kataib Hezbollah denied its involvement” — Militias play politics by day,",
        "      between 26 January and 1 February 2020 (date inferred)",
        "  [3] “The US struck its bases” — Militias play politics by day, between 26",
        "      January and 1 February 2020 (date inferred)",
      ].join("\n"),
    );
  });
});
