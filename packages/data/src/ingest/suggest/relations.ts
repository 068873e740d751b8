/**
 * Ties a sentence states between two actors it names, found by the patterns news English uses:
 *
 * - appositions: "X, the leader of Y", "X, a spokesman for Y", "X, head of Y's security division";
 * - a role before the name: "Y's secretary-general X", "Kataib Hezbollah spokesperson X", "the leader of Y, X";
 * - backing: "Iran-backed Y", "Y, which is funded by Iran", "backed by Iran";
 * - belonging: "Z, a faction of Y", "Y, an umbrella of militias including Z", "Z is part of Y";
 * - sanctions and designations: "the Treasury sanctioned X", "X was designated a terrorist organization by Y";
 * - kin ("Y's brother X", "his own father, X": `kin.ts`) and who killed whom (`killings.ts`).
 *
 * Each is proposed with the pattern that found it, the role in the text's words, and whether the
 * text says it is over ("former"). Sentence by sentence, on the actors the sentence names.
 */
import type { RelationType } from "@atlas/schema";
import { stateNamed, stateOpening } from "../../names/paraphrase.js";
import { kinTies } from "./kin.js";
import { BACKING, BODY_NOUN, BODY_NOUNS, BODY_REFERENCE, HEAD_NOUN } from "./nouns.js";

export interface RelationActor {
  start: number;
  end: number;
  actorId: string | null;
  name: string;
  kind?: string;
}

export interface RelationHit {
  type: RelationType;
  from: RelationActor;
  to: RelationActor;
  role: string | null;
  former: boolean;
  pattern: string;
  start: number;
  end: number;
  confidence: number;
}

/** Role words by the relation they state; the longest role phrase wins ("deputy leader" before "leader"). */
const ROLE_TYPES: [RegExp, RelationType][] = [
  [/^(?:co-)?founders?$/i, "founded"],
  [/^(?:spokes(?:man|woman|person|people|men)|press secretary)$/i, "spokesperson_of"],
  [/^(?:military\s+)?commanders?(?:-in-chief)?$/i, "commands"],
  [/^(?:deputy|assistant|vice)\s+\w+$/i, "member_of"],
  [/^(?:leader|head|chief|secretary[- ]general|president|chairman|emir|director|boss|general secretary)s?$/i, "leads"],
  [/^(?:researchers?|analysts?|fellows?|scholars?)$/i, "researcher_at"],
  [/^(?:advis[eo]rs?|aides?|officers?|employees?|envoys?|ambassadors?)$/i, "employed_by"],
  [
    /^(?:members?|fighters?|officials?|militants?|lawmakers?|mps?|representatives?|operatives?|cadres?|clerics?|ministers?)$/i,
    "member_of",
  ],
];

/** Military ranks: "Marine Corps Gen. Frank McKenzie" is a member of the Marine Corps. */
const RANKS =
  "(?:lt\\.?|lieutenant|maj\\.?|major|brig\\.?|brigadier)?\\s*(?:gen\\.?|general|col\\.?|colonel|capt\\.?|captain|sgt\\.?|sergeant|adm\\.?|admiral|cmdr\\.?|commander)";

const ROLE_WORDS =
  "(?:co-)?founders?|spokes(?:man|woman|person|people|men)|press secretary|(?:military\\s+)?commanders?(?:-in-chief)?|(?:deputy|assistant|vice)\\s+[a-z-]+|leaders?|head|chief|secretary[- ]general|general secretary|president|chairman|emir|director|boss|researchers?|analysts?|fellows?|scholars?|advis[eo]rs?|aides?|officers?|envoys?|ambassadors?|members?|fighters?|officials?|militants?|lawmakers?|operatives?|clerics?|ministers?";

/** A state's name or adjective, then its office: the two groups (adjective, state) the office rules read. */
const OF_STATE =
  "(?:\\b(Iraqi|Iranian|American|U\\.S\\.|US|Syrian|Israeli|Turkish|Lebanese|British|Russian|Saudi|Kuwaiti|Jordanian)\\s+|\\b(Iraq|Iran|Syria|Israel|Turkey|Lebanon|Russia|Kuwait|Jordan)['’]s\\s+)";
const STATE_TITLES =
  "(Prime Minister|prime minister|Vice President|vice president|President|president|Supreme Leader|supreme leader|King|Emir|Foreign Minister|foreign minister|Defen[cs]e Minister|Interior Minister|minister|Defen[cs]e Secretary|Secretary of State|Secretary of Defense|National Security Advis[eo]r|national security advis[eo]r|Press Secretary|commander|Gen\\.|General|general|official|diplomat|envoy|ambassador)";
/** A state's office before a name: "Iraqi Prime Minister", "Iran's supreme leader", "top Iranian commander". */
const STATE_OFFICE = new RegExp(
  `(?:\\b(?:[Ff]ormer|[Tt]hen|[Ee]x)[- ])?${OF_STATE}(?:top\\s+|senior\\s+)?((?:former|then|ex)[- ])?${STATE_TITLES}(?:\\s+(?:Grand\\s+)?(?:Ayatollah|Sheikh|Dr\\.|Gen\\.))?,?\\s+$`,
);
/** The same office after the name, set off by a comma or a dash: "X – Iran's most powerful military commander". */
const STATE_OFFICE_AFTER = new RegExp(
  `^\\s*(?:,|–|—)\\s+(?:the\\s+)?${OF_STATE}(?:(?:top|senior|most\\s+[a-z]+|[a-z]+est)\\s+)?(?:military\\s+)?((?:former|then|ex)[- ])?${STATE_TITLES}\\b`,
);

const typeOfRole = (role: string): RelationType | null => {
  const r = role.trim().replace(/\s+/g, " ");
  for (const [re, type] of ROLE_TYPES) if (re.test(r)) return type;
  if (new RegExp(`^${RANKS}$`, "i").test(r)) return "member_of";
  return null;
};

/** A backer written into a word: "Iran-backed", "U.S.-led", "pro-Iran". */
const LEAD = `((?:pro-[A-Z][\\w.]*)|(?:[A-Z][\\w.]*-(?:${BACKING})))\\s+`;
/** Words of a nation or a sect that describe a group before its name: "the Iran-backed Iraqi Shi'ite X militia". */
const DESCRIPTORS = "(?:Iraqi|Iranian|Syrian|Lebanese|Yemeni|Kurdish|Arab|Shi['’]?ite|Shia|Shi['’]a|Sunni|Islamist)";
/**
 * What may stand between a role's "of the" (or a tie's "by the") and the name: lower-case words
 * ("the firebrand cleric X"), a backer written into a word and a nation's or a sect's adjective
 * ("Secretary-General of the Iran-backed Iraqi Shi'ite Al-Nujaba Movement").
 */
const DESCRIBING = `(?:(?:(?!(?:of|in|for|at|on|with|from|to|and|or|by)\\s)[a-z][a-z-]*|[A-Z][\\w.]*-(?:${BACKING})|${DESCRIPTORS})\\s+){0,4}?`;

/** Between an actor and the next: only these words (checked on the text between their spans). */
const APPOSITION = new RegExp(
  `^,\\s+(?:(?:who|which)\\s+(?:is|was|has been|had been)\\s+(?:also\\s+)?)?(?:(?:the|a|an|its|his|her|their)\\s+)?((?:former|then|ex)[- ])?((?:[A-Za-z.-]+\\s+){0,2}?)(${ROLE_WORDS})(?:\\s+(?:of|for|at|in|with))\\s+(?:(?:the|a|an)\\s+)?${DESCRIBING}(?:al-)?$`,
  "i",
);
/** "Y's secretary-general X", "Kataib Hezbollah spokesperson X", "Y leader X". */
const ROLE_BETWEEN = new RegExp(
  `^(?:['’]s)?\\s+((?:former|then|ex)[- ])?(?:(?:top|senior|chief|military|political|militia|group|security)\\s+){0,2}(${ROLE_WORDS}|${RANKS})(?:\\s+${RANKS})?\\s+$`,
  "i",
);
/** "the leader of Y, X": the role before Y, and X after a comma. */
const ROLE_OF_BEFORE = new RegExp(
  `\\b((?:former|then|ex)[- ])?(${ROLE_WORDS})\\s+(?:of|for)\\s+(?:the\\s+)?(?:(?:Iraqi|Iranian|Lebanese|Syrian|Islamic)\\s+)?(?:al-|el-)?$`,
  "i",
);
/** "Z, a faction of Y", "Z, part of Y", "Z, one of the groups in Y", "Z, which is part of Y". */
const PART_OF =
  /^,?\s+(?:(?:which|that|who)\s+)?(?:(?:is|are|was|were)\s+(?:(?:regarded|seen|considered|described|known)\s+as\s+)?)?(?:(?:a|an|the|one of the|one of|among the)\s+)?(?:(?:most\s+)?[a-z-]+\s+){0,3}?(?:factions?|components?|parts?|units?|brigades?|members?|groups|militias?|wings?|branch(?:es)?)\s+(?:of|in|within|inside)\s+(?:the\s+)?(?:(?:Iraqi|Iranian|Syrian|Lebanese|Shi['’]?ite|Shia|Sunni)\s+)?$/i;
/** "Y, an umbrella (group) of (Shiite) militias including Z": Z part of Y. */
const UMBRELLA =
  /^,\s+(?:an?|the)\s+(?:\w+\s+){0,2}?(?:umbrella|coalition|alliance|grouping|network)(?:\s+\w+){0,4}?\s+(?:including|such as|like)\s+(?:the\s+)?$/i;
/** "Iran-backed Y", "Iranian-backed Y", "pro-Iran Y". */
const BACKED_PREFIX = new RegExp(`^(?:pro-)?(.+?)(?:-(?:${BACKING}))?$`, "i");
/** "Y, which is funded by X", "Y, backed by X", "Y, an ally of X"… between Y and X. */
const BACKED_BETWEEN =
  /^,?\s+(?:(?:which|that|who)\s+|(?:an?|the)\s+[^,;()]{0,60}?\s+)?(?:(?:is|are|was|were|has been|have been|had been)\s+)?(?:(?:widely|closely|heavily|reportedly|allegedly|largely|mostly|also|all)\s+)?(?:backed|funded|armed|supported|trained|financed|sponsored|directed|equipped|paid|supplied|bankrolled)(?:,?\s+(?:and|or)?\s*(?:backed|funded|armed|supported|trained|financed|sponsored|directed|equipped|paid|supplied|bankrolled))*\s+by\s+(?:the\s+)?$/i;
/** "B sanctioned A", "B imposed sanctions on A", "B designated A (as) a terrorist…". */
const SANCTION_ACTIVE =
  /^\s+(?:on\s+[A-Z][a-z]+\s+|(?:today|yesterday|recently|again)\s+)?(?:has\s+|have\s+|had\s+)?(?:also\s+)?(sanctioned|blacklisted|designated|(?:imposed|issued|placed|announced|slapped)\s+(?:new\s+|further\s+|fresh\s+)?sanctions\s+(?:on|against|targeting)|listed)\s+(?:the\s+)?$/i;
/** "A was sanctioned by B", "A was designated a terrorist organization by B". */
const SANCTION_PASSIVE =
  /^,?\s+(?:(?:who|which|that)\s+)?(?:(?:was|were|has been|had been|have been)|(?:is|are|was|were)\s+(?:the|an?)\s+(?:[A-Za-z-]+\s+){0,4}?)\s*(?:also\s+)?(sanctioned|blacklisted|designated)(?:\s+(?:as\s+)?(?:an?\s+)?(?:[A-Za-z-]+\s+){0,4}?)?\s*by\s+(?:the\s+)?$/i;

const FORMER = "(?<former>(?:former|then|ex)[- ])?";
/**
 * A role of a body the text refers back to, by a noun or by a word of its name (capitalized,
 * checked apart from these case-blind matches): after the person ("X, the group's spokesman",
 * "X, the Brigades' Secretary-General", "X, a spokesman for the foundation") or before ("the
 * head of this political bloc, X").
 */
const BODY_ROLES: { re: RegExp; after: boolean }[] = [
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
const GROUP_HEAD = new RegExp(`^\\s+${HEAD_NOUN}(?=,)`, "i");

const STATE_KINDS = new Set(["state", "government_body", "military"]);
/** After a state's name, what makes it name a word rather than be a tie's end: "Iraq's X", "Iran-backed X", "the Iraq researcher for X". */
const STATE_NAMES_WORD = new RegExp(
  `^(?:['’]s\\s+|-(?:${BACKING})\\s+|\\s+(?!(?:in|of|on|at|for|and|or|to|from|with|by|as)\\b)[a-z][\\w-]*\\s+)[^,;()]{0,40}$`,
);
/** Kinds a plural name may have when it names several groups ("Iran-backed militias"). */
const GROUP_KINDS = new Set(["armed_group", "coalition", "group_of_people", "political_party"]);
const ORG_KINDS = new Set([
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

/** What "his" or "the group's" stands for: the person, or the body a noun names, named last before a position. */
export interface BackReferences {
  person: (at: number) => RelationActor | null;
  body: (at: number, noun: string) => RelationActor | null;
}

/** A relation the atlas holds: a title or a possessive that restates it is more evidence for it. */
export interface HeldRelation {
  type: RelationType;
  fromId: string;
  toId: string;
  former: boolean;
}

/** An office before a name with no state said ("President Joe Biden", "the current prime minister, X"). */
const OFFICE =
  /\b((?:former|then|ex)[- ])?(?:current\s+|late\s+)?(President|Prime Minister|Premier|Supreme Leader|King|Emir|Vice President|Secretary of State|Defen[cs]e Secretary|Secretary of Defen[cs]e|(?:Foreign|Defen[cs]e|Interior|Finance|Oil|Transport)\s+Minister|Speaker)(?:\s+(?:Grand\s+)?(?:Ayatollah|Sheikh|Dr\.|Gen\.))?\s*,?\s+$/i;
/** Titles whose holder leads what they hold office in. */
const HEAD_TITLE = /^(?:president|prime minister|premier|supreme leader|king|emir)$/i;
/**
 * Titles only the United States gives, so they name the state when the text does not: its
 * cabinet secretaries ("Secretary of State Mike Pompeo") hold office in its government, and its
 * senators and representatives ("Sen. Tim Kaine") sit in its Congress.
 */
const US_TITLE =
  /\b(?:(Secretary of State|Secretary of Defen[cs]e|Defense Secretary|Treasury Secretary|Secretary of the Treasury)|(Sen\.|Senator|Rep\.|Congressman|Congresswoman))\s+$/;

/** Verbs between two names that state a tie: "X, who heads Y", "Y, which was created by X", "X has close ties to Y". */
const VERB_TIES: [RegExp, RelationType, "forward" | "backward", string, "subject"?][] = [
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
    /^,?\s+(?:(?:who|which|that)\s+(?:is|was|are|were|has|had|have)\s+)?(?:(?:once|long|been|also|reportedly)\s+)*(?:(?:more|very|most)\s+)?(?:closely\s+|strongly\s+)?(?:linked|tied|connected|affiliated)\s+(?:to|with)\s+(?:the\s+)?$/i,
    "linked_to",
    "forward",
    "X, which is closely linked to Y",
  ],
  [
    /^,?\s+(?:(?:who|which|that)\s+(?:is|was|are|were|has been|have been)\s+)?(?:(?:closely|also|reportedly|formally|openly|firmly)\s+)?(?:allied|aligned)\s+(?:with|to)\s+(?:the\s+)?$/i,
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
    // "the international coalition against the Islamic State", "a coalition to fight ISIS", "X's war on Y".
    /^(?:['’]s)?\s+(?:(?:fight|war|jihad|campaign|struggle|battle|operations?|offensive)\s+(?:against|on)|to\s+(?:fight|combat|defeat|confront))\s+(?:the\s+)?$/i,
    "opposes",
    "forward",
    "X against Y",
  ],
  [
    // "Kataib Hezbollah declared a halt to its operations against the U.S. forces".
    /^\)?\s+(?:(?!\b(?:said|says|told|and|but)\b)[^,.;]){0,60}?\b(?:its|his|her)\s+(?:[a-z]+\s+)?(?:operations|activities|attacks|war|campaign|fight|struggle|jihad)\s+(?:against|on)\s+(?:the\s+)?$/i,
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

/** Relations among the actors of one sentence (sorted by position). */
export function findRelations(
  text: string,
  actors: RelationActor[],
  knownAs: (name: string) => RelationActor | null,
  held: readonly HeldRelation[] = [],
  back: BackReferences = { person: () => null, body: () => null },
  sentenceStart = -1,
): RelationHit[] {
  const out: RelationHit[] = [];
  const push = (h: Omit<RelationHit, "start" | "end"> & { start?: number; end?: number }) => {
    if (h.from.actorId && h.from.actorId === h.to.actorId) return;
    if (h.from.name === h.to.name) return;
    const start = h.start ?? Math.min(h.from.start, h.to.start);
    const end = h.end ?? Math.max(h.from.end, h.to.end);
    // (One tie read two ways, "The militia's commander X" by the opening noun and by the role, is one.)
    const sameEnd = (x: RelationActor, y: RelationActor) =>
      x.start === y.start || (x.actorId !== null && x.actorId === y.actorId);
    if (out.some((o) => o.type === h.type && sameEnd(o.from, h.from) && sameEnd(o.to, h.to))) return;
    out.push({ ...h, start, end });
  };
  /** The tie the words between two actors state, if any (a, then b, i being a's place). */
  function pair(a: RelationActor, b: RelationActor, between: string, i: number): boolean {
    // "who heads Iraq's second largest party": the tie is to what b owns, not to b.
    if (/^['’]s\s/.test(text.slice(b.end, b.end + 3))) return false;
    if (between.length > 120) return false;
    // "the commander of the U.S.-led mission": the U.S. modifies the mission, it is not the group;
    // "founder of the Asaib Ahl al-Haq network": a group's own head noun keeps it the group.
    const headsPhrase =
      !/^(?:-(?:led|backed|based|linked)|\s+(?!(?:of|in|and|or|since|for|who|which|that|to|on|at|with|as|from|by|is|was|are|were|has|had|have|said|says|told|network|group|militia|faction|movement|organi[sz]ation|party|bloc|alliance|coalition|brigades?)\b)[a-z]{3,})/.test(
        text.slice(b.end, b.end + 20),
      );
    let m = headsPhrase ? APPOSITION.exec(between) : null;
    if (m) {
      let type = typeOfRole(m[3] as string);
      // "Anbar head of the PMF", "the security head of": a part of the group, not the whole.
      if (
        type === "leads" &&
        /\b[A-Z][a-z]+\s+$|security|regional|provincial|local|branch|media|military/i.test(m[2] as string)
      )
        type = "member_of";
      if (type) {
        push({
          type,
          from: a,
          to: b,
          role: `${(m[2] as string).trim()} ${(m[3] as string).toLowerCase()}`.trim(),
          former: Boolean(m[1]) && !/^then/i.test(m[1] as string),
          pattern: `X, the ${(m[3] as string).toLowerCase()} of Y`,
          confidence: a.actorId && b.actorId ? 0.85 : 0.75,
        });
        return true;
      }
    }
    // "Abu Mahdi al-Muhandis, the PMF commander", "Zebari, a KDP member": the group before the role.
    const roleAfter = new RegExp(`^(?:['’]s)?\\s+((?:former|then|ex)[- ])?(${ROLE_WORDS})\\b`, "i").exec(
      text.slice(b.end, b.end + 40),
    );
    const apposed =
      /^,\s+(?:the|its|their|an?)\s+(?:(former)\s+|(senior|leading|prominent|veteran|top|longtime|long-time)\s+)?$/i.exec(
        between,
      );
    // ("Frank McKenzie, the top U.S. commander": a state's rank is the office rules'.)
    if (apposed && roleAfter && !(apposed[2] && b.kind === "state")) {
      const type = typeOfRole(roleAfter[2] as string);
      if (type && !(type === "researcher_at" && b.kind === "state")) {
        push({
          type,
          from: a,
          to: b,
          role: (roleAfter[2] as string).toLowerCase(),
          former: /former/i.test(between) || (Boolean(roleAfter[1]) && !/^then/i.test(roleAfter[1] as string)),
          pattern: `X, the Y ${(roleAfter[2] as string).toLowerCase()}`,
          end: b.end + roleAfter[0].length,
          confidence: 0.8,
        });
        return true;
      }
    }
    // "Operation Inherent Resolve, which is led by the United States", "the government, headed by X",
    // "units commanded by X".
    // "The State of Law Coalition led by former Prime Minister Nuri al-Maliki", "The Alliance of
    // Progress (Takadum) led by the Parliament speaker X": a name in brackets and a title may come between.
    const ledBy =
      /^(?:\s+\([^()]{1,40}\))?,?\s+(?:(?:which|who|that)\s+(?:is|are|was|were|has been|had been)\s+)?(?:(?:now|currently|still|also)\s+)?(led|headed|run|chaired|commanded)\s+by\s+(?:the\s+)?(?:(?:former|then|current|late)\s+)?(?:(?:[A-Z][a-z.]+|speaker|minister|prime|cleric|commander|leader|president|chief|general|secretary)\s+){0,3}$/.exec(
        between,
      );
    if (ledBy) {
      const commanded = /^commanded$/i.test(ledBy[1] as string);
      push({
        type: commanded ? "commands" : "leads",
        from: b,
        to: a,
        role: null,
        former: false,
        pattern: commanded ? "Y, commanded by X" : "Y, which is led by X",
        confidence: 0.8,
      });
      return true;
    }
    // "X, an Iraqi paramilitary faction with strong ties to Iran", "X, a Telegram channel close to Y": ties.
    if (
      /^,\s+(?:an?|the)\s+[^,;]{0,60}?\b(?:(?:with|has)\s+(?:(?:strong|close|deep|long|longstanding|historic)\s+)*(?:ties|links)\s+to|close\s+to|affiliated\s+(?:with|to)|aligned\s+with)\s+(?:the\s+)?$/i.test(
        between,
      )
    ) {
      push({
        type: "linked_to",
        from: a,
        to: b,
        role: null,
        former: false,
        pattern: "X, a faction with ties to Y",
        confidence: 0.75,
      });
      return true;
    }
    // "grew up in the IRGC fighting alongside Iran": a name after a preposition is no verb's subject.
    const object = /\b(?:in|of|from|with|by|to|for|at|on|into|against|under|within)\s+(?:the\s+)?$/i.test(
      text.slice(Math.max(0, a.start - 12), a.start),
    );
    for (const [re, type, dir, pattern, subject] of VERB_TIES) {
      if (subject && object) continue;
      if (!re.test(between)) continue;
      push({
        type,
        from: dir === "forward" ? a : b,
        to: dir === "forward" ? b : a,
        role: null,
        former: false,
        pattern,
        confidence: 0.75,
      });
      return true;
    }
    // "Hadi al-Amiri's Badr Organization", "Iran's IRGC", "Asaib Ahl al-Haq's Qais Khazali": as the atlas holds the tie, else by kinds.
    if (/^['’]s\s+$/.test(between)) {
      const tie = held.find(
        (r) => (r.fromId === a.actorId && r.toId === b.actorId) || (r.fromId === b.actorId && r.toId === a.actorId),
      );
      const pattern = "Y's X";
      if (tie) {
        const forward = tie.fromId === a.actorId;
        push({
          type: tie.type,
          from: forward ? a : b,
          to: forward ? b : a,
          role: null,
          former: tie.former,
          pattern: `${pattern}, a tie the atlas holds`,
          confidence: 0.75,
        });
        return true;
      }
      if (a.kind === "person" && b.kind !== undefined && ORG_KINDS.has(b.kind)) {
        push({ type: "leads", from: a, to: b, role: null, former: false, pattern: "X's group Y", confidence: 0.6 });
        return true;
      }
      if (a.kind === "state" && (b.kind === "military" || b.kind === "government_body")) {
        push({
          type: "part_of",
          from: b,
          to: a,
          role: null,
          former: false,
          pattern: "the state's forces Y",
          confidence: 0.7,
        });
        return true;
      }
      if (b.kind === "person" && a.kind !== undefined && ORG_KINDS.has(a.kind) && a.kind !== "media") {
        push({
          type: "member_of",
          from: b,
          to: a,
          role: null,
          former: false,
          pattern: "the group's X",
          confidence: 0.6,
        });
        return true;
      }
    }
    m = a.kind === "state" ? null : ROLE_BETWEEN.exec(between);
    if (m) {
      const type = typeOfRole(m[2] as string);
      if (type) {
        push({
          type,
          from: b,
          to: a,
          role: (m[2] as string).toLowerCase(),
          former: Boolean(m[1]) && !/^then/i.test(m[1] as string),
          pattern: `Y's ${(m[2] as string).toLowerCase()} X`,
          confidence: 0.8,
        });
        return true;
      }
    }
    // "the most influential militia in Iraq": a state after "in" is where, not what it belongs to.
    if (PART_OF.test(between) && !(b.kind === "state" && /\b(?:in|inside)\s+(?:the\s+)?$/i.test(between))) {
      push({
        type: "part_of",
        from: a,
        to: b,
        role: null,
        former: false,
        pattern: "Z, a faction of Y",
        confidence: 0.8,
      });
      return true;
    }
    // "Iranian-backed militias including Kataib Hezbollah and Kataib Sayyid al-Shuhada": each named is one of them.
    const including =
      /^\s+(?:including|such as|like)\s+(?:the\s+)?$/i.test(between) &&
      a.kind !== undefined &&
      GROUP_KINDS.has(a.kind) &&
      /s$/i.test(a.name);
    if (UMBRELLA.test(between) || including) {
      push({
        type: "part_of",
        from: b,
        to: a,
        role: null,
        former: false,
        pattern: "Y, an umbrella of militias including Z",
        confidence: 0.75,
      });
      // The others listed after Z ("including Z1, Z2 and Z3") belong too.
      for (let k = i + 2; k < actors.length; k++) {
        const next = actors[k] as RelationActor;
        const prev = actors[k - 1] as RelationActor;
        if (!/^\s*(?:,|and|,\s*and)\s*(?:the\s+)?$/i.test(text.slice(prev.end, next.start))) break;
        push({
          type: "part_of",
          from: next,
          to: a,
          role: null,
          former: false,
          pattern: "Y, an umbrella of militias including Z",
          confidence: 0.7,
        });
      }
      return true;
    }
    if (BACKED_BETWEEN.test(between)) {
      push({
        type: "backed_by",
        from: a,
        to: b,
        role: null,
        former: false,
        pattern: "Y, which is funded by X",
        confidence: 0.8,
      });
      return true;
    }
    m = SANCTION_ACTIVE.exec(between);
    if (m && (a.kind === undefined || STATE_KINDS.has(a.kind))) {
      const designated = /designat|list/i.test(m[1] as string);
      const rest = text.slice(b.end, b.end + 80);
      push({
        type: designated && /terror/i.test(rest) ? "designated_by" : designated ? "designated_by" : "sanctioned_by",
        from: b,
        to: a,
        role: null,
        former: false,
        pattern: designated ? "the Treasury designated X" : "the Treasury sanctioned X",
        confidence: 0.8,
      });
      return true;
    }
    m = SANCTION_PASSIVE.exec(between);
    if (m && (b.kind === undefined || STATE_KINDS.has(b.kind))) {
      const designated = /designat|list/i.test(m[1] as string);
      push({
        type: designated ? "designated_by" : "sanctioned_by",
        from: a,
        to: b,
        role: null,
        former: false,
        pattern: designated ? "X was designated … by Y" : "X was sanctioned by Y",
        confidence: 0.8,
      });
      return true;
    }
    return false;
  }

  // "The militia declared a halt to its operations against US forces": a sentence that opens on a
  // group's noun is about the group named last, which the ties of its subject then take.
  const opening = sentenceStart >= 0 ? BODY_REFERENCE.exec(text.slice(sentenceStart, sentenceStart + 40)) : null;
  const first = actors[0];
  const body = opening && first ? back.body(sentenceStart, (opening[1] as string).toLowerCase()) : null;
  const subject = body ? { ...body, start: sentenceStart, end: sentenceStart + (opening?.[0].length ?? 0) } : null;
  // ("The group Kataib Hezbollah said": a name right after the noun is the group itself.)
  if (subject && first && subject.actorId !== first.actorId && /\S/.test(text.slice(subject.end, first.start)))
    pair(subject, first, text.slice(subject.end, first.start), -1);

  for (let i = 0; i < actors.length; i++) {
    const a = actors[i] as RelationActor;
    const b = actors[i + 1];
    // "Iraqi Prime Minister Haidar al-Abadi", "top Iranian commander Qasem Soleimani", "Iraq's president X".
    const officeBefore =
      a.kind === undefined || a.kind === "person"
        ? STATE_OFFICE.exec(text.slice(Math.max(0, a.start - 60), a.start))
        : null;
    // "X – Iran's most powerful military commander", "X, Iraq's foreign minister": the office after the name.
    const officeAfter =
      !officeBefore && (a.kind === undefined || a.kind === "person")
        ? STATE_OFFICE_AFTER.exec(text.slice(a.end, a.end + 80))
        : null;
    const office = officeBefore ?? officeAfter;
    if (office) {
      const state = stateNamed((office[1] ?? office[2] ?? "") as string);
      const title = (office[4] as string).toLowerCase().replace(/\.$/, "");
      const heads = /^(prime minister|premier)$/.test(title);
      const leads = heads || /^(president|king|emir|supreme leader)$/.test(title);
      // A head of government leads the government, a head of state the state; a minister or an adviser holds a post in the government.
      const military = /^(commander|gen|general)$/.test(title);
      const government =
        !leads || heads
          ? knownAs(`${state === "United States" ? "US" : (office[1] ?? `${office[2] as string}'s`)} government`)
          : null;
      const target = (military ? null : government) ?? knownAs(state);
      if (target) {
        const at = officeBefore
          ? a.start - office[0].length
          : a.end + office[0].indexOf((office[1] ?? office[2]) as string);
        const officeEnd = officeBefore ? at + office[0].trim().length : a.end + office[0].length;
        const said = `${office[1] ? "<nationality>" : "<state>'s"} ${title}`;
        push({
          type: leads ? "leads" : "employed_by",
          from: a,
          to: { ...target, start: at, end: officeEnd },
          role: title,
          former: /\b(?:former|ex)[- ]/i.test(office[0]),
          pattern: officeBefore ? `${said} X` : `X, ${said}`,
          start: Math.min(at, a.start),
          end: Math.max(a.end, officeEnd),
          confidence: 0.75,
        });
      }
    }
    // "President Joe Biden", "the current prime minister, X": the office the atlas already has them in.
    const plain =
      !office && a.actorId && a.kind === "person" ? OFFICE.exec(text.slice(Math.max(0, a.start - 50), a.start)) : null;
    if (plain) {
      const title = (plain[2] as string).toLowerCase();
      const types: RelationType[] = HEAD_TITLE.test(title) ? ["leads"] : ["employed_by", "member_of"];
      const ties = held.filter((r) => r.fromId === a.actorId && types.includes(r.type));
      const tie = ties.find((r) => !r.former) ?? ties[0];
      const to = tie ? knownAs(tie.toId) : null;
      if (tie && to) {
        const at = a.start - plain[0].length;
        push({
          type: tie.type,
          from: a,
          to: { ...to, actorId: tie.toId, start: at, end: at + plain[0].trim().length },
          role: title,
          former: Boolean(plain[1]) && !/^then/i.test(plain[1] as string),
          pattern: `${plain[2]} X, an office the atlas holds`,
          start: at,
          end: a.end,
          confidence: 0.7,
        });
      }
    }
    // "Secretary of State Mike Pompeo", "Sen. Tim Kaine", with no office the atlas holds for them.
    const usTitle =
      !office && (a.kind === undefined || a.kind === "person") && !out.some((r) => r.from.start === a.start)
        ? US_TITLE.exec(text.slice(Math.max(0, a.start - 40), a.start))
        : null;
    const usBody = usTitle
      ? usTitle[1]
        ? knownAs("United States")
        : (knownAs("United States Congress") ?? knownAs("US Congress"))
      : null;
    if (usTitle && usBody) {
      const at = a.start - usTitle[0].length + (usTitle[0].length - usTitle[0].trimStart().length);
      push({
        type: usTitle[1] ? "employed_by" : "member_of",
        from: a,
        to: { ...usBody, start: at, end: at + usTitle[0].trim().length },
        role: usTitle[0].trim().toLowerCase(),
        former: false,
        pattern: usTitle[1] ? "US cabinet secretary X" : "US senator or representative X",
        start: at,
        end: a.end,
        confidence: 0.7,
      });
    }
    // "Iran-backed militias": the backer is written into the word before the name.
    // Before the name ("the Iran-linked Badr Organization") or the name's own first word ("Iran-backed militias").
    const before = new RegExp(`${LEAD}(?:${DESCRIPTORS}\\s+){0,2}(?:[Aa]l-)?$`).exec(
      text.slice(Math.max(0, a.start - 60), a.start),
    );
    const own = before ? null : new RegExp(`^${LEAD}(?=\\S)`, "i").exec(text.slice(a.start, a.end));
    const lead = before ?? own;
    if (lead) {
      const backerName = (BACKED_PREFIX.exec(lead[1] as string)?.[1] ?? "").replace(/^pro-/i, "");
      const backer = backerOf(backerName, actors, knownAs);
      const how = /-(backed|supported|funded|sponsored)$/i.test(lead[1] as string)
        ? "backed_by"
        : /-led$/i.test(lead[1] as string)
          ? "led"
          : /-(aligned|allied)$/i.test(lead[1] as string) || /^pro-/i.test(lead[1] as string)
            ? "allied_with"
            : "linked_to";
      if (backer) {
        const at = before ? a.start - lead[0].length : a.start;
        const other = { ...backer, start: at, end: at + backerName.length };
        push({
          type: how === "led" ? "leads" : how,
          // "U.S.-led coalition": the United States leads it; "Iran-backed X": X is backed by Iran.
          from: how === "led" ? other : a,
          to: how === "led" ? a : other,
          role: null,
          former: false,
          pattern: `${lead[1]} Y`,
          start: at,
          end: a.end,
          confidence: 0.8,
        });
      }
    }
    // "the Iranian-backed militia, X", "Iranian-backed militias including X", "Iranian proxy X",
    // "X, an Iranian-backed militia", "X is an Iranian-backed militia": a description's tie is the name's.
    // "Iranian-backed militias including X and Y": Y is described as X is.
    let head = i;
    while (
      head > 0 &&
      /^\s*(?:,|,?\s*and)\s*(?:the\s+)?$/.test(
        text.slice((actors[head - 1] as RelationActor).end, (actors[head] as RelationActor).start),
      )
    )
      head--;
    const listStart = (actors[head] as RelationActor).start;
    const described =
      /([A-Z][\w.]*)-(backed|supported|funded|sponsored|aligned|allied|linked|affiliated)\s+(?:[A-Za-z-]+\s+){0,3}?(?:militias?|groups?|factions?|forces|organi[sz]ations?|paramilitar(?:y|ies)|proxy|proxies)(?:,\s+|\s+(?:including|such as|like)\s+(?:the\s+)?)$/.exec(
        text.slice(Math.max(0, listStart - 90), listStart),
      ) ?? /\b([A-Z][\w.]*?)(?:ian|i)?\s+(proxy)\s+$/.exec(text.slice(Math.max(0, a.start - 30), a.start));
    const describedAfter =
      /^(?:(?:,\s+|\s+(?:is|was|are|were|remains)\s+)(?:an?|the|one of the)|\s+and\s+(?:all\s+)?(?:the\s+)?other)\s+(?:[a-z-]+\s+){0,3}?([A-Z][\w.]*)-(backed|supported|funded|sponsored|aligned|allied|linked|affiliated)\b/.exec(
        text.slice(a.end, a.end + 80),
      );
    // "X, the commander of the Iran-backed Y": the backing is Y's, named right after the word.
    const describedEnd = describedAfter ? a.end + describedAfter[0].length : 0;
    const namedNext = describedAfter ? actors.find((x) => x.start >= describedEnd) : undefined;
    const ownedByNext =
      namedNext !== undefined &&
      new RegExp(`^\\s+(?:${DESCRIPTORS}\\s+){0,2}$`).test(text.slice(describedEnd, namedNext.start));
    const describing = described ?? (ownedByNext ? null : describedAfter);
    if (describing && !lead) {
      const how = /backed|supported|funded|sponsored|proxy/i.test(describing[2] as string)
        ? "backed_by"
        : /aligned|allied/i.test(describing[2] as string)
          ? "allied_with"
          : "linked_to";
      const backer = backerOf(describing[1] as string, actors, knownAs);
      if (backer && backer.actorId !== a.actorId)
        push({
          type: how,
          from: a,
          to: { ...backer, start: a.start, end: a.start },
          role: null,
          former: false,
          pattern: "X, an Iran-backed militia",
          confidence: 0.75,
        });
    }
    // "X, an Iranian-sponsored, anti-American Shiite militia", "the anti-American X": opposition written into a word.
    const againstAfter =
      /^(?:,\s+|\s+(?:is|was|are|were|remains)\s+)(?:an?|the)\s+[^;()]{0,40}?\banti-([A-Z][\w.]*)\s+(?:[A-Za-z'’-]+\s+){0,2}?(?:militias?|groups?|factions?|movement|party|cleric|organi[sz]ation|paramilitar(?:y|ies)|force)\b/.exec(
        text.slice(a.end, a.end + 100),
      );
    const beforeText = text.slice(Math.max(0, a.start - 40), a.start);
    const againstBefore = againstAfter
      ? null
      : /\banti-([A-Z][\w.]*)\s+(?:(?:[a-z]+|Shi['’]?ite|Shia|Sunni)\s+){0,2}$/.exec(beforeText);
    const against = againstAfter ?? againstBefore;
    if (against) {
      const opposed = backerOf(against[1] as string, actors, knownAs);
      if (opposed?.actorId && opposed.actorId !== a.actorId)
        push({
          type: "opposes",
          from: a,
          to: { ...opposed, start: a.start, end: a.start },
          role: null,
          former: false,
          pattern: "X, an anti-American militia",
          start: againstBefore ? a.start - beforeText.length + againstBefore.index : a.start,
          end: againstAfter ? a.end + againstAfter[0].length : a.end,
          confidence: 0.7,
        });
    }
    // "the Asaib Ahl al-Haq pro-Iran faction": the tie written after the name.
    const trail = /^\s+(pro-([A-Z][\w.]*))\s+(?:faction|militia|group|party|bloc|movement)\b/.exec(
      text.slice(a.end, a.end + 40),
    );
    if (trail) {
      const backer = backerOf(trail[2] as string, actors, knownAs);
      if (backer)
        push({
          type: "allied_with",
          from: a,
          to: { ...backer, start: a.end + 1, end: a.end + 1 + (trail[1] as string).length },
          role: null,
          former: false,
          pattern: "Y pro-X faction",
          start: a.start,
          end: a.end + trail[0].length,
          confidence: 0.75,
        });
    }
    // "the U.S. State Department": a state's body, the state's name right before it, or the
    // first word of the body's own proper name, one the atlas does not know ("the Iranian
    // government" is the state's paraphrase, "an Iraqi judicial council" no name).
    const prev = actors[i - 1];
    const ownState =
      a.kind === "government_body" &&
      a.actorId === null &&
      /^\S+\s+(?!Government\b)(?:[A-Z][\w'’-]*\s+)*[A-Z][\w'’-]*$/.test(a.name)
        ? stateOpening(a.name)
        : null;
    const state =
      prev?.kind === "state" &&
      (a.kind === "government_body" || a.kind === "military") &&
      /^\s+$/.test(text.slice(prev.end, a.start))
        ? prev
        : ownState?.adjective
          ? knownAs(ownState.state)
          : null;
    if (state?.kind === "state")
      push({
        type: "part_of",
        from: a,
        to: state === prev ? prev : { ...state, start: a.start, end: a.start + (ownState?.words ?? "").length },
        role: null,
        former: false,
        pattern: "the state's body Y",
        confidence: 0.7,
      });
    if (!b) continue;
    // "the Iraq researcher for Human Rights Watch", "of Iraq's Popular Mobilization Forces": a state
    // naming the role or the group is no end of the tie; the actor after it is.
    const c = actors[i + 2];
    const skip =
      c !== undefined &&
      (b.kind === "state" || stateNamed(b.name) !== b.name) &&
      STATE_NAMES_WORD.test(text.slice(b.end, c.start));
    if (skip && pair(a, c, text.slice(a.end, c.start).replace(/\b[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*['’]s\s+$/, ""), i + 1))
      continue;
    // "the Al-Mahdi Army militia, which was created by X": the group's own head noun is part of its name.
    // "the Popular Mobilisation Forces (PMF), a grouping of … backed by Iran": the acronym's bracket closes before the words;
    // "the “Coordination Alliance” allied with Iran": so does a quoted name's mark.
    const between = text
      .slice(a.end, b.start)
      .replace(GROUP_HEAD, "")
      .replace(text[a.start - 1] === "(" ? /^\)(?=,)/ : /^$/, "")
      .replace(/^["“‘']$/.test(text[a.start - 1] ?? "") ? /^["”’']/ : /^$/, "");
    if (!pair(a, b, between, i) || !c) continue;
    // "backed by Iran and affiliated with the IRGC", "X, who leads the Y group and who was designated …
    // by Z": a second tie of the same subject, joined by "and".
    const also = new RegExp(
      `^(?:\\s+${HEAD_NOUN})?\\s+and\\s+(?:(?:who|which)\\s+(?=(?:is|was|are|were|has|had|have)\\b)|((?:is|was|are|were)\\s+)?(?=[a-z]+ed\\s+(?:by|with|to)\\b))`,
    ).exec(text.slice(b.end, c.start));
    if (also && out.at(-1)?.from === a) pair(a, c, `, ${text.slice(b.end + also[0].length, c.start)}`, i + 1);
  }
  // "the leader of Y, X": the role before the first actor, the person after a comma; "Head of
  // Al-Fateh Alliance Hadi al-Amiri": a title of a body, then the person, with no comma.
  for (let i = 0; i + 1 < actors.length; i++) {
    const y = actors[i] as RelationActor;
    const x = actors[i + 1] as RelationActor;
    const gap = text.slice(y.end, x.start);
    const titled =
      /^\s+$/.test(gap) &&
      (x.kind === undefined || x.kind === "person") &&
      y.kind !== undefined &&
      y.kind !== "person" &&
      /^\p{Lu}/u.test(x.name);
    // (A name in quotation marks: "the security official of Y, “Abu Ali al-Askari,”".)
    if (!/^(?:['’]s)?,\s+["“]?$/.test(gap) && !titled) continue;
    const m = ROLE_OF_BEFORE.exec(text.slice(Math.max(0, y.start - 60), y.start));
    const type = m ? typeOfRole(m[2] as string) : null;
    if (m && type) {
      push({
        type,
        from: x,
        to: y,
        role: (m[2] as string).toLowerCase(),
        former: Boolean(m[1]) && !/^then/i.test(m[1] as string),
        pattern: `the ${(m[2] as string).toLowerCase()} of Y${titled ? "" : ","} X`,
        start: y.start - m[0].length,
        confidence: 0.75,
      });
    }
  }
  // "X, the group's spokesman", "the head of this bloc, X": the body is the one named last.
  for (const x of actors) {
    if (x.kind !== undefined && x.kind !== "person") continue;
    for (const { re, after } of BODY_ROLES) {
      const m = re.exec(after ? text.slice(x.end, x.end + 80) : text.slice(Math.max(0, x.start - 80), x.start));
      const { former, role, noun } = (m?.groups ?? {}) as Record<string, string | undefined>;
      if (!m || !role || !noun) continue;
      const type = typeOfRole(role);
      // A lower-case body noun ("the group's"), or a capitalized word of a name ("the Militias'").
      const named = noun === noun.toLowerCase() ? BODY_NOUNS.has(noun) : /^[A-Z]/.test(noun);
      // Where the match starts in the text (a role before the name ends right at it).
      const from = after ? x.end + m.index : x.start - m[0].length;
      const body = type && named ? back.body(from + m[0].lastIndexOf(noun), noun) : null;
      if (!type || !body) continue;
      push({
        type,
        from: x,
        to: body,
        role: role.toLowerCase(),
        former: Boolean(former) && !/^then/i.test(former as string),
        pattern: after ? "X, the group's leader" : "the leader of this group, X",
        start: after ? x.start : from,
        end: after ? from + m[0].length : x.end,
        confidence: 0.7,
      });
      break;
    }
  }
  for (const h of kinTies(text, actors, back.person)) push(h);
  return out;
}

/** The backer a word like "Iran-backed" or "U.S.-backed" names: a state, by its name or adjective. */
function backerOf(
  word: string,
  actors: RelationActor[],
  knownAs: (name: string) => RelationActor | null,
): RelationActor | null {
  const name = stateNamed(word);
  return (
    actors.find((x) => x.name.toLowerCase() === name.toLowerCase() || x.name.toLowerCase() === word.toLowerCase()) ??
    knownAs(name) ??
    (word ? { start: 0, end: 0, actorId: null, name } : null)
  );
}
