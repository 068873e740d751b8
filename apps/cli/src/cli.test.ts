/**
 * The real binary, as a script would run it: no TTY, output in a pipe, its own embedded database
 * in a temporary directory (created and seeded by the first command), then against a real API.
 */
import { spawn } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { type StartedApi, startApi } from "@atlas/api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ActorDetail, ActorSummary, ClaimSummary, EventSummary, SearchResult, SourceSummary } from "./data.js";
import { atlas, BIN, childEnv, closedPort, type Run, tempDir } from "./testing/binary.js";

let dataDir: string;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  dataDir = tempDir("embedded");
  env = childEnv({ dataDir, apiUrl: `http://127.0.0.1:${await closedPort()}` });
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const json = <T>(stdout: string) => JSON.parse(stdout) as T;

describe("atlas subcommands on the embedded database", () => {
  it("creates and seeds the database on first use; actors --json prints only JSON", async () => {
    const r = await atlas(["actors", "--json"], env);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const actors = json<ActorSummary[]>(r.stdout);
    expect(actors.length).toBeGreaterThan(100);
    const kh = actors.find((a) => a.id === "kataib-hezbollah");
    expect(kh).toMatchObject({ name: "Kataib Hezbollah", kind: "armed_group" });
    expect(Object.keys(kh?.counts ?? {})).toEqual(["mentions", "sources", "events", "claims", "relations"]);
  });

  it("filters and sorts actors with --kind, --sort and --limit", async () => {
    const r = await atlas(["actors", "--kind", "armed_group", "--sort", "mentions", "--limit", "3", "--json"], env);
    const actors = json<ActorSummary[]>(r.stdout);
    expect(actors).toHaveLength(3);
    expect(actors.every((a) => a.kind === "armed_group")).toBe(true);
    const mentions = actors.map((a) => a.counts.mentions);
    expect(mentions).toEqual([...mentions].sort((a, b) => b - a));
  });

  it("prints a readable table by default, with the id of each row", async () => {
    const r = await atlas(["actors", "--q", "Khazali"], env);
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n")[0]).toMatch(/^ID\s+NAME\s+KIND\s+MENTIONS\s+EVENTS\s+CLAIMS$/);
    expect(r.stdout).toMatch(/qais-al-khazali\s+Qais al-Khazali\s+person/);
    expect(r.stdout).not.toContain("\u001B[");
  });

  it("shows an actor's profile: aliases, relations, events with roles, claims, sources", async () => {
    const r = await atlas(["actor", "kataib-hezbollah", "--json"], env);
    const kh = json<ActorDetail>(r.stdout);
    expect(kh.relations).toContainEqual(
      expect.objectContaining({
        type: "backed_by",
        direction: "outgoing",
        other: expect.objectContaining({ id: "iran" }),
      }),
    );
    expect(kh.events.length).toBeGreaterThan(0);
    expect(kh.events.every((e) => e.roles.length > 0)).toBe(true);
    expect(kh.claimsBy.length + kh.claimsAbout.length).toBeGreaterThan(0);
    const text = await atlas(["actor", "qais-al-khazali"], env);
    expect(text.stdout).toMatch(/^Qais al-Khazali\nperson · qais-al-khazali\n/);
    expect(text.stdout).toMatch(/\nAliases \(\d+\)\n/);
    expect(text.stdout).toContain("  Qais al-Khalazi  misspelling");
    expect(text.stdout).toContain("  → leads Asaib Ahl al-Haq");
  });

  it("prints an event, a claim and a source's annotated text as the explorer shows them", async () => {
    const event = (await atlas(["event", "2020-01-03-baghdad-airport-strike"], env)).stdout;
    expect(event).toMatch(/^US drone strike kills Qasem Soleimani and Abu Mahdi al-Muhandis\n/);
    expect(event).toContain("When: 3 January 2020");
    expect(event).toMatch(/Participants \(\d+\)\n/);
    expect(event).toContain("  victim: Abu Mahdi al-Muhandis");
    expect(event).toMatch(
      /Deaths as reported \(\d+\)\n {2}Sources differ on deaths: 1 or more killed[\s\S]*\n {2}1 or more — /,
    );
    const claim = (await atlas(["claim", "kh-denies-embassy-rocket-attack"], env)).stdout;
    expect(claim).toContain("Kataib Hezbollah denies (");
    expect(claim).toMatch(/In their words \(1\)\n {2}“Kataib Hezbollah denied its involvement/);
    expect(claim).toMatch(/Contradicts \(\d+\)/);
    const text = (await atlas(["source", "2020-party-by-day-fighters-by-night", "--text"], env)).stdout;
    expect(text).toContain("[mention]  «a claim's words»  {event evidence}  ┆ boilerplate");
    expect(text).toContain("«[Kataib Hezbollah] denied its involvement");
    expect(text).toMatch(/^┆ \(photo credit: REUTERS\/STRINGER\)$/m);
  });

  it("exits 1 for an actor that does not exist, suggesting real ones", async () => {
    const nobody = await atlas(["actor", "nobody"], env);
    expect(nobody).toMatchObject({ code: 1, stdout: "" });
    expect(nobody.stderr).toMatch(/^atlas: No actor with id "nobody"\./);
    const khazali = await atlas(["actor", "khazali"], env);
    expect(khazali.code).toBe(1);
    expect(khazali.stderr).toContain("Did you mean qais-al-khazali (Qais al-Khazali)");
  });

  it("says what connects two actors, and prints a dossier as text or Markdown with footnotes", async () => {
    const path = await atlas(["path", "kataib-hezbollah", "asaib-ahl-al-haq"], env);
    expect(path.code).toBe(0);
    expect(path.stdout).toMatch(
      /^2 shortest paths from Kataib Hezbollah to Asaib Ahl al-Haq, 2 steps each\n\n1\. Kataib Hezbollah — Iran — Asaib Ahl al-Haq\n {3}Kataib Hezbollah backed by Iran\n {5}“/,
    );
    const json = JSON.parse((await atlas(["path", "kataib-hezbollah", "asaib-ahl-al-haq", "--json"], env)).stdout);
    expect(json).toMatchObject({ length: 2, total: 2 });
    const unknown = await atlas(["path", "kataib-hezbollah", "khazali"], env);
    expect(unknown).toMatchObject({ code: 1, stdout: "" });
    expect(unknown.stderr).toContain('No actor with id "khazali". Did you mean qais-al-khazali (Qais al-Khazali)');
    expect((await atlas(["path", "iran", "iran"], env)).stderr).toMatch(/^atlas: <to>: "iran" is the same actor/);
    const md = await atlas(["dossier", "kataib-hezbollah", "--format", "md"], env);
    expect(md.stdout).toMatch(/^# Kataib Hezbollah\n\nArmed group · Militia Atlas dossier/);
    expect(md.stdout).toContain("## Units and components\n\nNot reported in the sources.\n");
    expect(md.stdout).toMatch(/^\[\^1\]: “.+” — .+\. Source `[\w-]+`, characters \d+–\d+\.$/m);
    const text = await atlas(["dossier", "qais-al-khazali"], env);
    expect(text.stdout).toMatch(
      /^Qais al-Khazali\nperson · qais-al-khazali · dossier built only from \d sources\n\nWho\n/,
    );
    expect(text.stdout).toMatch(
      /\nDesignations and sanctions\n {2}Designated by United States \(“terrorist”; in 2019\) \[\d+\]\n/,
    );
    expect((await atlas(["dossier", "kataib-hezbollah", "--format", "pdf"], env)).stderr).toMatch(
      /^atlas: --format: "pdf" is not a dossier format; choose from text, md/,
    );
  });

  it("keeps events whose dates overlap --from/--to, however precise those dates are", async () => {
    const r = await atlas(["events", "--from", "2019-12", "--to", "2020-01", "--json"], env);
    const events = json<EventSummary[]>(r.stdout);
    expect(events.length).toBeGreaterThan(0);
    for (const e of events) {
      expect((e.latest ?? "9999-12-31") >= "2019-12-01").toBe(true);
      expect((e.earliest ?? "0000-01-01") <= "2020-01-31").toBe(true);
    }
    expect(events.map((e) => e.id)).toContain("2020-01-03-baghdad-airport-strike");
  });

  it("names the bad flag and exits 2: dates, choices, limits, unknown options and commands", async () => {
    const cases: [string[], RegExp][] = [
      [["events", "--from", "2020-13"], /^atlas: --from: "2020-13" has no month 13/],
      [["events", "--from", "2021", "--to", "2020"], /^atlas: --to: 2020 is before --from 2021/],
      [["claims", "--stance", "lies"], /^atlas: --stance: "lies" is not a stance; choose from asserts,/],
      [["actors", "--kind", "militia"], /^atlas: --kind: "militia" is not an actor kind/],
      [["actors", "--limit", "0"], /^atlas: --limit: "0" is not a whole number/],
      [["events", "--frm", "2020"], /^atlas: unknown option '--frm'\n\(Did you mean --from\?\)/],
      [["actrs"], /^atlas: unknown command 'actrs'\n\(Did you mean actors\?\)/],
      [["actor"], /^atlas: missing required argument 'id'/],
      [
        ["export", "--format", "pdf"],
        /^atlas: --format: "pdf" is not a format this command writes; choose from json, stix/,
      ],
    ];
    for (const [args, pattern] of cases) {
      const r = await atlas(args, env);
      expect({ args, code: r.code, stdout: r.stdout }).toEqual({ args, code: 2, stdout: "" });
      expect(r.stderr).toMatch(pattern);
    }
  });

  it("exits 1 when a filter names a record that does not exist", async () => {
    const r = await atlas(["events", "--actor", "nobody"], env);
    expect(r).toMatchObject({ code: 1, stderr: 'atlas: --actor: no actor with id "nobody"\n' });
  });

  it("lists claims by stance about an actor", async () => {
    const r = await atlas(["claims", "--about", "kataib-hezbollah", "--stance", "denies,alleges", "--json"], env);
    const claims = json<ClaimSummary[]>(r.stdout);
    expect(claims.length).toBeGreaterThan(0);
    expect(claims.every((c) => ["denies", "alleges"].includes(c.stance))).toBe(true);
    expect(claims.every((c) => c.evidence.length > 0)).toBe(true);
  });

  it("lists sources and finds names across spellings", async () => {
    const sources = json<SourceSummary[]>((await atlas(["sources", "--json"], env)).stdout);
    expect(sources.length).toBeGreaterThanOrEqual(5);
    const found = json<SearchResult>((await atlas(["search", "Khalazi", "--type", "actor", "--json"], env)).stdout);
    expect(found.groups.actor[0]?.id).toBe("qais-al-khazali");
    const text = await atlas(["search", "Khazali"], env);
    expect(text.stdout).toMatch(/^Actors \(\d+\)\n {2}Qais al-\*Khazali\* {2}person/);
  });

  it("exports the dataset as JSON to stdout or to a file", async () => {
    const out = join(dataDir, "export.json");
    const r = await atlas(["export", "--format", "json", "--out", out], env);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("");
    const dataset = JSON.parse(readFileSync(out, "utf8")) as Record<string, unknown[]>;
    for (const key of ["sources", "actors", "relations", "events", "claims"]) {
      expect(dataset[key]?.length, key).toBeGreaterThan(0);
    }
    const missing = await atlas(["export", "--out", join(dataDir, "no", "such", "dir", "x.json")], env);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^atlas: --out: the directory .* does not exist/);
  });

  it("stops quietly when the reader closes the pipe early (atlas export | head)", async () => {
    const r = await new Promise<Run>((resolve, reject) => {
      const child = spawn(process.execPath, [BIN, "export", "--format", "ftm"], {
        env,
        stdio: ["ignore", "pipe", "pipe"],
      });
      let stderr = "";
      child.stdout.once("data", () => child.stdout.destroy());
      child.stderr.on("data", (d: Buffer) => {
        stderr += d.toString();
      });
      child.on("error", reject);
      child.on("close", (code) => resolve({ code, stdout: "", stderr }));
    });
    expect(r).toMatchObject({ code: 0, stderr: "" });
  });

  it("has --help everywhere, and names every export format", async () => {
    const commands = [
      "actors",
      "actor",
      "events",
      "event",
      "claims",
      "claim",
      "sources",
      "source",
      "search",
      "export",
      "ingest",
      "import",
      "review",
      "add",
      "edit",
      "retire",
      "restore",
      "merge",
      "unmerge",
      "history",
      "changes",
      "reviewers",
    ];
    const root = await atlas(["--help"], env);
    expect(root.code).toBe(0);
    for (const c of commands) expect(root.stdout).toContain(`  ${c}`);
    for (const c of commands) {
      const r = await atlas([c, "--help"], env);
      expect({ c, code: r.code }).toEqual({ c, code: 0 });
      expect(r.stdout).toContain(`Usage: atlas ${c}`);
    }
    const exportHelp = (await atlas(["export", "--help"], env)).stdout.replace(/\s+/g, " ");
    expect(exportHelp).toContain(
      "--format <format> json (@atlas/schema's Dataset), stix (a STIX 2.1 bundle), csv (events in ACLED's columns), ftm (FollowTheMoney lines) or yaml (the repository's annotation files, into the --out directory)",
    );
  });

  it("without a terminal, `atlas` prints the first screen once and exits 0 (no raw mode)", async () => {
    const r = await atlas([], env);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(
      /^Militia Atlas \[1 Actors\] 2 Events {2}3 Claims {2}4 Sources {2}5 Search\s+embedded( pglite)?$/,
    );
    expect(lines[1]).toMatch(/^Actors \(\d+\) · sorted by name/);
    expect(lines).toHaveLength(24);
  });

  it("says which source it used on stderr with --verbose, never on stdout", async () => {
    const r = await atlas(["--verbose", "sources", "--json"], env);
    expect(r.stderr).toMatch(/no API at http:\/\/127\.0\.0\.1:\d+ \(ECONNREFUSED\); opening the embedded database/);
    expect(r.stderr).toContain(`using the embedded database (pglite) at ${dataDir}`);
    expect(() => JSON.parse(r.stdout)).not.toThrow();
  });
});

describe("atlas against a running API", () => {
  let api: StartedApi;
  let apiDir: string;
  let apiEnv: NodeJS.ProcessEnv;

  beforeAll(async () => {
    apiDir = tempDir("api");
    api = await startApi({
      host: "127.0.0.1",
      port: 0,
      webOrigins: [],
      seed: true,
      database: { dataDir: apiDir, url: null },
    });
    apiEnv = childEnv({ dataDir: apiDir, apiUrl: api.url });
  });
  afterAll(async () => {
    await api?.close();
    rmSync(apiDir, { recursive: true, force: true });
  });

  it("uses the API when it answers, with the same results as the embedded database", async () => {
    const viaApi = await atlas(["--verbose", "actors", "--json"], apiEnv);
    expect(viaApi.code).toBe(0);
    expect(viaApi.stderr.split("\n")).toContain(`atlas: using the API at ${api.url}`);
    expect(viaApi.stderr).not.toContain("embedded");
    const embedded = await atlas(["actors", "--json"], env);
    expect(json(viaApi.stdout)).toEqual(json(embedded.stdout));
    const missing = await atlas(["actor", "nobody"], apiEnv);
    expect(missing.code).toBe(1);
  });

  it("refuses the embedded database another process owns, and says how to proceed", async () => {
    // No API at this address, and the data directory is the running API's.
    const locked = childEnv({ dataDir: apiDir, apiUrl: `http://127.0.0.1:${await closedPort()}` });
    const r = await atlas(["actors"], locked);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain(`the embedded database at ${apiDir} is in use by process ${process.pid}`);
    expect(r.stderr).toMatch(/ATLAS_API_URL.*ATLAS_DATA_DIR.*DATABASE_URL/s);
  });
});

describe("an empty atlas", () => {
  it("ATLAS_SEED=none: the CLI opens the schema with no curated corpus, and keeps it so without the variable", async () => {
    const own = tempDir("empty");
    try {
      const emptyEnv = childEnv({ dataDir: own, apiUrl: `http://127.0.0.1:${await closedPort()}`, ATLAS_SEED: "none" });
      const sources = await atlas(["sources", "--json"], emptyEnv);
      expect(sources.code, sources.stderr).toBe(0);
      expect(json<SourceSummary[]>(sources.stdout)).toEqual([]);
      const { ATLAS_SEED: _, ...unset } = emptyEnv;
      const actors = await atlas(["actors", "--json"], unset);
      expect(actors.code, actors.stderr).toBe(0);
      expect(json<ActorSummary[]>(actors.stdout)).toEqual([]);
    } finally {
      rmSync(own, { recursive: true, force: true });
    }
  });
});
