/** A dossier from the database: the actor's profile and the first verbatim use of each alias. */
import { sql } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { actorById } from "../queries/actors.js";
import { cached } from "../queries/cache.js";
import { sourceRefSql } from "../queries/common.js";
import { all } from "../queries/run.js";
import type { Quote } from "../queries/types.js";
import { assembleDossier } from "./assemble.js";
import { dossierMarkdown } from "./markdown.js";
import type { Dossier, DossierFile } from "./types.js";

async function dossierQuery(db: Db, id: string): Promise<Dossier | null> {
  const actor = await actorById(db, id);
  if (!actor) return null;
  // The earliest-published mention of each alias, by the alias it matched.
  const rows = await all<Quote & { alias: string }>(
    db,
    sql`select distinct on (m.alias) m.alias, m.source_id as "sourceId", m.start, m."end", m.quote,
          null as prefix, null as suffix, ${sourceRefSql("s")} as source
        from mentions m join sources s on s.id = m.source_id
        where m.actor_id = ${id}
        order by m.alias, s.published_earliest nulls last, m.source_id, m.start`,
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
