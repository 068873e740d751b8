// The API process: `node --import tsx src/main.ts [--seed]`. Owns the database until stopped (Ctrl-C / SIGTERM).
import type { StartedApi } from "./start.js";

// Signals are handled before anything else loads. A stop during start-up waits for the start to
// finish (or fail), then closes the database, so the lock file never outlives the process; if
// start-up hangs, the process exits anyway and the lock goes with it (it is removed on exit).
let starting: Promise<StartedApi | null> | null = null;
let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  setTimeout(() => process.exit(1), 30_000).unref();
  const api = await starting;
  await api?.close();
  process.exit(0);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);

const [{ AnnotationError, DatabaseLockedError }, { readApiEnv }, { startApi }] = await Promise.all([
  import("@atlas/data"),
  import("./env.js"),
  import("./start.js"),
]);

starting = (async () => {
  try {
    const env = readApiEnv();
    const api = await startApi({
      host: env.ATLAS_API_HOST,
      port: env.ATLAS_API_PORT,
      webOrigins: env.ATLAS_WEB_ORIGINS,
      ingestToken: env.ATLAS_INGEST_TOKEN,
      statementTimeoutMs: env.ATLAS_STATEMENT_TIMEOUT_MS,
      seed: process.argv.includes("--seed"),
      log: (line) => console.log(`api: ${line}`),
    });
    if (!stopping) {
      console.log(`api: Militia Atlas API on ${api.url} (${api.database.engine} at ${api.database.location})`);
      console.log(`api: try ${api.url}/api/search?q=Khazali — the OpenAPI document is at ${api.url}/api/openapi.json`);
    }
    return api;
  } catch (e) {
    if (e instanceof AnnotationError || e instanceof DatabaseLockedError) console.error(`api: ${e.message}`);
    else console.error(`api: could not start: ${(e as Error).message}`);
    if (!stopping) process.exit(1);
    return null;
  }
})();
