/**
 * The analyst's workbench as a script uses it: the real binary, no TTY, its own embedded database
 * in a temporary directory. Each command is a new process, so every read below is also a restart.
 * Reviewers first (the first admin is made where the database is), then every kind of record
 * added from a document's exact words, corrected, retired and restored, merged and unmerged, and
 * the history and change feed that say who did it. Every refusal writes nothing: the change
 * feed's revision is the same before and after.
 */
import { rmSync } from "node:fs";
import { join } from "node:path";
import { buildDataset } from "@atlas/data";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type {
  ActorDetail,
  ActorSummary,
  ChangeFeed,
  ClaimDetail,
  EventDetail,
  RecordHistory,
  ReviewerView,
  WriteResult,
} from "./data.js";
import { atlas, childEnv, closedPort, type Run, tempDir } from "./testing/binary.js";

// Each step is a process that opens the database: on two busy cores, a test of ten steps takes minutes.
vi.setConfig({ testTimeout: 300_000 });

const SOURCE = "2020-party-by-day-fighters-by-night";
const CLAIM = "aah-denies-resistance-role-in-embassy-attack";
const json = <T>(r: Run): T => {
  if (r.code !== 0) throw new Error(`atlas exited ${r.code}: ${r.stderr}`);
  return JSON.parse(r.stdout) as T;
};

let dir: string;
let env: NodeJS.ProcessEnv;
/** The env of a reviewer, by their token. */
const as = (token: string | undefined) => ({ ...env, ATLAS_TOKEN: token ?? "" });
const tokens: Record<string, string> = {};
const feed = async (since = "2000-01-01T00:00:00Z") =>
  json<ChangeFeed>(await atlas(["changes", "--since", since, "--json"], env));

/** Runs a refused command: exit `code`, nothing on stdout, stderr as given. */
async function refused(args: string[], e: NodeJS.ProcessEnv, code: 1 | 2, message: RegExp): Promise<void> {
  const r = await atlas(args, e);
  expect(r.stderr).toMatch(message);
  expect(r).toMatchObject({ code, stdout: "" });
}

/** Runs `refusals` and checks that none of them wrote anything: the feed's revision is unchanged. */
async function nothingWritten(refusals: () => Promise<void>): Promise<void> {
  const before = (await feed()).revision;
  await refusals();
  expect((await feed()).revision).toBe(before);
}

beforeAll(async () => {
  dir = tempDir("workbench");
  env = childEnv({ dataDir: dir, apiUrl: `http://127.0.0.1:${await closedPort()}` });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("atlas reviewers", () => {
  it("makes the first admin on the embedded database and prints its token once; the admin adds a reviewer", async () => {
    const ana = json<{ name: string; admin: boolean; token: string }>(
      await atlas(["reviewers", "add", "ana", "--admin", "--json"], env),
    );
    expect(ana).toMatchObject({ name: "ana", admin: true, token: expect.stringMatching(/^atlas_.{30,}$/) });
    tokens.ana = ana.token;
    const bo = await atlas(["reviewers", "add", "bo"], as(tokens.ana));
    expect(bo.code).toBe(0);
    const [, token] = /\n {2}(atlas_\S+)\n/.exec(bo.stdout) ?? [];
    expect(bo.stdout).toMatch(/^Added reviewer bo\. Their token \(shown this once; keep it secret\):/);
    tokens.bo = token ?? "";
    const list = json<ReviewerView[]>(await atlas(["reviewers", "list", "--json"], as(tokens.ana)));
    expect(list.map((r) => [r.name, r.admin, r.createdBy])).toEqual([
      ["ana", true, null],
      ["bo", false, "ana"],
    ]);
    // The token is kept hashed: it appears in no answer after the first.
    expect(JSON.stringify(list)).not.toContain(tokens.bo);
  });

  it("only an admin manages reviewers; a wrong token is refused; nothing is written", async () => {
    await nothingWritten(async () => {
      await refused(
        ["reviewers", "add", "cy"],
        as(tokens.bo),
        1,
        /^atlas: .*Only an admin adds reviewers; "bo" is not one\.\n$/,
      );
      await refused(
        ["reviewers", "add", "cy"],
        as("atlas_not-a-token-of-anyone"),
        1,
        /refused to add reviewer "cy", with the token from ATLAS_TOKEN: This token is no reviewer's/,
      );
      await refused(["reviewers", "add", "Not A Name", "--json"], as(tokens.ana), 2, /name/);
    });
  });
});

describe("atlas add: a record from a document's exact words", () => {
  it("adds a claim; it reads back with its evidence, and the history names its reviewer", async () => {
    const quote =
      "Amiri, who heads Iraq’s second largest party, claimed that attacks like the rocket attack would slow the US departure from Iraq";
    const r = json<WriteResult>(
      await atlas(
        [
          "add",
          "claim",
          "--source",
          SOURCE,
          "--quote",
          quote,
          "--claimant",
          "hadi-al-amiri",
          "--stance",
          "warns",
          "--statement",
          "Hadi al-Amiri said rocket attacks would slow the US departure from Iraq.",
          "--about",
          "united-states",
          "--reason",
          "the curated data has his sabotage claim, not this one",
          "--json",
        ],
        as(tokens.bo),
      ),
    );
    expect(r.reviewer).toBe("bo");
    const [made] = r.records;
    expect(made).toMatchObject({ recordType: "claim", version: 1 });
    const claim = json<ClaimDetail>(await atlas(["claim", made?.recordId ?? "", "--json"], env));
    expect(claim).toMatchObject({ stance: "warns", claimant: expect.objectContaining({ id: "hadi-al-amiri" }) });
    expect(JSON.stringify(claim)).toContain(quote);
    const history = json<RecordHistory>(await atlas(["history", made?.recordId ?? "", "--json"], env));
    expect(history.entries).toEqual([
      expect.objectContaining({
        reviewer: "bo",
        action: "created",
        version: 1,
        reason: "the curated data has his sabotage claim, not this one",
      }),
    ]);
  });

  it("adds an event, a relation, an actor, an alias and a mention, each shown where it belongs", async () => {
    const write = async (args: string[]) =>
      json<WriteResult>(await atlas(["add", ...args, "--source", SOURCE, "--json"], as(tokens.bo))).records[0];
    const event = await write([
      "event",
      "--quote",
      "Three of five katyusha rockets hit the embassy compound and one of them hit a dining facility",
      "--kind",
      "attack",
      "--title",
      "Rockets hit the US embassy compound",
      "--time",
      "2020-01-26",
      "--participant",
      "united-states:target",
    ]);
    const shown = json<EventDetail>(await atlas(["event", event?.recordId ?? "", "--json"], env));
    expect(shown.title).toBe("Rockets hit the US embassy compound");
    expect(shown.participants).toContainEqual(expect.objectContaining({ role: "target" }));

    const actor = await write([
      "actor",
      "--quote",
      "outside players",
      "--kind",
      "group_of_people",
      "--description",
      "Those Iran suggested were behind the mining attacks on ships in the Gulf in May and June 2019.",
    ]);
    expect(actor).toMatchObject({ recordType: "actor", recordId: "outside-players" });
    const relation = await write([
      "relation",
      "--quote",
      "The militias have been deeply involved in attacking protesters in Iraq",
      "--from",
      "iran-backed-militias",
      "--type",
      "opposes",
      "--to",
      "iraqi-protesters",
    ]);
    expect(relation?.recordType).toBe("relation");
    const alias = await write([
      "alias",
      "--quote",
      "IRGC Quds Force commander",
      "--actor",
      "qasem-soleimani",
      "--alias-kind",
      "epithet",
    ]);
    expect(alias).toMatchObject({ recordType: "actor", recordId: "qasem-soleimani" });
    const militias = json<ActorDetail>(await atlas(["actor", "iran-backed-militias", "--json"], env));
    expect(militias.relations).toContainEqual(
      expect.objectContaining({
        type: "opposes",
        direction: "outgoing",
        other: expect.objectContaining({ id: "iraqi-protesters" }),
      }),
    );
    const soleimani = await atlas(["actor", "qasem-soleimani"], env);
    expect(soleimani.stdout).toMatch(/\n {2}IRGC Quds Force commander {2}epithet/);
    const mention = await write([
      "mention",
      "--quote",
      "the group",
      "--occurrence",
      "2",
      "--actor",
      "kataib-hezbollah",
    ]);
    expect(mention?.recordType).toBe("mention");
  });

  it("refuses words that are not in the document, ambiguous words, an unknown id or a bad value — naming it, writing nothing", async () => {
    const addClaim = (quote: string, flags: Record<string, string> = {}) => [
      "add",
      "claim",
      ...Object.entries({
        "--source": SOURCE,
        "--quote": quote,
        "--claimant": "hadi-al-amiri",
        "--stance": "asserts",
        "--statement": "He said it.",
        ...flags,
      }).flat(),
    ];
    await nothingWritten(async () => {
      await refused(
        addClaim("Amiri never said this"),
        as(tokens.bo),
        1,
        /^atlas: quote: .*"Amiri never said this" is not in "2020-party-by-day-fighters-by-night" verbatim/,
      );
      await refused(
        addClaim("Amiri"),
        as(tokens.bo),
        1,
        /"Amiri" occurs \d+ times in "2020-party-by-day-fighters-by-night" .*give the occurrence/,
      );
      await refused(addClaim("Amiri", { "--source": "no-such-document" }), as(tokens.bo), 1, /no-such-document/);
      const words = "Hadi al-Amiri claimed";
      await refused(addClaim(words, { "--claimant": "nobody-at-all" }), as(tokens.bo), 1, /nobody-at-all/);
      await refused(addClaim(words, { "--stance": "shouts" }), as(tokens.bo), 2, /--stance: "shouts"/);
    });
  });
});

describe("correcting a record", () => {
  it("edits fields under the reviewer's name; the history shows before, after and why", async () => {
    const r = json<WriteResult>(
      await atlas(
        [
          "edit",
          CLAIM,
          "--set",
          "note=checked against the text",
          "--if-version",
          "1",
          "--reason",
          "read again",
          "--json",
        ],
        as(tokens.bo),
      ),
    );
    expect(r.records).toContainEqual({ recordType: "claim", recordId: CLAIM, version: 2 });
    const text = await atlas(["history", CLAIM], env);
    expect(text.stdout).toMatch(new RegExp(`^claim ${CLAIM} · version 2\\n`));
    expect(text.stdout).toMatch(/ bo +2 +edited: note: none → “checked against the text”\n +why: read again\n/);
  });

  it("refuses a stale version naming who changed it, an unknown id, a field the schema refuses and an edit that changes nothing", async () => {
    await nothingWritten(async () => {
      await refused(
        ["edit", CLAIM, "--set", "stance=accuses", "--if-version", "1", "--reason", "late"],
        as(tokens.ana),
        1,
        new RegExp(`claim "${CLAIM}" is at version 2, changed by bo at .*; this change was made against version 1`),
      );
      await refused(
        ["edit", "no-such-record", "--set", "note=x"],
        as(tokens.ana),
        1,
        /No record with id "no-such-record"/,
      );
      await refused(
        ["edit", CLAIM, "--set", "colour=red"],
        as(tokens.ana),
        2,
        /colour: a claim has no such field; its fields are claimantId, stance/,
      );
      await refused(["edit", CLAIM, "--set", "stance=shouts"], as(tokens.ana), 2, /stance: must be one of/);
      await refused(
        ["edit", CLAIM, "--set", "note=checked against the text"],
        as(tokens.ana),
        1,
        /already holds what was given/,
      );
    });
  });

  it("retires a record out of every view, keeps it in the history, and restores it", async () => {
    const id = "abdul-mahdi-condemns-embassy-attack";
    expect((await atlas(["retire", id, "--reason", "a duplicate"], as(tokens.ana))).code).toBe(0);
    expect(await atlas(["claim", id], env)).toMatchObject({ code: 1, stderr: expect.stringContaining(id) });
    const claims = await atlas(["claims", "--json", "--limit", "500"], env);
    expect(claims.stdout).not.toContain(`"${id}"`);
    const h = json<RecordHistory>(await atlas(["history", id, "--json"], env));
    expect(h).toMatchObject({
      retired: true,
      entries: [expect.objectContaining({ action: "retired", reviewer: "ana", reason: "a duplicate" })],
    });
    expect((await atlas(["restore", id], as(tokens.ana))).code).toBe(0);
    expect((await atlas(["claim", id], env)).code).toBe(0);
  });

  it("merges one actor into another and undoes the merge", async () => {
    const merged = await atlas(
      ["merge", "harakat-hezbollah-al-nujaba", "kataib-hezbollah", "--reason", "testing a merge"],
      as(tokens.ana),
    );
    expect(merged.code).toBe(0);
    const [, mergeId] = /Undo with: atlas unmerge (merge-\d+)/.exec(merged.stdout) ?? [];
    expect(await atlas(["actor", "harakat-hezbollah-al-nujaba"], env)).toMatchObject({ code: 1 });
    const kh = json<ActorDetail>(await atlas(["actor", "kataib-hezbollah", "--json"], env));
    expect(kh.aliases).toContain("Harakat Hezbollah al-Nujaba");
    expect((await atlas(["unmerge", mergeId ?? "", "--reason", "they are two groups"], as(tokens.ana))).code).toBe(0);
    const back = json<ActorDetail>(await atlas(["actor", "kataib-hezbollah", "--json"], env));
    expect(back.aliases).not.toContain("Harakat Hezbollah al-Nujaba");
    expect((await atlas(["actor", "harakat-hezbollah-al-nujaba"], env)).code).toBe(0);
  });

  it("lists actors from the answers kept by the last run only while nothing opened the database since", async () => {
    const list = async () => {
      const r = await atlas(["--verbose", "actors", "--json"], env);
      return {
        ids: json<ActorSummary[]>(r).map((a) => a.id),
        kept: r.stderr.includes("the actor list as read before"),
      };
    };
    const first = await list();
    expect(first.ids).toContain("harakat-hezbollah-al-nujaba");
    expect(await list()).toEqual({ ids: first.ids, kept: true });
    // A write: the next list is read from the database, and shows it.
    const merged = await atlas(
      ["merge", "harakat-hezbollah-al-nujaba", "kataib-hezbollah", "--reason", "testing the kept list"],
      as(tokens.ana),
    );
    const [, mergeId] = /Undo with: atlas unmerge (merge-\d+)/.exec(merged.stdout) ?? [];
    const after = await list();
    expect(after.kept).toBe(false);
    expect(after.ids).not.toContain("harakat-hezbollah-al-nujaba");
    expect(await list()).toEqual({ ids: after.ids, kept: true });
    expect((await atlas(["unmerge", mergeId ?? "", "--reason", "they are two groups"], as(tokens.ana))).code).toBe(0);
    expect(await list()).toEqual({ ids: first.ids, kept: false });
    // A process that only read the database opened it too: the kept list is not used after it.
    expect((await atlas(["sources", "--json"], env)).code).toBe(0);
    expect(await list()).toEqual({ ids: first.ids, kept: false });
    expect(await list()).toEqual({ ids: first.ids, kept: true });
  });
});

describe("the change feed and the tokens", () => {
  it("lists created, changed and retired ids since a time, and where to continue", async () => {
    const all = await feed();
    expect(all.created.map((r) => r.recordType)).toEqual(
      expect.arrayContaining(["claim", "event", "actor", "relation", "mention"]),
    );
    expect(all.changed.map((r) => r.recordId)).toContain(CLAIM);
    const later = await feed(all.until);
    expect([...later.created, ...later.changed, ...later.retired]).toEqual([]);
    const text = await atlas(["changes", "--since", all.until], env);
    expect(text.stdout).toMatch(
      /^Since .*: 0 created · 0 changed · 0 retired \(revision \d+\)\nNext: atlas changes --since /,
    );
    await refused(["changes", "--since", "last tuesday"], env, 2, /--since: "last tuesday" is not a time/);
  });

  it("a revoked token writes nothing and says whose it was; their changes keep their name", async () => {
    expect((await atlas(["reviewers", "revoke", "bo"], as(tokens.ana))).code).toBe(0);
    await refused(
      ["retire", CLAIM, "--reason", "x"],
      as(tokens.bo),
      1,
      /with the token from ATLAS_TOKEN: The token of reviewer "bo" was revoked \(.*, by ana\); ask an admin for a new one\./,
    );
    // Not retired; bo's changes keep bo's name.
    const h = json<RecordHistory>(await atlas(["history", CLAIM, "--json"], env));
    expect(h.retired).toBe(false);
    expect(h.entries.map((e) => e.reviewer)).toEqual(["bo"]);
  });

  it("exports the atlas as annotation files that load back with every change, the retired record left out", async () => {
    expect(
      (await atlas(["retire", "abdul-mahdi-condemns-embassy-attack", "--reason", "a duplicate"], as(tokens.ana))).code,
    ).toBe(0);
    const out = join(dir, "annotations");
    const r = await atlas(["export", "--format", "yaml", "--out", out], env);
    expect(r.stdout).toMatch(/^Wrote 7 annotation files to .* \(revision \d+\): 5 documents, /);
    const { dataset } = buildDataset({ annotationsDir: out });
    const claims = new Map(dataset.claims.map((c) => [c.id, c]));
    expect(claims.has("abdul-mahdi-condemns-embassy-attack")).toBe(false);
    expect(claims.get(CLAIM)?.note).toBe("checked against the text");
    expect(dataset.claims.filter((c) => c.claimantId === "hadi-al-amiri").map((c) => c.stance)).toContain("warns");
    expect(dataset.relations.map((x) => x.id)).toContain("iran-backed-militias.opposes.iraqi-protesters");
  });
});
