import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { afterAll, describe, expect, it } from "vitest";
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
    expect(await startFromSnapshot(join(root, "a"), cache)).toEqual({});
    const built = readdirSync(cache).sort();
    expect(built).toEqual([expect.stringMatching(/^pglite-migrated-[0-9a-f]{16}$/), expect.stringMatching(/\.tar$/)]);
    const tarballWritten = statSync(join(cache, built[1] as string)).mtimeMs;

    await startFromSnapshot(join(root, "b"), cache);
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
    const client = await PGlite.create({ extensions: PGLITE_EXTENSIONS, loadDataDir: await snapshotTarball(cache) });
    try {
      expect(await migrationsApplied(client)).toEqual({ applied: journal.entries.length, tables: 3 });
    } finally {
      await client.close();
    }
  });
});
