/** The relation graph: actors as nodes, typed relations as edges, filtered by type and kind. */

import { ActorKind, RelationType } from "@atlas/schema";
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../db/client.js";
import { cached } from "./cache.js";
import { actorRefSql, quotesFor } from "./common.js";
import { all, one } from "./run.js";
import type { GraphEdge, GraphNode, RelationDetail } from "./types.js";

export const GraphInput = z.object({
  types: z.array(RelationType).optional().describe("Only relations of these types."),
  kinds: z.array(ActorKind).optional().describe("Only actors of these kinds (an edge needs both ends)."),
  actorId: z
    .string()
    .min(1)
    .optional()
    .describe("Only the neighbourhood of this actor: its relations and their other ends."),
});
export type GraphInput = z.input<typeof GraphInput>;

async function relationGraphQuery(db: Db, input: GraphInput = {}): Promise<{ nodes: GraphNode[]; edges: GraphEdge[] }> {
  const { types, kinds, actorId } = GraphInput.parse(input);
  const filters = [
    types?.length ? sql`r.type in ${types}` : null,
    kinds?.length ? sql`fa.kind in ${kinds} and ta.kind in ${kinds}` : null,
    actorId ? sql`(r.from_id = ${actorId} or r.to_id = ${actorId})` : null,
  ].filter((f) => f !== null);
  const edges = await all<GraphEdge>(
    db,
    sql`select r.id, r.from_id as "from", r.to_id as "to", r.type, r.role, r.former, r.time,
          r.time_earliest::text as earliest, r.time_latest::text as latest
        from relations r join actors fa on fa.id = r.from_id join actors ta on ta.id = r.to_id
        where ${filters.length ? sql.join(filters, sql` and `) : sql`true`}
        order by r.id`,
  );
  const degree = new Map<string, number>();
  for (const e of edges) for (const id of [e.from, e.to]) degree.set(id, (degree.get(id) ?? 0) + 1);
  const ids = [...degree.keys()];
  const nodes = ids.length
    ? await all<Omit<GraphNode, "degree">>(db, sql`select id, name, kind from actors where id in ${ids} order by id`)
    : [];
  return { nodes: nodes.map((n) => ({ ...n, degree: degree.get(n.id) ?? 0 })), edges };
}

export const relationGraph = cached("relationGraph", relationGraphQuery);

async function relationByIdQuery(db: Db, id: string): Promise<RelationDetail | null> {
  const row = await one<Omit<RelationDetail, "evidence">>(
    db,
    sql`select r.id, r.type, ${actorRefSql("fa")} as "from", ${actorRefSql("ta")} as "to",
          r.role, r.time, r.former, r.note
        from relations r join actors fa on fa.id = r.from_id join actors ta on ta.id = r.to_id
        where r.id = ${id}`,
  );
  if (!row) return null;
  return { ...row, evidence: (await quotesFor(db, "relation", [id])).get(id) ?? [] };
}

/** One relation with its two actors and its quotes, or null when the atlas holds none by that id. */
export const relationById = cached("relationById", relationByIdQuery);
