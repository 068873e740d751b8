import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { FIXTURE_DOCUMENT, type Fixture, makeFixture } from "../testing/fixture.js";
import { AnnotationError } from "./errors.js";
import { buildDataset } from "./load.js";

let fixture: Fixture;
afterEach(() => fixture?.cleanup());

function problems(document: string): string[] {
  fixture = makeFixture(document);
  try {
    buildDataset({ corpusDir: fixture.corpusDir, annotationsDir: fixture.annotationsDir });
  } catch (e) {
    if (e instanceof AnnotationError) return e.message.split("\n").slice(1);
    throw e;
  }
  return [];
}

describe("buildDataset", () => {
  it("builds a valid dataset: offsets computed, aliases merged, contradiction made symmetric, mentions found", () => {
    fixture = makeFixture();
    const { dataset } = buildDataset({ corpusDir: fixture.corpusDir, annotationsDir: fixture.annotationsDir });
    const source = dataset.sources[0];
    const claim = dataset.claims.find((c) => c.id === "kh-denies");
    expect(claim?.evidence[0] && source?.text.slice(claim.evidence[0].start, claim.evidence[0].end)).toBe(
      "Kataib Hezbollah denied its involvement, claiming “it wasn’t us.”",
    );
    expect(dataset.claims.find((c) => c.id === "us-alleges")?.contradictsIds).toEqual(["kh-denies"]);
    expect(dataset.relations.map((r) => r.id)).toEqual(["abu-mahdi-al-muhandis.leads.kataib-hezbollah"]);
    expect(dataset.events.find((e) => e.id === "2020-01-03-drone-strike")?.time.precision).toBe("day");
    const mentioned = dataset.mentions.map((m) => `${m.actorId}:${m.quote}`);
    expect(mentioned).toContain("qais-al-khazali:Qais al-Khalazi");
    expect(mentioned).toContain("qais-al-khazali:Khazali");
    // "it wasn't us" is not the US; the cookie notice is never mined for mentions.
    expect(dataset.mentions.filter((m) => m.actorId === "united-states").map((m) => m.quote)).toEqual(["US", "US"]);
  });

  it("checks one document with --only: what it cites from the others resolves, their problems are theirs", () => {
    // The curated documents cite each other's events and claims, and outside aliases name actors
    // that only some documents define: each validates alone.
    for (const only of ["2021-iraqi-militias-hired-guns", "2015-inside-iraqs-iranian-backed-militias"])
      expect(() => buildDataset({ only: [only] })).not.toThrow();
    fixture = makeFixture(FIXTURE_DOCUMENT.replace('killed a contractor"]', 'killed two contractors"]'));
    const dirs = { corpusDir: fixture.corpusDir, annotationsDir: fixture.annotationsDir };
    expect(() => buildDataset({ ...dirs, only: ["fixture-doc"] })).toThrow(/killed two contractors/);
    expect(() => buildDataset({ ...dirs, only: ["another-doc"] })).not.toThrow();
  });

  it("refuses a quote that is not in the text, naming the file and the record", () => {
    const out = problems(FIXTURE_DOCUMENT.replace('killed a contractor"]', 'killed two contractors"]'));
    expect(out).toHaveLength(1);
    expect(out[0]).toMatch(
      /documents\/fixture-doc\.yaml › record "2019-12-27-attack" › fatalities\.evidence: quote "killed two contractors" is not in "fixture-doc" verbatim/,
    );
  });

  it("refuses a reference to an unknown actor, naming the record and the field", () => {
    const out = problems(FIXTURE_DOCUMENT.replace("claimantId: united-states", "claimantId: us-government"));
    expect(out.join("\n")).toMatch(
      /fixture-doc\.yaml › record "us-alleges": claims\[\d\]\.claimantId: claim "us-alleges": claimantId "us-government" is not a known actor id/,
    );
  });

  it("refuses a span in boilerplate", () => {
    const out = problems(FIXTURE_DOCUMENT.replace('["The US alleges"]', '["Accept Cookies"]'));
    expect(out.join("\n")).toMatch(
      /record "united-states" › evidence: quote "Accept Cookies" occurs only in boilerplate \(cookie-notice/,
    );
  });

  it("refuses a catalogue field redefined differently, naming both files", () => {
    const out = problems(
      FIXTURE_DOCUMENT.replace("  - id: united-states\n", "  - id: united-states\n    kind: coalition\n"),
    );
    expect(out.join("\n")).toMatch(
      /fixture-doc\.yaml › record "united-states" › kind: actor "united-states" has kind "coalition" here but "state" in .*catalogue\/actors\.yaml/,
    );
  });

  it("refuses an alias the documents never write", () => {
    const out = problems(
      FIXTURE_DOCUMENT.replace("{ name: Khazali, kind: short_name }", "{ name: Khazaly, kind: short_name }"),
    );
    expect(out.join("\n")).toMatch(/record "qais-al-khazali" › aliases: alias "Khazaly" occurs nowhere/);
  });

  it("refuses an imprecise date written as a precise one", () => {
    const out = problems(
      FIXTURE_DOCUMENT.replace('edtf: "2019-12-27", basis: explicit', 'edtf: "2019-12-32", basis: explicit'),
    );
    expect(out.join("\n")).toMatch(/2019-12-27-attack.*2019-12 has no day 32/);
  });

  it("reports an actor given evidence but defined nowhere, instead of failing on its missing name", () => {
    const out = problems(
      FIXTURE_DOCUMENT.replace(
        "  - id: united-states\n",
        '  - id: undefined-actor\n    evidence: ["The US alleges"]\n  - id: united-states\n',
      ),
    );
    expect(out.join("\n")).toMatch(/record "undefined-actor" › name: actor "undefined-actor" has no name/);
  });

  it("reports a nameless actor that names from outside the documents refer to, instead of failing", () => {
    fixture = makeFixture(
      FIXTURE_DOCUMENT.replace(
        "  - id: united-states\n",
        '  - id: undefined-actor\n    evidence: ["The US alleges"]\n  - id: united-states\n',
      ),
    );
    mkdirSync(join(fixture.annotationsDir, "outside"));
    writeFileSync(
      join(fixture.annotationsDir, "outside", "aliases.yaml"),
      "- actorId: undefined-actor\n  aliases: [{ name: Nobody, kind: epithet, source: A reference }]\n",
    );
    expect(() => buildDataset({ corpusDir: fixture.corpusDir, annotationsDir: fixture.annotationsDir })).toThrow(
      /record "undefined-actor" › name: actor "undefined-actor" has no name/,
    );
  });

  it("reports every problem at once, not just the first", () => {
    const broken = FIXTURE_DOCUMENT.replace("claimantId: united-states", "claimantId: nobody").replace(
      '["The US alleges"]',
      '["not there"]',
    );
    expect(problems(broken).length).toBeGreaterThanOrEqual(2);
  });
});
