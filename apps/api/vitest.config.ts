import { defineConfig } from "vitest/config";
import { reporting } from "../../vitest.shared.js";

// Vite's default server conditions, with the workspace's source condition first so tests run
// against TypeScript source without a build.
const conditions = ["@atlas/source", "module", "node", "development|production"];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions } },
  test: {
    ...reporting("api"),
    include: ["src/**/*.test.ts"],
    // PGlite's initdb takes seconds, more when test files run in parallel on two cores.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
