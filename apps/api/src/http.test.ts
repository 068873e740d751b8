/**
 * The real server process, over HTTP: what a curl user, a browser and a tRPC client see.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { temporaryDatabase } from "@atlas/data/testing";
import { createTRPCClient, httpBatchLink } from "@trpc/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppRouter } from "./root.js";

const appDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const tsx = join(appDir, "node_modules", ".bin", "tsx");
const WEB = "http://127.0.0.1:3000";

interface Running {
  child: ChildProcess;
  url: string;
  output: () => string;
  exited: Promise<number | null>;
}

/** Starts `src/main.ts --seed` on a free port and resolves once it prints its URL (or exits). */
function startServer(dataDir: string, extraEnv: Record<string, string> = {}): Promise<Running> {
  const child = spawn(tsx, ["--conditions=@atlas/source", "src/main.ts", "--seed"], {
    cwd: appDir,
    env: {
      ...process.env,
      DATABASE_URL: "",
      ATLAS_DATA_DIR: dataDir,
      ATLAS_API_PORT: "0",
      ATLAS_WEB_ORIGINS: WEB,
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
  });

  it("names the field in a 400, and never sends a stack trace", async () => {
    for (const [path, field] of [
      ["/api/actors?limit=500", "limit"],
      ["/api/events?from=2020-13", "from"],
      ["/api/actors?knd=person", "knd"],
      ["/api/claims?stance=shouts", "stance"],
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
    expect(Object.keys(doc.paths["/actors/{id}"]?.get?.responses ?? {})).toEqual(["200", "400", "404"]);
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

  it("refuses a second server on the same embedded database, naming the owner", async () => {
    const holder = JSON.parse(readFileSync(join(dir, "db", "atlas.lock"), "utf8")) as { pid: number };
    const second = await startServer(join(dir, "db"));
    expect(await second.exited).toBe(1);
    expect(second.output()).toContain(`is in use by process ${holder.pid}`);
    expect(second.output()).toContain("ATLAS_API_URL");
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
