/**
 * scripts/pg.sh from a clone only root can enter (root's home, mode 700): the postgres user that
 * runs the server cannot reach into it, so the data lives in a directory of its own, and each
 * data directory gets its own superuser password. Runs as root with PostgreSQL installed.
 */
import { execFileSync } from "node:child_process";
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import postgres from "postgres";
import { describe, expect, it } from "vitest";
import { PACKAGE_DIR } from "../paths.js";

const script = join(PACKAGE_DIR, "..", "..", "scripts", "pg.sh");
const canRun = process.getuid?.() === 0 && existsSync("/usr/lib/postgresql");

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

describe.skipIf(!canRun)("scripts/pg.sh in a clone only root can enter", () => {
  it("starts a server the postgres user can run, with a password of its own, and stops it", async () => {
    const home = mkdtempSync(join(tmpdir(), "atlas-root-only-"));
    chmodSync(home, 0o700);
    const clone = join(home, "clone");
    mkdirSync(join(clone, "scripts"), { recursive: true });
    copyFileSync(script, join(clone, "scripts", "pg.sh"));
    const { PG_ROOT: _, ...inherited } = process.env;
    const env = { ...inherited, PG_PORT: String(await freePort()) };
    const run = (cmd: string) =>
      execFileSync("bash", [join(clone, "scripts", "pg.sh"), cmd], { env, encoding: "utf8" });
    let location: string | null = null;
    try {
      const url = run("start").trim();
      location = readFileSync(join(clone, ".data", "postgres", "location"), "utf8").trim();
      const password = decodeURIComponent(new URL(url).password);
      expect(password).toMatch(/^[A-Za-z0-9]{32}$/);
      expect(password).not.toBe("atlas");
      expect(statSync(join(location, "password")).mode & 0o777).toBe(0o600);
      const client = postgres(url, { max: 1, onnotice: () => {} });
      try {
        expect(await client`select 1 as one`).toEqual([{ one: 1 }]);
      } finally {
        await client.end();
      }
      expect(run("url").trim()).toBe(url);
    } finally {
      run("stop");
      if (location) rmSync(location, { recursive: true, force: true });
      rmSync(home, { recursive: true, force: true });
    }
  });
});
