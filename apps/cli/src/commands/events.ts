/** `atlas events`: the timeline, filtered by dates (an event counts if its span overlaps them), kind and actor. */
import { EventKind } from "@atlas/schema";
import type { Command } from "commander";
import { compactTime } from "../format/time.js";
import { collect } from "../pages.js";
import { kindLabel } from "../screens/common.js";
import { requireRecord, withAtlas } from "./context.js";
import { checkRange, collectList, parseChoices, parseDate, parseLimit, parseText } from "./options.js";
import { renderTable } from "./table.js";

interface Options {
  from?: string;
  to?: string;
  kind?: string[];
  actor?: string;
  place?: string;
  source?: string;
  limit?: string;
  json?: boolean;
}

export function registerEvents(program: Command): void {
  program
    .command("events")
    .description("the timeline of events, earliest first, each dated as precisely as its sources allow")
    .option("--from <date>", "events that may have happened on or after this date (YYYY, YYYY-MM or YYYY-MM-DD)")
    .option("--to <date>", "events that may have happened on or before this date")
    .option(
      "--kind <kinds>",
      `only these kinds, comma-separated or repeated (${EventKind.options.join(", ")})`,
      collectList,
    )
    .option("--actor <id>", "only events this actor took part in")
    .option("--place <id>", "only events at this place or inside it")
    .option("--source <id>", "only events this source reports")
    .option("--limit <n>", "at most this many (default: all)")
    .option("--json", "print JSON (an array of events) instead of a table")
    .action(async (opts: Options, cmd: Command) => {
      const from = parseDate(opts.from, "--from");
      const to = parseDate(opts.to, "--to");
      checkRange(from, to);
      const input = {
        from,
        to,
        kind: parseChoices(opts.kind, EventKind.options, "--kind", "an event kind"),
        actorId: parseText(opts.actor, "--actor"),
        placeId: parseText(opts.place, "--place"),
        sourceId: parseText(opts.source, "--source"),
      };
      const limit = parseLimit(opts.limit);
      await withAtlas(cmd, async (atlas, out) => {
        const { actorId, sourceId } = input;
        if (actorId) await requireRecord(() => atlas.actor(actorId), "--actor", "actor", actorId);
        if (sourceId) await requireRecord(() => atlas.source(sourceId), "--source", "source", sourceId);
        const events = await collect((page) => atlas.events({ ...input, ...page }), limit);
        if (opts.json) return out.json(events);
        if (events.length === 0) return out.text("No events match.");
        out.text(
          renderTable(
            [
              { header: "WHEN", max: 22 },
              { header: "KIND", max: 12 },
              { header: "EVENT", flex: true },
            ],
            events.map((e) => [compactTime(e.time), kindLabel(e.kind), `${e.title}\n${out.theme.ansi("muted", e.id)}`]),
            out,
          ),
        );
      });
    });
}
