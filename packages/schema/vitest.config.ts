import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { defineConfig } from "vitest/config";
import type { Vite } from "vitest/node";
import { reporting } from "../../vitest.shared.js";

// Vite is vitest's dependency, not ours: load the copy vitest runs on, for its default conditions.
const fromVitest = createRequire(createRequire(import.meta.url).resolve("vitest/package.json"));
const vite: typeof Vite = await import(pathToFileURL(fromVitest.resolve("vite")).href);

// "@atlas/source" first, so an import of @atlas/schema in a test runs the TypeScript source rather
// than a dist/ that may be stale or absent. Setting `conditions` replaces Vite's defaults, hence the
// spread. Tests run in Vite's server (SSR) environment, which reads `ssr.resolve.conditions`.
const SOURCE = "@atlas/source";

export default defineConfig({
  resolve: { conditions: [SOURCE, ...vite.defaultClientConditions] },
  ssr: { resolve: { conditions: [SOURCE, ...vite.defaultServerConditions] } },
  test: {
    ...reporting("schema"),
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["src/**/*.test.ts"],
          typecheck: { enabled: true, include: ["src/**/*.test-d.ts"], tsconfig: "./tsconfig.json" },
        },
      },
      {
        extends: true,
        test: {
          name: "consumer",
          include: ["test/**/*.test.ts"],
          // Builds, packs and installs from the registry: minutes on a cold machine, not seconds.
          testTimeout: 300_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
