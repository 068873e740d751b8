/**
 * Which words tell a happening, and of what kind: the verbs and nouns of the atlas's event
 * taxonomy ("attacked", "a drone strike", "were arrested", "the founding of"), and the word that
 * opens an event in a clause (`triggerIn`) — not one threatened, planned, denied or conditional
 * ("will attack", "threatened strikes", "did not kill"), figurative ("struck a unifying tone",
 * "a scathing attack on"), told before ("the attack"), or naming another thing ("attack
 * helicopters"). Who takes part, and as what, is events.ts's.
 */
import type { ActorKind, EventKind } from "@atlas/schema";
import { entryOf } from "../../text/lookup.js";
import type { NlpSentence, NlpToken } from "./nlp.js";

export interface EventActor {
  start: number;
  end: number;
  actorId: string | null;
  name: string;
  kind?: ActorKind;
}

/**
 * Verbs that tell an appointment only of a person (`choosesPerson`): "chose Abdul Aziz as", "was
 * named deputy", "relieved Faleh al-Fayyadh of his posts" (not "chose to", "a group named X",
 * "replaced the rockets").
 */
const CHOOSES_PERSON: ReadonlySet<string> = new Set(
  "choose select name pick dismiss sack relieve oust replace succeed".split(" "),
);

/** Verbs (by lemma) that report a happening, with the kind they make. */
const VERBS: Record<string, EventKind> = {
  ...Object.fromEntries([...CHOOSES_PERSON].map((lemma) => [lemma, "appointment" as const])),
  attack: "attack",
  target: "attack",
  shell: "attack",
  bomb: "attack",
  ambush: "attack",
  storm: "attack",
  assault: "attack",
  fire: "attack",
  hit: "attack",
  land: "attack",
  slam: "attack",
  explode: "attack",
  strike: "strike",
  kill: "killing",
  assassinate: "killing",
  murder: "killing",
  execute: "killing",
  arrest: "capture",
  detain: "capture",
  kidnap: "capture",
  abduct: "capture",
  capture: "capture",
  seize: "capture",
  raid: "capture",
  release: "release",
  free: "release",
  sanction: "sanction",
  designate: "sanction",
  blacklist: "sanction",
  meet: "meeting",
  found: "founding",
  establish: "founding",
  create: "founding",
  bear: "founding",
  win: "election",
  form: "founding",
  merge: "other",
  withdraw: "policy",
  suspend: "policy",
  halt: "policy",
  deploy: "policy",
  expel: "policy",
  protest: "protest",
  demonstrate: "protest",
  rally: "protest",
  elect: "election",
  vote: "legislation",
  pass: "legislation",
  appoint: "appointment",
  nominate: "appointment",
  resign: "appointment",
  defeat: "battle",
  sentence: "trial",
  convict: "trial",
  die: "death",
  clash: "battle",
  fight: "battle",
  liberate: "battle",
  recapture: "battle",
  besiege: "battle",
  mobilize: "mobilization",
  mobilise: "mobilization",
  recruit: "mobilization",
  launch: "attack",
  wound: "attack",
  injure: "attack",
};

/** What a deployment sends: "more than 1,000 extra fighters", "reinforcements", "troops". */
const DEPLOYED =
  /^\s+(?:(?:more\s+than|about|some|over|nearly|around|at\s+least|up\s+to|hundreds\s+of|thousands\s+of|dozens\s+of)\s+)?(?:[\d,]+\s+)?(?:(?:more|extra|additional|new|fresh)\s+)?(?:fighters|troops|forces|reinforcements|militiamen|soldiers|units|volunteers)\b/i;

/** Verbs that report a happening only with the words after them: "opened fire", "took up arms", "laid siege to", "branded a terrorist group". */
const PHRASAL: Record<string, [RegExp, EventKind]> = {
  open: [/^\s+fire\b/i, "attack"],
  // "has sent more than 1,000 extra fighters", "dispatched reinforcements": a deployment.
  send: [DEPLOYED, "policy"],
  dispatch: [DEPLOYED, "policy"],
  take: [/^\s+up\s+arms\b/i, "mobilization"],
  lay: [/^\s+siege\b/i, "battle"],
  // "branded Kataib Hezbollah a terrorist group", "was labelled a terrorist organisation" (not "what they labelled terrorist attacks").
  brand: [/^\s+(?:[\p{L}.’'-]+\s+){0,5}?(?:as\s+)?an?\s+(?:[a-z-]+\s+)?terrorists?\b/iu, "sanction"],
  label: [/^\s+(?:[\p{L}.’'-]+\s+){0,5}?(?:as\s+)?an?\s+(?:[a-z-]+\s+)?terrorists?\b/iu, "sanction"],
};
const phrasal = (t: NlpToken, text: string): EventKind | undefined => {
  const entry = entryOf(PHRASAL, t.lemma);
  return entry?.[0].test(text.slice(t.end, t.end + 80)) ? entry[1] : undefined;
};

/**
 * "launched a ground operation", "began military operations": a military operation said to have
 * begun (not "rescue operations", "started operations at the oil field").
 */
const operationLaunched = (tokens: NlpToken[], first: number, i: number) => {
  const before = tokens.slice(Math.max(first, i - 4), i);
  return (
    before.some((x) => x.pos === "VERB" && /^(launch|begin|start|conduct|carry|mount|open)$/.test(x.lemma)) &&
    /^(military|ground|security|combat|air|offensive|counter-?terrorism|clearing|clearance|joint|special|cleanup|mop-up)$/i.test(
      (tokens[i - 1] as NlpToken | undefined)?.lower ?? "",
    )
  );
};

/** Nouns that report a happening when no verb does ("a rocket attack on the embassy", "the killing of"). */
export const NOUNS: Record<string, EventKind> = {
  attack: "attack",
  airstrike: "strike",
  strike: "strike",
  raid: "capture",
  assassination: "killing",
  killing: "killing",
  arrest: "capture",
  clash: "battle",
  battle: "battle",
  offensive: "battle",
  protest: "protest",
  demonstration: "protest",
  election: "election",
  bombing: "attack",
  ambush: "attack",
  explosion: "attack",
  blast: "attack",
  withdrawal: "policy",
  suspension: "policy",
  halt: "policy",
  ceasefire: "policy",
  truce: "policy",
  sanction: "sanction",
  designation: "sanction",
  meeting: "meeting",
  invasion: "battle",
  war: "battle",
  resignation: "appointment",
  defeat: "battle",
  liberation: "battle",
  fatwa: "mobilization",
  funeral: "other",
};

const CALL_TO_ARMS = /^calls?(?:-to-|\s+to\s+)arms\b/i;
/** What is freed when a release is a battle won: land, not people. */
const FREED_LAND =
  /^(territor(?:y|ies)|cit(?:y|ies)|areas?|lands?|villages?|towns?|provinces?|regions?|districts?|neighbou?rhoods?|km|sq\/km|square)$/i;

/** What is released when a release is published, not freed: words, pictures, figures ("a statement released on TV"). */
const PUBLISHED =
  /^(statements?|videos?|footage|reports?|images?|photos?|photographs?|pictures?|lists?|recordings?|audio|documents?|findings|results|data|figures|details|names|communiqu[eé]s?|messages?|tapes?|books?|films?|albums?|songs?|versions?|updates?|transcripts?|letters?|records|budget|funds|money)$/i;

/** Verbs that need a weapon or an attack as subject or object to report one ("rockets hit", "fired rockets"). */
const NEEDS_WEAPON = new Set(["fire", "hit", "land", "slam", "launch", "explode"]);
const WEAPON_WORDS =
  "rockets?|missiles?|drones?|mortars?|shells?|bombs?|grenades?|projectiles?|katyushas?|ieds?|attacks?|strikes?|airstrikes?";
const WEAPONS = new RegExp(`^(?:${WEAPON_WORDS}|barrage|salvo)$`, "i");
/** Verbs that make events only of groups or bodies ("formed a militia", "passed a law", "voted to expel"). */
const NEEDS_OBJECT: Record<string, RegExp> = {
  form: /^(militia|group|brigade|alliance|coalition|party|movement|force|forces|unit|government|cabinet|committee|commission|faction)s?$/i,
  found: /^(militia|group|brigade|alliance|coalition|party|movement|organization|organisation|faction)s?$/i,
  establish:
    /^(militia|group|brigade|alliance|coalition|party|movement|organization|organisation|force|forces|faction)s?$/i,
  create:
    /^(militia|group|brigade|alliance|coalition|party|movement|organization|organisation|force|forces|faction)s?$/i,
  pass: /^(law|bill|resolution|legislation|motion)s?$/i,
  // "the PMF was born in 2014": only a group made, in the passive (a person born is no event of the atlas).
  bear: /^$/,
  win: /^(seats?|elections?|votes?|majority|plurality)$/i,
};

function choosesPerson(tokens: NlpToken[], first: number, last: number, i: number, actors: EventActor[]): boolean {
  const t = tokens[i] as NlpToken;
  const before = tokens[i - 1] as NlpToken | undefined;
  // "a militia named Kataib Hezbollah": a participle after its noun names, it appoints no one.
  if (i > first && before && (before.pos === "NOUN" || before.pos === "PROPN") && t.lemma === "name") return false;
  // A person the atlas knows, or a name not known as a body.
  const person = (from: number, to: number) =>
    actors.some(
      (a) => (a.kind === "person" || (a.kind === undefined && a.actorId === null)) && a.start >= from && a.end <= to,
    );
  // In the passive, the one appointed comes before: "Abu Fadak was named chief of staff".
  if (before?.lemma === "be") return person((tokens[Math.max(first, i - 6)] as NlpToken).start, before.start);
  // "of our choosing": a gerund a possessive owns appoints no one.
  if (before?.pos === "PRON" && /^(our|your|their|his|her|its|my)$/.test(before.lower)) return false;
  // Otherwise the one appointed is the object, a few words on in the same clause: "chose Abdul Aziz al-Mohammadawi".
  let to = i;
  while (to < Math.min(last, i + 6) && !/^[,;:.!?()"“”]$/.test((tokens[to + 1] as NlpToken).text)) to++;
  return to > i && person(t.end, (tokens[to] as NlpToken).end);
}

/** Words before a verb that make it no happening: a plan, a threat, a denial of one. */
const IRREAL = /^(will|would|could|can|may|might|must|should|shall|to|not|n't|never|threaten|vow|plan|intend|want)$/i;

/** Before a noun that tells a happening, words that make it one not (yet) happened: "threatening attacks", "warned of strikes". */
const THREAT = /^(threaten|vow|warn|promise|plan|call|urge|demand|fear|risk)$/i;

/**
 * A clause that says on what condition something would happen, or that someone stands ready to
 * do it ("if Washington intervenes in the war", "are ready to direct qualitative strikes",
 * "threatened to launch missiles"): nothing in it has happened. The words looked at are those of
 * the trigger's clause before it, a few at most. (A modal alone is not enough: "rocket fire that
 * might have caused casualties" still tells of the fire.)
 */
const CONDITIONAL = /^(if|unless)$/i;
const READY = /^(ready|prepared|poised|set|able|threaten|vow|pledge|plan|intend|want|seek|aim)$/i;
/**
 * "joined with other units to form the X Alliance", "merged to create", "came together to found":
 * groups that joined did make what they joined to make; "the decision to relieve X" was taken.
 * (Any other "to" tells what may yet happen.)
 */
function joinedToMake(tokens: NlpToken[], first: number, to: number, verb: NlpToken): boolean {
  // "the prime minister's decision to relieve X": a decision taken did what it says (not one
  // debated, proposed or overturned).
  if (
    to > first &&
    (tokens[to - 1] as NlpToken).lower === "decision" &&
    !tokens
      .slice(Math.max(first, to - 5), to - 1)
      .some((x) =>
        /^(debate|consider|propose|overturn|reject|oppose|challenge|await|expect|reverse|revoke)$/.test(x.lemma),
      )
  )
    return true;
  if (!/^(form|found|establish|create)$/.test(verb.lemma)) return false;
  for (let k = Math.max(first, to - 10); k < to; k++) {
    const x = tokens[k] as NlpToken;
    if (x.pos !== "VERB") continue;
    if (/^(join|merge|unite|combine|team|band)$/.test(x.lemma) && /ed$/.test(x.lower)) return true;
    if (x.lower === "came" && (tokens[k + 1] as NlpToken | undefined)?.lower === "together") return true;
  }
  return false;
}

function irrealBefore(tokens: NlpToken[], first: number, i: number): boolean {
  for (let k = Math.max(first, i - 8); k < i; k++) {
    const x = tokens[k] as NlpToken;
    if (CONDITIONAL.test(x.lower)) return true;
    // "ready to", "threatened on Sunday to": the "to" may come a few words on.
    // ("aimed at freeing the residents": what was meant, not done.)
    if (
      READY.test(x.lemma) &&
      tokens.slice(k + 1, Math.min(i, k + 5)).some((y) => y.lower === "to" || (x.lemma === "aim" && y.lower === "at"))
    )
      return true;
  }
  // "has 30 days to try and form a government": an attempt to come.
  const [to, tryTo, and] = [tokens[i - 3], tokens[i - 2], tokens[i - 1]];
  return i - 3 >= first && to?.lower === "to" && /^(try|attempt)$/.test(tryTo?.lemma ?? "") && and?.lower === "and";
}

/** A noun a word before it makes another kind: a hunger strike or a general strike is a protest, not a strike from the air. */
const PROTEST_STRIKE = /^(hunger|general|labou?r|sit-in|workers['’]?)$/i;
/** Words that make an explosion an attack: a bomb, a weapon, an attack said with it. */
const EXPLOSIVE = new RegExp(
  `\\b(?:${WEAPON_WORDS}|bombing|bomber|suicide|roadside|explosive devices?|shelling)\\b`,
  "i",
);
/** Phrases that tell taking an office: "took office", "took power", "was sworn in". */
export const TAKES_OFFICE = (t: NlpToken, next: NlpToken | undefined) =>
  (t.lemma === "take" && /^(office|power|charge)$/i.test(next?.lower ?? "")) ||
  (t.lower === "sworn" && next?.lower === "in");

/** A head of government's office: "designated prime minister" names a premier to be, no sanction. */
const OFFICE_AFTER = /^\s+(?:prime\s+minister|premier|president|PM)\b/i;

/** What "strike" or "hit" takes when it is said of words or moods: "struck a unifying tone", "hit a nerve", "hit home". */
const FIGURATIVE_OBJECT =
  /^\s+(?:home\b|(?:(?:a|an|the)\s+)?(?:[a-z]+\s+)?(?:tone|note|chord|balance|deal|bargain|agreement|compromise|pose|nerve)\b)/i;
/** Words before "attack" that make it one of words: "a scathing attack", "a verbal attack". */
const VERBAL = /\b(?:scathing|verbal|blistering|stinging|withering|rhetorical|written|personal|vitriolic|sharp)\b/i;

/** Kinds of actor that are made (founded, formed, created). */
const GROUP_MADE = new Set<ActorKind>([
  "armed_group",
  "political_party",
  "coalition",
  "government_body",
  "military",
  "organization",
]);

export const isNominal = (t: NlpToken) => t.pos === "NOUN" || t.pos === "PROPN";
/** "started an offensive on …": a happening's noun the tagger read as an adjective, after an article and before no noun. */
const nounAfterArticle = (tokens: NlpToken[], i: number, first: number) =>
  (tokens[i] as NlpToken).pos === "ADJ" &&
  i > first &&
  /^(an?|the|its|their|this)$/i.test((tokens[i - 1] as NlpToken).lower) &&
  !/^(NOUN|PROPN|ADJ)$/.test((tokens[i + 1] as NlpToken | undefined)?.pos ?? "");
/** "a warrant for the arrest of X": an arrest ordered by a court, not made. */
const WARRANT_FOR = /\bwarrants?\s+(?:was\s+issued\s+)?for\s+(?:the\s+)?$/i;

export type Trigger = { index: number; kind: EventKind; verb: boolean };

/** A verb at `i` that tells a happening, and of what kind: not one that is threatened, denied or figurative. */
function verbTrigger(
  tokens: NlpToken[],
  i: number,
  { first, last }: NlpSentence,
  text: string,
  actors: EventActor[],
): Trigger | null {
  const t = tokens[i] as NlpToken;
  const kind = TAKES_OFFICE(t, tokens[i + 1]) ? "appointment" : (entryOf(VERBS, t.lemma) ?? phrasal(t, text));
  if (!kind) return null;
  // "the U.S.-designated group", "state-sanctioned militias": a word joined to a name describes, it tells nothing that happened.
  if (text[t.start - 1] === "-") return null;
  // "will attack", "threatened to strike", "did not kill": no happening.
  let k = i - 1;
  // (Adverbs are passed over, but not one that negates: "never attacked", "were never arrested".)
  while (
    k >= first &&
    (tokens[k] as NlpToken).pos === "ADV" &&
    !/^(?:not|n't|never)$/i.test((tokens[k] as NlpToken).lower)
  )
    k--;
  const before = tokens[k] as NlpToken | undefined;
  if (
    before &&
    IRREAL.test(before.lemma) &&
    !(before.lemma === "to" && (tokens[k - 1] as NlpToken | undefined)?.lemma === "be") &&
    !(before.lemma === "to" && joinedToMake(tokens, first, k, t))
  )
    return null;
  if (irrealBefore(tokens, first, i)) return null;
  // "struck a unifying tone", "hit a nerve": words, not a blow.
  if (/^(strike|hit)$/.test(t.lemma) && FIGURATIVE_OBJECT.test(text.slice(t.end, t.end + 40))) return null;
  const around = tokens.slice(Math.max(first, i - 4), Math.min(last, i + 4) + 1);
  if (NEEDS_WEAPON.has(t.lemma) && !around.some((x) => WEAPONS.test(x.text))) return null;
  const needs = entryOf(NEEDS_OBJECT, t.lemma);
  // The group made is the object, or, in the passive, the subject ("these factions were created").
  const madePassive =
    (tokens[i - 1] as NlpToken | undefined)?.lemma === "be" &&
    (tokens.slice(Math.max(first, i - 4), i).some((x) => needs?.test(x.text)) ||
      actors.some(
        (a) =>
          a.kind !== undefined &&
          GROUP_MADE.has(a.kind) &&
          a.end <= t.start &&
          a.end >= (tokens[Math.max(first, i - 3)] as NlpToken).start,
      ));
  if (needs && !madePassive && !tokens.slice(i + 1, Math.min(last, i + 5) + 1).some((x) => needs.test(x.text)))
    return null;
  if (CHOOSES_PERSON.has(t.lemma) && !choosesPerson(tokens, first, last, i, actors)) return null;
  // "5,000 sq km of territory have been freed from ISIL", "freed the city": land freed is won in battle.
  const land = kind === "release" && around.some((x) => FREED_LAND.test(x.text));
  // "a statement released on al-Ekhbariya TV", "released a video": published, not freed (its object
  // or the noun it follows says so; "released the Turkish workers" freed them).
  if (kind === "release" && t.lemma === "release") {
    const object = tokens.slice(i + 1, Math.min(last, i + 3) + 1).find((x) => isNominal(x));
    const subject = tokens[i - 1] as NlpToken | undefined;
    if (PUBLISHED.test(object?.text ?? "") || (subject?.pos === "NOUN" && PUBLISHED.test(subject.text))) return null;
  }
  // "tasked with forming a new government", "was designated prime minister": a government
  // formed, a premier designated, is an appointment, not a group founded or a sanction; "the
  // designated prime minister X" only names his office.
  const premier = t.lemma === "designate" && OFFICE_AFTER.test(text.slice(t.end, t.end + 30));
  if (premier && (tokens[i - 1] as NlpToken | undefined)?.lemma !== "be") return null;
  const office =
    premier ||
    (t.lemma === "form" &&
      tokens.slice(i + 1, Math.min(last, i + 4) + 1).some((x) => /^(government|cabinet)s?$/i.test(x.text)));
  return { index: i, kind: land ? "battle" : office ? "appointment" : kind, verb: true };
}

/** A noun at `i` that tells a happening: not one told before, threatened, verbal or naming another thing. */
function nounTrigger(
  tokens: NlpToken[],
  i: number,
  { first, last }: NlpSentence,
  text: string,
  dated: boolean,
): Trigger | null {
  const t = tokens[i] as NlpToken;
  const kind =
    entryOf(NOUNS, t.lemma) ??
    entryOf(NOUNS, t.lower.replace(/s$/, "")) ??
    // "launched a ground operation", "began military operations" (not "Operation Inherent Resolve", a name).
    (/^operations?$/.test(t.text) && operationLaunched(tokens, first, i) ? "battle" : undefined) ??
    // "a call to arms", "the call-to-arms": a mobilization (a call alone is not).
    (CALL_TO_ARMS.test(text.slice(t.start, t.end + 12)) ? "mobilization" : undefined);
  if (!kind) return null;
  // "the attack", "this strike": a happening told before, unless the sentence dates it ("the 3 January strike").
  let k = i - 1;
  while (k >= first && /^(ADJ|NOUN|PROPN|NUM)$/.test((tokens[k] as NlpToken).pos)) k--;
  if (
    !dated &&
    /^(the|this|that|these|those|its|their|his|her)$/i.test((tokens[k] as NlpToken | undefined)?.text ?? "")
  )
    return null;
  // "a scathing attack on the prime minister": words, not violence.
  if (k < i - 1 && VERBAL.test(text.slice((tokens[k + 1] as NlpToken).start, t.start))) return null;
  // "no truce, no retreat", "without an attack", "for any attack": what did not (or may) happen.
  if (/^(no|without|any)$/i.test((tokens[k] as NlpToken | undefined)?.text ?? "")) return null;
  // "is not at war", "at war with": a state of affairs, not a happening.
  if (t.lemma === "war" && (tokens[i - 1] as NlpToken | undefined)?.lower === "at") return null;
  // "war powers", "attack helicopters", "strike force": a noun that names another thing describes it.
  const next = tokens[i + 1] as NlpToken | undefined;
  if (i < last && next?.pos === "NOUN" && !/['’]/.test(text.slice(t.end, next.start))) return null;
  // "threatening attacks", "warned of strikes", "called for protests": what may yet happen.
  const before = tokens[k] as NlpToken | undefined;
  const beforeThat = tokens[k - 1] as NlpToken | undefined;
  if (
    k >= first &&
    (THREAT.test(before?.lemma ?? "") ||
      (/^(of|for)$/i.test(before?.lower ?? "") && k - 1 >= first && THREAT.test(beforeThat?.lemma ?? "")))
  )
    return null;
  if (irrealBefore(tokens, first, i)) return null;
  // "a hunger strike", "a general strike": a protest.
  const modifier = tokens[i - 1] as NlpToken | undefined;
  // "an explosion at a depot": what blew up, and why, is not said; "a car bomb blast", "an explosion
  // caused by a drone" are attacks. Only the blast's own words say so, not what the depot stored.
  const ownWords = () => {
    const from = (tokens[Math.max(first, i - 3)] as NlpToken).start;
    const after = text.slice(t.end, (tokens[Math.min(last, i + 6)] as NlpToken).end);
    return `${text.slice(from, t.end)}${after.split(/\b(?:at|in|near|on|inside|outside|storing|housing)\b/)[0]}`;
  };
  const blast = (t.lemma === "explosion" || t.lemma === "blast") && !EXPLOSIVE.test(ownWords());
  const warrant = kind === "capture" && WARRANT_FOR.test(text.slice(Math.max(0, t.start - 40), t.start));
  return {
    index: i,
    kind: blast
      ? "other"
      : warrant
        ? "trial"
        : kind === "strike" && i - 1 >= first && PROTEST_STRIKE.test(modifier?.lower ?? "")
          ? "protest"
          : kind,
    verb: false,
  };
}

/**
 * The first word in the clause that reports a happening, verb or noun: "a rocket attack killed two"
 * is an attack that killed, "Missiles strike the base, killing a contractor" a strike.
 */
export function triggerIn(
  sentence: NlpSentence,
  tokens: NlpToken[],
  text: string,
  actors: EventActor[],
  dated: boolean,
): Trigger | null {
  // "An Iraqi militia fighting in Syria has sent 1,000 fighters": a participle after a noun describes
  // it; the sentence's own verb, if one tells a happening, tells the news.
  let describing: Trigger | null = null;
  for (let i = sentence.first; i <= sentence.last; i++) {
    const t = tokens[i] as NlpToken;
    const found =
      t.pos === "VERB"
        ? verbTrigger(tokens, i, sentence, text, actors)
        : isNominal(t) || nounAfterArticle(tokens, i, sentence.first)
          ? nounTrigger(tokens, i, sentence, text, dated)
          : null;
    if (!found) continue;
    if (found.verb && !describing && reducedRelative(tokens, i, sentence.first)) describing = found;
    else return found;
  }
  return describing;
}

/** "a militia fighting in Syria": an -ing verb right after a noun, with no "be" before it. */
function reducedRelative(tokens: NlpToken[], i: number, first: number): boolean {
  const t = tokens[i] as NlpToken;
  const before = tokens[i - 1];
  return i > first && /ing$/.test(t.lower) && before !== undefined && (before.pos === "NOUN" || before.pos === "PROPN");
}
