import { describe, test } from "vitest";
import { erbilAirport, expectIssue, expectValid, iraq } from "../test/fixtures.js";
import { Coordinates, Place } from "./place.js";

describe("Place", () => {
  test("accepts a site within a country, with sourced coordinates", () => {
    expectValid(Place, erbilAirport());
    expectValid(Place, iraq());
  });

  test("accepts a place with no honest point and no evidence", () => {
    expectValid(Place, {
      ...iraq(),
      id: "western-iraq",
      name: "western Iraq",
      kind: "region",
      withinId: "iraq",
      coordinates: null,
    });
  });

  test("rejects an unknown kind", () => {
    expectIssue(Place, { ...iraq(), kind: "continent" }, "kind", '"country"|"province"');
  });

  test("rejects coordinates off the globe, naming lat or lon", () => {
    const p = erbilAirport();
    expectIssue(Place, { ...p, coordinates: { ...p.coordinates, lat: 91 } }, "coordinates.lat", "<=90");
    expectIssue(Place, { ...p, coordinates: { ...p.coordinates, lon: -181 } }, "coordinates.lon", ">=-180");
  });

  test("coordinates must say where they come from", () => {
    const p = erbilAirport();
    expectIssue(
      Place,
      { ...p, coordinates: { ...p.coordinates, source: "" } },
      "coordinates.source",
      "must not be empty",
    );
    expectIssue(Coordinates, { lat: 36, lon: 44, approximate: false }, "source", "expected string, received undefined");
  });

  test("rejects a withinId that is not a slug, a blank alias and a padded name", () => {
    expectIssue(Place, { ...erbilAirport(), withinId: "Iraq" }, "withinId", "must be a slug");
    expectIssue(
      Place,
      { ...erbilAirport(), aliases: ["Erbil airport", " "] },
      "aliases[1]",
      "must not start or end with whitespace",
    );
    expectIssue(Place, { ...erbilAirport(), name: "Erbil airport " }, "name", "must not start or end with whitespace");
  });

  test("rejects evidence that is not a span, naming its index", () => {
    const p = erbilAirport();
    expectIssue(
      Place,
      { ...p, evidence: [...p.evidence, { sourceId: p.evidence[0]?.sourceId, start: 3, end: 2, quote: "x" }] },
      "evidence[1].end",
      "must be greater than start",
    );
  });
});
