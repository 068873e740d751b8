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
 * One event per clause at most (the words that tell one: event-words.ts), on wink-nlp's tagged
 * tokens: linear in the text.
 */

import type { EventKind, ParticipantRole } from "@atlas/schema";
import { stateNamed } from "../../names/paraphrase.js";
import { casualtiesIn, type Fatality, type Injury } from "./casualties.js";
import { type EventActor, isNominal, NOUNS, TAKES_OFFICE, type Trigger, triggerIn } from "./event-words.js";
import type { NlpSentence, NlpToken } from "./nlp.js";
import { AS_TIE, BACKING } from "./nouns.js";
import { CONCESSION } from "./sentences.js";

export type { EventActor };

/** A statement in the sentence: its words (what is alleged there is alleged) and its speaker (no participant). */
type Said = { evidence: { start: number; end: number }; speaker: { start: number; end: number }; stance?: string };

/** "took responsibility for the attack": the one who claims it is who did it, by its own word. */
const claimsIt = (text: string, x: Said) =>
  x.stance === "alleges" && /^(?:full\s+|sole\s+)?responsibility\b/i.test(text.slice(x.evidence.start, x.evidence.end));

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
/** Verbs of a deployment. */
const DEPLOYING = new Set(["deploy", "send", "dispatch"]);
/** Who deploys, when it is not a state: "An Iraqi Shiite militia … has sent", "his supporters deployed". */
const GROUP_SUBJECT =
  /\b(?:militias?|militiamen|factions?|group|supporters|followers|loyalists|fighters|brigades?|movement)\b|\b(?:Kataib|Kata'ib|Saraya|Asaib|Harakat|Hezbollah|Badr)\b/i;
/** A phrase that opens a sentence before its subject: "To curb the militias,", "Near the wreckage of …,", "On Monday,". */
const OPENING_PHRASE =
  /^\s*(?:in|on|at|near|after|following|amid|under|despite|with|as|when|while|since|before|during|to|for|facing|fearing)\b/i;
/**
 * The subject before a verb: the words after the last comma ("To curb the militias, the prime
 * minister", "Last year in 22nd of January, 2022, Turkish drones"), or, where a comma closes what
 * set the subject off ("Al-Kadhimi, under pressure from the militias,"), the first words that
 * open no phrase.
 */
function subjectBefore(words: string): string {
  const parts = words.split(",");
  const last = parts.at(-1) as string;
  if (parts.length === 1 || /\S/.test(last)) return last;
  return parts.find((p) => !OPENING_PHRASE.test(p)) ?? "";
}
/** The kinds of actors whose deployment is a state's decision. */
const STATE_SIDE = new Set(["state", "government_body", "military"]);

/** A state's aircraft, by its adjective: "Turkish drones", "a US drone", "Israeli warplanes". */
const STATE_AIRCRAFT =
  /\b([A-Z][A-Za-z.]*)\s+(?:(?:armed|military|combat|unmanned|attack)\s+)?(?:drones?|warplanes?|(?:fighter\s+)?jets?|aircraft|helicopters?|planes?)\b/g;
const stateAircraft = (subject: string) =>
  [...subject.matchAll(STATE_AIRCRAFT)].some((m) => stateNamed(m[1] as string) !== m[1]);

/** Words of a strike from the air: what makes a state's forces' attack a strike. */
const AIRBORNE = /\b(?:air|drones?|missiles?|air ?strikes?|aircraft|jets?|warplanes?|ballistic|helicopters?)\b/i;

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

/** "confirmed to the Associated Press", "told Reuters", "according to the AP": who hears or relays it, no participant. */
const AUDIENCE =
  /\b(?:told|tells|telling|tell|confirmed\s+to|said\s+to|speaking\s+to|spoke\s+to|according\s+to|reported\s+by|quoted\s+by|in\s+(?:an?\s+)?(?:interview|statement)s?\s+(?:with|to))\s+(?:the\s+)?$/i;
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

/** "killed in a ferry accident": deaths no one inflicted. */
const MISHAP =
  /^\s+(?:in|by|during)\s+(?:an?|the)\s+(?:[a-z-]+\s+){0,2}(?:accident|crash|collapse|stampede|sinking|capsizing|flood|earthquake|mishap)\b/i;
/**
 * Who stands where in a happening's clause: before its word (the agents, unless the verb is
 * passive) and after it (the patients); not the one who says it, nor the one told it.
 */
function sides(
  sentence: NlpSentence,
  tokens: NlpToken[],
  text: string,
  actors: EventActor[],
  said: Said[],
  trigger: Trigger,
) {
  const { first, last } = sentence;
  const t = tokens[trigger.index] as NlpToken;
  // The one who says it, and the one told it, are no participants in what is said.
  const inSentence = actors.filter(
    (a) =>
      a.start >= sentence.start &&
      a.end <= sentence.end &&
      !MODIFIER_AFTER.test(text.slice(a.end, a.end + 20)) &&
      !AS_TIE.test(text.slice(Math.max(0, a.start - 40), a.start)) &&
      !said.some((x) => x.speaker.start <= a.start && a.end <= x.speaker.end && !claimsIt(text, x)) &&
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
  return { passive, clauseStart, agents, patients };
}

/** The event one sentence reports, if it reports one. */
function findEvent(
  sentence: NlpSentence,
  tokens: NlpToken[],
  text: string,
  actors: EventActor[],
  said: Said[],
  dated: boolean,
): EventHit | null {
  const allegedIn = said.map((x) => x.evidence);
  const { first, last } = sentence;
  const trigger = triggerIn(sentence, tokens, text, actors, dated);
  if (!trigger) return null;
  const t = tokens[trigger.index] as NlpToken;
  const { passive, clauseStart, agents, patients } = sides(sentence, tokens, text, actors, said, trigger);
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
        stateAir: stateAircraft(subjectBefore(text.slice(clauseStart, t.start))),
        groupDeploys: DEPLOYING.has(t.lemma) && GROUP_SUBJECT.test(subjectBefore(text.slice(clauseStart, t.start))),
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
  said: Said[],
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

/** What the words around a happening's word tell of its kind. */
interface KindContext {
  /** The dead are counted, not named. */
  counted: boolean;
  /** The clause tells of aircraft, drones or missiles. */
  airborne: boolean;
  /** The happening is told by a verb. */
  verb: boolean;
  /** A state's aircraft, named by its adjective, act ("Turkish drones attacked"). */
  stateAir: boolean;
  /** A group, not a state, deploys ("his supporters deployed", "the militia has sent fighters"). */
  groupDeploys: boolean;
}

/**
 * The taxonomy's lines between attack, strike and killing: a strike is a state's (by air, drone or
 * missile), so a strike by a group is an attack and a state's attack a strike; a killing is of
 * named people, so "killed many soldiers" is the attack (or strike) that killed them.
 */
function adjustKind(
  kind: EventKind,
  agents: EventActor[],
  { counted, airborne, verb, stateAir, groupDeploys }: KindContext,
): EventKind {
  // A deployment is a state's decision; an armed group's, or its supporters', is a mobilization.
  if (kind === "policy" && groupDeploys && !agents.some((a) => STATE_SIDE.has(a.kind ?? ""))) return "mobilization";
  const states = agents.length > 0 && agents.every((a) => a.kind === "state" || a.kind === "military");
  // "Iran attacked two bases" is a strike (missiles, aircraft); an army's attack, or "Iran's attacks"
  // (which may be its proxies'), is one only from the air. Who is blamed decides nothing. "Turkish
  // drones attacked two vehicles": a state's aircraft strike, though no actor is named.
  const striking =
    (states && (airborne || (verb && agents.every((a) => a.kind === "state")))) || (agents.length === 0 && stateAir);
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
