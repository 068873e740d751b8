/**
 * ATLAS_SEED=none: a new database with the schema and no curated corpus, for a team that builds
 * its own atlas from its own documents — and it stays empty on later starts without the variable.
 */
import { Dataset } from "@atlas/schema";
import { count } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as t from "../db/schema/index.js";
import { ingestDocument } from "../ingest/ingest.js";
import { exportDataset } from "../queries/export.js";
import { engineCases } from "../testing/engines.js";
import { ensureCorpus, seedModeOf } from "./seed.js";

const DOCUMENT = [
  "Militia commander meets tribal leaders",
  "",
  "By Sara Haddad",
  "",
  "Colonel Karim Saadi, a commander of the Northern Shield Brigades, met tribal leaders in Kirkuk on Sunday, his office said.",
].join("\n");

describe.each(engineCases())("an empty atlas on $name", (engine) => {
  let database: Awaited<ReturnType<typeof engine.open>>;
  beforeAll(async () => {
    database = await engine.open();
  });
  afterAll(async () => {
    await database?.drop();
  });

  const rows = async () =>
    Object.fromEntries(
      await Promise.all(
        Object.entries({
          sources: t.sources,
          actors: t.actors,
          events: t.events,
          claims: t.claims,
          places: t.places,
        }).map(async ([name, table]) => [name, (await database.db.select({ n: count() }).from(table))[0]?.n] as const),
      ),
    );

  it("ATLAS_SEED=none opens the schema with no curated corpus, and later starts without the variable keep it so", async () => {
    expect(await ensureCorpus(database, { seed: "none" })).toEqual({ mode: "none" });
    expect(await rows()).toEqual({ sources: 0, actors: 0, events: 0, claims: 0, places: 0 });
    expect(await seedModeOf(database, undefined)).toBe("none");
    expect(await rows()).toEqual({ sources: 0, actors: 0, events: 0, claims: 0, places: 0 });
  });

  it("takes a team's own documents, and exports a valid dataset", async () => {
    const report = await ingestDocument(database.db, { content: DOCUMENT, published: "2021-03-07" });
    expect(report.suggestions.actor).toBeGreaterThan(0);
    expect(report.suggestions.mention ?? 0).toBe(0);
    const dataset = await exportDataset(database.db);
    expect(Dataset.safeParse(dataset).success).toBe(true);
    expect(dataset.sources.map((s) => s.id)).toEqual([report.sourceId]);
    expect(dataset.actors).toEqual([]);
  });

  it("ATLAS_SEED=curated adds the curated corpus, keeping what was ingested", async () => {
    const report = await ensureCorpus(database, { seed: "curated" });
    expect(report).toMatchObject({ mode: "curated", skipped: false });
    expect((await rows()).sources).toBe(6);
    expect(await seedModeOf(database, undefined)).toBe("curated");
  });
});
