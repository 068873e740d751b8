import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Dataset } from "@atlas/schema";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AnnotationError } from "../annotations/errors.js";
import { buildDataset } from "../annotations/load.js";
import { ingestDocument } from "../ingest/ingest.js";
import { PACKAGE_DIR } from "../paths.js";
import { actorById, listActors } from "../queries/actors.js";
import { claimById } from "../queries/claims.js";
import { eventById, eventsTimeline } from "../queries/events.js";
import { exportDataset } from "../queries/export.js";
import { search } from "../queries/search.js";
import { sourceById } from "../queries/sources.js";
import { seedDatabase, seedFromFiles } from "../seed/seed.js";
import { engineCases, temporaryDatabase, unstamped } from "../testing/engines.js";
import { FIXTURE_DOCUMENT, type Fixture, makeFixture } from "../testing/fixture.js";
import { syntheticDocument } from "../testing/synthetic.js";
import { isStatementTimeout, openDatabase } from "./client.js";
import { lockPath } from "./lock.js";
import { backfillPassages } from "./maintenance.js";

describe.each(engineCases())("database on $name", (engine) => {
  let database: Awaited<ReturnType<typeof engine.open>>;
  let fixture: Fixture;
  let dataset: Dataset;

  beforeAll(async () => {
    fixture = makeFixture();
    dataset = buildDataset({ corpusDir: fixture.corpusDir, annotationsDir: fixture.annotationsDir }).dataset;
    database = await engine.open();
  });
  afterAll(async () => {
    await database?.drop();
    fixture?.cleanup();
  });

  it("seeds in one transaction and reads back exactly the dataset", async () => {
    const steps: string[] = [];
    const report = await seedDatabase(database, dataset, { onProgress: (s) => steps.push(s.table) });
    expect(report.skipped).toBe(false);
    expect(report.rows.actors).toBe(dataset.actors.length);
    expect(steps).toContain("mentions");
    expect(unstamped(await exportDataset(database.db))).toEqual(JSON.parse(JSON.stringify(dataset)));
  });

  it("is idempotent: seeding twice leaves the same rows, and an unchanged dataset is skipped", async () => {
    const before = await exportDataset(database.db);
    expect((await seedDatabase(database, dataset)).skipped).toBe(true);
    expect((await seedDatabase(database, dataset, { force: true })).skipped).toBe(false);
    expect(await exportDataset(database.db)).toEqual(before);
  });

  it("refuses a broken annotation before touching the database", async () => {
    const before = await exportDataset(database.db);
    const broken = makeFixture(FIXTURE_DOCUMENT.replace("claimantId: united-states", "claimantId: nobody"));
    try {
      await expect(
        seedFromFiles(database, { corpusDir: broken.corpusDir, annotationsDir: broken.annotationsDir, force: true }),
      ).rejects.toThrow(AnnotationError);
    } finally {
      broken.cleanup();
    }
    expect(await exportDataset(database.db)).toEqual(before);
  });

  it("rolls back entirely when a write fails half-way", async () => {
    const before = await exportDataset(database.db);
    // Skip validation to force a failure in the last table written (a mention of an unknown actor).
    const bad = { ...dataset, actors: dataset.actors.slice(1), mentions: [...dataset.mentions] } as Dataset;
    await expect(seedDatabase(database, bad, { force: true })).rejects.toThrow();
    expect(await exportDataset(database.db)).toEqual(before);
  });

  it("never leaves a mention without its source and actor (mentions carry no foreign keys)", async () => {
    const orphans = await database.db.execute(
      sql`select count(*)::int as n from mentions m
          where not exists (select 1 from sources s where s.id = m.source_id)
             or not exists (select 1 from actors a where a.id = m.actor_id)`,
    );
    const rows = (Array.isArray(orphans) ? orphans : (orphans as { rows: { n: number }[] }).rows) as { n: number }[];
    expect(rows[0]?.n).toBe(0);
    expect(dataset.mentions.length).toBeGreaterThan(0);
  });

  it("finds an actor by a misspelled or partial name, ranked first", async () => {
    const khalazi = await search(database.db, { q: "Khalazi" });
    expect(khalazi.groups.actor[0]?.id).toBe("qais-al-khazali");
    const fuzzy = await search(database.db, { q: "Muhandes" });
    expect(fuzzy.groups.actor[0]?.id).toBe("abu-mahdi-al-muhandis");
    // Transliterations share consonants, not trigrams; initials name a group too.
    for (const [q, id] of [
      ["Kataeb Hizballah", "kataib-hezbollah"],
      ["Mohandes", "abu-mahdi-al-muhandis"],
      ["KH", "kataib-hezbollah"],
    ] as const) {
      expect((await search(database.db, { q, types: ["actor"] })).groups.actor[0]?.id, q).toBe(id);
    }
    const text = await search(database.db, { q: "drone strike" });
    expect(text.groups.event[0]?.id).toBe("2020-01-03-drone-strike");
    expect(text.groups.event[0]?.snippet.some((p) => p.hit && /drone/i.test(p.text))).toBe(true);
    expect(text.groups.source[0]?.id).toBe("fixture-doc");
  });

  it("indexes documents stored before search passages existed, once, when the database is opened", async () => {
    // What migration 0010 leaves in a database that already held documents.
    await database.db.execute(sql`delete from source_passages`);
    await database.db.execute(sql`insert into meta (key, value) values ('passages_pending', 'true')`);
    expect((await search(database.db, { q: "drone strike", types: ["source"] })).groups.source).toEqual([]);
    expect(await backfillPassages(database.db)).toBe(dataset.sources.length);
    expect(await backfillPassages(database.db)).toBe(0);
    const found = await search(database.db, { q: "drone strike", types: ["source"] });
    expect(found.groups.source.map((s) => s.id)).toEqual(["fixture-doc"]);
  });

  it("serves profiles, events, claims and the reader from the seeded data", async () => {
    const kh = await actorById(database.db, "kataib-hezbollah");
    expect(kh?.relations.map((r) => [r.type, r.direction, r.other.id])).toEqual([
      ["leads", "incoming", "abu-mahdi-al-muhandis"],
    ]);
    expect(kh?.events.map((e) => [e.id, e.roles])).toEqual([["2019-12-27-attack", ["alleged_perpetrator"]]]);
    expect(kh?.claimsBy.map((c) => c.id)).toEqual(["kh-denies"]);
    expect(kh?.claimsAbout.map((c) => c.id)).toEqual(["us-alleges"]);
    const claim = await claimById(database.db, "kh-denies");
    expect(claim?.contradicts.map((c) => c.claimant.id)).toEqual(["united-states"]);
    const event = await eventById(database.db, "2019-12-27-attack");
    expect(event?.fatalities).toMatchObject([{ low: 1, high: 1, who: "a contractor" }]);
    expect(event?.sources.map((s) => s.source.id)).toEqual(["fixture-doc"]);
    const reader = await sourceById(database.db, "fixture-doc");
    const quote = reader?.annotations.find((a) => a.type === "claim" && a.recordId === "kh-denies");
    expect(quote && reader?.text.slice(quote.start, quote.end)).toMatch(/^Kataib Hezbollah denied/);
    expect(reader?.segments.some((s) => s.role === "cookie-notice" && !s.article)).toBe(true);
    expect(await actorById(database.db, "nobody")).toBeNull();
  });

  it("keeps imprecise dates as ranges and pages with cursors", async () => {
    const all = await eventsTimeline(database.db, {});
    expect(all.items.map((e) => e.id)).toEqual(["2019-12-27-attack", "2020-01-03-drone-strike"]);
    const january = await eventsTimeline(database.db, { from: "2020-01", to: "2020-01" });
    expect(january.items.map((e) => e.id)).toEqual(["2020-01-03-drone-strike"]);
    const first = await listActors(database.db, { limit: 2 });
    const second = await listActors(database.db, { limit: 2, cursor: first.nextCursor ?? undefined });
    expect([...first.items, ...second.items].map((a) => a.id)).toEqual([
      "abu-mahdi-al-muhandis",
      "kataib-hezbollah",
      "qais-al-khazali",
      "united-states",
    ]);
    expect(second.nextCursor).toBeNull();
  });
});

describe("one owner per embedded database", () => {
  const tsx = join(PACKAGE_DIR, "node_modules", ".bin", "tsx");
  const opener = join(PACKAGE_DIR, "src", "testing", "open-db.ts");
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "atlas-lock-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("refuses a second process, naming the process that holds the database", async () => {
    const database = await openDatabase({ dataDir: dir, url: null });
    try {
      const second = spawnSync(tsx, ["--conditions=@atlas/source", opener, dir], { encoding: "utf8", timeout: 60_000 });
      expect(second.status).toBe(1);
      expect(second.stderr).toContain(`is in use by process ${process.pid}`);
      expect(second.stderr).toContain("ATLAS_API_URL");
    } finally {
      await database.close();
    }
  });

  it("takes over a lock left by a process that is gone, and releases it on close", async () => {
    writeFileSync(lockPath(dir), JSON.stringify({ pid: 2 ** 22 + 12345, command: "crashed", since: "2026-01-01" }));
    const database = await openDatabase({ dataDir: dir, url: null });
    await database.close();
    const child = spawn(tsx, ["--conditions=@atlas/source", opener, dir], { stdio: "pipe" });
    const out = await new Promise<string>((resolve) => child.stdout.on("data", (d: Buffer) => resolve(String(d))));
    expect(out).toContain("opened");
    child.kill();
    await new Promise((resolve) => child.on("exit", resolve));
  });
});

describe("the embedded database on its own thread", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "atlas-thread-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** Every directory and file under `root` whose mode lets anyone but the owner in. */
  const open = (root: string): string[] => {
    const found: string[] = [];
    const walk = (path: string) => {
      const mode = statSync(path).mode;
      if ((mode & 0o077) !== 0) found.push(`${path} ${(mode & 0o777).toString(8)}`);
      if (statSync(path).isDirectory()) for (const name of readdirSync(path)) walk(join(path, name));
    };
    walk(root);
    return found;
  };

  it("answers queries and transactions, rolls back a failed one, and keeps the data its owner's alone", async () => {
    const database = await openDatabase({ dataDir: join(dir, "db"), url: null, thread: true });
    try {
      await seedFromFiles(database, {
        corpusDir: makeFixture().corpusDir,
        annotationsDir: makeFixture().annotationsDir,
      });
      expect((await actorById(database.db, "kataib-hezbollah"))?.name).toBe("Kataib Hezbollah");
      await expect(
        database.db.transaction(async (tx) => {
          await tx.execute(sql`delete from actors`);
          throw new Error("changed my mind");
        }),
      ).rejects.toThrow("changed my mind");
      expect((await listActors(database.db, {})).items).toHaveLength(4);
      expect(open(join(dir, "db"))).toEqual([]);
    } finally {
      await database.close();
    }
  });

  it("answers reads while a large document is being written, and shows the document only once it is whole", async () => {
    const database = await openDatabase({ dataDir: join(dir, "db"), url: null, thread: true });
    try {
      const reads: Promise<string>[] = [];
      let finished = false;
      const report = await ingestDocument(
        database.db,
        { content: syntheticDocument(1, 3), title: "A long compilation", published: "2021-01-01" },
        {
          thread: true,
          onProgress: (p) => {
            if (p.phase !== "write" || p.done === 0 || reads.length > 0) return;
            // Midway through writing: a read is answered before the document is done, and does not see it yet.
            reads.push(
              sourceById(database.db, "fixture-doc").then(async (doc) => {
                const found = await search(database.db, { q: "compilation", types: ["source"] });
                return `${doc?.id} ${finished ? "after" : "during"} ${found.groups.source.length}`;
              }),
            );
          },
        },
      ).then((r) => {
        finished = true;
        return r;
      });
      expect(await Promise.all(reads)).toEqual(["fixture-doc during 0"]);
      const found = await search(database.db, { q: "compilation", types: ["source"] });
      expect(found.groups.source.map((s) => s.id)).toEqual([report.sourceId]);
    } finally {
      await database.close();
    }
  });

  it("stops a statement that runs past the timeout, and answers again with the data intact", async () => {
    const database = await openDatabase({ dataDir: join(dir, "db"), url: null, thread: true, statementTimeoutMs: 300 });
    try {
      const started = performance.now();
      const stopped = await database.db
        .execute(sql`select count(*) from generate_series(1, 200000000)`)
        .catch((e) => e);
      expect(isStatementTimeout(stopped)).toBe(true);
      expect(performance.now() - started).toBeLessThan(5000);
      expect((await actorById(database.db, "kataib-hezbollah"))?.name).toBe("Kataib Hezbollah");
    } finally {
      await database.close();
    }
  });
});

describe.skipIf(!process.env.DATABASE_URL)("PostgreSQL's statement timeout", () => {
  it("stops a long statement after migrations ran without it, and keeps answering, with no JIT", async () => {
    const temporary = await temporaryDatabase(process.env.DATABASE_URL as string);
    const database = await openDatabase({ url: temporary.url, statementTimeoutMs: 200 });
    try {
      const stopped = await database.db.execute(sql`select pg_sleep(2)`).catch((e: unknown) => e);
      expect(isStatementTimeout(stopped)).toBe(true);
      expect(await database.db.execute(sql`select 1 as one`)).toBeTruthy();
      // Compiling a query the planner overrates cost more than running it (client.ts).
      const [jit] = (await database.db.execute(sql`select current_setting('jit') as jit`)) as unknown as {
        jit: string;
      }[];
      expect(jit?.jit).toBe("off");
    } finally {
      await database.close();
      await temporary.drop();
    }
  });
});
