/**
 * The words of ties, as news English writes them: role words and the relation each states, ranks,
 * states' offices, backing written into a word or said, belonging, sanctions, and the verbs
 * between two names ("X, who heads Y", "Y, which was created by X"). `relations.ts` reads a
 * sentence's actors with them.
 */
import type { RelationType } from "@atlas/schema";
import { BACKING, BODY_NOUN, HEAD_NOUN } from "./nouns.js";

/** Role words by the relation they state; the longest role phrase wins ("deputy leader" before "leader"). */
const ROLE_TYPES: [RegExp, RelationType][] = [
  [/^(?:co-)?founders?$/i, "founded"],
  [/^(?:spokes(?:man|woman|person|people|men)|press secretary)$/i, "spokesperson_of"],
  [/^(?:military\s+)?commanders?(?:-in-chief)?$/i, "commands"],
  [/^(?:deputy|assistant|vice)[\s-]+\w+$/i, "member_of"],
  [/^(?:deputy|lieutenant|right-hand man)$/i, "deputy_of"],
  [/^(?:leader|head|chief|secretary[- ]general|president|chairman|emir|director|boss|general secretary)s?$/i, "leads"],
  [/^(?:researchers?|analysts?|fellows?|scholars?)$/i, "researcher_at"],
  [/^(?:advis[eo]rs?|aides?|officers?|employees?|envoys?|ambassadors?)$/i, "employed_by"],
  // An outlet's people: "a Baghdad correspondent for Al-Arabiya", "a reporter at Rudaw".
  [/^(?:correspondents?|reporters?|journalists?|columnists?|editors?|photographers?|presenters?)$/i, "employed_by"],
  [
    /^(?:members?|fighters?|officials?|militants?|lawmakers?|mps?|representatives?|operatives?|cadres?|clerics?|ministers?)$/i,
    "member_of",
  ],
];

/** Military ranks: "Marine Corps Gen. Frank McKenzie" is a member of the Marine Corps. */
const RANKS =
  "(?:lt\\.?|lieutenant|maj\\.?|major|brig\\.?|brigadier)?\\s*(?:gen\\.?|general|col\\.?|colonel|capt\\.?|captain|sgt\\.?|sergeant|adm\\.?|admiral|cmdr\\.?|commander)";

export const ROLE_WORDS =
  "lieutenant(?!\\s+(?:gen|general|col|colonel|commander|governor)\\b)|right-hand man|(?:co-)?founders?|spokes(?:man|woman|person|people|men)|press secretary|representatives?|(?:military\\s+)?commanders?(?:-in-chief)?|(?:deputy|assistant|vice)[\\s-]+[a-z-]+|leaders?|head|chief|secretary[- ]general|general secretary|president|chairman|emir|director|boss|researchers?|analysts?|fellows?|scholars?|advis[eo]rs?|aides?|officers?|envoys?|ambassadors?|members?|fighters?|officials?|militants?|lawmakers?|operatives?|clerics?|ministers?|correspondents?|reporters?|journalists?|columnists?|editors?|photographers?|presenters?";

/** A state's name or adjective, then its office: the two groups (adjective, state) the office rules read. */
const OF_STATE =
  "(?:\\b(Iraqi|Iranian|American|U\\.S\\.|US|Syrian|Israeli|Turkish|Lebanese|British|Russian|Saudi|Kuwaiti|Jordanian)\\s+|\\b(Iraq|Iran|Syria|Israel|Turkey|Lebanon|Russia|Kuwait|Jordan)['’]s\\s+)";
const STATE_TITLES =
  "(Prime Minister|prime minister|Vice President|vice president|President|president|Supreme Leader|supreme leader|King|Emir|Foreign Minister|foreign minister|Defen[cs]e Minister|Interior Minister|minister|Defen[cs]e Secretary|Secretary of State|Secretary of Defense|National Security Advis[eo]r|national security advis[eo]r|Press Secretary|commander|Gen\\.|General|general|official|diplomat|envoy|ambassador)";
/** A state's office before a name: "Iraqi Prime Minister", "Iran's supreme leader", "top Iranian commander". */
export const STATE_OFFICE = new RegExp(
  `(?:\\b(?:[Ff]ormer|[Tt]hen|[Ee]x)[- ])?${OF_STATE}(?:top\\s+|senior\\s+)?((?:former|then|ex)[- ])?${STATE_TITLES}(?:\\s+(?:Grand\\s+)?(?:Ayatollah|Sheikh|Dr\\.|Gen\\.))?,?\\s+$`,
);
/** The same office after the name, set off by a comma or a dash: "X – Iran's most powerful military commander". */
export const STATE_OFFICE_AFTER = new RegExp(
  `^\\s*(?:,|–|—)\\s+(?:the\\s+)?${OF_STATE}(?:(?:top|senior|most\\s+[a-z]+|[a-z]+est)\\s+)?(?:military\\s+)?((?:former|then|ex)[- ])?${STATE_TITLES}\\b`,
);

export const typeOfRole = (role: string, ownerKind?: string): RelationType | null => {
  const r = role.trim().replace(/\s+/g, " ");
  // "Sadr representative X": a person's representative speaks for him; a party's sits for it.
  if (ownerKind === "person" && /^representatives?$/i.test(r)) return "spokesperson_of";
  for (const [re, type] of ROLE_TYPES) if (re.test(r)) return type;
  if (new RegExp(`^${RANKS}$`, "i").test(r)) return "member_of";
  return null;
};

/** A backer written into a word: "Iran-backed", "U.S.-led", "pro-Iran". */
export const LEAD = `((?:pro-[A-Z][\\w.]*)|(?:[A-Z][\\w.]*-(?:${BACKING})))\\s+`;
/** Words of a nation or a sect that describe a group before its name: "the Iran-backed Iraqi Shi'ite X militia". */
const DESCRIPTOR_WORDS = "Iraqi|Iranian|Syrian|Lebanese|Yemeni|Kurdish|Arab|Shi['’]?ite|Shia|Shi['’]a|Sunni|Islamist";
export const DESCRIPTORS = `(?:${DESCRIPTOR_WORDS})`;
/** Who lists, and the listing, written into one word: "U.S.-designated", "Treasury-sanctioned", "U.S. designated". */
const LISTER = "(?:U\\.S\\.|US|[A-Z][a-z]+)";
const LISTING = "designated|sanctioned|blacklisted";
/**
 * What may stand between a role's "of the" (or a tie's "by the") and the name: lower-case words
 * ("the firebrand cleric X"), a backer written into a word and a nation's or a sect's adjective
 * ("Secretary-General of the Iran-backed Iraqi Shi'ite Al-Nujaba Movement"), and a designation
 * ("the leader of U.S. designated Harakat al-Nujaba").
 */
const DESCRIBING = `(?:(?:(?!(?:of|in|for|at|on|with|from|to|and|or|by)\\s)[a-z][a-z-]*|[A-Z][\\w.]*-(?:${BACKING})|${LISTER}[- ](?:${LISTING})|${DESCRIPTORS})\\s+){0,4}?`;

/**
 * Between an actor and the next: only these words (checked on the text between their spans): "X,
 * the leader of Y", "X, who is a member of Y", and said outright, "X is the leader of Y".
 */
export const APPOSITION = new RegExp(
  `^(?:,\\s+(?:(?:who|which)\\s+(?:is|was|has been|had been)\\s+(?:also\\s+)?)?|\\s+(?:is|was|has been|had been|remains|became)\\s+(?:also\\s+|still\\s+)?)(?:(?:the|a|an|its|his|her|their)\\s+)?((?:former|then|ex)[- ])?((?:[A-Za-z.-]+\\s+){0,2}?)(${ROLE_WORDS})(?:\\s+(?:of|for|at|in|with))\\s+(?:(?:the|a|an)\\s+)?${DESCRIBING}(?:al-)?$`,
  "i",
);
/**
 * "Y's secretary-general X", "Kataib Hezbollah spokesperson X", "Y leader X"; and a role over a
 * part of Y, "Y's head of force deployments X" (group 3: what the role is over).
 */
export const ROLE_BETWEEN = new RegExp(
  `^(?:['’]s?)?\\s+((?:former|then|ex)[- ])?(?:(?:top|senior|chief|military|political|militia|group|security|${DESCRIPTOR_WORDS})\\s+){0,2}(${ROLE_WORDS}|${RANKS})(?:\\s+of\\s+((?:(?!(?:the|a|an|its|their)\\s)[a-z-]+\\s+){0,2}[a-z-]+))?(?:\\s+${RANKS})?,?\\s+$`,
  "i",
);
/** "Y, and its leaders, X", "Y, through its spokesman X": a role of the group just named, then who holds it. */
export const ITS_ROLE = new RegExp(
  `^(?:,?\\s+and|,\\s+(?:through|via))\\s+(?:its|their)\\s+(?:(?:top|senior|current|two|three)\\s+)?(${ROLE_WORDS}|heads),?\\s+$`,
  "i",
);
/** "the leader of Y, X": the role before Y, and X after a comma. */
export const ROLE_OF_BEFORE = new RegExp(
  `\\b((?:former|then|ex)[- ])?(${ROLE_WORDS})\\s+(?:of|for)\\s+(?:the\\s+)?(?:(?:Iraqi|Iranian|Lebanese|Syrian|Islamic)\\s+)?(?:al-|el-)?$`,
  "i",
);
/** "Z, a faction of Y", "Z, part of Y", "Z, one of the groups in Y", "Z, which is part of Y". */
export const PART_OF =
  /^,?\s+(?:(?:which|that|who)\s+)?(?:(?:is|are|was|were)\s+(?:(?:regarded|seen|considered|described|known)\s+as\s+)?)?(?:(?:a|an|the|one of the|one of|among the)\s+)?(?:(?:most\s+)?[a-z-]+\s+){0,3}?(?:factions?|components?|parts?|units?|brigades?|members?|groups|militias?|wings?|branch(?:es)?)\s+(?:of|in|within|inside)\s+(?:the\s+)?(?:(?:Iraqi|Iranian|Syrian|Lebanese|Shi['’]?ite|Shia|Sunni)\s+)?$/i;
/** "Y, an umbrella (group) of (Shiite) militias including Z": Z part of Y. */
export const UMBRELLA =
  /^,\s+(?:an?|the)\s+(?:\w+\s+){0,2}?(?:umbrella|coalition|alliance|grouping|network)(?:\s+\w+){0,4}?\s+(?:including|such as|like)\s+(?:the\s+)?$/i;
/** "Iran-backed Y", "Iranian-backed Y", "pro-Iran Y". */
export const BACKED_PREFIX = new RegExp(`^(?:pro-)?(.+?)(?:-(?:${BACKING}))?$`, "i");
/** A designation written into a word before a name: "the U.S.-designated Iraqi militia", "U.S. designated X". */
export const DESIGNATED_BEFORE = new RegExp(
  `\\b(${LISTER})[- ](${LISTING})\\s+(?:(?:${DESCRIPTORS}|terrorist|militant|militia)\\s+){0,2}(?:[Aa]l-)?$`,
);
/** The same in a description after the name: "X, another U.S.-designated Iranian proxy". */
export const DESIGNATED_AFTER = new RegExp(
  `^(?:,\\s+|\\s+(?:is|was|are|were|remains)\\s+)(?:an?|the|another|one of the)\\s+(?:[a-z-]+\\s+){0,2}?(${LISTER})-(${LISTING})\\b`,
);
/** "Y, which is funded by X", "Y, backed by X", "Y, an ally of X"… between Y and X. */
export const BACKED_BETWEEN =
  /^,?\s+(?:(?:which|that|who)\s+|(?:an?|the)\s+[^,;()]{0,60}?\s+)?(?:(?:is|are|was|were|has been|have been|had been)\s+)?(?:(?:widely\s+|long\s+|also\s+)?(?:believed|said|thought|alleged|reported|known|understood|suspected)\s+to\s+(?:be|have\s+been)\s+)?(?:(?:widely|closely|heavily|reportedly|allegedly|largely|mostly|also|all)\s+)?(?:backed|funded|armed|supported|trained|financed|sponsored|directed|equipped|paid|supplied|bankrolled)(?:,?\s+(?:and|or)?\s*(?:backed|funded|armed|supported|trained|financed|sponsored|directed|equipped|paid|supplied|bankrolled))*\s+by\s+(?:the\s+)?$/i;
/** "B sanctioned A", "B imposed sanctions on A", "B designated A (as) a terrorist…". */
export const SANCTION_ACTIVE =
  /^\s+(?:on\s+[A-Z][a-z]+\s+|(?:today|yesterday|recently|again)\s+)?(?:has\s+|have\s+|had\s+)?(?:also\s+)?(sanctioned|blacklisted|designated|(?:imposed|issued|placed|announced|slapped)\s+(?:new\s+|further\s+|fresh\s+)?sanctions\s+(?:on|against|targeting)|listed)\s+(?:the\s+)?$/i;
/** "A was sanctioned by B", "A was designated a terrorist organization by B". */
export const SANCTION_PASSIVE =
  /^,?\s+(?:(?:who|which|that)\s+)?(?:(?:was|were|has been|had been|have been)|(?:is|are|was|were)\s+(?:the|an?)\s+(?:[A-Za-z-]+\s+){0,4}?|(?<=,\s+))\s*(?:also\s+)?(sanctioned|blacklisted|designated|(?:branded|labell?ed)(?=[^,;]*\bterror))(?:\s+(?:as\s+)?(?:an?\s+)?(?:[A-Za-z-]+\s+){0,4}?)?\s*by\s+(?:the\s+)?$/i;

const FORMER = "(?<former>(?:former|then|ex)[- ])?";
/**
 * A role of a body the text refers back to, by a noun or by a word of its name (capitalized,
 * checked apart from these case-blind matches): after the person ("X, the group's spokesman",
 * "X, the Brigades' Secretary-General", "X, a spokesman for the foundation") or before ("the
 * head of this political bloc, X").
 */
export const BODY_ROLES: { re: RegExp; after: boolean }[] = [
  {
    re: new RegExp(`^,\\s+the\\s+(?<noun>${BODY_NOUN}|[A-Z][a-z]+)['’]s?\\s+${FORMER}(?<role>${ROLE_WORDS})\\b`, "i"),
    after: true,
  },
  {
    re: new RegExp(
      `^,\\s+(?:an?|the)\\s+${FORMER}(?<role>${ROLE_WORDS})\\s+(?:for|of|at)\\s+the\\s+(?<noun>${BODY_NOUN})\\b(?![\\s-]+\\p{Lu})`,
      // (Case-blind but for the capital after the noun: "the group Saraya X" names the group.)
      "iu",
    ),
    after: true,
  },
  {
    re: new RegExp(
      `\\b${FORMER}(?<role>${ROLE_WORDS})\\s+of\\s+(?:the|this|that)\\s+(?:[a-z-]+\\s+)?(?<noun>${BODY_NOUN})\\s*,\\s+$`,
      "i",
    ),
    after: false,
  },
  // "according to group spokesman Naeem al-Aboudi", "the militia's commander X": the noun, then the
  // role, then the name. (Not "militia commander X" alone: that says what he is, not whose.)
  {
    re: new RegExp(
      `(?:\\b(?:the|this|that)\\s+|(?:^|[^\\p{L}-])(?=group\\b))(?<noun>${BODY_NOUN})(?:['’]s)?\\s+${FORMER}(?<role>${ROLE_WORDS})\\s+$`,
      "iu",
    ),
    after: false,
  },
];

/** A group's head noun written after its name ("the Al-Mahdi Army militia, which…"). */
export const GROUP_HEAD = new RegExp(`^\\s+${HEAD_NOUN}s?(?=,)`, "i");

export const STATE_KINDS = new Set(["state", "government_body", "military"]);
/** After a state's name, what makes it name a word rather than be a tie's end: "Iraq's X", "Iran-backed X", "the Iraq researcher for X". */
export const STATE_NAMES_WORD = new RegExp(
  `^(?:['’]s\\s+|-(?:${BACKING})\\s+|\\s+(?!(?:in|of|on|at|for|and|or|to|from|with|by|as)\\b)[a-z][\\w-]*\\s+)[^,;()]{0,40}$`,
);
/** A numbered unit's name: "80th Brigade", "Brigade 50", "the 9th Division", "Liwa 30". */
export const NUMBERED_UNIT =
  /(?:\b\d+(?:st|nd|rd|th)\s+(?:Brigade|Division|Battalion|Regiment|Corps|Unit|Liwa)|\b(?:Brigade|Division|Battalion|Regiment|Liwa|Unit)\s+\d+)\b/;
/** Between a group and its numbered unit: "PMU 80th Brigade", "the PMF's 30th Brigade". */
export const UNIT_AFTER_GROUP = /^(?:['’]s)?\s+$/;
/** Between a numbered unit and its group: "the 80th Brigade of the PMU", "Brigade 50 of the Iraqi army". */
export const UNIT_OF_GROUP = /^\s+(?:of|in|within)\s+(?:the\s+)?(?:Iraqi\s+|Iranian\s+)?$/;

/** Kinds a plural name may have when it names several groups ("Iran-backed militias"). */
export const GROUP_KINDS = new Set(["armed_group", "coalition", "group_of_people", "political_party"]);
export const ORG_KINDS = new Set([
  "armed_group",
  "political_party",
  "government_body",
  "military",
  "coalition",
  "organization",
  "media",
  "ngo",
  "think_tank",
  "international_organization",
]);

/** An office before a name with no state said ("President Joe Biden", "the current prime minister, X"). */
export const OFFICE =
  /\b((?:former|then|ex)[- ])?(?:current\s+|late\s+)?(President|Prime Minister|Premier|Supreme Leader|King|Emir|Vice President|Secretary of State|Defen[cs]e Secretary|Secretary of Defen[cs]e|(?:Foreign|Defen[cs]e|Interior|Finance|Oil|Transport)\s+Minister|Speaker)(?:\s+(?:Grand\s+)?(?:Ayatollah|Sheikh|Dr\.|Gen\.))?\s*,?\s+$/i;
/** Titles whose holder leads what they hold office in. */
export const HEAD_TITLE = /^(?:president|prime minister|premier|supreme leader|king|emir)$/i;
/**
 * Titles only the United States gives, so they name the state when the text does not: its
 * cabinet secretaries ("Secretary of State Mike Pompeo") hold office in its government, and its
 * senators and representatives ("Sen. Tim Kaine") sit in its Congress.
 */
export const US_TITLE =
  /\b(?:(Secretary of State|Secretary of Defen[cs]e|Defense Secretary|Treasury Secretary|Secretary of the Treasury)|(Sen\.|Senator|Rep\.|Congressman|Congresswoman))\s+$/;

/** Verbs between two names that state a tie: "X, who heads Y", "Y, which was created by X", "X has close ties to Y". */
export const VERB_TIES: [RegExp, RelationType, "forward" | "backward", string, "subject"?][] = [
  [
    /^,?\s+(?:(?:who|which)\s+)?(?:also\s+|now\s+|still\s+)?(?:heads|leads|chairs|runs|is heading|is leading)\s+(?:the\s+)?$/i,
    "leads",
    "forward",
    "X, who heads Y",
  ],
  [
    /^,?\s+(?:(?:who|which)\s+)?(?:also\s+|now\s+|still\s+)?(?:commands|is commanding|is now commanding)\s+(?:the\s+)?$/i,
    "commands",
    "forward",
    "X, who commands Y",
  ],
  [
    /^,?\s+(?:(?:who|which)\s+)?(?:co-)?(?:founded|established|created)\s+(?:the\s+)?$/i,
    "founded",
    "forward",
    "X founded Y",
  ],
  [
    /^,?\s+(?:(?:which|that|who)\s+)?(?:(?:was|were|had been|has been)\s+)?(?:(?:originally|first)\s+)?(?:founded|established|created|set up|formed)\s+by\s+(?:the\s+)?(?:[a-z-]+\s+){0,3}?$/i,
    "founded",
    "backward",
    "Y, which was created by X",
  ],
  [
    // (Set off by a comma or a dash, as a group said in other words: "X — an armed faction linked to
    // Shia cleric Y —".)
    new RegExp(
      `^(?:,|\\s+[—–])?\\s+(?:(?:an?|the)\\s+(?:[a-z-]+\\s+){0,2}?(?:${HEAD_NOUN}|${BODY_NOUN}|wing)\\s+)?(?:(?:who|which|that)\\s+(?:is|was|are|were|has|had|have)\\s+)?(?:(?:once|long|been|also|reportedly|both|all|each)\\s+)*(?:(?:more|very|most)\\s+)?(?:closely\\s+|strongly\\s+)?(?:linked|tied|connected|affiliated)\\s+(?:to|with)\\s+(?:the\\s+)?${DESCRIBING}$`,
      "i",
    ),
    "linked_to",
    "forward",
    "X, which is closely linked to Y",
  ],
  [
    /^,?\s+(?:(?:who|which|that)\s+)?(?:(?:is|was|are|were|has been|have been|remains|remained)\s+)?(?:(?:closely|also|reportedly|formally|openly|firmly|both|all)\s+)*(?:allied|aligned)\s+(?:with|to)\s+(?:the\s+)?$/i,
    "allied_with",
    "forward",
    "X, allied with Y",
  ],
  [
    /^,?\s+(?:(?:who|which|that)\s+)?(?:has|have|had|maintains|maintained|keeps)\s+(?:(?:close|strong|deep|long-standing|longstanding|historic)\s+)*(?:ties|links)\s+(?:to|with)\s+(?:the\s+)?$/i,
    "linked_to",
    "forward",
    "X has close ties to Y",
  ],
  [
    /^,?\s+(?:(?:who|which|that)\s+(?:is|was|are|were)\s+)(?:(?:very|so|particularly)\s+)?(?:close|loyal)\s+to\s+(?:the\s+)?$/i,
    "allied_with",
    "forward",
    "X, who is very close to Y",
  ],
  [
    /^,?\s+(?:(?:which|that|who)\s+)?(?:(?:is|are|was|were)\s+)?(?:(?:an?|the|one of the)\s+[^,;()]{0,50}?\s+)?(?:(?:operating|operates|falling|falls|coming|comes|working|works|serving|serves)\s+)?(?:under|within)\s+the\s+umbrella\s+of\s+(?:the\s+)?$/i,
    "part_of",
    "forward",
    "X, under the umbrella of Y",
  ],
  [
    /^\s+(?:is|are|was|were)\s+(?:(?:now|also|formally|officially)\s+)?(?:a\s+)?part\s+of\s+(?:the\s+)?$/i,
    "part_of",
    "forward",
    "X is part of Y",
  ],
  [
    /^,?\s+(?:(?:which|that|who)\s+)?(?:(?:has|have|had|was|were|is|are|been|since|also|now|later|formally|officially|legally|fully|partly|eventually)\s+)*(?:integrated|incorporated|absorbed|folded|merged)\s+into\s+(?:the\s+)?$/i,
    "part_of",
    "forward",
    "X was integrated into Y",
  ],
  [
    /^,?\s+(?:(?:which|that|who)\s+)?(?:(?:is|are|was|were)\s+)?(?:(?:formally|officially|nominally|also|now)\s+)?(?:overseen|supervised)\s+by\s+(?:the\s+)?$/i,
    "subordinate_of",
    "forward",
    "X is overseen by Y",
  ],
  [
    /^\s+and\s+(?:his|her)\s+(?:[A-Z][a-z]+\s+)?(?:lieutenant|deputy|right-hand man|protégé|protege)\s+$/,
    "subordinate_of",
    "backward",
    "X and his lieutenant Y",
  ],
  [
    /^,?\s+(?:(?:who|which|that)\s+)?(?:(?:has|have|had|is|are|was|were)\s+)?(?:(?:long|repeatedly|also|previously|once|then|later|now|openly)\s+)*(?:fought|fights|fighting|battled|battles|battling|confronted|confronts|confronting|(?:clashed|clashes|clashing)\s+with|(?:waged|wages|waging|declared|declares|declaring)\s+war\s+(?:on|against)|(?:call(?:ed|s|ing)?|urg(?:ed|es|ing))\s+for\s+(?:an?\s+)?(?:jihad|war|holy\s+war|armed\s+struggle)\s+(?:on|against)|turned\s+(?:their|its|his)\s+guns\s+on|at\s+war\s+with)(?:\s+against)?\s+(?:the\s+)?$/i,
    "opposes",
    "forward",
    "X fought Y",
    "subject",
  ],
  [
    // "Hezbollah, the powerful terror group and arch-foe of Israel", "X, a vocal critic of Y", "X is a sworn enemy of Y".
    /^(?:,\s+(?:(?:who|which|that)\s+(?:is|was|are|were|has been|have been)\s+)?|\s+(?:is|was|are|were|has been|have been|remains)\s+)(?:(?:an?|the|its|his|her|their)\s+)?(?:[^,;()]{0,40}?\s+and\s+)?(?:(?:arch|sworn|bitter|staunch|fierce|harsh|vocal|outspoken|long-?time|main|chief|leading|prominent|fiercest|staunchest|biggest|greatest)[- ]+)*(?:arch-?)?(?:foes?|enem(?:y|ies)|rivals?|opponents?|adversar(?:y|ies)|critics?|nemesis)\s+of\s+(?:the\s+)?$/i,
    "opposes",
    "forward",
    "X, a foe of Y",
    "subject",
  ],
  [
    // "The PMF were crucial to defeating the Islamic State", "X helped defeat Y", "X, formed in 2014 to fight Y".
    /^,?\s+(?:(?:which|that|who)\s+)?(?:(?:was|were|is|are|had been|has been|have been|proved|proven)\s+)?(?:(?:crucial|instrumental|key|vital|central|critical|decisive|essential|pivotal)\s+(?:to|in)\s+|help(?:ed|s|ing)?\s+(?:to\s+)?|(?:(?:was|were)\s+)?(?:formed|created|established|mobili[sz]ed|set up|raised)\s+(?:in\s+\d{4}\s+)?to\s+)(?:defeat(?:ing)?|fight(?:ing)?|combat(?:ing)?|push(?:ing)?\s+back|driv(?:e|ing)\s+out|the\s+(?:defeat|fight|war|battle)\s+(?:of|against))\s+(?:the\s+)?$/i,
    "opposes",
    "forward",
    "X helped defeat Y",
    "subject",
  ],
  [
    // "the international coalition against the Islamic State", "a coalition to fight ISIS", "X's war on Y".
    /^(?:['’]s)?\s+(?:(?:fight|war|jihad|campaign|struggle|battle|operations?|offensive)\s+(?:against|on)|to\s+(?:fight|combat|defeat|confront))\s+(?:the\s+)?$/i,
    "opposes",
    "forward",
    "X against Y",
  ],
  [
    // "Kataib Hezbollah declared a halt to its operations against the U.S. forces", "announced a
    // suspension of hostilities against US troops" (its own: a halt of, not a wave of, attacks).
    // (Not what another is urged to halt: "Iraq urged the factions to halt their attacks on …".)
    /^\)?\s+(?:(?!\b(?:said|says|told|and|but|urged?|urges|demanded?|demands|called|calls|warned|warns|welcomed?|welcomes|asked|asks)\b)[^,.;]){0,60}?\b(?:(?:its|his|her)\s+(?:[a-z]+\s+)?|(?:announced|declared|ordered|decided\s+on|agreed\s+to)\s+(?:an?\s+|the\s+)?(?:[a-z-]+\s+)?(?:suspension|halt|cessation|end|pause|resumption)\s+of\s+)(?:operations|activities|attacks|hostilities|war|campaign|fight|struggle|jihad)\s+(?:against|on)\s+(?:the\s+)?$/i,
    "opposes",
    "forward",
    "X … its operations against Y",
    "subject",
  ],
  [
    /^,?\s+(?:(?:fighters|forces|troops|units|militiamen|members)\s+)?(?:(?:who|which|that)\s+)?(?:(?:has|have|had|is|are|was|were)\s+)?(?:(?:also|once|then|now|[a-z]+ly)\s+)*(?:fought|fights|fighting|fight|battled|battles|battling|served|serves|serving|worked|works|working)\s+(?:alongside|side by side with|together with)\s+(?:the\s+)?$/i,
    "allied_with",
    "forward",
    "X fought alongside Y",
    "subject",
  ],
  [
    /^,?\s+(?:(?:who|which|that)\s+)?(?:(?:has|have|had|later|then|also|eventually|subsequently)\s+)*joined\s+(?:the\s+)?$/i,
    "member_of",
    "forward",
    "X joined Y",
    "subject",
  ],
  [
    /^,?\s+(?:(?:who|which|that)\s+)?(?:(?:has|have|had|also|then|later)\s+)*(?:founded|created|established|formed|set up)\s+(?:an?\s+)?(?:new\s+)?(?:[a-z]+\s+)?(?:group|militia|movement|party|organi[sz]ation|faction|brigade|force)\s+(?:called|named|known as)\s+(?:the\s+)?$/i,
    "founded",
    "forward",
    "X created a group called Y",
    "subject",
  ],
  [
    /^(?:,\s+|\s+(?:and\s+)?)(?:[^,.;]{0,40}?\s)?(?:joined\s+(?:with\s+)?[^,.;]{0,40}?\s+)?to\s+form\s+(?:the\s+)?$/i,
    "founded",
    "forward",
    "X joined others to form Y",
    "subject",
  ],
  [
    /^,?\s+(?:(?:who|which|that)\s+)?(?:(?:has|have|had|also|reportedly|openly)\s+)*(?:pledged?|pledges|swore|swear|swears|sworn)\s+(?:(?:their|its|his|her)\s+)?(?:allegiance|loyalty)\s+to\s+(?:the\s+)?$/i,
    "linked_to",
    "forward",
    "X pledged allegiance to Y",
    "subject",
  ],
  [
    // "Washington's support for Israel", "the U.S. upgraded support of Israel".
    /^(?:['’]s)?\s+(?:(?:continued|continuing|unwavering|steadfast|military|financial|political|strong|growing|upgraded|increased)\s+)*(?:support|backing|sponsorship)\s+(?:for|of)\s+(?:the\s+)?$/i,
    "backed_by",
    "backward",
    "X's support for Y",
  ],
  [
    /^['’]s\s+(?:(?:close|strong|deep|long-standing|longstanding|historic)\s+)*(?:links?|ties)\s+(?:to|with)\s+(?:the\s+)?$/i,
    "linked_to",
    "forward",
    "X's close link to Y",
  ],
  [
    /^,?\s+(?:(?:which|that|who)\s+)?(?:(?:has|have|had|also|reportedly|allegedly|openly)\s+)*(?:receives?|received|receiving|takes?|took|taking|gets?|got|getting|draws?|drew)\s+(?:[a-z]+\s+){0,3}?(?:support|funding|funds|money|weapons|arms|training|backing|financing|direction|orders|salaries)\s+(?:(?:and|or)\s+(?:[a-z]+\s+){0,2}?)?from\s+(?:the\s+)?$/i,
    "backed_by",
    "forward",
    "X receives support from Y",
    "subject",
  ],
];

/** What joins two names of one list: ", ", " and ", ", and ". */
export const LIST_JOIN = String.raw`^\s*(?:,|,?\s+and)\s+`;
/** Between two names of one list: "X, Y and Z", "X and the Y". */
export const LISTED = new RegExp(String.raw`${LIST_JOIN}(?:the\s+)?$`);
/** The same, with what the next one is: "the Syrian army, the Lebanese group Hezbollah and …". */
export const LISTED_DESCRIBED = new RegExp(
  String.raw`${LIST_JOIN}(?:the\s+)?(?:[A-Z][a-z]+\s+)?(?:(?:Shiite|Shia|Sunni|armed|militant|paramilitary)\s+)?(?:(?:group|militia|movement|party|faction|organi[sz]ation)\s+)?$`,
);
