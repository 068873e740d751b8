/**
 * The review's tests run against the real API router in this process (createCaller), on an
 * in-memory PGlite database: the small fixture dataset of @atlas/data/testing (with a second
 * document naming Lebanon's Hezbollah, so a short name can be ambiguous), and a new document ingested through the real
 * ingest. The suggester does not (yet) propose events and relations in these shapes, so the
 * document's event and relation suggestions are written here, as the pipeline stores them.
 *
 * The database is prepared once per test file; each test gets its own copy (PGlite's clone), so
 * what one test accepts another never sees.
 */
import { appendFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  addReviewer,
  buildDataset,
  type Database,
  openDatabase,
  type Proposal,
  seedDatabase,
  tables,
} from "@atlas/data";
import { makeFixture } from "@atlas/data/testing";
import type { PGlite } from "@electric-sql/pglite";
import { and, eq, inArray } from "drizzle-orm";
import { drizzle } from "drizzle-orm/pglite";
import type { Atlas } from "../data.js";
import { callerAtlas } from "../embedded.js";

/** The reviewer the tests write as: an admin, made in the prepared database. */
const REVIEWER = { token: "atlas_review-tests-token", from: "the review's tests", shared: false };
const VIA = { kind: "embedded", engine: "pglite", location: "memory", seeded: true } as const;

export const REVIEW_SOURCE_ID = "2020-militias-and-the-state";

export const REVIEW_TEXT = [
  "Militias and the state",
  "",
  "“The volunteers are brave,” said Lt. Gen. Douglas Whitfield, the commander of the training mission. But last June, Kataib Hezbollah denied any role, according to NRTV.",
  "",
  "A US drone strike on January 3, 2020 killed Abu Mahdi al-Muhandis, the leader of Kataib Hezbollah. Hezbollah fighters fired into the air at his funeral.",
].join("\n");

/** A second curated document, so that "Hezbollah" alone could be two actors. */
const LEBANON = {
  text: "Hezbollah in Lebanon\n\nHezbollah, the Lebanese party and militia, backs Kataib Hezbollah.\n",
  source: `
- id: second-doc
  file: second.txt
  title: Hezbollah in Lebanon
  titleBasis: stated
  publisher: null
  publisherBasis: unknown
  authors: []
  authorsBasis: unknown
  published: { edtf: "2019", basis: inferred, note: "A test document." }
  genre: news
  segments:
    - { role: headline, quote: "Hezbollah in Lebanon" }
`,
  annotations: `
source: second-doc
actors:
  - id: hezbollah
    name: Hezbollah
    kind: armed_group
    description: The Lebanese party and militia.
    evidence: ["Hezbollah, the Lebanese party and militia"]
`,
};

type Span = { start: number; end: number; quote: string };

function written(
  at: (quote: string) => Span,
): { kind: Proposal["kind"]; label: string; span: Span; proposal: Proposal }[] {
  const strike = at("A US drone strike on January 3, 2020 killed Abu Mahdi al-Muhandis");
  const leader = at("Abu Mahdi al-Muhandis, the leader of Kataib Hezbollah");
  const fighters = at("Hezbollah fighters");
  const hezbollah = { start: fighters.start, end: fighters.start + "Hezbollah".length, quote: "Hezbollah" };
  const candidate = (actorId: string, actorName: string, confidence: number) => ({
    actorId,
    actorName,
    alias: actorName,
    outside: false,
    rule: "short-form" as const,
    confidence,
  });
  const denial = at("Kataib Hezbollah denied any role");
  return [
    {
      kind: "statement",
      label: "Kataib Hezbollah denies: any role",
      span: at("Kataib Hezbollah denied any role, according to NRTV"),
      proposal: {
        kind: "statement",
        speaker: "Kataib Hezbollah",
        speakerSpan: at("Kataib Hezbollah denied"),
        speakerFrom: "name",
        claimantId: "kataib-hezbollah",
        claimantName: "Kataib Hezbollah",
        verb: "denied",
        stance: "denies",
        mode: "indirect",
        statement: "Kataib Hezbollah denied any role.",
        evidence: denial,
        attribution: at("Kataib Hezbollah denied"),
        said: { edtf: "2019-06", precision: "month", basis: "relative", expression: "last June" },
        aboutActorIds: [],
        onBehalfOfId: null,
        via: { actorId: null, name: "NRTV", span: at("NRTV") },
        confidence: 0.85,
        supports: [],
        contradicts: [
          {
            id: "us-alleges",
            title: "The US alleges Kataib Hezbollah was behind the December 27 attack.",
            why: ["a denial against an allegation about Kataib Hezbollah"],
          },
        ],
      },
    },
    {
      kind: "mention",
      label: "Mention of Hezbollah (ambiguous)",
      span: hezbollah,
      proposal: {
        kind: "mention",
        actorId: null,
        actorName: null,
        alias: "Hezbollah",
        rule: "short-form",
        confidence: 0.5,
        candidates: [candidate("hezbollah", "Hezbollah", 0.5), candidate("kataib-hezbollah", "Kataib Hezbollah", 0.4)],
      },
    },
    {
      kind: "event",
      label: "US drone strike kills al-Muhandis",
      span: strike,
      proposal: {
        kind: "event",
        eventKind: "strike",
        trigger: "killed",
        title: "US drone strike kills Abu Mahdi al-Muhandis",
        summary: strike.quote,
        sentence: strike,
        time: { edtf: "2020-01-03", precision: "day", basis: "explicit", expression: "January 3, 2020" },
        place: null,
        participants: [
          { actorId: "united-states", name: "United States", span: at("US"), role: "perpetrator" },
          { actorId: "abu-mahdi-al-muhandis", name: "Abu Mahdi al-Muhandis", span: null, role: "victim" },
        ],
        fatalities: [{ low: 1, high: 1, expression: null, who: "Abu Mahdi al-Muhandis", span: strike }],
        injuries: [],
        corroborates: {
          id: "2020-01-03-drone-strike",
          title: "US drone strike kills al-Muhandis",
          why: ["same kind (strike)", "the same day", "Abu Mahdi al-Muhandis takes part"],
        },
        confidence: 0.9,
      },
    },
    {
      kind: "relation",
      label: "Abu Mahdi al-Muhandis leads Kataib Hezbollah",
      span: leader,
      proposal: {
        kind: "relation",
        relationType: "leads",
        from: { actorId: "abu-mahdi-al-muhandis", name: "Abu Mahdi al-Muhandis", span: null },
        to: { actorId: "kataib-hezbollah", name: "Kataib Hezbollah", span: null },
        role: "leader",
        time: null,
        former: false,
        pattern: "X, the leader of Y",
        evidence: leader,
        existing: {
          id: "abu-mahdi-al-muhandis.leads.kataib-hezbollah",
          title: "Abu Mahdi al-Muhandis leads Kataib Hezbollah",
          why: ["same ends", "same type"],
        },
        conflicts: null,
        confidence: 0.95,
      },
    },
  ];
}

async function prepare(): Promise<Database> {
  const fixture = makeFixture();
  writeFileSync(join(fixture.corpusDir, "second.txt"), LEBANON.text);
  appendFileSync(join(fixture.corpusDir, "sources.yaml"), LEBANON.source);
  writeFileSync(join(fixture.annotationsDir, "documents", "second-doc.yaml"), LEBANON.annotations);
  const { dataset } = buildDataset({ corpusDir: fixture.corpusDir, annotationsDir: fixture.annotationsDir });
  fixture.cleanup();
  const database = await openDatabase({ memory: true, url: null });
  await seedDatabase(database, dataset);
  await addReviewer(database.db, { name: "reviewer", admin: true, by: null, token: REVIEWER.token });
  const atlas = callerAtlas(database, VIA, REVIEWER);
  const report = await atlas.ingest({ text: REVIEW_TEXT, published: "2020-01-10", fileName: "militias.txt" });
  if (report.sourceId !== REVIEW_SOURCE_ID) throw new Error(`review fixture: ingested as ${report.sourceId}`);
  const at = (quote: string): Span => {
    const start = REVIEW_TEXT.indexOf(quote);
    if (start < 0) throw new Error(`review fixture: "${quote}" is not in the text`);
    return { start, end: start + quote.length, quote };
  };
  const rows = written(at);
  const s = tables.suggestions;
  const { db } = database;
  // What the suggester proposed for the same words gives way to what is written here, and so does
  // a new actor inside the words of a statement written here (its channel, "NRTV", is the
  // statement's own): the review's twelve suggestions stay the ones the tests walk through.
  const stored = await db
    .select({ id: s.id, kind: s.kind, start: s.start, end: s.end, ord: s.ord })
    .from(s)
    .where(eq(s.sourceId, REVIEW_SOURCE_ID));
  const overlaps = (r: { start: number; end: number }, w: Span) => r.start < w.end && w.start < r.end;
  const replaced = stored.filter(
    (r) =>
      ["event", "relation"].includes(r.kind) ||
      rows.some((w) => (w.kind === r.kind || (r.kind === "actor" && w.kind === "statement")) && overlaps(r, w.span)),
  );
  if (replaced.length)
    await db.delete(s).where(
      and(
        eq(s.sourceId, REVIEW_SOURCE_ID),
        inArray(
          s.id,
          replaced.map((r) => r.id),
        ),
      ),
    );
  const kept = stored.filter((r) => !replaced.includes(r));
  const taken = new Set(kept.map((r) => r.id));
  const freeId = (kind: string) => {
    let n = 1;
    while (taken.has(`${REVIEW_SOURCE_ID}.${kind}-${n}`)) n++;
    taken.add(`${REVIEW_SOURCE_ID}.${kind}-${n}`);
    return `${REVIEW_SOURCE_ID}.${kind}-${n}`;
  };
  const last = Math.max(0, ...kept.map((r) => r.ord));
  await db.insert(s).values(
    rows.map((w, i) => ({
      id: freeId(w.kind),
      sourceId: REVIEW_SOURCE_ID,
      ord: last + i + 1,
      kind: w.kind,
      ...w.span,
      label: w.label,
      proposal: w.proposal,
    })),
  );
  return database;
}

let prepared: Promise<Database> | null = null;

/** A fresh copy of the prepared atlas, reviewed through the real router. */
export async function reviewAtlas(): Promise<Atlas> {
  prepared ??= prepare();
  const base = await prepared;
  // Drizzle keeps the PGlite client it was given; a clone is the whole database, copied.
  const client = (await (base.db as unknown as { $client: PGlite }).$client.clone()) as PGlite;
  const database: Database = {
    db: drizzle({ client, schema: tables, casing: "snake_case" }) as unknown as Database["db"],
    engine: "pglite",
    location: "memory",
    close: () => client.close(),
  };
  return callerAtlas(database, VIA, REVIEWER);
}
