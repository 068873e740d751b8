/** A dossier from the database: the actor's profile and the first verbatim use of each alias. */
import { sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "../db/client.js";
import { mentions, sources } from "../db/schema/index.js";
import { actorById } from "../queries/actors.js";
import { cached } from "../queries/cache.js";
import { sourceRefSql } from "../queries/common.js";
import { rows as rowsOf } from "../queries/run.js";
import type { Quote } from "../queries/types.js";
import { assembleDossier } from "./assemble.js";
import { dossierMarkdown } from "./markdown.js";
import type { Dossier, DossierFile } from "./types.js";

const m = alias(mentions, "m");
const s = alias(sources, "s");

async function dossierQuery(db: Db, id: string): Promise<Dossier | null> {
  const actor = await actorById(db, id);
  if (!actor) return null;
  // The earliest-published mention of each alias, by the alias it matched.
  const rows = await rowsOf(
    db,
    sql<
      Quote & { alias: string }
    >`select distinct on (${m.alias}) ${m.alias}, ${m.sourceId} as "sourceId", ${m.start}, ${m.end}, ${m.quote},
          null as prefix, null as suffix, ${sourceRefSql(s)} as source
        from ${mentions} ${m} join ${sources} ${s} on ${s.id} = ${m.sourceId}
        where ${m.actorId} = ${id}
        order by ${m.alias}, ${s.publishedEarliest} nulls last, ${m.sourceId}, ${m.start}`,
  );
  return assembleDossier(actor, new Map(rows.map(({ alias, ...quote }) => [alias, quote])));
}

export const dossier = cached("dossier", dossierQuery);

/** The dossier as a Markdown file with footnotes, or null when there is no such actor. */
export async function dossierFile(db: Db, id: string): Promise<DossierFile | null> {
  const d = await dossier(db, id);
  return d
    ? { contentType: "text/markdown; charset=utf-8", filename: `${d.actor.id}.dossier.md`, body: dossierMarkdown(d) }
    : null;
}
