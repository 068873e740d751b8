/** `atlas claims`: who said what, filtered by claimant, subject, stance or source. */
import { Stance } from "@atlas/schema";
import type { Command } from "commander";
import { compactTime } from "../format/time.js";
import { collect } from "../pages.js";
import { requireRecord, withAtlas } from "./context.js";
import { collectList, parseChoices, parseLimit, parseText } from "./options.js";
import { renderTable } from "./table.js";

interface Options {
  actor?: string;
  about?: string;
  event?: string;
  stance?: string[];
  source?: string;
  contested?: boolean;
  limit?: string;
  json?: boolean;
}

export function registerClaims(program: Command): void {
  program
    .command("claims")
    .description("claims — who said what, with which stance, in their own words (claims, not facts)")
    .option("--actor <id>", "only claims made by this actor")
    .option("--about <id>", "only claims about this actor")
    .option("--event <id>", "only claims about this event")
    .option(
      "--stance <stances>",
      `only these stances, comma-separated or repeated (${Stance.options.join(", ")})`,
      collectList,
    )
    .option("--source <id>", "only claims this source reports")
    .option("--contested", "only claims that contradict, or are contradicted by, another claim")
    .option("--limit <n>", "at most this many (default: all)")
    .option("--json", "print JSON (an array of claims) instead of a table")
    .action(async (opts: Options, cmd: Command) => {
      const input = {
        claimantId: parseText(opts.actor, "--actor"),
        aboutActorId: parseText(opts.about, "--about"),
        aboutEventId: parseText(opts.event, "--event"),
        stance: parseChoices(opts.stance, Stance.options, "--stance", "a stance"),
        sourceId: parseText(opts.source, "--source"),
        contested: opts.contested ? true : undefined,
      };
      const limit = parseLimit(opts.limit);
      await withAtlas(cmd, async (atlas, out) => {
        const { claimantId, aboutActorId, aboutEventId, sourceId } = input;
        if (claimantId) await requireRecord(() => atlas.actor(claimantId), "--actor", "actor", claimantId);
        if (aboutActorId) await requireRecord(() => atlas.actor(aboutActorId), "--about", "actor", aboutActorId);
        if (aboutEventId) await requireRecord(() => atlas.event(aboutEventId), "--event", "event", aboutEventId);
        if (sourceId) await requireRecord(() => atlas.source(sourceId), "--source", "source", sourceId);
        const claims = await collect((page) => atlas.claims({ ...input, ...page }), limit);
        if (opts.json) return out.json(claims);
        if (claims.length === 0) return out.text("No claims match.");
        out.text(
          renderTable(
            [
              { header: "CLAIMANT", max: 24 },
              { header: "STANCE", max: 13 },
              { header: "SAID", max: 18 },
              { header: "STATEMENT", flex: true },
            ],
            claims.map((c) => [
              c.claimant.name,
              c.stance,
              compactTime(c.said),
              `${c.statement}\n${out.theme.ansi("muted", c.id)}`,
            ]),
            out,
          ),
        );
      });
    });
}
