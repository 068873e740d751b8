/**
 * The countries the places catalogue names, by place id, with the codes the export formats
 * take: ISO 3166-1 alpha-2 (STIX locations, FollowTheMoney), alpha-3 and numeric (ACLED's
 * `event_id_cnty` prefix and `iso`), and ACLED's own country and region names. A place inside
 * one of these (via `withinId`) is in that country.
 */
import type { Place } from "@atlas/schema";

export interface Country {
  alpha2: string;
  alpha3: string;
  numeric: number;
  /** The name and region ACLED's files use. */
  acledName: string;
  acledRegion: string;
}

const COUNTRIES: Record<string, Country> = {
  iraq: { alpha2: "IQ", alpha3: "IRQ", numeric: 368, acledName: "Iraq", acledRegion: "Middle East" },
  iran: { alpha2: "IR", alpha3: "IRN", numeric: 364, acledName: "Iran", acledRegion: "Middle East" },
  syria: { alpha2: "SY", alpha3: "SYR", numeric: 760, acledName: "Syria", acledRegion: "Middle East" },
  kuwait: { alpha2: "KW", alpha3: "KWT", numeric: 414, acledName: "Kuwait", acledRegion: "Middle East" },
  lebanon: { alpha2: "LB", alpha3: "LBN", numeric: 422, acledName: "Lebanon", acledRegion: "Middle East" },
  "united-states": {
    alpha2: "US",
    alpha3: "USA",
    numeric: 840,
    acledName: "United States",
    acledRegion: "North America",
  },
  "saudi-arabia": { alpha2: "SA", alpha3: "SAU", numeric: 682, acledName: "Saudi Arabia", acledRegion: "Middle East" },
  turkey: { alpha2: "TR", alpha3: "TUR", numeric: 792, acledName: "Turkey", acledRegion: "Middle East" },
  jordan: { alpha2: "JO", alpha3: "JOR", numeric: 400, acledName: "Jordan", acledRegion: "Middle East" },
  israel: { alpha2: "IL", alpha3: "ISR", numeric: 376, acledName: "Israel", acledRegion: "Middle East" },
  yemen: { alpha2: "YE", alpha3: "YEM", numeric: 887, acledName: "Yemen", acledRegion: "Middle East" },
  "united-kingdom": {
    alpha2: "GB",
    alpha3: "GBR",
    numeric: 826,
    acledName: "United Kingdom",
    acledRegion: "Europe",
  },
};

/** The country a place id names, if it names one. */
export const countryNamed = (placeId: string): Country | undefined => COUNTRIES[placeId];

/** The country a place is, or lies in (following `withinId` up a few levels). */
export function countryOf(placeId: string | null | undefined, places: Map<string, Place>): Country | undefined {
  for (let at = placeId ? places.get(placeId) : undefined, hops = 0; at && hops < 5; hops++) {
    const country = COUNTRIES[at.id];
    if (country) return country;
    at = at.withinId ? places.get(at.withinId) : undefined;
  }
  return undefined;
}
