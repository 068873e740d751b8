/**
 * The ties the words between two actors may state ("X, the leader of Y", "Y's spokesman X", "Z, a
 * faction of Y", "Y, backed by Iran"), each a reader tried in turn by findRelations (relations.ts).
 */
import type { RelationType } from "@atlas/schema";
import { HEAD_NOUN } from "./nouns.js";
import type { RelationActor, TieReading } from "./relation-types.js";
import {
  APPOSITION,
  BACKED_BETWEEN,
  GROUP_KINDS,
  ITS_ROLE,
  LISTED,
  ORG_KINDS,
  PART_OF,
  ROLE_BETWEEN,
  ROLE_WORDS,
  SANCTION_ACTIVE,
  SANCTION_PASSIVE,
  STATE_KINDS,
  typeOfRole,
  UMBRELLA,
  VERB_TIES,
} from "./relation-words.js";

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
    const prefix = m[2] as string;
    // "X, the founder and leader of Y": two roles, each its own tie.
    const also = COORDINATED_ROLE.exec(prefix);
    let type = typeOfRole(m[3] as string);
    // "Anbar head of the PMF", "the security head of": a part of the group, not the whole.
    // ("a senior leader of": any word before the title makes it a member's.)
    if (type === "leads" && !also && PART_HEAD.test(prefix)) type = "member_of";
    if (type) {
      const former = Boolean(m[1]) && !/^then/i.test(m[1] as string);
      const confidence = a.actorId && b.actorId ? 0.85 : 0.75;
      // (The words before a title keep their case: "Anbar province head".)
      const roles = also
        ? [(also[1] as string).toLowerCase(), (m[3] as string).toLowerCase()]
        : [`${prefix.trim()} ${(m[3] as string).toLowerCase()}`.trim()];
      for (const role of roles) {
        const roleType = also ? typeOfRole(role) : type;
        if (!roleType) continue;
        const word = (also ? role : (m[3] as string)).toLowerCase();
        push({
          type: roleType,
          from: a,
          to: b,
          role,
          former,
          pattern: `X, the ${word} of Y`,
          confidence,
        });
      }
      return true;
    }
  }
  return false;
}

/** A tie's words right before its object: "aligned with", "backed by", "loyal to". */
const TIE_OBJECT =
  /\b(?:aligned|allied|linked|affiliated|close|loyal|tied|connected|backed|funded|supported|sponsored|armed|trained|opposed)\s+(?:with|to|by)\s+(?:the\s+)?$/i;

/** Words before a head's title that make him head of a part of the group, or one of its heads ("the security head of", "a senior leader of"). */
const PART_HEAD = /\b[A-Z][a-z]+\s+$|security|regional|provincial|local|branch|media|military/i;
/** A role, then "and", before another: "the founder and leader of". */
const COORDINATED_ROLE = new RegExp(`^(${ROLE_WORDS})\\s+and\\s+$`, "i");

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

/**
 * "Y, which is led by X", "Y, the paramilitary group headed by X": a name in brackets, the group's
 * noun and a title may come between.
 */
const LED_BY = new RegExp(
  String.raw`^(?:\s+\([^()]{1,40}\))?,?\s+(?:(?:the|an?)\s+(?:[a-z-]+\s+){0,2}?${HEAD_NOUN}\s+)?(?:(?:which|who|that)\s+(?:is|are|was|were|has been|had been)\s+)?(?:(?:now|currently|still|also)\s+)?(led|headed|run|chaired|commanded)\s+by\s+(?:the\s+)?(?:(?:former|then|current|late)\s+)?(?:(?:[A-Z][a-z.]+|speaker|minister|prime|cleric|commander|leader|president|chief|general|secretary)\s+){0,3}$`,
);

/** "Y, which is led by X", "units commanded by X". */
function ledBy(r: TieReading, a: RelationActor, b: RelationActor, between: string): boolean {
  // "Operation Inherent Resolve, which is led by the United States", "the government, headed by X",
  // "units commanded by X".
  // "The State of Law Coalition led by former Prime Minister Nuri al-Maliki", "The Alliance of
  // Progress (Takadum) led by the Parliament speaker X": a name in brackets and a title may come between.
  const ledBy = LED_BY.exec(between);
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
  // "PMF elements aligned with Iran, who have been integrated into …": a clause after a tie's
  // object tells of the noun the tie describes, not of the object.
  // (A person after the tie is the clause's: "Fighters loyal to Muqtada al-Sadr, who heads the Sadrist movement".)
  if (
    a.kind !== "person" &&
    /^,\s+(?:who|which|that)\b/i.test(between) &&
    TIE_OBJECT.test(text.slice(Math.max(0, a.start - 30), a.start))
  )
    return false;
  for (const [re, type, dir, pattern, subject] of VERB_TIES) {
    if (subject && object) continue;
    // ("a critic of Iran-backed factions" is no critic of Iran.)
    if (!re.test(between) || ((type === "linked_to" || pattern === "X, a foe of Y") && modifies)) continue;
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
  // (Nor a person's: "Muhandis's chief of staff X" works for him, as no member.)
  if (m && over && ((b.kind !== undefined && b.kind !== "person") || a.kind === "person")) return false;
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
export const TIES_BETWEEN: TieReader[] = [
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
