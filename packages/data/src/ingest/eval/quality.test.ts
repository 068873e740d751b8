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
      mentionRecall: 0.94,
      mentionPrecision: 0.96,
      actorRecall: 0.64,
      actorPrecision: 0.85,
      knownAsNew: 4,
      statementRecall: 0.76,
      speaker: 0.82,
      datesRight: 0.76,
      eventRecall: 0.62,
      eventPrecision: 0.82,
      eventKind: 0.68,
      eventDate: 0.51,
      eventParticipants: 0.32,
      corroborated: 0.35,
      relationRecall: 0.21,
      relationPrecision: 0.94,
    });
  });

  it("holds its figures on the development set of real articles", () => {
    check(total(developmentSet(curated).map((d) => d.scores)), {
      mentionRecall: 0.95,
      mentionPrecision: 0.96,
      actorRecall: 0.78,
      actorPrecision: 0.95,
      knownAsNew: 0,
      statementRecall: 0.82,
      speaker: 0.76,
      datesRight: 0.71,
      eventRecall: 0.78,
      eventPrecision: 0.79,
      eventKind: 0.58,
      eventDate: 0.38,
      eventParticipants: 0.38,
      corroborated: 0.31,
      relationRecall: 0.31,
      relationPrecision: 0.8,
    });
  });
});
