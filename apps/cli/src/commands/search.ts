/** `atlas search <query>`: actors (any spelling), events, claims and source texts, best first. */
import type { Command } from "commander";
import { DocBuilder } from "../doc.js";
import { searchScreen } from "../screens/search.js";
import { withAtlas } from "./context.js";
import { collectList, parseChoices, parseLimit, parseText } from "./options.js";

const TYPES = ["actor", "event", "claim", "source"] as const;

export function registerSearch(program: Command): void {
  program
    .command("search")
    .description("search names (misspellings and transliterations tolerated), events, claims and source texts")
    .argument("<query...>", 'words, names or "a phrase"')
    .option(
      "--type <types>",
      `only these kinds of result, comma-separated or repeated (${TYPES.join(", ")})`,
      collectList,
    )
    .option("--limit <n>", "results per kind, 1–50 (default 10)")
    .option("--json", "print the results as JSON (grouped by kind)")
    .action(async (words: string[], opts: { type?: string[]; limit?: string; json?: boolean }, cmd: Command) => {
      const q = parseText(words.join(" "), "<query>") as string;
      const types = parseChoices(opts.type, TYPES, "--type", "a kind of result");
      const limit = parseLimit(opts.limit, "--limit", 50);
      await withAtlas(cmd, async (atlas, out) => {
        const result = await atlas.search({ q, ...(types ? { types } : {}), ...(limit ? { limit } : {}) });
        if (opts.json) return out.json(result);
        out.doc(searchScreen(result, new DocBuilder(out.columns, out.theme)).doc);
      });
    });
}
