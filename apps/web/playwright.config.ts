/**
 * End-to-end tests against the BUILT app (`next build` — see scripts/test.mjs — then `next start`),
 * in Debian's Chromium. Playwright starts a seeded API in a temporary data directory and the web
 * app on their own test ports, so the suite runs alone from a clean checkout.
 */
import { defineConfig } from "@playwright/test";
import { API_PORT, TEST_INGEST_TOKEN, WEB_PORT } from "./tests/env";

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export default defineConfig({
  testDir: "./tests",
  outputDir: "./test-results",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  forbidOnly: Boolean(process.env.CI),
  // In CI, a test that fails is run once more; one that then passes is counted and NAMED as flaky in
  // the summary (scripts/test.mjs), so a timing that a loaded machine upsets is seen, not hidden.
  retries: process.env.CI ? 1 : 0,
  // With ATLAS_REPORT_DIR (set by `npm test`), also a JSON report the root script sums up.
  reporter: process.env.ATLAS_REPORT_DIR
    ? [["list"], ["json", { outputFile: `${process.env.ATLAS_REPORT_DIR}/web.json` }]]
    : [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${WEB_PORT}`,
    // Each worker is a reader of its own, as behind a reverse proxy: the API's one-ingest-per-client
    // limit then holds per reader, not across the two workers' tests.
    extraHTTPHeaders: { "x-forwarded-for": `10.0.0.${process.pid % 250}` },
    browserName: "chromium",
    launchOptions: {
      executablePath: chromium,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  webServer: [
    {
      name: "api",
      // With the document whose suggestions of every kind tests/review-kinds.spec.ts reviews.
      command: "node scripts/start-api.mjs --review-fixture",
      url: `http://127.0.0.1:${API_PORT}/health`,
      env: {
        ATLAS_API_HOST: "127.0.0.1",
        ATLAS_API_PORT: String(API_PORT),
        ATLAS_WEB_ORIGINS: `http://127.0.0.1:${WEB_PORT}`,
        // The first admin ("admin") has a test token; tests sign in with it (tests/signed-in.ts).
        ATLAS_INGEST_TOKEN: TEST_INGEST_TOKEN,
      },
      timeout: 120_000,
      reuseExistingServer: false,
      gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
      stdout: "ignore",
      stderr: "pipe",
    },
    {
      name: "web",
      command: `node server.mjs --hostname 127.0.0.1 --port ${WEB_PORT}`,
      // A static file: ready as soon as the server is, without depending on the API.
      url: `http://127.0.0.1:${WEB_PORT}/icon.svg`,
      env: {
        ATLAS_API_URL: `http://127.0.0.1:${API_PORT}`,
        NEXT_TELEMETRY_DISABLED: "1",
      },
      timeout: 120_000,
      reuseExistingServer: false,
      gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
      stdout: "ignore",
      stderr: "pipe",
    },
  ],
});
