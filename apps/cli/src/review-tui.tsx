/**
 * Starting the review. On a terminal: the alternate screen and the keys. Without one (a pipe, a
 * script): its first screen rendered once as text — never raw mode — for the scriptable forms
 * see `atlas review --list/--accept/--reject/--accept-all`.
 */
import { render, renderToString } from "ink";
import type { Atlas } from "./data.js";
import { loadReviewDoc, ReviewApp } from "./review-app.js";
import type { Theme } from "./theme.js";

const ENTER_ALT_SCREEN = "\u001B[?1049h";
const LEAVE_ALT_SCREEN = "\u001B[?1049l";

export interface ReviewOptions {
  atlas: Atlas;
  theme: Theme;
  sourceId?: string;
}

export async function runReview({ atlas, theme, sourceId }: ReviewOptions): Promise<void> {
  const props = { atlas, theme, ...(sourceId ? { sourceId } : {}) };
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    const documents = await atlas.ingestedDocuments();
    const document = sourceId ? await loadReviewDoc(atlas, sourceId) : undefined;
    const columns = process.stdout.columns || 80;
    const rows = process.stdout.rows || 24;
    const frame = renderToString(
      <ReviewApp {...props} preloaded={{ documents, ...(document ? { document } : {}) }} size={{ columns, rows }} />,
      { columns },
    );
    process.stdout.write(`${frame}\n`);
    return;
  }
  process.stdout.write(ENTER_ALT_SCREEN);
  let left = false;
  const leave = () => {
    if (left) return;
    left = true;
    process.stdout.write(LEAVE_ALT_SCREEN);
  };
  process.once("exit", leave);
  try {
    const instance = render(<ReviewApp {...props} />, { exitOnCtrlC: true, patchConsole: true });
    await instance.waitUntilExit();
  } finally {
    leave();
  }
}
