/**
 * Ingest, review and export as a script uses them: the real binary, no TTY, its own embedded
 * database in a temporary directory, written as its first admin (made by `atlas reviewers add`);
 * then writes through a real API, with a reviewer's token, a wrong one and a revoked one.
 * The document is a corpus paragraph re-worded into a new article (not a duplicate), with a
 * new speaker ("said Lt. Gen. Douglas Whitfield") and a relative date ("last June").
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type StartedApi, startApi } from "@atlas/api";
import { makeDocx, makePdf } from "@atlas/data/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type {
  AcceptResult,
  ActorDetail,
  ClaimDetail,
  IngestedDocument,
  IngestReport,
  SearchResult,
  SourceSummary,
  Suggestion,
} from "./data.js";
import { atlas, childEnv, closedPort, tempDir } from "./testing/binary.js";

const ARTICLE = fileURLToPath(new URL("testing/fixtures/volunteers.txt", import.meta.url));
const SOURCE = "2015-the-volunteers-of-sinsil";
const json = <T>(stdout: string) => JSON.parse(stdout) as T;

let dir: string;
let env: NodeJS.ProcessEnv;
const file = (name: string) => join(dir, name);

beforeAll(async () => {
  dir = tempDir("ingest");
  env = childEnv({ dataDir: join(dir, "db"), apiUrl: `http://127.0.0.1:${await closedPort()}` });
  copyFileSync(ARTICLE, file("volunteers.txt"));
  writeFileSync(file("empty.txt"), "");
  writeFileSync(
    file("photo.png"),
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48]),
  );
  // "café" in Latin-1: the é is one byte, 0xE9, which UTF-8 cannot start a character with.
  writeFileSync(
    file("latin1.txt"),
    Buffer.concat([Buffer.from("Le caf"), Buffer.from([0xe9]), Buffer.from(" du coin.\n")]),
  );
  writeFileSync(file("scan.pdf"), makePdf([null]));
  writeFileSync(file("huge.txt"), "");
  truncateSync(file("huge.txt"), 17 * 1024 * 1024);
  // Writes name their reviewer: the first admin, made where the database is.
  const admin = await atlas(["reviewers", "add", "tester", "--admin", "--json"], env);
  env.ATLAS_TOKEN = json<{ token: string }>(admin.stdout).token;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ingested = async (e = env) =>
  json<SourceSummary[]>((await atlas(["sources", "--origin", "ingest", "--json"], e)).stdout);
const suggestions = async (...args: string[]) =>
  json<Suggestion[]>((await atlas(["review", SOURCE, "--list", "--json", ...args], env)).stdout);

describe("atlas ingest on the embedded database", () => {
  it("stores a new document and says what it found, by kind, and what to run next", async () => {
    const r = await atlas(
      ["ingest", file("volunteers.txt"), "--published", "2015-03-10", "--publisher", "Test Wire"],
      env,
    );
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines[0]).toBe(`Stored “The volunteers of Sinsil” as ${SOURCE}`);
    expect(lines[1]).toMatch(/^ {2}text · 1\.0 KB · 1,069 characters · \d+\.\d s$/);
    // Counts by kind, in the review model's order, those found only.
    const [, total, list] = /^Suggestions \((\d+)\): (.*)$/.exec(lines[2] ?? "") ?? [];
    const counts = new Map(
      (list ?? "").split(" · ").map((c) => [c.replace(/^\d+ /, "").replace(/s$/, ""), Number.parseInt(c, 10)]),
    );
    expect([...counts.keys()].filter((k) => ["candidate actor", "mention", "statement", "date"].includes(k))).toEqual([
      "candidate actor",
      "mention",
      "statement",
      "date",
    ]);
    expect([...counts.values()].reduce((a, b) => a + b, 0)).toBe(Number(total));
    expect(lines.at(-1)).toBe(`Review them: atlas review ${SOURCE}`);
    expect((await ingested()).map((s) => s.id)).toEqual([SOURCE]);
  });

  it("detects HTML by the file's extension; --json prints the result", async () => {
    writeFileSync(
      file("page.html"),
      `<!doctype html><html><head><title>Badr volunteers at the canal</title></head><body>
       <nav><a href="/">Home</a></nav><article><h1>Badr volunteers at the canal</h1>
       <p>Volunteers with the Badr Organization gathered at a canal near Sinsil last June, a commander said.</p>
       <p>Hadi al-Amiri, the leader of the Badr Organization, said his fighters would stay until the Islamic State was gone.</p>
       </article></body></html>`,
    );
    const r = await atlas(["ingest", file("page.html"), "--published", "2015-03-12", "--json"], env);
    expect(r.code).toBe(0);
    const report = json<IngestReport>(r.stdout);
    expect(report).toMatchObject({ format: "html", title: "Badr volunteers at the canal", warnings: [] });
    expect(Object.keys(report)).toEqual(
      expect.arrayContaining(["sourceId", "format", "bytes", "characters", "hash", "suggestions", "warnings", "ms"]),
    );
    expect(report.suggestions.mention).toBeGreaterThan(0);
  });

  it("takes a PDF and a Word file, and the reader says where each page of the PDF begins", async () => {
    const line = (y: number, text: string) => ({ x: 72, y, text });
    writeFileSync(
      file("brief.pdf"),
      makePdf([
        [line(700, "Badr at the canal"), line(660, "Hadi al-Amiri said Badr would hold the canal near Sinsil.")],
        [line(700, "The Islamic State withdrew north, a commander said.")],
      ]),
    );
    const pdf = await atlas(["ingest", file("brief.pdf"), "--published", "2015-03-14"], env);
    expect(pdf.code, pdf.stderr).toBe(0);
    expect(pdf.stdout.split("\n")[1]).toMatch(/^ {2}pdf · [\d.]+ (bytes|KB) · 2 pages · \d+ characters · /);
    const id = /as (\S+)\n/.exec(pdf.stdout)?.[1] as string;
    const text = (await atlas(["source", id, "--text"], env)).stdout;
    expect(text.indexOf("page 2")).toBeGreaterThan(text.indexOf("page 1"));
    expect(text.indexOf("page 2")).toBeLessThan(text.indexOf("The Islamic State withdrew north"));

    writeFileSync(
      file("brief.docx"),
      makeDocx([{ text: "Canal briefing", style: "Title" }, { text: "Badr holds the canal." }]),
    );
    const docx = await atlas(["ingest", file("brief.docx"), "--json"], env);
    expect(docx.code, docx.stderr).toBe(0);
    expect(json<IngestReport>(docx.stdout)).toMatchObject({ format: "docx", title: "Canal briefing", pages: null });
  });

  it("refuses the same document again (a duplicate): exit 1, and nothing is written", async () => {
    const before = await ingested();
    const r = await atlas(["ingest", file("volunteers.txt"), "--published", "2015-03-10"], env);
    expect(r).toMatchObject({ code: 1, stdout: "" });
    expect(r.stderr).toBe(
      `atlas: ${file("volunteers.txt")}: This document is already in the atlas as "The volunteers of Sinsil" (source id ${SOURCE}): same content hash. Nothing was added.\n`,
    );
    expect(await ingested()).toEqual(before);
  });

  it("refuses an empty file, a PNG, invalid UTF-8, a missing or oversized file — saying why, exit 1, nothing written", async () => {
    const before = await ingested();
    const cases: [string, RegExp][] = [
      ["empty.txt", /empty\.txt: The document is empty \(0 bytes\)\. Check the file\.$/],
      ["photo.png", /photo\.png: This is a PNG image, not a document: run OCR on it/],
      ["scan.pdf", /scan\.pdf: This PDF has no text layer: its page is an image \(a scan\)\. Run OCR on it/],
      ["latin1.txt", /latin1\.txt: The document is not valid UTF-8: byte 6 \(e9 20 64 75\) .*Windows-1252 or Latin-1/],
      ["missing.txt", /missing\.txt: no such file$/],
      ["huge.txt", /huge\.txt: The document is 17\.0 MB; the limit is 16\.0 MB\. Split it/],
    ];
    for (const [name, pattern] of cases) {
      const r = await atlas(["ingest", file(name)], env);
      expect({ name, code: r.code, stdout: r.stdout }).toEqual({ name, code: 1, stdout: "" });
      expect(r.stderr.trimEnd()).toMatch(new RegExp(`^atlas: .*${pattern.source}`));
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
    expect(await ingested()).toEqual(before);
  });

  it("names the bad flag and exits 2 before reading anything", async () => {
    const cases: [string[], RegExp][] = [
      [["--published", "2015-02-30"], /^atlas: --published: "2015-02-30" is not a real day; 2015-02 has 28 days/],
      [
        ["--published", "last week"],
        /^atlas: --published: "last week" is not a date; write YYYY, YYYY-MM or YYYY-MM-DD/,
      ],
      [["--format", "xml"], /^atlas: --format: "xml" is not a format atlas ingests; choose from text, html, pdf, docx/],
      [["--url", "example.com"], /^atlas: --url: "example.com" is not an http\(s\) address/],
      [["--title", " "], /^atlas: --title: is empty/],
    ];
    for (const [flags, pattern] of cases) {
      const r = await atlas(["ingest", file("volunteers.txt"), ...flags], env);
      expect({ flags, code: r.code, stdout: r.stdout }).toEqual({ flags, code: 2, stdout: "" });
      expect(r.stderr).toMatch(pattern);
    }
  });
});

describe("atlas review on the embedded database", () => {
  it("lists the ingested documents and a document's suggestions as JSON", async () => {
    const docs = json<IngestedDocument[]>((await atlas(["review", "--list", "--json"], env)).stdout);
    const doc = docs.find((d) => d.sourceId === SOURCE);
    expect(doc).toMatchObject({ title: "The volunteers of Sinsil", format: "text", fileName: "volunteers.txt" });
    expect(doc?.suggestions.actor).toEqual({ suggested: 2 });
    const all = await suggestions();
    expect(all.length).toBe(Object.values(doc?.suggestions ?? {}).reduce((n, c) => n + (c.suggested ?? 0), 0));
    for (const s of all) {
      expect(s).toMatchObject({ sourceId: SOURCE, status: "suggested", records: [], edit: null });
      expect(s.proposal.kind).toBe(s.kind);
      expect(s.id.startsWith(`${SOURCE}.${s.kind}-`)).toBe(true);
    }
    const actors = await suggestions("--kind", "actor");
    expect(actors.map((s) => s.proposal.kind === "actor" && s.proposal.name)).toContain("Douglas Whitfield");
    const text = await atlas(["review", SOURCE, "--list", "--kind", "date"], env);
    expect(text.stdout).toMatch(/^ID\s+STATUS\s+SUGGESTION\n/);
    expect(text.stdout).toMatch(/\.date-\d\s+suggested\s+Jun 2014 — /);
  });

  it("exits 1 for a document that is not ingested, 2 for flags that do not go together", async () => {
    const missing = await atlas(["review", "nope", "--list"], env);
    expect(missing).toMatchObject({
      code: 1,
      stderr: 'atlas: No ingested document with id "nope". List them with: atlas review --list\n',
    });
    const curated = await atlas(["review", "2015-inside-iraqs-iranian-backed-militias", "--list"], env);
    expect(curated.code).toBe(1);
    expect(curated.stderr).toContain("is a curated document: only ingested documents have suggestions");
    const cases: [string[], RegExp][] = [
      [["review", "--accept", "a", "--reject", "b"], /^atlas: --accept, --reject: choose one/],
      [["review", "--edit", "{}"], /^atlas: --edit: goes with --accept <suggestion-id>/],
      [["review", "--accept", "a", "--edit", "{nope"], /^atlas: --edit: is not JSON .*; write an object such as/],
      [["review", "--accept", "a", "--edit", "[1]"], /^atlas: --edit: must be a JSON object/],
      [["review", "--list", "--kind", "actor"], /^atlas: --kind: goes with a document's list/],
      [
        ["review", SOURCE, "--accept-all", "people"],
        /^atlas: --accept-all: "people" is not a kind of suggestion; choose from actor, mention, statement, event, relation, date/,
      ],
      [
        ["review", SOURCE, "--accept-all", "mention", "--min-confidence", "2"],
        /^atlas: --min-confidence: "2" is not a number between 0 and 1/,
      ],
      [
        ["review", SOURCE, "--list", "--min-confidence", "0.9"],
        /^atlas: --min-confidence: goes with --accept-all <kind>/,
      ],
      [["review", "--accept-all", "mention"], /^atlas: --accept-all: name the document too/],
      [["review", SOURCE, "--accept", "x"], /^atlas: --accept: takes the suggestion id alone/],
      [["review", "--json"], /^atlas: --json: goes with --list, --accept, --reject or --accept-all/],
    ];
    for (const [args, pattern] of cases) {
      const r = await atlas(args, env);
      expect({ args, code: r.code }).toEqual({ args, code: 2 });
      expect(r.stderr).toMatch(pattern);
    }
  });

  it("refuses a claim whose speaker is not an actor yet, naming the candidate actor to accept first", async () => {
    const actor = (await suggestions("--kind", "actor")).find(
      (s) => s.proposal.kind === "actor" && s.proposal.name === "Douglas Whitfield",
    );
    const statement = (await suggestions("--kind", "statement")).find(
      (s) => s.proposal.kind === "statement" && s.proposal.claimantName === "Douglas Whitfield",
    );
    const r = await atlas(["review", "--accept", statement?.id ?? ""], env);
    expect(r).toMatchObject({ code: 1, stdout: "" });
    expect(r.stderr).toBe(
      `atlas: claimantId: “Douglas Whitfield” is not an actor yet: Accept the candidate actor suggestion ${actor?.id} first, or name the claimant.\n`,
    );
  });

  it("--accept of an actor creates it: `atlas actor` and `atlas search` show it; then the claim goes through", async () => {
    const actor = (await suggestions("--kind", "actor")).find(
      (s) => s.proposal.kind === "actor" && s.proposal.name === "Douglas Whitfield",
    );
    const r = await atlas(["review", "--accept", actor?.id ?? "", "--note", "a US general, named in full"], env);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      `${actor?.id}: accepted: created actor douglas-whitfield\nSee: atlas actor douglas-whitfield\n`,
    );
    const profile = json<ActorDetail>((await atlas(["actor", "douglas-whitfield", "--json"], env)).stdout);
    expect(profile).toMatchObject({ name: "Douglas Whitfield", kind: "person" });
    expect(profile.evidence[0]).toMatchObject({
      sourceId: SOURCE,
      quote: expect.stringContaining("Douglas Whitfield"),
    });
    expect(profile.mentionsBySource).toEqual([
      expect.objectContaining({ source: expect.objectContaining({ id: SOURCE }) }),
    ]);
    const found = json<SearchResult>((await atlas(["search", "Whitfield", "--type", "actor", "--json"], env)).stdout);
    expect(found.groups.actor[0]?.id).toBe("douglas-whitfield");

    const statement = (await suggestions("--kind", "statement")).find(
      (s) => s.proposal.kind === "statement" && s.proposal.claimantName === "Douglas Whitfield",
    );
    const claimed = await atlas(["review", "--accept", statement?.id ?? "", "--json"], env);
    expect(claimed.code).toBe(0);
    const result = json<AcceptResult>(claimed.stdout);
    expect(result.suggestion.status).toBe("accepted");
    const claimId = result.records.find((x) => x.type === "claim")?.recordId ?? "";
    const claim = json<ClaimDetail>((await atlas(["claim", claimId, "--json"], env)).stdout);
    expect(claim.claimant.id).toBe("douglas-whitfield");
    expect(claim.evidence[0]?.sourceId).toBe(SOURCE);
  });

  it("--accept of a mention adds this document to the actor's profile; --edit is checked and named", async () => {
    const mention = (await suggestions("--kind", "mention")).find(
      (s) => s.proposal.kind === "mention" && s.proposal.actorId === "hadi-al-amiri",
    );
    const before = json<ActorDetail>((await atlas(["actor", "hadi-al-amiri", "--json"], env)).stdout);
    expect(before.mentionsBySource.map((m) => m.source.id)).not.toContain(SOURCE);
    const wrong = await atlas(["review", "--accept", mention?.id ?? "", "--edit", '{"name":"Amiri"}'], env);
    expect(wrong).toMatchObject({
      code: 2,
      stderr: "atlas: --edit: name does not apply to a mention suggestion; it takes actorId.\n",
    });
    const unknown = await atlas(["review", "--accept", mention?.id ?? "", "--edit", '{"actor":"x"}'], env);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^atlas: --edit: Unrecognized key: "actor"/);
    const r = await atlas(["review", "--accept", mention?.id ?? ""], env);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${mention?.id}: accepted: created a mention\nSee: atlas source ${SOURCE} --text\n`);
    const after = json<ActorDetail>((await atlas(["actor", "hadi-al-amiri", "--json"], env)).stdout);
    expect(after.mentionsBySource.map((m) => m.source.id)).toContain(SOURCE);
    const again = await atlas(["review", "--accept", mention?.id ?? ""], env);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/was already accepted/);
  });

  it("--reject keeps the note; --accept-all accepts the rest of a kind, or those above --min-confidence", async () => {
    const guard = (await suggestions("--kind", "actor")).find(
      (s) => s.proposal.kind === "actor" && s.proposal.name === "National Guard",
    );
    const rejected = await atlas(["review", "--reject", guard?.id ?? "", "--note", "not an actor yet", "--json"], env);
    expect(json<Suggestion>(rejected.stdout)).toMatchObject({ status: "rejected", reviewNote: "not an actor yet" });
    const waiting = await suggestions("--kind", "mention", "--status", "suggested");
    const sure = waiting.filter((s) => s.proposal.kind === "mention" && s.proposal.confidence >= 0.99).length;
    const some = await atlas(["review", SOURCE, "--accept-all", "mention", "--min-confidence", "0.99"], env);
    expect(some).toMatchObject({
      code: 0,
      stdout: `Accepted ${sure} mentions at confidence 0.99 or more in ${SOURCE}.\n`,
    });
    const pending = (await suggestions("--kind", "mention", "--status", "suggested")).length;
    expect(pending).toBe(waiting.length - sure);
    const all = await atlas(["review", SOURCE, "--accept-all", "mention"], env);
    expect(all).toMatchObject({ code: 0, stdout: `Accepted ${pending} mentions in ${SOURCE}.\n` });
    expect(await suggestions("--kind", "mention", "--status", "suggested")).toEqual([]);
  });

  it("without a terminal, `atlas review` prints its first screen once", async () => {
    const r = await atlas(["review", SOURCE], env);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^Militia Atlas · Review\s+embedded pglite$/);
    expect(lines[1]).toMatch(/^The volunteers of Sinsil\s+\d+\/\d+$/);
    expect(lines).toHaveLength(24);
    // The cursor starts on the first suggestion still to review (the actor, the claim and the
    // mentions above it are reviewed), with what accepting it would create.
    expect(lines.find((l) => l.startsWith("› "))).toMatch(/^› ○ Douglas Whitfield asserts: /);
    expect(r.stdout).toContain("accepting creates a claim: douglas-whitfield asserts");
  });
});

describe("atlas export", () => {
  it("writes STIX, CSV and FtM files named by the server, with what reviewers accepted", async () => {
    const out = join(dir, "exports");
    mkdirSync(out);
    for (const format of ["stix", "csv", "ftm"]) {
      const r = await atlas(["export", "--format", format, "--out", `${out}/`], env);
      expect({ format, code: r.code, stdout: r.stdout }).toEqual({ format, code: 0, stdout: "" });
      expect(r.stderr).toMatch(new RegExp(`^atlas: wrote .*militia-atlas\\.\\S+ \\(${format}, \\d+ KiB\\)\\n$`));
    }
    expect(readdirSync(out).sort()).toEqual([
      "militia-atlas.csv",
      "militia-atlas.ftm.jsonl",
      "militia-atlas.stix.json",
    ]);
    const bundle = JSON.parse(readFileSync(join(out, "militia-atlas.stix.json"), "utf8")) as {
      type: string;
      id: string;
      objects: { type: string; name?: string }[];
    };
    expect(bundle.type).toBe("bundle");
    expect(bundle.id).toMatch(/^bundle--/);
    expect(bundle.objects.find((o) => o.name === "Douglas Whitfield")?.type).toBe("identity");
    const csv = readFileSync(join(out, "militia-atlas.csv"), "utf8").split("\r\n");
    expect(csv[0]).toMatch(/^event_id_cnty,event_date,year,time_precision,/);
    expect(csv.length).toBeGreaterThan(2);
    const ftm = readFileSync(join(out, "militia-atlas.ftm.jsonl"), "utf8").trimEnd().split("\n");
    const entities = ftm.map((line) => JSON.parse(line) as { id: string; schema: string });
    expect(entities.find((e) => e.id === "ma-actor-douglas-whitfield")?.schema).toBe("Person");
  });

  it("prints to standard output without --out, and names a wrong format", async () => {
    const csv = await atlas(["export", "--format", "csv"], env);
    expect(csv.code).toBe(0);
    expect(csv.stdout.startsWith("event_id_cnty,")).toBe(true);
    const bad = await atlas(["export", "--format", "xml"], env);
    expect(bad).toMatchObject({ code: 2, stdout: "" });
    expect(bad.stderr).toBe(
      'atlas: --format: "xml" is not a format this command writes; choose from json, stix, csv, ftm, yaml\n',
    );
  });
});

describe("writes through a running API", () => {
  const TOKEN = "cli-test-token-0123456789abcdef";
  let api: StartedApi;
  let apiDir: string;
  const apiEnv = (extra: Record<string, string>) => childEnv({ dataDir: apiDir, apiUrl: api.url, ...extra });

  beforeAll(async () => {
    apiDir = tempDir("api-writes");
    api = await startApi({
      host: "127.0.0.1",
      port: 0,
      webOrigins: [],
      seed: true,
      ingestToken: TOKEN,
      database: { dataDir: apiDir, url: null },
    });
  });
  afterAll(async () => {
    await api?.close();
    rmSync(apiDir, { recursive: true, force: true });
  });

  it("refuses a wrong token, says so, and writes nothing", async () => {
    const r = await atlas(
      ["ingest", file("volunteers.txt")],
      apiEnv({ ATLAS_INGEST_TOKEN: "not-the-token-0123456789" }),
    );
    expect(r).toMatchObject({ code: 1, stdout: "" });
    expect(r.stderr).toBe(
      `atlas: The API at ${api.url} refused to ingest the document, with the token from ATLAS_INGEST_TOKEN: This token is no reviewer's: check it, or ask an admin for one (atlas reviewers add NAME).\n`,
    );
    expect(await ingested(apiEnv({}))).toEqual([]);
  });

  it("with a reviewer's token, ingests and reviews through the API, under the reviewer's name", async () => {
    const added = await atlas(["reviewers", "add", "dana", "--json"], apiEnv({ ATLAS_TOKEN: TOKEN }));
    expect(added.code).toBe(0);
    const withToken = apiEnv({ ATLAS_TOKEN: json<{ token: string }>(added.stdout).token });
    const r = await atlas(
      ["--verbose", "ingest", file("volunteers.txt"), "--published", "2015-03-10", "--json"],
      withToken,
    );
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`atlas: using the API at ${api.url}`);
    expect(json<IngestReport>(r.stdout).sourceId).toBe(SOURCE);
    const actor = json<Suggestion[]>(
      (await atlas(["review", SOURCE, "--list", "--kind", "actor", "--json"], withToken)).stdout,
    )[0];
    const accepted = await atlas(["review", "--accept", actor?.id ?? "", "--json"], withToken);
    expect(json<AcceptResult>(accepted.stdout).suggestion.status).toBe("accepted");
    // Reads need no token.
    const read = await atlas(["review", SOURCE, "--list", "--status", "accepted", "--json"], apiEnv({}));
    expect(json<Suggestion[]>(read.stdout).map((s) => s.id)).toEqual([actor?.id]);
    const history = await atlas(["history", actor?.id ?? "", "--json"], apiEnv({}));
    expect(json<{ entries: { reviewer: string; action: string }[] }>(history.stdout).entries).toContainEqual(
      expect.objectContaining({ reviewer: "dana", action: "accepted" }),
    );
  });

  it("a revoked token writes nothing, and the refusal says whose it was", async () => {
    const added = await atlas(["reviewers", "add", "sam", "--json"], apiEnv({ ATLAS_TOKEN: TOKEN }));
    const sam = apiEnv({ ATLAS_TOKEN: json<{ token: string }>(added.stdout).token });
    expect((await atlas(["reviewers", "revoke", "sam"], apiEnv({ ATLAS_TOKEN: TOKEN }))).code).toBe(0);
    const r = await atlas(["review", "--reject", `${SOURCE}.date-1`], sam);
    expect(r).toMatchObject({ code: 1, stdout: "" });
    expect(r.stderr).toMatch(
      /refused to reject suggestion "2015-the-volunteers-of-sinsil\.date-1", with the token from ATLAS_TOKEN: The token of reviewer "sam" was revoked \(.+, by admin\); ask an admin for a new one\.\n$/,
    );
    const pending = await atlas(["review", SOURCE, "--list", "--kind", "date", "--json"], apiEnv({}));
    expect(json<Suggestion[]>(pending.stdout).find((s) => s.id === `${SOURCE}.date-1`)?.status).toBe("suggested");
  });
});
