/**
 * Answers of the embedded database kept between runs, for the read the first screen needs: the
 * actor list (`atlas actors`, the explorer's first screen, `atlas | cat`). When nothing can have
 * changed since they were read, they are given without opening PGlite, which costs half a second
 * or more before the first query (PostgreSQL's start-up, compiled to WebAssembly). Everything
 * else opens the database as before, and so does the actor list when the answers are not current.
 *
 * An answer is current when its key still holds. The key names everything it depends on:
 * - the database files: PostgreSQL rewrites global/pg_control whenever it starts and whenever it
 *   shuts down, so a process that opened the database since — to write or only to read — changed
 *   that file's modification and change time (nanoseconds; the change time cannot be set back)
 *   and, if it replaced the file or the directory, its inode. The key holds the file's device,
 *   inode, size and both times, read after the session that read the answers closed the database;
 * - what opening would change first: @atlas/data's files (a changed curated dataset is seeded on
 *   open), its migrations (applied on open), ATLAS_SEED;
 * - the code that computed them: the bundle's build. Run from source, nothing is kept.
 * Answers are written only by a session that wrote nothing (a record made in the explorer would
 * make what it read before stale), after it closed the database, atomically (rename), mode 600,
 * beside the database. PostgreSQL (DATABASE_URL), which other processes write, is never cached.
 */
import { readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { readEnv } from "@atlas/data/env";
import type { ActorPage, Atlas, Log } from "./data.js";
import { dataPackageFingerprint, migrationsFingerprint } from "./data-files.js";

/** The bundle's build time, set by scripts/build.mjs; undefined when running from source. */
declare const __ATLAS_CLI_BUILD__: string | undefined;

const FILE = "cli-answers.json";
/** Distinct actor-list questions kept (each sort and filter is one). */
const MAX_ANSWERS = 32;

interface Stored {
  key: string;
  actors: Record<string, ActorPage>;
}

/** The key's parts that must be the same when the answers are used as when they were read. */
function sessionKey(): string | null {
  const build = typeof __ATLAS_CLI_BUILD__ === "string" ? __ATLAS_CLI_BUILD__ : null;
  if (!build) return null;
  return JSON.stringify([build, dataPackageFingerprint(), migrationsFingerprint(), process.env.ATLAS_SEED ?? ""]);
}

/** The database files as they are now, or null when there is no database there yet. */
function filesKey(dataDir: string): string | null {
  try {
    const s = statSync(join(dataDir, "pgdata", "global", "pg_control"), { bigint: true });
    return [s.dev, s.ino, s.size, s.mtimeNs, s.ctimeNs].join(":");
  } catch {
    return null;
  }
}

/** The answers last read, by directory and key: the explorer asks whether they hold, then uses them. */
let lastRead: { dataDir: string; key: string; actors: Stored["actors"] } | null = null;

function readStored(dataDir: string, key: string): Stored["actors"] {
  if (lastRead?.dataDir === dataDir && lastRead.key === key) return lastRead.actors;
  let actors: Stored["actors"] = {};
  try {
    const stored = JSON.parse(readFileSync(join(dataDir, FILE), "utf8")) as Stored;
    if (stored.key === key) actors = stored.actors;
  } catch {
    // none yet, or unreadable: the database answers
  }
  lastRead = { dataDir, key, actors };
  return actors;
}

function writeStored(dataDir: string, stored: Stored) {
  const path = join(dataDir, FILE);
  const partial = `${path}.${process.pid}.partial`;
  try {
    writeFileSync(partial, JSON.stringify(stored), { mode: 0o600 });
    renameSync(partial, path);
  } catch {
    // A read-only directory only means the next run opens the database.
  }
}

const answersKey = (session: string, files: string) => JSON.stringify([session, files]);

/** Whether the last run kept an actor list that still holds: then connecting opens no database. */
export function keptActorList(): boolean {
  const { databaseUrl, dataDir } = readEnv();
  const session = databaseUrl ? null : sessionKey();
  const files = session ? filesKey(dataDir) : null;
  return session !== null && files !== null && Object.keys(readStored(dataDir, answersKey(session, files))).length > 0;
}

const questionOf = (input: Parameters<Atlas["actors"]>[0]) => JSON.stringify(input);

/**
 * The embedded database behind its kept answers. `open` opens it (openEmbedded), calling
 * `onShutdown` when it has shut down but not yet let go of the directory; it is called at once
 * when no answer is current, else when a question the answers do not hold comes (or `warm`).
 */
export async function withAnswers(open: (onShutdown: () => void) => Promise<Atlas>, log: Log): Promise<Atlas> {
  const { databaseUrl, dataDir } = readEnv();
  if (databaseUrl) return open(() => {});
  const session = sessionKey();
  const filesAtStart = session ? filesKey(dataDir) : null;
  const kept = session && filesAtStart ? readStored(dataDir, answersKey(session, filesAtStart)) : {};
  /** Answers the database gave this session: what is kept for the next. */
  const fresh: Record<string, ActorPage> = {};
  /** Whether this session asked for anything that may write (then nothing it read is kept). */
  let mayHaveWritten = false;
  /** The database files as this session left them, read before another process can open them. */
  let filesAtShutdown: string | null = null;
  let opening: Promise<Atlas> | null = null;
  let current: Atlas | null = null;
  const opened = () => {
    opening ??= open(() => {
      filesAtShutdown = filesKey(dataDir);
    }).then((atlas) => {
      current = atlas;
      return atlas;
    });
    return opening;
  };
  if (Object.keys(kept).length === 0) await opened();
  else log(`the actor list as read before from the embedded database at ${dataDir}, which has not changed since`);
  const writing = async () => {
    mayHaveWritten = true;
    return opened();
  };

  /** The kept questions asked again after `warm` opened the database (close waits for it). */
  let warming: Promise<void> | null = null;

  const close = async () => {
    if (!opening) return; // nothing opened: the kept answers still hold
    await warming;
    const atlas = await opening.catch(() => null);
    if (!atlas) return;
    await atlas.close();
    // Only what this session read, under the lock: answers kept from before are not carried
    // over, since the database may have changed between their check and this session's open.
    const questions = Object.keys(fresh).slice(-MAX_ANSWERS);
    if (mayHaveWritten || !session || !filesAtShutdown || questions.length === 0) return;
    writeStored(dataDir, {
      key: answersKey(session, filesAtShutdown),
      actors: Object.fromEntries(questions.map((q) => [q, fresh[q] as ActorPage])),
    });
  };

  return {
    get via() {
      return current?.via ?? { kind: "embedded", engine: "pglite", location: dataDir, seeded: false };
    },
    actors: async (input) => {
      const question = questionOf(input);
      const answer = kept[question];
      if (answer) return answer;
      const page = await (await opened()).actors(input);
      fresh[question] = page;
      return page;
    },
    actor: async (id) => (await opened()).actor(id),
    events: async (input) => (await opened()).events(input),
    event: async (id) => (await opened()).event(id),
    claims: async (input) => (await opened()).claims(input),
    claim: async (id) => (await opened()).claim(id),
    contradictions: async (input) => (await opened()).contradictions(input),
    sources: async (input) => (await opened()).sources(input),
    source: async (id) => (await opened()).source(id),
    search: async (input) => (await opened()).search(input),
    paths: async (input) => (await opened()).paths(input),
    dossier: async (id) => (await opened()).dossier(id),
    dossierMarkdown: async (id) => (await opened()).dossierMarkdown(id),
    exportAs: async (input) => (await opened()).exportAs(input),
    ingestedDocuments: async () => (await opened()).ingestedDocuments(),
    suggestions: async (input) => (await opened()).suggestions(input),
    ingest: async (input, onProgress) => (await writing()).ingest(input, onProgress),
    importFile: async (input, onProgress) => (await writing()).importFile(input, onProgress),
    accept: async (input) => (await writing()).accept(input),
    reject: async (input) => (await writing()).reject(input),
    acceptAll: async (input) => (await writing()).acceptAll(input),
    // Workbench reads are given the procedures that write too: counted as writes.
    write: async (what, fn) => (await writing()).write(what, fn),
    read: async (what, fn) => (await writing()).read(what, fn),
    warm: () => {
      // Once open, the kept questions are asked again, so what this session keeps for the next
      // is read under its lock. A failure is the next question's to report.
      warming ??= opened()
        .then(async (atlas) => {
          for (const question of Object.keys(kept)) {
            if (!(question in fresh)) fresh[question] = await atlas.actors(JSON.parse(question));
          }
        })
        .catch(() => {});
    },
    close,
  };
}
