/**
 * Statement suggestions: who says what, the speaker resolved to a known actor where the name
 * allows (a surname of an actor the document mentions counts), else to the new actor proposed
 * under that name; linked to the claims the atlas holds that it supports or contradicts.
 */
import type { Time } from "@atlas/schema";
import type { Draft, ProposalOf } from "../types.js";
import type { SuggestInput } from "./input.js";
import type { KnownActors } from "./known-actors.js";
import { span, statementLabel } from "./labels.js";
import { claimLinks } from "./links.js";
import { candidateNamed } from "./new-actors.js";
import { lastWordKey, stripTitles } from "./person-names.js";
import type { StatementHit } from "./speech.js";

export interface SaidStatement {
  hit: StatementHit;
  said: Time | null;
  about: string[];
}

/** "Hashem said" after "Captain Assam al-Hashem": the surnames of the actors this document mentions. */
function surnamesOf(actors: SuggestInput["actors"], mentioned: Set<string | null>) {
  const surnames = new Map<string, string | null>();
  for (const a of actors) {
    if (!mentioned.has(a.id)) continue;
    for (const name of [a.name, ...a.aliases.map((x) => x.name)]) {
      if (!name.includes(" ")) continue;
      const key = lastWordKey(name);
      surnames.set(key, surnames.has(key) && surnames.get(key) !== a.id ? null : a.id);
    }
  }
  return surnames;
}

export interface StatementSetting {
  text: string;
  known: KnownActors;
  actors: SuggestInput["actors"];
  /** The claims the atlas holds. */
  claims: NonNullable<SuggestInput["claims"]>;
  /** The actor ids the document's mention suggestions link. */
  mentioned: Set<string | null>;
  /** The new actor each candidate name key is proposed as. */
  newActorNames: Map<string, string>;
  /** The events the atlas holds that the sentence around some words retells. */
  eventsAround: (words: { start: number; end: number }) => string[];
}

export function statementDrafts(
  statements: SaidStatement[],
  { text, known, actors, claims, mentioned, newActorNames, eventsAround }: StatementSetting,
): Draft<ProposalOf<"statement">>[] {
  const actorNames = known.names;
  const surnames = surnamesOf(actors, mentioned);
  return statements.map(({ hit, said, about }) => {
    const { speaker } = hit;
    let claimantId = speaker.actorId;
    let claimantName = speaker.actorId ? (actorNames.get(speaker.actorId) ?? null) : speaker.name;
    if (!claimantId && speaker.name && speaker.from !== "description") {
      const name = stripTitles(speaker.name) || speaker.name;
      claimantId = known.knownAs(name) ?? (name.includes(" ") ? null : (surnames.get(lastWordKey(name)) ?? null));
      if (claimantId) claimantName = actorNames.get(claimantId) ?? claimantName;
      else {
        const named = candidateNamed(name, newActorNames);
        claimantName = named === name ? speaker.name : named;
      }
    }
    const evidence = span(text, hit.evidence);
    const attribution = span(text, hit.attribution);
    return {
      kind: "statement",
      start: Math.min(evidence.start, attribution.start),
      end: Math.max(evidence.end, attribution.end),
      quote: text.slice(Math.min(evidence.start, attribution.start), Math.max(evidence.end, attribution.end)),
      label: statementLabel({ claimantId, claimantName, speaker: speaker.text, stance: hit.stance, evidence }),
      proposal: {
        kind: "statement",
        speaker: speaker.text,
        speakerSpan: span(text, speaker),
        speakerFrom: speaker.from,
        claimantId,
        claimantName,
        verb: hit.verb,
        stance: hit.stance,
        mode: hit.mode,
        statement: evidence.quote.replace(/\s+/g, " ").trim(),
        evidence,
        attribution,
        said,
        aboutActorIds: about,
        onBehalfOfId: speaker.onBehalfOfId && speaker.onBehalfOfId !== claimantId ? speaker.onBehalfOfId : null,
        via: hit.via ? { actorId: hit.via.actorId, name: hit.via.name, span: span(text, hit.via.span) } : null,
        confidence: hit.confidence,
        ...claimLinks(
          {
            claimantId,
            stance: hit.stance,
            statement: evidence.quote,
            actorIds: about,
            // The event the same sentence retells, when it is one the atlas holds.
            eventIds: eventsAround(hit.evidence),
          },
          claims,
          actorNames,
        ),
      },
    };
  });
}
