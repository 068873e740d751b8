/** `atlas path <a> <b>`: what connects two actors, as the shortest chains of relations with their quotes. */
import { RelationType } from "@atlas/schema";
import type { Command } from "commander";
import { DocBuilder } from "../doc.js";
import { UsageError } from "../errors.js";
import { pathScreen } from "../screens/path.js";
import { orSuggestActors } from "./actor.js";
import { withAtlas } from "./context.js";
import { collectList, parseChoices, parseLimit } from "./options.js";

export function registerPath(program: Command): void {
  program
    .command("path")
    .description("what connects two actors: the shortest chains of relations, each with the words that state it")
    .argument("<from>", "an actor's id, e.g. kataib-hezbollah")
    .argument("<to>", "another actor's id, e.g. asaib-ahl-al-haq")
    .option(
      "--type <types>",
      `only through relations of these types, comma-separated or repeated (${RelationType.options.join(", ")})`,
      collectList,
    )
    .option("--limit <n>", "at most this many paths, 1–50 (default 10)")
    .option("--json", "print the paths as JSON")
    .action(
      async (from: string, to: string, opts: { type?: string[]; limit?: string; json?: boolean }, cmd: Command) => {
        if (from === to) throw new UsageError(`<to>: "${to}" is the same actor as <from>; name two different actors`);
        const types = parseChoices(opts.type, RelationType.options, "--type", "a relation type");
        const limit = parseLimit(opts.limit, "--limit", 50);
        await withAtlas(cmd, async (atlas, out) => {
          const paths = await orSuggestActors(atlas, [from, to], () =>
            atlas.paths({ from, to, ...(types ? { types } : {}), ...(limit ? { limit } : {}) }),
          );
          if (opts.json) return out.json(paths);
          out.doc(pathScreen(paths, new DocBuilder(out.columns, out.theme)).doc);
        });
      },
    );
}
