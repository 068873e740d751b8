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
 * text says it is over ("former"). Sentence by sentence, on the actors the sentence names. The
 * words and patterns themselves are relation-words.ts's.
 */
import type { RelationType } from "@atlas/schema";
import { stateNamed, stateOpening } from "../../names/paraphrase.js";
import { kinTies } from "./kin.js";
import { BODY_NOUNS, BODY_REFERENCE, HEAD_NOUN, ownsNext } from "./nouns.js";
import {
  APPOSITION,
  BACKED_BETWEEN,
  BACKED_PREFIX,
  BODY_ROLES,
  DESCRIPTORS,
  DESIGNATED_AFTER,
  DESIGNATED_BEFORE,
  GROUP_HEAD,
  GROUP_KINDS,
  HEAD_TITLE,
  ITS_ROLE,
  LEAD,
  OFFICE,
  ORG_KINDS,
  PART_OF,
  ROLE_BETWEEN,
  ROLE_OF_BEFORE,
  ROLE_WORDS,
  SANCTION_ACTIVE,
  SANCTION_PASSIVE,
  STATE_KINDS,
  STATE_NAMES_WORD,
  STATE_OFFICE,
  STATE_OFFICE_AFTER,
  typeOfRole,
  UMBRELLA,
  US_TITLE,
  VERB_TIES,
} from "./relation-words.js";

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

/** What "his" or "the group's" stands for: the person, or the body a noun names, named last before a position. */
export interface BackReferences {
  person: (at: number) => RelationActor | null;
  body: (at: number, noun: string) => RelationActor | null;
  /** Who imposed the sanctions told last before `at` ("The United States sanctioned …"). */
  sanctioner?: (at: number) => RelationActor | null;
}

/** A relation the atlas holds: a title or a possessive that restates it is more evidence for it. */
export interface HeldRelation {
  type: RelationType;
  fromId: string;
  toId: string;
  former: boolean;
}

/** What a reader of the words between two actors sees, and where it puts the tie it reads. */
interface TieReading {
  text: string;
  actors: RelationActor[];
  held: readonly HeldRelation[];
  knownAs: (name: string) => RelationActor | null;
  /** The ties read so far in the sentence. */
  out: readonly RelationHit[];
  push: (h: Omit<RelationHit, "start" | "end"> & { start?: number; end?: number }) => void;
}

/** What joins two names of one list: ", ", " and ", ", and ". */
const LIST_JOIN = String.raw`^\s*(?:,|,?\s+and)\s+`;
/** Between two names of one list: "X, Y and Z", "X and the Y". */
const LISTED = new RegExp(String.raw`${LIST_JOIN}(?:the\s+)?$`);
/** A group's role said in the plural before who holds it: "and its leaders, ", "and their spokesmen, ". */
const PLURAL_ROLE = /\b(?:its|their)\s+(?:[a-z]+\s+)?[a-z]+(?:s|men),?\s+$/i;

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
  const reading: TieReading = { text, actors, held, push, knownAs, out };
  /** The tie the words between two actors state, if any (a, then b, i being a's place). */
  function pair(a: RelationActor, b: RelationActor, between: string, i: number): boolean {
    // "who heads Iraq's second largest party": the tie is to what b owns, not to b.
    if (ownsNext(text, b.end)) return false;
    if (between.length > 120) return false;
    return TIES_BETWEEN.some((read) => read(reading, a, b, between, i));
  }

  /**
   * A tie just read between a and b that a list shares: "Kataib Hezbollah and Kataib Sayyid
   * al-Shuhada, which are both linked to Iran" (each of the plural subject), "Asaib Ahl al-Haq and
   * its leaders, Qays and Laith al-Khazali" (each of the people named after a plural role).
   */
  function shareTie(a: RelationActor, b: RelationActor, between: string, i: number) {
    const tie = out.at(-1);
    if (!tie) return;
    // The subject is plural ("which are both", "were all"): each of the list a ends shares the tie.
    if (tie.from === a && /\b(?:are|were|both|all|have)\b/.test(between))
      for (let k = i - 1, next = a; k >= 0; k--) {
        const p = actors[k] as RelationActor;
        if (p.kind !== a.kind || !LISTED.test(text.slice(p.end, next.start))) break;
        push({ ...tie, from: p, start: p.start, end: tie.end });
        next = p;
      }
    // The role is plural ("its leaders", "its spokesmen"): each of the people listed after b holds it.
    if (tie.from === b && PLURAL_ROLE.test(between))
      for (let k = i + 2, prev = b; k < actors.length; k++) {
        const c = actors[k] as RelationActor;
        if (c.kind !== b.kind || !LISTED.test(text.slice(prev.end, c.start))) break;
        push({ ...tie, from: c, start: tie.start, end: c.end });
        prev = c;
      }
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

  if (sentenceStart >= 0) openingBacker(reading, sentenceStart);

  for (let i = 0; i < actors.length; i++) {
    const a = actors[i] as RelationActor;
    const b = actors[i + 1];
    officeTies(reading, a);
    writtenTies(reading, a, i);
    stateBodyTie(reading, a, i);
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
    const tied = pair(a, b, between, i);
    if (tied) shareTie(a, b, between, i);
    if (!tied || !c) continue;
    // "backed by Iran and affiliated with the IRGC", "X, who leads the Y group and who was designated …
    // by Z": a second tie of the same subject, joined by "and".
    const also = new RegExp(
      `^(?:\\s+${HEAD_NOUN})?\\s+(?:and|but)\\s+(?:(?:who|which)\\s+(?=(?:is|was|are|were|has|had|have)\\b)|((?:is|was|are|were)\\s+)?(?=[a-z]+(?:ed|en)\\s+(?:by|with|to)\\b))`,
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
  sanctionsTold(reading, back);
  withItsRole(reading);
  return out;
}

/** "Y …, with X its chairman and top commander": X holds the role in the sentence's subject. */
const WITH_BEFORE = /,\s+with\s+$/i;
const ITS_ROLE_AFTER = new RegExp(
  `^\\s+(?:as\\s+)?(?:its|their)\\s+(?:(?:top|senior|current|new|former)\\s+)?(${ROLE_WORDS})\\b`,
  "i",
);

function withItsRole(r: TieReading): void {
  const { text, actors, push } = r;
  const subject = actors[0];
  if (!subject || subject.kind === "person" || subject.kind === "state") return;
  for (const x of actors.slice(1)) {
    if (x.kind !== undefined && x.kind !== "person") continue;
    const role = WITH_BEFORE.test(text.slice(Math.max(0, x.start - 8), x.start))
      ? ITS_ROLE_AFTER.exec(text.slice(x.end, x.end + 60))
      : null;
    const type = role ? typeOfRole(role[1] as string) : null;
    if (!role || !type) continue;
    push({
      type,
      from: x,
      to: subject,
      role: (role[1] as string).toLowerCase(),
      former: false,
      pattern: "Y …, with X its leader",
      start: x.start,
      end: x.end + role[0].length,
      confidence: 0.7,
    });
  }
}

/** A sentence that opens on who backs its subject: "Backed by Iran, …", "Supported by the Iraqi army, …". */
const OPENING_BACKED =
  /^\W*(?:[A-Z][a-z]+ly\s+)?(?:backed|supported|funded|armed|trained|aided|assisted|helped)\s+by\s+(?:the\s+)?$/i;

/**
 * "Supported by the Iraqi army, Hashd al-Shaabi militia invaded Kirkuk": the subject after the
 * opening participle is backed by the one it names.
 */
function openingBacker(r: TieReading, sentenceStart: number): void {
  const { text } = r;
  const [backer, backed] = r.actors;
  if (
    backer &&
    backed &&
    OPENING_BACKED.test(text.slice(sentenceStart, backer.start)) &&
    /^,\s+(?:the\s+)?$/.test(text.slice(backer.end, backed.start)) &&
    // ("Backed by Iran, Iraq's Shiite militias …": the state opens the name of who is backed.)
    backed.kind !== "state" &&
    !ownsNext(text, backed.end)
  )
    r.push({
      type: "backed_by",
      from: backed,
      to: backer,
      role: null,
      former: false,
      pattern: "Backed by X, Y …",
      start: sentenceStart,
      confidence: 0.7,
    });
}

/** "The sanctions targeted militia leaders X and Y": the sanctions told before, and who they name. */
const SANCTIONS_NAMED =
  /\bthe\s+(?:new\s+|latest\s+|same\s+)?(?:sanctions|designations?)\s+(?:also\s+)?(?:targeted|target|targets|hit|hits|named|names|included|include|includes|covered|cover|were imposed on|are on)\s+(?:the\s+)?(?:[a-z-]+\s+){0,3}?$/i;
/** "Sultan and Jubouri were designated for corruption": a listing with no "by", after the names. */
const LISTED_FOR =
  /^\s+(?:were|was|have been|has been|had been)\s+(?:also\s+)?(?:sanctioned|designated|blacklisted)\s+(?:for|over|because|under|on|in connection)\b/i;
/** How far back (in characters, two or three sentences) the sanctions told may be. */
const SANCTIONER_REACH = 600;
/** Between names of one list the sanctions named, with what they are: ", ", " and former governors ". */
const LIST_GAP = new RegExp(String.raw`${LIST_JOIN}(?:(?:the|former|militia|two|three|four|[a-z]+s)\s+){0,3}$`);

/**
 * Sanctions the text told, then names whom they listed without saying by whom: "The sanctions
 * targeted X and Y", "X and Y were designated for corruption". The sanctioner is the one the
 * sanctions were told of ("The United States sanctioned two militia leaders …").
 */
function sanctionsTold(r: TieReading, back: BackReferences): void {
  const { text, actors, push } = r;
  for (let i = 0; i < actors.length; i++) {
    const a = actors[i] as RelationActor;
    const opens = SANCTIONS_NAMED.exec(text.slice(Math.max(0, a.start - 80), a.start));
    const list = [a];
    let next = actors[i + 1];
    while (next && LIST_GAP.test(text.slice((list.at(-1) as RelationActor).end, next.start))) {
      list.push(next);
      i++;
      next = actors[i + 1];
    }
    const last = list.at(-1) as RelationActor;
    const clause = text.slice(last.end, last.end + 120).split(/[.;]/)[0] as string;
    // (A listing that says by whom is another reader's: "X was designated … by the EU".)
    const listedFor = opens || /\bby\b/.test(clause) ? null : LISTED_FOR.exec(clause);
    if (!opens && !listedFor) continue;
    const by = back.sanctioner?.(a.start);
    if (!by || a.start - by.end > SANCTIONER_REACH) continue;
    // The words that tell it: from "the sanctions" to the last name, or from the first name to "designated for".
    const start = opens ? a.start - opens[0].length : a.start;
    const end = listedFor ? last.end + listedFor[0].length : last.end;
    for (const x of list) {
      // ("The sanctions hit X's allies": whom X is of is not who was listed.)
      if ((x.kind !== undefined && STATE_KINDS.has(x.kind)) || ownsNext(text, x.end)) continue;
      push({
        type: "sanctioned_by",
        from: x,
        to: by,
        role: null,
        former: false,
        pattern: opens ? "the sanctions told before targeted X" : "X was designated for …, by who the text said",
        start,
        end,
        confidence: 0.6,
      });
    }
  }
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

/** Words after a body's name that make it modify another noun ("the U.S.-led mission"); its own head noun does not. */
const NOT_THE_GROUP = new RegExp(
  `^(?:-(?:led|backed|based|linked)|\\s+(?!(?:of|in|and|or|since|for|who|which|that|to|on|at|with|as|from|by|is|was|are|were|has|had|have|said|says|told|${HEAD_NOUN})\\b)[a-z]{3,})`,
);

/** "X, the leader of Y": a role of the body named after it. */
function roleOfBody(r: TieReading, a: RelationActor, b: RelationActor, between: string): boolean {
  const { text, push } = r;
  // "the commander of the U.S.-led mission": the U.S. modifies the mission, it is not the group;
  // "founder of the Asaib Ahl al-Haq network": a group's own head noun keeps it the group.
  // ("the commander of Iraq forces": a state's forces are not the state.)
  const after = text.slice(b.end, b.end + 20);
  const headsPhrase =
    !NOT_THE_GROUP.test(after) && !(b.kind !== undefined && STATE_KINDS.has(b.kind) && /^\s+forces?\b/i.test(after));
  const m = headsPhrase ? APPOSITION.exec(between) : null;
  // "X is the leader of Y" said outright: X is the clause's subject, not the object of a word
  // before it ("The nephew of X is a commander in Y").
  if (
    m &&
    !between.startsWith(",") &&
    /\b(?:of|by|for|with|to|from|and|than)\s+(?:the\s+)?$/i.test(text.slice(Math.max(0, a.start - 12), a.start))
  )
    return false;
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
  return false;
}

/** "X, the PMF commander": the body, then the role. */
function bodyThenRole(r: TieReading, a: RelationActor, b: RelationActor, between: string): boolean {
  const { text, push } = r;
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
  return false;
}

/** "Y, which is led by X", "units commanded by X". */
function ledBy(r: TieReading, a: RelationActor, b: RelationActor, between: string): boolean {
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
    return read(
      r,
      commanded ? "commands" : "leads",
      b,
      a,
      commanded ? "Y, commanded by X" : "Y, which is led by X",
      0.8,
    );
  }
  return false;
}

/** "X, a faction with ties to Y". */
function tiesDescribed(r: TieReading, a: RelationActor, b: RelationActor, between: string): boolean {
  // "X, an Iraqi paramilitary faction with strong ties to Iran", "X, a Telegram channel close to Y": ties.
  if (
    /^,\s+(?:an?|the)\s+[^,;]{0,60}?\b(?:(?:with|has)\s+(?:(?:strong|close|deep|long|longstanding|historic)\s+)*(?:ties|links)\s+to|close\s+to|affiliated\s+(?:with|to)|aligned\s+with)\s+(?:the\s+)?$/i.test(
      between,
    )
  ) {
    return read(r, "linked_to", a, b, "X, a faction with ties to Y", 0.75);
  }
  return false;
}

/** A verb between the two that states a tie ("X, who heads Y"). */
function verbTie(r: TieReading, a: RelationActor, b: RelationActor, between: string): boolean {
  const { text, push } = r;
  // "grew up in the IRGC fighting alongside Iran": a name after a preposition is no verb's subject.
  const object = /\b(?:in|of|from|with|by|to|for|at|on|into|against|under|within)\s+(?:the\s+)?$/i.test(
    text.slice(Math.max(0, a.start - 12), a.start),
  );
  // "linked to the United States embassy attack": the name only modifies the noun after it.
  const modifies = NOT_THE_GROUP.test(text.slice(b.end, b.end + 20));
  for (const [re, type, dir, pattern, subject] of VERB_TIES) {
    if (subject && object) continue;
    if (!re.test(between) || (type === "linked_to" && modifies)) continue;
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
  return false;
}

/** "Y's X": as the atlas holds the tie, else by their kinds. */
function possessive(r: TieReading, a: RelationActor, b: RelationActor, between: string): boolean {
  const { held, push } = r;
  // "Hadi al-Amiri's Badr Organization", "Iran's IRGC", "Asaib Ahl al-Haq's Qais Khazali": as the atlas holds the tie, else by kinds.
  if (/^['’]s\s+$/.test(between)) {
    const tie = held.find(
      (h) => (h.fromId === a.actorId && h.toId === b.actorId) || (h.fromId === b.actorId && h.toId === a.actorId),
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
      return read(r, "part_of", b, a, "the state's forces Y", 0.7);
    }
    if (b.kind === "person" && a.kind !== undefined && ORG_KINDS.has(a.kind) && a.kind !== "media") {
      return read(r, "member_of", b, a, "the group's X", 0.6);
    }
  }
  return false;
}

/** "Y and its leaders, X". */
function itsRole(r: TieReading, a: RelationActor, b: RelationActor, between: string): boolean {
  const { push } = r;
  // "Asaib Ahl al-Haq and its leaders, Qays and Laith al-Khazali": the group's role, then who holds it.
  const its = a.kind === "state" ? null : ITS_ROLE.exec(between);
  const itsType = its ? typeOfRole(its[1] as string) : null;
  if (its && itsType && (b.kind === undefined || b.kind === "person")) {
    push({
      type: itsType,
      from: b,
      to: a,
      role: (its[1] as string).toLowerCase().replace(/s$/, ""),
      former: false,
      pattern: `Y ${/\b(?:through|via)\b/i.exec(between)?.[0].toLowerCase() ?? "and"} its ${(its[1] as string).toLowerCase()}, X`,
      confidence: 0.75,
    });
    return true;
  }
  return false;
}

/** "Y's secretary-general X", "Y leader X". */
function roleBetween(r: TieReading, a: RelationActor, b: RelationActor, between: string): boolean {
  const { push } = r;
  const m = a.kind === "state" ? null : ROLE_BETWEEN.exec(between);
  // "the PMU's head of force deployments X": who heads a part of Y is one of Y's people, not its head.
  const over = m?.[3];
  if (m && over && b.kind !== undefined && b.kind !== "person") return false;
  if (m) {
    const type = over ? "member_of" : typeOfRole(m[2] as string, a.kind);
    if (type) {
      push({
        type,
        from: b,
        to: a,
        role: `${m[2] as string}${over ? ` of ${over}` : ""}`.toLowerCase(),
        former: Boolean(m[1]) && !/^then/i.test(m[1] as string),
        pattern: `Y's ${(m[2] as string).toLowerCase()} X`,
        confidence: 0.8,
      });
      return true;
    }
  }
  return false;
}

/** "Z, a faction of Y". */
function partOf(r: TieReading, a: RelationActor, b: RelationActor, between: string): boolean {
  // "the most influential militia in Iraq": a state after "in" is where, not what it belongs to.
  if (PART_OF.test(between) && !(b.kind === "state" && /\b(?:in|inside)\s+(?:the\s+)?$/i.test(between))) {
    return read(r, "part_of", a, b, "Z, a faction of Y", 0.8);
  }
  return false;
}

/** "Y, an umbrella of militias including Z". */
function umbrella(r: TieReading, a: RelationActor, b: RelationActor, between: string, i: number): boolean {
  const { text, actors, push } = r;
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
      if (!LISTED.test(text.slice(prev.end, next.start))) break;
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
  return false;
}

/** "Y, which is funded by X". */
function backedBetween(r: TieReading, a: RelationActor, b: RelationActor, between: string): boolean {
  if (BACKED_BETWEEN.test(between)) {
    return read(r, "backed_by", a, b, "Y, which is funded by X", 0.8);
  }
  return false;
}

/**
 * A sanction or a designation between two actors: "B sanctioned A", "B designated A" (`active`:
 * the lister first), "A was sanctioned by B", "A was designated … by B". The lister is a state or
 * its body, or not yet known.
 */
function sanctionTie(active: boolean) {
  return (r: TieReading, a: RelationActor, b: RelationActor, between: string): boolean => {
    const m = (active ? SANCTION_ACTIVE : SANCTION_PASSIVE).exec(between);
    const [listed, lister] = active ? [b, a] : [a, b];
    if (!m || !(lister.kind === undefined || STATE_KINDS.has(lister.kind))) return false;
    const designated = /designat|list|brand|label/i.test(m[1] as string);
    const pattern = active
      ? `the Treasury ${designated ? "designated" : "sanctioned"} X`
      : `X was ${designated ? "designated …" : "sanctioned"} by Y`;
    return read(r, designated ? "designated_by" : "sanctioned_by", listed, lister, pattern, 0.8);
  };
}

/** An office said with a person's name: a state's ("Iraqi Prime Minister X", "X, Iraq's foreign minister"), one the atlas holds ("President X"), a US title ("Secretary of State X"). */
function officeTies(r: TieReading, a: RelationActor): void {
  const { text, held, push, knownAs, out } = r;
  // "Iraqi Prime Minister Haidar al-Abadi", "top Iranian commander Qasem Soleimani", "Iraq's president X";
  // "U.S. President Joe Biden", where the name found holds the title ("President Joe Biden").
  const titled = /^(?:(?:President|Prime Minister|Vice President|Supreme Leader|King|Emir|Gen\.|General)\s+)+/.exec(
    text.slice(a.start, a.end),
  );
  const nameAt = a.start + (titled && titled[0].length < a.end - a.start ? titled[0].length : 0);
  const officeBefore =
    a.kind === undefined || a.kind === "person"
      ? STATE_OFFICE.exec(text.slice(Math.max(0, nameAt - 60), nameAt))
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
        ? nameAt - office[0].length
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
}

/** Ties written into the words around a name: "Iran-backed X", "X, an Iran-backed militia", "U.S.-designated X", "the anti-American X", "X pro-Iran faction". */
function writtenTies(r: TieReading, a: RelationActor, i: number): void {
  const { text, actors, push, knownAs } = r;
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
    LISTED.test(text.slice((actors[head - 1] as RelationActor).end, (actors[head] as RelationActor).start))
  )
    head--;
  const listStart = (actors[head] as RelationActor).start;
  const described =
    /([A-Z][\w.]*)-(backed|supported|funded|sponsored|aligned|allied|linked|affiliated)\s+(?:[A-Za-z-]+\s+){0,3}?(?:militias?|groups?|factions?|forces|organi[sz]ations?|paramilitar(?:y|ies)|proxy|proxies)(?:,\s+|\s+(?:including|such as|like)\s+(?:the\s+)?)$/.exec(
      text.slice(Math.max(0, listStart - 90), listStart),
    ) ?? /\b([A-Z][\w.]*)\s+(proxy)\s+$/.exec(text.slice(Math.max(0, a.start - 30), a.start));
  const describedAfter =
    /^(?:(?:,\s+|\s+(?:is|was|are|were|remains)\s+)(?:an?|the|one of the|another)|\s+and\s+(?:all\s+)?(?:the\s+)?other)\s+(?:[a-z-]+\s+){0,3}?([A-Z][\w.]*)-(backed|supported|funded|sponsored|aligned|allied|linked|affiliated)\b/.exec(
      text.slice(a.end, a.end + 80),
    ) ??
    // "Kataib Hezbollah, another U.S.-designated Iranian proxy": the state the proxy serves.
    /^(?:,\s+|\s+(?:is|was|are|were|remains)\s+)(?:an?|the|another|one of the)\s+(?:[A-Za-z.-]+\s+){0,3}?([A-Z][a-z]+)\s+(prox(?:y|ies))\b/.exec(
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
    // (A state by its name or adjective, or an actor the atlas knows: "a Shiite proxy" names no backer.)
    const named = backer !== null && (backer.actorId !== null || stateNamed(describing[1] as string) !== describing[1]);
    if (backer && named && backer.actorId !== a.actorId)
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
  // "U.S.-designated Harakat al-Nujaba", "Kataib Hezbollah, another U.S.-designated proxy": a
  // designation (or sanctions) written into a word, before the name or in a description after it.
  const listedBefore = DESIGNATED_BEFORE.exec(text.slice(Math.max(0, a.start - 60), a.start));
  const listedAfter = listedBefore ? null : DESIGNATED_AFTER.exec(text.slice(a.end, a.end + 80));
  const listed = listedBefore ?? listedAfter;
  const lister = listed ? backerOf(listed[1] as string, actors, knownAs) : null;
  if (listed && lister && lister.actorId !== a.actorId && (lister.actorId || lister.kind === "state")) {
    const designated = /designated|blacklisted/i.test(listed[2] as string);
    push({
      type: designated ? "designated_by" : "sanctioned_by",
      from: a,
      to: { ...lister, start: a.start, end: a.start },
      role: null,
      former: false,
      pattern: designated ? "U.S.-designated X" : "U.S.-sanctioned X",
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
}

/** "the U.S. State Department": a state's body is part of the state. */
function stateBodyTie(r: TieReading, a: RelationActor, i: number): void {
  const { text, actors, push, knownAs } = r;
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
}

/** Puts the tie a reader read (no role; as the words state it now) and says it read one. */
function read(
  r: TieReading,
  type: RelationType,
  from: RelationActor,
  to: RelationActor,
  pattern: string,
  confidence: number,
): true {
  r.push({ type, from, to, role: null, former: false, pattern, confidence });
  return true;
}

/** A reader of the words between a and b (i: a's place among the actors): true when it read a tie. */
type TieReader = (r: TieReading, a: RelationActor, b: RelationActor, between: string, i: number) => boolean;

/** The ties the words between two actors may state, tried in turn: the first that reads one wins. */
const TIES_BETWEEN: TieReader[] = [
  roleOfBody,
  bodyThenRole,
  ledBy,
  tiesDescribed,
  verbTie,
  possessive,
  itsRole,
  roleBetween,
  partOf,
  umbrella,
  backedBetween,
  sanctionTie(true),
  sanctionTie(false),
];
