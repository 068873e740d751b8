/**
 * Floors under the suggestion benchmark: what ingest finds in documents it has never seen may
 * not drop below what it reaches today. Each figure is the whole benchmark's (all documents
 * together); `pnpm bench` prints them per document, and `bench/suggest-quality.ts --misses`
 * lists every miss. Raise a floor when a change lifts the figure; never lower one to pass.
 */
import { describe, expect, it } from "vitest";
import { buildDataset } from "../../annotations/load.js";
import { developmentSet, leaveOneOut } from "./run.js";
import { fraction, type Scores, total } from "./score.js";

interface Floors {
  mentionRecall: number;
  mentionPrecision: number;
  actorRecall: number;
  actorPrecision: number;
  knownAsNew: number;
  statementRecall: number;
  speaker: number;
  datesRight: number;
  eventRecall: number;
  eventPrecision: number;
  eventKind: number;
  eventDate: number;
  eventParticipants: number;
  corroborated: number;
  corroborationRight: number;
  relationRecall: number;
  relationPrecision: number;
}

function check(scores: Scores, floors: Floors) {
  const figures = {
    mentionRecall: fraction(scores.mentions.recall),
    mentionPrecision: fraction(scores.mentions.precision),
    actorRecall: fraction(scores.actors.recall),
    actorPrecision: fraction(scores.actors.precision),
    statementRecall: fraction(scores.statements.recall),
    speaker: fraction(scores.statements.speaker),
    datesRight: fraction(scores.dates.right),
    eventRecall: fraction(scores.events.recall),
    eventPrecision: fraction(scores.events.precision),
    eventKind: fraction(scores.events.kindRight),
    eventDate: fraction(scores.events.dateRight),
    eventParticipants: fraction(scores.events.participants),
    corroborated: fraction(scores.events.corroborated),
    corroborationRight: fraction(scores.events.corroborationRight),
    relationRecall: fraction(scores.relations.recall),
    relationPrecision: fraction(scores.relations.precision),
  };
  for (const [name, value] of Object.entries(figures)) {
    expect.soft(value, name).toBeGreaterThanOrEqual(floors[name as keyof Floors]);
  }
  expect(scores.actors.knownAsNew.length, "known actors proposed as new").toBeLessThanOrEqual(floors.knownAsNew);
}

describe("ingest on documents it has never seen", { timeout: 120_000 }, () => {
  const curated = buildDataset().dataset;

  it("holds its figures leaving each curated document out", () => {
    check(total(leaveOneOut(curated).map((d) => d.scores)), {
      mentionRecall: 0.96,
      mentionPrecision: 0.97,
      actorRecall: 0.85,
      actorPrecision: 0.94,
      knownAsNew: 1,
      statementRecall: 0.79,
      speaker: 0.89,
      datesRight: 0.86,
      // Appointments (a person chosen, named, relieved) and defeats are told: recall 0.74 → 0.77;
      // a sentence's defeat now also meets the founding and the rise it tells (kind 0.73 → 0.72).
      eventRecall: 0.76,
      eventPrecision: 0.82,
      eventKind: 0.72,
      // Fewer wrong corroborations (below) leave some accounts dated by their own words: 0.65 → 0.62.
      eventDate: 0.61,
      // Of the known participants of the events found: more events found (among them wars with a
      // dozen participants the sentence does not name) lowered it from 0.34 (75 of 220 → 87 of 261).
      // A colon before a capital now opens a clause: "Biden was confronted …: A spate of rocket
      // attacks …" no longer makes Biden a participant of the attacks (0.333 → 0.330).
      eventParticipants: 0.32,
      // A retelling must now share more than a state or a country, and no side may be reversed
      // (the strike in answer is not the attack it answers): proposed corroborations right 0.57 →
      // 0.84, at the cost of 23 → 20 of the 42 held events.
      corroborated: 0.47,
      corroborationRight: 0.83,
      relationRecall: 0.27,
      relationPrecision: 0.95,
    });
  });

  it("holds its figures on the development set of real articles", () => {
    check(total(developmentSet(curated).map((d) => d.scores)), {
      // dev-20..dev-23, a second held-out batch annotated before any rule ran on them, lowered the
      // set's figures (first run: mentions 0.96 → 0.94, new actors 0.95/0.97 → 0.88/0.90, dates 0.90 →
      // 0.85, relations 0.53 → 0.49); the floors below are the set's figures with them.
      mentionRecall: 0.94,
      mentionPrecision: 0.97,
      actorRecall: 0.9,
      actorPrecision: 0.9,
      knownAsNew: 0,
      statementRecall: 0.88,
      // A pronoun that tags the words before it ("…, he said") is someone named before them: 0.91 → 0.93.
      speaker: 0.92,
      // "no immediate comment", "over 24 hours", "spent weeks": 0.85 → 0.89.
      datesRight: 0.88,
      eventRecall: 0.83,
      eventPrecision: 0.82,
      eventKind: 0.7,
      // Causes ("in light of the war") dated as before the sentence's day, states told in the
      // present not dated by an earlier sentence, "since the killing of X": 0.49 → 0.55 (40 of 73).
      eventDate: 0.57,
      // As above: more events found (70 of 177 participants found, 0.395); a name that only
      // qualifies ("U.S.-supplied weapons", "ties to Iran") is no participant (0.38 → 0.375).
      eventParticipants: 0.37,
      // As above: corroborations right 0.42 → 0.77, held events met 16 → 17 of 32.
      corroborated: 0.53,
      corroborationRight: 0.76,
      relationRecall: 0.51,
      relationPrecision: 0.87,
    });
  });
});
