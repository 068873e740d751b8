import { type EngineCase, engineCases } from "@atlas/data/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createContextInner } from "../context.js";
import { openApiDocument } from "../rest.js";
import { createCaller } from "../root.js";
import { type Served, serveFixture, trpcError } from "../testing.js";

describe.each(engineCases())("the workbench API on $name", (engine: EngineCase) => {
  let database: Awaited<ReturnType<EngineCase["open"]>>;
  let url: string;
  const tokens: Record<string, string> = {};
  const caller = (token: string | null, inProcess = false) =>
    createCaller(createContextInner({ database, token, inProcess }));
  const as = (name: string) => caller(tokens[name] as string);
  const changes = async () => (await caller(null).records.changes({ since: "2000-01-01T00:00:00Z" })).entries.length;

  let served: Served | undefined;
  beforeAll(async () => {
    served = await serveFixture(engine);
    ({ database, url } = served);
  });
  afterAll(async () => {
    await served?.close();
  });

  it("makes the first admin only where the database is, then reviewers only by an admin", async () => {
    expect(await trpcError(caller(null).reviewers.add({ name: "alice", admin: true }))).toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringContaining("where the database is"),
    });
    const alice = await caller(null, true).reviewers.add({ name: "alice", admin: true });
    tokens.alice = alice.token;
    expect(await trpcError(caller(null, true).reviewers.add({ name: "mallory", admin: true }))).toMatchObject({
      code: "UNAUTHORIZED",
    });
    tokens.bob = (await as("alice").reviewers.add({ name: "bob" })).token;
    expect(await as("bob").reviewers.me()).toEqual({ name: "bob", admin: false });
    expect(await trpcError(as("bob").reviewers.add({ name: "carol" }))).toMatchObject({ code: "FORBIDDEN" });
    expect(await trpcError(as("bob").reviewers.list())).toMatchObject({ code: "FORBIDDEN" });
    expect((await as("alice").reviewers.list()).map((r) => r.name)).toEqual(["alice", "bob"]);
  });

  it("writes under the reviewer's name, with a version that refuses stale changes", async () => {
    const made = await as("bob").records.add({
      record: {
        kind: "claim",
        sourceId: "fixture-doc",
        quote: "it wasn’t us",
        claimantId: "kataib-hezbollah",
        stance: "denies",
        statement: "Kataib Hezbollah said it was not behind the attack.",
      },
      reason: "Missed by the curators.",
    });
    const id = made.records[0]?.recordId as string;
    expect(made).toMatchObject({ reviewer: "bob", records: [{ recordType: "claim", version: 1 }] });
    await as("alice").records.edit({ id, patch: { set: { stance: "acknowledges" } }, version: 1 });
    const stale = await trpcError(as("bob").records.edit({ id, patch: { set: { stance: "asserts" } }, version: 1 }));
    expect(stale).toMatchObject({ code: "CONFLICT", message: expect.stringContaining("changed by alice") });
    const history = await caller(null).records.history({ id });
    expect(history.entries.map((e) => [e.action, e.reviewer, e.version])).toEqual([
      ["created", "bob", 1],
      ["edited", "alice", 2],
    ]);
  });

  it("refuses a missing, unknown or revoked token, bad words, unknown ids and schema refusals, writing nothing", async () => {
    const before = await changes();
    const words = { kind: "mention" as const, sourceId: "fixture-doc", quote: "Khazali", actorId: "qais-al-khazali" };
    expect(await trpcError(caller(null).records.add({ record: words }))).toMatchObject({ code: "UNAUTHORIZED" });
    expect(await trpcError(caller("atlas_wrong").records.add({ record: words }))).toMatchObject({
      code: "UNAUTHORIZED",
      message: expect.stringContaining("no reviewer's"),
    });
    const temp = await as("alice").reviewers.add({ name: "temp" });
    await as("alice").reviewers.revoke({ name: "temp" });
    expect(await trpcError(caller(temp.token).records.add({ record: words }))).toMatchObject({
      code: "UNAUTHORIZED",
      message: expect.stringContaining('reviewer "temp" was revoked'),
    });
    const revokedAt = await changes();
    expect(revokedAt).toBe(before + 2);
    expect(await trpcError(as("bob").records.add({ record: { ...words, quote: "Khazzali" } }))).toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining('is not in "fixture-doc"'),
    });
    expect(await trpcError(as("bob").records.retire({ id: "nothing-like-it", reason: "x" }))).toMatchObject({
      code: "NOT_FOUND",
    });
    expect(
      await trpcError(as("bob").records.add({ record: { ...words, kind: "claim", stance: "shouts" } as never })),
    ).toMatchObject({ code: "BAD_REQUEST" });
    expect(
      await trpcError(as("bob").records.edit({ id: "us-alleges", patch: { set: { stance: "shouts" } } })),
    ).toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("stance"),
    });
    expect(await trpcError(caller(null).records.changes({ since: "last week" }))).toMatchObject({
      code: "BAD_REQUEST",
    });
    expect(await changes()).toBe(revokedAt);
  });

  it("over HTTP: the feed and history as REST, 409 for a stale version, 401 without a token, never a 500", async () => {
    const doc = openApiDocument() as { paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(["/changes", "/records/{id}/history", "/records", "/records/{id}/edit", "/reviewers"]),
    );
    expect(Object.keys(doc.paths["/records/{id}/edit"]?.post?.responses ?? {})).toEqual(
      expect.arrayContaining(["200", "400", "401", "403", "404", "409"]),
    );
    const feed = (await (await fetch(`${url}/api/changes?since=2000-01-01T00:00:00Z`)).json()) as {
      created: { recordId: string }[];
    };
    expect(feed.created.length).toBeGreaterThan(0);
    expect((await fetch(`${url}/api/changes?since=nonsense`)).status).toBe(400);
    const edit = (token: string | null, version: number) =>
      fetch(`${url}/api/records/us-alleges/edit`, {
        method: "POST",
        headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ patch: { set: { note: "Said by officials." } }, version, reason: "context" }),
      });
    expect((await edit(null, 1)).status).toBe(401);
    expect((await edit(tokens.alice as string, 1)).status).toBe(200);
    const stale = await edit(tokens.bob as string, 1);
    expect(stale.status).toBe(409);
    expect(((await stale.json()) as { error: { message: string } }).error.message).toContain("changed by alice");
    const history = (await (await fetch(`${url}/api/records/us-alleges/history`)).json()) as { version: number };
    expect(history.version).toBe(2);
    expect((await fetch(`${url}/api/records/nobody/history`)).status).toBe(404);
  });
});
