// Bundles the CLI into dist/ with esbuild (a dependency of tsx): one ESM entry plus lazily
// loaded chunks (the explorer, the embedded database), so `atlas actors` does not load Ink and
// the explorer does not wait for the database code. Writes dist/build-info.json, which
// bin/atlas.js uses to tell whether the bundle is older than its sources.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const outdir = join(root, "dist");
const require = createRequire(import.meta.url);
const { build } = createRequire(require.resolve("tsx/package.json"))("esbuild");

const toDist = (file) => {
  const rel = relative(outdir, file).split("\\").join("/");
  return rel.startsWith(".") ? rel : `./${rel}`;
};

/**
 * PGlite loads its WebAssembly and data files, and pdf.js its worker, next to their own modules,
 * so they stay separate modules, imported by a path relative to dist/ (pnpm does not make them
 * resolvable from here).
 */
const nextToItselfExternal = {
  name: "next-to-itself-external",
  setup(b) {
    b.onResolve({ filter: /^(@electric-sql\/pglite|pdfjs-dist)(\/|$)/ }, async (args) => {
      if (args.pluginData === "external") return undefined;
      const r = await b.resolve(args.path, {
        kind: args.kind,
        resolveDir: args.resolveDir,
        importer: args.importer,
        pluginData: "external",
      });
      if (r.errors.length) return { errors: r.errors };
      return { path: toDist(r.path), external: true };
    });
  },
};

/**
 * Workspace code that finds files next to itself (@atlas/data's corpus, annotations and
 * migrations) keeps finding them: import.meta.url becomes the original file's URL, computed
 * relative to the bundle so the repository can move.
 */
const importMetaUrl = {
  name: "import-meta-url",
  setup(b) {
    b.onLoad({ filter: /\.(ts|tsx|mts)$/ }, (args) => {
      if (args.path.includes("node_modules")) return undefined;
      const source = readFileSync(args.path, "utf8");
      if (!source.includes("import.meta.url")) return undefined;
      const original = `new URL(${JSON.stringify(toDist(args.path))}, import.meta.url).href`;
      return {
        contents: source.replaceAll("import.meta.url", original),
        loader: args.path.endsWith("x") ? "tsx" : "ts",
      };
    });
  },
};

const started = Date.now();
rmSync(outdir, { recursive: true, force: true });
mkdirSync(outdir, { recursive: true });
const result = await build({
  absWorkingDir: root,
  entryPoints: { atlas: "src/cli.tsx" },
  outdir,
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  jsx: "automatic",
  conditions: ["@atlas/source"],
  // Ink loads React DevTools only when DEV=true; it is not installed.
  external: ["react-devtools-core"],
  plugins: [nextToItselfExternal, importMetaUrl],
  // The build names the code that computed the answers src/answer-cache.ts keeps.
  define: { "process.env.NODE_ENV": '"production"', __ATLAS_CLI_BUILD__: JSON.stringify(String(started)) },
  // Bundled CommonJS (React, commander, cli-table3…) calls require for Node's own modules.
  banner: {
    js: 'import { createRequire as __atlasCreateRequire } from "node:module"; const require = __atlasCreateRequire(import.meta.url);',
  },
  minify: true,
  legalComments: "none",
  metafile: true,
  logLevel: "warning",
});
const inputs = Object.keys(result.metafile.inputs)
  .filter((p) => !p.includes("node_modules") && !p.startsWith("<"))
  .map((p) => toDist(resolve(root, p)));
writeFileSync(
  join(outdir, "build-info.json"),
  `${JSON.stringify({ entry: "./atlas.js", builtAt: started, inputs }, null, 2)}\n`,
);
const bytes = Object.values(result.metafile.outputs).reduce((n, o) => n + o.bytes, 0);
console.log(
  `built dist/ (${Math.round(bytes / 1024)} KiB, ${inputs.length} source files) in ${Date.now() - started} ms`,
);
