import { describe, expect, test } from "vitest";
import { attack, EVENT_ID, expectIssue, expectValid, fatalities, issuesOf, span } from "../test/fixtures.js";
import {
  corroboration,
  describeDeathCount,
  EVENT_KINDS,
  Event,
  EventKind,
  FatalityReport,
  PARTICIPANT_ROLES,
  ParticipantRole,
} from "./event.js";

describe("Event", () => {
  test("accepts an attack with a relative date, a place, an alleged perpetrator and a death toll", () => {
    expectValid(Event, attack());
  });

  test("accepts unknown fatalities (no reports) and a response to another event", () => {
    expectValid(Event, {
      ...attack(),
      fatalities: [],
      responseToIds: ["2020-01-03-baghdad-airport-strike"],
      partOfId: "2021-erbil-attacks",
    });
  });

  test("kinds and participant roles are the documented ones", () => {
    expect(EventKind.options).toEqual(Object.keys(EVENT_KINDS));
    expect(ParticipantRole.options).toEqual(Object.keys(PARTICIPANT_ROLES));
    expectIssue(Event, { ...attack(), kind: "incident" }, "kind", '"attack"');
  });

  test("rejects an unknown participant role, naming the participant", () => {
    const e = attack();
    expectIssue(
      Event,
      { ...e, participants: [{ actorId: "kataib-hezbollah", role: "suspect", note: null }] },
      "participants[0].role",
      '"perpetrator"',
    );
  });

  test("rejects the same participant in the same role twice", () => {
    const e = attack();
    const p = { actorId: "kataib-hezbollah", role: "alleged_perpetrator", note: null } as const;
    expectIssue(
      Event,
      { ...e, participants: [p, p] },
      "participants[1]",
      `event "${EVENT_ID}": participant kataib-hezbollah/alleged_perpetrator is listed twice`,
    );
    expectValid(Event, { ...e, participants: [p, { ...p, role: "target" }] });
  });

  test("an event cannot respond to itself or be part of itself, and the error names the field", () => {
    expectIssue(
      Event,
      { ...attack(), responseToIds: ["an-earlier-attack", EVENT_ID] },
      "responseToIds[1]",
      `event "${EVENT_ID}" cannot respond to itself`,
    );
    const lines = expectIssue(
      Event,
      { ...attack(), partOfId: EVENT_ID },
      "partOfId",
      `event "${EVENT_ID}" cannot be part of itself`,
    );
    expect(lines).toHaveLength(1);
  });

  test("rejects an impossible date, naming time.edtf", () => {
    expect(issuesOf(Event, { ...attack(), time: { ...attack().time, edtf: "2021-02-30" } })).toEqual([
      'time.edtf: "2021-02-30": 2021-02 has no day 30',
    ]);
  });

  test("a relative date without the words or a note is rejected", () => {
    const { expression: _, note: __, ...time } = attack().time;
    expectIssue(Event, { ...attack(), time }, "time.note", "a relative date needs the document's expression or a note");
  });

  test("rejects a bad fatality report, naming its index", () => {
    expectIssue(
      Event,
      { ...attack(), fatalities: [{ ...fatalities(), low: 5, high: 2 }] },
      "fatalities[0].high",
      "high (2) is below low (5)",
    );
  });

  test("an event needs evidence and a title", () => {
    expectIssue(Event, { ...attack(), evidence: [] }, "evidence", "needs at least one evidence span");
    expectIssue(Event, { ...attack(), title: "" }, "title", "must not be empty");
    expectIssue(Event, { ...attack(), placeId: "Erbil" }, "placeId", "must be a slug");
  });
});

describe("FatalityReport", () => {
  test("accepts an exact count, a range, an open-ended count, and deaths without a number", () => {
    expectValid(FatalityReport, fatalities());
    expectValid(FatalityReport, { ...fatalities(), low: 2, high: 4 });
    expectValid(FatalityReport, { ...fatalities(), low: 20, high: null, reportedById: "us-officials" });
    expectValid(FatalityReport, { ...fatalities(), low: null, high: null });
    expectValid(FatalityReport, { ...fatalities(), low: 0, high: 0 });
  });

  test("rejects high below low", () => {
    expectIssue(FatalityReport, { ...fatalities(), low: 3, high: 1 }, "high", "high (1) is below low (3)");
  });

  test("rejects negative, fractional and missing counts", () => {
    expectIssue(FatalityReport, { ...fatalities(), low: -1 }, "low", ">=0");
    expectIssue(FatalityReport, { ...fatalities(), high: 1.5 }, "high", "expected int");
    const { low: _, ...noLow } = fatalities();
    expectIssue(FatalityReport, noLow, "low", "expected number, received undefined");
  });

  test("who died must be said, and the report must be evidenced", () => {
    expectIssue(FatalityReport, { ...fatalities(), who: "" }, "who", "must not be empty");
    expectIssue(FatalityReport, { ...fatalities(), evidence: [] }, "evidence", "needs at least one evidence span");
    expectIssue(FatalityReport, { ...fatalities(), reportedById: "U.S. officials" }, "reportedById", "must be a slug");
  });
});

describe("describeDeathCount", () => {
  test("says a toll as reported: none is 0, no number is not 0, words stay words", () => {
    expect(describeDeathCount({ low: 0, high: 0 })).toBe("0 (none reported)");
    expect(describeDeathCount({ low: null, high: null })).toBe("no number given");
    expect(describeDeathCount({ low: 25, high: 25 })).toBe("25");
    expect(describeDeathCount({ low: 2, high: 4 })).toBe("2–4");
    expect(describeDeathCount({ low: 24, high: null })).toBe("24 or more");
    expect(describeDeathCount({ low: 24, high: null, expression: "dozens" })).toBe("“dozens” (24 or more)");
  });

  test("accepts the document's words for a count", () => {
    expectValid(FatalityReport, { ...fatalities(), low: 24, high: null, expression: "dozens" });
    expectIssue(FatalityReport, { ...fatalities(), expression: "" }, "expression", "");
  });
});

describe("corroboration", () => {
  test("groups an event's spans by source, in text order", () => {
    const later = span("Erbil airport");
    const earlier = span("Kataib Hezbollah", 1);
    const other = span("rockets hit the airport", 0, "Three rockets hit the airport.", "another-source");
    const bySource = corroboration({ evidence: [later, other, earlier] });
    expect([...bySource.keys()]).toEqual(["2021-02-16-kh-denies-erbil-attack", "another-source"]);
    expect(bySource.get("2021-02-16-kh-denies-erbil-attack")?.map((e) => e.quote)).toEqual([
      "Kataib Hezbollah",
      "Erbil airport",
    ]);
    expect(bySource.get("another-source")).toEqual([other]);
  });
});
