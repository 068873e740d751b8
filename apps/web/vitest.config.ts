import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import { reporting } from "../../vitest.shared.js";

// The pure code behind the pages (src/lib): no browser, no build. Playwright (tests/) keeps what
// needs one. Vite's default server conditions, with the workspace's source condition first so
// tests run against TypeScript source without a build; "@/" is the app's own src/, as in tsconfig.
const conditions = ["@atlas/source", "module", "node", "development|production"];

export default defineConfig({
  resolve: { conditions, alias: { "@/": fileURLToPath(new URL("./src/", import.meta.url)) } },
  ssr: { resolve: { conditions } },
  test: {
    ...reporting("web-unit"),
    include: ["src/**/*.test.ts", "server/**/*.test.ts"],
  },
});
