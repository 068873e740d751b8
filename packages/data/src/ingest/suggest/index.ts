/**
 * The suggestion pipeline: one reading of the document's article text (read.ts) finds known
 * actors' mentions, names no known actor has, dates, statements, events and relations; each kind
 * is then drafted by its own stage, in the order the review shows them.
 */
import type { Draft } from "../types.js";
import { referenceOf } from "./date-core.js";
import { dateDrafts, dateWarnings } from "./date-drafts.js";
import { corroboratedAround, eventDrafts } from "./event-drafts.js";
import type { SuggestInput, SuggestResult } from "./input.js";
import { knownActors } from "./known-actors.js";
import { newActors } from "./new-actors.js";
import { readDocument } from "./read.js";
import { relationDrafts } from "./relation-drafts.js";
import { statementDrafts } from "./statement-drafts.js";

export type { SuggestInput, SuggestResult } from "./input.js";

const byStart = (a: Draft, b: Draft) => a.start - b.start || a.end - b.end;

export function suggest(input: SuggestInput): SuggestResult {
  const { text } = input;
  const known = knownActors(input);
  const ref = referenceOf(input.published);
  const found = readDocument(input, known, ref);
  const actors = newActors(text, found.candidates, found.wordCounts, known, found.defined, found.renamed);
  const events = eventDrafts(text, found.events, ref?.edtf, input, known.names);
  const statements = statementDrafts(found.statements, {
    text,
    known,
    actors: input.actors,
    claims: input.claims ?? [],
    mentioned: new Set(found.mentions.map((m) => m.proposal.actorId)),
    newActorNames: actors.nameByKey,
    eventsAround: (words) => corroboratedAround(events, words),
  });
  return {
    drafts: [
      ...found.mentions,
      ...actors.drafts.sort(byStart),
      ...dateDrafts(text, found.dates),
      ...statements,
      ...events,
      ...relationDrafts(text, found.relations, input.relations ?? [], known.names, actors.nameByKey),
    ],
    warnings: dateWarnings(found.unresolved, ref),
  };
}
