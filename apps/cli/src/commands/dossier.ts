/** `atlas dossier <id>`: an actor's citable profile, every line footnoted; as text, Markdown or JSON. */
import type { Command } from "commander";
import { DocBuilder } from "../doc.js";
import { dossierScreen } from "../screens/dossier.js";
import { orSuggestActors } from "./actor.js";
import { withAtlas } from "./context.js";
import { parseChoice } from "./options.js";

const FORMATS = ["text", "md"] as const;

export function registerDossier(program: Command): void {
  program
    .command("dossier")
    .description(
      "an actor's dossier, built only from the records: names, leadership, parent and units, backers, designations, attacks, claims — every line footnoted to a quote",
    )
    .argument("<id>", "the actor's id, e.g. kataib-hezbollah")
    .option("--format <format>", `text (default) or md (Markdown with footnotes, for a report or a PDF)`)
    .option("--json", "print the dossier as JSON")
    .action(async (id: string, opts: { format?: string; json?: boolean }, cmd: Command) => {
      const format = parseChoice(opts.format, FORMATS, "--format", "a dossier format") ?? "text";
      await withAtlas(cmd, async (atlas, out) => {
        if (opts.json) return out.json(await orSuggestActors(atlas, [id], () => atlas.dossier(id)));
        if (format === "md")
          return out.text((await orSuggestActors(atlas, [id], () => atlas.dossierMarkdown(id))).body);
        const dossier = await orSuggestActors(atlas, [id], () => atlas.dossier(id));
        out.doc(dossierScreen(dossier, new DocBuilder(out.columns, out.theme)).doc);
      });
    });
}
