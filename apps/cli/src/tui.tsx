/**
 * Starting the explorer. On a terminal: the alternate screen, the first frame at once, the data
 * connected behind it (or, when the actor list kept by the last run still holds, the list as the
 * first frame: answer-cache.ts). Without one (a pipe, a script): the first screen rendered once as text
 * and exit — never raw mode, never an error about it.
 */
import { render, renderToString, useApp } from "ink";
import { useEffect, useState } from "react";
import { keptActorList } from "./answer-cache.js";
import { App } from "./app.js";
import { connect, prepareConnection } from "./connect.js";
import type { Atlas } from "./data.js";
import { DataError } from "./errors.js";
import { type Cache, load } from "./resources.js";
import type { Theme } from "./theme.js";
import type { IngestToken } from "./token.js";

export interface TuiOptions {
  apiUrl: string;
  theme: Theme;
  log: (line: string) => void;
  /** The token writes are sent with (ATLAS_TOKEN, else the shared one). */
  token: () => (IngestToken & { shared: boolean }) | null;
}

const ENTER_ALT_SCREEN = "\u001B[?1049h";
const LEAVE_ALT_SCREEN = "\u001B[?1049l";

/** One frame of the first screen, as text: what `atlas | cat` shows. */
async function snapshot({ apiUrl, theme, log }: TuiOptions): Promise<number> {
  const atlas = await connect({ apiUrl, log });
  try {
    const loaded = await load(atlas, { kind: "actors" });
    const columns = process.stdout.columns || 80;
    const rows = process.stdout.rows || 24;
    const frame = renderToString(
      <App
        atlas={atlas}
        theme={theme}
        size={{ columns, rows }}
        cache={new Map([["actors", { status: "ready", loaded }]])}
      />,
      { columns },
    );
    process.stdout.write(`${frame}\n`);
    return 0;
  } finally {
    await atlas.close();
  }
}

export async function runTui(options: TuiOptions): Promise<number> {
  if (!process.stdin.isTTY || !process.stdout.isTTY) return snapshot(options);

  // The first frame is drawn first; connecting (loading the HTTP client or the database code,
  // opening the database) starts right after it and runs behind it. But when no API answers and
  // the last run kept the actor list (answer-cache.ts), connecting needs no database: it is done
  // first, and the first frame shows the list.
  const found = await prepareConnection(options.apiUrl).catch(() => null);
  const listKept = found?.answered === false && keptActorList();
  let status = "Connecting…";
  let onStatus: ((s: string) => void) | null = null;
  let startConnecting: () => void = () => {};
  const pending = new Promise<Atlas>((resolve, reject) => {
    startConnecting = () => {
      const log = (line: string) => {
        status = line.charAt(0).toUpperCase() + line.slice(1);
        onStatus?.(status);
      };
      connect({ apiUrl: options.apiUrl, log, token: options.token }).then(resolve, reject);
    };
  });
  // Failures are handled by Root (or after quitting); this only keeps Node from calling one unhandled.
  pending.catch(() => {});
  let first: { atlas: Atlas; cache: Cache } | null = null;
  if (listKept) {
    startConnecting();
    const atlas = await pending.catch(() => null);
    const loaded = atlas ? await load(atlas, { kind: "actors" }).catch(() => null) : null;
    if (atlas && loaded) first = { atlas, cache: new Map([["actors", { status: "ready", loaded }]]) };
  }
  const outcome: { failure: Error | null } = { failure: null };
  const Root = () => {
    const { exit } = useApp();
    const [connected, setConnected] = useState<Atlas | null>(first?.atlas ?? null);
    const [shown, setShown] = useState(status);
    useEffect(() => {
      onStatus = setShown;
      pending.then(
        (atlas) => {
          setConnected(atlas);
          // Answers kept from before drew the first screen without the database: open it now,
          // after that frame is on screen (Ink draws at most every 32 ms), for what comes next.
          setTimeout(() => atlas.warm?.(), 100);
        },
        (e: Error) => {
          outcome.failure = e;
          exit();
        },
      );
    }, [exit]);
    return <App atlas={connected} status={shown} theme={options.theme} cache={first?.cache} />;
  };

  process.stdout.write(ENTER_ALT_SCREEN);
  let left = false;
  const leave = () => {
    if (left) return;
    left = true;
    process.stdout.write(LEAVE_ALT_SCREEN);
  };
  process.once("exit", leave);
  try {
    const instance = render(<Root />, { exitOnCtrlC: true, patchConsole: true });
    if (!listKept) setImmediate(startConnecting);
    await instance.waitUntilExit();
  } finally {
    leave();
  }
  const { failure } = outcome;
  if (failure) throw failure instanceof DataError ? failure : new DataError(failure.message);
  // If the user quit while the database was still opening, let it finish and close it cleanly.
  const atlas = await pending.catch(() => null);
  await atlas?.close();
  return 0;
}
