/**
 * Ingest, review and export through the API: writes need the bearer token (401 without it,
 * 403 when the server has none), reads stay open, refusals come back as client errors with
 * their message, and REST serves exports as files with their content type.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { registerSharedToken } from "@atlas/data";
import { type EngineCase, engineCases } from "@atlas/data/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createContextInner } from "../context.js";
import { openApiDocument } from "../rest.js";
import { createCaller } from "../root.js";
import { type Served, serveFixture, trpcError } from "../testing.js";

const TOKEN = "test-token-0123456789abcdef";
const dataDir = join(import.meta.dirname, "..", "..", "..", "..", "packages", "data", "src", "ingest", "fixtures");
const article = readFileSync(join(dataDir, "new-article.txt"), "utf8");

describe.each(engineCases())("ingest and review API on $name", (engine: EngineCase) => {
  let database: Awaited<ReturnType<EngineCase["open"]>>;
  let url: string;
  const caller = (token: string | null) => createCaller(createContextInner({ database, token }));

  let served: Served | undefined;
  beforeAll(async () => {
    served = await serveFixture(engine);
    ({ database, url } = served);
  });
  afterAll(async () => {
    await served?.close();
  });

  it("refuses to ingest without a reviewer's token, or while no reviewer exists, and writes nothing", async () => {
    const input = { text: article, published: "2015-03-06" };
    const off = await trpcError(caller(null).ingest.add(input));
    expect(off).toMatchObject({ code: "FORBIDDEN", message: expect.stringContaining("ATLAS_INGEST_TOKEN") });
    // The shared token npm start makes is the first admin's.
    await registerSharedToken(database.db, TOKEN);
    expect(await trpcError(caller(null).ingest.add(input))).toMatchObject({ code: "UNAUTHORIZED" });
    expect(await trpcError(caller("wrong-token-000000000000").ingest.add(input))).toMatchObject({
      code: "UNAUTHORIZED",
    });
    expect(await caller(null).ingest.documents()).toEqual([]);
  });

  it("ingests with the token, and anyone can read the suggestions", async () => {
    const progress: string[] = [];
    const withProgress = createCaller(
      createContextInner({
        database,
        token: TOKEN,
        onIngestProgress: (p) => progress.push(p.phase),
      }),
    );
    const report = await withProgress.ingest.add({
      text: article,
      published: "2015-03-06",
      fileName: "new-article.txt",
    });
    expect(report).toMatchObject({ sourceId: "2015-militias-and-the-state", suggestions: { statement: 6, event: 2 } });
    expect(new Set(progress)).toEqual(new Set(["read", "extract", "analyze", "write"]));
    const page = await caller(null).ingest.suggestions({ sourceId: report.sourceId, kind: "actor" });
    // The fixture's atlas knows neither Iraq nor Sistani: both act in the article, so both are
    // proposed; nor the Iraqi army, an institution written in lower case.
    expect(page.items.map((s) => [s.proposal.kind === "actor" && s.proposal.name, s.status])).toEqual([
      ["Iraq", "suggested"],
      ["Paul Calvert", "suggested"],
      ["Sistani", "suggested"],
      ["Nuri al-Maliki", "suggested"],
      ["Naeem al-Aboudi", "suggested"],
      ["Iraqi army", "suggested"],
    ]);
    expect((await caller(null).ingest.documents())[0]?.suggestions.actor).toEqual({ suggested: 6 });
  });

  it("turns the data layer's refusals into client errors with their message", async () => {
    const twice = await trpcError(caller(TOKEN).ingest.add({ text: article }));
    expect(twice).toMatchObject({ code: "CONFLICT", message: expect.stringContaining("already in the atlas") });
    const latin1 = Buffer.from([0x4e, 0x61, 0x6a, 0x61, 0x66, 0xe9]).toString("base64");
    expect(await trpcError(caller(TOKEN).ingest.add({ base64: latin1 }))).toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("not valid UTF-8"),
    });
    expect(await trpcError(caller(TOKEN).ingest.add({ base64: "" }))).toMatchObject({ code: "BAD_REQUEST" });
    const both = await trpcError(caller(TOKEN).ingest.add({ text: "a", base64: "YQ==" }));
    expect(both.code).toBe("BAD_REQUEST");
    const huge = Buffer.alloc(17 * 1024 * 1024, 0x61).toString("base64");
    expect(await trpcError(caller(TOKEN).ingest.add({ base64: huge }))).toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
  });

  it("reviews with the token: reject, accept with an edit, conflicts and unknown ids", async () => {
    const { items } = await caller(null).ingest.suggestions({ sourceId: "2015-militias-and-the-state", kind: "actor" });
    const named = (name: string) => items.find((s) => s.proposal.kind === "actor" && s.proposal.name === name);
    const [calvert, maliki] = [named("Paul Calvert"), named("Nuri al-Maliki")];
    if (!calvert || !maliki) throw new Error("suggestions missing");
    expect(await trpcError(caller(null).review.accept({ id: calvert.id }))).toMatchObject({ code: "UNAUTHORIZED" });
    expect(await trpcError(caller(null).review.reject({ id: maliki.id }))).toMatchObject({ code: "UNAUTHORIZED" });
    expect((await caller(TOKEN).review.reject({ id: maliki.id, note: "not in scope" })).status).toBe("rejected");
    const accepted = await caller(TOKEN).review.accept({ id: calvert.id, edit: { id: "paul-calvert" } });
    expect(accepted.records).toEqual([{ type: "actor", recordId: "paul-calvert" }]);
    expect((await caller(null).actors.byId({ id: "paul-calvert" })).evidence[0]?.quote).toMatch(
      /^Lt\. Gen\. Paul Calvert/,
    );
    expect(await trpcError(caller(TOKEN).review.accept({ id: calvert.id }))).toMatchObject({ code: "CONFLICT" });
    expect(await trpcError(caller(TOKEN).review.accept({ id: "nope" }))).toMatchObject({ code: "NOT_FOUND" });
    const result = await caller(TOKEN).review.acceptAll({ sourceId: "2015-militias-and-the-state", kind: "mention" });
    expect(result).toEqual({ accepted: 5, failed: [] });
  });

  it("over HTTP: 401 without the token, 200 with it, on REST and tRPC alike", async () => {
    const body = JSON.stringify({ text: `${article}\n\nA second edition.`, published: "2015-03-07" });
    const rest = (headers: Record<string, string>) =>
      fetch(`${url}/api/ingest`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
    const refused = await rest({});
    expect(refused.status).toBe(401);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("UNAUTHORIZED");
    const trpc = await fetch(`${url}/trpc/ingest.add`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body,
    });
    expect(trpc.status).toBe(401);
    const ok = await rest({ authorization: `Bearer ${TOKEN}` });
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { sourceId: string }).sourceId).toBe("2015-militias-and-the-state-2");
    const accept = await fetch(`${url}/api/review/nope/accept`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    });
    expect(accept.status).toBe(401);
  });

  it("imports a file behind the token: refusals are client errors with their message, and write nothing", async () => {
    const json = (await caller(null).export.as({ format: "json" })).body;
    const rest = (body: unknown, headers: Record<string, string> = { authorization: `Bearer ${TOKEN}` }) =>
      fetch(`${url}/api/import`, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify(body),
      });
    expect((await rest({ text: json }, {})).status).toBe(401);
    const notJson = await rest({ base64: Buffer.from("actors: []").toString("base64"), fileName: "atlas.yaml" });
    expect(notJson.status).toBe(400);
    expect(((await notJson.json()) as { error: { message: string } }).error.message).toMatch(
      /^The file is not valid JSON.*Nothing was imported\.$/,
    );
    const wrong = await trpcError(caller(TOKEN).ingest.importFile({ text: '{"type": "bundle"}' }));
    expect(wrong).toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(/STIX bundle is not valid/) });
    const documents = await caller(null).ingest.documents();

    // The atlas's own dataset, another file of it: every record matched, nothing for review.
    const ok = await rest({ text: `${json}\n`, fileName: "atlas.json" });
    expect(ok.status).toBe(200);
    const report = (await ok.json()) as { importId: string; added: object; suggested: object; matched: object };
    expect(report).toMatchObject({ importId: "import-atlas", added: {}, suggested: {} });
    expect(Object.keys(report.matched)).toEqual(expect.arrayContaining(["sources", "actors", "events", "claims"]));
    expect(await caller(null).ingest.documents()).toEqual(documents);
    const again = await rest({ text: `${json}\n`, fileName: "atlas.json" });
    expect(again.status).toBe(409);
  });

  it("serves exports as files with their content type over REST, and as text over tRPC", async () => {
    const stix = await fetch(`${url}/api/export/stix`);
    expect(stix.status).toBe(200);
    expect(stix.headers.get("content-type")).toBe("application/stix+json;version=2.1");
    expect(stix.headers.get("content-disposition")).toBe('inline; filename="militia-atlas.stix.json"');
    const bundle = (await stix.json()) as { type: string; objects: { x_atlas_id?: string }[] };
    expect(bundle.type).toBe("bundle");
    expect(bundle.objects.some((o) => o.x_atlas_id === "paul-calvert")).toBe(true);
    const csv = await fetch(`${url}/api/export/csv`);
    expect(csv.headers.get("content-type")).toMatch(/^text\/csv/);
    expect((await csv.text()).split("\r\n")[0]).toMatch(/^event_id_cnty,event_date,/);
    expect((await fetch(`${url}/api/export/yaml`)).status).toBe(400);
    const ftm = await caller(null).export.as({ format: "ftm" });
    expect(ftm.contentType).toBe("application/x-ndjson; charset=utf-8");
    expect(
      ftm.body
        .split("\n")
        .filter(Boolean)
        .every((line) => "schema" in JSON.parse(line)),
    ).toBe(true);
  });
});

describe("the OpenAPI document", () => {
  it("publishes ingest and review as bearer-protected writes, and export files by content type", () => {
    const doc = openApiDocument() as {
      paths: Record<string, Record<string, { security?: unknown; responses: Record<string, { content?: object }> }>>;
    };
    expect(doc.paths["/ingest"]?.post?.security).toEqual([{ bearer: [] }]);
    expect(Object.keys(doc.paths["/ingest"]?.post?.responses ?? {})).toContain("401");
    expect(doc.paths["/review/{id}/accept"]?.post?.security).toEqual([{ bearer: [] }]);
    expect(doc.paths["/import"]?.post?.security).toEqual([{ bearer: [] }]);
    expect(Object.keys(doc.paths["/export/{format}"]?.get?.responses["200"]?.content ?? {})).toEqual([
      "application/json; charset=utf-8",
      "application/stix+json;version=2.1",
      "text/csv; charset=utf-8; header=present",
      "application/x-ndjson; charset=utf-8",
    ]);
  });
});
