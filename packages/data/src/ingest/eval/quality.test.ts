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
      // A name spelled otherwise with its own last word in lower case ("the Fatih alliance"): 0.97 → 0.98.
      mentionRecall: 0.97,
      mentionPrecision: 0.97,
      actorRecall: 0.85,
      actorPrecision: 0.95,
      knownAsNew: 1,
      statementRecall: 0.8,
      speaker: 0.9,
      datesRight: 0.86,
      // Appointments (a person chosen, named, relieved) and defeats are told: recall 0.74 → 0.77;
      // a sentence's defeat now also meets the founding and the rise it tells (kind 0.73 → 0.72).
      // A group's deployment is told ("Kataib Hezbollah sent units to Syria"): recall 77 % → 78 %,
      // precision 83 % → 84 %; that event's kind is "other" in the curated annotation and a
      // mobilization by the rule the development set's annotators follow (kind 0.72 → 0.716).
      eventRecall: 0.77,
      eventPrecision: 0.83,
      eventKind: 0.71,
      // Fewer wrong corroborations (below) leave some accounts dated by their own words: 0.65 → 0.62;
      // a person struck in both accounts ties them twice: 0.63.
      eventDate: 0.62,
      // Of the known participants of the events found: more events found (among them wars with a
      // dozen participants the sentence does not name) lowered it from 0.34 (75 of 220 → 87 of 261).
      // A colon before a capital now opens a clause: "Biden was confronted …: A spate of rocket
      // attacks …" no longer makes Biden a participant of the attacks (0.333 → 0.330).
      eventParticipants: 0.32,
      // A retelling must now share more than a state or a country, and no side may be reversed
      // (the strike in answer is not the attack it answers): proposed corroborations right 0.59 →
      // 0.84, at the cost of 23 → 21 of the 42 held events.
      corroborated: 0.5,
      // One day's happening is no longer the campaign held over years retold: 0.84 → 0.87.
      corroborationRight: 0.87,
      // A relation said outright ("X is the leader of Y"), a title inside a known name: 0.27 → 0.29.
      relationRecall: 0.29,
      relationPrecision: 0.96,
    });
  });

  it("holds its figures on the development set of real articles", () => {
    check(total(developmentSet(curated).map((d) => d.scores)), {
      // Each held-out batch was annotated before any rule ran on it and lowered the set's figures on
      // its first run: dev-20..dev-23 (mentions 0.96 → 0.94, new actors 0.95/0.97 → 0.88/0.90, dates
      // 0.90 → 0.85, relations 0.53 → 0.49), dev-24..dev-27 (on those four alone: new actors
      // 0.61/0.84, dates right 0.62, event dates 0.33, relations 0.15/0.38), dev-28..dev-31 (on
      // those four alone: new actors 0.79/0.71 with one known actor proposed as new, speakers 0.85,
      // dates right 0.67, event precision 0.66 and kind 0.62, corroborations right 0/2, relations
      // 0.26/0.50), dev-32..dev-35 (on those four alone: new actors 0.81/0.86 with one known actor
      // proposed as new, speakers 0.77, dates right 0.82, event kind 0.44, relations 0.20/0.88), then
      // dev-36..dev-39 (on those four alone: mentions 0.92/0.90, new actors 0.61/0.75, statements
      // 0.82, dates found/right 0.64/0.40, event kind 0.47 and date 0.21, relations 0.08/0.33), then
      // dev-40..dev-43 (on those four alone: mentions 0.93/0.92, one known actor proposed as new,
      // statements 0.73, dates found/right 0.70/0.53, event date 0.35, relations 0.20/0.36; with all
      // 43 articles statements 0.91 → 0.90, dates right 0.82 → 0.78, event date 0.56 → 0.54,
      // corroborations right 0.79 → 0.77, relation precision 0.82 → 0.78), then dev-44..dev-47 (on
      // those four alone: mentions 0.88/0.86, new actors 0.63/0.71 with one known actor proposed as
      // new, statements 0.85, speakers 0.89, dates right 0.83, event precision 0.55, kind and date 0.71,
      // relations 0.17/0.67), then dev-48..dev-51, after the rules the eighth batch taught (on those
      // four alone: new actors 0.81/0.82 with two known actors proposed as new, statements 0.78,
      // speakers 0.79, dates found/right 0.80/0.65, event precision 0.59, kind 0.58, date 0.42,
      // relations 0.12/0.33; with all 51 articles new actors 0.866/0.925 → 0.849/0.909, event
      // precision 0.816 → 0.777, relations 0.507/0.790 → 0.468/0.784), then dev-52..dev-55 (on those
      // four alone, first run with the code of the stop that added them: mention precision 0.82, new
      // actors 0.67/0.90, statements 0.85, speakers 0.88, dates right 0.63, event precision 0.59, kind
      // 0.60, date 0.40, relations 0.06/0.33), then dev-56..dev-59, after the rules the tenth batch
      // taught (on those four alone: mentions 0.96/0.96, new actors 0.67/0.62, statements 0.86, speakers
      // 0.83, dates right 0.50, events 0.60/0.58, kind 0.42, date 0.33, relations 0.25/0.44; with all 59
      // articles new actors 0.849/0.909 → 0.831/0.898, dates right 0.78 → 0.76, event precision 0.777 →
      // 0.748, corroborations 0.47 → 0.43 and right 0.75 → 0.71, relation precision 0.784 → 0.766).
      // The floors below are the set's figures with all 59 articles.
      mentionRecall: 0.94,
      mentionPrecision: 0.95,
      // A line break before a capital ends a sentence (a byline's line no longer runs into the first
      // sentence's names); one-word outlets where a source is named, a dateline's agency: 0.84 → 0.866.
      actorRecall: 0.83,
      // No new actor ends on an article ("Head of Al-…" beside a known name): 0.909 → 0.920.
      actorPrecision: 0.89,
      // A body's name without its head noun ("Popular Mobilization"): 1 → 0; the ninth batch's
      // "Iraqi Hezbollah" and a misspelt "Ali al-Sistan": 0 → 2.
      knownAsNew: 2,
      // Speech told by its noun ("assurances from X that", "drew condemnation from X"), "raised
      // concerns over", "identified X as": 0.90 → 0.92.
      statementRecall: 0.9,
      speaker: 0.91,
      // A range whose ends are parts of days is one interval, where the annotators wrote two dates: 0.79 → 0.78.
      datesRight: 0.76,
      eventRecall: 0.83,
      eventPrecision: 0.74,
      eventKind: 0.72,
      // Ranges of parts of days; what someone reports in the present perfect happened by the day told: 0.55 → 0.57.
      eventDate: 0.54,
      eventParticipants: 0.38,
      corroborated: 0.42,
      // One day's happening is no longer the campaign held over years retold: 0.71 → 0.79.
      corroborationRight: 0.71,
      relationRecall: 0.45,
      // "Iranian-backed forces" now names the Iran-backed militias, whose name restates "backed by
      // Iran" twice more, a tie the set's annotators do not count where the name alone says it:
      // 0.766 → 0.756.
      relationPrecision: 0.75,
    });
  });
});
