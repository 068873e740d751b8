/**
 * The OpenAPI document is valid (checked by swagger-parser), and the API keeps its word: a
 * property-based fuzzer (fuzz.ts) sends requests generated from the document and counts 5xx
 * answers and answers that break their documented schema. Both must be zero, on PGlite and (with
 * DATABASE_URL) on PostgreSQL. Bounded: at most FUZZ_REQUESTS requests or FUZZ_SECONDS seconds on
 * PGlite, and 40 % of both on PostgreSQL, with the next seed so the two runs send different
 * requests; FUZZ_SEED picks another deterministic run.
 */
import type { AddressInfo } from "node:net";
import SwaggerParser from "@apidevtools/swagger-parser";
import { listActors, listSources, registerSharedToken, seedFromFiles } from "@atlas/data";
import { type EngineCase, engineCases } from "@atlas/data/testing";
import type { OpenAPI } from "openapi-types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fuzz, type OpenApi, summaryLine } from "./fuzz.js";
import { openApiDocument } from "./rest.js";
import { createServer } from "./server.js";

const TOKEN = "fuzz-test-token-0123456789";
const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 2500);
const SECONDS = Number(process.env.FUZZ_SECONDS ?? 45);
const SEED = Number(process.env.FUZZ_SEED ?? 15);

describe("the OpenAPI document", () => {
  it("is valid OpenAPI 3.1, every $ref resolving", async () => {
    const doc = structuredClone(openApiDocument()) as unknown as OpenAPI.Document;
    await expect(SwaggerParser.validate(doc)).resolves.toBeTruthy();
    const text = JSON.stringify(openApiDocument());
    expect(text).not.toContain("#/$defs/");
    const schemas = Object.keys((openApiDocument() as unknown as OpenApi).components.schemas);
    expect(schemas).toEqual(expect.arrayContaining(["IngestInput", "ExportFormat", "Dataset", "Error"]));
  });

  it("says what the export route returns, and which routes answer 404 for an unknown filter", () => {
    const doc = openApiDocument() as unknown as OpenApi;
    const content = doc.paths["/export/{format}"]?.get?.responses["200"]?.content ?? {};
    expect(content["application/json; charset=utf-8"]?.schema).toEqual({ $ref: "#/components/schemas/Dataset" });
    expect(content["text/csv; charset=utf-8; header=present"]?.schema).toEqual({ type: "string" });
    for (const path of ["/claims", "/events", "/graph"])
      expect(Object.keys(doc.paths[path]?.get?.responses ?? {})).toContain("404");
    // An empty date is refused by the API, so the schema says so too.
    const from = doc.paths["/events"]?.get?.parameters.find((p) => p.name === "from")?.schema;
    expect(JSON.stringify(from)).toContain("CalendarDate");
    expect(doc.components.schemas.CalendarDate?.pattern).toBeTruthy();
  });
});

const BUDGETS: Record<EngineCase["name"], { requests: number; seconds: number; seed: number }> = {
  pglite: { requests: REQUESTS, seconds: SECONDS, seed: SEED },
  postgres: { requests: Math.round(REQUESTS * 0.4), seconds: Math.round(SECONDS * 0.4), seed: SEED + 1 },
};

describe.each(engineCases())("the API on $name under a fuzzer driven by its OpenAPI document", (engine: EngineCase) => {
  const budget = BUDGETS[engine.name];
  let database: Awaited<ReturnType<EngineCase["open"]>>;
  let server: ReturnType<typeof createServer>;
  let url: string;
  beforeAll(async () => {
    database = await engine.open();
    await seedFromFiles(database);
    await registerSharedToken(database.db, TOKEN);
    // Requests come one at a time; no queue limit gets in the way of what is being measured.
    server = createServer({
      database,
      webOrigins: [],
      admission: { active: 4, maxWaitMs: 60_000, maxWaiting: 100 },
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server?.closeAllConnections();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    await database?.drop();
  });

  it("answers every generated request without a 5xx, and as its schema says", async () => {
    const actors = (await listActors(database.db, { limit: 100 })).items.map((a) => a.id);
    const sources = (await listSources(database.db, { limit: 100 })).items.map((s) => s.id);
    const report = await fuzz(openApiDocument() as unknown as OpenApi, {
      url,
      token: TOKEN,
      known: {
        id: [...actors.slice(0, 20), ...sources],
        actorId: actors,
        claimantId: actors,
        aboutActorId: actors,
        sourceId: sources,
      },
      requests: budget.requests,
      budgetMs: budget.seconds * 1000,
      seed: budget.seed,
      // Each ingest analyzes a document on a thread of its own: a few are enough.
      capped: { "ingest.add": 6 },
    });
    console.log(`${engine.name}: ${summaryLine(report)} (seed ${budget.seed})`);
    expect(report.serverErrors).toEqual([]);
    expect(report.schemaViolations).toEqual([]);
    expect(report.requests).toBeGreaterThan(Math.min(200, budget.requests / 2));
  });
});
