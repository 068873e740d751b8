import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Dataset } from "@atlas/schema";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDataset } from "../annotations/load.js";
import { removeAbandonedIngests } from "../db/maintenance.js";
import * as t from "../db/schema/index.js";
import { actorById } from "../queries/actors.js";
import { claimById } from "../queries/claims.js";
import { eventById } from "../queries/events.js";
import { exportDataset } from "../queries/export.js";
import { search } from "../queries/search.js";
import { sourceById } from "../queries/sources.js";
import { seedDatabase } from "../seed/seed.js";
import { engineCases } from "../testing/engines.js";
import { FIXTURE_TEXT, makeFixture } from "../testing/fixture.js";
import { IngestError, ReviewError } from "./errors.js";
import { ingestDocument, nextBatchSize, WRITE_MS } from "./ingest.js";
import { applyRecords } from "./records.js";
import {
  acceptAll,
  acceptSuggestion,
  editSuggestion,
  listIngested,
  listSuggestions,
  rejectSuggestion,
} from "./review/index.js";
import type { IngestProgress, SuggestionView } from "./types.js";

const fixtures = join(import.meta.dirname, "fixtures");
const tester = { name: "tester", admin: true };
const article = readFileSync(join(fixtures, "new-article.txt"));
const page = readFileSync(join(fixtures, "bloomberg-article.html"));

describe("staging statements", () => {
  it("shrink after a slow one, so a reader never waits long behind the writer, and grow back after quick ones", () => {
    expect(nextBatchSize(100, WRITE_MS * 3, 100)).toBe(50);
    expect(nextBatchSize(30, WRITE_MS * 10, 100)).toBe(25);
    expect(nextBatchSize(2, WRITE_MS * 10, 5)).toBe(2);
    expect(nextBatchSize(25, WRITE_MS / 4, 100)).toBe(50);
    expect(nextBatchSize(80, WRITE_MS / 4, 100)).toBe(100);
    expect(nextBatchSize(30, WRITE_MS * 0.75, 100)).toBe(30);
  });
});

describe.each(engineCases())("ingest on $name", (engine) => {
  let database: Awaited<ReturnType<typeof engine.open>>;
  let dataset: Dataset;
  let sourceId: string;
  const db = () => database.db;

  /** Row counts of every table ingest or review may write. */
  const counts = async () => {
    const n = async (table: typeof t.sources | typeof t.suggestions | typeof t.ingestDocuments | typeof t.segments) =>
      (await db().select({ n: count() }).from(table))[0]?.n;
    const m = async (
      table: typeof t.mentions | typeof t.evidence | typeof t.actors | typeof t.claims | typeof t.events,
    ) => (await db().select({ n: count() }).from(table))[0]?.n;
    return {
      sources: await n(t.sources),
      suggestions: await n(t.suggestions),
      documents: await n(t.ingestDocuments),
      segments: await n(t.segments),
      mentions: await m(t.mentions),
      evidence: await m(t.evidence),
      actors: await m(t.actors),
      claims: await m(t.claims),
      events: await m(t.events),
    };
  };
  const all = async (kind?: SuggestionView["kind"]) =>
    (await listSuggestions(db(), { sourceId, kind, limit: 200 })).items;
  const find = async (kind: SuggestionView["kind"], test: (s: SuggestionView) => boolean) => {
    const s = (await all(kind)).find(test);
    if (!s) throw new Error(`no ${kind} suggestion matched`);
    return s;
  };
  const verbatim = async (spans: { sourceId: string; start: number; end: number; quote: string }[]) => {
    const source = await sourceById(db(), sourceId);
    for (const s of spans) expect(source?.text.slice(s.start, s.end)).toBe(s.quote);
  };

  beforeAll(async () => {
    const fixture = makeFixture();
    dataset = buildDataset({ corpusDir: fixture.corpusDir, annotationsDir: fixture.annotationsDir }).dataset;
    fixture.cleanup();
    database = await engine.open();
    await seedDatabase(database, dataset);
  });
  afterAll(async () => {
    await database?.drop();
  });

  it("stores the document and its suggestions apart from curated facts, reporting progress", async () => {
    const before = await counts();
    const progress: IngestProgress[] = [];
    const report = await ingestDocument(
      db(),
      { content: article, published: "2015-03-06", publisher: "Bloomberg View", fileName: "new-article.txt" },
      { onProgress: (p) => progress.push(p) },
    );
    sourceId = report.sourceId;
    expect(sourceId).toBe("2015-militias-and-the-state");
    expect(report).toMatchObject({ format: "text", title: "Militias and the state", warnings: [] });
    // New actors: Calvert, Aboudi, Maliki, Sistani (who acts), Iraq (a state that is defended) and
    // the Iraqi army (an institution in lower case), whom Khazali fights alongside (a relation).
    // Events: the April 7, 2014 meeting and Khazali's fighting ("any attack" the US warns of is none).
    expect(report.suggestions).toEqual({ mention: 5, actor: 6, date: 4, event: 2, statement: 6, relation: 1 });
    expect([...new Set(progress.map((p) => p.phase))]).toEqual(["read", "extract", "analyze", "write"]);
    expect(progress.at(-1)).toMatchObject({ phase: "write", done: progress.at(-1)?.total });

    const suggestions = await all();
    expect(suggestions).toHaveLength(24);
    expect(suggestions.every((s) => s.status === "suggested" && s.records.length === 0)).toBe(true);
    // Nothing curated changed: no mention, evidence, actor, claim or event came with the document.
    const after = await counts();
    expect({ ...after, sources: 0, suggestions: 0, documents: 0, segments: 0 }).toEqual({
      ...before,
      sources: 0,
      suggestions: 0,
      documents: 0,
      segments: 0,
    });
    const source = await sourceById(db(), sourceId);
    expect(source).toMatchObject({
      origin: "ingest",
      publisher: "Bloomberg View",
      publisherBasis: "assigned",
      annotations: [],
    });
    expect(source?.published).toMatchObject({ edtf: "2015-03-06", precision: "day", basis: "explicit" });
    expect(source?.segments.find((s) => s.role === "cookie-notice")?.article).toBe(false);
    expect((await listIngested(db()))[0]).toMatchObject({
      sourceId,
      format: "text",
      suggestions: { mention: { suggested: 5 } },
    });
  });

  describe("refuses bad input and writes nothing", () => {
    const cases: [string, Parameters<typeof ingestDocument>[1], IngestError["code"], RegExp][] = [
      ["an empty file", { content: new Uint8Array() }, "empty", /empty/],
      ["a file of whitespace", { content: new TextEncoder().encode(" \n\t\n ") }, "empty", /only whitespace/],
      [
        "an image",
        { content: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
        "binary",
        /PNG image.*OCR/,
      ],
      ["invalid UTF-8", { content: new Uint8Array([0x4e, 0x61, 0x6a, 0x61, 0x66, 0xe9, 0x0a]) }, "encoding", /byte 5/],
      ["a 50 MB file", { content: new Uint8Array(50 * 1024 * 1024).fill(0x61) }, "too_large", /50\.0 MB/],
      [
        "a NUL byte after the first 64 KiB",
        { content: new TextEncoder().encode(`${"Words and more words. ".repeat(4000)}\0 and more`) },
        "binary",
        /NUL/,
      ],
      ["text with a NUL after the first 64 KiB", { content: `${"Some text. ".repeat(8000)}\0` }, "binary", /NUL/],
      ["a javascript: address", { content: "Some text.", url: "javascript:alert(1)" }, "invalid", /url: .*http\(s\)/],
      ["a data: address", { content: "Some text.", url: "data:text/html,<b>x</b>" }, "invalid", /http\(s\)/],
      [
        "the same document twice",
        { content: article },
        "duplicate",
        /already in the atlas as "Militias and the state"/,
      ],
      [
        "a curated document's text",
        { content: FIXTURE_TEXT },
        "duplicate",
        /already in the atlas as "Rockets hit the embassy"/,
      ],
      [
        "HTML without an article",
        { content: "<html><body><nav><a href=/>Home</a></nav></body></html>" },
        "no_text",
        /No article text/,
      ],
    ];
    it.each(cases)("%s", async (_, input, code, message) => {
      const before = await counts();
      const error = await ingestDocument(db(), input).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(IngestError);
      expect((error as IngestError).code).toBe(code);
      expect((error as IngestError).message).toMatch(message);
      expect(await counts()).toEqual(before);
    });

    it("rolls back everything when writing fails half-way", async () => {
      const before = await counts();
      const other = Buffer.from(
        article.toString("utf8").replace("Militias and the state", "Militias and the state, again"),
      );
      const failing = (p: IngestProgress) => {
        if (p.phase === "write" && p.done > 0) throw new Error("disk full");
      };
      await expect(ingestDocument(db(), { content: other }, { onProgress: failing })).rejects.toThrow("disk full");
      expect(await counts()).toEqual(before);
    });
  });

  describe("review", () => {
    it("accepts a mention: a real mention with its verbatim span", async () => {
      const khazali = await find("mention", (s) => s.quote === "Khazali");
      const { records, suggestion } = await acceptSuggestion(db(), khazali.id, { by: tester });
      expect(suggestion.status).toBe("accepted");
      expect(records).toEqual([{ type: "mention", recordId: `${sourceId}@${khazali.start}` }]);
      const reader = await sourceById(db(), sourceId);
      const mention = reader?.annotations.find((a) => a.type === "mention" && a.start === khazali.start);
      expect(mention).toMatchObject({ recordId: "qais-al-khazali", end: khazali.end });
    });

    it("rejects a suggestion: nothing is created, and it cannot be accepted afterwards", async () => {
      const before = await counts();
      const maliki = await find("actor", (s) => s.quote.includes("Nuri al-Maliki"));
      expect((await rejectSuggestion(db(), maliki.id, "Out of scope", tester)).status).toBe("rejected");
      expect(await counts()).toEqual(before);
      await expect(acceptSuggestion(db(), maliki.id, { by: tester })).rejects.toThrow(/already rejected/);
    });

    it("will not take a statement whose speaker is not an actor yet, and says which suggestion to accept first", async () => {
      const according = await find("statement", (s) => s.quote.includes("according to"));
      const aboudi = await find("actor", (s) => s.quote.includes("Naeem al-Aboudi"));
      const error = await acceptSuggestion(db(), according.id, { by: tester }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ReviewError);
      expect((error as ReviewError).message).toContain(`Accept the candidate actor suggestion ${aboudi.id} first`);
    });

    it("accepts a new actor: an actor with verbatim evidence, its short name and its mentions", async () => {
      const aboudi = await find("actor", (s) => s.quote.includes("Naeem al-Aboudi"));
      const { records } = await acceptSuggestion(db(), aboudi.id, { by: tester });
      expect(records).toEqual([{ type: "actor", recordId: "naeem-al-aboudi" }]);
      const actor = await actorById(db(), "naeem-al-aboudi");
      expect(actor).toMatchObject({ name: "Naeem al-Aboudi", kind: "person", aliases: ["Aboudi"] });
      expect(actor?.evidence.map((e) => e.quote)).toEqual(["group spokesman Naeem al-Aboudi"]);
      await verbatim(actor?.evidence ?? []);
      expect(actor?.mentionsBySource[0]?.snippets.map((m) => m.quote)).toEqual(["Naeem al-Aboudi", "Aboudi"]);
    });

    it("accepts statements as claims once their speaker is an actor, with the words and the attribution", async () => {
      const according = await find("statement", (s) => s.quote.includes("according to"));
      const { records } = await acceptSuggestion(db(), according.id, {
        by: tester,
        edit: { statement: "Khazali is fighting alongside the Iraqi army." },
      });
      const claim = await claimById(db(), records[0]?.recordId as string);
      expect(claim).toMatchObject({ stance: "asserts", mode: "indirect", claimant: { id: "naeem-al-aboudi" } });
      expect(claim?.statement).toBe("Khazali is fighting alongside the Iraqi army.");
      expect(claim?.about.actors.map((a) => a.id)).toEqual(["qais-al-khazali"]);
      expect(claim?.attribution.map((e) => e.quote)).toEqual(["according to group spokesman Naeem al-Aboudi"]);
      await verbatim([...(claim?.evidence ?? []), ...(claim?.attribution ?? [])]);

      const denied = await find("statement", (s) => s.proposal.kind === "statement" && s.proposal.verb === "denied");
      const kh = await acceptSuggestion(db(), denied.id, { by: tester });
      expect((await claimById(db(), kh.records[0]?.recordId as string))?.stance).toBe("denies");
    });

    it("accepts an actor with the reviewer's edits — renamed — then its direct quotation by the new name", async () => {
      const calvert = await find("actor", (s) => s.quote.startsWith("Lt. Gen. Paul Calvert"));
      await editSuggestion(
        db(),
        calvert.id,
        { description: "Commander of the U.S.-led mission in Iraq and Syria." },
        tester,
      );
      const before = await find("statement", (s) => s.quote.includes("said Lt. Gen. Paul Calvert"));
      expect(before.label).toMatch(/^Paul Calvert \(not a known actor\) /);
      await acceptSuggestion(db(), calvert.id, {
        by: tester,
        edit: { id: "paul-calvert", name: "Lt. Gen. Paul Calvert" },
      });
      expect((await actorById(db(), "paul-calvert"))?.description).toBe(
        "Commander of the U.S.-led mission in Iraq and Syria.",
      );
      // The pending statement now names the accepted actor, whatever the reviewer renamed it to.
      const said = await find("statement", (s) => s.quote.includes("said Lt. Gen. Paul Calvert"));
      expect(said.proposal).toMatchObject({ claimantId: "paul-calvert", claimantName: "Lt. Gen. Paul Calvert" });
      expect(said.label).toMatch(/^Lt\. Gen\. Paul Calvert asserts: /);
      const { records } = await acceptSuggestion(db(), said.id, { by: tester });
      const claim = await claimById(db(), records[0]?.recordId as string);
      expect(claim).toMatchObject({ mode: "direct", claimant: { id: "paul-calvert" } });
      expect(claim?.evidence[0]?.quote).toMatch(/^I think there's two major threats/);
    });

    it("accepts a date as an event with its resolved time and the sentence as evidence", async () => {
      const june = await find("date", (s) => s.quote === "last June");
      const { records } = await acceptSuggestion(db(), june.id, {
        by: tester,
        edit: {
          eventKind: "mobilization",
          title: "Sistani calls Iraqis to arms",
          summary: "Sistani urged Iraqis to volunteer against the Islamic State.",
        },
      });
      const event = await eventById(db(), records[0]?.recordId as string);
      expect(event).toMatchObject({
        kind: "mobilization",
        title: "Sistani calls Iraqis to arms",
        earliest: "2014-06-01",
        latest: "2014-06-30",
      });
      expect(event?.time).toMatchObject({
        edtf: "2014-06",
        precision: "month",
        basis: "relative",
        expression: "last June",
      });
      expect(event?.sources[0]?.quotes[0]?.quote).toMatch(/^But last June, Sistani took on a new public role/);
    });

    it("refuses edits that do not fit the suggestion, and ids that do not exist", async () => {
      const today = await find("date", (s) => s.quote === "Today");
      await expect(
        acceptSuggestion(db(), today.id, { by: tester, edit: { claimantId: "united-states" } }),
      ).rejects.toThrow(/claimantId does not apply to a date suggestion/);
      await expect(
        acceptSuggestion(db(), today.id, { by: tester, edit: { eventId: "no-such-event" } }),
      ).rejects.toThrow(/no event with id/);
      await expect(acceptSuggestion(db(), "no-such-suggestion", { by: tester })).rejects.toThrow(
        /No suggestion with id/,
      );
      expect((await find("date", (s) => s.quote === "Today")).status).toBe("suggested");
    });

    it("accepts all remaining mentions at once", async () => {
      const result = await acceptAll(db(), sourceId, "mention", { by: tester });
      expect(result).toEqual({ accepted: 4, failed: [] });
      expect((await all("mention")).every((s) => s.status === "accepted")).toBe(true);
    });

    it("leaves a dataset that is still valid against @atlas/schema", async () => {
      const exported = await exportDataset(db());
      const parsed = Dataset.safeParse(exported);
      expect(parsed.success, parsed.success ? "" : parsed.error.message).toBe(true);
      expect(exported.sources.map((s) => s.id)).toContain(sourceId);
    });
  });

  it("keeps accepted records when the curated dataset is seeded again", async () => {
    const before = await exportDataset(db());
    const report = await seedDatabase(database, dataset, { force: true });
    expect(report.ingested).toMatchObject({ skipped: [] });
    expect(report.ingested?.applied).toBe(11);
    expect(await exportDataset(db())).toEqual(before);
    expect((await actorById(db(), "naeem-al-aboudi"))?.claimsBy).toHaveLength(1);
    expect((await all()).filter((s) => s.status === "accepted")).toHaveLength(11);
    const [doc] = await db().select().from(t.sources).where(eq(t.sources.id, sourceId));
    expect(doc?.origin).toBe("ingest");
  });

  it("reports analysis progress as it goes through a large document, and stores all it found", async () => {
    const body = article.toString("utf8").split("\n\n").slice(1, 6).join("\n\n");
    const text = `A long compilation\n\n${Array.from({ length: 1100 }, (_, i) => `Part ${i + 1}.\n\n${body}`).join("\n\n")}`;
    const analyzed: number[] = [];
    const report = await ingestDocument(
      db(),
      { content: text, published: "2015-03-06" },
      { onProgress: (p) => p.phase === "analyze" && analyzed.push(p.done / p.total) },
    );
    expect(report.characters).toBeGreaterThan(1_000_000);
    expect(analyzed.length).toBeGreaterThanOrEqual(4);
    expect(analyzed).toEqual([...analyzed].sort((a, b) => a - b));
    expect(analyzed.at(-1)).toBe(1);
    // Per part: Khazali twice, Kataib Hezbollah twice, the US, the two actors accepted above, and
    // Aboudi alone once his full name has been given.
    expect(report.suggestions.mention).toBe(1100 * 8);
    const [stored] = await db()
      .select({ n: count() })
      .from(t.suggestions)
      .where(eq(t.suggestions.sourceId, report.sourceId));
    expect(stored?.n).toBe(Object.values(report.suggestions).reduce((a, b) => a + b, 0));
  }, 180_000); // 1 MB on a busy two-core machine (CI runs the packages side by side) can take over a minute.

  it("stores a document whose search index would pass PostgreSQL's 1 MB limit, and finds any of its lines", async () => {
    const text = Array.from({ length: 200_000 }, (_, i) => `line ${i}`).join("\n");
    const report = await ingestDocument(db(), { content: text, title: "Two hundred thousand lines" });
    expect(report.characters).toBe(text.length);
    const found = await search(db(), { q: "line 199999", types: ["source"] });
    expect(found.groups.source[0]?.id).toBe(report.sourceId);
    expect(found.groups.source[0]?.snippet.some((p) => p.hit && p.text === "199999")).toBe(true);
  });

  it("shows nothing of an ingest that died half-way, and clears it when the database is opened", async () => {
    // What a killed ingest leaves: its reservation, some passages and suggestions, no document row.
    const id = "2021-half-written";
    await db()
      .insert(t.meta)
      .values({ key: `ingest:${id}`, value: new Date().toISOString() });
    await db()
      .insert(t.sourcePassages)
      .values({ sourceId: id, ord: 0, title: "Half written", text: "Zanzibarian envoys met in Basra." });
    await db()
      .insert(t.suggestions)
      .values({
        id: `${id}.mention-1`,
        sourceId: id,
        ord: 0,
        kind: "mention",
        start: 0,
        end: 11,
        quote: "Zanzibarian",
        label: "Zanzibarian",
        proposal: {},
      });
    expect((await search(db(), { q: "Zanzibarian envoys", types: ["source"] })).groups.source).toEqual([]);
    expect((await listSuggestions(db(), { sourceId: id })).items).toEqual([]);
    await expect(acceptSuggestion(db(), `${id}.mention-1`, { by: tester })).rejects.toThrow(ReviewError);
    expect(await removeAbandonedIngests(db(), { all: true })).toBe(1);
    const left = await db().select({ n: count() }).from(t.suggestions).where(eq(t.suggestions.sourceId, id));
    const passages = await db().select({ n: count() }).from(t.sourcePassages).where(eq(t.sourcePassages.sourceId, id));
    expect([left[0]?.n, passages[0]?.n]).toEqual([0, 0]);
  });

  it("never overwrites curated records when re-applying, and reports records whose actor is gone", async () => {
    const span = { sourceId, start: 0, end: 8, quote: "Militias" };
    const report = await applyRecords(db(), [
      {
        type: "actor",
        actor: {
          id: "kataib-hezbollah",
          name: "KH",
          kind: "person",
          aliases: [],
          description: "Not this.",
          evidence: [span],
        },
        mentions: [],
      },
      { type: "mention", mention: { ...span, actorId: "nobody", alias: "Militias" } },
    ]);
    expect(report.skipped).toEqual([
      { recordId: `${sourceId}@0`, type: "mention", reason: 'actor "nobody" no longer exists' },
    ]);
    const kh = await actorById(db(), "kataib-hezbollah");
    expect(kh).toMatchObject({ name: "Kataib Hezbollah", kind: "armed_group" });
    expect(kh?.evidence.map((e) => e.source.id)).toContain(sourceId);
  });

  it("keeps the publisher out of the authors when a byline names both", async () => {
    const report = await ingestDocument(db(), {
      content: "Militias regroup near Baghdad\n\nBy Sara Haddad, Example News\n\nKataib Hezbollah denied any role.",
      publisher: "Example News",
      published: "2021-07-02",
    });
    expect((await sourceById(db(), report.sourceId))?.authors).toEqual(["Sara Haddad"]);
  });

  it("makes a document's other accounts of a happening, once one is accepted as an event, its evidence by default", async () => {
    const report = await ingestDocument(db(), {
      content:
        "Khazali detained\n\nIraqi police arrested Qais al-Khazali in Baghdad on March 3, 2015.\n\n" +
        "His supporters gathered outside a mosque in Basra.\n\n" +
        "The arrest of Qais al-Khazali on March 3 angered the militias, and Sadrists said little.",
      published: "2015-03-06",
    });
    const events = () => listSuggestions(db(), { sourceId: report.sourceId, kind: "event", limit: 100 });
    const accounts = (await events()).items.filter((s) => /arrest/i.test(s.quote));
    expect(accounts).toHaveLength(2);
    const [first, second] = accounts as [SuggestionView, SuggestionView];
    expect(second.effective).toMatchObject({ eventId: null });
    const { records } = await acceptSuggestion(db(), first.id, { by: tester });
    const eventId = records[0]?.recordId as string;
    // The second account now says which event it retells, and accepting it adds its words there.
    const retold = (await events()).items.find((s) => s.id === second.id);
    expect(retold?.label).toMatch(/^Another account of capture: /);
    expect(retold?.effective).toMatchObject({ eventId });
    await acceptSuggestion(db(), second.id, { by: tester });
    const event = await eventById(db(), eventId);
    expect(event?.sources.find((x) => x.source.id === report.sourceId)?.quotes.map((q) => q.quote)).toEqual([
      expect.stringMatching(/^Iraqi police arrested Qais al-Khazali/),
      expect.stringMatching(/^The arrest of Qais al-Khazali on March 3/),
    ]);
    // Accepting all of a document's events at once makes one event of the two accounts, too.
    const again = await ingestDocument(db(), {
      content:
        "Khazali detained again\n\nIraqi police arrested Qais al-Khazali in Basra on May 5, 2016.\n\n" +
        "The arrest of Qais al-Khazali on May 5 angered the militias.",
      published: "2016-05-08",
    });
    const accounts2 = (await listSuggestions(db(), { sourceId: again.sourceId, kind: "event", limit: 100 })).items;
    expect(accounts2.length).toBeGreaterThan(1);
    const before = (await counts()).events;
    const all = await acceptAll(db(), again.sourceId, "event", { by: tester });
    expect(all).toMatchObject({ accepted: accounts2.length, failed: [] });
    expect((await counts()).events).toBe((before ?? 0) + 1);
    // An account the reviewer has edited stays as they left it.
    const third = await ingestDocument(db(), {
      content:
        "Khazali held\n\nIraqi police arrested Qais al-Khazali in Najaf on June 9, 2017.\n\n" +
        "The arrest of Qais al-Khazali on June 9 surprised many.",
      published: "2017-06-12",
    });
    const [one, two] = (
      await listSuggestions(db(), { sourceId: third.sourceId, kind: "event", limit: 100 })
    ).items.filter((x) => /arrest/i.test(x.quote)) as [SuggestionView, SuggestionView];
    await editSuggestion(db(), two.id, { title: "A second arrest in Najaf" }, tester);
    await acceptSuggestion(db(), one.id, { by: tester });
    const kept = (await listSuggestions(db(), { sourceId: third.sourceId, kind: "event", limit: 100 })).items.find(
      (x) => x.id === two.id,
    );
    expect(kept?.effective).toMatchObject({ eventId: null, title: "A second arrest in Najaf" });
  });

  it("extracts an HTML page and resolves its dates against the page's publication time", async () => {
    const report = await ingestDocument(db(), { content: page, fileName: "inside-iraqs-militias.html" });
    expect(report).toMatchObject({ format: "html", title: "Inside Iraq's Iranian-Backed Militias" });
    const source = await sourceById(db(), report.sourceId);
    expect(source).toMatchObject({ publisher: "Bloomberg View", publisherBasis: "inferred", authors: ["Eli Lake"] });
    expect(source?.url).toMatch(/^https:\/\/www\.bloomberg\.com\//);
    expect(source?.notes.find((n) => n.field === "extent")?.text).toMatch(
      /Removed: navigation \(\d+\), cookie notice \(1\)/,
    );
    expect(source?.text).not.toMatch(/cookies|Getty Images|Terms of Service/);
    const dates = (await listSuggestions(db(), { sourceId: report.sourceId, kind: "date", limit: 100 })).items;
    expect(dates.find((d) => d.quote === "last June")?.proposal).toMatchObject({
      time: { edtf: "2014-06", basis: "relative" },
    });
  });
});
