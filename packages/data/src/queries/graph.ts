/** The relation graph: actors as nodes, typed relations as edges, filtered by type and kind. */

import { ActorKind, RelationType } from "@atlas/schema";
import { eq, inArray, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { z } from "zod";
import type { Db } from "../db/client.js";
import { actors, relations } from "../db/schema/index.js";
import { cached } from "./cache.js";
import { actorRefSql, quotesFor } from "./common.js";
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

const r = alias(relations, "r");
const fa = alias(actors, "fa");
const ta = alias(actors, "ta");

async function relationGraphQuery(db: Db, input: GraphInput = {}): Promise<{ nodes: GraphNode[]; edges: GraphEdge[] }> {
  const { types, kinds, actorId } = GraphInput.parse(input);
  const filters = [
    types?.length ? sql`${r.type} in ${types}` : null,
    kinds?.length ? sql`${fa.kind} in ${kinds} and ${ta.kind} in ${kinds}` : null,
    actorId ? sql`(${r.fromId} = ${actorId} or ${r.toId} = ${actorId})` : null,
  ].filter((f) => f !== null);
  const edges = await db
    .select({
      id: r.id,
      from: r.fromId,
      to: r.toId,
      type: r.type,
      role: r.role,
      former: r.former,
      time: r.time,
      earliest: sql<string | null>`${r.timeEarliest}::text`,
      latest: sql<string | null>`${r.timeLatest}::text`,
    })
    .from(r)
    .innerJoin(fa, eq(fa.id, r.fromId))
    .innerJoin(ta, eq(ta.id, r.toId))
    .where(filters.length ? sql.join(filters, sql` and `) : sql`true`)
    .orderBy(r.id);
  const degree = new Map<string, number>();
  for (const e of edges) for (const id of [e.from, e.to]) degree.set(id, (degree.get(id) ?? 0) + 1);
  const ids = [...degree.keys()];
  const nodes = ids.length
    ? await db
        .select({ id: actors.id, name: actors.name, kind: actors.kind })
        .from(actors)
        .where(inArray(actors.id, ids))
        .orderBy(actors.id)
    : [];
  return { nodes: nodes.map((n) => ({ ...n, degree: degree.get(n.id) ?? 0 })), edges };
}

export const relationGraph = cached("relationGraph", relationGraphQuery);

async function relationByIdQuery(db: Db, id: string): Promise<RelationDetail | null> {
  const [row] = await db
    .select({
      id: r.id,
      type: r.type,
      from: actorRefSql(fa),
      to: actorRefSql(ta),
      role: r.role,
      time: r.time,
      former: r.former,
      note: r.note,
    })
    .from(r)
    .innerJoin(fa, eq(fa.id, r.fromId))
    .innerJoin(ta, eq(ta.id, r.toId))
    .where(eq(r.id, id));
  if (!row) return null;
  return { ...row, evidence: (await quotesFor(db, "relation", [id])).get(id) ?? [] };
}

/** One relation with its two actors and its quotes, or null when the atlas holds none by that id. */
export const relationById = cached("relationById", relationByIdQuery);
