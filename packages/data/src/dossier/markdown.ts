/**
 * A dossier as Markdown with footnotes (the `[^1]` syntax GitHub, Pandoc and most editors read):
 * each footnote gives the quote, the source's title, publisher and date, and where in the source
 * the words are, so a reader can check every line. Text is escaped, so a quote cannot turn into markup.
 */
import { describeTime } from "@atlas/schema";
import type { SourceRef } from "../queries/types.js";
import { type Dossier, type DossierLine, NOT_REPORTED } from "./types.js";

const KIND_LABELS: Record<string, string> = { armed_group: "Armed group", group_of_people: "Group of people" };
export const kindTitle = (kind: string) =>
  KIND_LABELS[kind] ?? kind.charAt(0).toUpperCase() + kind.slice(1).replaceAll("_", " ");

/** "3 January 2020", or "between 26 January and 1 February 2020 (date inferred)". */
export function publishedText(source: SourceRef): string {
  if (!source.published) return "date not known";
  const basis = source.published.basis === "explicit" ? "" : ` (date ${source.published.basis})`;
  return `${describeTime(source.published)}${basis}`;
}

/** Whitespace runs (a quote across lines) read as one space. */
export const oneLine = (s: string) => s.replace(/\s+/g, " ");

const md = (s: string) => oneLine(s).replace(/([\\`*_[\]<>#|])/g, "\\$1");

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
    if (section.lines.length === 0) out.push(NOT_REPORTED);
    else if (section.id === "about" || section.id === "updated") out.push(...section.lines.map(lineMarkdown));
    else out.push(...section.lines.map((l) => `- ${lineMarkdown(l)}`));
    out.push("");
  }
  for (const { n, quote } of d.notes) {
    const s = quote.source;
    out.push(
      `[^${n}]: “${md(quote.quote.trim())}” — ${md(s.title)}${s.publisher ? `, ${md(s.publisher)}` : ""}, ${publishedText(s)}. Source \`${s.id}\`, characters ${quote.start}–${quote.end}.`,
    );
  }
  return `${out.join("\n").trimEnd()}\n`;
}
