/**
 * ISO 3166-1 alpha-2 codes for the countries the places catalogue names, by place id: STIX
 * locations and FollowTheMoney's `country` property take codes. A place inside one of these
 * (via `withinId`) inherits its code.
 */
const CODES: Record<string, string> = {
  iraq: "IQ",
  iran: "IR",
  syria: "SY",
  kuwait: "KW",
  lebanon: "LB",
  "united-states": "US",
  "saudi-arabia": "SA",
  turkey: "TR",
  jordan: "JO",
  israel: "IL",
  yemen: "YE",
  "united-kingdom": "GB",
};

export const countryCode = (placeId: string): string | undefined => CODES[placeId];
