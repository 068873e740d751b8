/** `atlas actor <id>`: a profile; an unknown id exits 1 and suggests actors with a similar name. */
import type { Command } from "commander";
import type { Atlas } from "../data.js";
import { DocBuilder } from "../doc.js";
import { NotFoundError } from "../errors.js";
import { actorScreen } from "../screens/actor.js";
import { withAtlas } from "./context.js";

/** Runs `fn`; a "not found" becomes one that names the id and suggests actors with a similar name. */
export async function orSuggestActors<T>(atlas: Atlas, ids: string[], fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (!(e instanceof NotFoundError)) throw e;
    for (const id of ids) {
      const known = await atlas.actor(id).then(
        () => true,
        (error: unknown) => {
          if (error instanceof NotFoundError) return false;
          throw error;
        },
      );
      if (known) continue;
      const found = await atlas.search({ q: id, types: ["actor"], limit: 3 }).catch(() => null);
      const hits = found?.groups.actor ?? [];
      const hint = hits.length ? ` Did you mean ${hits.map((h) => `${h.id} (${h.title})`).join(", ")}?` : "";
      throw new NotFoundError(`No actor with id "${id}".${hint} List them with: atlas actors`);
    }
    throw e;
  }
}

export function registerActor(program: Command): void {
  program
    .command("actor")
    .description(
      "an actor's profile: aliases, relations, events with roles, claims by and about it, sources; then its dossier to cite, each line with its quotes",
    )
    .argument("<id>", "the actor's id, e.g. kataib-hezbollah (see `atlas actors` or `atlas search`)")
    .option("--json", "print the profile as JSON")
    .action(async (id: string, opts: { json?: boolean }, cmd: Command) => {
      await withAtlas(cmd, async (atlas, out) => {
        const actor = await orSuggestActors(atlas, [id], () => atlas.actor(id));
        if (opts.json) return out.json(actor);
        out.doc(actorScreen(actor, await atlas.dossier(id), new DocBuilder(out.columns, out.theme)).doc);
      });
    });
}
