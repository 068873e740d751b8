/**
 * Documents in the formats analysts receive: a PDF (text in reading order, pages kept, running
 * headers and footers marked as boilerplate, a scan refused) and a Word file, built in the test.
 */
import { describePages, pagesOf } from "@atlas/schema";
import { count } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDataset } from "../annotations/load.js";
import * as t from "../db/schema/index.js";
import { sourceById } from "../queries/sources.js";
import { seedDatabase } from "../seed/seed.js";
import { makeDocx, makePdf, type PdfText } from "../testing/documents.js";
import { engineCases } from "../testing/engines.js";
import { makeFixture } from "../testing/fixture.js";
import { documentFormat } from "./decode.js";
import { IngestError } from "./errors.js";
import { ingestDocument } from "./ingest.js";
import { extractPdf } from "./pdf.js";
import { listSuggestions } from "./review/index.js";

const header = (text = "Gulf Policy Brief | Iraq's armed groups"): PdfText => ({ x: 72, y: 760, text, size: 9 });
const footer = (n: number): PdfText => ({ x: 290, y: 36, text: `Page ${n} of 3`, size: 9 });

/** Three pages: a headline and prose; two columns drawn right column first; a scanned page. */
const REPORT = makePdf([
  [
    header(),
    { x: 72, y: 700, text: "Iraq's militias after Muhandis", size: 20 },
    { x: 72, y: 660, text: "Kataib Hezbollah denied the attack, the report says. Its leaders met in" },
    { x: 72, y: 646, text: "Baghdad in March 2021 to discuss the United States’ withdrawal." },
    footer(1),
  ],
  [
    header(),
    { x: 320, y: 700, text: "The second column follows the first one," },
    { x: 320, y: 686, text: "as a reader would expect it to." },
    { x: 72, y: 700, text: "The first column of the second page is" },
    { x: 72, y: 686, text: "read before the second column." },
    { x: 72, y: 600, text: "Qais al-Khazali spoke last, in a paragraph across the whole page width." },
    footer(2),
  ],
  null,
]);

const refusal = async (work: Promise<unknown>) => {
  try {
    await work;
  } catch (e) {
    expect(e).toBeInstanceOf(IngestError);
    return e as IngestError;
  }
  throw new Error("expected a refusal");
};

describe("PDF text in reading order", () => {
  it("reads a table row by row, runs a hyphenated line on, and marks a lone page number as a footer", async () => {
    const cell = (x: number, y: number, text: string) => ({ x, y, text });
    const pdf = await extractPdf(
      makePdf([
        [
          cell(72, 700, "Group"),
          cell(250, 700, "Leader"),
          cell(72, 686, "Badr"),
          cell(250, 686, "Hadi al-Amiri"),
          cell(72, 640, "The Iran-"),
          cell(72, 626, "backed groups met again."),
          { x: 300, y: 36, text: "- 1 -", size: 9 },
        ],
      ]),
    );
    expect(pdf.text).toBe("Group Leader Badr Hadi al-Amiri\n\nThe Iran-backed groups met again.\n\n- 1 -");
    expect(pdf.segments.at(-1)).toMatchObject({ role: "page-footer", article: false });
    expect(pdf.pages).toEqual([{ number: 1, start: 0, end: pdf.text.length }]);
  });
});

describe.each(engineCases())("documents in the formats analysts receive, on $name", (engine) => {
  let database: Awaited<ReturnType<typeof engine.open>>;
  const sources = async () => (await database.db.select({ n: count() }).from(t.sources))[0]?.n;
  beforeAll(async () => {
    database = await engine.open();
    const fixture = makeFixture();
    await seedDatabase(
      database,
      buildDataset({ corpusDir: fixture.corpusDir, annotationsDir: fixture.annotationsDir }).dataset,
    );
    fixture.cleanup();
  });
  afterAll(async () => {
    await database?.drop();
  });

  it("reads a PDF in reading order, keeps its pages, and marks running headers and footers as boilerplate", async () => {
    const report = await ingestDocument(database.db, {
      content: REPORT,
      fileName: "brief.pdf",
      published: "2021-04-01",
    });
    expect(report).toMatchObject({ format: "pdf", pages: 3, title: "Iraq's militias after Muhandis" });
    expect(report.warnings).toContain(
      "Page 3 has no text layer (scanned images): their words are not in the atlas. Run OCR on the PDF and ingest it again to include them.",
    );
    const source = await sourceById(database.db, report.sourceId);
    if (!source) throw new Error("not stored");
    const { text } = source;
    expect(text.indexOf("The first column of the second page is read before the second column.")).toBeLessThan(
      text.indexOf("The second column follows the first one, as a reader would expect it to."),
    );
    expect(text).toContain("Its leaders met in Baghdad in March 2021 to discuss the United States’ withdrawal.");
    expect(source.pages?.map((p) => p.number)).toEqual([1, 2]);
    const roles = source.segments.map((s) => [s.role, s.article, text.slice(s.start, s.end)]);
    expect(roles.filter(([role]) => role === "page-header")).toHaveLength(2);
    expect(roles).toContainEqual(["page-footer", false, "Page 2 of 3"]);
    expect(roles).toContainEqual(["headline", true, "Iraq's militias after Muhandis"]);
    expect(source.file).toBe("brief.pdf");
    expect(source.notes[0]?.text).toMatch(
      /^Extracted from a PDF of 3 pages .* 4 lines of running headers, footers and page numbers marked/,
    );

    // Evidence offsets point into the extracted text, and each quote is on its page.
    const mentions = (await listSuggestions(database.db, { sourceId: report.sourceId, kind: "mention" })).items;
    expect(mentions.map((m) => m.quote)).toEqual(expect.arrayContaining(["Kataib Hezbollah", "Qais al-Khazali"]));
    for (const m of mentions) expect(text.slice(m.start, m.end)).toBe(m.quote);
    const khazali = mentions.find((m) => m.quote === "Qais al-Khazali");
    expect(describePages(source.pages, khazali?.start ?? 0, khazali?.end ?? 0)).toBe("page 2");
    const kh = mentions.find((m) => m.quote === "Kataib Hezbollah");
    expect(pagesOf(source.pages, kh?.start ?? 0, kh?.end ?? 0)).toEqual({ first: 1, last: 1 });
    // No suggestion points into a running header or footer.
    const boilerplate = source.segments.filter((s) => !s.article);
    const all = (await listSuggestions(database.db, { sourceId: report.sourceId, limit: 200 })).items;
    for (const s of all) for (const b of boilerplate) expect(s.start >= b.end || s.end <= b.start).toBe(true);
  });

  it("refuses a scanned PDF with no text layer, saying so, and stores nothing", async () => {
    const before = await sources();
    const e = await refusal(ingestDocument(database.db, { content: makePdf([null, null]) }));
    expect(e.code).toBe("no_text");
    expect(e.message).toMatch(/no text layer: its 2 pages are images \(a scan\)\. Run OCR on it/);
    expect(await sources()).toBe(before);
  });

  it("refuses a damaged PDF, and a PDF sent as text", async () => {
    const damaged = await refusal(
      ingestDocument(database.db, { content: new TextEncoder().encode("%PDF-1.7\nnot really a PDF") }),
    );
    expect(damaged.code).toBe("unreadable");
    expect(damaged.message).toMatch(/starts like a PDF but cannot be read/);
    const asText = await refusal(ingestDocument(database.db, { content: "%PDF-1.4\nsome bytes" }));
    expect(asText.code).toBe("binary");
    expect(asText.message).toMatch(/PDF sent as text: send the file itself/);
    const wrong = await refusal(ingestDocument(database.db, { content: REPORT, format: "docx" }));
    expect(wrong).toMatchObject({ code: "invalid" });
    expect(wrong.message).toMatch(/sent as a Word file, but its bytes are not one/);
  });

  it("reads a Word file: headline, byline, headings and paragraphs from its styles", async () => {
    const docx = makeDocx([
      { text: "Briefing: the Popular Mobilization Forces", style: "Title" },
      { text: "By Sara Haddad" },
      { text: "Background", style: "Heading1" },
      { text: "Kataib Hezbollah and the United States traded strikes in January 2020." },
      { text: "Copyright 2021 Gulf Policy. All rights reserved." },
    ]);
    expect(documentFormat(docx)).toBe("docx");
    const report = await ingestDocument(database.db, { content: docx, fileName: "briefing.docx" });
    expect(report).toMatchObject({ format: "docx", pages: null, title: "Briefing: the Popular Mobilization Forces" });
    const source = await sourceById(database.db, report.sourceId);
    if (!source) throw new Error("not stored");
    expect(source.authors).toEqual(["Sara Haddad"]);
    expect(source.pages).toBeNull();
    expect(source.segments.map((s) => [s.role, source.text.slice(s.start, s.end)])).toEqual([
      ["headline", "Briefing: the Popular Mobilization Forces"],
      ["byline", "By Sara Haddad"],
      ["heading", "Background"],
      ["body", "Kataib Hezbollah and the United States traded strikes in January 2020."],
      ["disclaimer", "Copyright 2021 Gulf Policy. All rights reserved."],
    ]);
    const mentions = (await listSuggestions(database.db, { sourceId: report.sourceId, kind: "mention" })).items;
    for (const m of mentions) expect(source.text.slice(m.start, m.end)).toBe(m.quote);
    expect(mentions.map((m) => m.quote)).toEqual(expect.arrayContaining(["Kataib Hezbollah", "United States"]));
  });

  it("refuses a ZIP that is not a Word file, and an empty Word file", async () => {
    const { zipSync, strToU8 } = await import("fflate");
    const zip = await refusal(ingestDocument(database.db, { content: zipSync({ "a.txt": strToU8("hello") }) }));
    expect(zip.code).toBe("binary");
    expect(zip.message).toMatch(/ZIP archive .* save it as PDF, Word \(\.docx\), HTML or text/);
    const empty = await refusal(ingestDocument(database.db, { content: makeDocx([]) }));
    expect(empty).toMatchObject({ code: "no_text" });
  });
});
