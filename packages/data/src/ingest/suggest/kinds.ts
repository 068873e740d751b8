/**
 * What kind of actor a name not yet known is, and whether it is an actor at all, for candidate
 * actors. The rules read the name's head word (Brigades → armed group, Ministry → state body,
 * Agency → media…), and a small gazetteer of well-known organisations types the names head words
 * cannot (Reuters, Hamas, the Pentagon, Chatham House). The gazetteer is outside knowledge used
 * only to propose a kind; the reviewer decides, and nothing from it becomes a fact.
 *
 * Not actors: agreements, operations, wars and battles, laws and plans, bare titles ("Vice
 * President"), and places.
 */
import type { ActorKind } from "@atlas/schema";
import { isCountryName } from "../../names/places.js";
import { wordKey } from "../../names/translit.js";
import { foldName } from "../../text/fold.js";
import { entryOf } from "../../text/lookup.js";

const words = (s: string) => new Set(s.split(/\s+/).filter(Boolean));

/** Head words, in the order they are tried; a name's last matching word decides. */
const HEADS: [Set<string>, ActorKind][] = [
  [
    words("Army Navy Marines Corps Guard Guards Force Commandos Peshmerga Gendarmerie Police Command Commands"),
    "military",
  ],
  [
    words(
      "Brigade Brigades Battalion Battalions Forces Militia Militias Hezbollah Hizbollah Hizballah Hizbullah Front Unit Units Regiment Division Resistance Legion Squadron Squadrons Squad Squads Hashd Mobilization Mobilisation Kataib Kataeb Saraya Asaib Liwa Jaish Harakat Companies Army's",
    ),
    "armed_group",
  ],
  [words("Party Bloc List Current Trend Tayyar Hizb"), "political_party"],
  [words("Movement"), "armed_group"],
  [
    words(
      "Ministry Council Committee Commission Parliament Government Assembly Senate Congress Court Cabinet Department Office Administration Presidency Pentagon Service Directorate Authority Judiciary Treasury Embassy Consulate Secretariat",
    ),
    "government_body",
  ],
  [words("Alliance Coalition Axis"), "coalition"],
  [words("Institute Center Centre Program Programme Initiative Project House"), "think_tank"],
  [
    words(
      "Times Post News Press Tribune Herald Journal Television TV Radio Channel Media Agency Gazette Network Monitor Broadcasting Daily Weekly Review Magazine",
    ),
    "media",
  ],
  [
    words(
      "Organization Organisation Group Watch International Association Union League Society Federation Company Corporation Holding Holdings Industries Enterprises Bank University Fund Foundation Red Crescent Cross",
    ),
    "organization",
  ],
];

/** A state's name or adjective in a force's name makes it the state's ("Iraqi Army", "U.S. Marine Corps"). */
const NATIONAL =
  /\b(Iraqi|Iranian|American|U\.?S\.?|US|United States|Israeli|Syrian|British|UK|Turkish|Saudi|Kuwaiti|Jordanian|Lebanese|Russian|French|German|Egyptian|Qatari|Emirati|Kurdish|Marine|Royal|National|Republican|Revolutionary|Islamic Republic)\b/;

/** Words after "Security", "Armed", "Defense" make a state's forces: "Iraqi Security Forces". */
const STATE_FORCES = /\b(Security|Armed|Defen[cs]e|Special|Counter[- ]?Terrorism)\s+(Forces|Force|Service)\b/i;

/**
 * Well-known organisations whose names say nothing of their kind: a gazetteer for typing only.
 * Folded lower case, without an article.
 */
const GAZETTEER: Record<string, ActorKind> = {};
const gazetteer = (kind: ActorKind, names: string) => {
  for (const n of names.split("|"))
    GAZETTEER[
      n
        .trim()
        .toLowerCase()
        .replace(/^the\s+/, "")
    ] = kind;
};
gazetteer(
  "media",
  "reuters|afp|agence france-presse|associated press|ap|al jazeera|al-jazeera|aljazeera|al arabiya|al-arabiya|bbc|cnn|fox news|irna|isna|tasnim|fars|mehr|press tv|presstv|rudaw|kurdistan 24|kurdistan24|shafaq|shafaq news|al sumaria|alsumaria|al-sumaria|al mayadeen|al-mayadeen|sabereen|sabereen news|al-monitor|al monitor|the new york times|new york times|the washington post|washington post|the wall street journal|wall street journal|bloomberg|the guardian|guardian|npr|abc news|nbc news|cbs news|the national|the cradle|memri|xinhua|sputnik|rt|anadolu|anadolu agency|dpa|efe|axios|politico|the hill|al-ahd|al ahd|al-nujaba tv|ina|iraqi news agency|baghdad today|964|nrt|kurdistan 24 tv|almaalomah|al-maalomah",
);
gazetteer(
  "think_tank",
  "chatham house|brookings|the brookings institution|brookings institution|rand|rand corporation|carnegie|carnegie endowment|csis|atlantic council|wilson center|crisis group|international crisis group|washington institute|the washington institute|middle east institute|institute for the study of war|isw|century foundation|the century foundation|council on foreign relations|cfr|soufan center|the soufan center|combating terrorism center|ctc|stimson center",
);
gazetteer(
  "organization",
  "human rights watch|amnesty|amnesty international|red cross|icrc|red crescent|msf|doctors without borders|unicef|unhcr|wfp|world bank|imf|international monetary fund|opec",
);
gazetteer(
  "international_organization",
  "united nations|un|unami|nato|european union|eu|arab league|the arab league|security council|un security council|united nations security council|organisation of islamic cooperation|organization of islamic cooperation|oic|gulf cooperation council|gcc|african union|iaea|international atomic energy agency|opcw",
);
gazetteer(
  "armed_group",
  "hamas|hezbollah|hizbollah|hizballah|houthis|the houthis|ansar allah|ansarallah|taliban|the taliban|al-qaeda|al qaeda|al-qaida|isis|isil|daesh|pkk|ypg|sdf|al-shabaab|jaish al-mahdi|mahdi army|saraya al-salam|nujaba|peace brigades|islamic jihad|palestinian islamic jihad",
);
gazetteer(
  "military",
  "peshmerga|centcom|central command|us central command|quds force|irgc|revolutionary guards|revolutionary guard|islamic revolutionary guard corps|marines|the marines|coalition forces|counter-terrorism service|cts|golden division|idf|israel defense forces|joint operations command",
);
gazetteer(
  "government_body",
  "pentagon|the pentagon|state department|the state department|treasury|the treasury|white house|the white house|kremlin|the kremlin|congress|senate|knesset|majlis|council of representatives|federal court|supreme court|cia|fbi|mossad|nsa|national security council|security media cell",
);

/** First words of Arabic group names ("brigades", "companies", "movement", "party"…), by transliteration key. */
const ARABIC_GROUP: Record<string, ActorKind> = Object.fromEntries(
  [
    ..."kataib saraya liwa harakat asaib jaish ansar ashab quwat firqat alwiya fasail katibat"
      .split(" ")
      .map((w) => [w, "armed_group"] as const),
    ..."hizb tayyar".split(" ").map((w) => [w, "political_party"] as const),
  ].map(([w, k]) => [wordKey(w), k]),
);

/** Is a word the first word of an Arabic group's name ("Kataib", "Kaiti'b", "Saraya")? */
export const opensArabicGroupName = (word: string) => wordKey(foldName(word)) in ARABIC_GROUP;

/** Heads that make a name something other than an actor. */
const NOT_ACTOR_HEADS = words(
  "Plan Agreement Deal Accord Accords Treaty Resolution Law Act Bill Operation Operations Programme War Wars Battle Offensive Campaign Conference Summit Election Elections Day Festival Square Street Road Highway Bridge Mosque Shrine Palace Prison Stadium Hospital Airport Zone Hotel Tower Base Camp Province Governorate District Doctrine Strategy Framework Initiative's Revolution Uprising Massacre Attack Attacks Strike Strikes Crisis Award Prize Cup Images Photo Photos Terminal Cookies Cookie Preferences Settings Policy Data Active Information Year Years Month Week",
);
/** A name that is only these words is a title, not an actor ("Vice President", "Supreme Leader"). */
const TITLE_WORDS = words(
  "Vice President Prime Minister Deputy Supreme Leader Secretary State Defense Defence Foreign Interior General Chief Staff Commander Spokesman Spokeswoman Ambassador Envoy Special Representative King Crown Prince Emir Sheikh Speaker Chairman Director Head Minister's Grand Ayatollah Senator Governor Mayor President's Premier",
);

export type NameVerdict = { actor: true; kind: ActorKind } | { actor: false; why: string };

/** The gazetteer's kind for a name, if it knows the name. */
export const knownKind = (name: string): ActorKind | undefined => {
  const key = name
    .toLowerCase()
    .replace(/^the\s+/, "")
    .replace(/[’']s$/, "");
  const kind = entryOf(GAZETTEER, key) ?? entryOf(GAZETTEER, `the ${key}`);
  if (kind) return kind;
  // "Al Arabiya English", "Rudaw Arabic", "Al Jazeera Online": an outlet's edition is the outlet's kind.
  const edition = /\s+(?:english|arabic|persian|farsi|kurdish|turkish|online|digital|tv|live)$/.exec(key);
  return edition ? knownKind(key.slice(0, edition.index)) : undefined;
};

/**
 * Is a capitalized name (title stripped) an actor, and of what kind? `titled` says a personal
 * title or a role introduced it ("Gen.", "spokesman").
 */
export function judgeName(name: string, titled: boolean): NameVerdict {
  const ws = name.split(/\s+/).filter(Boolean);
  const last = (ws.at(-1) ?? "").replace(/[’']s$/, "");
  const first = ws[0] ?? "";
  if (/^Operation$/i.test(first)) return { actor: false, why: "a military operation" };
  if (NOT_ACTOR_HEADS.has(last) && !titled) return { actor: false, why: `a ${last.toLowerCase()}, not an actor` };
  if (ws.every((w) => TITLE_WORDS.has(w) || /^(of|the|for)$/.test(w)))
    return { actor: false, why: "a title without a name" };
  const gazetted = knownKind(name);
  if (gazetted) return { actor: true, kind: gazetted };
  // "Kata’ib Sayyid al-Shuhada", "Saraya Awliya al-Dam": an Arabic group word first, however spelled.
  const opener = ARABIC_GROUP[wordKey(foldName(first))];
  // (A country is no group word: "Kuwait" reads like "Quwat".)
  if (opener && ws.length > 1 && !isCountryName(first)) return { actor: true, kind: opener };
  if (STATE_FORCES.test(name)) return { actor: true, kind: "military" };
  // "Iraqi Army", "U.S. Army" are a state's; "Mahdi Army", "Free Syrian Army" are militias.
  if (/\b(Army|Navy|Air Force|Corps|Guard)$/.test(name))
    return { actor: true, kind: NATIONAL.test(name) ? "military" : "armed_group" };
  let kind: ActorKind | null = null;
  // "Axis of Resistance", "Ministry of Interior": the head of "X of Y" is X, when X has one.
  const of = ws.findIndex((w) => w.toLowerCase() === "of");
  const headWords = of > 0 && ws.slice(0, of).some((w) => HEADS.some(([set]) => set.has(w))) ? ws.slice(0, of) : ws;
  for (const w of [...headWords].reverse()) {
    // ("the Sadrist movement": a lower-case head word counts as its capitalized self.)
    const head = w.charAt(0).toUpperCase() + w.slice(1);
    for (const [set, k] of HEADS) {
      if (set.has(head)) {
        kind = k;
        break;
      }
    }
    if (kind) break;
  }
  if (kind) return { actor: true, kind };
  return { actor: true, kind: titled || ws.length <= 4 ? "person" : "organization" };
}

/** Words that make a capitalized run an organisation's name (for joining "League of the Righteous"). */
export const ORG_WORDS = new Set(HEADS.flatMap(([w]) => [...w]));
