/**
 * Benchmark (prints figures; not a test). 1) Migrate + seed a fresh embedded database.
 * 2) At scale on PostgreSQL: generate N synthetic documents from the real annotations'
 * vocabulary (sentences of the corpus, names of the actors), load them with the atlas's bulk
 * loader, compare with PostgreSQL COPY of the same text, then measure search latency.
 *
 *   DATABASE_URL=postgres://… tsx --conditions=@atlas/source bench/scale.ts [documents=100000]
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import postgres from "postgres";
import { buildDataset } from "../src/annotations/load.js";
import { openDatabase } from "../src/db/client.js";
import { search } from "../src/queries/search.js";
import { type BulkDocument, bulkLoadSources } from "../src/seed/bulk.js";
import { articleText } from "../src/seed/rows.js";
import { seedDatabase } from "../src/seed/seed.js";

const N = Number(process.argv[2] ?? 100_000);
const url = process.env.DATABASE_URL;
const fmt = (n: number, digits = 1) => n.toFixed(digits);
const mb = (bytes: number) => bytes / 1024 / 1024;

// ---- 1. migrate + seed an embedded database ---------------------------------------------------
{
  const dir = mkdtempSync(join(tmpdir(), "atlas-bench-seed-"));
  const t0 = performance.now();
  const { dataset } = buildDataset();
  const t1 = performance.now();
  const database = await openDatabase({ dataDir: join(dir, "db"), url: null });
  const t2 = performance.now();
  const report = await seedDatabase(database, dataset);
  const t3 = performance.now();
  await database.close();
  rmSync(dir, { recursive: true, force: true });
  console.log("embedded database (PGlite), fresh:");
  console.log(`  validate corpus + annotations  ${fmt((t1 - t0) / 1000, 2)} s`);
  console.log(`  create + migrate               ${fmt((t2 - t1) / 1000, 2)} s`);
  console.log(
    `  seed (one transaction)         ${fmt((t3 - t2) / 1000, 2)} s  (${Object.values(report.rows).reduce((a, b) => a + b, 0)} rows)`,
  );
  console.log(`  total                          ${fmt((t3 - t0) / 1000, 2)} s\n`);
}

if (!url) {
  console.log("scale: skipped — set DATABASE_URL to a PostgreSQL server (bash scripts/pg.sh start prints one).");
  process.exit(0);
}

// ---- 2. synthetic documents from the real vocabulary ------------------------------------------
const { dataset } = buildDataset();
const sentences = dataset.sources
  .flatMap((s) => articleText(s).split(/(?<=[.!?”"])\s+(?=[A-Z“"])/))
  .map((s) => s.replace(/\s+/g, " ").trim())
  .filter((s) => s.length > 40 && s.length < 400);
const names = dataset.actors.flatMap((a) => [
  a.name,
  ...a.aliases.filter((x) => x.sourceIds.length === 0).map((x) => x.name),
]);

let seed = 42;
const random = () => {
  // mulberry32: a fixed seed, so every run loads the same documents.
  seed |= 0;
  seed = (seed + 0x6d2b79f5) | 0;
  let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
  return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
};
const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)] as T;

function* documents(count: number): Generator<BulkDocument> {
  for (let i = 0; i < count; i++) {
    const body = Array.from({ length: 8 + Math.floor(random() * 14) }, () => {
      const s = pick(sentences);
      return random() < 0.3 ? `${pick(names)} said: ${s}` : s;
    }).join(" ");
    const year = 2014 + Math.floor(random() * 8);
    const day = `${year}-${String(1 + Math.floor(random() * 12)).padStart(2, "0")}-${String(1 + Math.floor(random() * 28)).padStart(2, "0")}`;
    yield {
      id: `synthetic-${String(i).padStart(6, "0")}`,
      title: `${pick(names)}: ${pick(sentences).split(" ").slice(0, 9).join(" ")}`,
      text: body,
      publisher: pick(["Synthetic Wire", "Generated Gazette", "Bench Tribune"]),
      published: { edtf: day, earliest: day, latest: day },
    };
  }
}

const admin = postgres(url, { max: 1, onnotice: () => {} });
const dbName = `atlas_bench_${process.pid}`;
await admin.unsafe(`create database ${dbName}`);
const target = new URL(url);
target.pathname = `/${dbName}`;
const database = await openDatabase({ url: target.toString() });
const raw = postgres(target.toString(), { max: 1, onnotice: () => {} });

try {
  await seedDatabase(database, dataset);
  const totalBytes = [...documents(N)].reduce((n, d) => n + Buffer.byteLength(d.text), 0);
  console.log(
    `scale: ${N.toLocaleString("en")} synthetic documents, ${fmt(mb(totalBytes))} MB of text, on PostgreSQL\n`,
  );

  const copyText = (v: string) =>
    v.replace(/[\\\t\n\r]/g, (c) => ({ "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" })[c] as string);
  const row = (fields: string[]) => `${fields.map(copyText).join("\t")}\n`;
  const copyInto = async (table: string, line: (d: BulkDocument) => string, columns: string) => {
    seed = 42;
    const t0 = performance.now();
    const writable = await raw.unsafe(`copy ${table} (${columns}) from stdin`).writable();
    await pipeline(
      Readable.from(
        (function* () {
          for (const d of documents(N)) yield line(d);
        })(),
      ),
      writable,
    );
    return (performance.now() - t0) / 1000;
  };

  // COPY of the bare text: the I/O ceiling of this machine.
  await raw.unsafe("create unlogged table copy_plain (id text primary key, text text)");
  const plain = await copyInto("copy_plain", (d) => row([d.id, d.text]), "id, text");
  // COPY into a table shaped like sources (same generated tsvector and GIN index): what the loader competes with.
  await raw.unsafe("create table copy_sources (like sources including defaults including generated including indexes)");
  const shaped = await copyInto(
    "copy_sources",
    (d) =>
      row([
        d.id,
        d.text,
        `${d.id}.txt`,
        d.title,
        "stated",
        "unknown",
        "{}",
        "unknown",
        "news",
        "en",
        `sha256:${d.id}`,
        "[]",
        d.text,
        "ingest",
      ]),
    "id, text, file, title, title_basis, publisher_basis, authors, authors_basis, genre, language, hash, notes, article_text, origin",
  );
  await raw.unsafe("drop table copy_plain; drop table copy_sources");

  seed = 42;
  let last = 0;
  const load = await bulkLoadSources(database, documents(N), {
    actors: dataset.actors,
    onProgress: (done) => {
      if (done - last >= N / 10) {
        process.stderr.write(`  loaded ${done.toLocaleString("en")}\r`);
        last = done;
      }
    },
  });
  await raw.unsafe("analyze");
  const loadS = load.ms / 1000;
  console.log("bulk load                                     time      MB/s");
  console.log(
    `  COPY, bare text into a plain table        ${fmt(plain, 1).padStart(6)} s  ${fmt(mb(totalBytes) / plain).padStart(7)}`,
  );
  console.log(
    `  COPY into a sources-shaped table          ${fmt(shaped, 1).padStart(6)} s  ${fmt(mb(totalBytes) / shaped).padStart(7)}  (same tsvector + GIN index)`,
  );
  console.log(
    `  atlas bulk loader (hash, mentions, insert)${fmt(loadS, 1).padStart(6)} s  ${fmt(mb(totalBytes) / loadS).padStart(7)}  (${load.mentions.toLocaleString("en")} mentions)`,
  );
  console.log(
    `  loader / COPY: ${fmt(shaped / loadS, 2)}× the sources-shaped COPY, ${fmt(plain / loadS, 2)}× the bare COPY  (target ≥ 0.3×)\n`,
  );

  // ---- 3. search latency over the loaded data --------------------------------------------------
  // Cold queries: the query cache would answer every repeat from memory.
  process.env.ATLAS_QUERY_CACHE = "off";
  const queries = [
    "Khazali",
    "Khalazi",
    "Kataib Hezbollah",
    "Soleimany",
    "Muhandis",
    "Sistani fatwa",
    "rocket attack embassy",
    "drone strike",
    "Badr",
    "Amiri",
    "militia budget",
    "protesters killed",
    "Hashd al-Shaabi",
    "Nujaba",
    "Iranian officials",
    "martyrs land",
    "civil war",
    "Erbil contractor",
    "National Guard bill",
    "Calvert",
    '"plausible deniability"',
    "sanctions",
    "Fatah Alliance",
    "Mosul",
    "Quds Force",
  ];
  for (const q of queries.slice(0, 5)) await search(database.db, { q });
  const times: number[] = [];
  for (let round = 0; round < 4; round++) {
    for (const q of queries) {
      const t0 = performance.now();
      await search(database.db, { q });
      times.push(performance.now() - t0);
    }
  }
  times.sort((a, b) => a - b);
  const pct = (p: number) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))] as number;
  console.log(
    `search over ${N.toLocaleString("en")} documents (${times.length} queries, all four result groups, query cache off):`,
  );
  console.log(`  p50 ${fmt(pct(50))} ms   p95 ${fmt(pct(95))} ms   max ${fmt(pct(100))} ms   (target p95 ≤ 50 ms)`);
} finally {
  await raw.end();
  await database.close();
  await admin.unsafe(`drop database if exists ${dbName} with (force)`);
  await admin.end();
}
