import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { buildDataset } from "../annotations/load.js";
import { exportDataset } from "../queries/export.js";
import { curatedSeed, seedDatabase } from "../seed/seed.js";
import { unstamped } from "../testing/engines.js";
import { makeFixture } from "../testing/fixture.js";
import { type Database, openDatabase } from "./client.js";
import * as tables from "./schema/index.js";
import { MIGRATIONS_DIR, PGLITE_EXTENSIONS, snapshotTarball, startFromSnapshot } from "./snapshot.js";

const journal = JSON.parse(readFileSync(join(MIGRATIONS_DIR, "meta", "_journal.json"), "utf8")) as {
  entries: unknown[];
};

describe("the migrated snapshot", () => {
  const root = mkdtempSync(join(tmpdir(), "atlas-snapshot-"));
  const cache = join(root, "cache");
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const migrationsApplied = async (client: PGlite) => {
    const applied = await client.query<{ n: number }>("select count(*)::int as n from drizzle.__drizzle_migrations");
    const tables = await client.query<{ n: number }>(
      "select count(*)::int as n from information_schema.tables where table_name in ('actors', 'claims', 'sources')",
    );
    return { applied: applied.rows[0]?.n, tables: tables.rows[0]?.n };
  };

  it("starts a new data directory with every migration applied, and is built once", async () => {
    expect(await startFromSnapshot(join(root, "a"), { cacheDir: cache })).toEqual({});
    const built = readdirSync(cache).sort();
    expect(built).toEqual([expect.stringMatching(/^pglite-migrated-[0-9a-f]{16}$/), expect.stringMatching(/\.tar$/)]);
    const tarballWritten = statSync(join(cache, built[1] as string)).mtimeMs;

    await startFromSnapshot(join(root, "b"), { cacheDir: cache });
    expect(readdirSync(cache).sort()).toEqual(built);
    expect(statSync(join(cache, built[1] as string)).mtimeMs).toBe(tarballWritten);

    const client = await PGlite.create(join(root, "b"), { extensions: PGLITE_EXTENSIONS });
    try {
      expect(await migrationsApplied(client)).toEqual({ applied: journal.entries.length, tables: 3 });
    } finally {
      await client.close();
    }
  });

  it("opens an in-memory database from the same snapshot", async () => {
    const client = await PGlite.create({
      extensions: PGLITE_EXTENSIONS,
      loadDataDir: await snapshotTarball({ cacheDir: cache }),
    });
    try {
      expect(await migrationsApplied(client)).toEqual({ applied: journal.entries.length, tables: 3 });
    } finally {
      await client.close();
    }
  });
});

describe("the seeded snapshot (openDatabase's seed)", () => {
  const root = mkdtempSync(join(tmpdir(), "atlas-seeded-"));
  const fixture = makeFixture();
  const { dataset } = buildDataset({ corpusDir: fixture.corpusDir, annotationsDir: fixture.annotationsDir });
  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
    fixture.cleanup();
  });

  /** What a database holds, as the export reads it, without what is stamped at seeding time. */
  const holds = async (database: Database) => unstamped(await exportDataset(database.db));

  it("starts a new database, in a directory or in memory, holding what seeding writes", async () => {
    const direct = await openDatabase({ memory: true, url: null });
    await seedDatabase(direct, dataset);
    const expected = await holds(direct);
    await direct.close();
    expect(expected.actors.length).toBeGreaterThan(0);

    const before = new Date().toISOString();
    for (const open of [
      () => openDatabase({ memory: true, url: null, seed: () => curatedSeed(dataset) }),
      () => openDatabase({ dataDir: join(root, "dir"), url: null, seed: () => curatedSeed(dataset) }),
    ]) {
      const database = await open();
      try {
        expect(await holds(database)).toEqual(expected);
        // Nothing left to write, and the database records its own seeding time, not the snapshot's.
        expect((await seedDatabase(database, dataset)).skipped).toBe(true);
        const [seededAt] = await database.db.select().from(tables.meta).where(eq(tables.meta.key, "seeded_at"));
        expect((seededAt?.value ?? "") >= before).toBe(true);
      } finally {
        await database.close();
      }
    }
  });

  it("leaves an existing database as it is, and a changed dataset gets a snapshot of its own", async () => {
    const dataDir = join(root, "existing");
    await (await openDatabase({ dataDir, url: null })).close();
    const reopened = await openDatabase({ dataDir, url: null, seed: () => curatedSeed(dataset) });
    try {
      expect(await reopened.db.select().from(tables.actors)).toEqual([]);
    } finally {
      await reopened.close();
    }

    const changed = {
      ...dataset,
      actors: dataset.actors.map((a, i) => (i === 0 ? { ...a, description: `${a.description} Changed.` } : a)),
    };
    expect(curatedSeed(changed).key).not.toBe(curatedSeed(dataset).key);
    const database = await openDatabase({ memory: true, url: null, seed: () => curatedSeed(changed) });
    try {
      const [first] = await database.db
        .select({ description: tables.actors.description })
        .from(tables.actors)
        .where(eq(tables.actors.id, changed.actors[0]?.id ?? ""));
      expect(first?.description).toBe(changed.actors[0]?.description);
    } finally {
      await database.close();
    }
  });
});
