/** Claims: filtered lists, one claim with what supports or contradicts it, and the contradictions. */

import { CredibilityGrade, ReliabilityGrade, Stance } from "@atlas/schema";
import { type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../db/client.js";
import { cached } from "./cache.js";
import { claimSummaries, quotesFor } from "./common.js";
import { DEFAULT_LIMIT, decodeCursor, type Page, PageInput, toPage } from "./page.js";
import { all, one } from "./run.js";
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

/** A grade column (jsonb, null when not graded) holding one of these grades, "none" for not graded. */
function gradeIn(column: SQL, grades: readonly (string | number)[]): SQL {
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
    claimantId ? sql`c.claimant_id = ${claimantId}` : null,
    aboutActorId
      ? sql`exists (select 1 from claim_actors ca where ca.claim_id = c.id and ca.actor_id = ${aboutActorId})`
      : null,
    aboutEventId
      ? sql`exists (select 1 from claim_events ce where ce.claim_id = c.id and ce.event_id = ${aboutEventId})`
      : null,
    stance?.length ? sql`c.stance in ${stance}` : null,
    sourceId
      ? sql`exists (select 1 from evidence ev where ev.subject_type = 'claim' and ev.subject_id = c.id and ev.source_id = ${sourceId})`
      : null,
    contested ? sql`exists (select 1 from claim_links l where l.claim_id = c.id and l.type = 'contradicts')` : null,
    credibility?.length ? gradeIn(sql`c.credibility`, credibility) : null,
    reliability?.length
      ? sql`exists (select 1 from evidence ev join sources s on s.id = ev.source_id
                    where ev.subject_type = 'claim' and ev.subject_id = c.id and ${gradeIn(sql`s.reliability`, reliability)})`
      : null,
    after ? sql`c.id > ${after[1]}` : null,
  ].filter((f) => f !== null);
  const rows = await claimSummaries(
    db,
    filters.length ? sql.join(filters, sql` and `) : sql`true`,
    sql`c.id`,
    limit + 1,
  );
  return toPage(rows, limit, (r) => [null, r.id]);
}

async function claimByIdQuery(db: Db, id: string): Promise<ClaimDetail | null> {
  const [claim] = await claimSummaries(db, sql`c.id = ${id}`);
  if (!claim) return null;
  const [attribution, actors, events, supports, supportedBy, contradicts] = await Promise.all([
    quotesFor(db, "attribution", [id]).then((m) => m.get(id) ?? []),
    all<ClaimDetail["about"]["actors"][number]>(
      db,
      sql`select a.id, a.name, a.kind from claim_actors ca join actors a on a.id = ca.actor_id
          where ca.claim_id = ${id} order by a.name`,
    ),
    all<{ id: string; title: string }>(
      db,
      sql`select e.id, e.title from claim_events ce join events e on e.id = ce.event_id
          where ce.claim_id = ${id} order by e.time_earliest nulls first, e.id`,
    ),
    claimSummaries(db, sql`c.id in (select other_id from claim_links where claim_id = ${id} and type = 'supports')`),
    claimSummaries(db, sql`c.id in (select claim_id from claim_links where other_id = ${id} and type = 'supports')`),
    claimSummaries(db, sql`c.id in (select other_id from claim_links where claim_id = ${id} and type = 'contradicts')`),
  ]);
  return { ...claim, attribution, about: { actors, events }, supports, supportedBy, contradicts };
}

/**
 * Every contradiction once, however its links are stored: an unordered pair of claims as (a, b),
 * a < b. The one definition the list and the count (queries/stats.ts) share; the dataset's rule
 * is the same (stats.ts, contradictionPairs).
 */
export const contradictionPairs = sql`select distinct least(claim_id, other_id) as a, greatest(claim_id, other_id) as b
  from claim_links where type = 'contradicts'`;

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
    claimantId ? sql`c.claimant_id = ${claimantId}` : null,
    aboutActorId
      ? sql`exists (select 1 from claim_actors ca where ca.claim_id = c.id and ca.actor_id = ${aboutActorId})`
      : null,
    aboutEventId
      ? sql`exists (select 1 from claim_events ce where ce.claim_id = c.id and ce.event_id = ${aboutEventId})`
      : null,
    sourceId
      ? sql`exists (select 1 from evidence ev where ev.subject_type = 'claim' and ev.subject_id = c.id and ev.source_id = ${sourceId})`
      : null,
  ].filter((f) => f !== null);
  // Each filter holds for one claim of the pair or the other.
  const either = sql.join(
    conditions.map((c) => sql`and exists (select 1 from claims c where c.id in (l.a, l.b) and ${c})`),
    sql` `,
  );
  const matching = sql`select a, b from (${contradictionPairs}) l where true ${either}`;
  const [pairs, total] = await Promise.all([
    all<{ a: string; b: string }>(
      db,
      sql`select a, b from (${matching}) m
          where ${after ? sql`(a, b) > (${String(after[0])}, ${after[1]})` : sql`true`}
          order by a, b limit ${limit + 1}`,
    ),
    one<{ n: number }>(db, sql`select count(*)::int as n from (${matching}) m`),
  ]);
  const ids = [...new Set(pairs.flatMap((p) => [p.a, p.b]))];
  const claims = ids.length ? await claimSummaries(db, sql`c.id in ${ids}`) : [];
  const byId = new Map(claims.map((c) => [c.id, c]));
  const page = toPage(pairs, limit, (p) => [p.a, p.b]);
  return {
    items: page.items.flatMap((p) => {
      const a = byId.get(p.a);
      const b = byId.get(p.b);
      return a && b ? [{ a, b }] : [];
    }),
    nextCursor: page.nextCursor,
    total: total?.n ?? 0,
  };
}

export { quotesFor };

export const listClaims = cached("listClaims", listClaimsQuery);

export const claimById = cached("claimById", claimByIdQuery);

export const contradictions = cached("contradictions", contradictionsQuery);
