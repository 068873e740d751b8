/**
 * A dossier as Markdown with footnotes (the `[^1]` syntax GitHub, Pandoc and most editors read):
 * each footnote gives the quote, the source's title, publisher and date, and where in the source
 * the words are, so a reader can check every line. Text is escaped, so a quote cannot turn into markup.
 */
import type { Dossier, DossierLine } from "./types.js";

const KIND_LABELS: Record<string, string> = { armed_group: "Armed group", group_of_people: "Group of people" };
const kindTitle = (kind: string) =>
  KIND_LABELS[kind] ?? kind.charAt(0).toUpperCase() + kind.slice(1).replaceAll("_", " ");

/** Escaped for Markdown, on one line (a quote across lines reads with one space). */
const md = (s: string) => s.replace(/\s+/g, " ").replace(/([\\`*_[\]<>#|])/g, "\\$1");

const lineMarkdown = (line: DossierLine) =>
  `${line.parts.map((p) => md(p.text)).join("")}${line.notes.map((n) => `[^${n}]`).join("")}`;

export function dossierMarkdown(d: Dossier): string {
  const out = [`# ${md(d.actor.name)}`, ""];
  out.push(
    `${kindTitle(d.actor.kind)} · Militia Atlas dossier (\`${d.actor.id}\`), built only from ${d.sources.length === 1 ? "1 source" : `${d.sources.length} sources`}; every line is footnoted to the words that state it.`,
    "",
  );
  for (const section of d.sections) {
    out.push(`## ${md(section.title)}`, "");
    if (!section.reported || section.id === "about" || section.id === "updated") {
      out.push(...section.lines.map(lineMarkdown));
    } else out.push(...section.lines.map((l) => `- ${lineMarkdown(l)}`));
    out.push("");
  }
  for (const { n, quote, citation } of d.notes) {
    out.push(
      `[^${n}]: “${md(quote.quote.trim())}” — ${md(citation)}. Source \`${quote.sourceId}\`, characters ${quote.start}–${quote.end}.`,
    );
  }
  return `${out.join("\n").trimEnd()}\n`;
}
