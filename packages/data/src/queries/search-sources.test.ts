/**
 * Searching documents of any size: work and answers are bounded by passages, never by a
 * document's length, and one long document cannot crowd the others out of the results.
 */

import { inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDataset } from "../annotations/load.js";
import { sourcePassages } from "../db/schema/index.js";
import { bulkLoadSources } from "../seed/bulk.js";
import { seedDatabase } from "../seed/seed.js";
import { engineCases } from "../testing/engines.js";
import { makeFixture } from "../testing/fixture.js";
import { syntheticDocument } from "../testing/synthetic.js";
import { search } from "./search.js";

describe.each(engineCases())("source search on $name", (engine) => {
  let database: Awaited<ReturnType<typeof engine.open>>;
  beforeAll(async () => {
    const fixture = makeFixture();
    const { dataset } = buildDataset({ corpusDir: fixture.corpusDir, annotationsDir: fixture.annotationsDir });
    fixture.cleanup();
    database = await engine.open();
    await seedDatabase(database, dataset);
    // Three long documents (about 130 passages each) in which most passages say "Iraq".
    const long = ["alpha", "beta", "gamma"].map((name, i) => ({
      id: `long-${i + 1}`,
      title: `Long compilation ${name}`,
      text: syntheticDocument(0.5, i + 1),
      published: { edtf: `2021-0${i + 1}-01`, earliest: `2021-0${i + 1}-01`, latest: `2021-0${i + 1}-01` },
    }));
    await bulkLoadSources(database, long, { actors: [], mentions: false });
  });
  afterAll(async () => {
    await database?.drop();
  });

  it("finds every long document, though their matching passages are more than a search reads", async () => {
    const result = await search(database.db, { q: "Iraq", types: ["source"] });
    expect(result.groups.source.map((s) => s.id).sort()).toEqual(["long-1", "long-2", "long-3"]);
    expect(result.sourceRanking).toEqual({ considered: 3, capped: true });
  });

  it("highlights the words in one passage of each document, not in the whole text", async () => {
    const result = await search(database.db, { q: '"Popular Mobilization"', types: ["source"] });
    expect(result.groups.source.length).toBeGreaterThan(0);
    for (const hit of result.groups.source) {
      expect(hit.snippet.filter((p) => p.hit).map((p) => p.text.toLowerCase())).toContain("popular");
      expect(hit.snippet.map((p) => p.text).join("").length).toBeLessThan(1000);
    }
  });

  it("reads no passage of a document still being ingested (staged, with no document row yet)", async () => {
    // An ingest writes its passages before the document's row: three hundred of them, each from a
    // document of its own and first in the order search reads, would fill its whole reading.
    const staged = Array.from({ length: 300 }, (_, i) => ({
      sourceId: `aaa-staged-${String(i).padStart(3, "0")}`,
      ord: 0,
      title: "Staged",
      text: "Iraq and its militias.",
    }));
    await database.db.insert(sourcePassages).values(staged);
    try {
      // (Another limit than the first test's: its answer is cached, and staging changes no data version.)
      const result = await search(database.db, { q: "Iraq", types: ["source"], limit: 9 });
      expect(result.groups.source.map((s) => s.id).sort()).toEqual(["long-1", "long-2", "long-3"]);
      expect(result.sourceRanking.considered).toBe(3);
    } finally {
      await database.db.delete(sourcePassages).where(
        inArray(
          sourcePassages.sourceId,
          staged.map((p) => p.sourceId),
        ),
      );
    }
  });

  it("ranks a document by its title and its text together", async () => {
    const result = await search(database.db, { q: "beta Iraq", types: ["source"] });
    expect(result.groups.source.map((s) => s.id)).toEqual(["long-2"]);
  });
});
