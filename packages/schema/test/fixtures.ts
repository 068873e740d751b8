/**
 * One small, realistic source and a dataset built on it, shared by the unit tests. The text has
 * curly quotes (“ ” ’), an em dash and a non-breaking space (U+00A0) in "14 rockets", so a quote
 * typed with straight quotes or a plain space does not match: offsets and quotes must be exact.
 * Each builder returns a fresh copy, so a test can break one field without touching the others.
 */
import { createHash } from "node:crypto";
import { expect } from "vitest";
import type { z } from "zod";
import type { Actor } from "../src/actor.js";
import type { Claim } from "../src/claim.js";
import type { Dataset } from "../src/dataset.js";
import { describeIssues } from "../src/errors.js";
import type { Event, FatalityReport } from "../src/event.js";
import type { Evidence } from "../src/evidence.js";
import type { Mention } from "../src/mention.js";
import type { Place } from "../src/place.js";
import type { Relation } from "../src/relation.js";
import type { Segment, Source } from "../src/source.js";

export const SOURCE_ID = "2021-02-16-kh-denies-erbil-attack";

const HEADLINE = "Kataib Hezbollah denies role in Erbil rocket attack";
const BYLINE = "By Sara Ahmed";
const BODY =
  "BAGHDAD \u2014 Kataib Hezbollah on Tuesday denied any role in Monday\u2019s rocket attack on Erbil airport, " +
  "which killed a foreign contractor. \u201CWe had nothing to do with this attack,\u201D the group\u2019s spokesman, " +
  "Abu Ali al-Askari, said in a statement. U.S. officials said the group\u2019s fighters fired at least 14\u00A0rockets " +
  "from south of the city.";
const CREDIT = "Photo: Reuters";

/** The source text, exactly as received. */
export const TEXT = `${HEADLINE}\n${BYLINE}\n${BODY}\n${CREDIT}\n`;

/** Where `quote` occurs in the text (the nth occurrence), as an evidence span. Throws if absent. */
export function span(quote: string, nth = 0, text = TEXT, sourceId = SOURCE_ID): Evidence {
  let start = -1;
  for (let i = 0; i <= nth; i++) {
    start = text.indexOf(quote, start + 1);
    if (start === -1) throw new Error(`fixture: ${JSON.stringify(quote)} (occurrence ${nth}) is not in the text`);
  }
  return { sourceId, start, end: start + quote.length, quote };
}

function segment(part: string, role: Segment["role"], article: boolean): Segment {
  const start = TEXT.indexOf(part);
  return { start, end: start + part.length, role, article };
}

export const source = (): Source => ({
  id: SOURCE_ID,
  file: "kh-denies-erbil-attack.txt",
  title: HEADLINE,
  titleBasis: "stated",
  subtitle: null,
  publisher: null,
  publisherBasis: "unknown",
  authors: ["Sara Ahmed"],
  authorsBasis: "stated",
  published: {
    edtf: "2021-02-16",
    precision: "day",
    basis: "inferred",
    note: "The text says the denial came on Tuesday and the attack on Monday; the file was collected on 16 February 2021.",
  },
  genre: "news",
  dateline: "BAGHDAD",
  language: "en",
  url: null,
  text: TEXT,
  hash: `sha256:${createHash("sha256").update(TEXT, "utf8").digest("hex")}`,
  segments: [
    segment(HEADLINE, "headline", true),
    segment(BYLINE, "byline", true),
    segment(BODY, "body", true),
    segment(CREDIT, "credit", false),
  ],
  notes: [
    {
      field: "publisher",
      text: "The photo credit names Reuters for the picture only, not as the publisher.",
      evidence: [span(CREDIT)],
    },
  ],
});

export const kataibHezbollah = (): Actor => ({
  id: "kataib-hezbollah",
  name: "Kataib Hezbollah",
  kind: "armed_group",
  aliases: [{ name: "KH", kind: "abbreviation", sourceIds: [] }],
  description: "An Iraqi armed group that the text says denied a role in the Erbil airport attack.",
  evidence: [span("Kataib Hezbollah", 1)],
});

export const askari = (): Actor => ({
  id: "abu-ali-al-askari",
  name: "Abu Ali al-Askari",
  kind: "person",
  aliases: [],
  description: "Spokesman of Kataib Hezbollah.",
  evidence: [span("the group\u2019s spokesman, Abu Ali al-Askari")],
});

export const usOfficials = (): Actor => ({
  id: "us-officials",
  name: "U.S. officials",
  kind: "group_of_people",
  aliases: [],
  description: "Unnamed United States officials quoted by the article.",
  evidence: [span("U.S. officials")],
});

export const iraq = (): Place => ({
  id: "iraq",
  name: "Iraq",
  aliases: [],
  kind: "country",
  withinId: null,
  coordinates: { lat: 33, lon: 44, source: "GeoNames 99237 (country centroid)", approximate: true },
  evidence: [],
});

export const erbilAirport = (): Place => ({
  id: "erbil-airport",
  name: "Erbil International Airport",
  aliases: ["Erbil airport"],
  kind: "site",
  withinId: "iraq",
  coordinates: { lat: 36.2376, lon: 43.9632, source: "GeoNames 6300090", approximate: false },
  evidence: [span("Erbil airport")],
});

export const spokesperson = (): Relation => ({
  id: "abu-ali-al-askari-spokesperson-of-kataib-hezbollah",
  fromId: "abu-ali-al-askari",
  type: "spokesperson_of",
  toId: "kataib-hezbollah",
  role: "spokesman",
  time: null,
  former: false,
  note: null,
  evidence: [span("the group\u2019s spokesman, Abu Ali al-Askari")],
});

export const fatalities = (): FatalityReport => ({
  low: 1,
  high: 1,
  who: "a foreign contractor",
  reportedById: null,
  claimId: null,
  evidence: [span("which killed a foreign contractor")],
});

export const EVENT_ID = "2021-02-15-erbil-airport-rocket-attack";

export const attack = (): Event => ({
  id: EVENT_ID,
  kind: "attack",
  title: "Rocket attack on Erbil airport",
  summary: "Rockets hit Erbil airport, killing a foreign contractor.",
  time: {
    edtf: "2021-02-15",
    precision: "day",
    basis: "relative",
    expression: "Monday\u2019s",
    note: "Resolved against the publication date, Tuesday 16 February 2021.",
  },
  placeId: "erbil-airport",
  placeNote: null,
  participants: [{ actorId: "kataib-hezbollah", role: "alleged_perpetrator", note: null }],
  fatalities: [fatalities()],
  partOfId: null,
  responseToIds: [],
  evidence: [span("Monday\u2019s rocket attack on Erbil airport")],
});

export const DENIAL_ID = "kh-denies-erbil-attack";
export const ACCUSATION_ID = "us-officials-blame-kh-for-erbil-attack";

export const denial = (): Claim => ({
  id: DENIAL_ID,
  claimantId: "abu-ali-al-askari",
  onBehalfOfId: "kataib-hezbollah",
  viaId: null,
  stance: "denies",
  statement: "Kataib Hezbollah had nothing to do with the Erbil airport attack.",
  mode: "direct",
  about: { actorIds: ["kataib-hezbollah"], eventIds: [EVENT_ID] },
  said: { edtf: "2021-02-16", precision: "day", basis: "relative", expression: "on Tuesday" },
  setting: "in a statement",
  evidence: [{ ...span("We had nothing to do with this attack"), prefix: "\u201C", suffix: ",\u201D" }],
  attribution: [span("Abu Ali al-Askari, said in a statement")],
  supportsIds: [],
  contradictsIds: [ACCUSATION_ID],
  note: null,
});

export const accusation = (): Claim => ({
  id: ACCUSATION_ID,
  claimantId: "us-officials",
  onBehalfOfId: null,
  viaId: null,
  stance: "accuses",
  statement: "Kataib Hezbollah fighters fired at least 14 rockets at Erbil.",
  mode: "indirect",
  about: { actorIds: ["kataib-hezbollah"], eventIds: [EVENT_ID] },
  said: null,
  setting: null,
  evidence: [span("the group\u2019s fighters fired at least 14\u00A0rockets")],
  attribution: [span("U.S. officials said")],
  supportsIds: [],
  contradictsIds: [DENIAL_ID],
  note: null,
});

export const mention = (nth = 0): Mention => ({
  ...span("Kataib Hezbollah", nth),
  actorId: "kataib-hezbollah",
  alias: "Kataib Hezbollah",
});

export const dataset = (): Dataset => ({
  version: "1",
  sources: [source()],
  actors: [kataibHezbollah(), askari(), usOfficials()],
  places: [iraq(), erbilAirport()],
  relations: [spokesperson()],
  events: [attack()],
  claims: [denial(), accusation()],
  mentions: [mention(0), mention(1)],
});

/** The issues of a value the schema must reject, one line each as `describeIssues` renders them. */
export function issuesOf(schema: z.ZodType, value: unknown): string[] {
  const result = schema.safeParse(value);
  if (result.success)
    throw new Error(`expected the value to be rejected, but it was accepted: ${JSON.stringify(value)}`);
  return describeIssues(result.error);
}

/** Asserts the value is accepted; on failure, shows the issues instead of a bare `false`. */
export function expectValid(schema: z.ZodType, value: unknown): void {
  const result = schema.safeParse(value);
  expect(result.success ? [] : describeIssues(result.error)).toEqual([]);
}

/**
 * Asserts the value is rejected with an issue at exactly `path` (as describeIssues writes it)
 * whose message matches `message`. Returns all issue lines for further checks.
 */
export function expectIssue(schema: z.ZodType, value: unknown, path: string, message: string | RegExp): string[] {
  const issues = issuesOf(schema, value);
  // An issue on the value itself (path "") is rendered as the bare message.
  const prefix = path === "" ? "" : `${path}: `;
  const texts = issues.filter((line) => line.startsWith(prefix)).map((line) => line.slice(prefix.length));
  expect(texts, `no issue at ${path || "the root"} among:\n${issues.join("\n")}`).not.toEqual([]);
  if (typeof message === "string") expect(texts.join("\n")).toContain(message);
  else expect(texts.join("\n")).toMatch(message);
  return issues;
}
