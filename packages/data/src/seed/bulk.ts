/**
 * Bulk loading many documents: hashed, segmented (one body segment), mined for actor mentions
 * with the alias matcher, and written in batches — each batch one transaction of multi-row
 * inserts, so a failure loses at most the batch in flight and never leaves half a document.
 */
import { createHash } from "node:crypto";
import type { Actor } from "@atlas/schema";
import type { Database } from "../db/client.js";
import * as t from "../db/schema/index.js";
import { documentNames, namesIn } from "../mentions/find.js";
import { type PassageRow, passageRows } from "../text/passages.js";

export interface BulkDocument {
  id: string;
  title: string;
  text: string;
  publisher?: string | null;
  published?: { edtf: string; earliest: string; latest: string } | null;
}

export interface BulkReport {
  documents: number;
  bytes: number;
  mentions: number;
  ms: number;
}

const ROWS_PER_INSERT = 500;

type SourceRow = typeof t.sources.$inferInsert;
const pgArray = (xs: string[]) => `{${xs.map((x) => `"${x.replace(/["\\]/g, "\\$&")}"`).join(",")}}`;
/** The sources columns COPY writes, and how each is rendered as PostgreSQL text. */
const SOURCE_COLUMNS: [string, (s: SourceRow) => string | null][] = [
  ["id", (s) => s.id],
  ["file", (s) => s.file],
  ["title", (s) => s.title],
  ["title_basis", (s) => s.titleBasis],
  ["subtitle", (s) => s.subtitle ?? null],
  ["publisher", (s) => s.publisher ?? null],
  ["publisher_basis", (s) => s.publisherBasis],
  ["authors", (s) => pgArray(s.authors)],
  ["authors_basis", (s) => s.authorsBasis],
  ["published", (s) => (s.published ? JSON.stringify(s.published) : null)],
  ["published_earliest", (s) => s.publishedEarliest ?? null],
  ["published_latest", (s) => s.publishedLatest ?? null],
  ["genre", (s) => s.genre],
  ["dateline", (s) => s.dateline ?? null],
  ["language", (s) => s.language],
  ["url", (s) => s.url ?? null],
  ["text", (s) => s.text],
  ["hash", (s) => s.hash],
  ["notes", (s) => JSON.stringify(s.notes)],
  ["origin", (s) => s.origin ?? "ingest"],
];

export async function bulkLoadSources(
  database: Database,
  documents: Iterable<BulkDocument>,
  options: {
    actors: Pick<Actor, "id" | "name" | "aliases">[];
    batch?: number;
    /** Find and store actor mentions (default true). */
    mentions?: boolean;
    onProgress?: (done: number) => void;
  },
): Promise<BulkReport> {
  const started = performance.now();
  // Bulk documents are nobody's scope: only names used everywhere match.
  const resolver = documentNames(options.actors);
  const batchSize = options.batch ?? 2000;
  let batch: BulkDocument[] = [];
  const report: BulkReport = { documents: 0, bytes: 0, mentions: 0, ms: 0 };

  const flush = async () => {
    if (batch.length === 0) return;
    const sources: (typeof t.sources.$inferInsert)[] = [];
    const segments: (typeof t.segments.$inferInsert)[] = [];
    const passages: PassageRow[] = [];
    const mentions: (typeof t.mentions.$inferInsert)[] = [];
    for (const doc of batch) {
      const hash = `sha256:${createHash("sha256").update(doc.text).digest("hex")}`;
      sources.push({
        id: doc.id,
        file: `${doc.id}.txt`,
        title: doc.title,
        titleBasis: "stated",
        subtitle: null,
        publisher: doc.publisher ?? null,
        publisherBasis: doc.publisher ? "stated" : "unknown",
        authors: [],
        authorsBasis: "unknown",
        published: doc.published
          ? { edtf: doc.published.edtf, precision: "day" as const, basis: "explicit" as const }
          : null,
        publishedEarliest: doc.published?.earliest ?? null,
        publishedLatest: doc.published?.latest ?? null,
        genre: "news",
        dateline: null,
        language: "en",
        url: null,
        text: doc.text,
        hash,
        notes: [],
        origin: "ingest",
      });
      const body = { sourceId: doc.id, start: 0, end: doc.text.length, role: "body" as const, article: true };
      segments.push(body);
      passages.push(...passageRows({ id: doc.id, title: doc.title, text: doc.text, segments: [body] }));
      const found = options.mentions === false ? [] : namesIn(resolver, doc.text);
      for (const m of found) {
        mentions.push({
          sourceId: doc.id,
          start: m.start,
          end: m.end,
          quote: doc.text.slice(m.start, m.end),
          actorId: m.actorId,
          alias: m.name,
        });
      }
      report.bytes += Buffer.byteLength(doc.text);
    }
    if (database.copy) {
      await database.copy([
        {
          table: "sources",
          columns: SOURCE_COLUMNS.map(([column]) => column),
          rows: sources.map((s) => SOURCE_COLUMNS.map(([, value]) => value(s))),
        },
        {
          table: "segments",
          columns: ["source_id", "start", "end", "role", "article"],
          rows: segments.map((s) => [s.sourceId, s.start, s.end, s.role, s.article]),
        },
        {
          table: "source_passages",
          columns: ["source_id", "ord", "title", "text"],
          rows: passages.map((p) => [p.sourceId, p.ord, p.title, p.text]),
        },
        {
          table: "mentions",
          columns: ["source_id", "start", "end", "quote", "actor_id", "alias"],
          rows: mentions.map((m) => [m.sourceId, m.start, m.end, m.quote, m.actorId, m.alias]),
        },
      ]);
    } else {
      await database.db.transaction(async (tx) => {
        for (let i = 0; i < sources.length; i += ROWS_PER_INSERT) {
          await tx.insert(t.sources).values(sources.slice(i, i + ROWS_PER_INSERT));
        }
        for (let i = 0; i < segments.length; i += ROWS_PER_INSERT) {
          await tx.insert(t.segments).values(segments.slice(i, i + ROWS_PER_INSERT));
        }
        for (let i = 0; i < passages.length; i += ROWS_PER_INSERT) {
          await tx.insert(t.sourcePassages).values(passages.slice(i, i + ROWS_PER_INSERT));
        }
        for (let i = 0; i < mentions.length; i += ROWS_PER_INSERT * 2) {
          await tx.insert(t.mentions).values(mentions.slice(i, i + ROWS_PER_INSERT * 2));
        }
      });
    }
    report.documents += batch.length;
    report.mentions += mentions.length;
    options.onProgress?.(report.documents);
    batch = [];
  };

  for (const doc of documents) {
    batch.push(doc);
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  report.ms = performance.now() - started;
  return report;
}
