/**
 * One owner per PGlite data directory. PGlite has no cross-process lock: a second process can
 * open the same directory and corrupt it. The owner writes `atlas.lock` (pid, command, time)
 * atomically; another process is refused with a message naming the holder. A lock whose
 * process is gone is stale and taken over.
 */
import { closeSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import { join } from "node:path";

export interface LockInfo {
  pid: number;
  command: string;
  since: string;
}

export class DatabaseLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: LockInfo,
  ) {
    super(
      `The embedded database at ${dataDir} is in use by process ${holder.pid} (${holder.command}, since ${holder.since}). ` +
        "Only one process may open it. Stop that process, or talk to it instead (the API server owns the database: " +
        "set ATLAS_API_URL to reach it), or point this process at another data directory with ATLAS_DATA_DIR, " +
        "or at PostgreSQL with DATABASE_URL.",
    );
    this.name = "DatabaseLockedError";
  }
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
};

export const lockPath = (dataDir: string) => join(dataDir, "atlas.lock");

export function readLock(dataDir: string): LockInfo | null {
  try {
    return JSON.parse(readFileSync(lockPath(dataDir), "utf8")) as LockInfo;
  } catch {
    return null;
  }
}

/** Takes the lock or throws DatabaseLockedError; returns the release function. */
export function acquireLock(dataDir: string): () => void {
  const path = lockPath(dataDir);
  const info: LockInfo = {
    pid: process.pid,
    command: process.argv.slice(1, 3).join(" ") || process.argv0,
    since: new Date().toISOString(),
  };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, "wx", 0o600);
      writeSync(fd, JSON.stringify(info));
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        if (readLock(dataDir)?.pid === process.pid) rmSync(path, { force: true });
        process.off("exit", release);
      };
      process.on("exit", release);
      return release;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      const holder = readLock(dataDir);
      if (holder && holder.pid !== process.pid && alive(holder.pid)) throw new DatabaseLockedError(dataDir, holder);
      if (holder?.pid === process.pid) {
        throw new DatabaseLockedError(dataDir, { ...holder, command: `${holder.command} — this same process` });
      }
      rmSync(path, { force: true }); // stale: its process is gone
    }
  }
  throw new Error(`Could not take the lock ${path}`);
}
