/**
 * What accepting a suggestion checks against the database before it writes: a record is valid
 * against @atlas/schema, the ids it refers to exist, the id it takes is free. Each refusal is a
 * ReviewError naming the field.
 */
import { describeIssues } from "@atlas/schema";
import { and, eq, inArray, like, or, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "../db/client.js";
import * as t from "../db/schema/index.js";
import { foldName } from "../text/fold.js";
import { ReviewError } from "./errors.js";
import { slugify, unique } from "./ids.js";

export const validate = <T>(
  schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: z.ZodError } },
  value: unknown,
  what: string,
): T => {
  const r = schema.safeParse(value);
  if (!r.success)
    throw new ReviewError("invalid", `The ${what} would be invalid: ${describeIssues(r.error).join("; ")}`);
  return r.data;
};

export async function actorIds(db: Db): Promise<Set<string>> {
  return new Set((await db.select({ id: t.actors.id }).from(t.actors)).map((a) => a.id));
}

/**
 * The actors these folded names name: an actor's own name, or an alias it has everywhere (an
 * alias scoped to some documents names it only there). Each (name, actor) once; at most `limit`.
 */
export async function actorsNamed(db: Db, keys: string[], limit?: number): Promise<{ key: string; id: string }[]> {
  const named = db
    .select({ key: t.actors.nameFolded, id: t.actors.id })
    .from(t.actors)
    .where(inArray(t.actors.nameFolded, keys))
    .union(
      db
        .select({ key: t.aliases.nameFolded, id: t.aliases.actorId })
        .from(t.aliases)
        .where(and(inArray(t.aliases.nameFolded, keys), sql`cardinality(${t.aliases.sourceIds}) = 0`)),
    );
  return limit === undefined ? await named : await named.limit(limit);
}

/** The actor a name refers to, when it names exactly one. */
export async function actorByName(db: Db, name: string): Promise<string | null> {
  const [only, other] = await actorsNamed(db, [foldName(name)], 2);
  return only && !other ? only.id : null;
}

/** Every actor id among these exists, else the first that does not, named with its field. */
/**
 * The actor a reviewer merges a name into (`mergeInto`), with every name it already has, lower-cased:
 * refused, naming the id, when there is none.
 */
export async function mergeTarget(db: Db, id: string): Promise<{ id: string; name: string; names: Set<string> }> {
  const [target] = await db.select({ id: t.actors.id, name: t.actors.name }).from(t.actors).where(eq(t.actors.id, id));
  if (!target) throw new ReviewError("invalid", `mergeInto: no actor with id "${id}".`);
  const aliases = await db.select({ name: t.aliases.name }).from(t.aliases).where(eq(t.aliases.actorId, id));
  return { ...target, names: new Set([target.name, ...aliases.map((a) => a.name)].map((n) => n.toLowerCase())) };
}

export async function requireActors(db: Db, ids: (string | null)[], field: string) {
  await requireIds(db, t.actors, ids, field, "actor");
}

type Keyed = typeof t.actors | typeof t.events | typeof t.claims | typeof t.places | typeof t.relations;

export async function requireIds(db: Db, table: Keyed, ids: (string | null)[], field: string, what: string) {
  const wanted = [...new Set(ids.filter((x): x is string => Boolean(x)))];
  if (wanted.length === 0) return;
  const found = new Set(
    (await db.select({ id: table.id }).from(table).where(inArray(table.id, wanted))).map((r) => r.id),
  );
  const missing = wanted.find((x) => !found.has(x));
  if (missing) throw new ReviewError("invalid", `${field}: no ${what} with id "${missing}".`);
}

/** `base`, or `base-2`, `base-3`… the first id the table does not hold. */
export async function freeId(db: Db, table: Keyed, base: string): Promise<string> {
  const escaped = base.replace(/[\\%_]/g, (c) => `\\${c}`);
  const taken = new Set(
    (
      await db
        .select({ id: table.id })
        .from(table)
        .where(or(eq(table.id, base), like(table.id, `${escaped}-%`)))
    ).map((r) => r.id),
  );
  return unique(base, (x) => taken.has(x));
}

/** A new event's id: its date and title, `2020-01-03-us-strike-kills-soleimani`. */
export const eventIdFor = (db: Db, edtf: string, title: string) =>
  freeId(db, t.events, slugify(`${edtf.replace(/[^0-9-].*$/, "").replace(/-$/, "")} ${title}`, 80));

/** A new claim's id: who, the stance and the statement's first words. */
export const claimIdFor = (db: Db, claimantId: string, stance: string, statement: string) =>
  freeId(db, t.claims, slugify(`${claimantId} ${stance} ${statement}`, 90));

/** A new relation's id, as the curated files make it: `<from>.<type>.<to>`. */
export const relationIdFor = (db: Db, fromId: string, type: string, toId: string) =>
  freeId(db, t.relations, `${fromId}.${type}.${toId}`);

/** A new actor's id: the one given, refused when taken (`hint` says what to do instead), else its name's slug, made free. */
export async function actorIdFor(db: Db, given: string | undefined, name: string, hint: string): Promise<string> {
  if (given) {
    const [taken] = await db.select({ id: t.actors.id }).from(t.actors).where(eq(t.actors.id, given));
    if (taken) throw new ReviewError("conflict", `id: an actor with id "${given}" already exists; ${hint}.`);
    return given;
  }
  return freeId(db, t.actors, slugify(name, 80));
}
