/**
 * Test helper: a tiny corpus and annotation tree written to a temporary directory, so loader and
 * seed tests exercise the real code paths without depending on the curated data.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const FIXTURE_TEXT = [
  "Rockets hit the embassy",
  "",
  "BAGHDAD — Kataib Hezbollah denied its involvement, claiming “it wasn’t us.” The US alleges that Kataib",
  "Hezbollah was behind an attack on December 27, 2019, that killed a contractor. Abu Mahdi al-Muhandis,",
  "the group’s leader, was killed on January 3, 2020 in a US drone strike.\u00a0Khazali and Qais al-Khalazi are one man.",
  "",
  "X",
  "This website uses cookies. Accept Cookies",
].join("\n");

export const FIXTURE_SOURCES = `
- id: fixture-doc
  file: fixture.txt
  title: Rockets hit the embassy
  titleBasis: stated
  publisher: null
  publisherBasis: unknown
  authors: []
  authorsBasis: unknown
  published: { edtf: "2020-01", basis: inferred, note: "after January 3, 2020" }
  genre: news
  segments:
    - { role: headline, quote: "Rockets hit the embassy" }
    - { role: cookie-notice, from: "X\\nThis website uses cookies" }
`;

export const FIXTURE_CATALOGUE = `
actors:
  - id: kataib-hezbollah
    name: Kataib Hezbollah
    kind: armed_group
    description: An Iran-backed militia.
  - id: united-states
    name: United States
    kind: state
    description: The United States.
`;

export const FIXTURE_DOCUMENT = `
source: fixture-doc
actors:
  - id: kataib-hezbollah
    evidence: ["Kataib Hezbollah denied its involvement"]
  - id: united-states
    aliases: [{ name: US, kind: abbreviation }]
    evidence: ["The US alleges"]
  - id: abu-mahdi-al-muhandis
    name: Abu Mahdi al-Muhandis
    kind: person
    description: Leader of Kataib Hezbollah.
    evidence: ["Abu Mahdi al-Muhandis,\\nthe group’s leader"]
  - id: qais-al-khazali
    name: Qais al-Khazali
    kind: person
    description: Named twice.
    aliases: [{ name: Khazali, kind: short_name }, { name: Qais al-Khalazi, kind: misspelling }]
    evidence: ["Khazali and Qais al-Khalazi are one man"]
relations:
  - fromId: abu-mahdi-al-muhandis
    type: leads
    toId: kataib-hezbollah
    evidence: ["Abu Mahdi al-Muhandis,\\nthe group’s leader"]
events:
  - id: 2019-12-27-attack
    kind: attack
    title: Attack kills a contractor
    summary: An attack killed a contractor.
    time: { edtf: "2019-12-27", basis: explicit, expression: "December 27, 2019" }
    participants:
      - { actorId: kataib-hezbollah, role: alleged_perpetrator }
    fatalities:
      - { low: 1, high: 1, who: a contractor, evidence: ["killed a contractor"] }
    evidence: ["an attack on December 27, 2019, that killed a contractor"]
  - id: 2020-01-03-drone-strike
    kind: strike
    title: US drone strike kills al-Muhandis
    summary: A US drone strike killed Abu Mahdi al-Muhandis.
    time: { edtf: "2020-01-03", basis: explicit, expression: "January 3, 2020" }
    participants:
      - { actorId: united-states, role: perpetrator }
      - { actorId: abu-mahdi-al-muhandis, role: victim }
    evidence: ["was killed on January 3, 2020 in a US drone strike"]
claims:
  - id: kh-denies
    claimantId: kataib-hezbollah
    stance: denies
    statement: Kataib Hezbollah denied carrying out the attack on the embassy.
    mode: indirect
    evidence: ["Kataib Hezbollah denied its involvement, claiming “it wasn’t us.”"]
    contradictsIds: [us-alleges]
  - id: us-alleges
    claimantId: united-states
    stance: alleges
    statement: The US alleges Kataib Hezbollah was behind the December 27 attack.
    mode: indirect
    about: { actorIds: [kataib-hezbollah], eventIds: [2019-12-27-attack] }
    evidence: ["The US alleges that Kataib\\nHezbollah was behind an attack on December 27, 2019"]
`;

export interface Fixture {
  corpusDir: string;
  annotationsDir: string;
  documentFile: string;
  write(document: string): void;
  cleanup(): void;
}

/** Writes the fixture corpus and annotations; `write` replaces the document file. */
export function makeFixture(document = FIXTURE_DOCUMENT): Fixture {
  const root = mkdtempSync(join(tmpdir(), "atlas-fixture-"));
  const corpusDir = join(root, "corpus");
  const annotationsDir = join(root, "annotations");
  mkdirSync(corpusDir);
  mkdirSync(join(annotationsDir, "catalogue"), { recursive: true });
  mkdirSync(join(annotationsDir, "documents"));
  writeFileSync(join(corpusDir, "fixture.txt"), FIXTURE_TEXT);
  writeFileSync(join(corpusDir, "sources.yaml"), FIXTURE_SOURCES);
  writeFileSync(join(annotationsDir, "catalogue", "actors.yaml"), FIXTURE_CATALOGUE);
  const documentFile = join(annotationsDir, "documents", "fixture-doc.yaml");
  const write = (doc: string) => writeFileSync(documentFile, doc);
  write(document);
  return {
    corpusDir,
    annotationsDir,
    documentFile,
    write,
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  };
}
