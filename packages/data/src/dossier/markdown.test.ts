import { describe, expect, it } from "vitest";
import { dossierMarkdown } from "./markdown.js";
import type { Dossier } from "./types.js";

const source = {
  id: "wire-2020",
  title: "A *bold* claim",
  publisher: "Wire",
  published: { edtf: "2020-01", precision: "month" as const, basis: "explicit" as const },
};

const dossier: Dossier = {
  actor: { id: "x-group", name: "X Group", kind: "armed_group", description: "A group." },
  template: "group",
  sections: [
    { id: "about", title: "Who", reported: true, lines: [{ parts: [{ text: "A group." }], notes: [1] }] },
    {
      id: "backers",
      title: "Backed by",
      reported: true,
      lines: [{ parts: [{ text: "Backed by " }, { text: "[Y]", actorId: "y" }], notes: [1] }],
    },
    {
      id: "units",
      title: "Units and components",
      reported: false,
      lines: [{ parts: [{ text: "Not reported in the sources." }], notes: [] }],
    },
  ],
  notes: [
    {
      n: 1,
      quote: {
        sourceId: "wire-2020",
        start: 10,
        end: 40,
        quote: "backed by\n[Y] *openly*",
        prefix: null,
        suffix: null,
        source,
      },
      citation: "A *bold* claim, Wire, January 2020",
    },
  ],
  sources: [source],
};

describe("a dossier in Markdown", () => {
  it("footnotes every line with the quote, source and date; silent fields say so; text cannot become markup", () => {
    expect(dossierMarkdown(dossier)).toBe(
      [
        "# X Group",
        "",
        "Armed group · Militia Atlas dossier (`x-group`), built only from 1 source; every line is footnoted to the words that state it.",
        "",
        "## Who",
        "",
        "A group.[^1]",
        "",
        "## Backed by",
        "",
        "- Backed by \\[Y\\][^1]",
        "",
        "## Units and components",
        "",
        "Not reported in the sources.",
        "",
        "[^1]: “backed by \\[Y\\] \\*openly\\*” — A \\*bold\\* claim, Wire, January 2020. Source `wire-2020`, characters 10–40.",
        "",
      ].join("\n"),
    );
  });
});
