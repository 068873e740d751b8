/**
 * `importFile`: an atlas dataset or a STIX bundle comes into the atlas, what is sure goes straight
 * in, the rest becomes suggestions a reviewer accepts through the one review model. Round trips
 * (export → import into an empty atlas → export) give back the same records; a file the import
 * cannot take is refused with what is wrong, and nothing is written.
 */
import { type Dataset, MAX_IMPORT_BYTES } from "@atlas/schema";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDataset } from "../annotations/load.js";
import * as t from "../db/schema/index.js";
import { formatDataset } from "../export/index.js";
import {
  acceptAll,
  acceptSuggestion,
  listIngested,
  listSuggestions,
  rejectSuggestion,
} from "../ingest/review/index.js";
import { exportDataset } from "../queries/export.js";
import { seedDatabase } from "../seed/seed.js";
import { makePdf } from "../testing/documents.js";
import { engineCases, unstamped } from "../testing/engines.js";
import { FIXTURE_DOCUMENT, makeFixture } from "../testing/fixture.js";
import { ImportError, type ImportErrorCode, importFile } from "./index.js";
import type { ImportProgress } from "./types.js";

const tester = { name: "tester", admin: true };

const curated = buildDataset().dataset;
const fixture = (() => {
  const f = makeFixture();
  try {
    return buildDataset({ corpusDir: f.corpusDir, annotationsDir: f.annotationsDir }).dataset;
  } finally {
    f.cleanup();
  }
})();

type Opened = Awaited<ReturnType<ReturnType<typeof engineCases>[number]["open"]>>;

/** How many rows the tables an import writes to hold. */
async function rows(db: Opened["db"]) {
  const tables = {
    imports: t.imports,
    sources: t.sources,
    actors: t.actors,
    relations: t.relations,
    events: t.events,
    claims: t.claims,
    suggestions: t.suggestions,
    ledger: t.ingestRecords,
    pending: t.importPending,
  };
  const out: Record<string, number> = {};
  for (const [name, table] of Object.entries(tables))
    out[name] = (await db.select({ n: count() }).from(table))[0]?.n ?? 0;
  return out;
}

/** What the STIX round trip keeps of an actor and a relation. */
const actorsOf = (d: Dataset) =>
  d.actors.map((a) => ({
    id: a.id,
    name: a.name,
    kind: a.kind,
    description: a.description,
    aliases: a.aliases.map((x) => x.name).sort(),
  }));
const relationsOf = (d: Dataset) =>
  d.relations.map((r) => ({
    id: r.id,
    fromId: r.fromId,
    type: r.type,
    toId: r.toId,
    role: r.role,
    former: r.former,
    time: r.time,
    note: r.note,
  }));

async function refused(promise: Promise<unknown>): Promise<ImportError> {
  const e = await promise.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(ImportError);
  return e as ImportError;
}

describe.each(engineCases())("import on $name", (engine) => {
  let seeded: Opened;
  let empty: Opened;
  let json: string;
  let stix: string;
  beforeAll(async () => {
    [seeded, empty] = await Promise.all([engine.open(), engine.open()]);
    await seedDatabase(seeded, curated);
    const exported = await exportDataset(seeded.db);
    json = formatDataset(exported, "json");
    stix = formatDataset(exported, "stix");
  }, 120_000);
  afterAll(async () => {
    await Promise.all([seeded?.drop(), empty?.drop()]);
  });

  describe("refuses a file it cannot take, naming what is wrong, and writes nothing", () => {
    const cases: [string, () => Uint8Array | string, ImportErrorCode, RegExp][] = [
      ["an empty file", () => "  \n", "empty", /empty/],
      [
        "a file over the limit",
        () => new Uint8Array(MAX_IMPORT_BYTES + 1).fill(32),
        "too_large",
        /limit for an import/,
      ],
      [
        "not JSON",
        () => '{"version": 1,\n "actors": [] "events": []}',
        "not_json",
        /not valid JSON at line 2, column 15: Expected ','/,
      ],
      [
        "a PDF",
        () => makePdf([[{ text: "A report", x: 72, y: 720 }]]),
        "not_json",
        /PDF, not JSON: add documents with `atlas ingest`/,
      ],
      ["bytes that are not UTF-8", () => new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]), "not_json", /not UTF-8/],
      ["JSON of another schema", () => '{"rows": [1, 2]}', "unknown_format", /the key rows: neither an atlas dataset/],
      [
        "a dataset whose records do not fit the schema",
        () => JSON.stringify({ ...fixture, actors: fixture.actors.map((a, i) => (i ? a : { ...a, kind: "dragon" })) }),
        "invalid",
        /does not fit @atlas\/schema's Dataset.*actors\[0\]\.kind: Invalid option/,
      ],
      [
        "a dataset with a dangling reference",
        () => JSON.stringify({ ...fixture, actors: fixture.actors.filter((a) => a.id !== "kataib-hezbollah") }),
        "references",
        /does not hold together.*kataib-hezbollah/,
      ],
      [
        "a STIX bundle with a dangling reference",
        () => {
          const b = JSON.parse(stix) as { objects: { type: string; id: string }[] };
          const dropped = b.objects.find((o) => o.type === "threat-actor")?.id as string;
          return JSON.stringify({ ...b, objects: b.objects.filter((o) => o.id !== dropped) });
        },
        "references",
        /refers to objects it does not hold/,
      ],
      [
        "a STIX bundle with an object that is not STIX",
        () => JSON.stringify({ type: "bundle", id: "bundle--1", objects: [] }),
        "invalid",
        /STIX bundle is not valid: id/,
      ],
    ];
    it.each(cases)("%s", async (_what, content, code, message) => {
      const before = await rows(empty.db);
      const e = await refused(importFile(empty.db, { content: content(), fileName: "bad.json" }));
      expect(e.code).toBe(code);
      expect(e.message).toMatch(message);
      expect(e.message).toMatch(/Nothing was imported\.$/);
      expect(await rows(empty.db)).toEqual(before);
    });

    it("a dataset given as STIX", async () => {
      const e = await refused(importFile(empty.db, { content: JSON.stringify(fixture), format: "stix" }));
      expect(e.code).toBe("unknown_format");
      expect(e.message).toMatch(/given as a STIX 2.1 bundle \(format stix\), but it is an atlas dataset/);
    });
  });

  it("round trip: the seeded atlas's JSON, imported into an empty atlas, exports as the same dataset", async () => {
    const seen: ImportProgress[] = [];
    const report = await importFile(
      empty.db,
      { content: json, fileName: "atlas.json" },
      { onProgress: (p) => seen.push(p) },
    );
    expect(report.added).toMatchObject({
      sources: curated.sources.length,
      actors: curated.actors.length,
      events: curated.events.length,
      claims: curated.claims.length,
      relations: curated.relations.length,
    });
    expect(report.suggested).toEqual({});
    expect(report.review).toEqual([]);
    // The same records; when each last changed is the seeding atlas's, not carried by the file.
    expect(unstamped(await exportDataset(empty.db))).toEqual(unstamped(JSON.parse(json) as object));
    // Progress: every phase reached its end, and the tally counted what was added.
    for (const phase of ["read", "check", "match", "write"]) {
      const last = seen.filter((p) => p.phase === phase).at(-1);
      expect(last?.done, phase).toBe(last?.total);
    }
    expect(seen.at(-1)?.added).toBe(Object.values(report.added).reduce((a, b) => a + b, 0));

    // The same file again: refused, nothing written twice.
    const before = await rows(empty.db);
    const again = await refused(importFile(empty.db, { content: json, fileName: "atlas-again.json" }));
    expect(again.code).toBe("duplicate");
    expect(again.message).toMatch(/imported before, as import-atlas/);
    expect(await rows(empty.db)).toEqual(before);
  }, 120_000);

  it("an atlas's dataset imported into the atlas it came from matches every record and duplicates none", async () => {
    const other = { ...(JSON.parse(json) as Dataset) };
    // Another file (a different hash) holding the same records.
    const report = await importFile(seeded.db, { content: JSON.stringify(other, null, 1), fileName: "same.json" });
    expect(report.added).toEqual({});
    expect(report.suggested).toEqual({});
    expect(report.matched).toMatchObject({ actors: curated.actors.length, events: curated.events.length });
    expect(formatDataset(await exportDataset(seeded.db), "json")).toBe(json);
  }, 120_000);
});

describe.each(engineCases())("STIX import on $name", (engine) => {
  let database: Opened;
  beforeAll(async () => {
    database = await engine.open();
  });
  afterAll(async () => {
    await database?.drop();
  });

  it("round trip: the seeded atlas's STIX bundle, imported and accepted, gives the same actors and relations", async () => {
    const source = await engine.open();
    let stix: string;
    let original: Dataset;
    try {
      await seedDatabase(source, curated);
      original = await exportDataset(source.db);
      stix = formatDataset(original, "stix");
    } finally {
      await source.drop();
    }
    const report = await importFile(database.db, { content: stix, fileName: "atlas.stix.json" });
    // Nothing a bundle says enters the atlas until a reviewer accepts it.
    expect(report.added).toEqual({ sources: 1 });
    expect(report.suggested).toMatchObject({ actor: curated.actors.length, relation: curated.relations.length });
    expect((await exportDataset(database.db)).actors).toEqual([]);
    const sourceId = report.review[0]?.sourceId as string;

    // Each suggestion keeps its STIX id, and one that waits for an actor says so.
    const relations = await listSuggestions(database.db, { sourceId, kind: "relation", limit: 1 });
    const first = relations.items[0];
    expect(first?.proposal.kind === "relation" && first.proposal.imported?.externalId).toMatch(/^relationship--/);
    expect(first?.preview.blocked).toMatch(/is not in the atlas yet: accept the suggestion .*\.actor-\d+ first/);

    for (const kind of ["actor", "relation"] as const) {
      const r = await acceptAll(database.db, sourceId, kind, { by: tester });
      expect(r.failed).toEqual([]);
    }
    const after = await exportDataset(database.db);
    expect(actorsOf(after)).toEqual(actorsOf(original));
    expect(relationsOf(after)).toEqual(relationsOf(original));
  }, 240_000);
});

describe.each(engineCases())("a dataset's uncertain matches on $name", (engine) => {
  let database: Opened;
  beforeAll(async () => {
    database = await engine.open();
    await seedDatabase(database, fixture);
  });
  afterAll(async () => {
    await database?.drop();
  });

  it("an actor the resolver cannot be sure of goes to review, and what needs it waits for the reviewer", async () => {
    // Another atlas's Kataib Hezbollah, under its own id and filed as another kind.
    const file: Dataset = JSON.parse(
      JSON.stringify(fixture)
        .replaceAll('"kataib-hezbollah"', '"kataib-hezbollah-x"')
        .replaceAll("kataib-hezbollah.", "kataib-hezbollah-x."),
    );
    const kh = file.actors.find((a) => a.id === "kataib-hezbollah-x") as Dataset["actors"][number];
    kh.kind = "political_party";
    const report = await importFile(database.db, { content: JSON.stringify(file), fileName: "other.json" });
    expect(report.suggested).toEqual({ actor: 1 });
    expect(report.added).toEqual({});
    expect(Object.values(report.waiting).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);

    const sourceId = report.review[0]?.sourceId as string;
    // The document is listed for review with the import that proposed records in it.
    expect((await listIngested(database.db)).find((d) => d.sourceId === sourceId)).toMatchObject({
      importId: report.importId,
      format: "json",
      fileName: "other.json",
      suggestions: { actor: { suggested: 1 } },
    });
    const [suggestion] = (
      await listSuggestions(database.db, { sourceId, kind: "actor", status: "suggested", limit: 5 })
    ).items;
    expect(suggestion?.proposal.kind).toBe("actor");
    expect(suggestion?.preview.text).toMatch(/may already hold it as Kataib Hezbollah \(kataib-hezbollah/);

    // The reviewer says it is the atlas's Kataib Hezbollah: nothing is duplicated.
    const before = await rows(database.db);
    await acceptSuggestion(database.db, suggestion?.id as string, {
      edit: { mergeInto: "kataib-hezbollah" },
      by: tester,
    });
    const after = await exportDataset(database.db);
    expect(after.actors.map((a) => a.id)).toEqual(fixture.actors.map((a) => a.id));
    expect(after.relations.length).toBe(fixture.relations.length);
    expect(after.events.length).toBe(fixture.events.length);
    expect((await rows(database.db)).pending).toBe(0);
    expect((await rows(database.db)).actors).toBe(before.actors);
  });

  it("a rejected actor drops what cannot exist without it, and says so", async () => {
    const file: Dataset = JSON.parse(
      JSON.stringify(fixture)
        .replaceAll('"kataib-hezbollah"', '"kataib-hezbollah-y"')
        .replaceAll("kataib-hezbollah.", "kataib-hezbollah-y."),
    );
    const kh = file.actors.find((a) => a.id === "kataib-hezbollah-y") as Dataset["actors"][number];
    kh.kind = "political_party";
    kh.description = `${kh.description} (as another atlas files it)`;
    const report = await importFile(database.db, { content: JSON.stringify(file), fileName: "other-2.json" });
    const sourceId = report.review[0]?.sourceId as string;
    const [suggestion] = (
      await listSuggestions(database.db, { sourceId, kind: "actor", status: "suggested", limit: 5 })
    ).items;
    await rejectSuggestion(database.db, suggestion?.id as string, undefined, tester);
    expect((await rows(database.db)).pending).toBe(0);
    const [row] = await database.db
      .select({ warnings: t.imports.warnings })
      .from(t.imports)
      .where(eq(t.imports.id, report.importId));
    expect(row?.warnings.join(" ")).toMatch(/rejected/);
  });
});

describe.each(engineCases())("what an import brought, on $name", (engine) => {
  it("is matched where the atlas holds it, added where it does not, and kept when the atlas is seeded again", async () => {
    // The atlas knows the document but not Qais al-Khazali; the file is the full fixture.
    const f = makeFixture(FIXTURE_DOCUMENT.replace(/ {2}- id: qais-al-khazali[\s\S]*?(?=relations:)/, ""));
    const without = (() => {
      try {
        return buildDataset({ corpusDir: f.corpusDir, annotationsDir: f.annotationsDir }).dataset;
      } finally {
        f.cleanup();
      }
    })();
    expect(without.actors.map((a) => a.id)).not.toContain("qais-al-khazali");
    const database = await engine.open();
    try {
      await seedDatabase(database, without);
      const report = await importFile(database.db, { content: formatDataset(fixture, "json"), fileName: "full.json" });
      expect(report.matched).toMatchObject({ sources: 1, actors: without.actors.length });
      expect(report.added).toMatchObject({ actors: 1 });
      expect(report.suggested).toEqual({});
      const khazali = (await exportDataset(database.db)).actors.find((a) => a.id === "qais-al-khazali");
      expect(khazali?.aliases.map((a) => a.name)).toEqual(["Khazali", "Qais al-Khalazi"]);

      await seedDatabase(database, without, { force: true });
      const after = await exportDataset(database.db);
      expect(after.actors.find((a) => a.id === "qais-al-khazali")).toEqual(khazali);
      expect(after.mentions.filter((m) => m.actorId === "qais-al-khazali").length).toBeGreaterThan(0);
    } finally {
      await database.drop();
    }
  });

  it("an atlas's own STIX bundle, accepted in full into that atlas, duplicates no actor, relation or event", async () => {
    const database = await engine.open();
    try {
      await seedDatabase(database, fixture);
      const before = await exportDataset(database.db);
      const report = await importFile(database.db, {
        content: formatDataset(before, "stix"),
        fileName: "own.stix.json",
      });
      const sourceId = report.review[0]?.sourceId as string;
      for (const kind of ["actor", "relation", "event", "statement"] as const) {
        expect((await acceptAll(database.db, sourceId, kind, { by: tester })).failed, kind).toEqual([]);
      }
      const after = await exportDataset(database.db);
      expect(after.actors.map((a) => a.id)).toEqual(before.actors.map((a) => a.id));
      expect(after.relations.map((r) => r.id)).toEqual(before.relations.map((r) => r.id));
      expect(after.events.map((e) => e.id)).toEqual(before.events.map((e) => e.id));
      // A note restating a claim is the bundle's account of it: a claim of its own (its words
      // are in the bundle) supporting the atlas's, as ingest has a restatement.
      const known = new Set(before.claims.map((c) => c.id));
      const added = after.claims.filter((c) => !known.has(c.id));
      expect(added.map((c) => c.supportsIds)).toEqual(before.claims.map((c) => [c.id]));
      expect(added.every((c) => c.evidence.every((e) => e.sourceId === sourceId))).toBe(true);
    } finally {
      await database.drop();
    }
  });
});
