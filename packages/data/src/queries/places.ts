/** Places with coordinates (and their gazetteer) and how many events happened there, and there or inside. */

import { eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "../db/client.js";
import { events, places } from "../db/schema/index.js";
import { cached } from "./cache.js";
import type { PlaceView } from "./types.js";

const p = alias(places, "p");
const w = alias(places, "w");
const c = alias(places, "c");
const e = alias(events, "e");

async function listPlacesQuery(db: Db): Promise<PlaceView[]> {
  const rows = await db
    .select({
      id: p.id,
      name: p.name,
      kind: p.kind,
      aliases: p.aliases,
      within: sql<
        PlaceView["within"]
      >`case when ${w.id} is null then null else json_build_object('id', ${w.id}, 'name', ${w.name}) end`,
      lat: p.lat,
      lon: p.lon,
      source: p.coordinatesSource,
      approximate: p.coordinatesApproximate,
      eventCount: sql<number>`(select count(*)::int from ${events} ${e} where ${e.placeId} = ${p.id})`,
      eventsWithin: sql<number>`coalesce(inside.n, 0)`,
    })
    .from(p)
    .leftJoin(w, eq(w.id, p.withinId))
    // Events at each place or anywhere inside it: the places under each root, walked down.
    .leftJoin(
      sql`(with recursive tree(root, id) as (
            select ${places.id}, ${places.id} from ${places} union all select t.root, ${c.id} from ${places} ${c} join tree t on ${c.withinId} = t.id)
          select tree.root, count(${e.id})::int as n from tree join ${events} ${e} on ${e.placeId} = tree.id group by tree.root
        ) inside`,
      sql`inside.root = ${p.id}`,
    )
    .orderBy(p.name);
  return rows.map(({ lat, lon, source, approximate, ...p }) => ({
    ...p,
    coordinates:
      lat !== null && lon !== null && source ? { lat, lon, source, approximate: approximate ?? false } : null,
  }));
}

export const listPlaces = cached("listPlaces", listPlacesQuery);
