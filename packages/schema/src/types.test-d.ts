import { describe, expectTypeOf, test } from "vitest";
import type { z } from "zod";
import type {
  Actor,
  ActorKind,
  Claim,
  Dataset,
  EdtfResult,
  Event,
  Evidence,
  FatalityReport,
  Participant,
  Place,
  Source,
  Time,
} from "./index.js";
import { type Actor as ActorSchema, describeIssues, jsonSchemaOf, parseEdtf, timeBounds } from "./index.js";

describe("inferred record types", () => {
  test("Actor", () => {
    expectTypeOf<Actor["kind"]>().toEqualTypeOf<
      | "person"
      | "group_of_people"
      | "armed_group"
      | "military"
      | "state"
      | "government_body"
      | "political_party"
      | "coalition"
      | "international_organization"
      | "religious_authority"
      | "organization"
      | "think_tank"
      | "media"
      | "author"
    >();
    expectTypeOf<Actor["kind"]>().toEqualTypeOf<ActorKind>();
    expectTypeOf<Actor["id"]>().toEqualTypeOf<string>();
    expectTypeOf<Actor["aliases"][number]["sourceIds"]>().toEqualTypeOf<string[]>();
    expectTypeOf<Actor["evidence"]>().toEqualTypeOf<Evidence[]>();
    expectTypeOf<z.infer<typeof ActorSchema>>().toEqualTypeOf<Actor>();
  });

  test("Time", () => {
    expectTypeOf<Time["edtf"]>().toEqualTypeOf<string>();
    expectTypeOf<Time["precision"]>().toEqualTypeOf<"day" | "month" | "season" | "year" | "decade" | "century">();
    expectTypeOf<Time["basis"]>().toEqualTypeOf<"explicit" | "relative" | "inferred">();
    expectTypeOf<Time["part"]>().toEqualTypeOf<"early" | "mid" | "late" | undefined>();
    expectTypeOf<Time["expression"]>().toEqualTypeOf<string | undefined>();
  });

  test("Event and FatalityReport", () => {
    expectTypeOf<Event["time"]>().toEqualTypeOf<Time>();
    expectTypeOf<Event["placeId"]>().toEqualTypeOf<string | null>();
    expectTypeOf<Event["participants"]>().toEqualTypeOf<Participant[]>();
    expectTypeOf<Event["fatalities"]>().toEqualTypeOf<FatalityReport[]>();
    expectTypeOf<Event["kind"]>().toExtend<string>();
    expectTypeOf<"attack">().toExtend<Event["kind"]>();
    expectTypeOf<"incident">().not.toExtend<Event["kind"]>();
    expectTypeOf<FatalityReport["low"]>().toEqualTypeOf<number | null>();
    expectTypeOf<FatalityReport["high"]>().toEqualTypeOf<number | null>();
    expectTypeOf<FatalityReport["reportedById"]>().toEqualTypeOf<string | null>();
  });

  test("Claim", () => {
    expectTypeOf<Claim["said"]>().toEqualTypeOf<Time | null>();
    expectTypeOf<Claim["mode"]>().toEqualTypeOf<"direct" | "indirect">();
    expectTypeOf<Claim["about"]>().toEqualTypeOf<{ actorIds: string[]; eventIds: string[] }>();
    expectTypeOf<Claim["onBehalfOfId"]>().toEqualTypeOf<string | null>();
    expectTypeOf<"denies">().toExtend<Claim["stance"]>();
    expectTypeOf<"rejects">().not.toExtend<Claim["stance"]>();
  });

  test("Evidence and Place", () => {
    expectTypeOf<Evidence>().toEqualTypeOf<{
      sourceId: string;
      start: number;
      end: number;
      quote: string;
      prefix?: string | undefined;
      suffix?: string | undefined;
    }>();
    expectTypeOf<Place["coordinates"]>().toEqualTypeOf<{
      lat: number;
      lon: number;
      source: string;
      approximate: boolean;
    } | null>();
  });

  test("Dataset", () => {
    expectTypeOf<Dataset["version"]>().toEqualTypeOf<"1">();
    expectTypeOf<Dataset["sources"]>().toEqualTypeOf<Source[]>();
    expectTypeOf<Dataset["actors"]>().toEqualTypeOf<Actor[]>();
    expectTypeOf<Dataset["events"]>().toEqualTypeOf<Event[]>();
    expectTypeOf<Dataset["claims"]>().toEqualTypeOf<Claim[]>();
    expectTypeOf<keyof Dataset>().toEqualTypeOf<
      "version" | "revision" | "sources" | "actors" | "places" | "relations" | "events" | "claims" | "mentions"
    >();
  });
});

describe("helpers", () => {
  test("parseEdtf returns a result to narrow on ok", () => {
    const r = parseEdtf("2020");
    expectTypeOf(r).toEqualTypeOf<EdtfResult>();
    if (r.ok) expectTypeOf(r.value.earliest).toEqualTypeOf<string | null>();
    else expectTypeOf(r.error).toEqualTypeOf<string>();
  });

  test("timeBounds takes anything with an edtf; open ends are null", () => {
    expectTypeOf(timeBounds).parameter(0).toEqualTypeOf<Pick<Time, "edtf">>();
    expectTypeOf(timeBounds).returns.toEqualTypeOf<{ earliest: string | null; latest: string | null }>();
  });

  test("jsonSchemaOf accepts only record names", () => {
    expectTypeOf(jsonSchemaOf)
      .parameter(0)
      .toEqualTypeOf<
        "Dataset" | "Source" | "Evidence" | "Time" | "Place" | "Actor" | "Relation" | "Event" | "Claim" | "Mention"
      >();
    // @ts-expect-error FatalityReport is part of Event, not a record with its own JSON Schema
    jsonSchemaOf("FatalityReport");
  });

  test("describeIssues takes a ZodError and returns lines", () => {
    expectTypeOf(describeIssues).parameter(0).toEqualTypeOf<z.ZodError>();
    expectTypeOf(describeIssues).returns.toEqualTypeOf<string[]>();
  });
});
