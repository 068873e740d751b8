/**
 * Opening the database, optionally seeding it, and listening: shared by `main.ts` (the API
 * process), the root start script and the tests that run the real server.
 */
import type { AddressInfo } from "node:net";
import {
  curatedStart,
  type Database,
  ensureCorpus,
  keepAnalysisWarm,
  type OpenOptions,
  openDatabase,
  readEnv,
  registerSharedToken,
  type SeedMode,
} from "@atlas/data";
import { createServer } from "./server.js";

export interface StartOptions {
  host: string;
  port: number;
  webOrigins: string[];
  /** The shared write token (npm start's): registered as the first admin's when first seen. */
  ingestToken?: string | undefined;
  /** Stop a read statement that runs longer than this (see OpenOptions.statementTimeoutMs). */
  statementTimeoutMs?: number;
  /**
   * Seed the curated dataset first when the database does not already hold it — unless the
   * atlas is kept empty (ATLAS_SEED=none, or a database created so; see `seedModeOf`).
   */
  seed?: boolean;
  /** Overrides ATLAS_SEED (tests). */
  seedMode?: SeedMode;
  database?: OpenOptions;
  log?: (line: string) => void;
}

export interface StartedApi {
  url: string;
  database: Database;
  close(): Promise<void>;
}

export async function startApi(options: StartOptions): Promise<StartedApi> {
  const log = options.log ?? (() => {});
  // A new embedded database that gets the curated dataset starts from a snapshot holding it.
  const start = options.seed && (options.seedMode ?? readEnv().seed) !== "none" ? curatedStart() : undefined;
  // The embedded engine works on its own thread, so this one keeps answering while it does.
  const database = await openDatabase({
    thread: true,
    statementTimeoutMs: options.statementTimeoutMs,
    seed: start?.seed,
    ...options.database,
  });
  try {
    if (options.seed) {
      const report = await ensureCorpus(database, { seed: options.seedMode, dataset: start?.built() });
      log(
        report.mode === "none"
          ? "an empty atlas (ATLAS_SEED=none): the curated dataset is not written"
          : report.skipped
            ? "database already holds the curated dataset"
            : `seeded the curated dataset in ${Math.round(report.ms)} ms`,
      );
    }
    // The shared token (npm start's .data/ingest-token, or ATLAS_INGEST_TOKEN) is the first admin's.
    if (options.ingestToken) {
      const admin = await registerSharedToken(database.db, options.ingestToken);
      log(
        admin
          ? `writes: ATLAS_INGEST_TOKEN is the token of reviewer "${admin.name}" (admin)`
          : "writes: ATLAS_INGEST_TOKEN was revoked; it writes nothing",
      );
    }
    const server = createServer({ database, webOrigins: options.webOrigins });
    await new Promise<void>((resolve, reject) => {
      server.once("error", (e: NodeJS.ErrnoException) =>
        reject(
          e.code === "EADDRINUSE"
            ? new Error(`Port ${options.port} on ${options.host} is in use: stop what holds it, or set ATLAS_API_PORT.`)
            : e,
        ),
      );
      server.listen(options.port, options.host, resolve);
    });
    const { port } = server.address() as AddressInfo;
    // The next ingest's analysis thread starts now, not when a reader waits for it.
    keepAnalysisWarm();
    const url = `http://${options.host}:${port}`;
    return {
      url,
      database,
      close: async () => {
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await database.close();
      },
    };
  } catch (e) {
    await database.close();
    throw e;
  }
}
