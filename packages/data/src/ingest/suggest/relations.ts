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
 *
 * The readers of the words between two actors are ties-between.ts's; the ties one actor's own
 * words carry, actor-ties.ts's; the shapes they share, relation-types.ts's.
 */
import { stateNamed } from "../../names/paraphrase.js";
import { TITLE_WORDS } from "../../names/titles.js";
import { officeTies, stateBodyTie, writtenTies } from "./actor-ties.js";
import { kinTies } from "./kin.js";
import { BODY_NOUNS, BODY_REFERENCE, HEAD_NOUN, ownsNext } from "./nouns.js";
import type { BackReferences, HeldRelation, RelationActor, RelationHit, TieReading } from "./relation-types.js";
import {
  BODY_ROLES,
  GROUP_HEAD,
  LIST_JOIN,
  LISTED,
  LISTED_DESCRIBED,
  NUMBERED_UNIT,
  ROLE_OF_BEFORE,
  ROLE_WORDS,
  STATE_KINDS,
  STATE_NAMES_WORD,
  typeOfRole,
  UNIT_AFTER_GROUP,
  UNIT_OF_GROUP,
} from "./relation-words.js";
import { TIES_BETWEEN } from "./ties-between.js";

/** Ties a list of objects shares: "allied with A and B", "backed by Iran and Hezbollah". */
const LIST_SHARED = new Set(["allied_with", "opposes", "backed_by", "linked_to"]);

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
    // The tie's object is a list ("fought alongside A, the Lebanese group B and C", "backed by Iran
    // and Hezbollah"): each listed shares it.
    if (tie.from === a && tie.to === b && LIST_SHARED.has(tie.type))
      for (let k = i + 2, prev = b; k < actors.length; k++) {
        const c = actors[k] as RelationActor;
        const join = text.slice(prev.end, c.start);
        // (", and" straight after the object ends its clause or apposition: two listed names take no
        // comma. "X, which is backed by Iran, and Y have threatened", "X is allied with Iran, and Y …".)
        if (!LISTED_DESCRIBED.test(join) || (k === i + 2 && /^\s*,\s+and\b/.test(join))) break;
        push({ ...tie, to: c, start: tie.start, end: c.end });
        prev = c;
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
    // "the commander of the PMU 80th Brigade": the tie is to the group's numbered unit, not the group.
    const unitNext = c !== undefined && NUMBERED_UNIT.test(c.name) && UNIT_AFTER_GROUP.test(text.slice(b.end, c.start));
    if (unitNext && pair(a, c, text.slice(a.end, b.start), i + 1)) continue;
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
    // (A name in quotation marks: "the security official of Y, “Abu Ali al-Askari,”"; or after its
    // title: "a spokesman for Y, Col. X".)
    const comma = /^(?:['’]s)?,\s+(?:["“]|((?:\p{Lu}[\p{L}]*\.?\s+){1,3}))?$/u.exec(gap);
    if (!(comma && (!comma[1] || onlyTitles(comma[1]))) && !titled) continue;
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
  numberedUnits(reading);
  for (const h of kinTies(text, actors, back.person)) push(h);
  sanctionsTold(reading, back);
  withItsRole(reading);
  return out;
}

/**
 * A group's numbered unit is part of it: "the PMU 80th Brigade", "the Iraqi army's 9th Division",
 * "the 80th Brigade of the Popular Mobilization Forces".
 */
function numberedUnits(r: TieReading): void {
  const { text, actors, push } = r;
  for (let i = 0; i + 1 < actors.length; i++) {
    const [a, b] = [actors[i] as RelationActor, actors[i + 1] as RelationActor];
    const gap = text.slice(a.end, b.start);
    const group = (x: RelationActor) => x.kind !== "person" && !NUMBERED_UNIT.test(x.name);
    const [unit, of] =
      NUMBERED_UNIT.test(b.name) && group(a) && UNIT_AFTER_GROUP.test(gap)
        ? [b, a]
        : NUMBERED_UNIT.test(a.name) && group(b) && UNIT_OF_GROUP.test(gap)
          ? [a, b]
          : [null, null];
    if (!unit || !of) continue;
    push({
      type: "part_of",
      from: unit,
      to: of,
      role: null,
      former: false,
      pattern: "Y's numbered unit X",
      confidence: 0.7,
    });
  }
}

/** Words that are all titles before a name: "Col. ", "Lt. Gen. ", "Sheikh ". */
const onlyTitles = (words: string) =>
  words
    .trim()
    .split(/\s+/)
    .every((w) => TITLE_WORDS.has(w.replace(/\.$/, "").toLowerCase()));

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
