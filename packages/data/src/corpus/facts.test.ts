/**
 * Facts from each document, as an analyst would check them: if a curation change breaks one of
 * these, the atlas now says something different about the sources.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Dataset, describeTime } from "@atlas/schema";
import { beforeAll, describe, expect, it } from "vitest";
import { buildDataset } from "../annotations/load.js";
import { CORPUS_DIR } from "../paths.js";
import { sha256 } from "./load.js";

let d: Dataset;
beforeAll(() => {
  d = buildDataset().dataset;
});

const actor = (id: string) => d.actors.find((a) => a.id === id);
const event = (id: string) => d.events.find((e) => e.id === id);
const claim = (id: string) => d.claims.find((c) => c.id === id);
const source = (id: string) => d.sources.find((s) => s.id === id);
const aliases = (id: string) => actor(id)?.aliases.map((a) => a.name) ?? [];
const sourcesOf = (spans: { sourceId: string }[] | undefined) => [...new Set((spans ?? []).map((s) => s.sourceId))].sort();

describe("the corpus", () => {
  it("keeps each original file byte for byte", () => {
    const expected: Record<string, string> = {
      "000_30b80ff8924dd2b8.txt": "c4bb6ad3d92665317972cad5a8851a991174588c84c26975ae5b7749bbec1042",
      "001_1a73245e99298078.txt": "cdc0a261f545eb346e89bb1fd8609f490d2719ca98b60791f1361fcf03e5aad1",
      "002_99ec395d588c8d41.txt": "e7f69209fbdd01aede8a7ebb6b2effa1c281e01969d192c53b8c102abbcf6bcb",
      "003_2b5904d621a83e9d.txt": "c2b7ea9cfc7cbb0108615697e6792c2c6e53e62790c2c491cde0785ba2184d02",
      "004_2202102c87cc5f2c.txt": "4e96d63b3de7c9132655b1e5d2372c5efaf199156036bff99c1550163f66345d",
    };
    for (const [file, hash] of Object.entries(expected)) {
      expect(sha256(readFileSync(join(CORPUS_DIR, file)))).toBe(`sha256:${hash}`);
      expect(d.sources.find((s) => s.file === file)?.hash).toBe(`sha256:${hash}`);
    }
  });

  it("records publication dates with their precision and the reasoning, never a false day", () => {
    const wp = source("2021-not-just-iranian-proxies")?.published;
    expect(wp).toMatchObject({ edtf: "2021-03/2021-12", precision: "month", basis: "inferred" });
    expect(wp?.note).toContain("early last year");
    expect(source("2020-party-by-day-fighters-by-night")?.published).toMatchObject({
      edtf: "2020-01-26/2020-02-01",
      basis: "inferred",
    });
    expect(describeTime(source("2015-inside-iraqs-iranian-backed-militias")?.published ?? { edtf: "" })).toBe(
      "between January and June 2015",
    );
  });

  it("says unknown where the documents do not say, instead of guessing", () => {
    const party = source("2020-party-by-day-fighters-by-night");
    expect(party?.publisher).toBeNull();
    expect(party?.publisherBasis).toBe("unknown");
    expect(party?.authors).toEqual([]);
    const hired = source("2021-iraqi-militias-hired-guns");
    expect(hired?.titleBasis).toBe("assigned");
    expect(source("2021-militias-may-be-tearing-iraq-apart")?.publisherBasis).toBe("inferred");
  });

  it("separates article from boilerplate so nothing cites a cookie notice or a photo credit", () => {
    const report = source("2021-militias-may-be-tearing-iraq-apart");
    const cookies = report?.segments.find((s) => s.role === "cookie-notice");
    expect(cookies && report?.text.slice(cookies.start, cookies.start + 30)).toBe("X\nThis website uses cookies to");
    expect(cookies?.end).toBe(report?.text.trimEnd().length);
    const boilerplate = d.sources.flatMap((s) => s.segments.filter((g) => !g.article).map((g) => ({ ...g, sourceId: s.id })));
    const spans = [
      ...d.actors.flatMap((a) => a.evidence),
      ...d.events.flatMap((e) => e.evidence),
      ...d.claims.flatMap((c) => [...c.evidence, ...c.attribution]),
      ...d.relations.flatMap((r) => r.evidence),
      ...d.mentions,
    ];
    const inBoilerplate = spans.filter((e) =>
      boilerplate.some((b) => b.sourceId === e.sourceId && b.start < e.end && e.start < b.end),
    );
    expect(inBoilerplate).toEqual([]);
    expect(boilerplate.map((b) => b.role)).toEqual(
      expect.arrayContaining(["credit", "related-link", "cookie-notice", "contact", "disclaimer", "source-tag", "duplicate"]),
    );
  });
});

describe("The Washington Post, 2021", () => {
  it("tells Haider's death with the season it gives, and only as his brother tells the killer", () => {
    const death = event("2014-23-haider-killed-by-sniper");
    expect(death?.time).toMatchObject({ edtf: "2014-23", precision: "season", basis: "explicit" });
    expect(describeTime(death?.time ?? { edtf: "" })).toBe("autumn 2014");
    expect(death?.participants).toContainEqual(expect.objectContaining({ actorId: "islamic-state", role: "alleged_perpetrator" }));
  });

  it("sets the reporters' thesis against the US officials' view of the militias as proxies", () => {
    const thesis = claim("author-characterizes-militias-not-just-iranian-proxies");
    expect(thesis?.claimantId).toBe("author-2021-not-just-iranian-proxies");
    expect(thesis?.contradictsIds).toContain("us-officials-characterize-militias-as-iranian-proxies");
    expect(claim("us-officials-characterize-militias-as-iranian-proxies")?.claimantId).toBe("us-officials");
  });

  it("names Kifa Haider as the Martyrs Foundation's spokesman, distinct from Haider", () => {
    expect(d.relations.find((r) => r.id === "kifa-haider.spokesperson_of.martyrs-foundation")).toBeDefined();
    const haiders = d.mentions.filter((m) => m.sourceId === "2021-not-just-iranian-proxies" && m.quote.includes("Haider"));
    expect(haiders.filter((m) => m.quote === "Kifa Haider").every((m) => m.actorId === "kifa-haider")).toBe(true);
    expect(haiders.filter((m) => m.quote === "Haider").every((m) => m.actorId === "haider-brother-of-abdullah")).toBe(true);
  });
});

describe("Bloomberg View, 2015", () => {
  it("merges the misspelled Qais al-Khalazi into Qais al-Khazali", () => {
    expect(actor("qais-al-khazali")?.aliases).toContainEqual(
      expect.objectContaining({ name: "Qais al-Khalazi", kind: "misspelling" }),
    );
    expect(d.mentions).toContainEqual(expect.objectContaining({ quote: "Qais al-Khalazi", actorId: "qais-al-khazali" }));
  });

  it("dates the April 7, 2014 meeting to the day and resolves 'last June' against publication", () => {
    expect(event("2014-04-07-maliki-meets-shiite-leaders")?.time).toMatchObject({ edtf: "2014-04-07", precision: "day", basis: "explicit" });
    expect(event("2014-06-sistani-call-to-arms")?.time).toMatchObject({ edtf: "2014-06", basis: "relative", expression: "last June" });
  });

  it("attributes the spokesman's words to him, speaking for his group", () => {
    const c = claim("naeem-al-aboudi-justifies-targeting-armed-americans");
    expect(c).toMatchObject({ claimantId: "naeem-al-aboudi", onBehalfOfId: "asaib-ahl-al-haq", stance: "justifies", mode: "direct" });
    expect(c?.evidence[0]?.quote).toBe('"Every American who carried a gun is a target for us."');
  });
});

describe("the 2021 report on militias tearing Iraq apart", () => {
  it("relays Al-Shammari through Copsey rather than quoting him", () => {
    expect(claim("shammari-sees-militias-as-most-important-threat")).toMatchObject({
      claimantId: "abdul-amir-al-shammari",
      viaId: "kevin-copsey",
      mode: "indirect",
    });
  });

  it("resolves 'last month' for the Erbil attack against the publication date", () => {
    expect(event("2021-02-erbil-air-base-rocket-attack")?.time).toMatchObject({ edtf: "2021-02", basis: "relative" });
  });
});

describe("the January 2020 analysis", () => {
  it("records Kataib Hezbollah's denial of the Sunday embassy attack, contradicted by the author", () => {
    const denial = claim("kh-denies-embassy-rocket-attack");
    expect(denial).toMatchObject({ claimantId: "kataib-hezbollah", stance: "denies" });
    expect(denial?.about.eventIds).toEqual(["2020-01-26-us-embassy-rocket-attack"]);
    expect(denial?.contradictsIds.some((id) => claim(id)?.claimantId === "author-2020-party-by-day-fighters-by-night")).toBe(true);
    expect(claim("kh-statement-denies-involvement")?.viaId).toBe("irna");
  });

  it("dates the author's own words at publication, and undated reported speech as said by then", () => {
    const own = d.claims.filter((c) => c.claimantId === "author-2020-party-by-day-fighters-by-night");
    expect(own.length).toBeGreaterThan(10);
    for (const c of own) {
      expect(c.said?.edtf, c.id).toBe(source("2020-party-by-day-fighters-by-night")?.published?.edtf);
      expect(c.said?.basis, c.id).toBe("inferred");
    }
    // A named author is the document's voice too.
    expect(claim("eli-lake-asserts-militia-plan-predates-fall-of-mosul")?.said?.edtf).toBe("2015-01/2015-06");
    // A quoted speaker's undated words were said by publication, no later: an open interval.
    expect(claim("naeem-al-aboudi-denies-killing-for-its-own-sake")?.said).toMatchObject({
      edtf: "../2015-06",
      basis: "inferred",
    });
    // A date the text gives is kept.
    expect(claim("calvert-warns-of-internal-shia-civil-war")?.said?.edtf).toBe("2021-02");
  });

  it("ends the dead men's roles at the strike that killed them", () => {
    for (const id of [
      "abu-mahdi-al-muhandis.leads.kataib-hezbollah",
      "abu-mahdi-al-muhandis.member_of.popular-mobilization-forces",
      "qasem-soleimani.commands.irgc-quds-force",
    ]) {
      const relation = d.relations.find((r) => r.id === id);
      expect(relation, id).toMatchObject({ former: true, time: { edtf: "../2020-01-03", basis: "inferred" } });
    }
  });

  it("dates Sunday's attack from the text and keeps the second spelling of Nasiriyah", () => {
    expect(event("2020-01-26-us-embassy-rocket-attack")?.time).toMatchObject({ edtf: "2020-01-26", precision: "day" });
    expect(d.places.find((p) => p.id === "nasiriyah")?.aliases).toContain("Nassiriya");
  });
});

describe("the 2021 'hired guns' analysis", () => {
  it("sets Iranian officials' 80 dead against 'no human casualties reported', both as reported", () => {
    const claimed = claim("iranian-officials-claim-80-us-servicemen-killed");
    expect(claimed?.claimantId).toBe("iranian-officials");
    expect(claimed?.contradictsIds).toEqual(
      expect.arrayContaining(["author-reports-no-casualties-in-iranian-missile-attack", "author-calls-iranian-casualty-claim-false"]),
    );
    const strike = event("2020-01-08-iranian-missile-attack-on-us-hosting-bases");
    expect(strike?.fatalities).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ low: 0, high: 0, reportedById: null }),
        expect.objectContaining({ low: 80, high: 80, reportedById: "iranian-officials", claimId: "iranian-officials-claim-80-us-servicemen-killed" }),
      ]),
    );
  });

  it("merges Al-Ameri, Badr Brigade and Qassem Soleimani with their other spellings", () => {
    expect(aliases("hadi-al-amiri")).toEqual(expect.arrayContaining(["Al-Ameri", "Hadi Al-Ameri", "Amiri"]));
    expect(aliases("badr-organization")).toContain("Badr Brigade");
    expect(aliases("qasem-soleimani")).toContain("Qassem Soleimani");
  });
});

describe("across the documents", () => {
  it("tells the Soleimani strike once, with evidence from the four documents that report it", () => {
    const strike = event("2020-01-03-baghdad-airport-strike");
    expect(sourcesOf(strike?.evidence)).toEqual([
      "2020-party-by-day-fighters-by-night",
      "2021-iraqi-militias-hired-guns",
      "2021-militias-may-be-tearing-iraq-apart",
      "2021-not-just-iranian-proxies",
    ]);
    expect(strike?.time).toMatchObject({ edtf: "2020-01-03", precision: "day" });
  });

  it("keeps year-precision events as years", () => {
    expect(event("2014-pmf-formed")?.time).toMatchObject({ edtf: "2014", precision: "year" });
    expect(event("1982-badr-founded")?.time).toMatchObject({ edtf: "1982", precision: "year" });
  });

  it("files the attacks on US targets under one campaign and the strikes under the retaliation", () => {
    const parts = d.events.filter((e) => e.partOfId === "2018-2021-militia-attacks-on-us-targets").map((e) => e.id);
    expect(parts).toEqual(expect.arrayContaining(["2019-12-27-rocket-attack-kills-us-contractor", "2020-01-26-us-embassy-rocket-attack"]));
    expect(event("2019-12-us-strikes-on-kataib-hezbollah")?.partOfId).toBe("us-retaliatory-strikes-on-militias");
  });

  it("keeps each document's account of who attacked: narrated by one, a US allegation in another", () => {
    const attack = event("2019-12-27-rocket-attack-kills-us-contractor");
    const kh = attack?.participants.filter((p) => p.actorId === "kataib-hezbollah");
    expect(kh?.map((p) => p.role).sort()).toEqual(["alleged_perpetrator", "perpetrator"]);
    expect(kh?.every((p) => p.note)).toBe(true);
    // The day is stated, the year resolved against the January 2020 publication.
    expect(attack?.time).toMatchObject({ edtf: "2019-12-27", basis: "relative" });
  });

  it("gives the document's own voice as its own words: every author claim is direct", () => {
    const authors = new Set(d.actors.filter((a) => a.kind === "author").map((a) => a.id).concat("eli-lake"));
    const own = d.claims.filter((c) => authors.has(c.claimantId));
    expect(own.length).toBeGreaterThan(80);
    expect(own.filter((c) => c.mode !== "direct").map((c) => c.id)).toEqual([]);
  });

  it("covers every sentence with a reporting verb with a claim, apart from speakerless passives", () => {
    const VERB =
      /\b(said|says|say|told|tells|according to|accused|accuses|denied|denies|alleged|alleges|claimed|claims|warned|warns|acknowledged|acknowledges|declared|declares|insisted|argued|argues|noted|added|stated|announced|described|believes?|thinks?|wrote|asserted|suggested|explained|admitted|threatened|vowed|pledged|promised|blamed|confirmed|reported|estimated?)\b/i;
    // Reported by no one in particular: nothing to attribute.
    const SPEAKERLESS = ["More than 23 attacks were reported during the first four months of 2021"];
    const sentences = new Intl.Segmenter("en", { granularity: "sentence" });
    const uncovered: string[] = [];
    let checked = 0;
    for (const s of d.sources) {
      const spans = d.claims.flatMap((c) => [...c.evidence, ...c.attribution].filter((e) => e.sourceId === s.id));
      for (const segment of s.segments.filter((g) => g.article)) {
        for (const { segment: sentence, index } of sentences.segment(s.text.slice(segment.start, segment.end))) {
          if (!VERB.test(sentence) || SPEAKERLESS.some((x) => sentence.includes(x))) continue;
          checked++;
          const start = segment.start + index;
          const end = start + sentence.length;
          if (!spans.some((e) => e.start < end && e.end > start)) uncovered.push(`${s.id}: ${sentence.trim()}`);
        }
      }
    }
    expect(checked).toBeGreaterThan(80);
    expect(uncovered).toEqual([]);
  });

  it("is a valid Dataset", () => {
    expect(Dataset.safeParse(d).success).toBe(true);
  });
});
