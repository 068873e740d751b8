/** `atlas sources`: the documents, oldest first, with unknown publishers and authors said to be unknown. */
import type { Command } from "commander";
import { compactTime } from "../format/time.js";
import { collect } from "../pages.js";
import { withAtlas } from "./context.js";
import { parseChoice, parseLimit } from "./options.js";
import { renderTable } from "./table.js";

const ORIGINS = ["corpus", "ingest"] as const;

export function registerSources(program: Command): void {
  program
    .command("sources")
    .description("the source documents, oldest first")
    .option("--origin <origin>", `only ${ORIGINS.join(" or ")} documents`)
    .option("--limit <n>", "at most this many (default: all)")
    .option("--json", "print JSON (an array of sources) instead of a table")
    .action(async (opts: { origin?: string; limit?: string; json?: boolean }, cmd: Command) => {
      const origin = parseChoice(opts.origin, ORIGINS, "--origin", "an origin");
      const limit = parseLimit(opts.limit);
      await withAtlas(cmd, async (atlas, out) => {
        const sources = await collect((page) => atlas.sources({ ...(origin ? { origin } : {}), ...page }), limit);
        if (opts.json) return out.json(sources);
        if (sources.length === 0) return out.text("No sources match.");
        out.text(
          renderTable(
            [
              { header: "PUBLISHED", max: 18 },
              { header: "TITLE", flex: true },
              { header: "PUBLISHER", max: 24 },
              { header: "CLAIMS", align: "right" },
            ],
            sources.map((s) => [
              compactTime(s.published),
              `${s.title}\n${out.theme.ansi("muted", s.id)}`,
              s.publisher ?? "unknown",
              String(s.counts.claims),
            ]),
            out,
          ),
        );
      });
    });
}
