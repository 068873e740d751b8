/**
 * Where an ingest does its thinking (analyze.ts): in-process, or on a worker thread of its own so
 * the thread that serves requests never waits for it. The API uses the thread. A step that runs
 * past its time limit is stopped with the worker and refused, so no document can occupy the
 * atlas indefinitely.
 */
import { Worker } from "node:worker_threads";
import { findSuggestions, type ReadDocument, readDocument } from "./analyze.js";
import { IngestError, type IngestErrorCode } from "./errors.js";
import type { SuggestInput, SuggestResult } from "./suggest/index.js";
import type { Draft, IngestMetadata, IngestProgress } from "./types.js";

type Progress = (p: IngestProgress) => void;
type Suggestable = Omit<SuggestInput, "onProgress" | "resolver">;

export interface Analyzer {
  read(content: Uint8Array | string, given: IngestMetadata, onProgress?: Progress): Promise<ReadDocument>;
  suggest(input: Suggestable, onProgress?: Progress): Promise<SuggestResult>;
  close(): Promise<void>;
}

export const inProcess: Analyzer = { read: readDocument, suggest: findSuggestions, close: async () => {} };

/**
 * How long each step may run on the thread, and the memory the thread's heap may take (a 15 MB
 * document needs under 1 GB), so a document that would exhaust the process stops its own thread
 * instead. Finding the suggestions grows with the text (about 10 s a MB on one idle core of this
 * 2-core machine, twice that while the atlas serves and writes), so its limit is a base and a
 * share per MB of text: three times what the largest document takes on a busy machine.
 */
export const TIME_LIMITS = { read: 60_000, suggest: 120_000, suggestPerMb: 60_000, memoryMb: 4096 } as const;
type Limits = { read: number; suggest: number; suggestPerMb: number; memoryMb: number };

/** The time the suggestions of a text may take (see TIME_LIMITS). */
export const suggestLimit = (limits: Limits, text: string) =>
  limits.suggest + Math.ceil((limits.suggestPerMb * Buffer.byteLength(text, "utf8")) / 1_000_000);

type Step = { op: "read"; content: Uint8Array | string; given: IngestMetadata } | { op: "suggest"; input: Suggestable };
export type AnalysisRequest = (Step & { id: number }) | { op: "more"; id: number };

export type AnalysisMessage =
  | { id: number; type: "progress"; progress: IngestProgress }
  /** Some of a step's suggestions, ahead of its answer (see DRAFTS_PER_MESSAGE). */
  | { id: number; type: "drafts"; drafts: Draft[] }
  | { id: number; type: "done"; result: unknown }
  | { id: number; type: "error"; error: { message: string; code?: IngestErrorCode; existingSourceId?: string } };

/**
 * A large document's suggestions cross to the serving thread a few at a time, each part sent when
 * the last one has been received: all at once (60,000 objects for 8 MB), they took that thread
 * 4 s to receive, serving nothing meanwhile, even split into messages (a thread receives every
 * message waiting for it in one go). A part takes milliseconds, between two requests.
 */
export const DRAFTS_PER_MESSAGE = 500;

const BOOT = new URL("./analyze-boot.js", import.meta.url);
// The workspace's packages are read from source, as in the thread that starts this one.
const execArgv = [...process.execArgv.filter((a) => !a.startsWith("--conditions")), "--conditions=@atlas/source"];

const boot = (warm: boolean, memoryMb: number = TIME_LIMITS.memoryMb) => {
  const w = new Worker(BOOT, { execArgv, workerData: { warm }, resourceLimits: { maxOldGenerationSizeMb: memoryMb } });
  w.unref();
  return w;
};

/**
 * A thread started before it is needed, its modules loaded, so an ingest does not wait seconds for
 * one to start (see keepAnalysisWarm). Still one thread per ingest: each takes the spare, and the
 * next spare starts when that ingest is done.
 */
let spare: Worker | null = null;
let keepWarm = false;
const refill = () => {
  if (!keepWarm || spare) return;
  const w = boot(true);
  spare = w;
  w.once("exit", () => {
    if (spare === w) spare = null;
  });
};

/** From now on keep one analysis thread ready for the next ingest (the API calls this once it listens). */
export function keepAnalysisWarm(): void {
  keepWarm = true;
  refill();
}

/** One worker for one ingest: started on first use, ended by `close()` (or by a step over its limit). */
export function analyzerThread(limits: Limits = TIME_LIMITS): Analyzer {
  let worker: Worker | null = null;
  let nextId = 1;
  const start = () => {
    // The spare has the usual limits; a thread with others is started for the purpose.
    if (limits.memoryMb !== TIME_LIMITS.memoryMb) return boot(false, limits.memoryMb);
    const w = spare ?? boot(false);
    spare = null;
    return w;
  };
  const run = <T>(request: Step, limit: number, onProgress?: Progress): Promise<T> => {
    worker ??= start();
    const w = worker;
    const id = nextId++;
    const drafts: Draft[] = [];
    return new Promise<T>((resolve, reject) => {
      const done = () => {
        clearTimeout(timer);
        w.off("message", onMessage);
        w.off("error", onError);
        w.off("exit", onExit);
      };
      const onMessage = (m: AnalysisMessage) => {
        if (m.id !== id) return;
        if (m.type === "progress") onProgress?.(m.progress);
        else if (m.type === "drafts") {
          drafts.push(...m.drafts);
          w.postMessage({ op: "more", id } satisfies AnalysisRequest);
        } else if (m.type === "done") {
          done();
          resolve((request.op === "suggest" ? { ...(m.result as SuggestResult), drafts } : m.result) as T);
        } else if (m.type === "error") {
          done();
          reject(
            m.error.code
              ? new IngestError(m.error.code, m.error.message, m.error.existingSourceId)
              : new Error(m.error.message),
          );
        }
      };
      const onError = (e: Error & { code?: string }) => {
        done();
        worker = null;
        reject(
          e.code === "ERR_WORKER_OUT_OF_MEMORY"
            ? new IngestError(
                "too_complex",
                `Analyzing the document needed more than the ${limits.memoryMb >= 1024 ? `${limits.memoryMb / 1024} GB` : `${limits.memoryMb} MB`} of memory an ingest may use, so it was stopped and nothing was added. Split it into smaller documents (one article each).`,
              )
            : e,
        );
      };
      const onExit = (code: number) => {
        done();
        worker = null;
        reject(new Error(`The ingest's analysis thread stopped (exit code ${code}).`));
      };
      const timer = setTimeout(() => {
        done();
        worker = null;
        void w.terminate();
        reject(
          new IngestError(
            "too_complex",
            `Analyzing the document took longer than ${Math.round(limit / 1000)} s, so it was stopped and nothing was added. Split it into smaller documents (one article each).`,
          ),
        );
      }, limit);
      w.on("message", onMessage);
      w.on("error", onError);
      w.on("exit", onExit);
      w.postMessage({ ...request, id } satisfies AnalysisRequest);
    });
  };
  return {
    read: (content, given, onProgress) => run({ op: "read", content, given }, limits.read, onProgress),
    suggest: (input, onProgress) => run({ op: "suggest", input }, suggestLimit(limits, input.text), onProgress),
    close: async () => {
      const w = worker;
      worker = null;
      await w?.terminate();
      refill();
    },
  };
}
