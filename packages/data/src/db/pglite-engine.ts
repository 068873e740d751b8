/**
 * PGlite's engine, loaded once per process and, when asked early, ahead of need. Left to itself,
 * PGlite.create reads its WebAssembly (9 MB) and its file-system bundle (6 MB) and compiles the
 * former only when called: a tenth of a second spent before PostgreSQL starts. `pgliteEngine()`
 * starts the reading and the compiling (on V8's background threads) and returns the options
 * PGlite.create takes for them (`pgliteWasmModule`, `fsBundle`). openDatabase uses it, so a
 * caller that calls it earlier (the CLI, while it asks whether an API answers) gets that work
 * done behind its own. Kept apart from the rest of the package so calling it loads nothing else.
 */
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

export interface PgliteEngine {
  pgliteWasmModule: WebAssembly.Module;
  fsBundle: Blob;
}

/** TypeScript's ES libraries declare WebAssembly's types but not its functions (the DOM library does). */
const wasm = (globalThis as unknown as { WebAssembly: { compile(bytes: Uint8Array): Promise<WebAssembly.Module> } })
  .WebAssembly;

let loading: Promise<PgliteEngine> | null = null;

async function load(): Promise<PgliteEngine> {
  // PGlite's own files, next to its entry module (its package exports neither).
  const dist = dirname(createRequire(import.meta.url).resolve("@electric-sql/pglite"));
  const [code, data] = await Promise.all([readFile(join(dist, "pglite.wasm")), readFile(join(dist, "pglite.data"))]);
  return { pgliteWasmModule: await wasm.compile(code), fsBundle: new Blob([data]) };
}

/** PGlite's compiled WebAssembly and file-system bundle; the first call starts loading them. */
export function pgliteEngine(): Promise<PgliteEngine> {
  if (!loading) {
    loading = load();
    // A failure (a missing file) is reported by the open that awaits it; a later call tries again.
    loading.catch(() => {
      loading = null;
    });
  }
  return loading;
}
