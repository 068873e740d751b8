import * as schema from "@atlas/schema";
import { describe, expect, test } from "vitest";

describe("@atlas/schema entry point", () => {
  test("tests import the TypeScript source through the @atlas/source condition", () => {
    expect(import.meta.resolve("@atlas/schema")).toMatch(/\/src\/index\.ts$/);
  });

  test("exports exactly the public API", () => {
    expect(Object.keys(schema).sort()).toEqual(
      [
        ...["Actor", "ActorKind", "Alias", "AliasKind", "Claim", "Stance", "Id", "Text", "WebUrl", "Dataset", "Edtf"],
        "Event",
        ...["EventKind", "FatalityReport", "Participant", "ParticipantRole", "Evidence", "EvidenceList", "Mention"],
        ...["Coordinates", "Place", "PlaceKind", "Relation", "RelationType", "Genre", "MetadataBasis", "MetadataNote"],
        ...["Segment", "SegmentRole", "Source", "Precision", "Time", "TimeBasis", "TimePart"],
        ...[
          "ARTICLE_ROLES",
          "BOILERPLATE_ROLES",
          "DATASET_VERSION",
          "EVENT_KINDS",
          "MONTH_ABBREVIATIONS",
          "MONTH_NAMES",
          "PARTICIPANT_ROLES",
        ],
        ...["RECORD_SCHEMAS", "RELATION_TYPES", "STANCES"],
        ...["claimSpans", "corroboration", "describeIssues", "describeTime", "isArticleRole", "jsonSchemaOf"],
        ...["parseEdtf", "precisionOf", "timeBounds"],
        ...["CalendarDate", "calendarDateBounds", "calendarDateProblem", "dateRangeProblem", "describeDeathCount"],
        ...[
          "Page",
          "pagesOf",
          "describePages",
          "MAX_DOCUMENT_BYTES",
          "MAX_DOCUMENT_SIZE",
          "MAX_DOCUMENT_UPLOAD_BYTES",
          "documentTooLarge",
        ],
        ...[
          "readDate",
          "readDateWindow",
          "describePeriod",
          "reviewedTime",
          "AliasAttestation",
          "SizeReport",
          "describeSize",
        ],
        ...["MAX_IMPORT_BYTES", "importTooLarge"],
        ...["ClaimCredibility", "CREDIBILITY", "CredibilityGrade", "describeGrade", "RELIABILITY", "ReliabilityGrade"],
        ...["SourceReliability"],
        ...["articleOccurrences", "boilerplateAt", "occurrences", "quoteAt"],
      ].sort(),
    );
  });

  test("every record schema can validate", () => {
    for (const [name, record] of Object.entries(schema.RECORD_SCHEMAS)) {
      expect(typeof record.safeParse, name).toBe("function");
      expect(record.safeParse({}).success, name).toBe(false);
    }
  });
});
