/**
 * An event as each source tells it, side by side: the date its words give, the deaths it
 * reports, the perpetrators its words name and the place it names — each with the quote that
 * says so — and one sentence on whether the sources agree on the deaths. Nothing is inferred:
 * what a source's words do not say stays empty.
 */
import { describeDeathCount } from "@atlas/schema";
import { inArray, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "../db/client.js";
import { actors, evidence, mentions, participants, places as placesTable, sources } from "../db/schema/index.js";
import { referenceOf } from "../ingest/suggest/date-core.js";
import { findDates } from "../ingest/suggest/dates.js";
import { foldName } from "../text/fold.js";
import { actorRefSql } from "./common.js";
import { rows } from "./run.js";
import type { ActorRef, FatalityView, Quote, SourceAccount, SourceRef } from "./types.js";

/** Roles whose holder a reader asks for as "who did it". */
const PERPETRATOR_ROLES = ["perpetrator", "alleged_perpetrator", "ordered_by"];

type PlaceNames = Pick<typeof placesTable.$inferSelect, "id" | "name" | "aliases">;

const pa = alias(participants, "pa");
const a = alias(actors, "a");
const ev = alias(evidence, "ev");
const m = alias(mentions, "m");
const p = alias(placesTable, "p");

/**
 * The date a source's quotes give: the first date they state outright, year included ("January
 * 3, 2020", "in 2014"). Words that need reading against something else ("a few days later",
 * "January 3") are left out.
 */
function whenIn(source: SourceRef, quotes: Quote[]): SourceAccount["when"] {
  const ref = referenceOf(source.published);
  for (const quote of quotes) {
    const hit = findDates(quote.quote, 0, ref, new Map()).find(
      (h) => h.time.basis === "explicit" && /\b\d{4}s?\b/.test(quote.quote.slice(h.start, h.end)),
    );
    if (hit) return { words: quote.quote.slice(hit.start, hit.end), time: hit.time, quote };
  }
  return null;
}

/** The strongest role first, so an actor named both perpetrator and alleged one is listed once, as perpetrator. */
const ROLE_ORDER = ["perpetrator", "ordered_by", "alleged_perpetrator"];

const mentionsName = (text: string, name: string) => {
  const folded = ` ${foldName(text).replace(/[^\p{L}\p{N}]+/gu, " ")} `;
  return folded.includes(` ${foldName(name).replace(/[^\p{L}\p{N}]+/gu, " ")} `);
};

/** Each reporting source's account of the event, in the order the sources are listed. */
export async function sourceAccounts(
  db: Db,
  eventId: string,
  bySource: { source: SourceRef; quotes: Quote[] }[],
  fatalities: FatalityView[],
  placeId: string | null,
): Promise<SourceAccount[]> {
  const [reliabilities, named, places] = await Promise.all([
    bySource.length
      ? db
          .select({ id: sources.id, reliability: sources.reliability })
          .from(sources)
          .where(
            inArray(
              sources.id,
              bySource.map((b) => b.source.id),
            ),
          )
      : Promise.resolve([]),
    // Perpetrators whose names the source's words about the event contain (a mention inside a quote).
    rows(
      db,
      sql<
        { actor: ActorRef; sourceId: string } & Pick<typeof participants.$inferSelect, "role"> &
          Pick<typeof evidence.$inferSelect, "start" | "end">
      >`select distinct on (${pa.actorId}, ${pa.role}, ${ev.sourceId}) ${actorRefSql(a)} as actor, ${pa.role},
            ${ev.sourceId} as "sourceId", ${ev.start}, ${ev.end}
          from ${participants} ${pa}
          join ${actors} ${a} on ${a.id} = ${pa.actorId}
          join ${evidence} ${ev} on ${ev.subjectType} = 'event' and ${ev.subjectId} = ${pa.eventId}
          join ${mentions} ${m} on ${m.actorId} = ${pa.actorId} and ${m.sourceId} = ${ev.sourceId}
            and ${m.start} >= ${ev.start} and ${m.end} <= ${ev.end}
          where ${pa.eventId} = ${eventId} and ${pa.role} in ${PERPETRATOR_ROLES}
          order by ${pa.actorId}, ${pa.role}, ${ev.sourceId}, ${ev.start}`,
    ),
    placeId
      ? rows(
          db,
          sql<PlaceNames>`with recursive up(id, depth) as (select ${placeId}::text, 0
                union all select ${p.withinId}, up.depth + 1 from ${placesTable} ${p} join up on ${p.id} = up.id where ${p.withinId} is not null)
              select ${p.id}, ${p.name}, ${p.aliases} from up join ${placesTable} ${p} on ${p.id} = up.id order by up.depth`,
        )
      : Promise.resolve([] as PlaceNames[]),
  ]);
  return bySource.map(({ source, quotes }) => {
    const quoteAt = (start: number, end: number) =>
      quotes.find((q) => q.start === start && q.end === end) ?? (quotes[0] as Quote);
    // The event's place, or the nearest place it lies within, as this source's words name it.
    let place: SourceAccount["place"] = null;
    for (const p of places) {
      const quote = quotes.find((q) => [p.name, ...p.aliases].some((n) => mentionsName(q.quote, n)));
      if (quote) {
        place = { id: p.id, name: p.name, quote };
        break;
      }
    }
    return {
      source,
      reliability: reliabilities.find((r) => r.id === source.id)?.reliability ?? null,
      quotes,
      when: whenIn(source, quotes),
      deaths: fatalities.filter((f) => f.evidence.some((e) => e.sourceId === source.id)),
      perpetrators: named
        .filter((n) => n.sourceId === source.id)
        .sort((a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role))
        .filter((n, i, list) => list.findIndex((m) => m.actor.id === n.actor.id) === i)
        .map((n) => ({ actor: n.actor, role: n.role, quote: quoteAt(n.start, n.end) })),
      place,
    };
  });
}

const killed = (f: Pick<FatalityView, "low" | "high" | "expression">) =>
  f.low === 0 && f.high === 0
    ? "no deaths"
    : f.low === null && f.high === null
      ? "deaths, no number given"
      : `${describeDeathCount(f)} killed`;

/** True when one number of deaths fits every report ("dozens" and 25 both allow 25). */
const compatible = (fs: Pick<FatalityView, "low" | "high">[]) =>
  Math.max(...fs.map((f) => f.low ?? 0)) <= Math.min(...fs.map((f) => f.high ?? Number.POSITIVE_INFINITY));

/**
 * Whether the sources agree on the deaths, in one line: "3 sources agree: 1 killed", or "Sources
 * differ on deaths: “dozens” (24 or more) killed (Title A) vs 25 killed (Title B)".
 */
export function deathsAgreement(accounts: SourceAccount[]): string {
  const reporting = accounts.filter((a) => a.deaths.length > 0);
  const silent = accounts.length - reporting.length;
  const silence =
    silent === 0 ? "" : ` ${silent === 1 ? "One source does" : `${silent} sources do`} not report deaths.`;
  if (reporting.length === 0) {
    return accounts.length > 1
      ? "None of the sources reports a death toll: unknown, not zero."
      : "The source reports no death toll: unknown, not zero.";
  }
  const figures = new Map<string, string[]>();
  for (const a of reporting) {
    for (const f of a.deaths) {
      const by = f.reportedBy ? `${f.reportedBy.name}, in “${a.source.title}”` : `“${a.source.title}”`;
      const key = killed(f);
      const list = figures.get(key) ?? [];
      if (!list.includes(by)) list.push(by);
      figures.set(key, list);
    }
  }
  if (figures.size === 1) {
    const [figure] = [...figures.keys()];
    return reporting.length > 1
      ? `${reporting.length} sources agree: ${figure}.${silence}`
      : `One source reports deaths: ${figure} (“${reporting[0]?.source.title}”).${silence}`;
  }
  const listed = [...figures].map(([figure, by]) => `${figure} (${by.join("; ")})`).join(" vs ");
  const fits = compatible(reporting.flatMap((a) => a.deaths)) ? " The figures can all be true at once." : "";
  return `${reporting.length > 1 ? "Sources" : "Reports"} differ on deaths: ${listed}.${fits}${silence}`;
}
