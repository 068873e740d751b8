/**
 * `atlas import` as a script uses it: the real binary, no TTY, an empty embedded atlas
 * (ATLAS_SEED=none) in a temporary directory. A dataset comes in and says what it read and
 * added; the same file again, a file that is not JSON and a wrong format are refused with what
 * is wrong (exit 1, or 2 for a usage mistake); a STIX bundle's objects go to review.
 */
import { rmSync, truncateSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { buildDataset, formatDataset } from "@atlas/data";
import { makeFixture } from "@atlas/data/testing";
import { MAX_IMPORT_BYTES } from "@atlas/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ActorSummary, ImportReport } from "./data.js";
import { atlas, childEnv, closedPort, tempDir } from "./testing/binary.js";

let dir: string;
let env: NodeJS.ProcessEnv;
const file = (name: string) => join(dir, name);

beforeAll(async () => {
  dir = tempDir("import");
  env = childEnv({ dataDir: join(dir, "db"), apiUrl: `http://127.0.0.1:${await closedPort()}`, ATLAS_SEED: "none" });
  const fixture = makeFixture();
  try {
    const { dataset } = buildDataset({ corpusDir: fixture.corpusDir, annotationsDir: fixture.annotationsDir });
    writeFileSync(file("atlas.json"), formatDataset(dataset, "json"));
    writeFileSync(file("atlas.stix.json"), formatDataset(dataset, "stix"));
  } finally {
    fixture.cleanup();
  }
  writeFileSync(file("notes.json"), "actors:\n  - Kataib Hezbollah\n");
  writeFileSync(file("huge.json"), "");
  truncateSync(file("huge.json"), MAX_IMPORT_BYTES + 1);
  // Writes name their reviewer: the first admin, made where the database is.
  const admin = await atlas(["reviewers", "add", "tester", "--admin", "--json"], env);
  env.ATLAS_TOKEN = (JSON.parse(admin.stdout) as { token: string }).token;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("atlas import", () => {
  it("brings a dataset into an empty atlas and says what it read and added; the same file again is refused", async () => {
    const r = await atlas(["import", file("atlas.json")], env);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^Imported atlas\.json as import-atlas \(atlas dataset, \d+\.\d KB, \d+\.\d s\)$/);
    expect(lines).toContain("  read:      sources 1, actors 4, relations 1, events 2, claims 2, mentions 7");
    expect(lines).toContain("  matched:   none");
    expect(lines).toContain("  new:       sources 1, actors 4, events 2, claims 2, relations 1");
    expect(lines.at(-1)).toBe("Nothing to review.");
    const actors = JSON.parse((await atlas(["actors", "--json"], env)).stdout) as ActorSummary[];
    expect(actors.map((a) => a.id)).toContain("kataib-hezbollah");

    const again = await atlas(["import", file("atlas.json"), "--json"], env);
    expect(again.code).toBe(1);
    expect(again.stdout).toBe("");
    expect(again.stderr).toMatch(
      /atlas\.json: This file was imported before, as import-atlas .* Nothing was imported\./,
    );
  });

  it("puts a STIX bundle's objects up for review, keeping their STIX ids", async () => {
    const r = await atlas(["import", file("atlas.stix.json"), "--json"], env);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as ImportReport;
    expect(report.format).toBe("stix");
    expect(report.added).toEqual({ sources: 1 });
    expect(report.suggested).toMatchObject({ actor: 4, relation: 1, event: 2, statement: 2 });
    const sourceId = report.review[0]?.sourceId as string;
    const listed = await atlas(["review", sourceId, "--list", "--json", "--kind", "actor"], env);
    const items = JSON.parse(listed.stdout) as { proposal: { imported?: { externalId: string } } }[];
    expect(items.map((s) => s.proposal.imported?.externalId)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^threat-actor--/)]),
    );
  });

  it("refuses what it cannot take, naming what is wrong, and writes nothing", async () => {
    const before = (await atlas(["sources", "--json"], env)).stdout;
    const notJson = await atlas(["import", file("notes.json")], env);
    expect(notJson.code).toBe(1);
    expect(notJson.stderr).toMatch(/notes\.json: The file is not valid JSON.*Nothing was imported\./s);
    const huge = await atlas(["import", file("huge.json")], env);
    expect(huge.code).toBe(1);
    expect(huge.stderr).toMatch(/huge\.json: The file is 64\.0 MB; the limit for an import is 64\.0 MB/);
    const asked = await atlas(["import", file("atlas.json"), "--format", "stix"], env);
    expect(asked.code).toBe(1);
    expect(asked.stderr).toMatch(/given as a STIX 2\.1 bundle \(format stix\), but it is an atlas dataset/);
    const usage = await atlas(["import", file("atlas.json"), "--format", "yaml"], env);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/--format: "yaml" is not a format atlas imports; choose from json, stix/);
    const missing = await atlas(["import", file("nope.json")], env);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/nope\.json: no such file/);
    expect((await atlas(["sources", "--json"], env)).stdout).toBe(before);
  });
});
