/**
 * Writes a validated dataset into the database in one transaction: the curated records are
 * replaced wholesale, so seeding twice leaves the same rows, and a failure leaves the database
 * exactly as it was. Documents added by ingest or an import (origin "ingest", "import") are
 * kept, and the records reviewers accepted and imports brought are written back from their
 * ledger (see ingest/records.ts).
 */
import { createHash } from "node:crypto";
import type { Dataset } from "@atlas/schema";
import { eq, getTableColumns, inArray, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import { type BuildOptions, buildDataset } from "../annotations/load.js";
import type { Database, DatabaseSeed } from "../db/client.js";
import * as t from "../db/schema/index.js";
import { readEnv } from "../env.js";
import { type ApplyReport, reapplyIngestRecords } from "../ingest/records.js";
import { bumpDataVersion } from "../queries/cache.js";
import { passageRows } from "../text/passages.js";
import { type ReplayReport, replayChanges } from "../workbench/replay.js";
import { WRITE_LOCK } from "../workbench/write.js";
import {
  actorRow,
  aliasRow,
  claimLinkRows,
  claimRow,
  eventRow,
  evidenceRows,
  fatalityRows,
  placeRow,
  relationRow,
  sizeRows,
  sourceRow,
} from "./rows.js";

export type SeedProgress = (step: { table: string; rows: number; done: number; total: number }) => void;

export interface SeedReport {
  hash: string;
  rows: Record<string, number>;
  skipped: boolean;
  ms: number;
  /** Accepted ingest records written back after the curated tables (absent when skipped). */
  ingested?: ApplyReport;
  /** Records people made, corrected or retired, put back as their history left them (absent when skipped). */
  replayed?: ReplayReport;
}

/**
 * How the seed turns records into rows. Bump it when that changes (a new derived column), so a
 * database seeded by an older version is seeded again even though the dataset is the same.
 */
const ROWS_VERSION = 6;

/** A stable fingerprint of the dataset and of how it is written: equal hashes mean equal rows. */
export const datasetHash = (d: Dataset) =>
  createHash("sha256")
    .update(JSON.stringify({ rows: ROWS_VERSION, ...d, mentions: d.mentions.length }))
    .digest("hex");

/** Every table's rows for a dataset, in insertion order (parents before children). */
export function datasetRows(d: Dataset) {
  const evidence = [
    ...d.actors.flatMap((a) => [...evidenceRows("actor", a.id, a.evidence), ...sizeRows(a).evidence]),
    ...d.places.flatMap((p) => evidenceRows("place", p.id, p.evidence)),
    ...d.relations.flatMap((r) => evidenceRows("relation", r.id, r.evidence)),
    ...d.events.flatMap((e) => [
      ...evidenceRows("event", e.id, e.evidence),
      ...fatalityRows(e.id, e.fatalities).evidence,
    ]),
    ...d.claims.flatMap((c) => [
      ...evidenceRows("claim", c.id, c.evidence),
      ...evidenceRows("attribution", c.id, c.attribution),
    ]),
  ];
  return [
    ["sources", t.sources, d.sources.map((s) => sourceRow(s, "corpus"))],
    ["segments", t.segments, d.sources.flatMap((s) => s.segments.map((seg) => ({ sourceId: s.id, ...seg })))],
    ["source_passages", t.sourcePassages, d.sources.flatMap(passageRows)],
    ["actors", t.actors, d.actors.map(actorRow)],
    ["aliases", t.aliases, d.actors.flatMap((a) => a.aliases.map((x) => aliasRow(a.id, x)))],
    ["actor_sizes", t.actorSizes, d.actors.flatMap((a) => sizeRows(a).sizes)],
    ["places", t.places, d.places.map(placeRow)],
    ["relations", t.relations, d.relations.map(relationRow)],
    ["events", t.events, d.events.map(eventRow)],
    [
      "participants",
      t.participants,
      d.events.flatMap((e) =>
        e.participants.map((p) => ({ eventId: e.id, actorId: p.actorId, role: p.role, note: p.note })),
      ),
    ],
    ["fatalities", t.fatalities, d.events.flatMap((e) => fatalityRows(e.id, e.fatalities).fatalities)],
    [
      "event_responses",
      t.eventResponses,
      d.events.flatMap((e) => e.responseToIds.map((responseToId) => ({ eventId: e.id, responseToId }))),
    ],
    ["claims", t.claims, d.claims.map(claimRow)],
    [
      "claim_actors",
      t.claimActors,
      d.claims.flatMap((c) => c.about.actorIds.map((actorId) => ({ claimId: c.id, actorId }))),
    ],
    [
      "claim_events",
      t.claimEvents,
      d.claims.flatMap((c) => c.about.eventIds.map((eventId) => ({ claimId: c.id, eventId }))),
    ],
    ["claim_links", t.claimLinks, d.claims.flatMap(claimLinkRows)],
    ["evidence", t.evidence, evidence],
    ["mentions", t.mentions, d.mentions],
  ] as const satisfies readonly (readonly [string, PgTable, readonly object[]])[];
}

// Tables the curated dataset owns, children first, for deletion.
const CURATED = [
  t.mentions,
  t.evidence,
  t.claimLinks,
  t.claimEvents,
  t.claimActors,
  t.claims,
  t.eventResponses,
  t.fatalities,
  t.participants,
  t.events,
  t.relations,
  t.places,
  t.actorSizes,
  t.aliases,
  t.actors,
];

const CHUNK = 500;

/** Every stored column of a source (not the generated search vector) from the row being inserted. */
const SOURCE_UPSERT = {
  target: t.sources.id,
  set: Object.fromEntries(
    Object.entries(getTableColumns(t.sources))
      .filter(([key, column]) => key !== "id" && !column.generated)
      .map(([key]) => [key, sql.raw(`excluded.${key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}`)]),
  ),
};

export async function seedDatabase(
  database: Database,
  dataset: Dataset,
  { onProgress, force = false }: { onProgress?: SeedProgress; force?: boolean } = {},
): Promise<SeedReport> {
  const started = performance.now();
  const hash = datasetHash(dataset);
  const { db } = database;
  const current = await db.select({ value: t.meta.value }).from(t.meta).where(eq(t.meta.key, "dataset_hash"));
  const tables = datasetRows(dataset);
  const rows = Object.fromEntries(tables.map(([name, , list]) => [name, list.length]));
  if (!force && current[0]?.value === hash) {
    return { hash, rows, skipped: true, ms: performance.now() - started };
  }
  let ingested: ApplyReport | undefined;
  let replayed: ReplayReport | undefined;
  await db.transaction(async (tx) => {
    // No person's change may land between the rewrite and the replay of the history.
    await tx.execute(sql`select pg_advisory_xact_lock(${WRITE_LOCK})`);
    for (const table of CURATED) await tx.delete(table);
    // A curated document the dataset still holds is updated in place, not deleted: what refers
    // to it (an import's suggestions and accepted records, which matched it) stays. One the
    // dataset no longer holds goes, with all that refers to it.
    const keep = new Set(dataset.sources.map((s) => s.id));
    const corpus = (await tx.select({ id: t.sources.id }).from(t.sources).where(eq(t.sources.origin, "corpus"))).map(
      (s) => s.id,
    );
    const gone = corpus.filter((id) => !keep.has(id));
    if (gone.length > 0) await tx.delete(t.sources).where(inArray(t.sources.id, gone));
    if (corpus.length > 0) await tx.delete(t.segments).where(inArray(t.segments.sourceId, corpus));
    // A document's passages carry no foreign key (see ingest.ts): they go with it by hand, and are
    // written again below for those kept.
    if (corpus.length > 0) await tx.delete(t.sourcePassages).where(inArray(t.sourcePassages.sourceId, corpus));
    for (const [name, table, list] of tables) {
      for (let i = 0; i < list.length; i += CHUNK) {
        const chunk = list.slice(i, i + CHUNK) as never;
        if (table === t.sources) await tx.insert(t.sources).values(chunk).onConflictDoUpdate(SOURCE_UPSERT);
        else await tx.insert(table).values(chunk);
        onProgress?.({ table: name, rows: list.length, done: Math.min(i + CHUNK, list.length), total: list.length });
      }
      if (list.length === 0) onProgress?.({ table: name, rows: 0, done: 0, total: 0 });
    }
    ingested = await reapplyIngestRecords(tx);
    replayed = await replayChanges(tx);
    await bumpDataVersion(db, tx);
    // Records no one has changed carry the time their curated data was first loaded.
    const loaded = current[0]?.value === hash ? [] : [["seeded_at", new Date().toISOString()] as const];
    for (const [key, value] of [["dataset_hash", hash] as const, ["seed_mode", "curated"] as const, ...loaded]) {
      await tx.insert(t.meta).values({ key, value }).onConflictDoUpdate({ target: t.meta.key, set: { value } });
    }
  });
  await db.execute(sql`analyze`);
  return { hash, rows, skipped: false, ms: performance.now() - started, ingested, replayed };
}

/**
 * The dataset as a new embedded database's starting rows (openDatabase's `seed`): written once
 * into a snapshot named by the dataset's hash, exactly as seedDatabase writes them, so seeding
 * that database afterwards finds them current. Each database started from it records its own
 * seeding time.
 */
export const curatedSeed = (dataset: Dataset): DatabaseSeed => ({
  key: datasetHash(dataset),
  write: (db) => seedDatabase({ db, engine: "pglite", location: "snapshot", close: async () => {} }, dataset),
  started: (db) => db.update(t.meta).set({ value: new Date().toISOString() }).where(eq(t.meta.key, "seeded_at")),
});

/**
 * openDatabase's `seed` for the curated corpus (the API's and the CLI's): builds and validates the
 * dataset only if a new database is created, and keeps it, so the seeding after the open need not
 * build it again (`built()`: undefined when the database already existed).
 */
export function curatedStart(): { seed: () => DatabaseSeed; built: () => Dataset | undefined } {
  let dataset: Dataset | undefined;
  return {
    seed: () => {
      dataset = buildDataset().dataset;
      return curatedSeed(dataset);
    },
    built: () => dataset,
  };
}

/**
 * Validates the corpus and annotations, then seeds. A broken annotation throws AnnotationError
 * before the database is touched.
 */
export async function seedFromFiles(
  database: Database,
  options: BuildOptions & { onProgress?: SeedProgress; force?: boolean } = {},
): Promise<SeedReport> {
  const { dataset } = buildDataset(options);
  return seedDatabase(database, dataset, options);
}

/** `curated`: the five curated documents and their annotations; `none`: an empty atlas. */
export type SeedMode = "curated" | "none";

/**
 * Whether this database gets the curated corpus. `ATLAS_SEED=none`: never; a new database
 * records it, so later runs without the variable keep it empty — a team's own atlas does not
 * receive the curated documents because someone forgot a variable. `ATLAS_SEED=curated`:
 * always. Unset: what the database recorded, else curated.
 */
export async function seedModeOf(database: Database, asked: SeedMode | undefined = readEnv().seed): Promise<SeedMode> {
  const { db } = database;
  const rows = await db
    .select()
    .from(t.meta)
    .where(inArray(t.meta.key, ["seed_mode", "dataset_hash"]));
  const recorded = rows.find((r) => r.key === "seed_mode")?.value;
  const mode = asked ?? (recorded === "none" ? "none" : "curated");
  if (mode === "none" && recorded === undefined && !rows.some((r) => r.key === "dataset_hash")) {
    await db.insert(t.meta).values({ key: "seed_mode", value: "none" }).onConflictDoNothing();
  }
  return mode;
}

export type CorpusReport = { mode: "none" } | ({ mode: "curated" } & SeedReport);

/**
 * What the API and the CLI do on start: seed the curated corpus unless the atlas is kept empty.
 * `dataset`: the curated dataset when already validated (for openDatabase's seed), else built here.
 */
export async function ensureCorpus(
  database: Database,
  options: BuildOptions & { onProgress?: SeedProgress; force?: boolean; seed?: SeedMode; dataset?: Dataset } = {},
): Promise<CorpusReport> {
  const mode = await seedModeOf(database, options.seed);
  if (mode === "none") return { mode };
  const report = options.dataset
    ? await seedDatabase(database, options.dataset, options)
    : await seedFromFiles(database, options);
  return { mode, ...report };
}
