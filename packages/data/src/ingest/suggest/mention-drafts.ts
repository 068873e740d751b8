/** Mention suggestions: a known actor's name in the text, linked when it is one actor. */
import type { Candidate as Resolved } from "../../names/resolver.js";
import type { Draft, ProposalOf } from "../types.js";

/** A mention suggestion: linked to its one candidate, or left for the reviewer to pick (`linked` null). */
export function mentionDraft(
  text: string,
  actorNames: Map<string, string>,
  m: { start: number; end: number; candidates: Resolved[] },
  linked: Resolved | null,
  why = "ambiguous",
): Draft<ProposalOf<"mention">> {
  const first = m.candidates[0] as Resolved;
  const names = m.candidates.map((c) => actorNames.get(c.actorId) ?? c.actorId);
  return {
    kind: "mention",
    start: m.start,
    end: m.end,
    quote: text.slice(m.start, m.end),
    label: linked
      ? `Mention of ${names[0]}${linked.rule === "exact" ? "" : ` (${linked.rule.replace("-", " ")})`}`
      : `Mention of ${names.join(" or ")}? (${why})`,
    proposal: {
      kind: "mention",
      actorId: linked?.actorId ?? null,
      actorName: linked ? (names[0] as string) : null,
      alias: first.name,
      rule: first.rule,
      confidence: linked ? linked.confidence : Math.min(...m.candidates.map((c) => c.confidence)),
      candidates: m.candidates.map((c, i) => ({
        actorId: c.actorId,
        actorName: names[i] as string,
        alias: c.name,
        outside: c.origin === "outside",
        rule: c.rule,
        confidence: c.confidence,
      })),
    },
  };
}
