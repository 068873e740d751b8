/**
 * The offline map: Natural Earth countries from the world-atlas package (no tile server, no
 * network), projected with d3-geo on the server into SVG paths for a frame around Iraq.
 */
import { type ExtendedFeature, type ExtendedFeatureCollection, geoBounds, geoMercator, geoPath } from "d3-geo";
import { feature } from "topojson-client";
import countries50m from "world-atlas/countries-50m.json";

// The TopoJSON types, reached through topojson-client's own signature (no direct dependency).
type Topology = Parameters<typeof feature>[0];

export const MAP_WIDTH = 1000;
export const MAP_HEIGHT = 640;

/** The frame: Lebanon to western Iran, Turkey's south to the Gulf (lon/lat). */
const FRAME = { west: 34.5, east: 56.5, south: 27.8, north: 39.2 };

// The frame's corners as points: a polygon would need d3's winding order, points need none.
const frameCorners: ExtendedFeature = {
  type: "Feature",
  properties: {},
  geometry: {
    type: "MultiPoint",
    coordinates: [
      [FRAME.west, FRAME.south],
      [FRAME.east, FRAME.south],
      [FRAME.east, FRAME.north],
      [FRAME.west, FRAME.north],
    ],
  },
};

const projection = geoMercator()
  .fitExtent(
    [
      [0, 0],
      [MAP_WIDTH, MAP_HEIGHT],
    ],
    frameCorners,
  )
  .clipExtent([
    [0, 0],
    [MAP_WIDTH, MAP_HEIGHT],
  ]);
const path = geoPath(projection).digits(1);

export interface CountryShape {
  id: string;
  name: string;
  d: string;
  label: { x: number; y: number } | null;
}

const LABELLED = new Set(["Iraq", "Iran", "Syria", "Turkey", "Saudi Arabia", "Jordan", "Kuwait", "Lebanon"]);

function build(): CountryShape[] {
  const topology = countries50m as unknown as Topology;
  const objects = topology.objects as Record<string, Parameters<typeof feature>[1]>;
  const collection = feature(
    topology,
    objects.countries as Parameters<typeof feature>[1],
  ) as unknown as ExtendedFeatureCollection<ExtendedFeature<null, { name: string }>>;
  return collection.features.flatMap((f) => {
    const [[w, s], [e, n]] = geoBounds(f);
    if (e < FRAME.west || w > FRAME.east || n < FRAME.south || s > FRAME.north) return [];
    const d = path(f);
    if (!d) return [];
    const name = f.properties?.name ?? "";
    const [cx, cy] = path.centroid(f);
    const inside = cx > 20 && cx < MAP_WIDTH - 20 && cy > 20 && cy < MAP_HEIGHT - 20;
    return [
      {
        id: String(f.id),
        name,
        d,
        label: LABELLED.has(name) && inside ? { x: Math.round(cx), y: Math.round(cy) } : null,
      },
    ];
  });
}

let cached: CountryShape[] | null = null;
/** The countries in the frame, projected once per server process. */
export function countryShapes(): CountryShape[] {
  cached ??= build();
  return cached;
}

/** A point's position in the SVG, or null when it lies outside the frame. */
export function project(lon: number, lat: number): { x: number; y: number } | null {
  if (lon < FRAME.west || lon > FRAME.east || lat < FRAME.south || lat > FRAME.north) return null;
  const p = projection([lon, lat]);
  return p ? { x: Math.round(p[0] * 10) / 10, y: Math.round(p[1] * 10) / 10 } : null;
}

export const IRAQ_ID = "368";
