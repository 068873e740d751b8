/** Actors: the directory (filters, sorting, pages) and the full profile. */

import { ActorKind } from "@atlas/schema";
import { type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../db/client.js";
import { queryKeys } from "../names/search-keys.js";
import { foldName } from "../text/fold.js";
import { cached } from "./cache.js";
import { actorRefSql, claimSummaries, eventSummaries, quotesFor, sourceRefSql } from "./common.js";
import { decodeCursor, type Page, PageInput, toPage } from "./page.js";
import { all, one } from "./run.js";
import type { ActorDetail, ActorSummary, MentionSnippet, RelationView, SizeView, SourceRef } from "./types.js";

export const ACTOR_SORTS = ["name", "mentions", "events", "claims", "relations"] as const;

export const ActorListInput = PageInput.extend({
  kind: z.array(ActorKind).optional().describe("Only actors of these kinds."),
  q: z.string().trim().min(1).max(200).optional().describe("Text in the name or an alias (misspellings tolerated)."),
  involvement: z
    .enum(["events", "claims", "relations"])
    .optional()
    .describe("Only actors that take part in events, make or are subject of claims, or have relations."),
  sort: z.enum(ACTOR_SORTS).default("name").describe("name A–Z; or most mentions, events, claims or relations first."),
});
export type ActorListInput = z.input<typeof ActorListInput>;

const countsSql = sql`
  (select count(*)::int from mentions m where m.actor_id = a.id) as mentions,
  (select count(distinct m.source_id)::int from mentions m where m.actor_id = a.id) as sources,
  (select count(distinct p.event_id)::int from participants p where p.actor_id = a.id) as events,
  -- Claims by or about the actor, each once (the profile lists one about itself among its own).
  ((select count(*) from claims c where c.claimant_id = a.id)
    + (select count(*) from claim_actors ca join claims c on c.id = ca.claim_id
       where ca.actor_id = a.id and c.claimant_id <> a.id))::int as claims,
  (select count(*)::int from relations r where r.from_id = a.id or r.to_id = a.id) as relations`;

interface ActorRow {
  id: string;
  name: string;
  kind: string;
  description: string;
  aliases: string[];
  mentions: number;
  sources: number;
  events: number;
  claims: number;
  relations: number;
}

const toSummary = (r: ActorRow): ActorSummary => ({
  id: r.id,
  name: r.name,
  kind: r.kind,
  description: r.description,
  aliases: r.aliases,
  counts: { mentions: r.mentions, sources: r.sources, events: r.events, claims: r.claims, relations: r.relations },
});

/**
 * Name key and initials conditions on the actor `a` or one of its aliases `al`: the key finds
 * "Kataeb Hizballah" (the consonants of Kataib Hezbollah), the initials "KH". Each is plain
 * `false` when the query is too short to be read that way.
 */
export function nameKeyConditions(q: string, table: "a" | "al"): { key: SQL; initials: SQL; either: SQL } {
  const { key, initials } = queryKeys(q);
  const col = (name: string) => sql.raw(`${table}.${name}`);
  const byKey = key ? sql`(' ' || ${col("name_key")} || ' ') like ${`% ${key} %`}` : sql`false`;
  const byInitials = initials ? sql`${col("initials")} = ${initials}` : sql`false`;
  return { key: byKey, initials: byInitials, either: sql`(${byKey} or ${byInitials})` };
}

/** Fuzzy name match: substring of the folded name or an alias, trigram similarity, or the name key. */
export const nameMatchSql = (q: string) => {
  const folded = foldName(q);
  const like = `%${folded.replace(/[\\%_]/g, "\\$&")}%`;
  return sql`(a.name_folded like ${like} or word_similarity(${folded}, a.name_folded) >= 0.5 or ${nameKeyConditions(q, "a").either}
    or exists (select 1 from aliases al where al.actor_id = a.id
               and (al.name_folded like ${like} or word_similarity(${folded}, al.name_folded) >= 0.5 or ${nameKeyConditions(q, "al").either})))`;
};

async function listActorsQuery(db: Db, input: ActorListInput = {}): Promise<Page<ActorSummary>> {
  const { limit, cursor, kind, q, involvement, sort } = ActorListInput.parse(input);
  const after = decodeCursor(cursor);
  const filters = [
    kind?.length ? sql`a.kind in ${kind}` : null,
    q ? nameMatchSql(q) : null,
    involvement === "events" ? sql`exists (select 1 from participants p where p.actor_id = a.id)` : null,
    involvement === "claims"
      ? sql`(exists (select 1 from claims c where c.claimant_id = a.id) or exists (select 1 from claim_actors ca where ca.actor_id = a.id))`
      : null,
    involvement === "relations"
      ? sql`exists (select 1 from relations r where r.from_id = a.id or r.to_id = a.id)`
      : null,
  ].filter((f) => f !== null);
  const where = filters.length ? sql.join(filters, sql` and `) : sql`true`;
  // name sorts ascending; counts sort descending, ties by id. Keyset on (key, id).
  const key = sort === "name" ? sql`lower(name)` : sql.raw(sort);
  const keyset = after
    ? sort === "name"
      ? sql`where (lower(name), id) > (${after[0]}, ${after[1]})`
      : sql`where (${key} < ${after[0]} or (${key} = ${after[0]} and id > ${after[1]}))`
    : sql``;
  const order = sort === "name" ? sql`lower(name), id` : sql`${key} desc, id`;
  const rows = await all<ActorRow>(
    db,
    sql`with listed as (
          select a.id, a.name, a.kind, a.description,
            coalesce((select json_agg(al.name order by al.name) from aliases al where al.actor_id = a.id and al.outside is null), '[]') as aliases,
            ${countsSql}
          from actors a where ${where})
        select * from listed ${keyset} order by ${order} limit ${limit + 1}`,
  );
  const page = toPage(rows, limit, (r) => [sort === "name" ? r.name.toLowerCase() : r[sort], r.id]);
  return { ...page, items: page.items.map(toSummary) };
}

const SNIPPET_CONTEXT = 80;
const SNIPPETS_PER_SOURCE = 5;
const MENTION_SOURCES = 50;

async function actorByIdQuery(db: Db, id: string): Promise<ActorDetail | null> {
  const row = await one<ActorRow>(
    db,
    sql`select a.id, a.name, a.kind, a.description,
          coalesce((select json_agg(al.name order by al.name) from aliases al where al.actor_id = a.id and al.outside is null), '[]') as aliases,
          ${countsSql}
        from actors a where a.id = ${id}`,
  );
  if (!row) return null;
  const [aliasDetails, evidence, sizeRows, relationRows, events, claimsBy, claimsAbout, mentionRows] =
    await Promise.all([
      all<ActorDetail["aliasDetails"][number]>(
        db,
        sql`select al.name, al.kind, al.source_ids as "sourceIds", al.outside,
            coalesce((select json_agg(json_build_object('id', s.id, 'title', s.title) order by s.id)
                      from sources s where s.id = any(al.source_ids)), '[]') as sources
          from aliases al where al.actor_id = ${id} order by al.outside is not null, al.name`,
      ),
      quotesFor(db, "actor", [id]).then((m) => m.get(id) ?? []),
      all<Omit<SizeView, "evidence"> & { ord: number }>(
        db,
        sql`select z.ord, z.low, z.high, z.expression, z.time,
            case when r.id is null then null else ${actorRefSql("r")} end as "reportedBy"
          from actor_sizes z left join actors r on r.id = z.reported_by_id
          where z.actor_id = ${id} order by z.ord`,
      ),
      all<Omit<RelationView, "evidence">>(
        db,
        sql`select r.id, r.type, r.role, r.time, r.former, r.note,
            case when r.from_id = ${id} then 'outgoing' else 'incoming' end as direction,
            ${actorRefSql("o")} as other,
            -- A role that ended on the day its holder died: the event in which the holder died.
            (select json_build_object('id', e.id, 'title', e.title) from events e
               join participants pa on pa.event_id = e.id and pa.actor_id = r.from_id and pa.role = 'victim'
             where r.former and r.time_latest is not null and e.time_latest = r.time_latest
               and e.kind in ('killing', 'strike', 'attack', 'death')
             order by e.id limit 1) as "endedWith"
          from relations r join actors o on o.id = case when r.from_id = ${id} then r.to_id else r.from_id end
          where r.from_id = ${id} or r.to_id = ${id}
          order by r.type, direction, o.name`,
      ),
      eventSummaries(db, sql`exists (select 1 from participants pa where pa.event_id = e.id and pa.actor_id = ${id})`),
      claimSummaries(db, sql`c.claimant_id = ${id}`, sql`c.said->>'edtf' nulls last, c.id`),
      claimSummaries(
        db,
        sql`c.claimant_id <> ${id} and exists (select 1 from claim_actors ca where ca.claim_id = c.id and ca.actor_id = ${id})`,
        sql`c.said->>'edtf' nulls last, c.id`,
      ),
      // Snippets are cut in SQL (substr counts code points; equal to JS offsets for text without astral characters).
      all<{ source: SourceRef; count: number; snippets: MentionSnippet[] }>(
        db,
        sql`select ${sourceRefSql("s")} as source, agg.count,
            (select json_agg(json_build_object('sourceId', s.id, 'start', m.start, 'end', m."end", 'quote', m.quote,
                    'before', substr(s.text, greatest(1, m.start - ${SNIPPET_CONTEXT} + 1), least(${SNIPPET_CONTEXT}, m.start)),
                    'after', substr(s.text, m."end" + 1, ${SNIPPET_CONTEXT})) order by m.start)
             from (select * from mentions m2 where m2.actor_id = ${id} and m2.source_id = s.id
                   order by m2.start limit ${SNIPPETS_PER_SOURCE}) m) as snippets
          from (select source_id, count(*)::int as count from mentions where actor_id = ${id} group by source_id) agg
          join sources s on s.id = agg.source_id
          order by agg.count desc, s.id
          limit ${MENTION_SOURCES}`,
      ),
    ]);
  const [sizeEvidence, relationEvidence, eventEvidence] = await Promise.all([
    quotesFor(
      db,
      "size",
      sizeRows.map((z) => `${id}#${z.ord}`),
    ),
    quotesFor(
      db,
      "relation",
      relationRows.map((r) => r.id),
    ),
    quotesFor(
      db,
      "event",
      events.map((e) => e.id),
    ),
  ]);
  const roles = await all<{ eventId: string; role: string }>(
    db,
    sql`select event_id as "eventId", role from participants where actor_id = ${id} order by role`,
  );
  return {
    ...toSummary(row),
    aliasDetails,
    evidence,
    sizes: sizeRows.map(({ ord, ...z }) => ({ ...z, evidence: sizeEvidence.get(`${id}#${ord}`) ?? [] })),
    relations: relationRows.map((r) => ({ ...r, evidence: relationEvidence.get(r.id) ?? [] })),
    events: events.map((e) => ({
      ...e,
      roles: roles.filter((r) => r.eventId === e.id).map((r) => r.role),
      evidence: eventEvidence.get(e.id) ?? [],
    })),
    claimsBy,
    claimsAbout,
    mentionsBySource: mentionRows,
  };
}

export const listActors = cached("listActors", listActorsQuery);

export const actorById = cached("actorById", actorByIdQuery);
