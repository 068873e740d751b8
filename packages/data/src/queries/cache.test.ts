import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, openDatabase } from "../db/client.js";
import { bumpDataVersion, cached } from "./cache.js";

describe("query cache", () => {
  let database: Database;
  beforeAll(async () => {
    database = await openDatabase({ memory: true, url: null });
  });
  afterAll(() => database?.close());

  let queries = 0;
  const counting = () => {
    let calls = 0;
    // Cache keys start with the query's name: each test query gets its own.
    const query = cached(`test-${++queries}`, async (_db, n: number) => {
      calls++;
      await new Promise((r) => setTimeout(r, 20));
      return { n, calls };
    });
    return { query, calls: () => calls };
  };

  it("answers many concurrent equal calls with one query, even on the first call", async () => {
    const { query, calls } = counting();
    const results = await Promise.all(Array.from({ length: 200 }, () => query(database.db, 1)));
    expect(calls()).toBe(1);
    expect(new Set(results).size).toBe(1);
    await query(database.db, 2);
    expect(calls()).toBe(2);
  });

  it("forgets everything when the data changes", async () => {
    const { query, calls } = counting();
    await query(database.db, 1);
    await bumpDataVersion(database.db);
    await query(database.db, 1);
    expect(calls()).toBe(2);
  });

  it("does not keep a failed query", async () => {
    let fail = true;
    const query = cached("failing", async () => {
      if (fail) throw new Error("boom");
      return "ok";
    });
    await expect(query(database.db)).rejects.toThrow("boom");
    fail = false;
    expect(await query(database.db)).toBe("ok");
  });

  it("can be turned off", async () => {
    const { query, calls } = counting();
    process.env.ATLAS_QUERY_CACHE = "off";
    try {
      await query(database.db, 1);
      await query(database.db, 1);
    } finally {
      delete process.env.ATLAS_QUERY_CACHE;
    }
    expect(calls()).toBe(2);
  });
});
