/**
 * What every subcommand shares: reading the environment, connecting (API or embedded), saying
 * which on stderr when asked, and printing tables, documents or JSON. Stdout carries only the
 * result, so `--json` output can always be piped into another program.
 */
import type { Command } from "commander";
import { connect } from "../connect.js";
import type { Atlas, Log } from "../data.js";
import { type Doc, docToText } from "../doc.js";
import { readCliEnv } from "../env.js";
import { NotFoundError } from "../errors.js";
import { makeTheme, type Theme, wantsColor } from "../theme.js";
import { readToken } from "../token.js";

export interface GlobalOptions {
  verbose?: boolean;
  color?: boolean;
}

export interface Output {
  theme: Theme;
  /** Columns to lay text out in: the terminal's, or 100 in a pipe. */
  columns: number;
  json(value: unknown): void;
  text(text: string): void;
  doc(doc: Doc): void;
}

export function makeOutput(global: GlobalOptions): Output {
  const env = readCliEnv();
  const theme = makeTheme(wantsColor({ noColorEnv: env.NO_COLOR, flag: global.color, isTTY: process.stdout.isTTY }));
  const columns = process.stdout.isTTY ? process.stdout.columns || 80 : 100;
  return {
    theme,
    columns,
    json: (value) => process.stdout.write(`${JSON.stringify(value, null, 2)}\n`),
    text: (text) => process.stdout.write(text.endsWith("\n") ? text : `${text}\n`),
    doc: (doc) => process.stdout.write(`${docToText(doc, theme)}\n`),
  };
}

/** Progress lines on stderr: which source only with --verbose; slow steps also when stderr is a terminal. */
export function stderrLog(verbose: boolean): Log {
  return (line, level = "info") => {
    if (verbose || (level === "progress" && process.stderr.isTTY)) process.stderr.write(`atlas: ${line}\n`);
  };
}

/** Runs `fn` with a connection that is closed afterwards, whatever happens. */
export async function withAtlas<T>(cmd: Command, fn: (atlas: Atlas, out: Output) => Promise<T>): Promise<T> {
  const global = cmd.optsWithGlobals<GlobalOptions>();
  const out = makeOutput(global);
  const env = readCliEnv();
  const atlas = await connect({
    apiUrl: env.ATLAS_API_URL,
    log: stderrLog(global.verbose === true),
    token: () => readToken(env),
  });
  try {
    return await fn(atlas, out);
  } finally {
    await atlas.close();
  }
}

/** A filter naming a record that does not exist is an error (exit 1), not an empty result. */
export async function requireRecord(fetch: () => Promise<unknown>, flag: string, what: string, id: string) {
  try {
    await fetch();
  } catch (e) {
    if (e instanceof NotFoundError) throw new NotFoundError(`${flag}: no ${what} with id "${id}"`);
    throw e;
  }
}
