/**
 * Search quality, measured: forty questions an analyst of Iraq's militias types into the atlas,
 * each with the result that should come first and every result that answers it (judged by
 * reading the curated records, not by running the search: the events an event query asks about,
 * the parts of an event when it asks for a whole). Precision at 5 is the share of the
 * top five that answer the question, out of the most that could (five, or fewer when fewer
 * records answer it). `pnpm bench` prints the figures; a test keeps them at or above the goal.
 */
import type { Db } from "../src/db/client.js";
import { type SearchType, search } from "../src/queries/search.js";

export interface JudgedQuery {
  q: string;
  type: Exclude<SearchType, "source">;
  /** The result that should rank first. */
  first: string;
  /** Every other result that answers the question. */
  relevant?: string[];
}

export const PRECISION_GOAL = 0.9;
export const RANK = 5;

export const JUDGED_QUERIES: JudgedQuery[] = [
  // Events
  {
    q: "rocket attack US embassy",
    type: "event",
    first: "2020-01-26-us-embassy-rocket-attack",
    relevant: [
      "2020-01-harassing-fire-on-us-embassy",
      "2019-tehran-ordered-pmu-rocket-fire",
      "2018-2021-militia-attacks-on-us-targets",
    ],
  },
  {
    q: "rocket attack embassy",
    type: "event",
    first: "2020-01-26-us-embassy-rocket-attack",
    relevant: [
      "2020-01-harassing-fire-on-us-embassy",
      "2019-tehran-ordered-pmu-rocket-fire",
      "2018-2021-militia-attacks-on-us-targets",
    ],
  },
  { q: "Katyusha", type: "event", first: "2020-01-26-us-embassy-rocket-attack" },
  { q: "Soleimani killed", type: "event", first: "2020-01-03-baghdad-airport-strike" },
  { q: "drone strike Baghdad airport", type: "event", first: "2020-01-03-baghdad-airport-strike" },
  {
    q: "airstrike Kataib Hezbollah",
    type: "event",
    first: "2019-12-us-strikes-on-kataib-hezbollah",
    relevant: ["2020-03-us-strikes-on-five-kataib-hezbollah-sites"],
  },
  {
    q: "US contractor killed",
    type: "event",
    first: "2019-12-27-rocket-attack-kills-us-contractor",
    relevant: ["2021-02-erbil-air-base-rocket-attack"],
  },
  {
    q: "fall of Mosul",
    type: "event",
    first: "2014-06-fall-of-mosul",
    relevant: ["2014-22-badr-recruits-fighters"],
  },
  {
    q: "Sistani fatwa",
    type: "event",
    first: "2014-06-sistani-call-to-arms",
    relevant: ["2014-pmf-formed"],
  },
  { q: "PMF founded", type: "event", first: "2014-pmf-formed" },
  {
    q: "Iranian missile attack",
    type: "event",
    first: "2020-01-08-iranian-missile-attack-on-us-hosting-bases",
  },
  {
    q: "protesters killed",
    type: "event",
    first: "2019-10-militias-attack-protesters",
  },
  {
    q: "Nasiriyah headquarters torched",
    type: "event",
    first: "2020-01-05-nasiriyah-pmf-headquarters-torched",
  },
  {
    q: "Khazali released",
    type: "event",
    first: "2010-khazali-released-for-british-hostage",
    relevant: ["2003-2010-qais-al-khazali-captured-and-held"],
  },
  {
    q: "Karbala soldiers 2007",
    type: "event",
    first: "2007-karbala-killing-of-five-us-soldiers",
  },
  { q: "Erbil rocket attack", type: "event", first: "2021-02-erbil-air-base-rocket-attack" },
  { q: "US sanctions Khazali", type: "event", first: "2019-12-us-sanctions-qais-al-khazali" },
  { q: "Badr founded in Iran", type: "event", first: "1982-badr-founded" },
  {
    q: "Biden strike Syria",
    type: "event",
    first: "2021-us-strike-on-militia-facilities-in-syria",
    relevant: ["2021-us-war-powers-debate"],
  },
  {
    q: "US withdrawal from Iraq",
    type: "event",
    first: "2012-us-forces-withdraw-from-iraq",
    relevant: ["trump-era-drawdown-to-2500-us-troops"],
  },
  {
    q: "Maliki meeting Shiite leaders",
    type: "event",
    first: "2014-04-07-maliki-meets-shiite-leaders",
    relevant: ["2014-04-maliki-mobilizes-shiite-militias"],
  },
  { q: "Muhandis funeral", type: "event", first: "2020-01-abu-mahdi-al-muhandis-funeral-procession" },
  { q: "JCPOA withdrawal", type: "event", first: "2018-us-withdraws-from-jcpoa" },
  { q: "mining attacks on ships", type: "event", first: "2019-05-2019-06-gulf-ship-mining-attacks" },
  {
    q: "militias storm embassy Baghdad",
    type: "event",
    first: "2019-12-militia-demonstration-at-us-embassy-baghdad",
  },
  {
    q: "war against ISIS",
    type: "event",
    first: "2014-2017-war-against-islamic-state",
    // Its parts: what happened in that war.
    relevant: [
      "2014-06-fall-of-mosul",
      "2014-23-haider-killed-by-sniper",
      "2014-hashem-joins-the-war",
      "2014-rise-of-islamic-state",
      "2014-thamer-al-safi-brothers-die",
      "2015-amiri-commands-ground-forces-in-diyala",
      "2015-mushtaq-fatally-wounded",
      "2015-sunni-arabs-form-groups-to-fight-islamic-state",
      "2016-ali-killed-defusing-ied-in-samarra",
      "2017-islamic-state-defeated-in-iraq",
    ],
  },
  // Actors, as analysts spell them
  { q: "Khalazi", type: "actor", first: "qais-al-khazali" },
  { q: "Khazaly", type: "actor", first: "qais-al-khazali" },
  { q: "Kataeb Hizballah", type: "actor", first: "kataib-hezbollah" },
  { q: "Mohandes", type: "actor", first: "abu-mahdi-al-muhandis" },
  { q: "Hashd al-Shaabi", type: "actor", first: "popular-mobilization-forces" },
  { q: "Suleimani", type: "actor", first: "qasem-soleimani" },
  { q: "Hadi Al-Ameri", type: "actor", first: "hadi-al-amiri" },
  { q: "AAH", type: "actor", first: "asaib-ahl-al-haq" },
  // Claims
  {
    q: "Kataib Hezbollah denied rocket attack",
    type: "claim",
    first: "kh-denies-embassy-rocket-attack",
    relevant: ["kh-statement-denies-involvement"],
  },
  {
    q: "80 American servicemen",
    type: "claim",
    first: "iranian-officials-claim-80-us-servicemen-killed",
    relevant: ["author-calls-iranian-casualty-claim-false"],
  },
  { q: "Khamenei avenge Soleimani", type: "claim", first: "khamenei-vows-to-avenge-soleimani" },
  { q: '"act of sabotage"', type: "claim", first: "amiri-calls-embassy-attack-act-of-sabotage" },
  {
    q: "who benefits",
    type: "claim",
    first: "militias-deny-attacks-asking-who-benefits",
    relevant: ["author-says-iran-proxies-spread-misinformation"],
  },
  {
    q: "Badr human rights abuses",
    type: "claim",
    first: "accusers-accuse-badr-of-human-rights-abuses",
    relevant: ["human-rights-groups-accuse-militias-of-abuses"],
  },
];

export interface QueryScore {
  query: JudgedQuery;
  top: string[];
  firstOk: boolean;
  precision: number;
}

/** Runs every judged query and scores it: is the first result right, and precision at 5. */
export async function scoreSearch(db: Db): Promise<{ scores: QueryScore[]; firstRate: number; precision: number }> {
  const scores: QueryScore[] = [];
  for (const query of JUDGED_QUERIES) {
    const result = await search(db, { q: query.q, types: [query.type], limit: RANK });
    const top = result.groups[query.type].map((h) => h.id);
    const relevant = new Set([query.first, ...(query.relevant ?? [])]);
    const hits = top.filter((id) => relevant.has(id)).length;
    scores.push({ query, top, firstOk: top[0] === query.first, precision: hits / Math.min(RANK, relevant.size) });
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  return {
    scores,
    firstRate: mean(scores.map((s) => (s.firstOk ? 1 : 0))),
    precision: mean(scores.map((s) => s.precision)),
  };
}
