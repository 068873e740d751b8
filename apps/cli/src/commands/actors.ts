/** `atlas actors`: the actor directory, filtered and sorted. */
import { ActorKind } from "@atlas/schema";
import type { Command } from "commander";
import { collect } from "../pages.js";
import { kindLabel } from "../screens/common.js";
import { ACTOR_SORTS } from "../state/views.js";
import { withAtlas } from "./context.js";
import { collectList, parseChoice, parseChoices, parseLimit, parseText } from "./options.js";
import { renderTable } from "./table.js";

const INVOLVEMENT = ["events", "claims", "relations"] as const;

interface Options {
  kind?: string[];
  q?: string;
  involvement?: string;
  sort?: string;
  limit?: string;
  json?: boolean;
}

export function registerActors(program: Command): void {
  program
    .command("actors")
    .description("list actors: people, armed groups, states, parties… with how often each appears")
    .option(
      "--kind <kinds>",
      `only these kinds, comma-separated or repeated (${ActorKind.options.join(", ")})`,
      collectList,
    )
    .option("--q <text>", "text in the name or an alias (misspellings and transliterations tolerated)")
    .option("--involvement <what>", `only actors with ${INVOLVEMENT.join(", ")}`)
    .option("--sort <key>", `order: ${ACTOR_SORTS.join(", ")} (counts: most first)`, "name")
    .option("--limit <n>", "at most this many (default: all)")
    .option("--json", "print JSON (an array of actors) instead of a table")
    .action(async (opts: Options, cmd: Command) => {
      const input = {
        kind: parseChoices(opts.kind, ActorKind.options, "--kind", "an actor kind"),
        q: parseText(opts.q, "--q"),
        involvement: parseChoice(opts.involvement, INVOLVEMENT, "--involvement", "a kind of involvement"),
        sort: parseChoice(opts.sort, ACTOR_SORTS, "--sort", "a sort order"),
      };
      const limit = parseLimit(opts.limit);
      await withAtlas(cmd, async (atlas, out) => {
        const actors = await collect((page) => atlas.actors({ ...input, ...page }), limit);
        if (opts.json) return out.json(actors);
        if (actors.length === 0) return out.text("No actors match.");
        out.text(
          renderTable(
            [
              { header: "ID", max: 30, id: true },
              { header: "NAME", flex: true },
              { header: "KIND", max: 19 },
              { header: "MENTIONS", align: "right" },
              { header: "EVENTS", align: "right" },
              { header: "CLAIMS", align: "right" },
            ],
            actors.map((a) => [
              a.id,
              a.name,
              kindLabel(a.kind),
              String(a.counts.mentions),
              String(a.counts.events),
              String(a.counts.claims),
            ]),
            out,
          ),
        );
      });
    });
}
