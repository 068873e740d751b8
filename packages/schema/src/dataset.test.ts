import { describe, expect, test } from "vitest";
import {
  ACCUSATION_ID,
  accusation,
  attack,
  DENIAL_ID,
  dataset,
  EVENT_ID,
  expectValid,
  issuesOf,
  SOURCE_ID,
  span,
  TEXT,
} from "../test/fixtures.js";
import { DATASET_VERSION, Dataset } from "./dataset.js";

type Data = ReturnType<typeof dataset>;

/** The issues of the fixture dataset after `change`, as describeIssues writes them. */
function issuesAfter(change: (d: Data) => void): string[] {
  const d = dataset();
  change(d);
  return issuesOf(Dataset, d);
}

type List = { [K in keyof Data]-?: Data[K] extends unknown[] ? K : never }[keyof Data];

/** Replaces the record at `index` of a collection with a changed copy. */
function edit<K extends List>(
  d: Data,
  list: K,
  index: number,
  change: (item: Data[K][number]) => Data[K][number],
): void {
  const items = d[list] as Data[K][number][];
  const item = items[index];
  if (item === undefined) throw new Error(`fixture: no ${list}[${index}]`);
  items[index] = change(item);
}

const SRC = `"${SOURCE_ID}"`;

describe("Dataset: a consistent bundle", () => {
  test("the fixture bundle is valid", () => {
    expectValid(Dataset, dataset());
    expect(DATASET_VERSION).toBe("1");
  });

  test("rejects another version", () => {
    expect(issuesAfter((d) => Object.assign(d, { version: "2" }))).toEqual(['version: Invalid input: expected "1"']);
  });

  test("record-level problems are reported with the full path into the bundle", () => {
    const lines = issuesAfter((d) => {
      edit(d, "actors", 2, (a) => ({ ...a, kind: "officials" as never }));
      edit(d, "events", 0, (e) => ({ ...e, time: { ...e.time, precision: "month" } }));
    });
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^actors\[2\]\.kind: Invalid option/);
    expect(lines[1]).toBe(
      'events[0].time.precision: precision "month" does not match edtf "2021-02-15", which has day precision',
    );
  });
});

describe("Dataset: every referenced id exists", () => {
  test("unknown actor ids, wherever they are referenced", () => {
    const lines = issuesAfter((d) => {
      edit(d, "claims", 0, (c) => ({ ...c, claimantId: "abu-ali-al-askary" }));
      edit(d, "claims", 1, (c) => ({ ...c, viaId: "reuters", about: { ...c.about, actorIds: ["kataib-hizbollah"] } }));
      edit(d, "relations", 0, (r) => ({ ...r, toId: "kh" }));
      edit(d, "events", 0, (e) => ({
        ...e,
        participants: [{ actorId: "islamic-resistance-in-iraq", role: "perpetrator", note: null }],
      }));
      edit(d, "mentions", 0, (m) => ({ ...m, actorId: "hezbollah" }));
    });
    expect(lines).toEqual([
      'relations[0].toId: relation "abu-ali-al-askari-spokesperson-of-kataib-hezbollah": toId "kh" is not a known actor id',
      `events[0].participants[0].actorId: event "${EVENT_ID}": actorId "islamic-resistance-in-iraq" is not a known actor id`,
      `claims[0].claimantId: claim "${DENIAL_ID}": claimantId "abu-ali-al-askary" is not a known actor id`,
      `claims[1].viaId: claim "${ACCUSATION_ID}": viaId "reuters" is not a known actor id`,
      `claims[1].about.actorIds[0]: claim "${ACCUSATION_ID}": actorIds "kataib-hizbollah" is not a known actor id`,
      'mentions[0].actorId: mention 0 of "hezbollah": actorId "hezbollah" is not a known actor id',
    ]);
  });

  test("unknown fatality reporter and claim", () => {
    const lines = issuesAfter((d) => {
      edit(d, "events", 0, (e) => ({
        ...e,
        fatalities: e.fatalities.map((f) => ({ ...f, reportedById: "iraqi-officials", claimId: "kh-admits-attack" })),
      }));
    });
    expect(lines).toEqual([
      `events[0].fatalities[0].reportedById: event "${EVENT_ID}": reportedById "iraqi-officials" is not a known actor id`,
      `events[0].fatalities[0].claimId: event "${EVENT_ID}": claimId "kh-admits-attack" is not a known claim id`,
    ]);
  });

  test("unknown event ids", () => {
    const lines = issuesAfter((d) => {
      edit(d, "claims", 1, (c) => ({ ...c, about: { ...c.about, eventIds: ["2021-02-15-erbil-attack"] } }));
      edit(d, "events", 0, (e) => ({
        ...e,
        partOfId: "2021-erbil-attacks",
        responseToIds: ["2020-01-03-baghdad-airport-strike"],
      }));
    });
    expect(lines).toEqual([
      `events[0].partOfId: event "${EVENT_ID}": partOfId "2021-erbil-attacks" is not a known event id`,
      `events[0].responseToIds[0]: event "${EVENT_ID}": responseToIds "2020-01-03-baghdad-airport-strike" is not a known event id`,
      `claims[1].about.eventIds[0]: claim "${ACCUSATION_ID}": eventIds "2021-02-15-erbil-attack" is not a known event id`,
    ]);
  });

  test("unknown place ids", () => {
    const lines = issuesAfter((d) => {
      edit(d, "events", 0, (e) => ({ ...e, placeId: "erbil" }));
      edit(d, "places", 1, (p) => ({ ...p, withinId: "kurdistan-region" }));
    });
    expect(lines).toEqual([
      'places[1].withinId: place "erbil-airport": withinId "kurdistan-region" is not a known place id',
      `events[0].placeId: event "${EVENT_ID}": placeId "erbil" is not a known place id`,
    ]);
  });

  test("unknown claim ids", () => {
    const lines = issuesAfter((d) => {
      edit(d, "claims", 0, (c) => ({
        ...c,
        supportsIds: ["kh-statement-2020"],
        contradictsIds: [ACCUSATION_ID, "us-statement"],
      }));
    });
    expect(lines).toEqual([
      `claims[0].supportsIds[0]: claim "${DENIAL_ID}": supportsIds "kh-statement-2020" is not a known claim id`,
      `claims[0].contradictsIds[1]: claim "${DENIAL_ID}": contradictsIds "us-statement" is not a known claim id`,
    ]);
  });

  test("unknown source ids, in spans, mentions and alias limits", () => {
    const lines = issuesAfter((d) => {
      edit(d, "actors", 0, (a) => ({
        ...a,
        aliases: [{ name: "KH", kind: "abbreviation", sourceIds: ["2021-02-16-kh-denies"] }],
        evidence: a.evidence.map((e) => ({ ...e, sourceId: "kh-denies-erbil-attack" })),
      }));
      edit(d, "mentions", 1, (m) => ({ ...m, sourceId: "another-source" }));
    });
    expect(lines).toEqual([
      'actors[0].evidence[0].sourceId: actor "kataib-hezbollah": sourceId "kh-denies-erbil-attack" is not a source id',
      'actors[0].aliases[0].sourceIds[0]: actor "kataib-hezbollah": sourceIds "2021-02-16-kh-denies" is not a known source id',
      'mentions[1].sourceId: mention 1 of "kataib-hezbollah": sourceId "another-source" is not a source id',
    ]);
  });

  test("duplicate ids, in every collection", () => {
    const lines = issuesAfter((d) => {
      d.actors.push({ ...(d.actors[0] as Data["actors"][number]) });
      d.claims.push({ ...accusation() });
      d.events.push({ ...attack(), title: "The same attack, entered twice" });
      d.places.push({ ...(d.places[0] as Data["places"][number]) });
      d.relations.push({ ...(d.relations[0] as Data["relations"][number]) });
      d.sources.push({ ...(d.sources[0] as Data["sources"][number]) });
    });
    expect(lines).toEqual([
      `sources[1].id: sources[1]: id ${SRC} is used twice`,
      'actors[3].id: actors[3]: id "kataib-hezbollah" is used twice',
      'places[2].id: places[2]: id "iraq" is used twice',
      'relations[1].id: relations[1]: id "abu-ali-al-askari-spokesperson-of-kataib-hezbollah" is used twice',
      `events[1].id: events[1]: id "${EVENT_ID}" is used twice`,
      `claims[2].id: claims[2]: id "${ACCUSATION_ID}" is used twice`,
    ]);
  });
});

describe("Dataset: every span is the exact text at its offsets", () => {
  const spokesman = span("the group\u2019s spokesman, Abu Ali al-Askari");

  test("a straight apostrophe where the source has a curly one does not match", () => {
    const lines = issuesAfter((d) => {
      edit(d, "actors", 1, (a) => ({
        ...a,
        evidence: [{ ...spokesman, quote: "the group's spokesman, Abu Ali al-Askari" }],
      }));
    });
    expect(lines).toEqual([
      `actors[1].evidence[0].quote: actor "abu-ali-al-askari": quote "the group's spokesman, Abu Ali al-Askari" does not equal the text of ${SRC} at ${spokesman.start}..${spokesman.end}, which reads "the group\u2019s spokesman, Abu Ali al-Askari"`,
    ]);
  });

  test("a plain space where the source has a non-breaking one does not match", () => {
    const lines = issuesAfter((d) => {
      edit(d, "claims", 1, (c) => ({
        ...c,
        evidence: c.evidence.map((e) => ({ ...e, quote: e.quote.replace("\u00A0", " ") })),
      }));
    });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      new RegExp(
        `^claims\\[1\\]\\.evidence\\[0\\]\\.quote: claim "${ACCUSATION_ID}": quote ".*14 rockets" does not equal the text of`,
      ),
    );
  });

  test("offsets shifted by one do not match, even when the quote's length fits", () => {
    const lines = issuesAfter((d) => {
      edit(d, "relations", 0, (r) => ({
        ...r,
        evidence: [{ ...spokesman, start: spokesman.start + 1, end: spokesman.end + 1 }],
      }));
    });
    expect(lines).toEqual([
      `relations[0].evidence[0].quote: relation "abu-ali-al-askari-spokesperson-of-kataib-hezbollah": quote "the group\u2019s spokesman, Abu Ali al-Askari" does not equal the text of ${SRC} at ${spokesman.start + 1}..${spokesman.end + 1}, which reads "he group\u2019s spokesman, Abu Ali al-Askari,"`,
    ]);
  });

  test("a span past the end of the text", () => {
    const quote = "Photo: Reuters\nMore";
    const start = TEXT.length - 15;
    const lines = issuesAfter((d) => {
      edit(d, "events", 0, (e) => ({
        ...e,
        evidence: [...e.evidence, { sourceId: SOURCE_ID, start, end: start + quote.length, quote }],
      }));
    });
    expect(lines).toEqual([
      `events[0].evidence[1].end: event "${EVENT_ID}": span ${start}..${start + quote.length} runs past the end of ${SRC} (${TEXT.length} characters)`,
    ]);
  });

  test("a prefix or suffix that does not match the text around the quote", () => {
    const lines = issuesAfter((d) => {
      edit(d, "claims", 0, (c) => ({
        ...c,
        evidence: c.evidence.map((e) => ({ ...e, prefix: '"', suffix: ".\u201D" })),
      }));
    });
    expect(lines).toEqual([
      `claims[0].evidence[0].prefix: claim "${DENIAL_ID}": prefix does not match the text before the quote`,
      `claims[0].evidence[0].suffix: claim "${DENIAL_ID}": suffix does not match the text after the quote`,
    ]);
  });

  test("a mention that does not match the text", () => {
    const lines = issuesAfter((d) => {
      edit(d, "mentions", 1, (m) => ({ ...m, quote: "Kataib Hizbollah" }));
    });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^mentions\[1\]\.quote: mention 1 of "kataib-hezbollah": quote "Kataib Hizbollah" does not equal/,
    );
  });
});

describe("Dataset: no fact cites boilerplate", () => {
  const credit = span("Photo: Reuters");
  const creditSegment = `credit at ${credit.start}..${credit.end}`;

  test("a span inside a boilerplate segment", () => {
    const lines = issuesAfter((d) => {
      edit(d, "events", 0, (e) => ({ ...e, evidence: [...e.evidence, credit] }));
    });
    expect(lines).toEqual([
      `events[0].evidence[1].start: event "${EVENT_ID}": span ${credit.start}..${credit.end} in ${SRC} falls in boilerplate (${creditSegment}); cite article text instead`,
    ]);
  });

  test("a span that only overlaps boilerplate at its edge", () => {
    const straddle = span("the city.\nPhoto");
    const lines = issuesAfter((d) => {
      edit(d, "places", 1, (p) => ({ ...p, evidence: [straddle] }));
    });
    expect(lines).toEqual([
      `places[1].evidence[0].start: place "erbil-airport": span ${straddle.start}..${straddle.end} in ${SRC} falls in boilerplate (${creditSegment}); cite article text instead`,
    ]);
  });

  test("a span that ends where boilerplate begins is article text", () => {
    const d = dataset();
    edit(d, "events", 0, (e) => ({ ...e, evidence: [...e.evidence, span("from south of the city.\n")] }));
    expectValid(Dataset, d);
  });

  test("metadata notes may cite boilerplate: a credit line can tell who published a piece", () => {
    const d = dataset();
    expect(d.sources[0]?.notes[0]?.evidence[0]).toEqual(credit);
    expectValid(Dataset, d);
  });

  test("a metadata note's span must still match the text", () => {
    const lines = issuesAfter((d) => {
      edit(d, "sources", 0, (s) => ({
        ...s,
        notes: s.notes.map((n) => ({ ...n, evidence: [{ ...credit, quote: "Photo: AFP \u00A0 \u00A0" }] })),
      }));
    });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^sources\[0\]\.notes\[0\]\.evidence\[0\]\.quote: source ".*" note on publisher: quote "Photo: AFP/,
    );
  });
});

describe("Dataset: claims", () => {
  test("contradiction must be listed on both claims", () => {
    const lines = issuesAfter((d) => {
      edit(d, "claims", 1, (c) => ({ ...c, contradictsIds: [] }));
    });
    expect(lines).toEqual([
      `claims[0].contradictsIds[0]: claim "${DENIAL_ID}": contradicts "${ACCUSATION_ID}" but "${ACCUSATION_ID}" does not list it back; contradiction is symmetric`,
    ]);
  });

  test("support need not be mutual", () => {
    const d = dataset();
    d.claims.push({
      ...accusation(),
      id: "us-officials-repeat-the-charge",
      contradictsIds: [],
      supportsIds: [ACCUSATION_ID],
    });
    expectValid(Dataset, d);
  });

  test("every problem in the bundle is reported in one pass", () => {
    const lines = issuesAfter((d) => {
      edit(d, "claims", 0, (c) => ({ ...c, claimantId: "nobody" }));
      edit(d, "claims", 1, (c) => ({ ...c, contradictsIds: [] }));
      edit(d, "events", 0, (e) => ({ ...e, placeId: "nowhere" }));
    });
    expect(lines.map((l) => l.split(":")[0])).toEqual([
      "events[0].placeId",
      "claims[0].claimantId",
      "claims[0].contradictsIds[0]",
    ]);
  });
});
