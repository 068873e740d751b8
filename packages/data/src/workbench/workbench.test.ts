/**
 * The analyst's workbench on both engines: records made from words by hand, corrected, retired
 * and restored, actors merged, unmerged and split, sources and claims graded — each naming its
 * reviewer in the history — then a re-seed and a restart, after which everything is as it was.
 * And every refusal: nothing written, a message naming what is wrong.
 */
import type { Dataset } from "@atlas/schema";
import { count } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDataset } from "../annotations/load.js";
import type { Database } from "../db/client.js";
import * as t from "../db/schema/index.js";
import { ReviewError } from "../ingest/errors.js";
import { claimById, listClaims } from "../queries/claims.js";
import { eventById } from "../queries/events.js";
import { exportDataset } from "../queries/export.js";
import { sourceById } from "../queries/sources.js";
import { seedDatabase } from "../seed/seed.js";
import { persistentCases, unstamped } from "../testing/engines.js";
import { type Fixture, makeFixture } from "../testing/fixture.js";
import { type AddInput, addRecord } from "./add.js";
import { editRecord, restoreRecord, retireRecord } from "./corrections.js";
import { gradeRecord } from "./grade.js";
import { changesSince, recordHistory } from "./history.js";
import { mergeActors, splitAlias, unmergeActors } from "./merge.js";
import { addReviewer, authenticate, registerSharedToken, revokeReviewer } from "./reviewers.js";
import { readState } from "./write.js";

const SOURCE = "fixture-doc";
const alice = { name: "alice", admin: true };
const bob = { name: "bob", admin: false };

describe.each(persistentCases())("the workbench on $name", (engine) => {
  let fixture: Fixture;
  let dataset: Dataset;
  let store: Awaited<ReturnType<typeof engine.create>>;
  let database: Database;
  const db = () => database.db;
  const entries = async () => (await db().select({ n: count() }).from(t.changes))[0]?.n ?? 0;

  /** Refused with this code and message, and nothing written. */
  const refused = async (work: Promise<unknown>, code: ReviewError["code"], message: RegExp) => {
    // Handled at once: a refusal that comes before the snapshot is not an unhandled rejection.
    const settled = work.then(
      () => null,
      (e: unknown) => e,
    );
    const before = await entries();
    const snapshot = await exportDataset(db());
    const error = await settled;
    expect(error).toBeInstanceOf(ReviewError);
    expect((error as ReviewError).code).toBe(code);
    expect((error as ReviewError).message).toMatch(message);
    expect(await entries()).toBe(before);
    expect(await exportDataset(db())).toEqual(snapshot);
  };

  beforeAll(async () => {
    fixture = makeFixture();
    dataset = buildDataset({ corpusDir: fixture.corpusDir, annotationsDir: fixture.annotationsDir }).dataset;
    store = await engine.create();
    database = await store.open();
    await seedDatabase(database, dataset);
  });
  afterAll(async () => {
    await database?.close();
    await store?.drop();
    fixture?.cleanup();
  });

  /** Kataib Hezbollah's denial, from words selected by hand, contradicting the US allegation. */
  const denial = (statement: string): AddInput => ({
    kind: "claim",
    sourceId: SOURCE,
    quote: "it wasn’t us",
    claimantId: "kataib-hezbollah",
    stance: "denies",
    statement,
    contradictsIds: ["us-alleges"],
  });

  it("makes a claim from words selected by hand, contradiction answered on both sides", async () => {
    const result = await addRecord(db(), alice, denial("Kataib Hezbollah said it was not behind the attack."));
    const claimId = result.records[0]?.recordId as string;
    expect(result.records.map((r) => [r.recordType, r.recordId, r.version])).toEqual([
      ["claim", claimId, 1],
      ["claim", "us-alleges", 2],
    ]);
    const claim = await claimById(db(), claimId);
    expect(claim?.evidence[0]).toMatchObject({ sourceId: SOURCE, quote: "it wasn’t us" });
    expect(claim?.mode).toBe("indirect");
    expect((await readState(db(), "claim", "us-alleges"))?.contradictsIds).toContain(claimId);
    const history = await recordHistory(db(), claimId);
    expect(history.entries).toMatchObject([{ reviewer: "alice", action: "created", before: null, version: 1 }]);
  });

  it("keeps the document's own words for a date the selected words state", async () => {
    const result = await addRecord(db(), bob, {
      kind: "event",
      sourceId: SOURCE,
      quote: "an attack on December 27, 2019, that killed a contractor",
      eventKind: "attack",
      title: "An attack kills a contractor (by hand)",
      time: "2019-12-27",
    });
    const event = await readState(db(), "event", result.records[0]?.recordId as string);
    expect(event?.time).toMatchObject({ edtf: "2019-12-27", basis: "explicit", expression: "December 27, 2019" });
    const typed = await addRecord(db(), bob, {
      kind: "event",
      sourceId: SOURCE,
      quote: "Rockets hit the embassy",
      eventKind: "attack",
      title: "Rockets hit the embassy",
      time: "January 2020",
    });
    const rockets = await readState(db(), "event", typed.records[0]?.recordId as string);
    expect(rockets?.time).toEqual({ edtf: "2020-01", precision: "month", basis: "inferred", note: "Given by bob." });
  });

  it("makes an actor from a name, with its mentions in the document", async () => {
    const result = await addRecord(db(), alice, {
      kind: "actor",
      sourceId: SOURCE,
      quote: "a contractor",
      name: "The contractor",
      actorKind: "person",
      description: "A contractor killed in the attack of December 27, 2019.",
    });
    expect(result.records).toMatchObject([{ recordType: "actor", recordId: "the-contractor", version: 1 }]);
    expect((await readState(db(), "actor", "the-contractor"))?.evidence[0]?.quote).toBe("a contractor");
  });

  it("refuses words that are not in the document, ambiguous words, boilerplate, unknown ids", async () => {
    const claim = {
      kind: "claim" as const,
      sourceId: SOURCE,
      claimantId: "kataib-hezbollah",
      stance: "denies" as const,
      statement: "A statement.",
    };
    await refused(addRecord(db(), alice, { ...claim, quote: "it was us" }), "invalid", /not in "fixture-doc"/);
    await refused(
      addRecord(db(), alice, { ...claim, quote: "Kataib" }),
      "invalid",
      /occurs 2 times.*occurrence \(1\.\.2\)/,
    );
    await refused(addRecord(db(), alice, { ...claim, quote: "Accept Cookies" }), "invalid", /boilerplate/);
    await refused(
      addRecord(db(), alice, { ...claim, sourceId: "nowhere", quote: "x" }),
      "not_found",
      /no document with id "nowhere"/,
    );
    await refused(
      addRecord(db(), alice, { ...claim, quote: "Kataib", occurrence: 1, claimantId: "nobody" }),
      "invalid",
      /claimantId: no actor with id "nobody"/,
    );
    await refused(
      addRecord(db(), alice, { ...claim, quote: "Kataib", occurrence: 1, stance: "shouts" as never }),
      "invalid",
      /would be invalid: stance/,
    );
  });

  it("corrects a record and refuses a change made against an old version, naming who changed it", async () => {
    await editRecord(
      db(),
      alice,
      { id: "us-alleges", patch: { set: { stance: "accuses" } }, version: 2 },
      "The US blames them outright.",
    );
    await refused(
      editRecord(db(), bob, { id: "us-alleges", patch: { set: { stance: "asserts" } }, version: 2 }),
      "conflict",
      /claim "us-alleges" is at version 3, changed by alice at .*made against version 2/,
    );
    const history = await recordHistory(db(), "us-alleges");
    expect(history.entries.at(-1)).toMatchObject({
      reviewer: "alice",
      action: "edited",
      reason: "The US blames them outright.",
      before: { stance: "alleges" },
      after: { stance: "accuses" },
    });
    await refused(
      editRecord(db(), alice, { id: "no-such-claim", patch: {} }),
      "not_found",
      /No record with id "no-such-claim"/,
    );
    await refused(
      editRecord(db(), alice, { id: "us-alleges", patch: { set: { stance: "shouts" } } }),
      "invalid",
      /stance/,
    );
    await refused(
      editRecord(db(), alice, { id: "us-alleges", patch: { set: { colour: "red" } } }),
      "invalid",
      /colour: a claim has no such field/,
    );
    const only = (await readState(db(), "claim", "us-alleges"))?.evidence[0];
    await refused(
      editRecord(db(), alice, { id: "us-alleges", patch: { removeEvidence: [only as never] } }),
      "invalid",
      /evidence/,
    );
  });

  it("adds and removes evidence", async () => {
    await editRecord(db(), bob, {
      id: "2020-01-03-drone-strike",
      patch: { addEvidence: [{ sourceId: SOURCE, quote: "a US drone strike" }] },
    });
    const event = await readState(db(), "event", "2020-01-03-drone-strike");
    expect(event?.evidence.map((e) => e.quote)).toEqual([
      "was killed on January 3, 2020 in a US drone strike",
      "a US drone strike",
    ]);
  });

  it("grades a source and a claim; ungraded stays not graded", async () => {
    expect((await readState(db(), "source", SOURCE))?.reliability).toBeNull();
    await gradeRecord(db(), alice, { type: "source", id: SOURCE, grade: "B" }, "A wire service with named sources.");
    await gradeRecord(db(), bob, { type: "claim", id: "us-alleges", grade: 3 }, "One government's word.");
    expect((await readState(db(), "source", SOURCE))?.reliability).toMatchObject({ grade: "B", by: "alice" });
    expect((await readState(db(), "claim", "us-alleges"))?.credibility).toMatchObject({ grade: 3, by: "bob" });
    expect((await readState(db(), "claim", "kh-denies"))?.credibility).toBeNull();
    await refused(gradeRecord(db(), alice, { type: "claim", id: "kh-denies", grade: 2 }, ""), "invalid", /reason/);
    // The lists carry the grades and filter on them; "none" finds what nobody graded.
    const three = await listClaims(db(), { credibility: [3] });
    expect(three.items.map((c) => c.id)).toEqual(["us-alleges"]);
    expect(three.items[0]?.credibility).toMatchObject({ grade: 3, by: "bob", reason: "One government's word." });
    expect(three.items[0]?.sources).toEqual([
      expect.objectContaining({ id: SOURCE, reliability: expect.objectContaining({ grade: "B", by: "alice" }) }),
    ]);
    const ungraded = (await listClaims(db(), { credibility: ["none"] })).items;
    expect(ungraded.map((c) => c.id)).toContain("kh-denies");
    expect(ungraded.every((c) => c.credibility === null)).toBe(true);
    expect((await listClaims(db(), { credibility: [3, "none"] })).items.length).toBe(ungraded.length + 1);
    expect((await listClaims(db(), { reliability: ["B"] })).items.map((c) => c.id)).toContain("us-alleges");
    expect((await listClaims(db(), { reliability: ["A", "none"] })).items).toEqual([]);
    expect((await sourceById(db(), SOURCE))?.reliability).toMatchObject({ grade: "B", by: "alice" });
    expect((await eventById(db(), "2019-12-27-attack"))?.sources[0]?.reliability).toMatchObject({ grade: "B" });
  });

  it("retires a claim out of every view, keeps it in the history, and restores it", async () => {
    await refused(retireRecord(db(), alice, { id: "kataib-hezbollah" }, "wrong"), "conflict", /still named by/);
    await retireRecord(db(), alice, { id: "kh-denies" }, "A duplicate.");
    expect(await claimById(db(), "kh-denies")).toBeNull();
    expect((await exportDataset(db())).claims.map((c) => c.id)).not.toContain("kh-denies");
    expect((await readState(db(), "claim", "us-alleges"))?.contradictsIds).not.toContain("kh-denies");
    expect(await recordHistory(db(), "kh-denies")).toMatchObject({ retired: true });
    await refused(editRecord(db(), alice, { id: "kh-denies", patch: {} }), "conflict", /retired.*restore it first/);
    await restoreRecord(db(), bob, { id: "kh-denies" }, "Not a duplicate after all.");
    expect((await claimById(db(), "kh-denies"))?.id).toBe("kh-denies");
    expect((await readState(db(), "claim", "us-alleges"))?.contradictsIds).toContain("kh-denies");
    await retireRecord(db(), alice, { id: "kh-denies" }, "A duplicate after all.");
  });

  it("splits a name off into an actor, merges it back, and undoes the merge", async () => {
    const split = await splitAlias(db(), alice, {
      actorId: "qais-al-khazali",
      alias: "Qais al-Khalazi",
      description: "Named once, misspelled.",
    });
    expect(split.actorId).toBe("qais-al-khalazi");
    const mentions = await db().select().from(t.mentions);
    expect(mentions.find((m) => m.quote === "Qais al-Khalazi")?.actorId).toBe("qais-al-khalazi");

    const merged = await mergeActors(db(), bob, { actorId: "qais-al-khalazi", intoId: "qais-al-khazali" }, "One man.");
    expect(merged.mergeId).toBe("merge-1");
    const khazali = await readState(db(), "actor", "qais-al-khazali");
    expect(khazali?.aliases.find((a) => a.name === "Qais al-Khalazi")).toMatchObject({ mergedFrom: "qais-al-khalazi" });
    expect(await readState(db(), "actor", "qais-al-khalazi")).toBeNull();
    expect((await db().select().from(t.mentions)).find((m) => m.quote === "Qais al-Khalazi")?.actorId).toBe(
      "qais-al-khazali",
    );

    await unmergeActors(db(), alice, "merge-1", "Two men after all.");
    expect((await readState(db(), "actor", "qais-al-khalazi"))?.name).toBe("Qais al-Khalazi");
    expect((await db().select().from(t.mentions)).find((m) => m.quote === "Qais al-Khalazi")?.actorId).toBe(
      "qais-al-khalazi",
    );
    await refused(unmergeActors(db(), alice, "merge-1"), "conflict", /undone already/);
    await refused(unmergeActors(db(), alice, "merge-9"), "not_found", /No merge with id "merge-9"/);

    // Merged again; a change after the merge blocks undoing it, naming the record and who.
    const again = await mergeActors(db(), bob, { actorId: "qais-al-khalazi", intoId: "qais-al-khazali" });
    await editRecord(db(), alice, {
      id: "qais-al-khazali",
      patch: { set: { description: "Leader of Asaib Ahl al-Haq." } },
    });
    await refused(
      unmergeActors(db(), bob, again.mergeId),
      "conflict",
      /actor "qais-al-khazali" changed since merge-2 \(by alice/,
    );
  });

  it("lists what changed since a time: created, changed and retired ids", async () => {
    const feed = await changesSince(db(), "2000-01-01T00:00:00Z");
    expect(feed.created.map((r) => r.recordId)).toContain("the-contractor");
    expect(feed.changed.map((r) => r.recordId)).toContain("us-alleges");
    expect(feed.retired.map((r) => r.recordId)).toEqual(expect.arrayContaining(["kh-denies", "qais-al-khalazi"]));
    const later = await changesSince(db(), feed.until);
    expect(later.entries).toEqual([]);
    await refused(changesSince(db(), "yesterday"), "invalid", /since: "yesterday" is not a timestamp/);
  });

  it("finds everything as it was after a re-seed and a restart", async () => {
    const before = await exportDataset(db());
    expect(before.revision).toBeGreaterThan(10);
    const report = await seedDatabase(database, dataset, { force: true });
    expect(report.replayed?.skipped).toEqual([]);
    expect(await exportDataset(db())).toEqual(before);
    await database.close();
    database = await store.open();
    expect(await exportDataset(db())).toEqual(before);
    // A new version of the curated files (another description) keeps every person's change.
    const changed = structuredClone(dataset);
    const kh = changed.actors.find((a) => a.id === "kataib-hezbollah");
    if (kh) kh.description = "An Iran-backed militia in Iraq.";
    await seedDatabase(database, changed);
    const after = await exportDataset(db());
    expect(after.actors.find((a) => a.id === "kataib-hezbollah")?.description).toBe("An Iran-backed militia in Iraq.");
    // Untouched curated records now carry the new load's time; the rest is as it was.
    for (const key of ["claims", "events", "relations", "mentions"] as const) {
      expect(unstamped(after)[key]).toEqual(unstamped(before)[key]);
    }
    expect(after.sources[0]?.reliability).toMatchObject({ grade: "B" });
  });

  it("keeps reviewers: tokens shown once and stored hashed, revoked ones refused, the last admin kept", async () => {
    const first = await addReviewer(db(), { name: "carol", admin: true, by: null });
    expect(first.token).toMatch(/^atlas_/);
    const stored = await db().select().from(t.reviewers);
    expect(JSON.stringify(stored)).not.toContain(first.token);
    expect(await authenticate(db(), first.token)).toEqual({ ok: true, reviewer: { name: "carol", admin: true } });
    const dave = await addReviewer(db(), { name: "dave", admin: false, by: { name: "carol", admin: true } });
    await revokeReviewer(db(), "dave", { name: "carol", admin: true });
    expect(await authenticate(db(), dave.token)).toMatchObject({ ok: false, reason: "revoked", revokedBy: "carol" });
    expect(await authenticate(db(), "atlas_nonsense")).toEqual({ ok: false, reason: "unknown" });
    await refused(revokeReviewer(db(), "carol", { name: "carol", admin: true }), "conflict", /last admin/);
    await refused(addReviewer(db(), { name: "carol", admin: false, by: null }), "conflict", /exists already/);
    await refused(addReviewer(db(), { name: "Carol Smith", admin: false, by: null }), "invalid", /name/);
    // The shared token npm start makes is an admin's, registered once.
    const shared = "a-shared-token-of-npm-start-000";
    expect(await registerSharedToken(db(), shared)).toEqual({ name: "admin", admin: true });
    expect(await registerSharedToken(db(), shared)).toEqual({ name: "admin", admin: true });
    expect((await recordHistory(db(), "dave", "reviewer")).entries.map((e) => [e.action, e.reviewer])).toEqual([
      ["created", "carol"],
      ["retired", "carol"],
    ]);
  });

  it("a correction that removes an actor's name takes away the mentions found by it, and only those", async () => {
    const aliases = async () =>
      (await exportDataset(db())).mentions.filter((m) => m.actorId === "qais-al-khazali").map((m) => m.alias);
    const before = await aliases();
    expect(before).toContain("Khazali");
    await editRecord(db(), alice, { id: "qais-al-khazali", patch: { remove: { aliases: ["Khazali"] } } });
    expect(await aliases()).toEqual(before.filter((a) => a !== "Khazali"));
  });

  it("a correction that drops a contradiction drops it on the other claim too", async () => {
    const made = await addRecord(db(), alice, denial("Kataib Hezbollah denied it was behind the attack."));
    const claimId = made.records[0]?.recordId as string;
    expect((await readState(db(), "claim", "us-alleges"))?.contradictsIds).toContain(claimId);
    await editRecord(db(), alice, { id: claimId, patch: { remove: { contradictsIds: ["us-alleges"] } } });
    expect((await readState(db(), "claim", "us-alleges"))?.contradictsIds).not.toContain(claimId);
  });
});
