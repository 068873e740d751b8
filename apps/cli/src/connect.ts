/**
 * Which way the data comes: the API over HTTP when one answers at ATLAS_API_URL, else the
 * embedded database opened in this process. Each path is loaded only when used; neither
 * imports this module, so data.ts, api-client.ts and embedded.ts form no cycle.
 */
import { withAnswers } from "./answer-cache.js";
import type { Atlas, Log } from "./data.js";
import { DataError } from "./errors.js";
import type { IngestToken } from "./token.js";

export interface ConnectOptions {
  apiUrl: string;
  /** Progress and the source used, for --verbose and the TUI's status line. */
  log?: Log;
  /** The token writes are sent with (ATLAS_TOKEN, else the shared one), looked up when first needed. */
  token?: () => (IngestToken & { shared: boolean }) | null;
}

type Probe = { answered: true } | { answered: false; why: string };

/** Is the Militia Atlas API at `url`? No answer → embedded; a wrong answer → an error. */
async function probe(url: string): Promise<Probe> {
  let res: Response;
  try {
    res = await fetch(`${url}/health`, { signal: AbortSignal.timeout(2000) });
  } catch (e) {
    const cause = (e as { cause?: { code?: string } }).cause;
    const why = (e as Error).name === "TimeoutError" ? "no answer within 2 s" : (cause?.code ?? (e as Error).message);
    return { answered: false, why };
  }
  const body = (await res.json().catch(() => null)) as { ok?: unknown } | null;
  if (!res.ok || body?.ok !== true) {
    throw new DataError(
      `Something answers at ${url} (GET /health → ${res.status}), but it is not the Militia Atlas API. ` +
        "Set ATLAS_API_URL to the API's address, or unset it to use the embedded database.",
    );
  }
  return { answered: true };
}

let early: { apiUrl: string; probe: Promise<Probe> } | null = null;

/**
 * Starts asking the API at `apiUrl`, so the answer comes behind other start-up work (the explorer
 * calls it before loading Ink). The next connect() to that URL uses this probe.
 */
export function prepareConnection(apiUrl: string): Promise<Probe> {
  if (early?.apiUrl === apiUrl) return early.probe;
  const started = probe(apiUrl);
  // Its failure is connect()'s to report.
  started.catch(() => {});
  early = { apiUrl, probe: started };
  return started;
}

export async function connect({ apiUrl, log = () => {}, token = () => null }: ConnectOptions): Promise<Atlas> {
  const started = prepareConnection(apiUrl);
  early = null;
  const found = await started;
  if (found.answered) {
    const { connectApi } = await import("./api-client.js");
    log(`using the API at ${apiUrl}`);
    return connectApi(apiUrl, token);
  }
  log(`no API at ${apiUrl} (${found.why}); opening the embedded database`);
  return withAnswers(async (onShutdown) => {
    const { openEmbedded } = await import("./embedded.js");
    return openEmbedded({ apiUrl, log, token, onShutdown });
  }, log);
}
