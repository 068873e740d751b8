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
      mentionPrecision: 0.95,
      actorRecall: 0.66,
      actorPrecision: 0.85,
      knownAsNew: 4,
      statementRecall: 0.74,
      speaker: 0.8,
      datesRight: 0.75,
    });
  });

  it("holds its figures on the development set of real articles", () => {
    check(total(developmentSet(curated).map((d) => d.scores)), {
      mentionRecall: 0.95,
      mentionPrecision: 0.96,
      actorRecall: 0.78,
      actorPrecision: 0.95,
      knownAsNew: 0,
      statementRecall: 0.81,
      speaker: 0.77,
      datesRight: 0.69,
    });
  });
});
