import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { AnnotationError } from "../annotations/errors.js";
import { DEVSET_DIR } from "../paths.js";
import { type Fixture, makeFixture } from "../testing/fixture.js";
import { type Devset, loadDevset } from "./load.js";

const TEXT = [
  "Militia denies attack",
  "",
  "Kata'ib Hizballah (KH) said on Tuesday it had nothing to do with the rockets. KH spokesman",
  "Abu Ali al-Askari wrote that the group would answer in 2020. Some day it will. An official agreed.",
].join("\n");

const SOURCES = (url: string) => `
- id: dev-test
  file: dev-test.txt
  title: Militia denies attack
  titleBasis: stated
  publisher: Example News
  publisherBasis: stated
  authors: []
  authorsBasis: unknown
  published: { edtf: "2020-01-08", basis: explicit }
  genre: news
  ${url}
  segments:
    - { role: headline, quote: "Militia denies attack" }
`;

const DOCUMENT = `
source: dev-test
actors:
  - id: kataib-hezbollah
    aliases:
      - { name: "Kata'ib Hizballah", kind: transliteration }
      - { name: KH, kind: abbreviation }
    evidence: ["Kata'ib Hizballah (KH)"]
  - id: abu-ali-al-askari
    evidence: ["KH spokesman\\nAbu Ali al-Askari"]
  - id: official-who-agreed
    name: Official who agreed (test article)
    kind: group_of_people
    description: An unnamed official.
    evidence: ["An official agreed."]
dates:
  - { quote: "on Tuesday", edtf: "2020-01-07", basis: relative, note: "the Tuesday before publication on 2020-01-08" }
  - { quote: "in 2020", edtf: "2020", basis: explicit }
  - { quote: "Some day", edtf: null, note: "no day is given" }
`;

// An actor the curated atlas lacks, shared by devset documents: defined in the devset's catalogue.
const CATALOGUE = `
actors:
  - id: abu-ali-al-askari
    name: Abu Ali al-Askari
    kind: person
    description: A spokesman of Kataib Hezbollah.
`;

let fixture: Fixture | undefined;
let devsetDir: string | undefined;
afterEach(() => {
  fixture?.cleanup();
  if (devsetDir) rmSync(devsetDir, { recursive: true, force: true });
  fixture = devsetDir = undefined;
});

function load(document = DOCUMENT, url = "url: https://example.org/militia-denies-attack", only?: string[]) {
  fixture = makeFixture();
  devsetDir = mkdtempSync(join(tmpdir(), "atlas-devset-"));
  mkdirSync(join(devsetDir, "corpus"));
  mkdirSync(join(devsetDir, "annotations", "documents"), { recursive: true });
  mkdirSync(join(devsetDir, "annotations", "catalogue"));
  writeFileSync(join(devsetDir, "annotations", "catalogue", "actors.yaml"), CATALOGUE);
  writeFileSync(join(devsetDir, "corpus", "sources.yaml"), SOURCES(url));
  writeFileSync(join(devsetDir, "corpus", "dev-test.txt"), TEXT);
  writeFileSync(join(devsetDir, "annotations", "documents", "dev-test.yaml"), document);
  return loadDevset({ dir: devsetDir, corpusDir: fixture.corpusDir, annotationsDir: fixture.annotationsDir, only });
}

function problems(document: string, url?: string, only?: string[]): string {
  try {
    load(document, url, only);
  } catch (e) {
    if (e instanceof AnnotationError) return e.message;
    throw e;
  }
  return "";
}

describe("loadDevset", () => {
  it("builds the devset with the curated records: spellings added to a curated actor, a new actor from the devset catalogue, dates resolved", () => {
    const { dataset, documents } = load();
    const [doc] = documents;
    expect(doc?.url).toBe("https://example.org/militia-denies-attack");
    expect(doc?.knownActorIds).toEqual(["kataib-hezbollah"]);
    expect(doc?.newActorIds).toEqual(["abu-ali-al-askari"]);
    expect(doc?.describedActorIds).toEqual(["official-who-agreed"]);
    expect(doc?.aliasesAdded.map((a) => a.name)).toEqual(["Kata'ib Hizballah", "KH"]);
    const mentions = dataset.mentions.filter((m) => m.sourceId === "dev-test").map((m) => `${m.actorId}:${m.quote}`);
    expect(mentions).toEqual([
      "kataib-hezbollah:Kata'ib Hizballah",
      "kataib-hezbollah:KH",
      "kataib-hezbollah:KH",
      "abu-ali-al-askari:Abu Ali al-Askari",
    ]);
    expect(doc?.dates.map((d) => [d.evidence.quote, d.time?.edtf ?? null, d.time?.precision ?? null])).toEqual([
      ["on Tuesday", "2020-01-07", "day"],
      ["in 2020", "2020", "year"],
      ["Some day", null, null],
    ]);
    const tuesday = doc?.dates[0];
    expect(tuesday && TEXT.slice(tuesday.evidence.start, tuesday.evidence.end)).toBe("on Tuesday");
    expect(doc?.dates[2]?.note).toBe("no day is given");
    // The curated document is still there, unchanged by the devset.
    expect(dataset.sources.map((s) => s.id)).toEqual(["fixture-doc", "dev-test"]);
    expect(
      dataset.mentions.filter((m) => m.sourceId === "fixture-doc" && m.actorId === "kataib-hezbollah"),
    ).toHaveLength(2);
  });

  it("refuses a date expression that is not in the text, naming the file and the entry", () => {
    expect(problems(DOCUMENT.replace('quote: "on Tuesday"', 'quote: "on Wednesday"'))).toMatch(
      /annotations\/documents\/dev-test\.yaml › record "on Wednesday" › dates\[0\]: quote "on Wednesday" is not in "dev-test" verbatim/,
    );
  });

  it("refuses an unresolved date without a reason and a relative one without its reasoning", () => {
    const out = problems(
      DOCUMENT.replace(', note: "no day is given"', "").replace(
        ', note: "the Tuesday before publication on 2020-01-08"',
        "",
      ),
    );
    expect(out).toMatch(/"Some day" has edtf null: say in note why/);
    expect(out).toMatch(/"on Tuesday" is relative: say in note what it is resolved from/);
  });

  it("refuses two entries for one expression", () => {
    const out = problems(`${DOCUMENT}  - { quote: "Tuesday", edtf: "2020-01-07", basis: relative, note: "again" }\n`);
    expect(out).toMatch(/"on Tuesday" \(\d+\.\.\d+\) and "Tuesday" \(\d+\.\.\d+\) overlap/);
  });

  it("reports a selected document whose file cannot be read, where it was left out unread", () => {
    expect(problems(DOCUMENT.replace("actors:", "actors: [\n"), undefined, ["dev-test"])).toMatch(
      /annotations\/documents\/dev-test\.yaml: is not valid YAML/,
    );
  });

  it("refuses a devset source without its address", () => {
    expect(problems(DOCUMENT, "")).toMatch(/devset source "dev-test" has no url/);
  });
});

describe("the development set", () => {
  let devset: Devset;
  beforeAll(() => {
    devset = loadDevset();
  });

  it("holds at least 10 documents, each with its annotation file and its page's address", () => {
    expect(devset.documents.length).toBeGreaterThanOrEqual(10);
    const files = readdirSync(join(DEVSET_DIR, "annotations", "documents")).filter((f) => f.endsWith(".yaml"));
    expect(files.sort()).toEqual(devset.documents.map((d) => `${d.sourceId}.yaml`).sort());
    for (const d of devset.documents) expect(d.url, d.sourceId).toMatch(/^https?:\/\/\S+$/);
  });

  it("resolves every quote and every date to its exact words in the article", () => {
    const ids = new Set(devset.documents.map((d) => d.sourceId));
    const text = new Map(devset.dataset.sources.map((s) => [s.id, s.text]));
    const records = [
      ...devset.dataset.actors,
      ...devset.dataset.relations,
      ...devset.dataset.events,
      ...devset.dataset.claims,
    ];
    const spans = [
      ...records.flatMap((r) => r.evidence),
      ...devset.dataset.claims.flatMap((c) => c.attribution),
      ...devset.dataset.events.flatMap((e) => e.fatalities.flatMap((f) => f.evidence)),
      ...devset.documents.flatMap((d) => d.dates.map((date) => date.evidence)),
    ].filter((e) => ids.has(e.sourceId));
    expect(spans.length).toBeGreaterThan(0);
    for (const e of spans) expect(text.get(e.sourceId)?.slice(e.start, e.end), e.sourceId).toBe(e.quote);
  });

  it("gives every document names, statements and dates to score", () => {
    for (const d of devset.documents) {
      expect(
        devset.dataset.mentions.some((m) => m.sourceId === d.sourceId),
        d.sourceId,
      ).toBe(true);
      expect(
        devset.dataset.claims.some((c) => c.evidence.some((e) => e.sourceId === d.sourceId)),
        d.sourceId,
      ).toBe(true);
      expect(d.dates.length, d.sourceId).toBeGreaterThan(0);
    }
  });
});
