// The API process: `tsx src/main.ts [--seed]`. Owns the database until stopped (Ctrl-C / SIGTERM).
import { AnnotationError, DatabaseLockedError } from "@atlas/data";
import { readApiEnv } from "./env.js";
import { startApi } from "./start.js";

// Signals are handled from the start, so a stop during start-up still closes the database.
let api: Awaited<ReturnType<typeof startApi>> | null = null;
let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await api?.close();
  process.exit(0);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);

try {
  const env = readApiEnv();
  api = await startApi({
    host: env.ATLAS_API_HOST,
    port: env.ATLAS_API_PORT,
    webOrigins: env.ATLAS_WEB_ORIGINS,
    ingestToken: env.ATLAS_INGEST_TOKEN,
    seed: process.argv.includes("--seed"),
    log: (line) => console.log(`api: ${line}`),
  });
  console.log(`api: Militia Atlas API on ${api.url} (${api.database.engine} at ${api.database.location})`);
  console.log(`api: try ${api.url}/api/search?q=Khazali — the OpenAPI document is at ${api.url}/api/openapi.json`);
} catch (e) {
  if (e instanceof AnnotationError || e instanceof DatabaseLockedError) console.error(`api: ${e.message}`);
  else console.error(`api: could not start: ${(e as Error).message}`);
  process.exit(1);
}
