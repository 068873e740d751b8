import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Time } from "@atlas/schema";
import { describe, expect, it } from "vitest";
import { classifyText } from "../blocks.js";
import type { Draft, ProposalOf } from "../types.js";
import { type Anchor, anchorNamed, referenceOf, type Unresolved } from "./date-core.js";
import { findDates } from "./dates.js";
import { suggest } from "./index.js";
import { analyze } from "./nlp.js";
import { datelineLength, sentences } from "./sentences.js";

// A new article built from the corpus's own sentences; the known actors are the test fixture's.
const text = readFileSync(join(import.meta.dirname, "..", "fixtures", "new-article.txt"), "utf8");
const ACTORS = [
  { id: "kataib-hezbollah", name: "Kataib Hezbollah", aliases: [] },
  { id: "united-states", name: "United States", aliases: [{ name: "US", sourceIds: [] }] },
  {
    id: "qais-al-khazali",
    name: "Qais al-Khazali",
    aliases: [
      { name: "Khazali", sourceIds: [] },
      { name: "Qais", sourceIds: ["some-other-document"] },
    ],
  },
];
const PLACES = [
  { name: "Baghdad", aliases: [] },
  { name: "Karbala", aliases: [] },
];
const published: Time = { edtf: "2015-03-06", precision: "day", basis: "explicit" };

function run(input: { text?: string; published?: Time | null } = {}) {
  const body = input.text ?? text;
  const { blocks } = classifyText(body, null);
  const segments = blocks.map((b) => ({
    ...b,
    article: !["credit", "cookie-notice", "related-link"].includes(b.role),
  }));
  return suggest({
    text: body,
    segments,
    published: input.published === undefined ? published : input.published,
    actors: ACTORS,
    places: PLACES,
  });
}

const of = <K extends Draft["kind"]>(drafts: Draft[], kind: K) =>
  drafts.filter((d) => d.kind === kind) as Draft<ProposalOf<K>>[];

describe("suggestions in a new article", () => {
  const { drafts, warnings } = run();

  it("marks every suggestion's span verbatim in the text", () => {
    for (const d of drafts) expect(text.slice(d.start, d.end)).toBe(d.quote);
  });

  it("finds known actors by their aliases, and nothing in boilerplate", () => {
    const mentions = of(drafts, "mention");
    expect(mentions.map((m) => [m.quote, m.proposal.actorId])).toEqual([
      ["Khazali", "qais-al-khazali"],
      ["Khazali", "qais-al-khazali"],
      ["Kataib Hezbollah", "kataib-hezbollah"],
      ["US", "united-states"],
      ["Kataib Hezbollah", "kataib-hezbollah"],
    ]);
    // "it wasn't us" is not the US; "Getty Images" in the photo credit is never looked at.
    expect(mentions.some((m) => m.quote === "us")).toBe(false);
  });

  it("proposes new actors with the title or role that introduces them", () => {
    const actors = of(drafts, "actor").map((a) => a.proposal);
    const calvert = actors.find((a) => a.name === "Paul Calvert");
    expect(calvert).toMatchObject({
      actorKind: "person",
      title: "Lt. Gen.",
      role: "the commander of the U.S.-led mission in Iraq and Syria",
    });
    expect(calvert?.description).toBe(
      "Described in the document as “the commander of the U.S.-led mission in Iraq and Syria”.",
    );
    const aboudi = actors.find((a) => a.name === "Naeem al-Aboudi");
    expect(aboudi).toMatchObject({
      actorKind: "person",
      title: "group spokesman",
      shortNames: ["Aboudi"],
      occurrences: 2,
    });
    expect(actors.find((a) => a.name === "Nuri al-Maliki")?.title).toBe("then-Prime Minister");
    // Known actors, places and adjectives are not candidates, nor is a capitalized word that only stands there.
    for (const name of ["Khazali", "Karbala", "Baghdad", "Iraqi Shiite", "Islamic State", "Getty Images", "Militias"]) {
      expect(actors.map((a) => a.name)).not.toContain(name);
    }
    // One word that acts is proposed ("Sistani took on a new public role"); a country that acts is a state.
    expect(actors.find((a) => a.name === "Sistani")?.actorKind).toBe("person");
    expect(actors.find((a) => a.name === "Iraq")?.actorKind).toBe("state");
  });

  it("reads a country whose name opens with its people's word as a state, not the rest as a person", () => {
    const actors = of(
      run({ text: "Headline\n\nSaudi Arabia said the drone was shot down. Saudi officials spoke." }).drafts,
      "actor",
    );
    expect(actors.map((a) => [a.proposal.name, a.proposal.actorKind])).toContainEqual(["Saudi Arabia", "state"]);
    expect(actors.map((a) => a.proposal.name)).not.toContain("Arabia");
  });

  it("reads a group by its head word: a squad is an armed group, a holding a company", () => {
    const text =
      'Headline\n\nA militia calling itself "Death Squad" said it held the workers of Nurol Holding. Nurol Holding said it was in talks.';
    const actors = of(run({ text }).drafts, "actor").map((a) => [a.proposal.name, a.proposal.actorKind]);
    expect(actors).toContainEqual(["Death Squad", "armed_group"]);
    expect(actors).toContainEqual(["Nurol Holding", "organization"]);
  });

  it("reads a people's word as context and a state's ministry or air force as a body", () => {
    const text =
      "Headline\n\nPalestinian leaders spoke. The Jordanian foreign ministry condemned it. The Turkish air force struck.";
    const actors = of(run({ text }).drafts, "actor").map((a) => [a.proposal.name, a.proposal.actorKind]);
    expect(actors).toContainEqual(["Jordanian foreign ministry", "government_body"]);
    expect(actors).toContainEqual(["Turkish air force", "military"]);
    expect(actors.map(([name]) => name)).not.toContain("Palestinian");
    // A people's word that opens a longer name stays in it.
    const jihad = of(run({ text: "Headline\n\nPalestinian Islamic Jihad said it fired rockets." }).drafts, "actor");
    expect(jihad.map((a) => a.proposal.name)).toContain("Palestinian Islamic Jihad");
  });

  it("does not take a place for a person: after a preposition of place, or before a place noun", () => {
    const body =
      "Headline\n\nMilitiamen fought in Jurf al-Sakhar in March, said Gen. Sami Hamid, a commander. Rockets struck Ain al-Asad air base.";
    const names = of(run({ text: body }).drafts, "actor").map((a) => a.proposal.name);
    expect(names).toContain("Sami Hamid");
    expect(names).not.toContain("Jurf al-Sakhar");
    expect(names).not.toContain("Ain al-Asad");
  });

  it("resolves dates against the publication date, with precision and basis", () => {
    const dates = of(drafts, "date").map((d) => [
      d.quote,
      d.proposal.time.edtf,
      d.proposal.time.precision,
      d.proposal.time.basis,
    ]);
    expect(dates).toEqual([
      ["now", "2015-03-06", "day", "relative"],
      ["last June", "2014-06", "month", "relative"],
      ["April 7, 2014", "2014-04-07", "day", "explicit"],
      ["Today", "2015-03-06", "day", "relative"],
    ]);
    const june = of(drafts, "date")[1]?.proposal;
    expect(june?.time.note).toMatch(/publication date \(2015-03-06\).*most recent June before publication/);
    expect(june?.sentence.quote).toMatch(/^But last June, Sistani took on a new public role/);
    expect(warnings).toEqual([]);
  });

  it("finds attributed statements: who, the stance, the words claimed and the words that attribute them", () => {
    const statements = of(drafts, "statement").map((s) => s.proposal);
    const calvert = statements[0];
    expect(calvert).toMatchObject({
      claimantId: null,
      claimantName: "Paul Calvert",
      verb: "said",
      stance: "asserts",
      mode: "direct",
    });
    expect(calvert?.attribution.quote).toBe("said Lt. Gen. Paul Calvert");
    expect(calvert?.evidence.quote).toBe(
      "I think there's two major threats to the country of Iraq right now: One is the PMF” — the military abbreviation for the militia groups — “and two is the economy",
    );
    const according = statements.find((s) => s.verb === "according to");
    expect(according).toMatchObject({ claimantName: "Naeem al-Aboudi", mode: "indirect", said: null });
    expect(according?.attribution.quote).toBe("according to group spokesman Naeem al-Aboudi");
    expect(according?.evidence.quote).toMatch(/^Khazali is fighting alongside the Iraqi army/);
    expect(according?.aboutActorIds).toEqual(["qais-al-khazali"]);
    // "Aboudi told me": the surname of the candidate introduced earlier.
    const told = statements.find((s) => s.verb === "told");
    expect(told).toMatchObject({ speaker: "Aboudi", claimantName: "Naeem al-Aboudi" });
    expect(told?.evidence.quote).toBe("Khazali makes no apologies for the deaths of the Americans in Karbala");
    expect(statements.find((s) => s.verb === "denied")).toMatchObject({
      claimantId: "kataib-hezbollah",
      stance: "denies",
    });
    expect(statements.find((s) => s.verb === "warned")).toMatchObject({ claimantId: "united-states", stance: "warns" });
  });

  it("reads who from 'according to' without the where and when after it, and no state named as a place for 'the coalition'", () => {
    const said = of(
      run({
        text: "Rockets hit a base in Iraq on Wednesday, according to the multinational coalition there. Drones hit another base in Baghdad on Friday, according to Khazali on Monday.",
      }).drafts,
      "statement",
    ).map((s) => [s.proposal.attribution.quote, s.proposal.claimantId ?? s.proposal.claimantName]);
    expect(said).toContainEqual(["according to the multinational coalition", "multinational coalition"]);
    expect(said).toContainEqual(["according to Khazali", "qais-al-khazali"]);
  });

  it("says when relative dates cannot be resolved, instead of guessing", () => {
    const undated = run({ published: null });
    expect(of(undated.drafts, "date").map((d) => d.quote)).toEqual(["April 7, 2014"]);
    expect(undated.warnings[0]).toMatch(
      /3 relative date expressions .* left unresolved: the document has no publication date/,
    );
  });
});

describe("a family's names", () => {
  const family = (body: string) => {
    const { drafts } = suggest({
      text: body,
      segments: [{ start: 0, end: body.length, role: "body", article: true }],
      published,
      actors: [
        {
          id: "karim-al-mansouri",
          name: "Karim al-Mansouri",
          kind: "person",
          aliases: [{ name: "Mansouri", sourceIds: [] }],
        },
      ],
      places: [],
    });
    return {
      mentions: of(drafts, "mention").map((m) => [m.quote, m.proposal.actorId]),
      actors: of(drafts, "actor").map((a) => [a.proposal.name, a.proposal.actorKind]),
    };
  };

  it("reads another given name before a known surname as another of the family, and a shared surname for both", () => {
    const { mentions, actors } = family(
      "The Treasury sanctioned the brothers Kareem and Tariq al-Mansouri on Monday. Tariq al-Mansouri could not be reached.",
    );
    expect(mentions).toEqual([["Kareem", "karim-al-mansouri"]]);
    expect(actors).toContainEqual(["Tariq al-Mansouri", "person"]);
  });

  it("keeps the known person where the word before his surname is a title, his own name misspelt, or part of a longer name", () => {
    for (const body of [
      "On Monday President Mansouri spoke.",
      "On Monday Kraim al-Mansouri spoke.",
      "On Monday Abu Karim al-Mansouri spoke.",
      // A place, or no article between: not a given name of the family.
      "On Monday in Basra al-Mansouri spoke.",
      "In Najaf Mansouri urged calm.",
    ])
      expect(family(body).mentions.map(([, id]) => id)).toEqual(["karim-al-mansouri"]);
  });
});

describe("dates", () => {
  const ref = referenceOf({ edtf: "2015-03-06" });
  const found = (sentence: string) => {
    const unresolved = new Map<Unresolved, number>();
    return findDates(sentence, 0, ref, unresolved).map((d) => ({
      quote: sentence.slice(d.start, d.end),
      edtf: d.time.edtf,
      basis: d.time.basis,
      part: d.time.part,
    }));
  };

  it("reads a day named in the publication's own month as that day, and a count after a day as no year", () => {
    const june = referenceOf({ edtf: "2021-06" });
    const inJune = (sentence: string) => findDates(sentence, 0, june, new Map()).map((d) => d.time.edtf);
    // An article known only as of June 2021: "On June 3" is 3 June 2021, not "June 2020 to June 2021";
    // a day of another month keeps its most recent year.
    expect(inJune("On June 3, a convoy carrying supplies was hit.")).toEqual(["2021-06-03"]);
    expect(inJune("On May 30, a convoy was hit.")).toEqual(["2021-05-30"]);
    // (Not where a year is told with it: "On June 3 last year" is no day of June 2021.)
    expect(inJune("On June 3 last year, a convoy was hit.")).not.toContain("2021-06-03");
    expect(inJune("Next year on June 3, elections will be held.")).not.toContain("2021-06-03");
    expect(inJune("On June 3 this year, a convoy was hit.")).toContain("2021-06-03");
    // "from November 27-28 32 people": 32 people, not the year 2032.
    expect(found("In total, from November 27-28 32 people had been killed.").map((d) => d.edtf)).toEqual([
      "2014-11-27/2014-11-28",
    ]);
    expect(found("On 3 March 12 rockets hit the base.").map((d) => d.edtf)).toEqual(["2015-03-03"]);
  });

  it("opens a span from its first day after 'since', and counts a length back from the time of writing", () => {
    expect(found("They have been held since last week.").map((d) => [d.quote, d.edtf])).toEqual([
      ["since last week", "2015-02-23/.."],
    ]);
    // A length told in the perfect runs up to the time of writing; told in the past, it dates nothing.
    expect(
      found("A hunting party that had been kidnapped for 16 months has been freed.").map((d) => [d.quote, d.edtf]),
    ).toEqual([["for 16 months", "2013-11/2015-03-06"]]);
    expect(found("Sudani, who has led the government for a year, spoke.").map((d) => [d.quote, d.edtf])).toEqual([
      ["for a year", "2014/2015-03-06"],
    ]);
    // A length told in the past, or one that runs on from then (a sentence, an extension), dates nothing.
    expect(found("He was held for two years.")).toEqual([]);
    expect(found("A court has sentenced the militiaman to prison for 15 years.")).toEqual([]);
    expect(found("The government has extended the curfew for two weeks.")).toEqual([]);
    expect(found("Sudani, who has led the government, served as minister for four years.")).toEqual([]);
  });

  it("reads 'in recent years' as the years up to publication, how many not said", () => {
    expect(found("In recent years, Israel has been accused of strikes.").map((d) => [d.quote, d.edtf])).toEqual([
      ["In recent years", "../2015-03"],
    ]);
  });

  it("reads weeks, weekdays, seasons, decades, parts of years and counts back", () => {
    expect(found("Earlier this week, the Iraqi parliament took a step.")).toEqual([
      { quote: "Earlier this week", edtf: "2015-03-02/2015-03-05", basis: "relative", part: undefined },
    ]);
    // "Earlier" is before the day of writing: the month up to the day before.
    expect(found("Two attacks earlier this month hit bases.")[0]).toMatchObject({ edtf: "2015-03-01/2015-03-05" });
    expect(found("On Sunday, rockets hit the embassy.")[0]).toMatchObject({ edtf: "2015-03-01", basis: "relative" });
    expect(found("a grocer seven months ago")[0]).toMatchObject({ edtf: "2014-08~", basis: "relative" });
    // A count of days back is that day; a count not given is about it.
    expect(found("workers kidnapped 10 days ago")[0]).toMatchObject({ edtf: "2015-02-24", basis: "relative" });
    expect(found("workers kidnapped a few days ago")[0]).toMatchObject({ edtf: "2015-03-03~" });
    // chrono keeps no count after "about": the count is taken back from publication all the same.
    expect(found("workers kidnapped about 10 days ago")[0]).toMatchObject({ edtf: "2015-02-24~" });
    // (A hedged count is about that day: "some 10 days ago", "at least 10 days ago".)
    expect(found("workers kidnapped some 10 days ago")[0]).toMatchObject({
      quote: "some 10 days ago",
      edtf: "2015-02-24~",
    });
    expect(found("workers kidnapped at least 10 days ago")[0]).toMatchObject({ edtf: "2015-02-24~" });
    expect(found("a convoy hit two weeks ago")[0]).toMatchObject({ edtf: "2015-02-20~" });
    expect(found("early last year")[0]).toMatchObject({ edtf: "2014", part: "early" });
    expect(found("fought in the 1980s and in summer 2014")).toMatchObject([{ edtf: "198X" }, { edtf: "2014-22" }]);
    expect(found("between March and December 2021 the group grew")[0]).toMatchObject({
      edtf: "2021-03/2021-12",
      basis: "explicit",
    });
  });

  it("joins a range whose ends are parts of days or of months, and gives the range no part of its first end", () => {
    expect(found("Between the morning of March 2 and the morning of March 3, jets struck twice.")).toMatchObject([
      { edtf: "2015-03-02/2015-03-03", part: undefined },
    ]);
    expect(
      found("From the evening of February 3 to the early hours of February 5, the town was shelled."),
    ).toMatchObject([{ edtf: "2015-02-03/2015-02-05" }]);
    expect(found("Rockets hit the base between late December and early February.")).toMatchObject([
      { edtf: "2014-12/2015-02", part: undefined },
    ]);
    // ("From the end of January to mid-February" is no range of parts: "the" stands only before a part of a day.)
    expect(found("From the end of January to mid-February, the town was shelled.")).not.toContainEqual(
      expect.objectContaining({ edtf: "2015-01-31/2015-02" }),
    );
    // (Two days named apart stay two: "on the morning of March 2 and again on March 4".)
    expect(found("Jets struck on the morning of March 2 and again on March 4.").map((d) => d.edtf)).toEqual([
      "2015-03-02",
      "2015-03-04",
    ]);
  });

  it("reads the beginning or the end of the year or the month as its first or last part, against publication", () => {
    expect(found("At the beginning of the year, the group split.")).toMatchObject([{ edtf: "2015", part: "early" }]);
    expect(found("Since the start of the month, rockets hit the base five times.")).toMatchObject([
      { edtf: "2015-03/..", part: "early" },
    ]);
    expect(found("The militia must leave by the end of the year.")).toMatchObject([{ edtf: "../2015", part: "late" }]);
    // (A year named after it is that year's: "the beginning of the year 2014"; so is a year the
    // sentence names; and "year-long" is no year.)
    expect(found("At the beginning of the year 2014, the group split.").map((d) => d.edtf)).toEqual(["2014"]);
    expect(found("In 2013, the militia held the town until the end of the year.").map((d) => d.edtf)).toEqual(["2013"]);
    expect(found("The militia welcomed the end of the year-long truce.")).toEqual([]);
  });

  it("ignores what only looks like a date: counts, verbs, 'now that', 'from now on', an outlet's 'Today'", () => {
    expect(found("2,500 troops and 2014 fighters marched on Baghdad")).toEqual([]);
    expect(found("now that they march on Baghdad, from now on the city waits")).toEqual([]);
    expect(found("A lawmaker told Baghdad Today that the vote failed.")).toEqual([]);
    expect(found("Today the vote failed, he said.").map((d) => d.quote)).toEqual(["Today"]);
  });

  it("reads 'now' as the time of writing, and a month named alone in the year the text is telling of", () => {
    expect(found("they march on Baghdad now")).toEqual([
      { quote: "now", edtf: "2015-03-06", basis: "relative", part: undefined },
    ]);
    const telling = { ...(ref as NonNullable<typeof ref>), narrative: { year: 2013, month: 11 } };
    const found2 = (sentence: string) => findDates(sentence, 0, telling, new Map()).map((d) => d.time.edtf);
    // November 2013 was stated just before: "In December" is that year's, "In March" the next one's.
    expect(found2("In December, the group struck again.")).toEqual(["2013-12"]);
    expect(found2("In March, the group struck again.")).toEqual(["2014-03"]);
    // "a few days later": counted from something the text told, so it is not resolved against publication.
    expect(found("A few days later, they withdrew.")).toEqual([]);
  });

  it("reads days from a publication known only to months as those months, but not in a month's range", () => {
    const months = referenceOf({ edtf: "2015-01/2015-06" });
    const inMonths = (sentence: string) => findDates(sentence, 0, months, new Map()).map((d) => d.time.edtf);
    expect(inMonths("Earlier this week, the parliament voted; yesterday it met.")).toEqual([
      "2015-01/2015-06",
      "2015-01/2015-06",
    ]);
    // Last April is still April 2014 from January, April 2015 from June: the range between.
    expect(inMonths("Last April, Reuters reported on it.")).toEqual(["2014-04/2015-04"]);
    const month = referenceOf({ edtf: "2021-03" });
    expect(findDates("on Tuesday, rockets hit", 0, month, new Map()).map((d) => d.time.edtf)).toEqual([
      "2021-02/2021-03",
    ]);
  });

  it("reads the first or last weeks and months of a period as that part of it", () => {
    expect(found("In the first three weeks of January groups kept firing.")[0]).toMatchObject({
      quote: "first three weeks of January",
      edtf: "2015-01-01/2015-01-21",
    });
    expect(found("during the first four months of 2021 there were 40 attacks")[0]).toMatchObject({
      edtf: "2021-01/2021-04",
    });
    expect(found("in the last two months of 2014")[0]).toMatchObject({ edtf: "2014-11/2014-12" });
    expect(found("in the first week of March 2014")[0]).toMatchObject({ edtf: "2014-03-01/2014-03-07" });
  });

  it("puts a time of day said alone on the day the text last stated, and never guesses one", () => {
    const told = { ...(ref as NonNullable<typeof ref>), toldDay: "2015-03-04" };
    const onTold = (sentence: string) =>
      findDates(sentence, 0, told, new Map()).map((d) => [sentence.slice(d.start, d.end), d.time.edtf]);
    expect(onTold("The incident occurred at 7:20 p.m. local time, it added.")).toEqual([
      ["at 7:20 p.m. local time", "2015-03-04"],
    ]);
    expect(onTold("“At 20:58 pm, a drone was shot down.” At dawn in Baghdad, police arrested him.")).toEqual([
      ["At 20:58 pm", "2015-03-04"],
      ["At dawn", "2015-03-04"],
    ]);
    // No day stated before: nothing to put it on.
    expect(found("The incident occurred at 7:20 p.m. local time.")).toEqual([]);
    // A time of day with its own day is that day.
    expect(onTold("rockets hit at 9 p.m. on Sunday")).toEqual([["at 9 p.m. on Sunday", "2015-03-01"]]);
    // Midnight joins two days.
    expect(found("the group said in a statement around midnight Sunday.")[0]).toMatchObject({
      edtf: "2015-03-01/2015-03-02",
    });
    // A time stamp after its date is that date's: a dateline's "Mon., Sept. 1, 2014, midnight".
    expect(found("Mon., Sept. 1, 2014, midnight Iraqi forces broke the siege.")[0]).toMatchObject({
      edtf: "2014-09-01",
    });
  });

  it("puts what is told near another happening on the day the text last stated, and spans back from publication", () => {
    const told = { ...(ref as NonNullable<typeof ref>), toldDay: "2015-03-02" };
    const onTold = (sentence: string) =>
      findDates(sentence, 0, told, new Map()).map((d) => [sentence.slice(d.start, d.end), d.time.edtf, d.near]);
    // A time of day with no minutes: the cheap test before chrono knows it too.
    expect(onTold("The raid, which began at 11 a.m. local time, ended in arrests.")).toEqual([
      ["at 11 a.m. local time", "2015-03-02", undefined],
    ]);
    expect(onTold("Shortly afterwards, a second drone fell near the airport.")).toEqual([
      ["Shortly afterwards", "2015-03-02", true],
    ]);
    expect(onTold("In the wake of the bombing, the governor imposed a curfew.")).toEqual([
      ["In the wake of the bombing", "2015-03-02", true],
    ]);
    // Hours reach into the day before or after.
    expect(onTold("Hours before the vote, rockets hit the Green Zone.")).toEqual([
      ["Hours before", "2015-03-01/2015-03-02", true],
    ]);
    expect(onTold("Hours later the ministry denied it.")).toEqual([["Hours later", "2015-03-02/2015-03-03", true]]);
    // Words that go on to a date of their own are that date's, whichever reader finds it; "after" alone is no time.
    expect(onTold("Soon after the election in May 2014 the bloc split.").map(([, edtf]) => edtf)).toEqual(["2014-05"]);
    expect(onTold("It grew shortly after the 2003 attacks on the capital.").map(([, edtf]) => edtf)).toEqual(["2003"]);
    expect(
      onTold("In the wake of the attack on the U.S. embassy on Dec. 31, 2014, the militia withdrew.").map(
        ([, edtf]) => edtf,
      ),
    ).toEqual(["2014-12-31"]);
    expect(onTold("He left after the vote.")).toEqual([]);
    // Near a happening, not after a period of history; a count of hours, or a length, is not near the day told.
    expect(onTold("The militia was founded shortly after the US invasion.")).toEqual([]);
    expect(onTold("Some 48 hours later the ministry denied it.")).toEqual([]);
    expect(onTold("They waited for hours before the ministry spoke.")).toEqual([]);
    // No day told before: nothing to put it on.
    expect(found("Shortly afterwards, a second drone fell.")).toEqual([]);
    // "in the past two months": counted back from publication, up to it, to the day.
    expect(found("Twelve raids have hit its depots in the past two months.")).toMatchObject([
      { quote: "in the past two months", edtf: "2015-01-06/2015-03-06" },
    ]);
    expect(found("over the last three weeks")).toMatchObject([{ edtf: "2015-02-13/2015-03-06" }]);
    // "previous" counts back from another day than publication: not read.
    expect(found("in the previous two weeks, officials said")).toEqual([]);
  });

  it("takes the day the text last stated from a sentence before, within a few paragraphs", () => {
    const datesIn = (text: string) =>
      of(run({ text }).drafts, "date").map((d) => [text.slice(d.start, d.end), d.proposal.time.edtf]);
    const told = "Two rockets landed at the base on Wednesday evening, a source said.";
    const clock = "The incident occurred at 7:20 p.m. local time, the coalition added.";
    expect(datesIn(`${told}\n\n${clock}`)).toEqual([
      ["on Wednesday evening", "2015-03-04"],
      ["at 7:20 p.m. local time", "2015-03-04"],
    ]);
    // Pages later the day told is no longer the one a time of day falls on.
    const filler = "The militias have grown in number and in reach across the provinces. ".repeat(30);
    expect(datesIn(`${told}\n\n${filler}\n\n${clock}`)).toEqual([["on Wednesday evening", "2015-03-04"]]);
  });

  it("counts 'two days later', 'the next day' and 'that day' from the day the text last stated, and no day without one", () => {
    const told = { ...(ref as NonNullable<typeof ref>), toldDay: "2015-03-02" };
    const onTold = (sentence: string) => findDates(sentence, 0, told, new Map()).map((d) => d.time.edtf);
    expect(onTold("Two days later, the militia withdrew.")).toEqual(["2015-03-04"]);
    expect(onTold("The next day the ministry denied it; a week earlier it had agreed.")).toEqual([
      "2015-03-03",
      "2015-02-23",
    ]);
    expect(onTold("On the same day, drones struck a second base.")).toEqual(["2015-03-02"]);
    expect(onTold("Residents heard blasts that day and fled that night.")).toEqual(["2015-03-02", "2015-03-02"]);
    expect(onTold("The ministry said that night-time curfews would end.")).toEqual([]);
    // "A few days later": how many is not said.
    expect(onTold("A few days later, they withdrew.")).toEqual([]);
    const unresolved = new Map<Unresolved, number>();
    expect(findDates("Two days later, the militia withdrew.", 0, ref, unresolved)).toEqual([]);
    expect(unresolved.get("unknown-event")).toBe(1);
  });

  it("dates 'for years' up to the time of writing (present perfect or reported speech only), 'this past week' as the seven days before it", () => {
    const on = (sentence: string) =>
      findDates(sentence, 0, ref, new Map()).map((d) => [sentence.slice(d.start, d.end), d.time.edtf]);
    const upTo = `../${ref?.edtf}`;
    expect(on("The militias have been attacking the base for years.")).toEqual([["for years", upTo]]);
    expect(on("Three rockets hit the base this past week.")).toEqual([["this past week", "2015-02-27/2015-03-05"]]);
    expect(on("The command said the groups had been targeting embassies for many years.")).toEqual([
      ["for many years", upTo],
    ]);
    // A story told in the past: when those years ended is not the time of writing.
    expect(on("His father fought for years in the marshes.")).toEqual([]);
    expect(on("They had been hiding for months when the army arrived.")).toEqual([]);
  });

  it("counts what 'came N days after' from the day the text last stated, and no other 'after'", () => {
    const told = { ...(ref as NonNullable<typeof ref>), toldDay: "2015-03-04" };
    const onTold = (sentence: string) =>
      findDates(sentence, 0, told, new Map()).map((d) => [sentence.slice(d.start, d.end), d.time.edtf]);
    expect(onTold("The announcement came a day after the minister spoke.")).toEqual([["a day after", "2015-03-03"]]);
    expect(onTold("This decision came just two days after a drone attack.")).toEqual([
      ["just two days after", "2015-03-02"],
    ]);
    expect(onTold("The attack came less than a week after jets struck a facility.")).toEqual([
      ["less than a week after", "2015-02-26/2015-03-03"],
    ]);
    expect(onTold("The vote came two days before the strike.")).toEqual([["two days before", "2015-03-06"]]);
    // Not a happening the sentence dates: counted from an event the atlas would have to know.
    const unresolved = new Map<Unresolved, number>();
    expect(findDates("They withdrew two days after the strike.", 0, told, unresolved)).toEqual([]);
    expect(unresolved.get("unknown-event")).toBe(1);
    // "came three months after": not counted back to a day.
    expect(onTold("The vote came three months after the strike.")).toEqual([]);
  });

  it("reads a part of the day of publication ('earlier this morning'), and of the day a quotation's words were said", () => {
    expect(found("Earlier this morning, mortars hit the town.").map((d) => [d.quote, d.edtf])).toEqual([
      ["Earlier this morning", "2015-03-06"],
    ]);
    expect(found("“We will strike this evening,” he said on Tuesday.").map((d) => [d.quote, d.edtf])).toEqual([
      ["this evening", "2015-03-03"],
      ["on Tuesday", "2015-03-03"],
    ]);
    expect(
      found("Speaking to reporters on Tuesday, he said he had met the minister this morning.").map((d) => [
        d.quote,
        d.edtf,
      ]),
    ).toEqual([
      ["on Tuesday", "2015-03-03"],
      ["this morning", "2015-03-03"],
    ]);
  });

  it("counts 'two days after the X attack' from the day the text gave that attack, and from no other day", () => {
    const told = {
      ...(ref as NonNullable<typeof ref>),
      toldDay: "2015-03-04",
      toldOf: "The group was blamed for the attack on a base in Erbil on March 4.",
    };
    const onTold = (sentence: string) =>
      findDates(sentence, 0, told, new Map()).map((d) => [sentence.slice(d.start, d.end), d.time.edtf]);
    expect(onTold("Two days after the Erbil attack and amid fears, the group withdrew.")).toEqual([
      ["Two days after the Erbil attack", "2015-03-06"],
    ]);
    // Another place's attack, or a happening the sentence that gave the day does not name: no day.
    expect(onTold("Two days after the Basra attack, the group withdrew.")).toEqual([]);
    expect(onTold("Two days after the vote, the group withdrew.")).toEqual([]);
    // The day the sentence gave was another happening's: "On March 4, the Pentagon blamed them for the attack".
    const blamed = { ...told, toldOf: "On " };
    expect(findDates("Two days after the Erbil attack, the group withdrew.", 0, blamed, new Map())).toEqual([]);
  });

  it("counts a count set beside a day from that day, and reads a decade and a dateline's clock as what they are", () => {
    const on = (sentence: string) =>
      findDates(sentence, 0, ref, new Map()).map((d) => [sentence.slice(d.start, d.end), d.time.edtf]);
    // Published Friday 6 March 2015.
    expect(on("The envoy called on Sunday, a day after three soldiers were wounded.")).toEqual([
      ["on Sunday", "2015-03-01"],
      ["a day after", "2015-02-28"],
    ]);
    expect(on("The envoy called on Sunday, two days before the vote.")).toEqual([
      ["on Sunday", "2015-03-01"],
      ["two days before", "2015-03-03"],
    ]);
    expect(on("He lived abroad as a refugee in the 1990s after fleeing the regime.")).toEqual([["1990s", "199X"]]);
    // A time allowed from now, a "yet" after a negation, a spell of something: from or up to publication.
    expect(on("The premier-designate now has 30 days to try and form a government.")).toEqual([
      ["now", "2015-03-06"],
      ["30 days", "2015-03-06/2015-04-05"],
    ]);
    expect(on("He had a day to leave.")).toEqual([]);
    expect(on("No casualties have been reported yet.")).toEqual([["yet", "../2015-03-06"]]);
    expect(on("Casualties haven’t been reported yet.")).toEqual([["yet", "../2015-03-06"]]);
    // Not "yet" as "still more", nor as "but".
    expect(on("The town has seen yet another attack.")).toEqual([]);
    expect(on("The militia has denied involvement, yet the US blamed it.")).toEqual([]);
    expect(on("He was named after months of protests.")).toEqual([["after months of protests", "../2015-03-06"]]);
    // A spell with no "after" or "amid" is no time up to now: "15 years of hard labour".
    expect(on("He was sentenced to 15 years of prison.")).toEqual([]);
    expect(on("Dateline 17 February 2015 - 22:25")).toEqual([["17 February 2015 - 22:25", "2015-02-17"]]);
  });

  it("reads a season named against the time of writing: the last ended, the next to begin, this one", () => {
    // Published 6 March 2015, in winter.
    expect(found("Bombs hit his home last summer.")[0]).toMatchObject({ quote: "last summer", edtf: "2014-22" });
    expect(found("They struck again last winter and will return next summer.").map((d) => d.edtf)).toEqual([
      "2014-24",
      "2015-22",
    ]);
    // Spring has begun in March: this spring is under way, the next one a year off.
    expect(found("a campaign this spring, and another next spring").map((d) => d.edtf)).toEqual(["2015-21", "2016-21"]);
    // Told of in the past, "this summer" has happened: the last begun, not the one to come.
    expect(found("Two bombs destroyed his home this summer.")[0]).toMatchObject({ edtf: "2014-22" });
    expect(found("The talks will resume this summer.")[0]).toMatchObject({ edtf: "2015-22" });
  });

  it("dates a quotation's 'now', 'today' and 'yesterday' by its attribution, within the month before publication", () => {
    expect(
      found("“Our battle is now open,” the group said in a statement around midnight Sunday.").map((d) => d.edtf),
    ).toEqual(["2015-03-01/2015-03-02", "2015-03-01/2015-03-02"]);
    const after = (justBefore: string, sentence: string) =>
      findDates(sentence, 0, { ...(ref as NonNullable<typeof ref>), justBefore }, new Map()).map((d) => d.time.edtf);
    expect(after("2015-03-04", "He said that “the threats have now become a thing of the past.”")).toEqual([
      "2015-03-04",
    ]);
    // Outside the quotation, "now" is the time of writing; a day years back dates no quotation.
    expect(after("2015-03-04", "The threats have now passed, he said.")).toEqual(["2015-03-06"]);
    expect(after("2014-06-13", "He said that “the threats have now become a thing of the past.”")).toEqual([
      "2015-03-06",
    ]);
    // "yesterday" and "tomorrow" inside it are counted from the day of the words too; outside, from publication.
    expect(found("“We struck their depot yesterday,” the group said on Monday.").map((d) => d.edtf)).toEqual([
      "2015-03-01",
      "2015-03-02",
    ]);
    expect(found("The group struck their depot yesterday, it said on Monday.").map((d) => d.edtf)).toEqual([
      "2015-03-05",
      "2015-03-02",
    ]);
  });

  it("counts a quotation's 'within the next two days' from the day its report opens with, not from publication", () => {
    const datesIn = (text: string) =>
      of(run({ text }).drafts, "date").map((d) => [text.slice(d.start, d.end), d.proposal.time.edtf]);
    const report =
      "On March 2, 2015, local media reported that the council chose a new commander, who replaced a man killed on January 9.[1]";
    const quote = 'A member told reporters that "the order will be signed within the next two days."';
    expect(datesIn(`${report}\n\n${quote}`)).toEqual([
      ["March 2, 2015", "2015-03-02"],
      ["January 9", "2015-01-09"],
      ["within the next two days", "2015-03-02/2015-03-04"],
    ]);
    // Said outside a quotation, it is the writer's: from publication.
    expect(datesIn(`${report}\n\nThe order will be signed within the next two days.`).at(-1)).toEqual([
      "within the next two days",
      "2015-03-06/2015-03-08",
    ]);
  });

  it("reads 'since' an event the atlas holds as from that event to the time of writing, and no other 'since the'", () => {
    const held: Anchor = {
      title: "Strike that killed Karim al-Mansouri",
      time: { edtf: "2015-01-03", precision: "day", basis: "explicit" },
      named: (phrase) => Number(/\bkilling of Karim\b/.test(phrase)),
    };
    const since = (sentence: string) =>
      findDates(sentence, 0, ref, new Map(), [held]).map((d) => [sentence.slice(d.start, d.end), d.time.edtf]);
    expect(since("The factions have drifted apart since the killing of Karim al-Mansouri.")).toEqual([
      ["since the killing of Karim al-Mansouri", "2015-01-03/2015-03-06"],
    ]);
    // An event the atlas does not hold is not guessed; a date after "since" is open-ended as before.
    expect(since("The factions have drifted apart since the fall of the city.")).toEqual([]);
    expect(since("The factions have drifted apart since the summer of 2014.")).toEqual([
      ["since the summer of 2014", "2014-22/.."],
    ]);
  });

  it("takes the event the words name most participants of, and none when two are named alike", () => {
    const event = (title: string, names: number): Anchor => ({
      title,
      time: { edtf: "2015-01-03", precision: "day", basis: "explicit" },
      named: () => names,
    });
    const strike = event("The strike that killed Karim al-Mansouri", 2);
    expect(anchorNamed([event("Another US strike", 1), strike, event("Not named", 0)], "", 0)).toBe(strike);
    expect(anchorNamed([event("One US strike", 1), event("Another US strike", 1)], "", 0)).toBeUndefined();
  });

  it("counts an anniversary of an event the atlas holds, and years ago from a weekday, to the day", () => {
    const held: Anchor = {
      title: "Founding of Saraya Tahrir",
      time: { edtf: "2006-06-13", precision: "day", basis: "explicit" },
      named: (phrase) => Number(/\bfounding of Saraya Tahrir\b/.test(phrase)),
    };
    const dated = (sentence: string) =>
      findDates(sentence, 0, ref, new Map(), [held]).map((d) => [sentence.slice(d.start, d.end), d.time.edtf]);
    expect(dated("The parade marked the ninth anniversary of the founding of Saraya Tahrir.")).toEqual([
      ["ninth anniversary of the founding of Saraya Tahrir", "2015-06-13"],
    ]);
    // Publication is Friday 6 March 2015: Wednesday is the 4th, four years before it 4 March 2011.
    expect(dated("Karim al-Mansouri, who was killed four years ago Wednesday, was mourned.")).toEqual([
      ["four years ago Wednesday", "2011-03-04"],
    ]);
    expect(dated("The parade marked the 10th anniversary of the fall of the city.")).toEqual([]);
    expect(dated("They held a one-year anniversary of the founding of Saraya Tahrir.")).toEqual([
      ["one-year anniversary of the founding of Saraya Tahrir", "2007-06-13"],
    ]);
  });

  it("reads 'last night' as the night before publication, and a range of days of publication day by day", () => {
    expect(found("Clashes erupted last night in the city.")).toEqual([
      { quote: "last night", edtf: "2015-03-05/2015-03-06", basis: "relative", part: undefined },
    ]);
    const days = referenceOf({ edtf: "2017-10-17/2017-10-31" });
    const inDays = (sentence: string) => findDates(sentence, 0, days, new Map()).map((d) => d.time.edtf);
    expect(inDays("Clashes erupted last night in the city.")).toEqual(["2017-10-16/2017-10-31"]);
    expect(inDays("Clashes erupted yesterday in the city.")).toEqual(["2017-10-16/2017-10-30"]);
    // Not a night chrono dates, a manner of speaking, nor one of an earlier year told.
    expect(found("Rockets hit the base overnight Saturday.").map((d) => d.quote)).toEqual(["Saturday"]);
    expect(found("The militia did not change its stance overnight.")).toEqual([]);
  });

  it("opens a period that a clause with 'since' starts, and reads recent weeks and 'so far'", () => {
    expect(found("Since President Joe Biden took office early this year, attacks rose.")[0]).toMatchObject({
      quote: "Since President Joe Biden took office early this year",
      edtf: "2015/..",
    });
    // A comma ends the clause: "since" is not what dates it.
    expect(found("The group, active since the war, in 2018 joined the alliance.")[0]).toMatchObject({ edtf: "2018" });
    expect(found("two activists were killed in recent weeks")[0]).toMatchObject({ edtf: "2015-02/2015-03" });
    expect(found("several militias have grown in recent months")[0]).toMatchObject({ edtf: "2014-12/2015-03" });
    expect(found("three drones were fired at bases in the past 24 hours")[0]).toMatchObject({
      quote: "in the past 24 hours",
      edtf: "2015-03-05/2015-03-06",
    });
    expect(found("three drones were fired at US soldiers over 24 hours")[0]).toMatchObject({
      quote: "over 24 hours",
      edtf: "2015-03-05/2015-03-06",
    });
    expect(found("So far, no statement has been issued.")[0]).toMatchObject({ edtf: "2015-03-06" });
    expect(found("Until now, no statement has been issued.")[0]).toMatchObject({ edtf: "../2015-03-06" });
    // What a report could not yet get is as of the time of writing; an act done "immediately" is not.
    expect(
      found("The group could not be reached immediately, and there was no immediate comment from the ministry.").map(
        (d) => [d.quote, d.edtf],
      ),
    ).toEqual([
      ["immediately", "2015-03-06"],
      ["no immediate comment", "2015-03-06"],
    ]);
    expect(found("The militia immediately retaliated.")).toEqual([]);
    // Weeks or months spent doing something: the month or three before the day the text last stated.
    expect(found("He made his announcement after having spent weeks agitating his followers.")[0]).toMatchObject({
      quote: "spent weeks",
      edtf: "2015-02/2015-03-06",
    });
  });
});

describe("sentences", () => {
  it("does not end a sentence after a title, an initial or U.S.", () => {
    const t = "The U.S. military said so. Lt. Gen. Paul Calvert spoke. George W. Bush did not. “Why?” he asked.";
    expect(sentences(t).map(([s, e]) => t.slice(s, e))).toEqual([
      "The U.S. military said so.",
      "Lt. Gen. Paul Calvert spoke.",
      "George W. Bush did not.",
      "“Why?” he asked.",
    ]);
  });
});

describe("an acronym of a new actor", () => {
  it("is that actor, not another candidate, when its letters are the initials of one candidate's name", () => {
    const { drafts } = run({
      text: "Drones intercepted\n\nTwo American officials confirmed the attack to the Associated Press on Saturday. No group claimed responsibility for it, according to the AP.",
    });
    const actors = of(drafts, "actor").map((a) => [a.proposal.name, a.proposal.shortNames]);
    expect(actors).toContainEqual(["Associated Press", ["AP"]]);
    expect(actors.map(([name]) => name)).not.toContain("AP");
  });

  it("and so is another name of a group given in brackets after it", () => {
    const { drafts } = run({
      text: "Saraya Tahrir (Liberation Brigades), the paramilitary group headed by Faris Jaber, deployed on Friday. The Liberation Brigades left later.",
    });
    const actors = of(drafts, "actor").map((a) => [a.proposal.name, a.proposal.shortNames]);
    expect(actors).toContainEqual(["Saraya Tahrir", ["Liberation Brigades"]]);
    expect(actors.map(([name]) => name)).not.toContain("Liberation Brigades");
  });
});

describe("a wire dateline", () => {
  it("is where the story was filed, in capitals or with its agency, not a clause before a dash", () => {
    const lengthOf = (p: string) => p.slice(0, datelineLength(p));
    expect(lengthOf("BEIRUT (AP) — Two drones were intercepted.")).toBe("BEIRUT (AP) — ");
    expect(lengthOf("BAGHDAD, Iraq (Reuters) - Rockets hit the base.")).toBe("BAGHDAD, Iraq (Reuters) - ");
    expect(lengthOf("WASHINGTON — The Treasury acted.")).toBe("WASHINGTON — ");
    expect(lengthOf("Erbil, Jan. 5 (AFP) – A drone was shot down.")).toBe("Erbil, Jan. 5 (AFP) – ");
    expect(lengthOf("Kataib Hezbollah — the militia — denied it.")).toBe("");
    expect(lengthOf("PMF — the state's forces — paraded.")).toBe("");
    expect(lengthOf("Jan. 4 (UPI) -- Rockets hit the base.")).toBe("Jan. 4 (UPI) -- ");
    expect(lengthOf("NEWSROOM, January 28 — Three soldiers were killed.")).toBe("NEWSROOM, January 28 — ");
    expect(lengthOf("SULAIMANI, Kurdistan Region of Iraq (Xinhua) — Drones hit.")).toBe(
      "SULAIMANI, Kurdistan Region of Iraq (Xinhua) — ",
    );
    expect(lengthOf("WASHINGTON-based analysts disagree.")).toBe("");
    expect(lengthOf("BAGHDAD (Reuters)-Rockets hit the base.")).toBe("BAGHDAD (Reuters)-");
    expect(lengthOf("Baghdad - the capital - was calm.")).toBe("");
  });

  it("still gives its day as a date the text states", () => {
    const { drafts } = run({
      text: "Strike\n\nMarch 9 (XNA) -- Rockets hit the base on Thursday.",
      published: { edtf: "2021-03-10", precision: "day", basis: "explicit" },
    });
    const dates = of(drafts, "date").map((d) => [d.quote, d.proposal.time.edtf]);
    expect(dates).toContainEqual(["March 9", "2021-03-09"]);
  });

  it("is in no sentence: no statement quotes it, and the agency is no actor in the event", () => {
    const { drafts } = run({
      text: "Drones intercepted\n\nBEIRUT (AP) — Kataib Hezbollah attacked a base hosting US troops on Wednesday, a defense official said.",
    });
    const statements = of(drafts, "statement");
    expect(statements.length).toBeGreaterThan(0);
    for (const s of statements) expect(s.quote).not.toContain("BEIRUT");
    const events = of(drafts, "event");
    expect(events.length).toBeGreaterThan(0);
    for (const e of events) {
      expect(e.quote).not.toContain("BEIRUT");
      expect(JSON.stringify(e.proposal.participants)).not.toContain('"AP"');
    }
  });
});

describe("words a JavaScript object inherits", () => {
  it("are read as any other word: a document using them is analyzed, and a known name still found", () => {
    const words = ["constructor", "toString", "valueOf", "__proto__", "hasOwnProperty"];
    const body = words
      .map((w) => `The ${w} ${w} in ${w}, Iraq on March 3, killing ${w} people. ${w} said Kataib Hezbollah did it.`)
      .join("\n\n");
    const { drafts } = run({ text: body });
    expect(of(drafts, "mention").filter((m) => m.proposal.actorId === "kataib-hezbollah")).toHaveLength(words.length);
  });
});

describe("a line that ends without a full stop", () => {
  const sentencesOf = (t: string) => analyze(t).sentences.map((s) => t.slice(s.start, s.end));

  it("ends a sentence when the next line opens with a capital: a headline or byline above a paragraph", () => {
    expect(sentencesOf("Militias Warn Washington\nZiyad Rasheed said on Monday that the road was closed.")).toEqual([
      "Militias Warn Washington",
      "Ziyad Rasheed said on Monday that the road was closed.",
    ]);
    const { drafts } = run({ text: "Notes\n\nBaghdad Bureau\nZiyad Rasheed said on Monday that the road was closed." });
    expect(of(drafts, "actor").map((a) => a.proposal.name)).toContain("Ziyad Rasheed");
  });

  it("goes on after a word that cannot end a sentence, and where a line break splits a body's name", () => {
    const broken =
      "Rockets struck a base used by the\nPopular Mobilization\nForces near Baghdad on Monday, officials said.";
    expect(sentencesOf(broken)).toEqual([broken]);
  });

  it("is only a space in a text wrapped at a fixed width, whose lines go on in lower case", () => {
    const wrapped =
      "Ziyad Rasheed, a commander of the\nforces, said on Monday that the\nroad was closed and that the\nBrigade had left.";
    expect(sentencesOf(wrapped)).toEqual([wrapped]);
  });
});

describe("an outlet named in one word", () => {
  it("is a new outlet where a source is named: an acronym or a word ending like an outlet's, after 'told' or 'according to'", () => {
    const { drafts } = run({
      text: "Notes\n\nZiyad Rasheed told FNA that the road was closed. An official told Dijlah24 on Monday that it had reopened, according to ZTV. Hadi Salman told Karim that he would go.",
    });
    const actors = new Map(of(drafts, "actor").map((a) => [a.proposal.name, a.proposal.actorKind]));
    expect(actors.get("FNA")).toBe("media");
    expect(actors.get("Dijlah24")).toBe("media");
    expect(actors.get("ZTV")).toBe("media");
    expect(actors.get("Karim")).not.toBe("media");
    // An acronym after "the" is a body's, whatever it is: "told the UNSC", "according to the KRG".
    const bodies = run({ text: "Notes\n\nThe envoy told the UNSC that talks failed, according to the KRG." }).drafts;
    expect(of(bodies, "actor").filter((a) => a.proposal.actorKind === "media")).toEqual([]);
  });

  it("is the agency a wire dateline credits, but not a section's name in brackets", () => {
    const { drafts } = run({
      text: "Notes\n\nJan. 4 (XNA) -- Rockets hit the base on Thursday.\n\nBAGHDAD (Dispatches) -- The army left the city on Friday.\n\nSULAIMANI, Kurdistan Region of Iraq (Zagros24) -- Drones hit the airport.\n\nKurdistan Regional Government (KRG) - officials said the road was closed.\n\nErbil (NRT24) — Rockets hit the airport.",
    });
    const actors = of(drafts, "actor").map((a) => [a.proposal.name, a.proposal.actorKind]);
    expect(actors).toContainEqual(["XNA", "media"]);
    expect(actors).toContainEqual(["Zagros24", "media"]);
    expect(actors).toContainEqual(["NRT24", "media"]);
    expect(actors.map(([name]) => name)).not.toContain("Dispatches");
    expect(actors.map(([name]) => name)).not.toContain("KRG");
    // (Nor is the common word after a dateline's dash anyone: "-- Rockets hit".)
    expect(actors.map(([name]) => name)).not.toContain("Rockets");
    // (A plural the lexicon lacks is a common word when its singular is one: "Drones hit".)
    expect(actors.map(([name]) => name)).not.toContain("Drones");
  });
});
