/** The analysis worker's side (see analyze-thread.ts): runs what it is sent, reports progress, answers. */
import { parentPort, workerData } from "node:worker_threads";
import { findSuggestions, loadAnalysis, readDocument } from "./analyze.js";
import type { AnalysisMessage, AnalysisRequest } from "./analyze-thread.js";
import { IngestError } from "./errors.js";

const port = parentPort;
if (!port) throw new Error("analyze-worker.ts runs as a worker thread only.");

const send = (m: AnalysisMessage) => port.postMessage(m);

port.on("message", async (m: AnalysisRequest) => {
  const onProgress = (p: Parameters<NonNullable<Parameters<typeof readDocument>[2]>>[0]) =>
    send({ id: m.id, type: "progress", progress: p });
  try {
    const result =
      m.op === "read" ? await readDocument(m.content, m.given, onProgress) : await findSuggestions(m.input, onProgress);
    send({ id: m.id, type: "done", result });
  } catch (e) {
    const error = e as Error;
    send({
      id: m.id,
      type: "error",
      error: {
        message: error.message,
        ...(e instanceof IngestError ? { code: e.code, existingSourceId: e.existingSourceId } : {}),
      },
    });
  }
});

// A thread started ahead of an ingest (see keepAnalysisWarm) loads what the ingest will need while it
// waits. Should a module fail to load, the ingest that needs it loads it again and says why.
if ((workerData as { warm?: boolean } | undefined)?.warm) loadAnalysis().catch(() => {});
