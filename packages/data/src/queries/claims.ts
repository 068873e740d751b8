/** Claims: filtered lists, one claim with what supports or contradicts it, and the contradictions. */

import { CredibilityGrade, ReliabilityGrade, Stance } from "@atlas/schema";
import { eq, type SQL, sql } from "drizzle-orm";
import { type AnyPgColumn, alias } from "drizzle-orm/pg-core";
import { z } from "zod";
import type { Db } from "../db/client.js";
import { actors, claimActors, claimEvents, claimLinks, claims, events, evidence, sources } from "../db/schema/index.js";
import { cached } from "./cache.js";
import { claimSummaries, quotesFor, summaryClaim } from "./common.js";
import { DEFAULT_LIMIT, decodeCursor, type Page, PageInput, toPage } from "./page.js";
import { rows } from "./run.js";
import { type ClaimDetail, ClaimSummary, pageOf } from "./types.js";

export const Contradiction = z
  .object({ a: ClaimSummary, b: ClaimSummary })
  .meta({ id: "Contradiction", description: "Two claims that contradict each other, side by side." });
export type Contradiction = z.infer<typeof Contradiction>;

export const ClaimListInput = PageInput.extend({
  claimantId: z.string().min(1).optional().describe("Only claims made by this actor."),
  aboutActorId: z.string().min(1).optional().describe("Only claims about this actor."),
  aboutEventId: z.string().min(1).optional().describe("Only claims about this event."),
  stance: z.array(Stance).optional().describe("Only claims with these stances."),
  sourceId: z.string().min(1).optional().describe("Only claims this source reports."),
  contested: z.boolean().optional().describe("Only claims that contradict, or are contradicted by, another claim."),
  credibility: z
    .array(z.union([CredibilityGrade, z.literal("none")]))
    .optional()
    .describe('Only claims graded with these credibility grades (1–6); "none": not graded.'),
  reliability: z
    .array(z.union([ReliabilityGrade, z.literal("none")]))
    .optional()
    .describe('Only claims a source with these reliability grades (A–F) reports; "none": a source not graded.'),
});
export type ClaimListInput = z.input<typeof ClaimListInput>;

const c = summaryClaim;
const ca = alias(claimActors, "ca");
const ce = alias(claimEvents, "ce");
const ev = alias(evidence, "ev");
const l = alias(claimLinks, "l");
const s = alias(sources, "s");
const a = alias(actors, "a");
const e = alias(events, "e");

/** Conditions on `summaryClaim` that several lists filter by. */
const byClaimant = (id: string) => eq(c.claimantId, id);
const aboutActor = (id: string) =>
  sql`exists (select 1 from ${claimActors} ${ca} where ${ca.claimId} = ${c.id} and ${ca.actorId} = ${id})`;
const aboutEvent = (id: string) =>
  sql`exists (select 1 from ${claimEvents} ${ce} where ${ce.claimId} = ${c.id} and ${ce.eventId} = ${id})`;
const reportedIn = (id: string) =>
  sql`exists (select 1 from ${evidence} ${ev} where ${ev.subjectType} = 'claim' and ${ev.subjectId} = ${c.id} and ${ev.sourceId} = ${id})`;

/** A grade column (jsonb, null when not graded) holding one of these grades, "none" for not graded. */
function gradeIn(column: AnyPgColumn, grades: readonly (string | number)[]): SQL {
  const given = grades.filter((g) => g !== "none").map(String);
  const either = [
    given.length ? sql`(${column}->>'grade') in ${given}` : null,
    grades.includes("none") ? sql`${column} is null` : null,
  ].filter((f) => f !== null);
  return sql`(${sql.join(either, sql` or `)})`;
}

async function listClaimsQuery(db: Db, input: ClaimListInput = {}): Promise<Page<ClaimSummary>> {
  const {
    limit,
    cursor,
    claimantId,
    aboutActorId,
    aboutEventId,
    stance,
    sourceId,
    contested,
    credibility,
    reliability,
  } = ClaimListInput.parse(input);
  const after = decodeCursor(cursor);
  const filters = [
    claimantId ? byClaimant(claimantId) : null,
    aboutActorId ? aboutActor(aboutActorId) : null,
    aboutEventId ? aboutEvent(aboutEventId) : null,
    stance?.length ? sql`${c.stance} in ${stance}` : null,
    sourceId ? reportedIn(sourceId) : null,
    contested
      ? sql`exists (select 1 from ${claimLinks} ${l} where ${l.claimId} = ${c.id} and ${l.type} = 'contradicts')`
      : null,
    credibility?.length ? gradeIn(c.credibility, credibility) : null,
    reliability?.length
      ? sql`exists (select 1 from ${evidence} ${ev} join ${sources} ${s} on ${s.id} = ${ev.sourceId}
                    where ${ev.subjectType} = 'claim' and ${ev.subjectId} = ${c.id} and ${gradeIn(s.reliability, reliability)})`
      : null,
    after ? sql`${c.id} > ${after[1]}` : null,
  ].filter((f) => f !== null);
  const summaries = await claimSummaries(
    db,
    filters.length ? sql.join(filters, sql` and `) : sql`true`,
    sql`${c.id}`,
    limit + 1,
  );
  return toPage(summaries, limit, (r) => [null, r.id]);
}

async function claimByIdQuery(db: Db, id: string): Promise<ClaimDetail | null> {
  const [claim] = await claimSummaries(db, eq(c.id, id));
  if (!claim) return null;
  const [attribution, aboutActors, aboutEvents, supports, supportedBy, contradicts] = await Promise.all([
    quotesFor(db, "attribution", [id]).then((m) => m.get(id) ?? []),
    db
      .select({ id: a.id, name: a.name, kind: a.kind })
      .from(ca)
      .innerJoin(a, eq(a.id, ca.actorId))
      .where(eq(ca.claimId, id))
      .orderBy(a.name),
    db
      .select({ id: e.id, title: e.title })
      .from(ce)
      .innerJoin(e, eq(e.id, ce.eventId))
      .where(eq(ce.claimId, id))
      .orderBy(sql`${e.timeEarliest} nulls first`, e.id),
    claimSummaries(
      db,
      sql`${c.id} in (select ${claimLinks.otherId} from ${claimLinks} where ${claimLinks.claimId} = ${id} and ${claimLinks.type} = 'supports')`,
    ),
    claimSummaries(
      db,
      sql`${c.id} in (select ${claimLinks.claimId} from ${claimLinks} where ${claimLinks.otherId} = ${id} and ${claimLinks.type} = 'supports')`,
    ),
    claimSummaries(
      db,
      sql`${c.id} in (select ${claimLinks.otherId} from ${claimLinks} where ${claimLinks.claimId} = ${id} and ${claimLinks.type} = 'contradicts')`,
    ),
  ]);
  return {
    ...claim,
    attribution,
    about: { actors: aboutActors, events: aboutEvents },
    supports,
    supportedBy,
    contradicts,
  };
}

/**
 * Every contradiction once, however its links are stored: an unordered pair of claims as (a, b),
 * a < b. The one definition the list and the count (queries/stats.ts) share; the dataset's rule
 * is the same (stats.ts, contradictionPairs).
 */
export const contradictionPairs = sql`select distinct least(${claimLinks.claimId}, ${claimLinks.otherId}) as a, greatest(${claimLinks.claimId}, ${claimLinks.otherId}) as b
  from ${claimLinks} where ${claimLinks.type} = 'contradicts'`;

export const ContradictionsInput = PageInput.extend({
  claimantId: z.string().min(1).optional().describe("Only pairs where this actor made one of the claims."),
  aboutActorId: z.string().min(1).optional().describe("Only pairs where one of the claims is about this actor."),
  aboutEventId: z.string().min(1).optional().describe("Only pairs where one of the claims is about this event."),
  sourceId: z.string().min(1).optional().describe("Only pairs where one of the claims is reported by this source."),
}).default({ limit: DEFAULT_LIMIT });
export type ContradictionsInput = z.input<typeof ContradictionsInput>;

export const ContradictionPage = pageOf(Contradiction)
  .extend({ total: z.int().describe("How many pairs match the filters, on every page.") })
  .meta({ id: "ContradictionPage", description: "A page of contradictions, ordered by the pair's claim ids." });
export type ContradictionPage = z.infer<typeof ContradictionPage>;

/**
 * Every contradiction once, as a pair of claims side by side (who said each, when, in which
 * words), a page at a time in the order of the pair's ids; with filters, the pairs in which either
 * claim is by, about, or reported by it.
 */
async function contradictionsQuery(db: Db, input: ContradictionsInput = {}): Promise<ContradictionPage> {
  const { limit, cursor, claimantId, aboutActorId, aboutEventId, sourceId } = ContradictionsInput.parse(input);
  const after = decodeCursor(cursor);
  const conditions = [
    claimantId ? byClaimant(claimantId) : null,
    aboutActorId ? aboutActor(aboutActorId) : null,
    aboutEventId ? aboutEvent(aboutEventId) : null,
    sourceId ? reportedIn(sourceId) : null,
  ].filter((f) => f !== null);
  // Each filter holds for one claim of the pair or the other.
  const either = sql.join(
    conditions.map(
      (condition) => sql`and exists (select 1 from ${claims} ${c} where ${c.id} in (l.a, l.b) and ${condition})`,
    ),
    sql` `,
  );
  const matching = sql`select a, b from (${contradictionPairs}) l where true ${either}`;
  const [pairs, [total]] = await Promise.all([
    rows(
      db,
      sql<{ a: string; b: string }>`select a, b from (${matching}) m
          where ${after ? sql`(a, b) > (${String(after[0])}, ${after[1]})` : sql`true`}
          order by a, b limit ${limit + 1}`,
    ),
    rows(db, sql<{ n: number }>`select count(*)::int as n from (${matching}) m`),
  ]);
  const ids = [...new Set(pairs.flatMap((p) => [p.a, p.b]))];
  const summaries = ids.length ? await claimSummaries(db, sql`${c.id} in ${ids}`) : [];
  const byId = new Map(summaries.map((summary) => [summary.id, summary]));
  const page = toPage(pairs, limit, (p) => [p.a, p.b]);
  return {
    items: page.items.flatMap((p) => {
      const first = byId.get(p.a);
      const second = byId.get(p.b);
      return first && second ? [{ a: first, b: second }] : [];
    }),
    nextCursor: page.nextCursor,
    total: total?.n ?? 0,
  };
}

export { quotesFor };

export const listClaims = cached("listClaims", listClaimsQuery);

export const claimById = cached("claimById", claimByIdQuery);

export const contradictions = cached("contradictions", contradictionsQuery);
