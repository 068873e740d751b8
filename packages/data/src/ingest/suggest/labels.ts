/** How suggestions quote the document: spans of its text and the short titles reviewers read. */
import type { ProposalOf } from "../types.js";

export const short = (s: string, n = 80) => {
  const flat = s.replace(/\s+/g, " ").trim();
  return flat.length > n ? `${flat.slice(0, n - 1)}…` : flat;
};

export const span = (text: string, s: { start: number; end: number }) => ({
  start: s.start,
  end: s.end,
  quote: text.slice(s.start, s.end),
});

/** A statement suggestion's title: who, whether they are a known actor yet, the stance and the words. */
export const statementLabel = (
  p: Pick<ProposalOf<"statement">, "claimantId" | "claimantName" | "speaker" | "stance" | "evidence">,
) =>
  `${p.claimantName ?? p.speaker}${p.claimantId ? "" : " (not a known actor)"} ${p.stance}: “${short(p.evidence.quote)}”`;

/** An event suggestion's title: its kind and title, or, retelling an event held, that event's title. */
export const eventLabel = (p: Pick<ProposalOf<"event">, "eventKind" | "title" | "corroborates">) =>
  `${p.corroborates ? "Another account of " : ""}${p.eventKind.replace("_", " ")}: ${p.corroborates ? p.corroborates.title : p.title}`;
