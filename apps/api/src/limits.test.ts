/**
 * What keeps the API answering under load: admission to the database with a bounded wait (503 +
 * Retry-After beyond it), one expensive request per client at a time, and a statement that runs
 * too long answered 503 rather than 500.
 */
import { mkdtempSync, rmSync } from "node:fs";
import type { IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Database, openDatabase, seedFromFiles } from "@atlas/data";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createContextInner } from "./context.js";
import { Admission, BusyError, PerClient, TooManyError } from "./limits.js";
import { createCaller } from "./root.js";
import { clientOf, createServer } from "./server.js";

const later = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("admission to the database", () => {
  it("lets a few requests in at once and the next ones wait their turn, in order", async () => {
    const admission = new Admission({ active: 2, maxWaitMs: 1000, maxWaiting: 10 });
    const order: number[] = [];
    const work = (n: number) =>
      admission.run(async () => {
        order.push(n);
        await later(20);
      });
    await Promise.all([work(1), work(2), work(3), work(4)]);
    expect(order).toEqual([1, 2, 3, 4]);
    expect(admission.load).toEqual({ running: 0, waiting: 0 });
  });

  it("refuses a request that cannot start within its wait, and at once when the queue is full", async () => {
    const admission = new Admission({ active: 1, maxWaitMs: 50, maxWaiting: 2 });
    const holding = admission.run(() => later(300));
    const waited = performance.now();
    const next = admission.run(async () => "served when its turn came");
    const late = admission.run(async () => "never");
    const full = admission.run(async () => "never");
    await expect(full).rejects.toBeInstanceOf(BusyError);
    await expect(late).rejects.toThrow("try again in 1 second");
    expect(performance.now() - waited).toBeLessThan(250);
    await holding;
    // The first in line is not overload: it waited past maxWaitMs for the running request, and ran.
    expect(await next).toBe("served when its turn came");
    expect(await admission.run(async () => "served")).toBe("served");
  });
  it("refuses even the head of a long line once its wait is up, so no answer comes late under a storm", async () => {
    const admission = new Admission({ active: 1, maxWaitMs: 60, maxWaiting: 100 });
    const holding = admission.run(() => later(400));
    const asked = performance.now();
    const line = Array.from({ length: 5 }, () => admission.run(async () => "served"));
    const refusedBy = await Promise.all(
      line.slice(0, 3).map((r) =>
        r.then(
          () => Number.NaN,
          () => performance.now() - asked,
        ),
      ),
    );
    // The head of the long line is refused at its wait like the rest (the first three, in turn) …
    for (const ms of refusedBy) expect(ms).toBeLessThan(300);
    // … until the line is short again: its head then waits for the running request, and is served.
    const rest = await Promise.allSettled(line.slice(3));
    expect(rest.map((r) => r.status)).toEqual(["fulfilled", "rejected"]);
    await holding;
  });

  it("refuses a waiting request once a usual request's time would make its answer late", async () => {
    const admission = new Admission({ active: 1, maxWaitMs: 400, maxWaiting: 100 });
    for (let i = 0; i < 3; i++) await admission.run(() => later(150));
    const holding = admission.run(() => later(600));
    const next = admission.run(() => later(10));
    const asked = performance.now();
    // Behind the next in line; about 150 ms of its own: refused at about 400 − 150 ms, not 400.
    await expect(admission.run(async () => "never")).rejects.toBeInstanceOf(BusyError);
    expect(performance.now() - asked).toBeLessThan(350);
    await Promise.all([holding, next]);
  });
});

describe("one expensive request per client", () => {
  it("refuses a second while the first runs, for that client only", async () => {
    const limits = new PerClient();
    const first = limits.run("10.0.0.1", "an export", () => later(50));
    await expect(limits.run("10.0.0.1", "an export", async () => 1)).rejects.toBeInstanceOf(TooManyError);
    expect(await limits.run("10.0.0.2", "an export", async () => 2)).toBe(2);
    await first;
    expect(await limits.run("10.0.0.1", "an export", async () => 3)).toBe(3);
  });
});

describe("over HTTP", () => {
  let database: Database;
  let url: string;
  let server: ReturnType<typeof createServer>;
  let dir: string;
  beforeAll(async () => {
    // On its own thread, as the API server runs it: requests overlap while statements run.
    dir = mkdtempSync(join(tmpdir(), "atlas-limits-"));
    database = await openDatabase({ dataDir: join(dir, "db"), url: null, thread: true });
    await seedFromFiles(database);
    // One request at a time and no queue: any overlap is refused.
    server = createServer({ database, webOrigins: [], admission: { active: 1, maxWaitMs: 1, maxWaiting: 0 } });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server?.closeAllConnections();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    await database?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("answers 503 with Retry-After and a message when the database is busy, on REST and tRPC; health still answers", async () => {
    const input = encodeURIComponent(JSON.stringify({ id: "kataib-hezbollah" }));
    // Every request queries the database (a cached answer would be done before the next arrives).
    process.env.ATLAS_QUERY_CACHE = "off";
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        fetch(i % 2 ? `${url}/api/actors/kataib-hezbollah` : `${url}/trpc/actors.byId?input=${input}`),
      ),
    ).finally(() => {
      delete process.env.ATLAS_QUERY_CACHE;
    });
    const busy = answers.filter((r) => r.status === 503);
    expect(busy.length).toBeGreaterThan(0);
    expect(answers.some((r) => r.status === 200)).toBe(true);
    for (const r of busy) {
      expect(r.headers.get("retry-after")).toBe("1");
      expect(await r.text()).toContain("try again in 1 second");
    }
    expect((await fetch(`${url}/health`)).status).toBe(200);
  });
});

describe("a statement stopped for taking too long", () => {
  it("is a 503 that says so, not a 500", async () => {
    // A database whose every statement is cancelled the way PostgreSQL's statement_timeout cancels one.
    const cancelled = Object.assign(new Error("canceling statement due to statement timeout"), { code: "57014" });
    const query: unknown = new Proxy(() => {}, {
      get: (_, key) => (key === "then" ? (_: unknown, reject: (e: Error) => void) => reject(cancelled) : query),
      apply: () => query,
    });
    const database = { db: query, engine: "postgres", location: "test", close: async () => {} } as unknown as Database;
    const error = await createCaller(createContextInner({ database }))
      .stats.get()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect(error).toMatchObject({ code: "SERVICE_UNAVAILABLE", message: expect.stringContaining("took too long") });
  });
});

describe("who a client is", () => {
  const request = (address: string, named?: string) =>
    ({ socket: { remoteAddress: address }, headers: named ? { "x-atlas-client": named } : {} }) as IncomingMessage;
  it("is the reader the web server on this host names, so two readers behind it are two clients", () => {
    expect(clientOf(request("127.0.0.1", "10.0.0.5"))).not.toBe(clientOf(request("127.0.0.1", "10.0.0.6")));
    expect(clientOf(request("::1", "10.0.0.5"))).toBe("::1 for 10.0.0.5");
  });
  it("is the remote address for anyone else, whatever the request names", () => {
    expect(clientOf(request("203.0.113.9", "10.0.0.5"))).toBe("203.0.113.9");
    expect(clientOf(request("127.0.0.1"))).toBe("127.0.0.1");
  });
});
