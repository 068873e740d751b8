/** Relation suggestions: two actors the text ties, matched against the relations the atlas holds. */
import type { Draft, ProposalOf } from "../types.js";
import { relationMatches } from "./corroborate.js";
import type { SuggestInput } from "./input.js";
import { span } from "./labels.js";
import { candidateNamed } from "./new-actors.js";
import type { RelationHit } from "./relation-types.js";

export function relationDrafts(
  text: string,
  relations: RelationHit[],
  held: NonNullable<SuggestInput["relations"]>,
  actorNames: Map<string, string>,
  newActorNames: Map<string, string>,
): Draft<ProposalOf<"relation">>[] {
  return relations.map((r) => {
    // (A new actor's end goes by the name it is proposed under: "Kildani" is "Rayan al-Kildani".)
    const named = (a: (typeof r)["from"]) => ({
      actorId: a.actorId,
      name: a.actorId ? (actorNames.get(a.actorId) ?? a.name) : candidateNamed(a.name, newActorNames),
      span: a.end > a.start ? span(text, a) : null,
    });
    const from = named(r.from);
    const to = named(r.to);
    const { existing, conflicts } = relationMatches(r, held, actorNames);
    const evidence = span(text, { start: r.start, end: r.end });
    return {
      kind: "relation",
      start: r.start,
      end: r.end,
      quote: evidence.quote,
      label: `${existing ? "More evidence: " : ""}${from.name} ${r.type.replace(/_/g, " ")} ${to.name}${r.role ? ` (${r.role})` : ""}`,
      proposal: {
        kind: "relation",
        relationType: r.type,
        from,
        to,
        role: r.role,
        time: null,
        former: r.former,
        pattern: r.pattern,
        evidence,
        existing,
        conflicts,
        confidence: r.confidence,
      },
    };
  });
}
