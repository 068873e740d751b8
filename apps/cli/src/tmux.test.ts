/**
 * The real binary in a real terminal: tmux gives it a TTY of a known size; keys go in with
 * send-keys and the screen comes back with capture-pane. Its own tmux server (-L) and data
 * directory, so nothing else is touched.
 */
import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { atlas, BIN, childEnv, closedPort, tempDir } from "./testing/binary.js";
import { waitFor } from "./testing/wait.js";

const SOCKET = `atlas-cli-test-${process.pid}`;
// The tmux server keeps the environment of the command that started it, and every session inherits
// it: what would change the screen under test (colour turned off by CI's FORCE_COLOR=0 or
// NO_COLOR, a PostgreSQL DATABASE_URL) is left out; a session sets what it needs.
const TMUX_ENV: NodeJS.ProcessEnv = Object.fromEntries(
  Object.entries(process.env).filter(
    ([k]) => !["NO_COLOR", "FORCE_COLOR", "CLICOLOR", "CLICOLOR_FORCE", "DATABASE_URL", "COLUMNS", "LINES"].includes(k),
  ),
);
const tmux = (...args: string[]) =>
  execFileSync("tmux", ["-L", SOCKET, "-f", "/dev/null", ...args], { encoding: "utf8", env: TMUX_ENV });
const screen = (target: string, escapes = false) =>
  tmux("capture-pane", "-p", ...(escapes ? ["-e"] : []), "-t", target).replace(/\n+$/, "");

let dataDir: string;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  try {
    execFileSync("tmux", ["-V"]);
  } catch {
    throw new Error("tmux is not installed; this test needs it (Debian: apt-get install -y tmux)");
  }
  // A session that outlives the tests keeps the server up between them (it exits when empty).
  tmux("new-session", "-d", "-s", "keep", "sleep 3600");
  dataDir = tempDir("tmux");
  env = childEnv({ dataDir, apiUrl: `http://127.0.0.1:${await closedPort()}` });
  // Create and seed the database first, so the explorer's start is what is measured below.
  const seeded = await atlas(["sources", "--json"], env);
  expect(seeded.code).toBe(0);
});

afterAll(() => {
  try {
    // tmux leaves its socket file behind when the server is killed.
    const socketPath = tmux("display-message", "-p", "-t", "keep", "#{socket_path}").trim();
    tmux("kill-server");
    rmSync(socketPath, { force: true });
  } catch {
    // No server left to kill.
  }
  rmSync(dataDir, { recursive: true, force: true });
});

/**
 * Runs `atlas` in a detached session for the length of `fn`; the shell reports its exit code when
 * it ends. The session is always torn down, so a failure cannot leave the database held.
 */
async function inSession(
  name: string,
  extra: Record<string, string>,
  fn: (t: ReturnType<typeof session>) => Promise<void>,
): Promise<void> {
  const t = session(name, extra);
  try {
    await fn(t);
  } finally {
    try {
      tmux("kill-session", "-t", name);
    } catch {
      // Already gone.
    }
  }
}

function session(name: string, extra: Record<string, string> = {}) {
  const vars = {
    ATLAS_DATA_DIR: dataDir,
    ATLAS_API_URL: env.ATLAS_API_URL ?? "",
    TERM: "xterm-256color",
    ...extra,
  };
  tmux(
    "new-session",
    "-d",
    "-s",
    name,
    "-x",
    "100",
    "-y",
    "30",
    ...Object.entries(vars).flatMap(([k, v]) => ["-e", `${k}=${v}`]),
    `'${process.execPath}' '${BIN}'; echo "EXITED $?"; sleep 60`,
  );
  const shows = (text: string, timeout = 20_000) =>
    waitFor(() => {
      expect(screen(name)).toContain(text);
      return screen(name);
    }, timeout);
  const keys = (...k: string[]) => tmux("send-keys", "-t", name, ...k);
  return { shows, keys };
}

describe("atlas in a terminal", () => {
  it("searches, opens Kataib Hezbollah, shows its profile; finds Khazali by a misspelling and shows his aliases", () =>
    inSession("browse", {}, async (t) => {
      const first = await t.shows("Actors (");
      const rows = first.split("\n");
      expect(rows[0]).toMatch(/^Militia Atlas {2}1 Actors {2}2 Events .*embedded pglite$/);
      expect(rows).toHaveLength(30);
      expect(rows[29]).toBe("↑↓/jk move  Enter open  Esc back  Tab pane  / search  ? help  q quit");

      t.keys("/");
      await t.shows("Search: █");
      t.keys("-l", "Kataib Hezbollah");
      t.keys("Enter");
      await t.shows("Search · “Kataib Hezbollah”");
      t.keys("Enter");
      const profile = await t.shows("Actor · Kataib Hezbollah");
      expect(profile).toContain("armed group · kataib-hezbollah");
      expect(profile).toMatch(/Aliases \(\d+\)/);
      // Its names (with those attested outside the documents) fill the first page; then its relations.
      t.keys("Space");
      const relations = await t.shows("→ backed by Iran");
      expect(relations).toMatch(/Relations \(\d+\)/);

      t.keys("Escape");
      await t.shows("Search · “Kataib Hezbollah”");
      t.keys("/");
      t.keys("BSpace");
      await t.shows("Search: Kataib Hezbolla█");
      for (let i = 0; i < 20; i++) t.keys("BSpace");
      t.keys("-l", "Khalazi");
      t.keys("Enter");
      await t.shows("Search · “Khalazi”");
      t.keys("Enter");
      const khazali = await t.shows("Actor · Qais al-Khazali");
      expect(khazali).toMatch(/Aliases \(\d+\)/);
      expect(khazali).toContain("Qais al-Khalazi  misspelling");

      t.keys("q");
      await t.shows("EXITED 0");
    }));

  it("adapts when the terminal is resized", () =>
    inSession("resize", {}, async (t) => {
      await t.shows("Actors (");
      tmux("resize-window", "-t", "resize", "-x", "80", "-y", "24");
      const small = await waitFor(() => {
        const rows = screen("resize").split("\n");
        // All checked on one capture: the terminal may be caught between two frames.
        expect(rows).toHaveLength(24);
        expect(rows[0]).toMatch(/^Militia Atlas {2}1 Actors/);
        expect(rows[1]).toMatch(/^Actors \(\d+\) · sorted by name · s to change +1\/\d+$/);
        expect(rows[23]).toBe("↑↓/jk move  Enter open  Esc back  Tab pane  / search  ? help  q quit");
        return rows;
      }, 10_000);
      for (const row of small) expect(Array.from(row).length).toBeLessThanOrEqual(80);
      t.keys("q");
      await t.shows("EXITED 0");
    }));

  it("marks a span of a document by keys and makes a claim of it, written under the reviewer's name", async () => {
    const made = await atlas(["reviewers", "add", "ana", "--admin", "--json"], env);
    expect(made.code).toBe(0);
    const { token } = JSON.parse(made.stdout) as { token: string };
    const SOURCE = "2015-inside-iraqs-iranian-backed-militias";
    let claimId = "";
    await inSession("mark", { ATLAS_TOKEN: token }, async (t) => {
      await t.shows("Actors (");
      t.keys("4");
      await t.shows("Sources (");
      t.keys("Enter");
      await t.shows("Read the document");
      t.keys("Enter");
      await t.shows("Reader · Inside Iraq's Iranian-Backed Militias");
      await t.shows("↑↓/jk scroll  m mark words");
      // m: a word cursor on the first line of the text; m again starts the span there; l/→ extend it.
      t.keys("m");
      await t.shows("m start here");
      t.keys("m", "l", "Right", "l");
      await t.shows("Marking “Inside Iraq's Iranian-Backed Militias” (4 words)");
      t.keys("Enter");
      await t.shows("Make it:  c claim");
      t.keys("c");
      // The claimant is the first actor the document mentions inside the span, the statement its words.
      const form = await t.shows("→ Iraq (iraq)");
      expect(form).toContain("  Statement   Inside Iraq's Iranian-Backed Militias");
      t.keys("Tab");
      await t.shows("‹ asserts ›");
      t.keys("c");
      await t.shows("‹ characterizes ›");
      t.keys("Enter");
      const done = await t.shows("o opens it");
      const [, id] = /Written by ana: claim (\S+)/.exec(done) ?? [];
      expect(id).toBeTruthy();
      claimId = id ?? "";
      t.keys("o");
      await t.shows("Claim ·");
      t.keys("q");
      await t.shows("EXITED 0");
    });
    // The binary, after the explorer let go of the database: the claim is there, with those words, by ana.
    const history = await atlas(["history", claimId, "--json"], env);
    expect(history.code).toBe(0);
    const entries = (JSON.parse(history.stdout) as { entries: { reviewer: string; action: string; after: unknown }[] })
      .entries;
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ reviewer: "ana", action: "created" });
    expect(JSON.stringify(entries[0]?.after)).toContain("Inside Iraq's Iranian-Backed Militias");
    const claims = await atlas(["claims", "--source", SOURCE, "--json"], env);
    const claim = (JSON.parse(claims.stdout) as { id: string; stance: string; claimantId?: string }[]).find(
      (c) => c.id === claimId,
    );
    expect(claim).toMatchObject({ stance: "characterizes" });
    // Four processes open the database one after another (about 35 s on an idle machine).
  }, 240_000);

  it("without colour (NO_COLOR) marks what colour would show, and writes no colour codes", () =>
    inSession("plain", { NO_COLOR: "1" }, async (t) => {
      await t.shows("Actors (");
      expect(screen("plain")).toMatch(/^Militia Atlas \[1 Actors\] 2 Events/);
      // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for colour codes is the point
      expect(screen("plain", true)).not.toMatch(/\u001B\[[0-9;]*3[0-9]m/);
      t.keys("q");
      await t.shows("EXITED 0");
    }));
});
