/** Places with coordinates (and their gazetteer) and how many events happened there, and there or inside. */

import { sql } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { cached } from "./cache.js";
import { all } from "./run.js";
import type { PlaceView } from "./types.js";

async function listPlacesQuery(db: Db): Promise<PlaceView[]> {
  const rows = await all<
    Omit<PlaceView, "coordinates"> & {
      lat: number | null;
      lon: number | null;
      source: string | null;
      approximate: boolean | null;
    }
  >(
    db,
    sql`select p.id, p.name, p.kind, p.aliases,
          case when w.id is null then null else json_build_object('id', w.id, 'name', w.name) end as within,
          p.lat, p.lon, p.coordinates_source as source, p.coordinates_approximate as approximate,
          (select count(*)::int from events e where e.place_id = p.id) as "eventCount",
          coalesce(inside.n, 0) as "eventsWithin"
        from places p left join places w on w.id = p.within_id
        left join (
          with recursive tree(root, id) as (
            select id, id from places union all select t.root, c.id from places c join tree t on c.within_id = t.id)
          select tree.root, count(e.id)::int as n from tree join events e on e.place_id = tree.id group by tree.root
        ) inside on inside.root = p.id
        order by p.name`,
  );
  return rows.map(({ lat, lon, source, approximate, ...p }) => ({
    ...p,
    coordinates:
      lat !== null && lon !== null && source ? { lat, lon, source, approximate: approximate ?? false } : null,
  }));
}

export const listPlaces = cached("listPlaces", listPlacesQuery);
