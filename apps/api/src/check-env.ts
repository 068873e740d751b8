// `node --import tsx apps/api/src/check-env.ts`: checks the API's environment and exits 1 naming
// what is wrong. `npm start` runs it before building anything, so a bad value stops it at once.
import { readApiEnv } from "./env.js";

try {
  readApiEnv();
} catch (e) {
  console.error(`api: ${(e as Error).message}`);
  process.exit(1);
}
