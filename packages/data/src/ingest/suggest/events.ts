/**
 * Sentences that report something happening — attacked, struck, fired rockets at, killed,
 * arrested, released, sanctioned, met, founded, protested, voted, passed a law… — proposed as
 * events: the kind in the atlas's taxonomy, a title, the participants the sentence names with a
 * role read from where they stand (the subject attacks, the object is attacked; a passive's "by"
 * acts), the place from the gazetteer, the nearest date, and deaths and injuries in the words
 * used. Someone blamed ("X was blamed for the attack", "the US said X was behind it") is an
 * alleged perpetrator, never a perpetrator. A sentence that only threatens or plans ("will
 * attack", "threatened to strike") reports no event.
 *
 * One event per sentence at most, on wink-nlp's tagged tokens: linear in the text.
 */
import type { ActorKind, EventKind, ParticipantRole } from "@atlas/schema";
import { entryOf } from "../../text/lookup.js";
import { casualtiesIn, type Fatality, type Injury } from "./casualties.js";
import type { NlpSentence, NlpToken } from "./nlp.js";
import { AS_TIE, BACKING } from "./nouns.js";
import { CONCESSION } from "./sentences.js";

export interface EventActor {
  start: number;
  end: number;
  actorId: string | null;
  name: string;
  kind?: ActorKind;
}

export interface EventHit {
  kind: EventKind;
  trigger: { start: number; end: number; text: string };
  participants: (EventActor & { role: ParticipantRole })[];
  fatalities: Fatality[];
  injuries: Injury[];
  confidence: number;
  /** The clause, when it tells what came before the rest of its sentence ("after another attack killed two"). */
  earlier?: { start: number; end: number };
  /** Told as how things stand now ("X is designated …", "has been sanctioned"): no earlier sentence's day dates it. */
  standing?: boolean;
  /** Its own clause, when its sentence has several: a date there is its own. */
  clause?: { start: number; end: number };
  /**
   * The clause that follows it with "before" or "and then", which it came before ("attacked the
   * embassy before the US struck on May 3").
   */
  next?: { start: number; end: number };
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

/** Verbs that report a happening only with the words after them: "opened fire", "took up arms", "laid siege to", "branded a terrorist group". */
const PHRASAL: Record<string, [RegExp, EventKind]> = {
  open: [/^\s+fire\b/i, "attack"],
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
const NOUNS: Record<string, EventKind> = {
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
/** Between a call to arms (or a fatwa) and the one who made it: "from Shiite cleric Ayatollah", "issued by". */
const CALLED_BY =
  /^(?:[\s-]*to[\s-]+arms)?\s+(?:(?:issued|made)\s+)?(?:from|of|by)\s+(?:the\s+)?(?:[\w'’.-]+\s+){0,4}?$/i;

/** The dead counted rather than named, after an active verb ("killed dozens of", "killed a contractor") or before a passive one. */
const COUNTED_AFTER =
  /^\s+(?:(?:at least|more than|over|up to|nearly|almost|about|around|some|roughly)\s+)?(?:\d[\d,]*|an?|one|two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds|scores|several|many|numerous|civilians|people|soldiers|troops|fighters|members|militants|protesters)\b/i;
const COUNTED_BEFORE =
  /\b(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds|scores|several|many|numerous)\s+(?:[A-Za-z.-]+\s+){0,3}?(?:was|were|have been|has been|had been|are|is|being)\s+$/i;

/** Verbs that launch a deed named after them ("launched an air strike", "carried out attacks"). */
const LAUNCHING = new Set(["launch", "fire"]);
/** Before a state's name, words that make it a place: "in western Iraq", "across Syria". */
const LOCATIVE =
  /\b(?:in|at|across|throughout|inside|into|around|within)\s+(?:the\s+)?(?:(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:ern)?\s+|central\s+)?$/i;
/** Words of a strike from the air: what makes a state's forces' attack a strike. */
const AIRBORNE = /\b(?:air|drones?|missiles?|air ?strikes?|aircraft|jets?|warplanes?|ballistic|helicopters?)\b/i;

/** What is freed when a release is a battle won: land, not people. */
const FREED_LAND =
  /^(territor(?:y|ies)|cit(?:y|ies)|areas?|lands?|villages?|towns?|provinces?|regions?|districts?|neighbou?rhoods?|km|sq\/km|square)$/i;

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

/** How a participant stands, by kind: the one who acts, and the one acted upon. */
const ROLES: Partial<Record<EventKind, { agent: ParticipantRole; patient: ParticipantRole }>> = {
  attack: { agent: "perpetrator", patient: "target" },
  strike: { agent: "perpetrator", patient: "target" },
  killing: { agent: "perpetrator", patient: "victim" },
  capture: { agent: "perpetrator", patient: "target" },
  crackdown: { agent: "perpetrator", patient: "victim" },
  release: { agent: "initiator", patient: "subject" },
  sanction: { agent: "initiator", patient: "subject" },
  appointment: { agent: "initiator", patient: "subject" },
  trial: { agent: "initiator", patient: "subject" },
  founding: { agent: "initiator", patient: "subject" },
  legislation: { agent: "initiator", patient: "subject" },
  policy: { agent: "initiator", patient: "subject" },
  death: { agent: "victim", patient: "victim" },
};

/** After a name, the deed it owns: "(a US) drone strike", "(an ISIS) ambush". */
const INSTRUMENT =
  /^(?:-led)?\s+(?:[a-z]+\s+){0,2}?(?:strike|airstrike|attack|raid|bombing|ambush|operation|assault|missile|rocket)s?\b/i;

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

/** "confirmed to the Associated Press", "told Reuters", "according to the AP": who hears or relays it, no participant. */
const AUDIENCE =
  /\b(?:told|tells|telling|tell|confirmed\s+to|said\s+to|speaking\s+to|spoke\s+to|according\s+to|reported\s+by|quoted\s+by|in\s+(?:an?\s+)?(?:interview|statement)s?\s+(?:with|to))\s+(?:the\s+)?$/i;
/** A noun a word before it makes another kind: a hunger strike or a general strike is a protest, not a strike from the air. */
const PROTEST_STRIKE = /^(hunger|general|labou?r|sit-in|workers['’]?)$/i;
/** Words that make an explosion an attack: a bomb, a weapon, an attack said with it. */
const EXPLOSIVE = new RegExp(
  `\\b(?:${WEAPON_WORDS}|bombing|bomber|suicide|roadside|explosive devices?|shelling)\\b`,
  "i",
);
/** Phrases that tell taking an office: "took office", "took power", "was sworn in". */
const TAKES_OFFICE = (t: NlpToken, next: NlpToken | undefined) =>
  (t.lemma === "take" && /^(office|power|charge)$/i.test(next?.lower ?? "")) ||
  (t.lower === "sworn" && next?.lower === "in");

/** A head of government's office: "designated prime minister" names a premier to be, no sanction. */
const OFFICE_AFTER = /^\s+(?:prime\s+minister|premier|president|PM)\b/i;

/** "where" and "whereby" open a clause of their own, whose subject is not the sentence's. */
const RELATIVE_ADVERB = /^(?:where|whereby)$/;
/**
 * "U.S.-supplied weapons", "Iran-backed fighters": a name that only qualifies a word takes no part
 * itself; but "the U.S.-led war" is the United States', and "attacks on U.S.-linked facilities"
 * are on its side.
 */
const MODIFIER_AFTER = new RegExp(
  `^-(?!(?:led|linked)\\b)(?:${BACKING}|supplied|made|built|trained|armed|based)\\b`,
  "i",
);

/** What "strike" or "hit" takes when it is said of words or moods: "struck a unifying tone", "hit a nerve", "hit home". */
const FIGURATIVE_OBJECT =
  /^\s+(?:home\b|(?:(?:a|an|the)\s+)?(?:[a-z]+\s+)?(?:tone|note|chord|balance|deal|bargain|agreement|compromise|pose|nerve)\b)/i;
/** Words before "attack" that make it one of words: "a scathing attack", "a verbal attack". */
const VERBAL = /\b(?:scathing|verbal|blistering|stinging|withering|rhetorical|written|personal|vitriolic|sharp)\b/i;

/** Verbs that always take an object: with none after them, their participle is passive. */
const TRANSITIVE = /^(kill|assassinate|murder|execute|arrest|detain|kidnap|abduct|capture|seize|wound|injure)$/;
/**
 * "the PMF commander killed alongside Soleimani in a US drone strike", "a man arrested in Baghdad",
 * "Khazali detained again", "among those captured.": a participle of a verb that takes an object,
 * followed by a preposition, an adverb or the end of its clause instead of one, is passive without
 * its "was".
 */
export function reducedPassive(lemma: string, after: string): boolean {
  return (
    TRANSITIVE.test(lemma) &&
    /^(?:\s+(?:alongside|in|during|near|on|when|while|outside|inside|again|overnight|today|yesterday|earlier|recently)\b|\s*(?:[.;:!?)]|$))/i.test(
      after,
    )
  );
}
/** A killing verb's participle (the verbs `killedIn` reads) as `reducedPassive` reads it. */
export const killedPassive = (verb: string, after: string) =>
  /(?:ed|slain)$/i.test(verb) && reducedPassive("kill", after);

/** Those a crackdown falls on, after an active verb ("attacking peaceful protesters") or before a passive one. */
const PROTESTERS_AFTER =
  /^\s+(?:(?:the|dozens of|hundreds of|scores of|\d+|many|several|unarmed|peaceful|anti-government|young)\s+)*(?:protesters|protestors|demonstrators)\b/i;
const PROTESTERS_BEFORE =
  /\b(?:protesters|protestors|demonstrators)\s+(?:(?:were|was|have been|had been|are|being)\s+)?(?:\w+\s+)?$/i;

/** Blame in the sentence: "blamed X for", "X was blamed", "accused X of", "behind the attack", "responsible for". */
const BLAME =
  /\b(blam\w*|accus\w*|suspect\w*|attribut\w*|behind (?:the|it|this|that)|responsib\w*|held responsible|alleg\w*)\b/i;

/** The words before the one a deed is laid on. */
const BLAMED_ON = /\b(?:blamed\s+on|attributed\s+to|pinned\s+on)\s+(?:the\s+)?$/i;

/** Kinds of actor that are made (founded, formed, created). */
const GROUP_MADE = new Set<ActorKind>([
  "armed_group",
  "political_party",
  "coalition",
  "government_body",
  "military",
  "organization",
]);

const isNominal = (t: NlpToken) => t.pos === "NOUN" || t.pos === "PROPN";
/** "started an offensive on …": a happening's noun the tagger read as an adjective, after an article and before no noun. */
const nounAfterArticle = (tokens: NlpToken[], i: number, first: number) =>
  (tokens[i] as NlpToken).pos === "ADJ" &&
  i > first &&
  /^(an?|the|its|their|this)$/i.test((tokens[i - 1] as NlpToken).lower) &&
  !/^(NOUN|PROPN|ADJ)$/.test((tokens[i + 1] as NlpToken | undefined)?.pos ?? "");
/** "killed in a ferry accident": deaths no one inflicted. */
const MISHAP =
  /^\s+(?:in|by|during)\s+(?:an?|the)\s+(?:[a-z-]+\s+){0,2}(?:accident|crash|collapse|stampede|sinking|capsizing|flood|earthquake|mishap)\b/i;
/** "a warrant for the arrest of X": an arrest ordered by a court, not made. */
const WARRANT_FOR = /\bwarrants?\s+(?:was\s+issued\s+)?for\s+(?:the\s+)?$/i;

/** The event one sentence reports, if it reports one. */
function findEvent(
  sentence: NlpSentence,
  tokens: NlpToken[],
  text: string,
  actors: EventActor[],
  said: { evidence: { start: number; end: number }; speaker: { start: number; end: number } }[],
  dated: boolean,
): EventHit | null {
  const allegedIn = said.map((x) => x.evidence);
  const { first, last } = sentence;
  // The first word in the clause that reports a happening, verb or noun: "a rocket attack killed two"
  // is an attack that killed, "Missiles strike the base, killing a contractor" a strike.
  let trigger: { index: number; kind: EventKind; verb: boolean } | null = null;
  for (let i = first; i <= last && !trigger; i++) {
    const t = tokens[i] as NlpToken;
    if (t.pos === "VERB") {
      const kind = TAKES_OFFICE(t, tokens[i + 1]) ? "appointment" : (entryOf(VERBS, t.lemma) ?? phrasal(t, text));
      if (!kind) continue;
      // "the U.S.-designated group", "state-sanctioned militias": a word joined to a name describes, it tells nothing that happened.
      if (text[t.start - 1] === "-") continue;
      // "will attack", "threatened to strike", "did not kill": no happening.
      let k = i - 1;
      while (k >= first && (tokens[k] as NlpToken).pos === "ADV") k--;
      const before = tokens[k] as NlpToken | undefined;
      if (
        before &&
        IRREAL.test(before.lemma) &&
        !(before.lemma === "to" && (tokens[k - 1] as NlpToken | undefined)?.lemma === "be") &&
        !(before.lemma === "to" && joinedToMake(tokens, first, k, t))
      )
        continue;
      if (irrealBefore(tokens, first, i)) continue;
      // "struck a unifying tone", "hit a nerve": words, not a blow.
      if (/^(strike|hit)$/.test(t.lemma) && FIGURATIVE_OBJECT.test(text.slice(t.end, t.end + 40))) continue;
      const around = tokens.slice(Math.max(first, i - 4), Math.min(last, i + 4) + 1);
      if (NEEDS_WEAPON.has(t.lemma) && !around.some((x) => WEAPONS.test(x.text))) continue;
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
        continue;
      if (CHOOSES_PERSON.has(t.lemma) && !choosesPerson(tokens, first, last, i, actors)) continue;
      // "5,000 sq km of territory have been freed from ISIL", "freed the city": land freed is won in battle.
      const land = kind === "release" && around.some((x) => FREED_LAND.test(x.text));
      // "tasked with forming a new government", "was designated prime minister": a government
      // formed, a premier designated, is an appointment, not a group founded or a sanction; "the
      // designated prime minister X" only names his office.
      const premier = t.lemma === "designate" && OFFICE_AFTER.test(text.slice(t.end, t.end + 30));
      if (premier && (tokens[i - 1] as NlpToken | undefined)?.lemma !== "be") continue;
      const office =
        premier ||
        (t.lemma === "form" &&
          tokens.slice(i + 1, Math.min(last, i + 4) + 1).some((x) => /^(government|cabinet)s?$/i.test(x.text)));
      trigger = { index: i, kind: land ? "battle" : office ? "appointment" : kind, verb: true };
    } else if (isNominal(t) || nounAfterArticle(tokens, i, first)) {
      const kind =
        entryOf(NOUNS, t.lemma) ??
        entryOf(NOUNS, t.lower.replace(/s$/, "")) ??
        // "launched a ground operation", "began military operations" (not "Operation Inherent Resolve", a name).
        (/^operations?$/.test(t.text) && operationLaunched(tokens, first, i) ? "battle" : undefined) ??
        // "a call to arms", "the call-to-arms": a mobilization (a call alone is not).
        (CALL_TO_ARMS.test(text.slice(t.start, t.end + 12)) ? "mobilization" : undefined);
      if (!kind) continue;
      // "the attack", "this strike": a happening told before, unless the sentence dates it ("the 3 January strike").
      let k = i - 1;
      while (k >= first && /^(ADJ|NOUN|PROPN|NUM)$/.test((tokens[k] as NlpToken).pos)) k--;
      if (
        !dated &&
        /^(the|this|that|these|those|its|their|his|her)$/i.test((tokens[k] as NlpToken | undefined)?.text ?? "")
      )
        continue;
      // "a scathing attack on the prime minister": words, not violence.
      if (k < i - 1 && VERBAL.test(text.slice((tokens[k + 1] as NlpToken).start, t.start))) continue;
      // "no truce, no retreat", "without an attack", "for any attack": what did not (or may) happen.
      if (/^(no|without|any)$/i.test((tokens[k] as NlpToken | undefined)?.text ?? "")) continue;
      // "is not at war", "at war with": a state of affairs, not a happening.
      if (t.lemma === "war" && (tokens[i - 1] as NlpToken | undefined)?.lower === "at") continue;
      // "war powers", "attack helicopters", "strike force": a noun that names another thing describes it.
      const next = tokens[i + 1] as NlpToken | undefined;
      if (i < last && next?.pos === "NOUN" && !/['’]/.test(text.slice(t.end, next.start))) continue;
      // "threatening attacks", "warned of strikes", "called for protests": what may yet happen.
      const before = tokens[k] as NlpToken | undefined;
      const beforeThat = tokens[k - 1] as NlpToken | undefined;
      if (
        k >= first &&
        (THREAT.test(before?.lemma ?? "") ||
          (/^(of|for)$/i.test(before?.lower ?? "") && k - 1 >= first && THREAT.test(beforeThat?.lemma ?? "")))
      )
        continue;
      if (irrealBefore(tokens, first, i)) continue;
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
      trigger = {
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
  }
  if (!trigger) return null;
  const t = tokens[trigger.index] as NlpToken;
  // The one who says it, and the one told it, are no participants in what is said.
  const inSentence = actors.filter(
    (a) =>
      a.start >= sentence.start &&
      a.end <= sentence.end &&
      !MODIFIER_AFTER.test(text.slice(a.end, a.end + 20)) &&
      !AS_TIE.test(text.slice(Math.max(0, a.start - 40), a.start)) &&
      !said.some((x) => x.speaker.start <= a.start && a.end <= x.speaker.end) &&
      !AUDIENCE.test(text.slice(Math.max(0, a.start - 40), a.start)),
  );

  // Who stands where: before the trigger (the agent, unless the verb is passive) and after it.
  const passive =
    trigger.verb &&
    /(ed|en)$/.test(t.lower) &&
    ([tokens[trigger.index - 1], tokens[trigger.index - 2]].some((x) => x?.lemma === "be" || x?.lemma === "get") ||
      // (Not in an object relative: "Mosul, which ISIS seized in June" — ISIS seized it.)
      (reducedPassive(t.lemma, text.slice(t.end, t.end + 20)) &&
        !tokens
          .slice(Math.max(first, trigger.index - 4), trigger.index)
          .some((x) => /^(which|that|whom)$/.test(x.lower))));
  const byAt = trigger.verb ? tokens.slice(trigger.index + 1, last + 1).find((x) => x.lower === "by") : undefined;
  const clauseStart = (() => {
    for (let k = trigger.index - 1; k >= first; k--) {
      const x = tokens[k] as NlpToken;
      // "…Mosul, where the jihadists captured…": a clause of its own.
      if (x.pos === "SCONJ" || RELATIVE_ADVERB.test(x.lower) || (x.text === ";" && k > first)) return x.end;
    }
    return sentence.start;
  })();
  const agents: EventActor[] = [];
  const patients: EventActor[] = [];
  // "X responded to Y's decision to relieve Z": whose decision it was acts, not the sentence's subject.
  const decision = trigger.verb ? DECIDED.exec(text.slice(Math.max(clauseStart, t.start - 40), t.start)) : null;
  const decidedAt = decision ? t.start - decision[0].length : -1;
  for (const a of inSentence) {
    // "In western Iraq, two drones…": a state named as the place is no participant.
    if (a.kind === "state" && LOCATIVE.test(text.slice(Math.max(0, a.start - 30), a.start))) continue;
    if (decision && a.end <= t.start) {
      if (/^(?:['’]s?)?$/.test(text.slice(a.end, decidedAt).trim())) agents.push(a);
    } else if (a.end <= t.start && a.start >= clauseStart) (passive ? patients : agents).push(a);
    else if (a.start >= t.end) {
      // "…killed a contractor, an attack the U.S. blamed on Kataib Hezbollah": the one blamed acts.
      if (BLAMED_ON.test(text.slice(Math.max(t.end, a.start - 30), a.start))) agents.push(a);
      else if (passive && byAt && a.start > byAt.start && a.start - byAt.end < 40) agents.push(a);
      // "was killed in a US drone strike": whose strike it was.
      else if (
        passive &&
        a.start - t.end < 60 &&
        /\b(?:in|by)\s+(?:an?|the)\s+$/i.test(text.slice(a.start - 8, a.start)) &&
        INSTRUMENT.test(text.slice(a.end, a.end + 30))
      )
        agents.push(a);
      else if (a.start - t.end < 120) patients.push(a);
    }
  }
  // "launched an air strike", "carried out drone strikes": the weapon named after a launching verb is the deed.
  let told = trigger.kind;
  if (trigger.verb && LAUNCHING.has(t.lemma)) {
    const weapon = tokens.slice(trigger.index + 1, Math.min(last, trigger.index + 4) + 1).find(isNominal);
    const deed = weapon ? (NOUNS[weapon.lemma] ?? NOUNS[weapon.lower.replace(/s$/, "")]) : undefined;
    if (deed) told = deed;
  }
  // "killed many Americans", "two soldiers were killed": the dead counted, not named.
  const counted = passive
    ? COUNTED_BEFORE.test(text.slice(Math.max(clauseStart, t.start - 60), t.start))
    : COUNTED_AFTER.test(text.slice(t.end, t.end + 40));
  // (Not in an opening concession: "Though the group denied responsibility, the U.S. attacked …".)
  const blamed =
    BLAME.test(text.slice(sentence.start, sentence.end).replace(CONCESSION, "")) ||
    allegedIn.some((s) => s.start <= t.start && t.end <= s.end);
  const violent = MISHAP.test(text.slice(t.end, t.end + 60))
    ? "death"
    : adjustKind(told, blamed ? [] : agents, {
        counted: counted && !patients.some((a) => a.kind === "person"),
        airborne: AIRBORNE.test(text.slice(clauseStart, sentence.end)),
        verb: trigger.verb,
      });
  // "attacking protesters", "demonstrators were killed": violence against protest is a crackdown.
  const kind =
    /^(attack|strike|killing)$/.test(violent) &&
    (passive
      ? PROTESTERS_BEFORE.test(text.slice(Math.max(clauseStart, t.start - 50), t.start))
      : PROTESTERS_AFTER.test(text.slice(t.end, t.end + 50)))
      ? "crackdown"
      : violent;
  const roles = ROLES[kind];
  const participants: EventHit["participants"] = [];
  const add = (a: EventActor, role: ParticipantRole) => {
    if (!participants.some((p) => p.start === a.start)) participants.push({ ...a, role });
  };
  // "X took office": the one who takes it is the appointment's subject.
  const takesOffice = trigger.verb && TAKES_OFFICE(t, tokens[trigger.index + 1]);
  for (const a of agents) {
    const role = takesOffice ? "subject" : (roles?.agent ?? "participant");
    add(a, role === "perpetrator" && blamed ? "alleged_perpetrator" : role);
  }
  for (const a of patients) {
    // A person a strike killed is its victim ("the US killed X"), not its target; the one a call to
    // arms or a fatwa is from is who called ("the fatwa of Ayatollah X", "a call to arms from X").
    const role =
      told === "killing" && a.kind === "person"
        ? "victim"
        : kind === "mobilization" && !trigger.verb && CALLED_BY.test(text.slice(t.end, a.start))
          ? "initiator"
          : (roles?.patient ?? "participant");
    add(a, role);
  }

  const { fatalities, injuries } = casualtiesIn(text, sentence);
  const confidence = (trigger.verb ? 0.8 : 0.65) - (participants.length === 0 ? 0.15 : 0);
  return {
    ...(trigger.verb && standsNow(tokens, first, trigger.index) ? { standing: true } : {}),
    kind,
    trigger: { start: t.start, end: t.end, text: t.text },
    participants,
    fatalities,
    injuries,
    confidence: Math.round(confidence * 100) / 100,
  };
}

/**
 * Does the clause tell the participle at `i` as passive and in the present, how things stand at the
 * time of writing: "KH is the only militia designated as …", "they have been sanctioned"? It follows
 * its "be" or the noun it describes, and the last form of "be" before it decides ("was designated",
 * "had been sanctioned" are past).
 */
function standsNow(tokens: NlpToken[], first: number, i: number): boolean {
  const before = tokens[i - 1] as NlpToken | undefined;
  if (!/(ed|en)$/.test((tokens[i] as NlpToken).lower) || !before || (before.lemma !== "be" && !isNominal(before)))
    return false;
  for (let k = i - 1; k >= first; k--) {
    const t = tokens[k] as NlpToken;
    if (t.lemma !== "be") continue;
    if (t.lower === "been") return /^(has|have|'s|’s)$/.test((tokens[k - 1] as NlpToken | undefined)?.lower ?? "");
    return /^(is|are|'s|’s|'re|’re)$/.test(t.lower);
  }
  return false;
}

/**
 * "The US sanctioned X and then sanctioned Y", "The US responded by sanctioning X": a clause that
 * opens without its own subject shares the ones who act before it (`agents`).
 */
function sharedAgent(hit: EventHit, agents: EventHit["participants"]): EventHit {
  const role = ROLES[hit.kind]?.agent;
  if (!role || hit.participants.some((p) => p.role.replace(/^alleged_/, "") === role)) return hit;
  const alleged = (p: EventHit["participants"][number]) => p.role.startsWith("alleged_") && role === "perpetrator";
  return {
    ...hit,
    participants: [
      ...agents.map((p) => ({ ...p, role: alleged(p) ? ("alleged_perpetrator" as const) : role })),
      ...hit.participants,
    ],
  };
}

/** Those who act in a happening, in its kind's role for them. */
const agentsOf = (hit: EventHit) =>
  hit.participants.filter((p) => p.role.replace(/^alleged_/, "") === ROLES[hit.kind]?.agent);

/** "'s decision to ": a decision taken, just before its verb. */
const DECIDED = /(?:['’]s?)?\s*decision\s+to\s+$/i;

/** "responded by assassinating X": "by" and a gerund open the means, what was done. */
const byMeans = (tokens: NlpToken[], i: number) => {
  const next = tokens[i + 1] as NlpToken | undefined;
  return (tokens[i] as NlpToken).lower === "by" && next?.pos === "VERB" && /ing$/.test(next.lower);
};

/** "sanctioned X and then sanctioned Y in December": "and then" opens what came next. */
const thenAt = (tokens: NlpToken[], i: number) =>
  (tokens[i] as NlpToken).lower === "and" && (tokens[i + 1] as NlpToken | undefined)?.lower === "then";

/** Quotation marks: an opening clause's comma is not looked for inside a quotation. */
const QUOTE_MARK = /^[“”"]$/;

/** Words that open a clause telling another happening: "after another attack killed two", "in response to a strike". */
const CLAUSE_OPENERS = /^(after|before|when|while|as|since|until|following|once|amid)$/i;

/**
 * A phrase at token `i` that gives the cause of what the rest of the sentence tells, so what it
 * names came first: "in response to", "in retaliation for", "in light of", "in the wake of",
 * "because of".
 */
function causeAt(tokens: NlpToken[], i: number): boolean {
  const [t, next, then] = [tokens[i], tokens[i + 1], tokens[i + 2]].map((x) => x?.lower ?? "");
  if (t === "because") return next === "of";
  if (t !== "in") return false;
  return (
    /^(response|retaliation|revenge)$/.test(next as string) ||
    (next === "light" && then === "of") ||
    (next === "the" && then === "wake")
  );
}

/**
 * The happenings a sentence reports, one per clause: "In March, he ordered strikes on five sites
 * after another attack killed two Americans" tells a strike and an attack.
 */
export function findEvents(
  sentence: NlpSentence,
  tokens: NlpToken[],
  text: string,
  actors: EventActor[],
  said: { evidence: { start: number; end: number }; speaker: { start: number; end: number } }[],
  dated: boolean,
): EventHit[] {
  const cuts: number[] = [];
  for (let i = sentence.first + 2; i < sentence.last - 1; i++) {
    const t = tokens[i] as NlpToken;
    const next = tokens[i + 1] as NlpToken;
    if (
      // (The tagger reads "when" and "while" as adverbs as often as conjunctions.)
      ((t.pos === "SCONJ" || t.pos === "ADP" || (t.pos === "ADV" && /^(when|while)$/.test(t.lower))) &&
        CLAUSE_OPENERS.test(t.lower)) ||
      t.text === ";" ||
      // "The response was shocking to the PMU: The US killed …": a colon before a capital opens a clause.
      (t.text === ":" && /^\p{Lu}/u.test(next.text)) ||
      causeAt(tokens, i) ||
      thenAt(tokens, i) ||
      // "responded to the decision by assassinating X": the means is a happening of its own.
      byMeans(tokens, i) ||
      // "sentenced in 1983 for his role in attacking the embassies": the deed judged is another happening.
      (t.lower === "for" &&
        /^(his|her|their|its)$/.test(next.lower) &&
        /^(role|part|involvement)$/.test((tokens[i + 2] as NlpToken | undefined)?.lower ?? ""))
    )
      cuts.push(i);
  }
  // "Since Biden took office early this year, US interests have been targeted …": a sentence that
  // opens with a clause of time or concession tells its own happening after the clause's comma.
  const opening = tokens[sentence.first] as NlpToken;
  let openingCut = -1;
  if (/^(since|after|when|while|before|until|once|though|although|following)$/i.test(opening.lower)) {
    for (let i = sentence.first + 3; i < sentence.last - 2; i++) {
      const t = tokens[i] as NlpToken;
      if (QUOTE_MARK.test(t.text)) break;
      if (t.text === ",") {
        openingCut = i + 1;
        break;
      }
    }
  }
  if (openingCut > 0 && !cuts.some((c) => c <= openingCut)) cuts.unshift(openingCut);
  const clauses: NlpSentence[] = [];
  let from = sentence.first;
  for (const cut of [...cuts, sentence.last + 1]) {
    if (cut - from >= 3 || cut === sentence.last + 1) {
      const first = tokens[from] as NlpToken;
      const last = tokens[cut - 1] as NlpToken;
      clauses.push({
        first: from,
        last: cut - 1,
        start: from === sentence.first ? sentence.start : first.start,
        end: cut === sentence.last + 1 ? sentence.end : last.end,
      });
      from = cut;
    }
  }
  // Opened by "after", "following", a cause ("in response to", "in light of"), "for his role in".
  const earlier = (clause: NlpSentence) => {
    const opener = tokens[clause.first] as NlpToken;
    // (A sentence's opening clause is one of its own only when it was cut off at its comma.)
    return (
      (clause.first !== sentence.first || (openingCut > 0 && clause.last < openingCut)) &&
      (/^(after|following)$/i.test(opener.lower) || causeAt(tokens, clause.first) || opener.lower === "for")
    );
  };
  const hits: EventHit[] = [];
  let previous: EventHit | null = null;
  // "The US responded by sanctioning X": the means shares the sentence's subject, before its first verb.
  const subject = (): EventHit["participants"] => {
    const verb = tokens.slice(sentence.first, sentence.last + 1).find((x) => x.pos === "VERB");
    return verb
      ? actors
          .filter((a) => a.start >= sentence.start && a.end <= verb.start)
          .map((a) => ({ ...a, role: "perpetrator" as const }))
      : [];
  };
  clauses.forEach((clause, c) => {
    const found = findEvent(clause, tokens, text, actors, said, dated);
    const hit =
      found && thenAt(tokens, clause.first) && previous
        ? sharedAgent(found, agentsOf(previous))
        : found && byMeans(tokens, clause.first)
          ? sharedAgent(found, subject())
          : found;
    previous = hit;
    if (!hit) return;
    const span = { start: clause.start, end: clause.end };
    if (earlier(clause)) {
      hits.push({ ...hit, earlier: span });
      return;
    }
    const following = clauses[c + 1];
    const before =
      following && ((tokens[following.first] as NlpToken).lower === "before" || thenAt(tokens, following.first));
    hits.push({
      ...hit,
      ...(clauses.length > 1 ? { clause: span } : {}),
      ...(following && before ? { next: { start: following.start, end: following.end } } : {}),
    });
  });
  return hits;
}

/**
 * The taxonomy's lines between attack, strike and killing: a strike is a state's (by air, drone or
 * missile), so a strike by a group is an attack and a state's attack a strike; a killing is of
 * named people, so "killed many soldiers" is the attack (or strike) that killed them.
 */
function adjustKind(
  kind: EventKind,
  agents: EventActor[],
  { counted, airborne, verb }: { counted: boolean; airborne: boolean; verb: boolean },
): EventKind {
  const states = agents.length > 0 && agents.every((a) => a.kind === "state" || a.kind === "military");
  // "Iran attacked two bases" is a strike (missiles, aircraft); an army's attack, or "Iran's attacks"
  // (which may be its proxies'), is one only from the air. Who is blamed decides nothing.
  const striking = states && (airborne || (verb && agents.every((a) => a.kind === "state")));
  // A state's killing is its strike, of the counted dead or of named people ("the US killed X").
  if (kind === "killing" && (counted || striking)) return striking ? "strike" : "attack";
  // (A person ordering or carrying out a strike leaves it a strike: "he ordered strikes".)
  const groups = agents.some(
    (a) => a.kind === "armed_group" || a.kind === "political_party" || a.kind === "group_of_people",
  );
  if (kind === "strike" && groups) return "attack";
  if (kind === "attack" && striking) return "strike";
  return kind;
}

/**
 * Someone blamed for a happening told just before ("The US said Kataib Hezbollah was behind the
 * attack"): the actors a sentence blames, not its speakers.
 */
export function blamedIn(
  sentence: NlpSentence,
  text: string,
  actors: EventActor[],
  said: { speaker: { start: number; end: number } }[],
): EventActor[] {
  if (!BLAME.test(text.slice(sentence.start, sentence.end))) return [];
  return actors.filter(
    (a) =>
      a.start >= sentence.start &&
      a.end <= sentence.end &&
      !said.some((x) => x.speaker.start <= a.start && a.end <= x.speaker.end),
  );
}

/** A neutral title: "Kataib Hezbollah attack: US forces" style would invent; the sentence's own words, shortened. */
export function eventTitle(sentence: string, trigger: string): string {
  const flat = sentence.replace(/\s+/g, " ").trim();
  const at = flat.toLowerCase().indexOf(trigger.toLowerCase());
  // The clause around the trigger, from the start of its clause.
  let start = at > 80 ? Math.max(0, flat.lastIndexOf(", ", Math.max(0, at - 60)) + 2, at - 80) : 0;
  // Never from the middle of a word ("l and a number of major cities…").
  if (start > 0 && flat[start - 1] !== " ") {
    const space = flat.indexOf(" ", start);
    if (space !== -1 && space < at) start = space + 1;
  }
  const text = flat.slice(start);
  if (text.length <= 90) return text.replace(/[.,;:]$/, "");
  const cut = text.slice(0, 90);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), 45)).replace(/[.,;:]$/, "")}…`;
}
