/** The analysis worker's side (see analyze-thread.ts): runs what it is sent, reports progress, answers. */
import { parentPort, workerData } from "node:worker_threads";
import { findSuggestions, loadAnalysis, readDocument } from "./analyze.js";
import { type AnalysisMessage, type AnalysisRequest, DRAFTS_PER_MESSAGE } from "./analyze-thread.js";
import { IngestError } from "./errors.js";

const port = parentPort;
if (!port) throw new Error("analyze-worker.ts runs as a worker thread only.");

const send = (m: AnalysisMessage) => port.postMessage(m);
/** Steps waiting for the serving thread to ask for their next part of suggestions. */
const asked = new Map<number, () => void>();

port.on("message", async (m: AnalysisRequest) => {
  if (m.op === "more") {
    asked.get(m.id)?.();
    return;
  }
  const onProgress = (p: Parameters<NonNullable<Parameters<typeof readDocument>[2]>>[0]) =>
    send({ id: m.id, type: "progress", progress: p });
  try {
    if (m.op === "read") {
      send({ id: m.id, type: "done", result: await readDocument(m.content, m.given, onProgress) });
    } else {
      // The suggestions go in parts, each when the last is received, and the answer after them
      // (see DRAFTS_PER_MESSAGE).
      const { drafts, warnings } = await findSuggestions(m.input, onProgress);
      for (let i = 0; i < drafts.length; i += DRAFTS_PER_MESSAGE) {
        const received = new Promise<void>((resolve) => asked.set(m.id, resolve));
        send({ id: m.id, type: "drafts", drafts: drafts.slice(i, i + DRAFTS_PER_MESSAGE) });
        await received;
      }
      asked.delete(m.id);
      send({ id: m.id, type: "done", result: { drafts: [], warnings } });
    }
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
