/**
 * The real server process, over HTTP: what a curl user, a browser and a tRPC client see.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { temporaryDatabase } from "@atlas/data/testing";
import { createTRPCClient, httpBatchLink } from "@trpc/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_BATCH } from "./limits.js";
import type { AppRouter } from "./root.js";

const appDir = join(dirname(fileURLToPath(import.meta.url)), "..");
// The API is launched exactly as `npm start` launches it.
const { API_LAUNCH } = (await import(pathToFileURL(join(appDir, "..", "..", "scripts", "lib.mjs")).href)) as {
  API_LAUNCH: { cwd: string; node: string[] };
};
const WEB = "http://127.0.0.1:3000";
const TOKEN = "http-test-token-0123456789";

interface Running {
  child: ChildProcess;
  url: string;
  output: () => string;
  exited: Promise<number | null>;
}

/** Starts `src/main.ts --seed` on a free port and resolves once it prints its URL (or exits). */
function startServer(dataDir: string, extraEnv: Record<string, string> = {}): Promise<Running> {
  const child = spawn(process.execPath, [...API_LAUNCH.node, "src/main.ts", "--seed"], {
    cwd: API_LAUNCH.cwd,
    env: {
      ...process.env,
      DATABASE_URL: "",
      ATLAS_DATA_DIR: dataDir,
      ATLAS_API_PORT: "0",
      ATLAS_WEB_ORIGINS: WEB,
      ATLAS_INGEST_TOKEN: TOKEN,
      ...extraEnv,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 90_000);
    const onData = (d: Buffer) => {
      output += String(d);
      const match = /API on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ child, url: match[1] as string, output: () => output, exited });
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    exited.then(() => {
      clearTimeout(timer);
      resolve({ child, url: "", output: () => output, exited });
    });
  });
}

describe("the API server over HTTP", () => {
  let dir: string;
  let server: Running;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "atlas-http-"));
    server = await startServer(join(dir, "db"));
    expect(server.url, server.output()).not.toBe("");
  });
  afterAll(async () => {
    server?.child.kill("SIGTERM");
    await server?.exited;
    rmSync(dir, { recursive: true, force: true });
  });

  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${server.url}${path}`, { headers });

  it("listens on loopback and reports health", async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:/);
    expect(await (await get("/health")).json()).toEqual({ ok: true, engine: "pglite" });
  });

  it("answers the README's curl: a misspelled name finds the actor", async () => {
    const res = await get("/api/search?q=Khalazi&types=actor");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("application/json");
    const body = (await res.json()) as { groups: { actor: { id: string }[] } };
    expect(body.groups.actor[0]?.id).toBe("qais-al-khazali");
  });

  it("serves REST with coerced query parameters", async () => {
    const res = await get("/api/actors?kind=armed_group,state&sort=mentions&limit=3");
    const body = (await res.json()) as { items: { kind: string }[]; nextCursor: string | null };
    expect(body.items).toHaveLength(3);
    expect(body.items.every((a) => ["armed_group", "state"].includes(a.kind))).toBe(true);
    expect(body.nextCursor).toEqual(expect.any(String));
    const contested = (await (await get("/api/claims?contested=true&limit=5")).json()) as {
      items: { contradictsCount: number }[];
    };
    expect(contested.items.every((c) => c.contradictsCount > 0)).toBe(true);
    // A grade is a named schema: "3" is still read as the number 3, beside "none".
    const graded = await get("/api/claims?credibility=3,none&reliability=B&limit=5");
    expect(graded.status, await graded.clone().text()).toBe(200);
    const ungraded = (await (await get("/api/claims?credibility=none&limit=5")).json()) as {
      items: { credibility: unknown }[];
    };
    expect(ungraded.items.length).toBeGreaterThan(0);
    expect(ungraded.items.every((c) => c.credibility === null)).toBe(true);
  });

  it("names the field in a 400, and never sends a stack trace", async () => {
    for (const [path, field] of [
      ["/api/actors?limit=500", "limit"],
      ["/api/events?from=2020-13", "from"],
      ["/api/actors?knd=person", "knd"],
      ["/api/claims?stance=shouts", "stance"],
      ["/api/claims?credibility=7", "credibility"],
    ] as const) {
      const res = await get(path);
      expect(res.status, path).toBe(400);
      const text = await res.text();
      expect(text).toContain(field);
      expect(text).not.toMatch(/\n\s+at |\.ts:\d+/);
    }
  });

  it("answers 404 for an unknown id and an unknown route", async () => {
    const actor = await get("/api/actors/nobody");
    expect(actor.status).toBe(404);
    expect(await actor.json()).toEqual({
      error: { code: "NOT_FOUND", message: 'No actor with id "nobody".', issues: null },
    });
    expect((await get("/api/nowhere")).status).toBe(404);
    expect((await get("/elsewhere")).status).toBe(404);
  });

  it("allows the web app's origin and no other", async () => {
    const allowed = await get("/api/stats", { origin: WEB });
    expect(allowed.headers.get("access-control-allow-origin")).toBe(WEB);
    const other = await get("/api/stats", { origin: "http://evil.example" });
    expect(other.headers.get("access-control-allow-origin")).toBeNull();
    const preflight = await fetch(`${server.url}/api/stats`, {
      method: "OPTIONS",
      headers: { origin: "http://evil.example" },
    });
    expect(preflight.status).toBe(403);
    expect(allowed.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("publishes an OpenAPI 3.1 document covering every route", async () => {
    const doc = (await (await get("/api/openapi.json")).json()) as {
      openapi: string;
      paths: Record<
        string,
        Record<string, { parameters: { name: string; in: string }[]; responses: Record<string, unknown> }>
      >;
    };
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(["/actors", "/actors/{id}", "/events", "/search", "/export/dataset"]),
    );
    expect(doc.paths["/actors/{id}"]?.get?.parameters).toContainEqual(
      expect.objectContaining({ name: "id", in: "path" }),
    );
    expect(doc.paths["/events"]?.get?.parameters.map((p) => p.name)).toEqual(
      expect.arrayContaining(["from", "to", "kind", "actorId"]),
    );
    expect(Object.keys(doc.paths["/actors/{id}"]?.get?.responses ?? {})).toEqual(["200", "400", "404", "503"]);
  });

  it("serves typed tRPC to a tRPC client", async () => {
    const client = createTRPCClient<AppRouter>({ links: [httpBatchLink({ url: `${server.url}/trpc` })] });
    const [actor, stats] = await Promise.all([
      client.actors.byId.query({ id: "hadi-al-amiri" }),
      client.stats.get.query(),
    ]);
    expect(actor.aliases).toEqual(expect.arrayContaining(["Al-Ameri", "Amiri"]));
    expect(stats.counts.sources).toBe(5);
    await expect(client.actors.byId.query({ id: "nobody" })).rejects.toMatchObject({
      data: { code: "NOT_FOUND", httpStatus: 404 },
    });
  });

  it("refuses a NUL character or a broken %-escape with a 400 that names it, on REST and tRPC", async () => {
    const trpc = (path: string, input: unknown) => `/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`;
    for (const [path, says] of [
      ["/api/search?q=a%00b", "q: contains a NUL character"],
      ["/api/actors/%00", "id: contains a NUL character"],
      ["/api/actors?q=%00", "q: contains a NUL character"],
      [trpc("search.query", { q: "a\u0000b" }), "q: contains a NUL character"],
      [trpc("actors.byId", { id: "\u0000" }), "id: contains a NUL character"],
      ["/api/actors/%E0%A4%A", "broken %-escape"],
      ["/api/actors/%", "broken %-escape"],
    ] as const) {
      const res = await get(path);
      expect(res.status, path).toBe(400);
      expect(await res.text(), path).toContain(says);
    }
  });

  it("answers a wrong method with 405, the Allow header and a body; a refused preflight and huge headers with bodies", async () => {
    const wrong = await fetch(`${server.url}/api/actors`, { method: "POST", body: "{}" });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get("allow")).toBe("GET");
    expect(((await wrong.json()) as { error: { message: string } }).error.message).toContain("POST is not allowed");
    const preflight = await fetch(`${server.url}/api/stats`, {
      method: "OPTIONS",
      headers: { origin: "http://evil.example" },
    });
    expect(preflight.status).toBe(403);
    expect(await preflight.text()).toContain("ATLAS_WEB_ORIGINS");
    const huge = await get("/api/stats", { "x-filler": "a".repeat(20_000) });
    expect(huge.status).toBe(431);
    expect(await huge.text()).toContain("headers are larger");
  });

  /** A POST whose headers promise `length` bytes; only the first KB is sent. Resolves with the answer. */
  const partialPost = (path: string, length: number, headers: Record<string, string> = {}) =>
    new Promise<{ status: number; body: string; connection: string | undefined }>((resolve, reject) => {
      const req = request(`${server.url}${path}`, {
        method: "POST",
        headers: { "content-type": "application/json", "content-length": String(length), ...headers },
      });
      req.on("response", (res) => {
        let body = "";
        res.on("data", (d: Buffer) => {
          body += d;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body, connection: res.headers.connection }));
      });
      req.on("error", reject);
      req.write("x".repeat(1024));
    });

  it("refuses a write without the token, or a body over its limit, before reading the body", async () => {
    const unauthorized = await partialPost("/api/ingest", 60 * 1024 * 1024);
    expect(unauthorized).toMatchObject({ status: 401, connection: "close" });
    expect(unauthorized.body).toContain("Authorization: Bearer");
    const overTrpc = await partialPost("/trpc/ingest.add", 60 * 1024 * 1024);
    expect(overTrpc.status).toBe(401);
    const tooLarge = await partialPost("/api/ingest", 60 * 1024 * 1024, { authorization: `Bearer ${TOKEN}` });
    expect(tooLarge).toMatchObject({ status: 413, connection: "close" });
    expect(tooLarge.body).toContain("larger than 22 MB");
    const review = await partialPost("/api/review/x/reject", 2 * 1024 * 1024, { authorization: `Bearer ${TOKEN}` });
    expect(review.status).toBe(413);
  });

  it("refuses HTML nested 50,000 levels deep with 422 and what to do instead, and keeps serving", async () => {
    const deep = `<html><body>${"<div>".repeat(50_000)}<p>Deep.</p>${"</div>".repeat(50_000)}</body></html>`;
    const ingest = fetch(`${server.url}/api/ingest`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify({ text: deep, fileName: "deep.html" }),
    });
    expect((await get("/health")).status).toBe(200);
    const res = await ingest;
    expect(res.status).toBe(422);
    expect(((await res.json()) as { error: { message: string } }).error.message).toContain("levels deep");
  });

  it("takes the record from the path: a body naming another record is refused", async () => {
    const res = await fetch(`${server.url}/api/review/one/reject`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify({ id: "another" }),
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toContain(
      `The body's id ("another") is not the path's ("one")`,
    );
  });

  it("limits tRPC batches to ten calls, and sends an export on its own", async () => {
    const many = Array.from({ length: MAX_BATCH + 1 }, () => "stats.get").join(",");
    const input = encodeURIComponent(JSON.stringify({}));
    const refused = await get(`/trpc/${many}?batch=1&input=${input}`);
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain(`at most ${MAX_BATCH} calls; this one has ${MAX_BATCH + 1}`);
    const mixed = await get(`/trpc/stats.get,export.dataset?batch=1&input=${input}`);
    expect(mixed.status).toBe(400);
    expect(await mixed.text()).toContain("export.dataset must be sent on its own");
    const ten = await get(
      `/trpc/${Array.from({ length: MAX_BATCH }, () => "stats.get").join(",")}?batch=1&input=${input}`,
    );
    expect(ten.status).toBe(200);
  });

  it("runs one export at a time for each client: the others are told to come back", async () => {
    const answers = await Promise.all(Array.from({ length: 6 }, () => get("/api/export/stix")));
    const statuses = answers.map((r) => r.status);
    expect(statuses).toContain(200);
    expect(statuses).toContain(429);
    const busy = answers.find((r) => r.status === 429);
    expect(busy?.headers.get("retry-after")).toBe("1");
    expect(await busy?.text()).toContain("An export is already running for this client");
    // Served from memory the second time: the same bytes.
    const [a, b] = [await (await get("/api/export/csv")).text(), await (await get("/api/export/csv")).text()];
    expect(a).toBe(b);
  });

  it("refuses a second server on the same embedded database, naming the owner", async () => {
    const holder = JSON.parse(readFileSync(join(dir, "db", "atlas.lock"), "utf8")) as { pid: number };
    const second = await startServer(join(dir, "db"));
    expect(await second.exited).toBe(1);
    expect(second.output()).toContain(`is in use by process ${holder.pid}`);
    expect(second.output()).toContain("ATLAS_API_URL");
  });

  it("stops cleanly on SIGTERM during start-up, and its lock file goes with it", async () => {
    const own = mkdtempSync(join(tmpdir(), "atlas-early-stop-"));
    try {
      const child = spawn(process.execPath, [...API_LAUNCH.node, "src/main.ts", "--seed"], {
        cwd: API_LAUNCH.cwd,
        env: { ...process.env, DATABASE_URL: "", ATLAS_DATA_DIR: join(own, "db"), ATLAS_API_PORT: "0" },
        stdio: "ignore",
      });
      const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
      // The moment the database is taken, mid start-up (migrations and the seed still to come).
      while (!existsSync(join(own, "db", "atlas.lock"))) await new Promise((r) => setTimeout(r, 5));
      child.kill("SIGTERM");
      expect(await exited).toBe(0);
      expect(existsSync(join(own, "db", "atlas.lock"))).toBe(false);
    } finally {
      rmSync(own, { recursive: true, force: true });
    }
  });

  it("stops cleanly on SIGTERM and releases the database", async () => {
    const own = mkdtempSync(join(tmpdir(), "atlas-stop-"));
    try {
      const running = await startServer(join(own, "db"));
      expect(existsSync(join(own, "db", "atlas.lock"))).toBe(true);
      running.child.kill("SIGTERM");
      expect(await running.exited).toBe(0);
      expect(existsSync(join(own, "db", "atlas.lock"))).toBe(false);
    } finally {
      rmSync(own, { recursive: true, force: true });
    }
  });
});

/** Where an API process keeps its data: an embedded directory, or a PostgreSQL database of its own. */
const stores = [
  {
    name: "pglite",
    open: async () => {
      const own = mkdtempSync(join(tmpdir(), "atlas-empty-"));
      return { dataDir: join(own, "db"), env: {}, drop: async () => rmSync(own, { recursive: true, force: true }) };
    },
  },
  ...(process.env.DATABASE_URL
    ? [
        {
          name: "postgres",
          open: async () => {
            const temporary = await temporaryDatabase(process.env.DATABASE_URL as string);
            return {
              dataDir: join(tmpdir(), "atlas-unused"),
              env: { DATABASE_URL: temporary.url },
              drop: temporary.drop,
            };
          },
        },
      ]
    : []),
];

describe.each(stores)("an empty atlas (ATLAS_SEED=none) served on $name", (store) => {
  it("serves the schema with no curated corpus, and stays empty when restarted without the variable", async () => {
    const { dataDir, env, drop } = await store.open();
    try {
      for (const extra of [{ ATLAS_SEED: "none" }, {}] as Record<string, string>[]) {
        const running = await startServer(dataDir, { ...env, ...extra });
        try {
          expect(running.url, running.output()).not.toBe("");
          expect(running.output()).toContain("an empty atlas (ATLAS_SEED=none)");
          const sources = (await (await fetch(`${running.url}/api/sources`)).json()) as { items: unknown[] };
          const actors = (await (await fetch(`${running.url}/api/actors`)).json()) as { items: unknown[] };
          expect([sources.items, actors.items]).toEqual([[], []]);
        } finally {
          running.child.kill("SIGTERM");
          await running.exited;
        }
      }
    } finally {
      await drop();
    }
  });
});
