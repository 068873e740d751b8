// @ts-check
// Starts the analysis worker (analyze-thread.ts): the TypeScript source, through tsx's loader,
// which a worker thread does not inherit from the thread that starts it.
import { register } from "tsx/esm/api";

register();
await import(new URL("./analyze-worker.ts", import.meta.url).href);
