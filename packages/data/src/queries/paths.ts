/**
 * What connects two actors: the shortest chains of relations between them, whichever way each
 * relation points ("Kataib Hezbollah is backed by Iran, which backs Asaib Ahl al-Haq"). Each step
 * carries every relation between its two actors, with the quotes that state it.
 */
import { RelationType } from "@atlas/schema";
import { inArray, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../db/client.js";
import { actors, relations as relationsTable } from "../db/schema/index.js";
import { cached } from "./cache.js";
import { actorRefSql, quotesFor } from "./common.js";
import { ActorRef, Quote, RelationView } from "./types.js";

export const PathInput = z
  .object({
    from: z.string().min(1).describe("The actor the paths start from."),
    to: z.string().min(1).describe("The actor the paths end at."),
    types: z.array(RelationType).optional().describe("Only through relations of these types."),
    limit: z.int().min(1).max(50).default(10).describe("At most this many paths (1–50, default 10)."),
  })
  .superRefine((input, ctx) => {
    if (input.from === input.to) {
      ctx.addIssue({ code: "custom", path: ["to"], message: "is the same actor as from; name two different actors" });
    }
  });
export type PathInput = z.input<typeof PathInput>;

export const PathRelation = RelationView.pick({
  id: true,
  type: true,
  role: true,
  time: true,
  former: true,
  note: true,
})
  .extend({
    forward: z
      .boolean()
      .describe(
        "True when the relation reads from the step's first actor to its second (A leads B), false the other way.",
      ),
    evidence: z.array(Quote),
  })
  .meta({ id: "PathRelation", description: "A relation on a step of a path, with its quotes." });
export type PathRelation = z.infer<typeof PathRelation>;

export const PathStep = z
  .object({ from: ActorRef, to: ActorRef, relations: z.array(PathRelation).min(1) })
  .meta({ id: "PathStep", description: "One step of a path: two actors and every relation between them." });
export type PathStep = z.infer<typeof PathStep>;

export const Paths = z
  .object({
    from: ActorRef,
    to: ActorRef,
    length: z.int().nullable().describe("Steps in a shortest path; null when no chain of relations connects them."),
    total: z.int().describe("How many shortest paths there are (paths lists at most limit of them)."),
    paths: z.array(z.object({ steps: z.array(PathStep) })),
  })
  .meta({ id: "Paths", description: "The shortest paths of relations between two actors." });
export type Paths = z.infer<typeof Paths>;

/**
 * Shortest paths between two nodes of an undirected graph, as node sequences: breadth-first
 * distances from `from`, then the paths walked back from `to` in id order, at most `limit` of them.
 * `total` counts them all without listing them.
 */
export function shortestPaths(
  links: { from: string; to: string }[],
  from: string,
  to: string,
  limit: number,
): { length: number | null; total: number; paths: string[][] } {
  const neighbours = new Map<string, Set<string>>();
  for (const { from: a, to: b } of links) {
    if (a === b) continue;
    neighbours.set(a, (neighbours.get(a) ?? new Set()).add(b));
    neighbours.set(b, (neighbours.get(b) ?? new Set()).add(a));
  }
  const distance = new Map([[from, 0]]);
  const count = new Map([[from, 1]]);
  let frontier = [from];
  while (frontier.length && !distance.has(to)) {
    const next: string[] = [];
    for (const node of frontier) {
      const d = distance.get(node) as number;
      for (const other of neighbours.get(node) ?? []) {
        if (!distance.has(other)) {
          distance.set(other, d + 1);
          count.set(other, 0);
          next.push(other);
        }
        if (distance.get(other) === d + 1) count.set(other, (count.get(other) ?? 0) + (count.get(node) ?? 0));
      }
    }
    frontier = next;
  }
  const length = distance.get(to);
  if (length === undefined) return { length: null, total: 0, paths: [] };
  const paths: string[][] = [];
  // Walk back from `to` through neighbours one step nearer to `from`, in id order.
  const walk = (node: string, suffix: string[]) => {
    if (paths.length >= limit) return;
    if (node === from) {
      paths.push([from, ...suffix]);
      return;
    }
    const d = distance.get(node) as number;
    const previous = [...(neighbours.get(node) ?? [])].filter((n) => distance.get(n) === d - 1).sort();
    for (const p of previous) walk(p, [node, ...suffix]);
  };
  walk(to, []);
  paths.sort((a, b) => a.join("\u0000").localeCompare(b.join("\u0000")));
  return { length, total: count.get(to) ?? 0, paths };
}

const refsOf = (db: Db, ids: string[]) =>
  db
    .select({ ref: actorRefSql(actors) })
    .from(actors)
    .where(inArray(actors.id, ids));

/** The paths, or null when either actor does not exist. */
async function relationPathsQuery(db: Db, input: PathInput): Promise<Paths | null> {
  const { from, to, types, limit } = PathInput.parse(input);
  const [ends, relations] = await Promise.all([
    refsOf(db, [from, to]),
    db
      .select({
        id: relationsTable.id,
        from: relationsTable.fromId,
        to: relationsTable.toId,
        type: relationsTable.type,
        role: relationsTable.role,
        time: relationsTable.time,
        former: relationsTable.former,
        note: relationsTable.note,
      })
      .from(relationsTable)
      .where(types?.length ? inArray(relationsTable.type, types) : sql`true`)
      .orderBy(relationsTable.id),
  ]);
  const refs = new Map(ends.map((r) => [r.ref.id, r.ref]));
  const fromRef = refs.get(from);
  const toRef = refs.get(to);
  if (!fromRef || !toRef) return null;
  const found = shortestPaths(relations, from, to, limit);
  const onPaths = new Set(found.paths.flat());
  const [actorRows, evidence] = await Promise.all([
    onPaths.size ? refsOf(db, [...onPaths]) : [],
    quotesFor(
      db,
      "relation",
      relations.filter((r) => onPaths.has(r.from) && onPaths.has(r.to)).map((r) => r.id),
    ),
  ]);
  const actor = new Map(actorRows.map((a) => [a.ref.id, a.ref]));
  const between = (a: string, b: string): PathRelation[] =>
    relations
      .filter((r) => (r.from === a && r.to === b) || (r.from === b && r.to === a))
      .map(({ from: start, to: _, ...r }) => ({ ...r, forward: start === a, evidence: evidence.get(r.id) ?? [] }));
  return {
    from: fromRef,
    to: toRef,
    length: found.length,
    total: found.total,
    paths: found.paths.map((ids) => ({
      steps: ids.slice(1).map((id, i) => {
        const previous = ids[i] as string;
        return {
          from: actor.get(previous) as ActorRef,
          to: actor.get(id) as ActorRef,
          relations: between(previous, id),
        };
      }),
    })),
  };
}

export const relationPaths = cached("relationPaths", relationPathsQuery);
